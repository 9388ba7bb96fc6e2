"""Retention per kind: records on the last day of their period are kept, the day after they
are due; consent keeps a candidate longer, an open contract keeps a person; a run deletes or
anonymises (also in the audit log), leaves one summary, and a second run does nothing."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone

from binnenwerk.absence.models import Poortwachterstap
from binnenwerk.coaching.models import Coachingnotitie, Inzage, Ontwikkeldoel
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Medewerker
from binnenwerk.recruitment import services as recruitment
from binnenwerk.recruitment.constants import Fase
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase
from binnenwerk.retention import selectors
from binnenwerk.retention.constants import ANONIEM, Soort
from binnenwerk.retention.models import Opschoning
from binnenwerk.retention.services import opschoning_run
from tests.factories import DienstverbandFactory, MedewerkerFactory, ZiekmeldingFactory
from tests.recruitment.factories import kandidaat
from tests.retention.checks import table_checksums

D = dt.date
ONE_DAY = dt.timedelta(days=1)
END = D(2020, 6, 30)  # the last day of the person's last contract
BSN = "111222333"  # passes the 11-proef
NAME = ("Wilhelmina", "Zuiderveld")


@pytest.fixture
def coach():
    return get_user_model().objects.create_user("coach", password="x-geheim-123")


def left(end: dt.date = END, number: str = "9001", **fields) -> Medewerker:
    """A person whose only contract ended on `end`."""
    person = MedewerkerFactory(
        personeelsnummer=number,
        voornaam=NAME[0],
        achternaam=NAME[1],
        bsn=BSN,
        geboortedatum=D(1990, 5, 17),
        **fields,
    )
    DienstverbandFactory(medewerker=person, start=D(2018, 1, 1), einde=end)
    return person


def plus_years(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years)


def due_ids(soort: Soort, peildatum: dt.date) -> set[int]:
    return set(selectors.DUE[soort](peildatum).values_list("pk", flat=True))


# --- the boundary day of each kind -----------------------------------------------------------


def _note(person, coach):
    return Coachingnotitie.objects.create(
        medewerker=person, datum=D(2019, 3, 1), tekst="Vertrouwelijk", geschreven_door=coach
    )


def _goal(person, coach):
    return Ontwikkeldoel.objects.create(
        medewerker=person, omschrijving="Heftruckcertificaat", geschreven_door=coach
    )


def _step(person, coach):
    sick = ZiekmeldingFactory(medewerker=person, start=D(2019, 9, 2), einde=D(2019, 12, 1))
    return Poortwachterstap.objects.create(
        ziekmelding=sick, soort="probleemanalyse", uiterlijk=D(2019, 10, 14)
    )


@pytest.mark.parametrize(
    ("soort", "make", "years"),
    [
        (Soort.COACHINGNOTITIES, _note, 2),
        (Soort.ONTWIKKELDOELEN, _goal, 2),
        (Soort.POORTWACHTERSTAPPEN, _step, 2),
    ],
)
def test_details_are_kept_until_two_years_after_employment_ends(soort, make, years, coach):
    record = make(left(), coach)
    last_day = plus_years(END, years)
    assert due_ids(soort, last_day) == set()
    assert due_ids(soort, last_day + ONE_DAY) == {record.pk}
    assert due_ids(soort, last_day - ONE_DAY) == set()


def test_a_person_is_anonymised_seven_years_after_employment_ends():
    person = left()
    last_day = plus_years(END, 7)
    assert due_ids(Soort.MEDEWERKERS, last_day) == set()
    assert due_ids(Soort.MEDEWERKERS, last_day + ONE_DAY) == {person.pk}


def test_an_open_contract_keeps_a_person_and_their_notes(coach):
    person = left()
    DienstverbandFactory(medewerker=person, start=D(2021, 1, 1), einde=None)
    _note(person, coach)
    far = D(2060, 1, 1)
    assert due_ids(Soort.MEDEWERKERS, far) == set()
    assert due_ids(Soort.COACHINGNOTITIES, far) == set()


def test_a_later_contract_moves_the_end_of_employment():
    person = left()
    DienstverbandFactory(medewerker=person, start=D(2021, 1, 1), einde=D(2022, 12, 31))
    assert due_ids(Soort.MEDEWERKERS, D(2028, 1, 1)) == set()
    assert due_ids(Soort.MEDEWERKERS, D(2030, 1, 1)) == {person.pk}


def test_a_person_without_contracts_is_not_due():
    MedewerkerFactory(personeelsnummer="9002")
    assert due_ids(Soort.MEDEWERKERS, D(2060, 1, 1)) == set()


def _rejected(on: dt.date, **fields) -> Kandidaat:
    k = kandidaat(**fields)
    recruitment.kandidaat_close(
        actor=None, kandidaat=k, fase=Fase.AFGEWEZEN, reden="Past niet in het team", op=on
    )
    return k


def test_a_rejected_candidate_is_kept_four_weeks():
    on = D(2026, 2, 2)
    k = _rejected(on)
    assert due_ids(Soort.KANDIDATEN, on + dt.timedelta(weeks=4)) == set()
    assert due_ids(Soort.KANDIDATEN, on + dt.timedelta(weeks=4) + ONE_DAY) == {k.pk}


def test_a_withdrawn_candidate_is_kept_four_weeks_too():
    on = D(2026, 2, 2)
    k = kandidaat()
    recruitment.kandidaat_close(
        actor=None, kandidaat=k, fase=Fase.TERUGGETROKKEN, reden="Andere baan", op=on
    )
    assert due_ids(Soort.KANDIDATEN, on + dt.timedelta(weeks=4) + ONE_DAY) == {k.pk}


def test_consent_keeps_a_candidate_for_a_year():
    on = D(2026, 2, 2)
    k = _rejected(on, toestemming_bewaren=True)
    assert due_ids(Soort.KANDIDATEN, on + dt.timedelta(weeks=5)) == set()
    assert due_ids(Soort.KANDIDATEN, plus_years(on, 1)) == set()
    assert due_ids(Soort.KANDIDATEN, plus_years(on, 1) + ONE_DAY) == {k.pk}


def test_open_and_hired_candidates_are_not_due_as_candidates():
    kandidaat()
    assert due_ids(Soort.KANDIDATEN, D(2060, 1, 1)) == set()


def test_the_access_log_is_kept_five_years(coach):
    person = left()
    read = Inzage.objects.create(gebruiker=coach, medewerker=person, soort="coachingnotitie")
    day = D(2021, 3, 15)
    read.wanneer = timezone.make_aware(dt.datetime(2021, 3, 15, 12, 0))
    read.save()
    assert due_ids(Soort.INZAGEN, plus_years(day, 5)) == set()
    assert due_ids(Soort.INZAGEN, plus_years(day, 5) + ONE_DAY) == {read.pk}


def test_years_before_a_leap_day():
    assert selectors.years_before(D(2024, 2, 29), 1) == D(2023, 2, 28)


# --- a run -------------------------------------------------------------------------------------


def _log_text(model, pk) -> str:
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=pk
    )
    return json.dumps(
        [[e.object_repr, e.changes, e.changes_text, e.serialized_data] for e in entries]
    )


def test_a_run_anonymises_a_person_keeps_their_rows_and_scrubs_the_audit_log(coach):
    person = left()
    Uitstroom.objects.create(
        medewerker=person, datum=END, reden="eigen_verzoek", toelichting="Verhuist naar Zeeland"
    )
    note = _note(person, coach)
    hired_from = kandidaat(voornaam=NAME[0], achternaam=NAME[1])
    Kandidaat.objects.filter(pk=hired_from.pk).update(fase=Fase.AANGENOMEN, medewerker=person)
    assert NAME[1] in _log_text(Medewerker, person.pk)

    run = opschoning_run(peildatum=D(2028, 1, 1), door="tester", actor=coach)

    assert run is not None
    assert run.aantallen[Soort.MEDEWERKERS] == 1
    assert run.aantallen[Soort.COACHINGNOTITIES] == 1
    person.refresh_from_db()
    assert (person.voornaam, person.achternaam) == (ANONIEM, ANONIEM)
    assert person.bsn == ""
    assert person.geboortedatum is None
    assert person.personeelsnummer == "9001"
    assert person.doelgroepindicatie is True
    assert Dienstverband.objects.filter(medewerker=person, einde=END).exists()
    assert not Coachingnotitie.objects.filter(pk=note.pk).exists()
    uit = Uitstroom.objects.get(medewerker=person)
    assert (uit.reden, uit.datum, uit.toelichting) == ("eigen_verzoek", END, "")
    hired_from.refresh_from_db()
    assert (hired_from.voornaam, hired_from.email) == (ANONIEM, "")
    for model, pk in ((Medewerker, person.pk), (Kandidaat, hired_from.pk)):
        text = _log_text(model, pk)
        assert LogEntry.objects.filter(object_id=pk).exists()
        for secret in (*NAME, BSN, "1990-05-17", "sam@voorbeeld.invalid"):
            assert secret not in text
    assert "Zeeland" not in _log_text(Uitstroom, uit.pk)
    summary = LogEntry.objects.get_for_object(run).get()
    assert summary.actor == coach
    assert run.door == "tester"


def test_a_run_anonymises_a_rejected_candidate_and_their_stages():
    k = _rejected(D(2026, 2, 2))
    run = opschoning_run(peildatum=D(2026, 6, 1), door="tester")
    assert run is not None and run.aantallen[Soort.KANDIDATEN] == 1
    k.refresh_from_db()
    assert (k.voornaam, k.achternaam, k.email, k.reden) == (ANONIEM, ANONIEM, "", ANONIEM)
    assert k.fase == Fase.AFGEWEZEN
    assert list(Kandidaatfase.objects.filter(kandidaat=k).values_list("fase", flat=True)) == [
        Fase.AANGEMELD,
        Fase.AFGEWEZEN,
    ]
    for model, pk in [(Kandidaat, k.pk), *((Kandidaatfase, f.pk) for f in k.fasen.all())]:
        text = _log_text(model, pk)
        assert "Verzonnen" not in text and "Past niet" not in text


def test_a_second_run_does_nothing(coach):
    _note(left(), coach)
    assert opschoning_run(peildatum=D(2030, 1, 1), door="tester") is not None
    before = table_checksums()
    assert opschoning_run(peildatum=D(2030, 1, 1), door="tester") is None
    assert table_checksums() == before
    assert Opschoning.objects.count() == 1


def test_the_dry_run_changes_nothing_and_the_command_runs(coach):
    _note(left(), coach)
    _rejected(D(2026, 2, 2))
    before = table_checksums()
    out = io.StringIO()
    call_command("opschonen", "--dry-run", "--peildatum", "2030-01-01", stdout=out)
    assert table_checksums() == before
    rows = out.getvalue()
    assert Coachingnotitie.objects.count() == 1
    call_command("opschonen", "--peildatum", "2030-01-01", "--door", "coach", stdout=out)
    run = Opschoning.objects.get()
    assert run.gebruiker == coach and run.door == "coach"
    assert run.aantallen == {
        "coachingnotities": 1,
        "ontwikkeldoelen": 0,
        "poortwachterstappen": 0,
        "kandidaten": 1,
        "inzagen": 0,
        "medewerkers": 1,
    }
    assert rows.count("\n") >= 8


def test_the_periods_come_from_the_settings(coach, settings):
    note = _note(left(), coach)
    settings.RETENTION = {**settings.RETENTION, "coaching_jaren": 3}
    assert due_ids(Soort.COACHINGNOTITIES, plus_years(END, 3)) == set()
    assert due_ids(Soort.COACHINGNOTITIES, plus_years(END, 3) + ONE_DAY) == {note.pk}


def test_the_command_lists_each_kind_with_its_count(coach):
    _note(left(), coach)
    out = io.StringIO()
    call_command("opschonen", "--dry-run", "--peildatum", "2030-01-01", stdout=out)
    lines = out.getvalue().splitlines()
    counts = [line.split()[-2] for line in lines[3:9]]
    assert counts == ["1", "0", "0", "0", "0", "1"]


def test_a_bad_date_is_refused():
    with pytest.raises(CommandError):
        call_command("opschonen", "--dry-run", "--peildatum", "2030-13-01", stdout=io.StringIO())
