from django.db import models
from django.utils.translation import gettext_lazy as _

# The longest coaching note the service accepts (characters).
MAX_NOTITIE = 5000
# Salary scales (schalen) of the Rijk that a job profile may sit on.
MIN_SCHAAL, MAX_SCHAAL = 1, 18


class DoelStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEHAALD = "behaald", _("Achieved")
    VERVALLEN = "vervallen", _("Lapsed")


class InzageSoort(models.TextChoices):
    """What kind of special-category record was read (the access log is generic)."""

    COACHINGNOTITIE = "coachingnotitie", _("coaching note")
    ONTWIKKELDOEL = "ontwikkeldoel", _("development goal")
    ZIEKMELDING = "ziekmelding", _("sick report")
