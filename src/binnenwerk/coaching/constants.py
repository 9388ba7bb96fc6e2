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
    # A person's details with the target-group indication, date of birth or BSN (issue 11).
    DOELGROEPINDICATIE = "doelgroepindicatie", _("target-group indication")
    # A download or export file with personal data of many people: no single person.
    EXPORT = "export", _("export")


# The kinds read on a coaching or absence page (shown there as "who read the notes").
RECORD_KINDS = (InzageSoort.COACHINGNOTITIE, InzageSoort.ONTWIKKELDOEL, InzageSoort.ZIEKMELDING)
# The longest why-context kept with an access record (page or export name and its filter).
MAX_CONTEXT = 200
