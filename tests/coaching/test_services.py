"""Every coaching write: validated with Dutch messages, nothing written on bad input, audited
without the special-category text."""

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from binnenwerk.coaching import services
from binnenwerk.coaching.constants import DoelStatus, InzageSoort
from binnenwerk.coaching.models import (
    Coachingnotitie,
    Functietoewijzing,
    Inzage,
    Ontwikkeldoel,
)
from tests.coaching.factories import FunctieprofielFactory
from tests.factories import MedewerkerFactory

D = dt.date
TODAY = dt.date.today()
SECRET = "Vertelde in vertrouwen over de thuissituatie"


@pytest.fixture
def coach():
    return get_user_model().objects.create_user("coach", password="x-geheim-123")


@pytest.fixture
def person():
    return MedewerkerFactory(personeelsnummer="2001")


def text(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_a_note_is_saved_with_its_writer_and_audited_without_its_text(coach, person):
    note = services.coachingnotitie_create(
        actor=coach, medewerker=person, datum=TODAY, tekst=f"  {SECRET}  "
    )
    assert note.tekst == SECRET and note.geschreven_door == coach
    entry = LogEntry.objects.get_for_object(note).get()
    assert entry.actor == coach
    assert SECRET not in str(entry.changes) and SECRET not in entry.object_repr
    assert entry.changes_dict["tekst"] == ["–", "(afgeschermd)"]


def test_changing_a_note_is_recorded_who_and_when_but_not_what(coach, person):
    note = services.coachingnotitie_create(actor=coach, medewerker=person, datum=TODAY, tekst="a")
    services.coachingnotitie_update(actor=coach, notitie=note, datum=TODAY, tekst=SECRET)
    update = LogEntry.objects.get_for_object(note).get(action=LogEntry.Action.UPDATE)
    assert update.actor == coach
    assert update.changes_dict == {"tekst": ["(afgeschermd)", "(afgeschermd)"]}


@pytest.mark.parametrize(
    ("datum", "tekst", "field", "message"),
    [
        (TODAY, "   ", "tekst", "schrijf op wat er besproken of gezien is"),
        (TODAY, "x" * 5001, "tekst", "een notitie heeft hoogstens 5000 tekens, niet 5001"),
        (
            TODAY + dt.timedelta(days=1),
            "ok",
            "datum",
            "de datum van een notitie kan niet in de toekomst liggen",
        ),
    ],
)
def test_a_bad_note_is_refused_in_dutch_and_nothing_is_written(
    coach, person, datum, tekst, field, message
):
    with pytest.raises(ValidationError) as error:
        services.coachingnotitie_create(actor=coach, medewerker=person, datum=datum, tekst=tekst)
    assert error.value.message_dict[field] == [message]
    assert not Coachingnotitie.objects.exists()
    assert not LogEntry.objects.filter(content_type__model="coachingnotitie").exists()


def test_only_the_writer_changes_a_note(coach, person):
    note = services.coachingnotitie_create(actor=coach, medewerker=person, datum=TODAY, tekst="a")
    other = get_user_model().objects.create_user("ander", password="x-geheim-123")
    with pytest.raises(ValidationError) as error:
        services.coachingnotitie_update(actor=other, notitie=note, datum=TODAY, tekst="b")
    assert "alleen wie de notitie schreef" in text(error.value)
    note.refresh_from_db()
    assert note.tekst == "a"


def test_a_goal_is_created_and_its_status_changed(coach, person):
    step = FunctieprofielFactory(code="FAC-3", niveau=3)
    goal = services.ontwikkeldoel_create(
        actor=coach,
        medewerker=person,
        omschrijving="Weekplanning bijhouden",
        streefdatum=D(2027, 3, 1),
        functieprofiel=step,
    )
    assert goal.status == DoelStatus.OPEN and goal.geschreven_door == coach
    services.ontwikkeldoel_update(actor=coach, doel=goal, status=DoelStatus.BEHAALD)
    goal.refresh_from_db()
    assert goal.status == DoelStatus.BEHAALD
    changes = [e.changes_dict for e in LogEntry.objects.get_for_object(goal)]
    assert "Weekplanning" not in str(changes)


def test_a_goal_needs_a_description(coach, person):
    with pytest.raises(ValidationError) as error:
        services.ontwikkeldoel_create(actor=coach, medewerker=person, omschrijving=" ")
    assert error.value.message_dict["omschrijving"] == ["omschrijf het doel"]
    assert not Ontwikkeldoel.objects.exists()


def test_a_goal_with_an_unknown_status_is_refused(coach, person):
    with pytest.raises(ValidationError) as error:
        services.ontwikkeldoel_create(
            actor=coach, medewerker=person, omschrijving="x", status="misschien"
        )
    assert "status" in error.value.message_dict
    assert not Ontwikkeldoel.objects.exists()


def test_a_new_job_profile_ends_the_previous_one_the_day_before(coach, person):
    first = FunctieprofielFactory(code="FAC-2")
    second = FunctieprofielFactory(code="FAC-3", niveau=3)
    services.functietoewijzing_set(
        actor=coach, medewerker=person, functieprofiel=first, start=D(2023, 1, 1)
    )
    services.functietoewijzing_set(
        actor=coach, medewerker=person, functieprofiel=second, start=D(2025, 6, 1)
    )
    rows = list(
        Functietoewijzing.objects.filter(medewerker=person)
        .order_by("start")
        .values_list("functieprofiel__code", "start", "einde")
    )
    assert rows == [("FAC-2", D(2023, 1, 1), D(2025, 5, 31)), ("FAC-3", D(2025, 6, 1), None)]


def test_a_job_profile_inserted_before_a_later_one_ends_before_it(coach, person):
    first = FunctieprofielFactory(code="FAC-2")
    second = FunctieprofielFactory(code="FAC-3", niveau=3)
    services.functietoewijzing_set(
        actor=coach, medewerker=person, functieprofiel=second, start=D(2025, 1, 1)
    )
    early = services.functietoewijzing_set(
        actor=coach, medewerker=person, functieprofiel=first, start=D(2023, 1, 1)
    )
    assert early.einde == D(2024, 12, 31)


def test_the_same_start_twice_is_refused_in_dutch(coach, person):
    profile = FunctieprofielFactory(code="FAC-2")
    other = FunctieprofielFactory(code="FAC-3", niveau=3)
    services.functietoewijzing_set(
        actor=coach, medewerker=person, functieprofiel=profile, start=D(2023, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.functietoewijzing_set(
            actor=coach, medewerker=person, functieprofiel=other, start=D(2023, 1, 1)
        )
    assert error.value.message_dict["start"] == [
        "op deze datum begint al een functieprofiel; kies een andere datum"
    ]
    with pytest.raises(ValidationError) as error:
        services.functietoewijzing_set(
            actor=coach, medewerker=person, functieprofiel=profile, start=D(2024, 1, 1)
        )
    assert "heeft dit functieprofiel al" in text(error.value)
    assert Functietoewijzing.objects.count() == 1


def test_overlapping_job_profiles_are_refused(coach, person):
    profile = FunctieprofielFactory(code="FAC-2")
    services.functietoewijzing_create(
        actor=coach, medewerker=person, functieprofiel=profile, start=D(2023, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        services.functietoewijzing_create(
            actor=coach,
            medewerker=person,
            functieprofiel=profile,
            start=D(2022, 1, 1),
            einde=D(2023, 6, 30),
        )
    assert error.value.message_dict["start"] == [
        "functieprofiel 01-01-2022 t/m 30-06-2023 overlapt met "
        "functieprofiel 01-01-2023 t/m open einde"
    ]


def test_an_end_before_the_start_is_refused(coach, person):
    profile = FunctieprofielFactory(code="FAC-2")
    with pytest.raises(ValidationError) as error:
        services.functietoewijzing_create(
            actor=coach,
            medewerker=person,
            functieprofiel=profile,
            start=D(2023, 1, 1),
            einde=D(2022, 1, 1),
        )
    assert "einde" in error.value.message_dict
    assert not Functietoewijzing.objects.exists()


def test_a_profile_is_not_its_own_next_step(coach):
    profile = services.functieprofiel_create(
        actor=coach, code="X-1", functiefamilie="F", naam="X", niveau=2
    )
    with pytest.raises(ValidationError) as error:
        services.functieprofiel_update(actor=coach, profiel=profile, volgende_stap=profile)
    assert error.value.message_dict["volgende_stap"] == [
        "een profiel kan niet zijn eigen volgende stap zijn"
    ]


def test_a_profile_level_outside_the_scales_is_refused(coach):
    with pytest.raises(ValidationError) as error:
        services.functieprofiel_create(
            actor=coach, code="X-1", functiefamilie="F", naam="X", niveau=19
        )
    assert "niveau" in error.value.message_dict


def test_a_read_is_logged_per_record_without_content(coach, person):
    notes = [
        services.coachingnotitie_create(actor=coach, medewerker=person, datum=TODAY, tekst=SECRET)
        for _ in range(3)
    ]
    logged = services.inzage_log(
        actor=coach,
        medewerker=person,
        soort=InzageSoort.COACHINGNOTITIE,
        object_ids=[n.pk for n in notes],
    )
    assert len(logged) == 3
    rows = list(Inzage.objects.values_list("gebruiker", "medewerker", "soort", "object_id"))
    assert sorted(rows) == sorted((coach.pk, person.pk, "coachingnotitie", n.pk) for n in notes)


def test_an_anonymous_read_cannot_be_logged(person):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ValidationError):
        services.inzage_log(
            actor=AnonymousUser(), medewerker=person, soort="coachingnotitie", object_ids=[1]
        )
    assert not Inzage.objects.exists()
