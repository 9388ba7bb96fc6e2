"""Reads for the monitor: Table 1 of the letter to parliament and realisation over time.

Every figure is unrounded; presenters round when showing. The Binnenwerk column comes
from the job counter on the quarter's last day, per funding organisation, rolled up to
its ministry through `hoort_bij`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from binnenwerk.jobs.constants import NIET_GEPLAATST, Per
from binnenwerk.jobs.selectors import banen_op_data
from binnenwerk.monitor.calculator import doel, realisatie_pct
from binnenwerk.monitor.models import Doelstelling, Kwartaalcijfer, Quotumpercentage
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.organisation.constants import OrganisatieSoort
from binnenwerk.organisation.models import Organisatie

if TYPE_CHECKING:
    from binnenwerk.accounts.selectors import MonitorScope

ZERO = Decimal(0)
# The letter lists ministries first, then the high councils, then the others.
SOORT_ORDER: dict[str, int] = {OrganisatieSoort.MINISTERIE: 0, OrganisatieSoort.HOOG_COLLEGE: 1}


@dataclass(frozen=True)
class Rij:
    """One line of Table 1; `doel` is None without target, figures None when not entered."""

    code: str
    naam: str
    doel: Decimal | None
    formeel_excl_binnenwerk: Decimal | None
    binnenwerk: Decimal
    inleen: Decimal | None
    toelichting: str = ""

    @property
    def totaal(self) -> Decimal:
        return (self.formeel_excl_binnenwerk or ZERO) + self.binnenwerk + (self.inleen or ZERO)

    @property
    def realisatie_pct(self) -> Decimal | None:
        return realisatie_pct(self.totaal, self.doel)

    @property
    def cijfers_ontbreken(self) -> bool:
        return self.formeel_excl_binnenwerk is None or self.inleen is None


@dataclass(frozen=True)
class NietBelegd:
    omschrijving: str
    fte: Decimal
    doel: Decimal


@dataclass(frozen=True)
class Tabel1:
    kwartaal: Kwartaal
    quotumpercentage: Decimal | None
    rijen: list[Rij]
    totaal: Rij
    niet_belegd: list[NietBelegd] = field(default_factory=list)


def quotumpercentage(jaar: int) -> Decimal | None:
    return Quotumpercentage.objects.filter(jaar=jaar).values_list("percentage", flat=True).first()


def ministry_of() -> dict[str, Organisatie]:
    """Every organisation code → the organisation at the top of its `hoort_bij` chain."""
    organisations = {o.pk: o for o in Organisatie.objects.all()}
    tops: dict[str, Organisatie] = {}
    for org in organisations.values():
        top, seen = org, {org.pk}
        while top.hoort_bij_id is not None and top.hoort_bij_id not in seen:
            seen.add(top.hoort_bij_id)
            top = organisations[top.hoort_bij_id]
        tops[org.code] = top
    return tops


def _rolled_up(groepen: dict[str, Decimal], tops: dict[str, Organisatie]) -> dict[str, Decimal]:
    per_ministry: dict[str, Decimal] = defaultdict(Decimal)
    for code, jobs in groepen.items():
        top = tops.get(code)
        per_ministry[top.code if top else NIET_GEPLAATST] += jobs
    return per_ministry


@dataclass(frozen=True)
class BinnenwerkBanen:
    """The counter's jobs on a quarter's last day: per ministry, and its own exact total."""

    per_ministerie: dict[str, Decimal]
    totaal: Decimal


def binnenwerk_per_ministerie(
    kwartalen: Iterable[Kwartaal], tops: dict[str, Organisatie] | None = None
) -> dict[Kwartaal, BinnenwerkBanen]:
    """Binnenwerk's jobs on each quarter's last day per ministry, in a few queries in all."""
    kwartalen = sorted(set(kwartalen))
    tops = ministry_of() if tops is None else tops
    counted = banen_op_data([k.last_day for k in kwartalen], per=Per.OPDRACHTGEVER)
    by_date = {result.peildatum: result for result in counted}
    return {
        k: BinnenwerkBanen(
            _rolled_up(by_date[k.last_day].groepen, tops), by_date[k.last_day].totaal
        )
        for k in kwartalen
    }


def _sort_key(org: Organisatie) -> tuple[int, str]:
    return (SOORT_ORDER.get(org.soort, 2), org.code.lower())


def tabel1(kwartaal: Kwartaal) -> Tabel1:
    """Table 1 for the quarter: every organisation with a target, figures or Binnenwerk jobs."""
    return tabellen([kwartaal])[kwartaal]


def tabellen(kwartalen: Iterable[Kwartaal]) -> dict[Kwartaal, Tabel1]:
    """Table 1 for several quarters in a fixed number of queries (none per quarter)."""
    kwartalen = sorted(set(kwartalen))
    years = {k.jaar for k in kwartalen}
    percentages = dict(
        Quotumpercentage.objects.filter(jaar__in=years).values_list("jaar", "percentage")
    )
    targets: dict[int, list[Doelstelling]] = defaultdict(list)
    for target in Doelstelling.objects.filter(jaar__in=years).select_related("organisatie"):
        targets[target.jaar].append(target)
    figures: dict[tuple[int, int], list[Kwartaalcijfer]] = defaultdict(list)
    for figure in Kwartaalcijfer.objects.filter(jaar__in=years).select_related("organisatie"):
        figures[(figure.jaar, figure.kwartaal)].append(figure)
    tops = ministry_of()
    jobs = binnenwerk_per_ministerie(kwartalen, tops)
    return {
        k: _table(
            k,
            percentages.get(k.jaar),
            targets[k.jaar],
            figures[(k.jaar, k.nummer)],
            jobs[k],
            tops,
        )
        for k in kwartalen
    }


def _table(
    kwartaal: Kwartaal,
    percentage: Decimal | None,
    targets: list[Doelstelling],
    figures: list[Kwartaalcijfer],
    counted: BinnenwerkBanen,
    tops: dict[str, Organisatie],
) -> Tabel1:
    jobs = counted.per_ministerie

    def target_of(t: Doelstelling) -> Decimal | None:
        if percentage is None:
            return None
        return doel(fte=t.fte, voltijd_uren=t.voltijd_uren, percentage=percentage)

    by_org = {t.organisatie_id: t for t in targets if t.organisatie is not None}
    figure_of = {f.organisatie_id: f for f in figures}
    organisations = {t.organisatie.pk: t.organisatie for t in by_org.values() if t.organisatie}
    organisations |= {f.organisatie_id: f.organisatie for f in figures}
    organisations |= {tops[c].pk: tops[c] for c in jobs if c in tops}
    rijen = []
    for org in sorted(organisations.values(), key=_sort_key):
        target, figure = by_org.get(org.pk), figure_of.get(org.pk)
        rijen.append(
            Rij(
                code=org.code,
                naam=org.naam,
                doel=target_of(target) if target else None,
                formeel_excl_binnenwerk=figure.formeel_excl_binnenwerk if figure else None,
                binnenwerk=jobs.get(org.code, ZERO),
                inleen=figure.inleen if figure else None,
                toelichting=target.omschrijving if target else "",
            )
        )
    if jobs.get(NIET_GEPLAATST):
        rijen.append(Rij(NIET_GEPLAATST, "", None, None, jobs[NIET_GEPLAATST], None))
    niet_belegd = [
        NietBelegd(t.omschrijving, t.fte, target_of(t) or ZERO)
        for t in targets
        if t.organisatie is None
    ]
    total = _total(rijen, niet_belegd, percentage, counted.totaal)
    return Tabel1(kwartaal, percentage, rijen, total, niet_belegd)


def _total(
    rijen: list[Rij], niet_belegd: list[NietBelegd], percentage: Decimal | None, binnenwerk: Decimal
) -> Rij:
    """The Rijk total from unrounded values; unallocated targets count in its target, and
    the Binnenwerk column is the counter's own total (not a sum of divided parts)."""
    targets = [r.doel for r in rijen if r.doel is not None] + [n.doel for n in niet_belegd]
    return Rij(
        code="",
        naam="",
        doel=sum(targets, ZERO) if percentage is not None else None,
        formeel_excl_binnenwerk=sum((r.formeel_excl_binnenwerk or ZERO for r in rijen), ZERO),
        binnenwerk=binnenwerk,
        inleen=sum((r.inleen or ZERO for r in rijen), ZERO),
    )


def kwartalen_met_cijfers() -> list[Kwartaal]:
    """Quarters for which figures were entered, oldest first."""
    pairs = Kwartaalcijfer.objects.values_list("jaar", "kwartaal").distinct().order_by()
    return sorted({Kwartaal(j, k) for j, k in pairs})


@dataclass(frozen=True)
class Punt:
    kwartaal: Kwartaal
    totaal: Decimal
    doel: Decimal | None

    @property
    def realisatie_pct(self) -> Decimal | None:
        return realisatie_pct(self.totaal, self.doel)

    @property
    def te_realiseren(self) -> Decimal:
        """Jobs still missing to reach the target (never negative): the gap on the chart."""
        return max((self.doel or ZERO) - self.totaal, ZERO)


def realisatie_reeks(tables: Iterable[Tabel1], code: str | None = None) -> list[Punt]:
    """Realised jobs and target per quarter, for one ministry (code) or the Rijk (None),
    read from tables already computed (see `tabellen`)."""
    points = []
    for table in sorted(tables, key=lambda t: t.kwartaal):
        row = (
            table.totaal if code is None else next((r for r in table.rijen if r.code == code), None)
        )
        if row is not None:
            points.append(Punt(table.kwartaal, row.totaal, row.doel))
    return points


def scoped(table: Tabel1, scope: MonitorScope) -> Tabel1:
    """A client's view: its own ministry's row and the Rijk total (computed over all)."""
    if scope.ministries is None:
        return table
    return replace(table, rijen=[r for r in table.rijen if scope.shows(r.code)])
