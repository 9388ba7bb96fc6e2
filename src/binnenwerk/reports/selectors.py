"""The figures of the annual overview (jaaroverzicht), its texts, the current publication of a
year and the publications' snapshots (the difference view is in reports.differences).

Every figure comes from an existing selector (jobs, outflow, absence, survey, opportunities,
monitor); nothing is recounted here. A section without data is left out, never faked.
Each figure has a stable key ("banen", "per_opdrachtgever.BZK", "verzuim.percentage"), a
Dutch label and its value as shown (half-up to the places of its kind), kept as a string so
that a snapshot in JSON holds exactly what was published.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Min, QuerySet
from django.utils.translation import gettext as _

from binnenwerk.absence.selectors import norm_of, periode, verzuim_cijfers
from binnenwerk.formatting import decimal_str
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.dates import year_end
from binnenwerk.jobs.presenters import group_names
from binnenwerk.jobs.selectors import banen_per, banen_reeks, kerncijfers, teams
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import tabel1
from binnenwerk.opportunities.selectors import prognose
from binnenwerk.outflow.selectors import uitstroom_cijfers
from binnenwerk.people.models import Dienstverband
from binnenwerk.reports.constants import (
    AANTAL,
    BANEN,
    CIJFER,
    PERCENTAGE,
    PROCENT_1,
    TekstSoort,
)
from binnenwerk.reports.models import Publicatie, Tekst
from binnenwerk.survey.models import Vragenlijst
from binnenwerk.survey.selectors import resultaten

PLACES = {BANEN: 2, PERCENTAGE: 2, PROCENT_1: 1, CIJFER: 1, AANTAL: 0}


@dataclass(frozen=True)
class Cijfer:
    """One figure: stable key, Dutch label, value as shown (a string), and how many people
    it is about (for small-group suppression; None for jobs and team counts)."""

    sleutel: str
    label: str
    waarde: str
    soort: str
    mensen: int | None = None

    @property
    def getal(self) -> Decimal:
        return Decimal(self.waarde)


@dataclass(frozen=True)
class TekstDeel:
    """A free-text section as published: `id` is the Tekst it was copied from (None in a
    snapshot that did not keep it)."""

    soort: str
    titel: str
    inhoud: str
    volgorde: int
    id: int | None = None

    @property
    def is_voorwoord(self) -> bool:
        return self.soort == TekstSoort.VOORWOORD


@dataclass(frozen=True)
class Jaaroverzicht:
    jaar: int
    kwartaal: int | None
    cijfers: list[Cijfer]
    tabel1: list[dict[str, Any]] = field(default_factory=list)
    teksten: list[TekstDeel] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "jaar": self.jaar,
            "kwartaal": self.kwartaal,
            "cijfers": [asdict(c) for c in self.cijfers],
            "tabel1": self.tabel1,
            "teksten": [asdict(t) for t in self.teksten],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Jaaroverzicht:
        """A snapshot as stored; one made before texts were kept has none."""
        return cls(
            jaar=data["jaar"],
            kwartaal=data.get("kwartaal"),
            cijfers=[Cijfer(**c) for c in data["cijfers"]],
            tabel1=data.get("tabel1", []),
            teksten=[
                TekstDeel(
                    soort=t["soort"],
                    titel=t.get("titel", ""),
                    inhoud=t["inhoud"],
                    volgorde=int(t.get("volgorde", 0)),
                    id=t.get("id"),
                )
                for t in data.get("teksten", [])
            ],
        )

    def by_key(self) -> dict[str, Cijfer]:
        return {c.sleutel: c for c in self.cijfers}

    def section(self, prefix: str) -> list[Cijfer]:
        """The figures whose key starts with `prefix.`, in their order."""
        return [c for c in self.cijfers if c.sleutel.startswith(prefix + ".")]

    def get(self, sleutel: str) -> Cijfer | None:
        return self.by_key().get(sleutel)


def _shown(value: Decimal | int, soort: str) -> str:
    if soort == AANTAL:
        return str(int(value))
    return decimal_str(Decimal(value), PLACES[soort])


def _add(
    cijfers: list[Cijfer],
    sleutel: str,
    label: str,
    value: Decimal | int | None,
    soort: str,
    mensen: int | None = None,
) -> None:
    if value is not None:
        cijfers.append(Cijfer(sleutel, str(label), _shown(value, soort), soort, mensen))


def first_contract_start() -> dt.date | None:
    return Dienstverband.objects.aggregate(eerste=Min("start"))["eerste"]


def _jobs(jaar: int, cijfers: list[Cijfer]) -> None:
    kern = kerncijfers(jaar)
    _add(cijfers, "banen", _("Jobs at year end"), kern.banen, BANEN)
    _add(cijfers, "nieuwe_banen", _("New jobs in the year"), kern.nieuwe_banen, BANEN)
    medewerkers = kern.medewerkers_binnenwerk
    _add(cijfers, "medewerkers", _("Binnenwerk employees"), medewerkers, AANTAL, medewerkers)
    nieuw = kern.nieuwe_collegas
    _add(cijfers, "nieuwe_collegas", _("New colleagues"), nieuw, AANTAL, nieuw)
    _add(cijfers, "teams", _("Teams at year end"), kern.teams, AANTAL)
    if not kern.banen:
        return
    end = year_end(jaar)
    grouped = banen_per(end, [Per.OPDRACHTGEVER, Per.WERKSOORT])
    for per, prefix in ((Per.OPDRACHTGEVER, "per_opdrachtgever"), (Per.WERKSOORT, "per_werksoort")):
        groups = grouped[per].groepen
        names = group_names(per, list(groups))
        for key, value in groups.items():
            _add(cijfers, f"{prefix}.{key}", names.get(key, key), value, BANEN)
    for per, prefix in (
        (Per.WERKSOORT, "teams_per_werksoort"),
        (Per.PROVINCIE, "teams_per_provincie"),
    ):
        counted = teams(end, per)
        names = group_names(per, list(counted.groepen))
        for key, n in counted.groepen.items():
            _add(cijfers, f"{prefix}.{key}", names.get(key, key), n, AANTAL)
    first = first_contract_start()
    if first is not None and first <= end:
        for point in banen_reeks(year_end(first.year), end, Interval.JAAR):
            _add(
                cijfers,
                f"groei.{point.peildatum.year}",
                str(point.peildatum.year),
                point.totaal,
                BANEN,
            )


def _outflow(jaar: int, cijfers: list[Cijfer]) -> None:
    uit = uitstroom_cijfers(jaar)
    if not uit.totaal:
        return
    _add(cijfers, "uitstroom.totaal", _("Left in the year"), uit.totaal, AANTAL, uit.totaal)
    _add(
        cijfers,
        "uitstroom.doorstroom",
        _("Moved on within the Rijk"),
        uit.doorstroom,
        AANTAL,
        uit.doorstroom,
    )


def _absence(jaar: int, cijfers: list[Cijfer]) -> None:
    totaal = verzuim_cijfers(periode(jaar)).totaal
    # No sick report touches the year: the system holds no absence for it (not "0%").
    if totaal.percentage is None or not (totaal.verzuim_uren or totaal.nieuwe_meldingen):
        return
    mensen = totaal.aantal_mensen
    _add(
        cijfers, "verzuim.percentage", _("Absence rate (%)"), totaal.percentage, PERCENTAGE, mensen
    )
    _add(cijfers, "verzuim.norm", _("Absence norm (%)"), norm_of(jaar), PERCENTAGE)
    _add(
        cijfers, "verzuim.meldingen", _("New sick reports"), totaal.nieuwe_meldingen, AANTAL, mensen
    )
    _add(
        cijfers,
        "verzuim.frequentie",
        _("Reporting frequency (per person per year)"),
        totaal.frequentie,
        PERCENTAGE,
        mensen,
    )


def _survey(jaar: int, cijfers: list[Cijfer]) -> None:
    vragenlijst = Vragenlijst.objects.filter(jaar=jaar).first()
    if vragenlijst is None:
        return
    uitslag = resultaten(vragenlijst).totaal
    if uitslag is None or uitslag.te_weinig or not uitslag.reacties:
        return
    n = uitslag.reacties
    _add(
        cijfers,
        "tevredenheid.totaalcijfer",
        _("Overall satisfaction"),
        uitslag.totaalcijfer,
        CIJFER,
        n,
    )
    _add(
        cijfers, "tevredenheid.respons", _("Response (%)"), uitslag.responspercentage, PROCENT_1, n
    )
    for i, thema in enumerate(uitslag.themas, start=1):
        _add(cijfers, f"tevredenheid.thema.{i}", thema.naam, thema.gemiddelde, CIJFER, n)


def _goal(jaar: int, cijfers: list[Cijfer]) -> None:
    """The goal, and the opportunity pipeline as it stands on the day the figures are made:
    the system keeps no pipeline of the past. Its forecast total is left out (it moves with
    today's jobs, not with the year's)."""
    _add(cijfers, "doel.banen", _("Goal (jobs)"), settings.BANEN_DOEL, AANTAL)
    forecast = prognose(dt.date.today())
    if not forecast.bijdragen:
        return
    aantal = len(forecast.bijdragen)
    _add(cijfers, "kansen.aantal", _("Opportunities in the pipeline"), aantal, AANTAL)
    gewogen = forecast.gewogen
    _add(cijfers, "kansen.gewogen", _("Weighted jobs of the opportunities"), gewogen, BANEN)


def teksten(jaar: int) -> QuerySet[Tekst]:
    """The year's texts in their order: the foreword first, then the stories."""
    return Tekst.objects.filter(jaar=jaar).order_by("-soort", "volgorde", "id")


def _teksten(jaar: int) -> list[TekstDeel]:
    return [TekstDeel(t.soort, t.titel, t.inhoud, t.volgorde, t.pk) for t in teksten(jaar)]


def kwartaal_tabel1(jaar: int, kwartaal: int) -> list[dict[str, Any]]:
    """Table 1 of the monitor for the quarter, today, as a snapshot holds it (values to 2
    decimals, the total last)."""

    def shown(value: Decimal | None) -> str | None:
        return None if value is None else decimal_str(value)

    table = tabel1(Kwartaal(jaar, kwartaal))
    rows = [*table.rijen, table.totaal]
    return [
        {
            "code": r.code,
            "naam": r.naam or (_("Total") if r is table.totaal else _("not placed")),
            "doel": shown(r.doel),
            "formeel_excl_binnenwerk": shown(r.formeel_excl_binnenwerk),
            "binnenwerk": shown(r.binnenwerk),
            "inleen": shown(r.inleen),
            "totaal": shown(r.totaal),
            "realisatie_pct": shown(r.realisatie_pct),
        }
        for r in rows
    ]


def jaaroverzicht_cijfers(jaar: int, kwartaal: int | None = None) -> Jaaroverzicht:
    """Every figure of the year's overview, today (for a quarter: and Table 1 of the monitor;
    for the year: and its texts)."""
    cijfers: list[Cijfer] = []
    _jobs(jaar, cijfers)
    _outflow(jaar, cijfers)
    _absence(jaar, cijfers)
    _survey(jaar, cijfers)
    _goal(jaar, cijfers)
    if kwartaal:
        return Jaaroverzicht(jaar, kwartaal, cijfers, kwartaal_tabel1(jaar, kwartaal))
    return Jaaroverzicht(jaar, kwartaal, cijfers, teksten=_teksten(jaar))


# --- publications -------------------------------------------------------------


def publicaties(jaar: int, kwartaal: int | None = None) -> QuerySet[Publicatie]:
    return Publicatie.objects.filter(jaar=jaar, kwartaal=kwartaal).select_related("published_by")


def laatst_gepubliceerd_jaar() -> int | None:
    """The latest year with a publication of the whole year, if any."""
    return (
        Publicatie.objects.filter(kwartaal__isnull=True)
        .order_by("-jaar")
        .values_list("jaar", flat=True)
        .first()
    )


def huidige_publicatie(jaar: int, kwartaal: int | None = None) -> Publicatie | None:
    """The current publication of a year (or quarter): the latest that nothing supersedes."""
    return (
        publicaties(jaar, kwartaal)
        .filter(vervangen_door__isnull=True)
        .order_by("-published_at", "-id")
        .first()
    )


def snapshot(publicatie: Publicatie) -> Jaaroverzicht:
    return Jaaroverzicht.from_json(publicatie.cijfers)


def kwartaal_publicaties(jaar: int) -> dict[int, Publicatie | None]:
    """The current publication of each quarter of the year (None when unpublished), in one
    query."""
    current: dict[int, Publicatie | None] = dict.fromkeys(range(1, 5))
    for publicatie in (
        Publicatie.objects.filter(jaar=jaar, kwartaal__isnull=False, vervangen_door__isnull=True)
        .select_related("published_by")
        .order_by("kwartaal", "published_at", "id")
    ):
        assert publicatie.kwartaal is not None
        current[publicatie.kwartaal] = publicatie
    return current
