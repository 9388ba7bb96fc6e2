"""The chain rule (ketenregeling) and the one-year mark, against a plain reference."""

import datetime as dt

from dateutil.relativedelta import relativedelta
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from binnenwerk.contracts.chain import (
    Limieten,
    Periode,
    complete_months,
    jaargrens,
    keten,
    waarschuwing,
)
from binnenwerk.periods import add_months

D = dt.date
LEGAL = Limieten(max_contracten=3, max_maanden=36, onderbreking_maanden=6)


def test_one_contract_is_a_chain_of_one():
    chain = keten([], Periode(D(2024, 1, 1), D(2024, 12, 31)), LEGAL)
    assert (chain.aantal, chain.start, chain.maanden, chain.overschreden) == (
        1,
        D(2024, 1, 1),
        12,
        False,
    )


def test_a_gap_of_six_months_continues_and_one_day_more_restarts():
    first = Periode(D(2023, 1, 1), D(2024, 1, 31))
    # The gap 01-02 up to and including 31-07 is exactly six months.
    assert keten([first], Periode(D(2024, 8, 1), D(2024, 12, 31)), LEGAL).aantal == 2
    assert keten([first], Periode(D(2024, 8, 2), D(2024, 12, 31)), LEGAL).aantal == 1


def test_a_fourth_contract_passes_the_maximum():
    earlier = [
        Periode(D(2022, 1, 1), D(2022, 6, 30)),
        Periode(D(2022, 7, 1), D(2022, 12, 31)),
        Periode(D(2023, 1, 1), D(2023, 6, 30)),
    ]
    chain = keten(earlier, Periode(D(2023, 7, 1), D(2023, 12, 31)), LEGAL)
    assert chain.aantal == 4 and chain.te_veel_contracten and not chain.te_lang


def test_thirty_six_months_is_allowed_one_day_more_is_not():
    earlier = [Periode(D(2022, 1, 1), D(2023, 12, 31))]
    within = keten(earlier, Periode(D(2024, 1, 1), D(2024, 12, 31)), LEGAL)
    assert within.maanden == 36 and not within.overschreden
    beyond = keten(earlier, Periode(D(2024, 1, 1), D(2025, 1, 1)), LEGAL)
    assert beyond.te_lang and beyond.overschreden


@override_settings(KETEN_MAX_CONTRACTEN=2, KETEN_MAX_MAANDEN=24, KETEN_ONDERBREKING_MAANDEN=3)
def test_a_collective_agreement_may_be_stricter():
    earlier = [Periode(D(2022, 1, 1), D(2022, 12, 31)), Periode(D(2023, 1, 1), D(2023, 6, 30))]
    chain = keten(earlier, Periode(D(2023, 7, 1), D(2023, 9, 30)))
    assert chain.limieten.max_contracten == 2 and chain.te_veel_contracten
    # A gap of four months restarts a chain under this agreement.
    assert keten(earlier, Periode(D(2023, 11, 1), D(2023, 12, 31))).aantal == 1


def test_the_one_year_mark_counts_from_the_start_of_the_chain():
    earlier = [Periode(D(2024, 1, 15), D(2024, 6, 30))]
    second = Periode(D(2024, 7, 1), D(2025, 6, 30))
    assert jaargrens(earlier, second) == D(2025, 1, 15)
    after_a_long_gap = Periode(D(2025, 3, 1), D(2026, 2, 28))
    assert jaargrens(earlier, after_a_long_gap) == D(2026, 3, 1)


def test_months_are_added_to_the_month_end():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2023, 8, 31), 6) == D(2024, 2, 29)
    assert complete_months(D(2024, 1, 31), D(2024, 2, 29)) == 1


def test_the_warning_is_dutch_and_names_the_limits():
    earlier = [Periode(D(2022, 1, 1), D(2023, 12, 31))]
    text = waarschuwing(keten(earlier, Periode(D(2024, 1, 1), D(2025, 6, 30)), LEGAL))
    assert "ketenregeling" in text and "42 maanden" in text and "01-01-2022" in text
    assert waarschuwing(keten([], Periode(D(2024, 1, 1), D(2024, 6, 30)), LEGAL)) == ""


# --- against a plain reference on random histories ---------------------------------------


def reference(earlier, nieuw, limits):
    """Walk forward through the contracts; a gap longer than allowed starts a new chain."""
    ordered = sorted((p for p in earlier if p.start < nieuw.start), key=lambda p: p.start)
    contracts = [*ordered, nieuw]
    first = 0
    for i in range(1, len(contracts)):
        before = contracts[i - 1]
        allowed = before.einde + relativedelta(days=1, months=limits.onderbreking_maanden)
        if contracts[i].start > allowed:
            first = i
    chain = contracts[first:]
    start = chain[0].start
    months = 0
    while start + relativedelta(months=months + 1) <= nieuw.einde + dt.timedelta(days=1):
        months += 1
    too_long = nieuw.einde >= start + relativedelta(months=limits.max_maanden)
    return len(chain), start, months, len(chain) > limits.max_contracten or too_long


@st.composite
def histories(draw):
    day = draw(st.dates(D(2015, 1, 1), D(2024, 12, 31)))
    periods = []
    for _ in range(draw(st.integers(1, 6))):
        day += dt.timedelta(days=draw(st.integers(0, 300)))
        length = draw(st.integers(1, 900))
        periods.append(Periode(day, day + dt.timedelta(days=length - 1)))
        day += dt.timedelta(days=length)
    limits = Limieten(
        max_contracten=draw(st.integers(1, 4)),
        max_maanden=draw(st.sampled_from([12, 24, 36])),
        onderbreking_maanden=draw(st.sampled_from([3, 6])),
    )
    return periods[:-1], periods[-1], limits


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(history=histories())
def test_the_chain_matches_the_reference(history):
    earlier, nieuw, limits = history
    chain = keten(list(reversed(earlier)), nieuw, limits)
    assert (chain.aantal, chain.start, chain.maanden, chain.overschreden) == reference(
        earlier, nieuw, limits
    )
    assert jaargrens(earlier, nieuw, limits) == chain.start + relativedelta(years=1)
