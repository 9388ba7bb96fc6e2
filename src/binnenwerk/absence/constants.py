from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol

# The full-time week of the Rijk (CAO Rijk): the part-time factor on a day is the person's
# contract hours that day / VOLTIJD_UREN. (settings has no VOLTIJD_UREN; it lives here.)
VOLTIJD_UREN = Decimal(36)
# A group with fewer distinct people employed in the period shows no figures.
MIN_GROEP = 5
# The worklist shows open steps overdue or due within this many days.
WERKLIJST_DAGEN = 14
# Evaluations follow one another at least every 6 weeks.
EVALUATIE_INTERVAL_WEKEN = 6


class ZiekmeldingSoort(models.TextChoices):
    ZIEK = "ziek", _("Sick")
    ZWANGERSCHAP = "zwangerschap", _("Pregnancy and maternity leave")


class StapSoort(models.TextChoices):
    PROBLEEMANALYSE = "probleemanalyse", _("Problem analysis")
    PLAN_VAN_AANPAK = "plan_van_aanpak", _("Plan of action")
    EVALUATIE = "evaluatie", _("Evaluation")
    ZIEKMELDING_UWV = "ziekmelding_uwv", _("Sick report to UWV")
    EERSTEJAARSEVALUATIE = "eerstejaarsevaluatie", _("First-year evaluation")
    WIA_AANVRAAG = "wia_aanvraag", _("WIA application")


class StapStatus(models.TextChoices):
    OPEN = "open", _("Open")
    GEDAAN = "gedaan", _("Done")
    VERVALLEN = "vervallen", _("Lapsed")


class Per(models.TextChoices):
    """How the figures are grouped."""

    ORGANISATIE = "organisatie", _("Whole organisation")
    TEAM = "team", _("Team")
    WERKSOORT = "werksoort", _("Work type")
    OPDRACHTGEVER = "opdrachtgever", _("Client")


# Who reads and writes sick reports (scope.py narrows a supervisor to their teams).
READS_DETAILS = (Rol.PERSONEELSZAKEN, Rol.LEIDINGGEVENDE)
# Who sees the figures organisation-wide.
SEES_ALL_FIGURES = (Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.BEHEERDER)
# Who sees figures at all: organisation-wide, or a supervisor's teams, or a client's jobs.
SEES_FIGURES = {*SEES_ALL_FIGURES, Rol.LEIDINGGEVENDE, Rol.OPDRACHTGEVER}
# Who sets the norm per year.
SETS_NORM = (Rol.PERSONEELSZAKEN, Rol.BEHEERDER)
