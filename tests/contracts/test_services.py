"""contractbesluit_create: each decision changes the contracts through the people services;
anything refused leaves nothing written."""

import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import override_settings

from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.contracts.services import contractbesluit_create
from binnenwerk.people.models import Dienstverband
from tests.contracts.factories import account, employee
from tests.factories import TeamFactory

D = dt.date


@pytest.fixture
def hr():
    return account("hr", "personeelszaken")


@pytest.fixture
def team():
    return TeamFactory(code="T-KLOK")


def snapshot():
    return (
        list(Dienstverband.objects.order_by("pk").values_list("pk", "start", "einde", "soort")),
        Contractbesluit.objects.count(),
    )


def refused(snapshot_before, **kwargs):
    with pytest.raises(ValidationError) as caught:
        contractbesluit_create(**kwargs)
    assert snapshot() == snapshot_before
    return caught.value.message_dict


def test_permanent_from_the_day_after_the_end(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    decision = contractbesluit_create(
        actor=hr, dienstverband=contract, besluit="vast", ingangsdatum=D(2025, 3, 1)
    )
    new = decision.nieuw_dienstverband
    assert (new.start, new.einde, new.soort, new.uren_per_week) == (
        D(2025, 3, 1),
        None,
        "onbepaald",
        Decimal("25.50"),
    )
    contract.refresh_from_db()
    assert contract.einde == D(2025, 2, 28)
    assert decision.besloten_door == hr
    assert LogEntry.objects.get_for_object(decision).get().actor == hr


def test_permanent_earlier_ends_the_fixed_term_the_day_before(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 8, 31))
    decision = contractbesluit_create(
        actor=hr,
        dienstverband=contract,
        besluit="vast",
        ingangsdatum=D(2025, 3, 1),
        uren_per_week=Decimal(30),
    )
    contract.refresh_from_db()
    assert contract.einde == D(2025, 2, 28)
    assert decision.nieuw_dienstverband.uren_per_week == Decimal(30)


def test_permanent_needs_a_date_within_reach(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    before = snapshot()
    errors = refused(before, actor=hr, dienstverband=contract, besluit="vast")
    assert errors["ingangsdatum"] == ["Vul de eerste dag van het vaste contract in."]
    errors = refused(
        before, actor=hr, dienstverband=contract, besluit="vast", ingangsdatum=D(2025, 4, 1)
    )
    assert "uiterlijk op 01-03-2025" in errors["ingangsdatum"][0]


def test_extend_within_the_chain_rule(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    decision = contractbesluit_create(
        actor=hr, dienstverband=contract, besluit="verlengen", einde=D(2025, 8, 31)
    )
    new = decision.nieuw_dienstverband
    assert (new.start, new.einde, new.soort) == (D(2025, 3, 1), D(2025, 8, 31), "bepaald")
    assert decision.ingangsdatum == D(2025, 3, 1) and decision.ketenwaarschuwing == ""


def test_an_extension_past_the_chain_rule_needs_confirmation(hr, team):
    person_contract = employee(team, D(2022, 3, 1), D(2023, 2, 28))
    second = employee(team, D(2023, 3, 1), D(2025, 2, 28), person=person_contract.medewerker)
    before = snapshot()
    errors = refused(
        before, actor=hr, dienstverband=second, besluit="verlengen", einde=D(2025, 8, 31)
    )
    assert "ketenregeling" in errors["keten_bevestigd"][0]
    assert "Bevestig" in errors["keten_bevestigd"][0]
    decision = contractbesluit_create(
        actor=hr,
        dienstverband=second,
        besluit="verlengen",
        einde=D(2025, 8, 31),
        keten_bevestigd=True,
    )
    assert "42 maanden" in decision.ketenwaarschuwing


@override_settings(KETEN_MAX_CONTRACTEN=1)
def test_a_stricter_agreement_warns_at_the_second_contract(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    errors = refused(
        snapshot(), actor=hr, dienstverband=contract, besluit="verlengen", einde=D(2025, 5, 31)
    )
    assert "ten hoogste 1 contract en" in errors["keten_bevestigd"][0]


def test_extend_needs_a_last_day_after_the_start(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    before = snapshot()
    errors = refused(before, actor=hr, dienstverband=contract, besluit="verlengen")
    assert errors["einde"] == ["Vul de laatste dag van het nieuwe contract in."]
    errors = refused(
        before, actor=hr, dienstverband=contract, besluit="verlengen", einde=D(2025, 1, 1)
    )
    assert "01-03-2025" in errors["einde"][0]


def test_end_keeps_the_end_and_records_the_reason(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    before = snapshot()
    errors = refused(before, actor=hr, dienstverband=contract, besluit="beeindigen")
    assert errors["reden"] == ["Geef de reden waarom het contract eindigt."]
    decision = contractbesluit_create(
        actor=hr, dienstverband=contract, besluit="beeindigen", reden="Functioneren onvoldoende"
    )
    assert decision.einde == D(2025, 2, 28) and decision.nieuw_dienstverband is None
    assert snapshot()[0] == before[0]


def test_end_earlier_but_never_later(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    errors = refused(
        snapshot(),
        actor=hr,
        dienstverband=contract,
        besluit="beeindigen",
        einde=D(2025, 3, 31),
        reden="x",
    )
    assert "eerder eindigen, niet later" in errors["einde"][0]
    contractbesluit_create(
        actor=hr, dienstverband=contract, besluit="beeindigen", einde=D(2024, 12, 31), reden="x"
    )
    contract.refresh_from_db()
    assert contract.einde == D(2024, 12, 31)


def test_one_decision_per_contract_and_only_for_fixed_term(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    contractbesluit_create(actor=hr, dienstverband=contract, besluit="beeindigen", reden="x")
    errors = refused(snapshot(), actor=hr, dienstverband=contract, besluit="beeindigen", reden="y")
    assert errors["besluit"] == ["Over dit contract is al besloten."]
    permanent = employee(team, D(2024, 3, 1), None, soort="onbepaald")
    errors = refused(snapshot(), actor=hr, dienstverband=permanent, besluit="beeindigen", reden="y")
    assert "bepaalde tijd" in errors["besluit"][0]


def test_a_recorded_follow_up_is_taken_not_doubled(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    follow = employee(
        team, D(2025, 3, 1), None, soort="onbepaald", uren="20", person=contract.medewerker
    )
    decision = contractbesluit_create(
        actor=hr,
        dienstverband=contract,
        besluit="vast",
        ingangsdatum=D(2025, 3, 1),
        uren_per_week=Decimal(24),
    )
    assert decision.nieuw_dienstverband == follow
    follow.refresh_from_db()
    assert follow.uren_per_week == Decimal(24)
    assert Dienstverband.objects.filter(medewerker=contract.medewerker).count() == 2


def test_a_follow_up_of_another_kind_refuses_and_writes_nothing(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 2, 28))
    employee(team, D(2025, 3, 1), None, soort="onbepaald", person=contract.medewerker)
    errors = refused(
        snapshot(), actor=hr, dienstverband=contract, besluit="verlengen", einde=D(2025, 8, 31)
    )
    assert "01-03-2025" in errors["besluit"][0]
    # Ending the contract while a follow-up exists is refused too.
    errors = refused(snapshot(), actor=hr, dienstverband=contract, besluit="beeindigen", reden="x")
    assert "vervolgcontract" in errors["einde"][0]


def test_an_overlap_found_by_the_people_services_rolls_everything_back(hr, team):
    contract = employee(team, D(2024, 3, 1), D(2025, 8, 31))
    # A later contract already starts in the period a permanent one from March would cover.
    employee(team, D(2025, 9, 1), D(2025, 12, 31), person=contract.medewerker)
    before = snapshot()
    with pytest.raises(ValidationError):
        contractbesluit_create(
            actor=hr, dienstverband=contract, besluit="vast", ingangsdatum=D(2025, 3, 1)
        )
    assert snapshot() == before  # the fixed-term contract's end did not change either
