"""What is past its retention period on a reference date (peildatum): one queryset per kind.

A record is kept up to and including the last day of its period and due the day after: a
coaching note of someone whose last contract ended on 31-12-2020 is kept until 31-12-2022
(2 years) and due on 01-01-2023.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from binnenwerk.absence.models import Poortwachterstap
from binnenwerk.coaching.models import Coachingnotitie, Inzage, Ontwikkeldoel
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.recruitment.constants import AFGESLOTEN
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase
from binnenwerk.retention.constants import ACTIE, ANONIEM, Actie, Soort, termijn


def years_before(peildatum: dt.date, years: int) -> dt.date:
    """The same day `years` earlier (29 February → 28 February)."""
    try:
        return peildatum.replace(year=peildatum.year - years)
    except ValueError:
        return peildatum.replace(year=peildatum.year - years, day=28)


def weeks_before(peildatum: dt.date, weeks: int) -> dt.date:
    return peildatum - dt.timedelta(weeks=weeks)


def out_of_employment_before(grens: dt.date) -> QuerySet[Medewerker]:
    """People whose employment ended before `grens`: at least one contract, none open, and
    every contract's last day before `grens`."""
    contracts = Dienstverband.objects.filter(medewerker=OuterRef("pk"))
    return (
        Medewerker.objects.filter(Exists(contracts))
        .exclude(Exists(contracts.filter(einde__isnull=True)))
        .exclude(Exists(contracts.filter(einde__gte=grens)))
    )


def is_anonymous() -> Q:
    return Q(voornaam=ANONIEM, achternaam=ANONIEM)


def closed_candidates() -> QuerySet[Kandidaat]:
    """Rejected or withdrawn candidates, annotated with the day they left (`gesloten_op`)."""
    left = Kandidaatfase.objects.filter(kandidaat=OuterRef("pk"), fase=OuterRef("fase"))
    return Kandidaat.objects.filter(fase__in=AFGESLOTEN).annotate(
        gesloten_op=Subquery(left.values("vanaf")[:1])
    )


@dataclass(frozen=True)
class Grenzen:
    """Per kind the first day that is kept: what lies before it is due."""

    coaching: dt.date
    verzuim: dt.date
    kandidaat: dt.date
    kandidaat_toestemming: dt.date
    inzage: dt.date
    medewerker: dt.date


def grenzen(peildatum: dt.date) -> Grenzen:
    return Grenzen(
        coaching=years_before(peildatum, termijn("coaching_jaren")),
        verzuim=years_before(peildatum, termijn("verzuim_jaren")),
        kandidaat=weeks_before(peildatum, termijn("kandidaat_weken")),
        kandidaat_toestemming=years_before(peildatum, termijn("kandidaat_toestemming_jaren")),
        inzage=years_before(peildatum, termijn("inzage_jaren")),
        medewerker=years_before(peildatum, termijn("medewerker_jaren")),
    )


def coachingnotities_due(peildatum: dt.date) -> QuerySet[Coachingnotitie]:
    g = grenzen(peildatum)
    # An anonymised person keeps no notes, whatever the periods are set to.
    people = out_of_employment_before(max(g.coaching, g.medewerker))
    return Coachingnotitie.objects.filter(medewerker__in=people)


def ontwikkeldoelen_due(peildatum: dt.date) -> QuerySet[Ontwikkeldoel]:
    g = grenzen(peildatum)
    people = out_of_employment_before(max(g.coaching, g.medewerker))
    return Ontwikkeldoel.objects.filter(medewerker__in=people)


def poortwachterstappen_due(peildatum: dt.date) -> QuerySet[Poortwachterstap]:
    """The Poortwachter steps: absence details. The sick reports themselves (dates, kind,
    partial recovery) stay: the absence figures of the past are computed from them."""
    g = grenzen(peildatum)
    people = out_of_employment_before(max(g.verzuim, g.medewerker))
    return Poortwachterstap.objects.filter(ziekmelding__medewerker__in=people)


def kandidaten_due(peildatum: dt.date) -> QuerySet[Kandidaat]:
    """Rejected or withdrawn candidates past their period (longer with consent), not yet
    anonymised. Hired candidates go with their employee record."""
    g = grenzen(peildatum)
    return (
        closed_candidates()
        .filter(
            Q(toestemming_bewaren=False, gesloten_op__lt=g.kandidaat)
            | Q(toestemming_bewaren=True, gesloten_op__lt=g.kandidaat_toestemming)
        )
        .exclude(is_anonymous())
    )


def inzagen_due(peildatum: dt.date) -> QuerySet[Inzage]:
    return Inzage.objects.filter(wanneer__date__lt=grenzen(peildatum).inzage)


def medewerkers_due(peildatum: dt.date) -> QuerySet[Medewerker]:
    """People out of employment for longer than their period, not yet anonymised."""
    return out_of_employment_before(grenzen(peildatum).medewerker).exclude(is_anonymous())


DUE = {
    Soort.COACHINGNOTITIES: coachingnotities_due,
    Soort.ONTWIKKELDOELEN: ontwikkeldoelen_due,
    Soort.POORTWACHTERSTAPPEN: poortwachterstappen_due,
    Soort.KANDIDATEN: kandidaten_due,
    Soort.INZAGEN: inzagen_due,
    Soort.MEDEWERKERS: medewerkers_due,
}


@dataclass(frozen=True)
class Regel:
    soort: Soort
    actie: Actie
    aantal: int


def overzicht(peildatum: dt.date) -> list[Regel]:
    """Per kind: how many records are past retention and what happens to them."""
    return [
        Regel(soort, ACTIE[soort], due(peildatum).order_by().count()) for soort, due in DUE.items()
    ]
