import datetime as dt
from dataclasses import dataclass

from binnenwerk.people.bsn import bsn_is_valid, mask_bsn, normalise_bsn
from binnenwerk.periods import (
    add_months,
    add_years,
    covers,
    first_overlap,
    format_period,
    is_active,
    overlaps,
)
from binnenwerk.validation import bsn_error, period_error

D = dt.date


@dataclass
class P:
    start: dt.date
    einde: dt.date | None = None


def test_active_is_inclusive_and_open_ended():
    assert is_active(P(D(2023, 1, 1), D(2023, 1, 31)), D(2023, 1, 31))
    assert not is_active(P(D(2023, 1, 1), D(2023, 1, 31)), D(2023, 2, 1))
    assert is_active(P(D(2023, 1, 1)), D(2099, 1, 1))


def test_overlap_and_cover():
    assert overlaps(P(D(2023, 1, 1), D(2023, 1, 31)), P(D(2023, 1, 31)))
    assert not overlaps(P(D(2023, 1, 1), D(2023, 1, 30)), P(D(2023, 1, 31)))
    assert covers(P(D(2020, 1, 1)), P(D(2021, 1, 1), D(2022, 1, 1)))
    assert not covers(P(D(2020, 1, 1), D(2021, 12, 31)), P(D(2021, 1, 1)))
    found = first_overlap(
        [P(D(2023, 3, 1)), P(D(2023, 1, 1), D(2023, 12, 31)), P(D(2020, 1, 1), D(2020, 2, 1))]
    )
    assert found is not None
    assert format_period(P(D(2023, 1, 1))) == "01-01-2023 t/m open einde"


def test_bsn_rules():
    assert bsn_is_valid("999990019") and bsn_is_valid("111222333")
    assert not bsn_is_valid("123456789") and not bsn_is_valid("00000000a")
    assert not bsn_is_valid("000000000")  # sums to 0: not a number anyone has
    assert not bsn_is_valid("²²²²²²²²²") and not bsn_is_valid("١١١٢٢٢٣٣٣")  # not ASCII digits
    assert normalise_bsn(" 1112.22.333 ") == "111222333"
    assert mask_bsn("111222333") == "*********" and mask_bsn("") == ""
    assert bsn_error("") is None and "123456789" not in (bsn_error("123456789") or "")


def test_period_error():
    assert period_error(D(2023, 1, 2), D(2023, 1, 1))
    assert period_error(D(2023, 1, 1), D(2023, 1, 1)) is None


def test_province_spellings():
    from binnenwerk.organisation.constants import Provincie, parse_provincie

    for spelling in ("Fryslân", "Friesland", "fryslan", " FRIESLAND "):
        assert parse_provincie(spelling) == Provincie.FRYSLAN
    assert parse_provincie("noord-holland") == Provincie.NOORD_HOLLAND
    assert parse_provincie("Holland") is None


def test_add_years_on_a_leap_day():
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 11, 30), 3) == dt.date(2025, 2, 28)
    assert add_months(dt.date(2024, 5, 15), -6) == dt.date(2023, 11, 15)
