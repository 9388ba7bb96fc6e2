from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """What a user may see and do (issue 4); one person may hold several roles."""

    BEHEERDER = "beheerder", _("Administrator")
    PERSONEELSZAKEN = "personeelszaken", _("Human resources")
    MANAGEMENT = "management", _("Management")
    LEIDINGGEVENDE = "leidinggevende", _("Supervisor")
    JOBCOACH = "jobcoach", _("Job coach")
    WERVING = "werving", _("Recruitment")
    OPDRACHTGEVER = "opdrachtgever", _("Client")
    MONITOR = "monitorcoordinator", _("Monitor coordinator")


# Roles that see the whole organisation (each within what its role allows).
ORGANISATION_WIDE = {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.WERVING}
# Roles that may see lists of people at all.
SEES_PEOPLE = {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.LEIDINGGEVENDE, Rol.JOBCOACH}
# Roles that see a person's BSN, date of birth and target-group indication (special data).
SEES_PERSONAL_DETAILS = {Rol.PERSONEELSZAKEN, Rol.BEHEERDER}
# Roles that may change people, contracts, placements and teams.
CHANGES_PEOPLE = {Rol.PERSONEELSZAKEN}
# Roles that see the whole Job Agreement monitor; a client sees its own ministry's row.
SEES_MONITOR = {Rol.BEHEERDER, Rol.MANAGEMENT, Rol.MONITOR}
# Roles that enter targets and quarterly figures.
CHANGES_MONITOR = {Rol.BEHEERDER, Rol.MONITOR}
