from django.db import models


class Rol(models.TextChoices):
    """What a user may see and do (issue 4); one person may hold several roles."""

    BEHEERDER = "beheerder", "Beheerder"
    PERSONEELSZAKEN = "personeelszaken", "Personeelszaken"
    MANAGEMENT = "management", "Management"
    LEIDINGGEVENDE = "leidinggevende", "Leidinggevende"
    JOBCOACH = "jobcoach", "Jobcoach"
    WERVING = "werving", "Werving"
    OPDRACHTGEVER = "opdrachtgever", "Opdrachtgever"


# Roles that see the whole organisation (each within what its role allows).
ORGANISATION_WIDE = {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.WERVING}
# Roles that may see lists of people at all.
SEES_PEOPLE = {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.LEIDINGGEVENDE, Rol.JOBCOACH}
# Roles that may change people, contracts, placements and teams.
CHANGES_PEOPLE = {Rol.PERSONEELSZAKEN}
