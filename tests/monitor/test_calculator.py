"""The quotum calculator and quarters: pure functions."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from binnenwerk.monitor.calculator import doel, fixed, realisatie_pct, whole
from binnenwerk.monitor.quarters import Kwartaal


def test_10505_fte_in_2023_give_409_target_jobs():
    target = doel(fte=Decimal(10505), voltijd_uren=Decimal(36), percentage=Decimal("2.76"))
    assert fixed(target, 2) == "409.32"
    assert whole(target) == 409


@given(
    fte=st.decimals(min_value=0, max_value=100_000, places=2),
    factor=st.integers(min_value=1, max_value=5),
)
def test_the_target_grows_in_proportion_to_fte(fte, factor):
    args = {"voltijd_uren": Decimal(36), "percentage": Decimal("2.76")}
    assert doel(fte=fte * factor, **args) == pytest.approx(factor * doel(fte=fte, **args))


def test_a_full_time_week_of_25_5_hours_at_100_percent_is_one_job_per_fte():
    assert doel(fte=Decimal(7), voltijd_uren=Decimal("25.5"), percentage=Decimal(100)) == 7


def test_realisation_rounds_half_up_and_needs_a_target():
    assert realisatie_pct(Decimal(1), None) is None
    assert realisatie_pct(Decimal(1), Decimal(0)) is None
    assert whole(Decimal("79.5")) == 80 and whole(Decimal("80.5")) == 81
    assert fixed(Decimal("92.05"), 1) == "92.1"


@pytest.mark.parametrize("text", ["2023Q4", "2023-Q4", "2023q4", "2023K4", " 2023 Q4 "])
def test_quarters_are_read_in_the_usual_spellings(text):
    assert Kwartaal.parse(text) == Kwartaal(2023, 4)


@pytest.mark.parametrize("text", ["", "2023", "2023Q5", "Q4 2023", "23Q4"])
def test_a_wrong_quarter_gets_a_dutch_message(text):
    with pytest.raises(ValueError, match="ongeldig kwartaal"):
        Kwartaal.parse(text)


def test_the_last_day_of_each_quarter():
    assert [Kwartaal(2024, n).last_day for n in (1, 2, 3, 4)] == [
        dt.date(2024, 3, 31),
        dt.date(2024, 6, 30),
        dt.date(2024, 9, 30),
        dt.date(2024, 12, 31),
    ]
    assert Kwartaal(2024, 1).previous() == Kwartaal(2023, 4)
    assert Kwartaal.containing(dt.date(2023, 11, 23)) == Kwartaal(2023, 4)
