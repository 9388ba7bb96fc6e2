"""The published figures through the API: the job counter, its series, the key figures and
Table 1 answer what the selectors answer, rounded half-up only at the end, within scope."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext

from binnenwerk.accounts.selectors import client_codes, teams_for
from binnenwerk.api.jobs import MAX_POINTS
from binnenwerk.formatting import decimal_str
from binnenwerk.jobs import selectors
from binnenwerk.jobs.constants import Interval, Per
from binnenwerk.jobs.selectors import Filters
from binnenwerk.monitor.presenters import tabel1_data
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import kwartalen_met_cijfers, tabel1
from binnenwerk.organisation.models import TeamRol
from binnenwerk.periods import active_on
from tests.api.support import conforms, user

API = "/api/v1/"
PROBLEM = "application/problem+json"
END_2023 = dt.date(2023, 12, 31)
PEILDATA = [END_2023, dt.date(2021, 6, 30)]


@pytest.fixture
def management(api_as):
    return api_as("management")


def ok(response) -> dict:
    assert response.status_code == 200, response.content
    return response.json()


def invalid(response, veld: str) -> list[dict]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith(PROBLEM)
    errors = response.json()["errors"]
    assert errors[0]["veld"] == veld
    return errors


def as_api(result: selectors.Banen) -> dict:
    """What the API must say for a counter result: every figure half-up to 2 decimals."""
    return {
        "peildatum": result.peildatum.isoformat(),
        "per": result.per,
        "totaal": decimal_str(result.totaal),
        "medewerkers_binnenwerk": result.medewerkers_binnenwerk,
        "groepen": {k: decimal_str(v) for k, v in result.groepen.items()},
    }


def test_the_published_year_end_figures(management):
    body = ok(management.get(API + "banen", {"peildatum": "2023-12-31"}))
    assert body["totaal"] == "870.20"
    assert body["medewerkers_binnenwerk"] == 674
    assert body["peildatum"] == "2023-12-31" and body["per"] is None and body["groepen"] == {}
    per_client = ok(
        management.get(API + "banen", {"peildatum": "2023-12-31", "per": "opdrachtgever"})
    )
    assert per_client["groepen"]["BZK"] == "201.76"
    assert per_client["totaal"] == "870.20"


@pytest.mark.parametrize("peildatum", PEILDATA, ids=str)
@pytest.mark.parametrize("per", [None, *Per.values])
def test_every_grouping_equals_the_counter(management, per, peildatum):
    params = {"peildatum": peildatum.isoformat(), **({"per": per} if per else {})}
    body = ok(management.get(API + "banen", params))
    assert body == as_api(selectors.banen(peildatum, per))


def test_without_peildatum_the_counter_answers_for_today(management):
    body = ok(management.get(API + "banen"))
    assert body == as_api(selectors.banen(dt.date.today()))


@pytest.mark.parametrize(
    ("interval", "per"), [("maand", "werksoort"), ("kwartaal", None), ("jaar", "opdrachtgever")]
)
def test_the_series_equals_the_counter_on_each_point(management, interval, per):
    params = {"van": "2021-01-01", "tot": "2023-12-31", "interval": interval}
    if per:
        params["per"] = per
    body = ok(management.get(API + "banen/reeks", params))
    assert (body["van"], body["tot"], body["interval"], body["per"]) == (
        "2021-01-01",
        "2023-12-31",
        interval,
        per,
    )
    expected_points = {"maand": 36, "kwartaal": 12, "jaar": 3}[interval]
    assert len(body["reeks"]) == expected_points
    for point in body["reeks"]:
        on = dt.date.fromisoformat(point["peildatum"])
        assert point == as_api(selectors.banen(on, per)), on
    assert body["reeks"][-1]["totaal"] == "870.20"


def test_the_series_is_checked(management):
    def series(**params):
        return management.get(API + "banen/reeks", params)

    with translation.override("nl"):
        before = gettext("'tot' is before 'van'")
        too_long = gettext(
            "at most %(max)s points per series: shorten the period or widen the step"
        ) % {"max": MAX_POINTS}
    assert invalid(series(van="2023-12-31", tot="2023-01-01"), "tot")[0]["detail"] == before
    years = MAX_POINTS // 12 + 2
    assert (
        invalid(series(van=f"{2023 - years}-01-01", tot="2023-12-31"), "tot")[0]["detail"]
        == too_long
    )
    assert ok(series(van=f"{2023 - years}-01-01", tot="2023-12-31", interval="jaar"))
    invalid(series(tot="2023-12-31"), "van")
    invalid(series(van="2023-01-01", tot="2023-12-31", interval="week"), "interval")
    invalid(series(van="2023-01-01", tot="2023-12-31", per="persoon"), "per")


def led_teams(username: str, on: dt.date) -> frozenset[str]:
    staff = get_user_model().objects.get(username=username).profiel.medewerker
    held = TeamRol.objects.filter(active_on(on), medewerker=staff)
    return frozenset(held.values_list("team__code", flat=True))


@pytest.mark.parametrize("username", ["leidinggevende", "jobcoach"])
def test_a_supervisors_jobs_are_the_counter_for_their_teams(api_as, username):
    client = api_as(username)
    teams = led_teams(username, END_2023)
    assert teams, "the demo's supervisor and coach hold team roles at the end of 2023"
    for per in (None, Per.TEAM, Per.OPDRACHTGEVER):
        params = {"peildatum": "2023-12-31", **({"per": per} if per else {})}
        expected = selectors.banen(END_2023, per, Filters(teams=teams))
        assert ok(client.get(API + "banen", params)) == as_api(expected)
    assert (
        set(ok(client.get(API + "banen", {"peildatum": "2023-12-31", "per": "team"}))["groepen"])
        <= teams
    )
    other = selectors.banen(END_2023, Per.TEAM).groepen.keys() - teams
    asked = {"peildatum": "2023-12-31", "team": sorted(other)[0]}
    assert ok(client.get(API + "banen", asked))["totaal"] == "0.00"
    series = ok(client.get(API + "banen/reeks", {"van": "2023-10-01", "tot": "2023-12-31"}))
    assert series["reeks"][-1] == as_api(selectors.banen(END_2023, None, Filters(teams=teams)))


def test_narrowing_within_the_whole_organisation(management):
    body = ok(management.get(API + "banen", {"peildatum": "2023-12-31", "opdrachtgever": "BZK"}))
    expected = selectors.banen(
        END_2023, None, Filters(opdrachtgevers=selectors.organisation_with_parts("BZK"))
    )
    assert body == as_api(expected)
    work = ok(management.get(API + "banen", {"peildatum": "2023-12-31", "werksoort": "PAND"}))
    per_work = selectors.banen(END_2023, Per.WERKSOORT).groepen
    assert work["totaal"] == decimal_str(per_work["PAND"])


def test_the_key_figures_equal_the_counters(management):
    body = ok(management.get(API + "kerncijfers", {"jaar": 2023}))
    figures = selectors.kerncijfers(2023)
    assert body == {
        "jaar": 2023,
        "banen": decimal_str(figures.banen),
        "nieuwe_banen": decimal_str(figures.nieuwe_banen),
        "medewerkers_binnenwerk": figures.medewerkers_binnenwerk,
        "nieuwe_collegas": figures.nieuwe_collegas,
        "teams": figures.teams,
    }
    assert (body["banen"], body["medewerkers_binnenwerk"]) == ("870.20", 674)
    assert (body["nieuwe_collegas"], body["teams"]) == (156, 76)
    invalid(management.get(API + "kerncijfers"), "jaar")
    invalid(management.get(API + "kerncijfers", {"jaar": 1999}), "jaar")


def test_table1_equals_the_monitors_table_for_management(management):
    body = ok(management.get(API + "monitor/tabel1", {"kwartaal": "2023Q4"}))
    with translation.override("nl"):
        expected = tabel1_data(tabel1(Kwartaal.parse("2023Q4")))
    assert body == expected
    assert len(body["rijen"]) > 1
    total = body["totaal"]
    published = ("5637", "3196", "870", "450", "4517", "80")  # the letter's Totaal Rijk
    fields = ("doel", "formeel_excl_binnenwerk", "binnenwerk", "inleen", "totaal")
    shown = [str(Decimal(total[f]).quantize(Decimal(1))) for f in fields]
    shown.append(str(Decimal(total["realisatie_pct"]).quantize(Decimal(1))))
    assert tuple(shown) == published


def test_table1_for_a_client_is_its_ministry_and_the_total(api_as, management):
    body = ok(api_as("opdrachtgever").get(API + "monitor/tabel1", {"kwartaal": "2023Q4"}))
    assert [row["organisatie"] for row in body["rijen"]] == ["BZK"]
    bzk = body["rijen"][0]
    assert (bzk["doel"], bzk["binnenwerk"], bzk["realisatie_pct"]) == ("507.12", "201.76", "92.1")
    everything = ok(management.get(API + "monitor/tabel1", {"kwartaal": "2023Q4"}))
    assert body["totaal"] == everything["totaal"]
    assert bzk == next(r for r in everything["rijen"] if r["organisatie"] == "BZK")


def test_table1_defaults_to_the_latest_quarter_and_checks_the_quarter(management):
    latest = kwartalen_met_cijfers()[-1]
    assert ok(management.get(API + "monitor/tabel1"))["kwartaal"] == str(latest)
    for wrong in ("2023Q5", "Q4-2023", "1999Q4"):
        invalid(management.get(API + "monitor/tabel1", {"kwartaal": wrong}), "kwartaal")


def test_interval_names_are_the_counters(management):
    """The series accepts exactly the counter's intervals."""
    for interval in Interval.values:
        params = {"van": "2023-01-01", "tot": "2023-12-31", "interval": interval}
        assert ok(management.get(API + "banen/reeks", params))["interval"] == interval


def test_a_clients_headcount_of_fewer_than_five_people_is_suppressed(api_as):
    """As on the client statement (issue 18, item 9): a client reads "<5" for one to four
    people in a team, the number from five on and 0 for none; staff read the number."""
    codes = client_codes(user("opdrachtgever"))

    def counted(team: str) -> int:
        chosen = Filters(opdrachtgevers=codes, teams=frozenset({team}))
        return selectors.banen(END_2023, filters=chosen).medewerkers_binnenwerk

    teams = teams_for(user("opdrachtgever"), END_2023).values_list("code", flat=True)
    counts = {team: counted(team) for team in teams}
    small = max((t for t, n in counts.items() if 0 < n < 5), key=counts.__getitem__)
    five = min((t for t, n in counts.items() if n >= 5), key=counts.__getitem__)
    nobody = next(t for t, n in counts.items() if n == 0)  # funded jobs, no Binnenwerk staff
    client = api_as("opdrachtgever")

    def shown(team: str) -> int | str:
        response = client.get(API + "banen", {"peildatum": END_2023.isoformat(), "team": team})
        return conforms(response, "/api/v1/banen")["medewerkers_binnenwerk"]

    assert shown(small) == "<5"
    assert shown(five) == counts[five]
    assert shown(nobody) == 0
    series = client.get(
        API + "banen/reeks", {"van": "2023-01-01", "tot": "2023-12-31", "team": small}
    )
    points = selectors.banen_reeks(
        dt.date(2023, 1, 1),
        END_2023,
        Interval.MAAND,
        filters=Filters(opdrachtgevers=codes, teams=frozenset({small})),
    )
    expected = [
        "<5" if 0 < p.medewerkers_binnenwerk < 5 else p.medewerkers_binnenwerk for p in points
    ]
    assert [
        p["medewerkers_binnenwerk"] for p in conforms(series, "/api/v1/banen/reeks")["reeks"]
    ] == expected
    # Management asks for the same team and client: the number itself.
    same = {"peildatum": "2023-12-31", "team": small, "opdrachtgever": "BZK"}
    assert codes == selectors.organisation_with_parts("BZK")
    assert (
        ok(api_as("management").get(API + "banen", same))["medewerkers_binnenwerk"] == counts[small]
    )
