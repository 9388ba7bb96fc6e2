import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from binnenwerk.people import services
from binnenwerk.people.models import Dienstverband, Plaatsing
from tests.factories import (
    DienstverbandFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
)

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("hr", password="x-geheim-123")


def messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_medewerker_create_normalises_bsn_and_audits_without_it(actor):
    person = services.medewerker_create(
        actor=actor,
        personeelsnummer="1",
        voornaam="An",
        achternaam="Bos",
        bsn="99999 0019",
        doelgroepindicatie=True,
    )
    assert person.bsn == "999990019"
    entry = LogEntry.objects.get_for_object(person).get()
    assert entry.actor == actor
    assert "999990019" not in str(entry.changes) + entry.changes_text + entry.object_repr


def test_bsn_with_lost_leading_zero_is_restored(actor):
    person = services.medewerker_create(
        actor=actor, personeelsnummer="2", voornaam="B", achternaam="C", bsn="11222335"
    )
    assert person.bsn == "011222335"


def test_invalid_bsn_is_refused_without_echo(actor):
    with pytest.raises(ValidationError) as error:
        services.medewerker_create(
            actor=actor, personeelsnummer="3", voornaam="B", achternaam="C", bsn="123456789"
        )
    assert "11-proef" in messages(error.value) and "123456789" not in messages(error.value)


def test_bsn_change_is_audited_masked(actor):
    person = services.medewerker_create(
        actor=actor, personeelsnummer="4", voornaam="B", achternaam="C", bsn="999990019"
    )
    services.medewerker_update(actor=actor, medewerker=person, bsn="111222333")
    for entry in LogEntry.objects.get_for_object(person):
        assert "111222333" not in str(entry.changes) and "999990019" not in str(entry.changes)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        (Decimal(0), "groter dan 0"),
        (Decimal("40.01"), "ten hoogste 40"),
        (Decimal("20.125"), "2 decimalen"),
    ],
)
def test_hours_out_of_range_are_refused(actor, hours, message):
    person = MedewerkerFactory()
    with pytest.raises(ValidationError) as error:
        services.dienstverband_create(
            actor=actor, medewerker=person, start=D(2023, 1, 1), uren_per_week=hours
        )
    assert message in messages(error.value)
    assert not Dienstverband.objects.exists()


def test_contract_end_before_start_is_refused(actor):
    with pytest.raises(ValidationError) as error:
        services.dienstverband_create(
            actor=actor,
            medewerker=MedewerkerFactory(),
            start=D(2023, 5, 1),
            einde=D(2023, 4, 30),
            uren_per_week=Decimal(20),
        )
    assert "ligt vóór start" in messages(error.value)


def test_overlapping_contracts_are_refused(actor):
    existing = DienstverbandFactory(start=D(2023, 1, 1), einde=D(2023, 12, 31))
    with pytest.raises(ValidationError) as error:
        services.dienstverband_create(
            actor=actor,
            medewerker=existing.medewerker,
            start=D(2023, 12, 31),
            uren_per_week=Decimal(20),
        )
    assert "overlapt met dienstverband 01-01-2023 t/m 31-12-2023" in messages(error.value)
    contract = services.dienstverband_create(
        actor=actor, medewerker=existing.medewerker, start=D(2024, 1, 1), uren_per_week=Decimal(20)
    )
    assert LogEntry.objects.get_for_object(contract).get().actor == actor


def test_dienstverband_end_and_update(actor):
    contract = DienstverbandFactory(start=D(2023, 1, 1))
    services.dienstverband_end(actor=actor, dienstverband=contract, einde=D(2023, 6, 30))
    contract.refresh_from_db()
    assert contract.einde == D(2023, 6, 30)
    entry = LogEntry.objects.get_for_object(contract).get(action=LogEntry.Action.UPDATE)
    assert entry.actor == actor and "einde" in entry.changes


def test_placement_outside_team_lifetime_is_refused(actor):
    team = TeamFactory(start=D(2021, 1, 1), einde=D(2022, 12, 31))
    with pytest.raises(ValidationError) as error:
        services.plaatsing_create(
            actor=actor,
            medewerker=MedewerkerFactory(),
            team=team,
            opdrachtgever=OrganisatieFactory(),
            start=D(2022, 6, 1),
        )
    assert "valt buiten de looptijd van team" in messages(error.value)


def test_overlapping_placements_are_refused(actor):
    existing = PlaatsingFactory(start=D(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.plaatsing_create(
            actor=actor,
            medewerker=existing.medewerker,
            team=existing.team,
            opdrachtgever=existing.opdrachtgever,
            start=D(2023, 1, 1),
        )
    assert "overlapt met plaatsing" in messages(error.value)


def test_plaatsing_move_ends_the_current_placement_the_day_before(actor):
    current = PlaatsingFactory(start=D(2022, 1, 1))
    other_team, client = TeamFactory(), OrganisatieFactory()
    moved = services.plaatsing_move(
        actor=actor,
        medewerker=current.medewerker,
        vanaf=D(2023, 3, 1),
        team=other_team,
        opdrachtgever=client,
    )
    current.refresh_from_db()
    assert current.einde == D(2023, 2, 28)
    assert (moved.team, moved.opdrachtgever, moved.start) == (other_team, client, D(2023, 3, 1))
    assert Plaatsing.objects.filter(medewerker=current.medewerker).count() == 2


def test_hire_is_all_or_nothing(actor):
    team, client = TeamFactory(start=D(2022, 1, 1)), OrganisatieFactory()
    person = {"personeelsnummer": "77", "voornaam": "A", "achternaam": "B"}
    with pytest.raises(ValidationError):
        services.medewerker_hire(
            actor=actor,
            medewerker=person,
            start=D(2021, 1, 1),
            uren_per_week=Decimal(20),
            soort="bepaald",
            einde=None,
            team=team,
            opdrachtgever=client,
        )
    assert not Dienstverband.objects.exists()
    hired = services.medewerker_hire(
        actor=actor,
        medewerker=person,
        start=D(2022, 2, 1),
        uren_per_week=Decimal(20),
        soort="bepaald",
        einde=None,
        team=team,
        opdrachtgever=client,
    )
    assert hired.dienstverbanden.count() == 1 and hired.plaatsingen.count() == 1


def test_extend_starts_the_day_after(actor):
    contract = DienstverbandFactory(start=D(2023, 1, 1), einde=D(2023, 12, 31))
    new = services.dienstverband_extend(
        actor=actor,
        dienstverband=contract,
        uren_per_week=Decimal(30),
        soort="onbepaald",
        einde=None,
    )
    assert new.start == D(2024, 1, 1)
    with pytest.raises(ValidationError):
        services.dienstverband_extend(
            actor=actor, dienstverband=new, uren_per_week=Decimal(30), soort="onbepaald", einde=None
        )
