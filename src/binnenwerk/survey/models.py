"""The yearly employee survey: a questionnaire of themes and questions, one-time codes per
team, and anonymous responses.

Anonymous by construction: an invitation (`Uitnodiging`) holds the team and the keyed
digest (HMAC-SHA256 with a server key) of its code, never a person; a response (`Respons`)
holds the questionnaire, the team and the date, nothing else: no user, no code, no address,
no time of day.
"""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.organisation.models import Team
from binnenwerk.survey.constants import CIJFER_MAX, CIJFER_MIN, VraagSoort


class Vragenlijst(models.Model):
    jaar = models.PositiveSmallIntegerField(_("year"), unique=True)
    titel = models.CharField(_("title"), max_length=200)
    open_van = models.DateField(_("open from"))
    open_tot = models.DateField(_("open until"), help_text=_("The last day, inclusive."))

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["-jaar"]
        constraints = [
            models.CheckConstraint(
                condition=Q(open_tot__gte=F("open_van")),
                name="vragenlijst_open_tot_na_open_van",
                violation_error_message=_("The last day comes on or after the first day."),
            )
        ]

    def __str__(self) -> str:
        return self.titel

    def is_open(self, day: object) -> bool:
        return bool(self.open_van <= day <= self.open_tot)  # type: ignore[operator]


class Thema(models.Model):
    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="themas",
    )
    naam = models.CharField(_("name"), max_length=100)
    volgorde = models.PositiveSmallIntegerField(_("order"))

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["vragenlijst", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["vragenlijst", "naam"], name="thema_naam_uniek"),
            models.UniqueConstraint(
                fields=["vragenlijst", "volgorde"], name="thema_volgorde_uniek"
            ),
        ]

    def __str__(self) -> str:
        return self.naam


class Vraag(models.Model):
    # Kept beside the theme so that the database can hold "one overall question per
    # questionnaire"; the service checks that it is the theme's questionnaire.
    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="vragen",
    )
    thema = models.ForeignKey(
        Thema, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="vragen"
    )
    tekst = models.CharField(_("question"), max_length=300)
    soort = models.CharField(_("kind"), max_length=10, choices=VraagSoort.choices)
    volgorde = models.PositiveSmallIntegerField(_("order"))
    is_totaalcijfer = models.BooleanField(_("overall satisfaction question"), default=False)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["thema__volgorde", "volgorde"]
        constraints = [
            models.UniqueConstraint(fields=["thema", "volgorde"], name="vraag_volgorde_uniek"),
            models.UniqueConstraint(
                fields=["vragenlijst"],
                condition=Q(is_totaalcijfer=True),
                name="vraag_een_totaalcijfer",
                violation_error_message=_("A questionnaire has at most one overall question."),
            ),
            models.CheckConstraint(
                condition=Q(is_totaalcijfer=False) | Q(soort=VraagSoort.CIJFER),
                name="vraag_totaalcijfer_is_cijfer",
                violation_error_message=_("The overall question is a mark from 1 to 10."),
            ),
            models.CheckConstraint(
                condition=Q(soort__in=VraagSoort.values),
                name="vraag_soort_bekend",
                violation_error_message=_("Unknown kind of question."),
            ),
        ]

    def __str__(self) -> str:
        return self.tekst


class Uitnodiging(models.Model):
    """A one-time code handed out on paper in a team: only its keyed digest is stored
    (services.code_digest)."""

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="uitnodigingen",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+"
    )
    digest = models.CharField(
        _("keyed digest of the code (HMAC-SHA256)"), max_length=64, unique=True
    )
    gebruikt = models.BooleanField(_("used"), default=False)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["vragenlijst", "team"], name="uitnodiging_lijst_team_idx")]

    def __str__(self) -> str:
        return gettext("Invitation for team %(team)s") % {"team": self.team_id}


class Respons(models.Model):
    """One person's answers: the questionnaire, the team and the date; nothing else."""

    vragenlijst = models.ForeignKey(
        Vragenlijst,
        verbose_name=_("questionnaire"),
        on_delete=models.CASCADE,
        related_name="responsen",
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), on_delete=models.PROTECT, related_name="+"
    )
    datum = models.DateField(_("date"))

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["vragenlijst", "team"], name="respons_lijst_team_idx")]

    def __str__(self) -> str:
        return gettext("Response %(id)s") % {"id": self.pk}


class Antwoord(models.Model):
    respons = models.ForeignKey(
        Respons, verbose_name=_("response"), on_delete=models.CASCADE, related_name="antwoorden"
    )
    vraag = models.ForeignKey(
        Vraag, verbose_name=_("question"), on_delete=models.PROTECT, related_name="antwoorden"
    )
    cijfer = models.PositiveSmallIntegerField(_("mark"), null=True, blank=True)
    ja = models.BooleanField(_("yes"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["respons", "vraag"], name="antwoord_een_per_vraag"),
            models.CheckConstraint(
                condition=(Q(cijfer__isnull=False) & Q(ja__isnull=True))
                | (Q(cijfer__isnull=True) & Q(ja__isnull=False)),
                name="antwoord_cijfer_of_ja",
                violation_error_message=_("An answer is a mark or a yes/no."),
            ),
            models.CheckConstraint(
                condition=Q(cijfer__isnull=True)
                | (Q(cijfer__gte=CIJFER_MIN) & Q(cijfer__lte=CIJFER_MAX)),
                name="antwoord_cijfer_1_10",
                violation_error_message=_("A mark is a whole number from 1 to 10."),
            ),
        ]

    def __str__(self) -> str:
        return gettext("Answer %(id)s") % {"id": self.pk}
