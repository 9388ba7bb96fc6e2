import datetime as dt
from decimal import Decimal

from django.test import override_settings

from binnenwerk.opportunities.selectors import prognose
from tests.opportunities.factories import KansFactory
from tests.outflow.factories import employed

D = dt.date


@override_settings(BANEN_DOEL=20)
def test_forecast_adds_weighted_jobs_from_each_start(django_assert_max_num_queries):
    for _ in range(2):
        employed(start=D(2023, 1, 1))  # 2 × 25.5 hours: 2 jobs
    KansFactory(verwachte_banen=Decimal(10), kans_pct=50, verwachte_start=D(2025, 3, 1))
    KansFactory(verwachte_banen=Decimal(30), kans_pct=100, verwachte_start=D(2026, 1, 15))
    KansFactory(
        verwachte_banen=Decimal(99), kans_pct=90, fase="vervallen", verwachte_start=D(2025, 2, 1)
    )
    KansFactory(verwachte_banen=Decimal(99), kans_pct=90, verwachte_start=D(2024, 6, 1))  # started
    KansFactory(verwachte_banen=Decimal(99), kans_pct=90, verwachte_start=D(2030, 1, 1))  # later
    with django_assert_max_num_queries(5):
        result = prognose(D(2024, 12, 15), jaren=2, terug=2)
    assert result.basis == Decimal(2)
    by_date = {p.datum: p for p in result.punten}
    assert by_date[D(2022, 12, 31)].gerealiseerd == 0
    assert by_date[D(2023, 1, 31)].gerealiseerd == 2
    assert by_date[D(2024, 12, 15)].prognose == 2
    assert by_date[D(2025, 2, 28)].prognose == 2
    assert by_date[D(2025, 3, 31)].prognose == 7
    assert by_date[D(2026, 1, 31)].prognose == 37
    assert result.eind == 37 and result.gewogen == 35
    assert result.doel_bereikt == D(2026, 1, 31)
    assert result.tekort == 0
    assert [p.datum for p in result.punten][-1] == D(2026, 11, 30)
    assert all(p.gerealiseerd is None for p in result.punten if p.datum > D(2024, 12, 15))


def test_without_ideas_the_forecast_stays_flat_and_misses_the_goal():
    employed(start=D(2023, 1, 1))
    result = prognose(D(2024, 12, 31))
    assert {p.prognose for p in result.punten if p.prognose is not None} == {Decimal(1)}
    assert result.doel_bereikt is None and result.tekort == result.doel - 1
