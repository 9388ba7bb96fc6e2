"""The Poortwachter schedule as pure date arithmetic (week N due = first day + 7·N − 1)."""

import datetime as dt

import pytest

from binnenwerk.absence import poortwachter
from binnenwerk.absence.constants import StapSoort

FIRST_DAY = dt.date(2026, 1, 5)


def test_initial_steps_for_a_known_first_day():
    assert poortwachter.initial_steps(FIRST_DAY) == [
        (StapSoort.PROBLEEMANALYSE, dt.date(2026, 2, 15)),
        (StapSoort.PLAN_VAN_AANPAK, dt.date(2026, 3, 1)),
        (StapSoort.EVALUATIE, dt.date(2026, 4, 12)),
        (StapSoort.ZIEKMELDING_UWV, dt.date(2026, 10, 25)),
        (StapSoort.EERSTEJAARSEVALUATIE, dt.date(2027, 1, 3)),
        (StapSoort.WIA_AANVRAAG, dt.date(2027, 10, 3)),
    ]


def test_week_one_is_the_first_day_and_six_after():
    assert poortwachter.end_of_week(FIRST_DAY, 1) == dt.date(2026, 1, 11)
    assert poortwachter.week_of(FIRST_DAY, FIRST_DAY) == 1
    assert poortwachter.week_of(FIRST_DAY, dt.date(2026, 1, 11)) == 1
    assert poortwachter.week_of(FIRST_DAY, dt.date(2026, 1, 12)) == 2
    assert poortwachter.week_of(FIRST_DAY, dt.date(2026, 2, 15)) == 6
    with pytest.raises(ValueError):
        poortwachter.end_of_week(FIRST_DAY, 0)


def test_next_evaluation_six_weeks_after_done():
    assert poortwachter.next_evaluation(dt.date(2026, 4, 10)) == dt.date(2026, 5, 22)


def test_lapses_only_after_the_end():
    due = dt.date(2026, 3, 1)
    assert not poortwachter.lapses(due, None)
    assert not poortwachter.lapses(due, due)
    assert poortwachter.lapses(due, due - dt.timedelta(days=1))


def test_overdue_and_due_soon():
    today = dt.date(2026, 11, 20)
    assert poortwachter.is_overdue(dt.date(2026, 11, 19), today)
    assert not poortwachter.is_overdue(today, today)
    assert poortwachter.is_due_within(dt.date(2026, 12, 4), today, 14)
    assert not poortwachter.is_due_within(dt.date(2026, 12, 5), today, 14)
