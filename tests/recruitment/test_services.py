"""The recruitment services: the path through the stages, trial placements of 2 to 6
months, hiring only with a confirmed indication; Dutch messages, nothing written on error."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.recruitment import services
from binnenwerk.recruitment.constants import Fase, Indicatie
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase, Proefplaatsing
from tests.factories import OrganisatieFactory, TeamFactory, WerksoortFactory
from tests.recruitment.factories import in_trial, kandidaat

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("werver", password="x-geheim-123")


def text(error: ValidationError) -> str:
    return " ".join(error.messages)


def counts() -> tuple[int, ...]:
    return (
        Kandidaat.objects.count(),
        Kandidaatfase.objects.count(),
        Proefplaatsing.objects.count(),
        Medewerker.objects.count(),
        Dienstverband.objects.count(),
        Plaatsing.objects.count(),
    )


def hire(k, **overrides):
    values = {
        "personeelsnummer": "900100",
        "start": D(2026, 5, 4),
        "uren_per_week": Decimal("25.5"),
        "soort": "bepaald",
        "team": k.team,
        "opdrachtgever": OrganisatieFactory(),
        "op": D(2026, 4, 20),
    }
    values.update(overrides)
    return services.kandidaat_hire(actor=None, kandidaat=k, **values)


def test_create_registers_the_candidate_with_history_and_audit(actor):
    k = kandidaat(actor)
    assert k.fase == Fase.AANGEMELD
    stage = k.fasen.get()
    assert (stage.fase, stage.vanaf, stage.door) == (Fase.AANGEMELD, D(2026, 1, 5), actor)
    entry = LogEntry.objects.get_for_object(k).get()
    assert entry.actor == actor
    assert "sam@" not in str(entry.changes)  # contact details never reach the log


def test_create_takes_the_work_type_from_the_team():
    team = TeamFactory()
    assert kandidaat(team=team).werksoort == team.werksoort


def test_create_needs_a_team_or_work_type_and_writes_nothing():
    before = counts()
    with pytest.raises(ValidationError) as error:
        kandidaat(team=None)
    assert error.value.message_dict["werksoort"] == ["Kies een team of een werksoort."]
    assert counts() == before


def test_team_must_do_the_chosen_work_type():
    with pytest.raises(ValidationError) as error:
        kandidaat(team=TeamFactory(), werksoort=WerksoortFactory())
    assert "werksoort" in text(error.value)


def test_advance_goes_one_step_and_not_back_in_time():
    k = kandidaat()
    with pytest.raises(ValidationError) as error:
        services.kandidaat_advance(actor=None, kandidaat=k, op=D(2026, 1, 1))
    assert "mag niet vóór 05-01-2026" in text(error.value)
    services.kandidaat_advance(actor=None, kandidaat=k, op=D(2026, 1, 19))
    assert k.fase == Fase.KENNISMAKING
    with pytest.raises(ValidationError) as error:
        services.kandidaat_advance(actor=None, kandidaat=k)
    assert "proefplaatsing vast" in text(error.value)


def test_trial_placement_moves_the_candidate_to_that_stage():
    k = in_trial()
    assert k.fase == Fase.PROEFPLAATSING
    assert k.fasen.get(fase=Fase.PROEFPLAATSING).vanaf == D(2026, 2, 2)


def test_trial_placement_needs_an_introduction_first():
    k = kandidaat()
    with pytest.raises(ValidationError) as error:
        services.proefplaatsing_create(
            actor=None, kandidaat=k, team=k.team, start=D(2026, 2, 2), einde=D(2026, 5, 1)
        )
    assert "kennismaking" in text(error.value)


@pytest.mark.parametrize(
    ("einde", "expected"),
    [
        (D(2026, 8, 2), "hoogstens 6 maanden"),  # one day too long
        (D(2026, 3, 31), "minstens 2 maanden"),  # one day too short
        (D(2026, 1, 1), "ligt vóór start"),
    ],
)
def test_trial_placement_lasts_2_to_6_months_and_nothing_is_written(einde, expected):
    k = kandidaat()
    services.kandidaat_advance(actor=None, kandidaat=k, op=D(2026, 1, 19))
    before = counts()
    with pytest.raises(ValidationError) as error:
        services.proefplaatsing_create(
            actor=None, kandidaat=k, team=k.team, start=D(2026, 2, 2), einde=einde
        )
    assert list(error.value.message_dict) == ["einde"]
    assert expected in text(error.value)
    assert counts() == before
    k.refresh_from_db()
    assert k.fase == Fase.KENNISMAKING


@pytest.mark.parametrize("einde", [D(2026, 4, 1), D(2026, 8, 1)])
def test_trial_placement_of_exactly_2_or_6_months_is_fine(einde):
    k = in_trial(start=D(2026, 2, 2), einde=einde)
    assert k.proefplaatsingen.get().einde == einde


def test_trial_placements_of_a_candidate_do_not_overlap():
    k = in_trial()
    with pytest.raises(ValidationError) as error:
        services.proefplaatsing_create(
            actor=None, kandidaat=k, team=k.team, start=D(2026, 4, 1), einde=D(2026, 7, 1)
        )
    assert "overlapt" in error.value.message_dict["start"][0]


def test_trial_placement_within_the_teams_lifetime():
    team = TeamFactory(einde=D(2026, 3, 31))
    k = kandidaat(team=team)
    services.kandidaat_advance(actor=None, kandidaat=k, op=D(2026, 1, 19))
    with pytest.raises(ValidationError) as error:
        services.proefplaatsing_create(
            actor=None, kandidaat=k, team=team, start=D(2026, 2, 2), einde=D(2026, 5, 1)
        )
    assert list(error.value.message_dict) == ["team"]


def test_close_needs_a_reason_and_ends_a_running_trial():
    k = in_trial()
    with pytest.raises(ValidationError) as error:
        services.kandidaat_close(
            actor=None, kandidaat=k, fase=Fase.AFGEWEZEN, reden="  ", op=D(2026, 3, 2)
        )
    assert error.value.message_dict["reden"] == ["Geef de reden."]
    services.kandidaat_close(
        actor=None, kandidaat=k, fase=Fase.TERUGGETROKKEN, reden="Ander werk", op=D(2026, 3, 2)
    )
    k.refresh_from_db()
    assert (k.fase, k.reden) == (Fase.TERUGGETROKKEN, "Ander werk")
    assert k.proefplaatsingen.get().einde == D(2026, 3, 2)
    with pytest.raises(ValidationError):
        services.kandidaat_advance(actor=None, kandidaat=k)


def test_close_only_to_rejected_or_withdrawn():
    with pytest.raises(ValidationError):
        services.kandidaat_close(actor=None, kandidaat=kandidaat(), fase=Fase.AANGENOMEN, reden="x")


def test_hire_creates_employee_contract_and_placement_in_one_call(actor):
    k = in_trial()
    person = hire(k, geboortedatum=D(2000, 1, 1))
    k.refresh_from_db()
    assert k.fase == Fase.AANGENOMEN and k.medewerker == person
    assert (person.voornaam, person.achternaam, person.doelgroepindicatie) == (
        "Sam",
        "Verzonnen",
        True,
    )
    contract = person.dienstverbanden.get()
    placement = person.plaatsingen.get()
    assert contract.start == placement.start == D(2026, 5, 4)
    assert placement.team == k.team
    # The trial placement ends before the first working day.
    assert k.proefplaatsingen.get().einde == D(2026, 5, 1)
    assert k.fasen.get(fase=Fase.AANGENOMEN).vanaf == D(2026, 4, 20)


def test_hire_cuts_a_running_trial_placement_the_day_before():
    k = in_trial(einde=D(2026, 7, 1))
    hire(k, start=D(2026, 6, 1))
    assert k.proefplaatsingen.get().einde == D(2026, 5, 31)


@pytest.mark.parametrize("status", [Indicatie.AANGEVRAAGD, Indicatie.NEE])
def test_hire_without_a_confirmed_indication_is_refused_and_nothing_is_written(status):
    k = in_trial(indicatie=status)
    before = counts()
    with pytest.raises(ValidationError) as error:
        hire(k)
    message = error.value.message_dict["indicatie"][0]
    assert message.startswith("Aannemen geweigerd: de doelgroepindicatie is niet bevestigd")
    assert counts() == before
    k.refresh_from_db()
    assert k.fase == Fase.PROEFPLAATSING and k.medewerker is None


def test_hire_only_from_a_trial_placement():
    k = kandidaat()
    with pytest.raises(ValidationError) as error:
        hire(k)
    assert "proefplaatsing" in text(error.value)
    assert not Medewerker.objects.exists()


def test_a_failing_hire_rolls_back_the_trial_placement_change_too():
    k = in_trial(einde=D(2026, 7, 1))
    hire(k, personeelsnummer="1", start=D(2026, 6, 1))
    other = in_trial(email="b@voorbeeld.invalid", einde=D(2026, 7, 1))
    with pytest.raises(ValidationError) as error:
        hire(other, personeelsnummer="1", start=D(2026, 6, 1))  # number already taken
    assert "personeelsnummer" in error.value.message_dict
    assert other.proefplaatsingen.get().einde == D(2026, 7, 1)
    other.refresh_from_db()
    assert other.fase == Fase.PROEFPLAATSING


def test_update_changes_details_but_not_of_a_hired_candidate():
    k = in_trial(indicatie=Indicatie.AANGEVRAAGD)
    services.kandidaat_update(actor=None, kandidaat=k, indicatie=Indicatie.JA, telefoon="0612")
    k.refresh_from_db()
    assert k.indicatie == Indicatie.JA
    hire(k)
    with pytest.raises(ValidationError):
        services.kandidaat_update(actor=None, kandidaat=k, voornaam="X")


def test_each_stage_is_entered_once_in_the_database():
    from django.db import IntegrityError

    k = kandidaat()
    with pytest.raises(IntegrityError):
        Kandidaatfase.objects.create(kandidaat=k, fase=Fase.AANGEMELD, vanaf=D(2026, 2, 1))


def test_the_database_refuses_a_closed_candidate_without_reason():
    from django.db import IntegrityError

    k = kandidaat()
    with pytest.raises(IntegrityError):
        Kandidaat.objects.filter(pk=k.pk).update(fase=Fase.AFGEWEZEN)
