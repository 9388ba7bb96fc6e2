"""The worklist: which contracts, in whose scope, with which date; the dashboard count."""

import datetime as dt

import pytest

from binnenwerk.contracts.chain import Periode, keten
from binnenwerk.contracts.selectors import (
    besluiten_for,
    dienstverbanden_for,
    extension_room,
    overdue_count,
    werklijst,
)
from binnenwerk.contracts.services import contractbesluit_create
from tests.contracts.factories import account, employee, supervised_team

D = dt.date
P = D(2025, 2, 1)  # the peildatum of these tests


@pytest.fixture
def setting():
    team, lead = supervised_team("lg-a", "TEAM-A")
    other, other_lead = supervised_team("lg-b", "TEAM-B")
    return {
        "team": team,
        "lead": lead,
        "other": other,
        "other_lead": other_lead,
        "hr": account("hr", "personeelszaken"),
        "management": account("mgmt", "management"),
        "coach": account("coach", "jobcoach"),
    }


def numbers(items):
    return [i.medewerker.personeelsnummer for i in items]


def test_contracts_ending_within_the_weeks_are_listed_in_date_order(setting):
    team = setting["team"]
    later = employee(team, D(2024, 3, 20), D(2025, 3, 19))  # 46 days ahead
    soon = employee(team, D(2024, 2, 15), D(2025, 2, 14))  # 13 days ahead
    employee(team, D(2024, 6, 1), D(2025, 5, 31))  # beyond 8 weeks
    employee(team, D(2024, 1, 1), None, soort="onbepaald")  # permanent: no clock
    items = werklijst(setting["hr"], P)
    assert [i.dienstverband for i in items] == [soon, later]
    assert (items[0].signaal, items[0].datum, items[0].weken, items[0].te_laat) == (
        "einde",
        D(2025, 2, 14),
        1,
        False,
    )
    assert items[0].team_naam == team.naam
    assert len(werklijst(setting["hr"], P, weken=20)) == 3


def test_the_one_year_mark_inside_a_longer_contract_and_overdue(setting):
    team = setting["team"]
    two_years = employee(team, D(2024, 1, 10), D(2025, 12, 31))
    [item] = werklijst(setting["hr"], P)
    assert item.dienstverband == two_years
    assert (item.signaal, item.datum, item.dagen, item.te_laat) == (
        "jaargrens",
        D(2025, 1, 10),
        -22,
        True,
    )
    assert overdue_count(setting["hr"], P) == 1
    assert overdue_count(setting["management"], P) == 1
    assert overdue_count(setting["coach"], P) == 0


def test_the_mark_counts_from_the_first_contract_of_the_chain(setting):
    team = setting["team"]
    first = employee(team, D(2023, 9, 1), D(2024, 2, 29))
    second = employee(team, D(2024, 3, 1), D(2025, 8, 31), person=first.medewerker)
    [item] = werklijst(setting["hr"], P)
    # The year is counted from the first contract: the mark fell within the second one and
    # passed without a decision.
    assert item.dienstverband == second and item.jaargrens == D(2024, 9, 1)
    assert (item.signaal, item.datum, item.te_laat) == ("jaargrens", D(2024, 9, 1), True)


def test_a_decided_contract_leaves_the_list(setting):
    contract = employee(setting["team"], D(2024, 2, 15), D(2025, 2, 14))
    assert numbers(werklijst(setting["hr"], P)) == [contract.medewerker.personeelsnummer]
    contractbesluit_create(
        actor=setting["hr"], dienstverband=contract, besluit="vast", ingangsdatum=D(2025, 2, 15)
    )
    assert werklijst(setting["hr"], P) == []
    assert [b.dienstverband for b in besluiten_for(setting["hr"], P)] == [contract]


def test_a_recorded_follow_up_is_shown(setting):
    contract = employee(setting["team"], D(2024, 2, 15), D(2025, 2, 14))
    follow = employee(
        setting["team"], D(2025, 2, 15), None, soort="onbepaald", person=contract.medewerker
    )
    [item] = werklijst(setting["hr"], P)
    assert item.vervolg == follow


def test_scope_per_role(setting):
    mine = employee(setting["team"], D(2024, 2, 15), D(2025, 2, 14))
    theirs = employee(setting["other"], D(2024, 2, 20), D(2025, 2, 19))
    assert [i.dienstverband for i in werklijst(setting["lead"], P)] == [mine]
    assert [i.dienstverband for i in werklijst(setting["other_lead"], P)] == [theirs]
    assert len(werklijst(setting["hr"], P)) == 2
    assert len(werklijst(setting["management"], P)) == 2  # shown as counts only
    assert werklijst(setting["coach"], P) == []
    assert set(dienstverbanden_for(setting["lead"], P)) == {mine}
    assert not dienstverbanden_for(setting["management"], P).exists()


def test_the_worklist_takes_a_bounded_number_of_queries(setting, django_assert_max_num_queries):
    for day in range(1, 25):
        first = employee(setting["team"], D(2023, 8, day), D(2024, 8, day - 1 or 1))
        employee(setting["team"], D(2024, 8, day + 1), D(2025, 2, day), person=first.medewerker)
    with django_assert_max_num_queries(6):
        items = werklijst(setting["lead"], P)
    assert len(items) == 24


def test_extension_room_follows_the_chain():
    one = keten([], Periode(D(2024, 3, 1), D(2025, 2, 28)))
    assert extension_room(one).laatste_einde == D(2027, 2, 28)
    three = keten(
        [Periode(D(2023, 1, 1), D(2023, 6, 30)), Periode(D(2023, 7, 1), D(2023, 12, 31))],
        Periode(D(2024, 1, 1), D(2024, 6, 30)),
    )
    assert extension_room(three).laatste_einde is None
