"""The demo's candidates: deterministic, idempotent, and the published figures unchanged."""

import datetime as dt

import pytest

from binnenwerk.formatting import decimal_str
from binnenwerk.jobs.selectors import banen_op_data, kerncijfers
from binnenwerk.recruitment.constants import Fase
from binnenwerk.recruitment.demo import HIRES_FROM, PLANS, recruitment_demo_load
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase, Proefplaatsing


@pytest.fixture(scope="module")
def before(demo_org, django_db_blocker):
    with django_db_blocker.unblock():
        figures = [kerncijfers(y) for y in (2023, 2024, 2025, 2026)]
        created = recruitment_demo_load()
    return figures, created


def test_the_loader_creates_every_candidate_once(before):
    """demo_load already ran the loader: every planned candidate exists once, and the
    fixture's second call created nothing."""
    assert before[1] == 0 and Kandidaat.objects.count() == len(PLANS)
    counts = (Kandidaat.objects.count(), Kandidaatfase.objects.count())
    assert recruitment_demo_load() == 0
    assert (Kandidaat.objects.count(), Kandidaatfase.objects.count()) == counts
    assert {k.fase for k in Kandidaat.objects.all()} == set(Fase.values)
    years = {f.vanaf.year for f in Kandidaatfase.objects.filter(fase=Fase.AANGEMELD)}
    assert years == {2023, 2024, 2025, 2026}
    assert Proefplaatsing.objects.count() >= 5


def test_the_published_figures_do_not_change(before):
    results = banen_op_data([dt.date(y, 12, 31) for y in (2020, 2021, 2022, 2023)])
    assert [decimal_str(r.totaal) for r in results] == ["387.00", "579.00", "688.20", "870.20"]
    assert [kerncijfers(y) for y in (2023, 2024, 2025, 2026)] == before[0]
    figures = kerncijfers(2023)
    assert (figures.medewerkers_binnenwerk, figures.nieuwe_collegas, figures.teams) == (
        674,
        156,
        76,
    )


def test_demo_hires_start_after_the_demo_history(before):
    hired = Kandidaat.objects.filter(fase=Fase.AANGENOMEN).select_related("medewerker")
    assert hired.count() == 3
    for k in hired:
        assert k.medewerker.dienstverbanden.get().start >= HIRES_FROM
        assert k.medewerker.doelgroepindicatie
