"""The demo's publication: the beheerder writes the 2023 texts (a foreword and three stories,
shortened from the 2023 annual overview, without figures), publishes 2023, then HR records a
late correction.

The correction is a one-day sick report in June 2023 that HR recorded after publishing. It
moves the year's count of new sick reports (shown in the difference view with its audit
entry) and the unrounded absence rate, but not the published rate of 11.39% nor any job,
employee or team figure the seed pins. Idempotent: does nothing once 2023 is published.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef

from binnenwerk.absence.models import Ziekmelding
from binnenwerk.absence.services import ziekmelding_create
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.periods import active_on
from binnenwerk.reports.constants import TekstSoort
from binnenwerk.reports.models import Publicatie, Tekst
from binnenwerk.reports.services import publicatie_create, tekst_create

JAAR = 2023
CORRECTIE_DAG = dt.date(2023, 6, 14)

# From the 2023 annual overview (the seed), shortened; no figures: those are in the tables.
VOORWOORD = (
    "Binnenwerk kijkt terug op een mooi en divers jaar. Veel nieuwe collega's met een "
    "doelgroepindicatie kregen een kans om met Binnenwerk de afstand tot de arbeidsmarkt "
    "te overbruggen.\n\n"
    "Het was het jaar met de grootste groei tot nu toe. Dat is het succes van veel mensen: "
    "dankzij de samenwerking met andere Rijksorganisaties konden we nieuwe banen, en dus "
    "kansen, creëren. Wij danken iedereen die daaraan heeft bijgedragen. Op naar de "
    "volgende stap!"
)
VERHALEN = [
    (
        "Feest met Staatsbosbeheer",
        "Binnenwerk en Staatsbosbeheer vierden eind augustus hun samenwerking in Almere. "
        "Daar begon ooit het eerste bos- en natuurbeheerteam van Binnenwerk. Minister "
        "Christianne van der Wal (Natuur en Stikstof) kwam langs om persoonlijk te "
        "feliciteren.\n\n"
        "De teams in het bos laten zien hoe banencreatie iedereen iets oplevert.",
    ),
    (
        "Groeien met het Functiegebouw Rijk",
        "De takenpakketten van elke werksoort zijn opnieuw bekeken en ingedeeld volgens het "
        "Functiegebouw Rijk. Zo ziet iedere medewerker welke volgende stap hij of zij kan "
        "zetten: groeien in de eigen functie, of doorstromen naar een baan bij een van de "
        "partnerorganisaties. De nieuwe indeling gaat in per januari 2024.\n\n"
        "Uit het medewerkersonderzoek blijkt dat medewerkers hun organisatie waarderen. "
        "Binnenwerk geeft in de praktijk betekenis aan zijn kernwaarden: respect, denken in "
        "mogelijkheden en sociale veiligheid.",
    ),
    (
        "Kansrijke ideeën voor nieuwe banen",
        "Samen met de leden van de ICBR en met bestaande en nieuwe partners zoekt Binnenwerk "
        "sinds de zomer naar kansen voor banen op grote schaal. Met Doc-Direkt en Justid "
        "praat Binnenwerk over nieuwe archiefbanen. De Belastingdienst wil dat Binnenwerk "
        "ondersteunende facilitaire diensten ook in zijn panden aanbiedt. Met de RSO gaat "
        "het gesprek over meer ondersteunend schoonmaakwerk.\n\n"
        "Op initiatief van de ICBR onderzoekt Binnenwerk een ICT-reparatiewinkel en hulp bij "
        "het terugsturen van bedrijfskleding. Kortom: genoeg kansen voor nieuwe banen.",
    ),
]


def _account(username: str, fallback: Any) -> Any:
    return get_user_model().objects.filter(username=username).first() or fallback


def _correction_person() -> Medewerker | None:
    """A Binnenwerk target-group employee with a contract on the day and no sick report
    anywhere near it (first by personnel number: the same person every time)."""
    near = Ziekmelding.objects.filter(
        medewerker=OuterRef("pk"), start__lte=CORRECTIE_DAG + dt.timedelta(days=30)
    ).exclude(einde__lt=CORRECTIE_DAG - dt.timedelta(days=30))
    contract = Dienstverband.objects.filter(active_on(CORRECTIE_DAG), medewerker=OuterRef("pk"))
    return (
        Medewerker.objects.filter(doelgroepindicatie=True, werkgever__isnull=True)
        .filter(Exists(contract))
        .exclude(Exists(near))
        .order_by("personeelsnummer")
        .first()
    )


def _texts(actor: Any) -> None:
    """The 2023 foreword and stories, before publishing: the snapshot keeps them."""
    if Tekst.objects.filter(jaar=JAAR).exists():
        return
    tekst_create(actor=actor, jaar=JAAR, soort=TekstSoort.VOORWOORD, inhoud=VOORWOORD)
    for titel, inhoud in VERHALEN:
        tekst_create(actor=actor, jaar=JAAR, soort=TekstSoort.VERHAAL, titel=titel, inhoud=inhoud)


def reports_demo_load(*, actor: Any = None) -> None:
    if Publicatie.objects.filter(jaar=JAAR, kwartaal__isnull=True).exists():
        return
    beheerder = _account("beheerder", actor)
    _texts(beheerder)
    publicatie_create(actor=beheerder, jaar=JAAR)
    person = _correction_person()
    if person is not None:
        ziekmelding_create(
            actor=_account("personeelszaken", actor),
            medewerker=person,
            start=CORRECTIE_DAG,
            einde=CORRECTIE_DAG,
        )
