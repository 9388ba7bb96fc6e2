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
    # The data protection officer (functionaris gegevensbescherming): reads the access log
    # and nothing else (least privilege: no people, teams or figures).
    PRIVACY = "privacy", _("Privacy officer")


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
# Roles that search the access log (who read special-category data, every export). Only the
# privacy officer: not the administrator, who would then watch the readers' own colleagues
# without being accountable for it (least privilege).
READS_ACCESS_LOG = {Rol.PRIVACY}
# Roles whose holders see nothing but the access log: every other page and endpoint, even the
# reference data every other signed-in user reads, answers 404 to them.
ONLY_ACCESS_LOG = frozenset({Rol.PRIVACY})
