"""Reads: the next growth step, the coach's overview (one query), a person's records."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from binnenwerk.coaching import selectors, services
from binnenwerk.coaching.constants import DoelStatus
from binnenwerk.coaching.models import Functieprofiel
from tests.coaching.factories import FunctieprofielFactory, coached_team
from tests.factories import MedewerkerFactory, PlaatsingFactory

D = dt.date
ON = D(2024, 6, 1)


def _family() -> dict[str, Functieprofiel]:
    profiles = {
        "FAC-2": FunctieprofielFactory(code="FAC-2", niveau=2),
        "FAC-4": FunctieprofielFactory(code="FAC-4", niveau=4),
        "FAC-3": FunctieprofielFactory(code="FAC-3", niveau=3),
        "ADM-4": FunctieprofielFactory(code="ADM-4", functiefamilie="Administratief", niveau=4),
    }
    profiles["SCH-2"] = FunctieprofielFactory(
        code="SCH-2", niveau=2, volgende_stap=profiles["ADM-4"]
    )
    return profiles


def test_the_next_step_is_the_next_level_in_the_family_or_the_named_neighbour():
    p = _family()
    steps = selectors.next_steps(list(Functieprofiel.objects.all()))
    assert steps[p["FAC-2"].pk] == p["FAC-3"]
    assert steps[p["FAC-3"].pk] == p["FAC-4"]
    assert steps[p["FAC-4"].pk] is None
    assert steps[p["SCH-2"].pk] == p["ADM-4"]
    assert selectors.next_step(p["SCH-2"]) == p["ADM-4"]
    assert selectors.next_step(p["FAC-2"]) == p["FAC-3"]


def test_the_catalogue_groups_profiles_by_family_with_their_step():
    p = _family()
    families = {f.naam: f.profielen for f in selectors.profile_catalogue()}
    assert families["Administratief"] == [(p["ADM-4"], None)]
    assert [code.code for code, _ in families["Facilitaire dienstverlening"]] == [
        "FAC-2",
        "SCH-2",
        "FAC-3",
        "FAC-4",
    ]


def test_the_current_profile_follows_the_date():
    p = _family()
    person = MedewerkerFactory()
    actor = get_user_model().objects.create_user("hr")
    services.functietoewijzing_set(
        actor=actor, medewerker=person, functieprofiel=p["FAC-2"], start=D(2023, 1, 1)
    )
    services.functietoewijzing_set(
        actor=actor, medewerker=person, functieprofiel=p["FAC-3"], start=D(2025, 1, 1)
    )
    assert selectors.current_assignment(person, D(2024, 12, 31)).functieprofiel == p["FAC-2"]
    assert selectors.current_assignment(person, D(2025, 1, 1)).functieprofiel == p["FAC-3"]
    assert selectors.current_assignment(person, D(2022, 1, 1)) is None
    assert [t.start for t in selectors.assignments_of(person)] == [D(2025, 1, 1), D(2023, 1, 1)]


def test_the_overview_counts_last_note_and_open_goals_in_one_query():
    a = coached_team("A")
    for n in range(5):
        PlaatsingFactory(
            team=a.team,
            start=D(2020, 1, 1),
            medewerker=MedewerkerFactory(personeelsnummer=f"A-X{n}"),
        )
    PlaatsingFactory(team=a.team, start=D(2020, 1, 1), einde=D(2021, 1, 1))  # left the team
    for datum in (D(2024, 1, 5), D(2024, 3, 1)):
        services.coachingnotitie_create(actor=a.coach, medewerker=a.person, datum=datum, tekst="x")
    for status in (DoelStatus.OPEN, DoelStatus.OPEN, DoelStatus.BEHAALD):
        services.ontwikkeldoel_create(
            actor=a.coach, medewerker=a.person, omschrijving="doel", status=status
        )
    from binnenwerk.coaching.scope import readable_people

    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.coaching_overview(readable_people(a.coach, ON), ON))
    assert len(queries) <= 3  # the roles, the overview
    assert len(rows) == 6
    mine = next(r for r in rows if r.pk == a.person.pk)
    assert (mine.laatste_notitie, mine.open_doelen, mine.team_code) == (D(2024, 3, 1), 2, "A-T")
    other = next(r for r in rows if r.pk != a.person.pk)
    assert (other.laatste_notitie, other.open_doelen) == (None, 0)
    found = selectors.coaching_overview(readable_people(a.coach, ON), ON, zoek="A-P")
    assert [r.pk for r in found] == [a.person.pk]


def test_notes_are_newest_first_and_the_access_log_is_capped():
    a = coached_team("A")
    for datum in (D(2024, 1, 5), D(2024, 3, 1), D(2023, 12, 1)):
        services.coachingnotitie_create(actor=a.coach, medewerker=a.person, datum=datum, tekst="x")
    assert [n.datum for n in selectors.notes_of(a.person)] == [
        D(2024, 3, 1),
        D(2024, 1, 5),
        D(2023, 12, 1),
    ]
    services.inzage_log(
        actor=a.supervisor, medewerker=a.person, soort="coachingnotitie", object_ids=range(1, 61)
    )
    log = selectors.access_log_of(a.person)
    assert len(log) == selectors.ACCESS_LOG_SIZE and log[0].gebruiker == a.supervisor
