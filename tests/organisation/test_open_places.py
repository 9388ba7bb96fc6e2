"""Open places per team on a date: capacity − people placed, and teams below their minimum."""

import datetime as dt
import json

from django.core.management import call_command

from binnenwerk.organisation.models import Team
from binnenwerk.organisation.selectors import open_places_overview
from tests import factories

DAY = dt.date(2024, 6, 30)


def place(team, count, start=dt.date(2024, 1, 1), einde=None):
    for _ in range(count):
        factories.PlaatsingFactory(team=team, start=start, einde=einde)


def test_open_places_are_capacity_minus_people_placed_on_the_date():
    werksoort = factories.WerksoortFactory(teamgrootte_min=8, teamgrootte_max=12)
    full = factories.TeamFactory(code="VOL", werksoort=werksoort, capaciteit=9)
    small = factories.TeamFactory(code="KLEIN", werksoort=werksoort, capaciteit=12)
    place(full, 9)
    place(small, 5)
    place(small, 3, einde=dt.date(2024, 5, 31))  # left before the date: not counted
    rows = {r.team.code: r for r in open_places_overview(Team.objects.all(), DAY)}
    assert (rows["VOL"].bezetting, rows["VOL"].open_plaatsen, rows["VOL"].onder_minimum) == (
        9,
        0,
        False,
    )
    assert (rows["KLEIN"].bezetting, rows["KLEIN"].open_plaatsen) == (5, 7)
    assert rows["KLEIN"].onder_minimum and (rows["KLEIN"].minimum, rows["KLEIN"].maximum) == (8, 12)


def test_most_open_places_first_and_ended_or_future_teams_left_out():
    factories.TeamFactory(code="A", capaciteit=10)
    factories.TeamFactory(code="B", capaciteit=14)
    factories.TeamFactory(code="ZONDER", capaciteit=None)
    factories.TeamFactory(code="OUD", capaciteit=10, einde=dt.date(2023, 12, 31))
    factories.TeamFactory(code="NIEUW", capaciteit=10, start=dt.date(2025, 1, 1))
    codes = [r.team.code for r in open_places_overview(Team.objects.all(), DAY)]
    assert codes == ["B", "A", "ZONDER"]


def test_a_team_without_a_work_type_range_is_never_below_minimum():
    team = factories.TeamFactory(
        code="VRIJ",
        werksoort=factories.WerksoortFactory(teamgrootte_min=None, teamgrootte_max=None),
    )
    place(team, 1)
    (row,) = open_places_overview(Team.objects.filter(code="VRIJ"), DAY)
    assert not row.onder_minimum


def test_the_overview_needs_a_fixed_number_of_queries(django_assert_num_queries):
    for n in range(5):
        place(factories.TeamFactory(code=f"Q{n}"), 2)
    with django_assert_num_queries(1):
        open_places_overview(Team.objects.all(), DAY)


def test_the_command_line_prints_json(capsys):
    team = factories.TeamFactory(code="CLI", capaciteit=10)
    place(team, 4)
    call_command("plaatsen", peildatum="2024-06-30", format="json")
    data = json.loads(capsys.readouterr().out)
    assert data["open_plaatsen"] == 6 and data["teams_onder_minimum"] == 1
    assert data["teams"][0]["team"] == "CLI" and data["teams"][0]["onder_minimum"] is True
    call_command("plaatsen", peildatum="2024-06-30")
    assert "Open plaatsen op 30-06-2024" in capsys.readouterr().out
