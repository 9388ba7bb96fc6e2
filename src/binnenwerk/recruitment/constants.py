"""Recruitment's choices: where a candidate came from, the indication's status, the stages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol


class Herkomst(models.TextChoices):
    UWV = "uwv", "UWV"
    GEMEENTE = "gemeente", _("Municipality")
    SCHOOL = "school", _("School")
    EIGEN = "eigen", _("Own application")
    ANDERS = "anders", _("Other")


class Indicatie(models.TextChoices):
    """Whether the candidate is in UWV's target-group register: never why."""

    AANGEVRAAGD = "aangevraagd", _("Requested")
    JA = "ja", _("Yes")
    NEE = "nee", _("No")


class Fase(models.TextChoices):
    AANGEMELD = "aangemeld", _("Registered")
    KENNISMAKING = "kennismaking", _("Introduction")
    PROEFPLAATSING = "proefplaatsing", _("Trial placement")
    AANGENOMEN = "aangenomen", _("Hired")
    AFGEWEZEN = "afgewezen", _("Rejected")
    TERUGGETROKKEN = "teruggetrokken", _("Withdrawn")


# The path a candidate walks, one step at a time; the last step only through hiring.
PAD = [Fase.AANGEMELD, Fase.KENNISMAKING, Fase.PROEFPLAATSING, Fase.AANGENOMEN]
OPEN = [Fase.AANGEMELD, Fase.KENNISMAKING, Fase.PROEFPLAATSING]
# Where a candidate leaves the path; each needs a reason.
AFGESLOTEN = [Fase.AFGEWEZEN, Fase.TERUGGETROKKEN]
EINDFASEN = [Fase.AANGENOMEN, *AFGESLOTEN]

# A trial placement lasts 2 to 6 months (start and last day inclusive).
PROEF_MIN_MAANDEN = 2
PROEF_MAX_MAANDEN = 6

# Who sees and changes candidates (personal data); who sees only the funnel's aggregates.
CHANGES_CANDIDATES = {Rol.BEHEERDER, Rol.PERSONEELSZAKEN, Rol.WERVING}
SEES_FUNNEL = {*CHANGES_CANDIDATES, Rol.MANAGEMENT}
