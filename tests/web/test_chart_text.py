"""Text from data in charts and PDFs (issue 18, item 11): a work type or client named
`Pandgebonden $\\foo$ taken` once broke every chart and the annual PDF, because matplotlib read
`$…$` as math text. Now such names are drawn as they are, in every chart, the pages and the
PDF, and HTML in a name stays text."""

import datetime as dt
import html
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

import binnenwerk
from binnenwerk.absence.charts import rate_chart
from binnenwerk.accounts.services import account_set
from binnenwerk.monitor.charts import ministries_chart, realisation_chart
from binnenwerk.opportunities.charts import prognose_chart
from binnenwerk.recruitment.charts import funnel_chart
from binnenwerk.web.charts import (
    LABEL_MAX,
    bar_chart,
    chart_label,
    line_chart,
    province_tiles,
    step_chart,
)
from tests.factories import (
    DienstverbandFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamFactory,
    WerksoortFactory,
)

MATH = r"Pandgebonden $\foo$ taken"
HOSTILE = r"Schoonmaak $$ \n <script>alert(1)</script> & $\frac{1}{0}$ 50% \ $"
LONG = "Werksoort met een heel lange naam " * 15  # 510 characters
PEILDATUM = "?peildatum=2023-12-31"


def _texts(svg: str) -> list[str]:
    """What an SVG shows as text (svg.fonttype none: <text> elements), unescaped."""
    return [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


def _assert_safe(svg: str) -> None:
    assert svg.startswith("<svg ") and "<script" not in svg and "<style" not in svg


@pytest.mark.filterwarnings("error")  # e.g. "axes sizes collapsed to zero" by a long label
@pytest.mark.parametrize("name", [MATH, HOSTILE, LONG])
def test_every_chart_draws_text_from_data_as_it_is(name):
    day = dt.date(2023, 12, 31)
    svgs = [
        bar_chart(((name, Decimal("3.5")), ("Archief", Decimal(2)))),
        funnel_chart(((name, 4), ("Gestart", 1))),
        realisation_chart(((name, Decimal(5), Decimal(6)), ("2023 K4", Decimal(7), None))),
        ministries_chart(((name, Decimal(5), Decimal(6)), ("BZK", Decimal(3), None))),
        step_chart(((dt.date(2023, 1, 31), 3), (day, 5)), 8, name),
    ]
    shown = chart_label(name)
    assert len(shown) <= LABEL_MAX
    if len(name) <= LABEL_MAX:
        assert shown == name  # literal: no math, nothing lost
    for svg in svgs:
        _assert_safe(svg)
        assert shown in _texts(svg)


@pytest.mark.filterwarnings("error")
def test_the_charts_without_names_draw_their_own_text_literally_too():
    day = dt.date(2023, 12, 31)
    absence = rate_chart(((1, Decimal("4.2")), (2, None)), Decimal("5.0"))
    assert "verzuimpercentage (%)" in _texts(absence)
    for svg in (
        absence,
        line_chart(((dt.date(2023, 1, 31), Decimal(3)), (day, Decimal(5))), 1500),
        province_tiles({"Utrecht": 3, "Fryslân": 1}),
        prognose_chart(((day, Decimal(3), None), (dt.date(2024, 12, 31), None, Decimal(4))), 9),
    ):
        _assert_safe(svg)


def test_a_long_name_is_cut_in_the_chart_only():
    assert chart_label(LONG).endswith("…") and LONG.startswith(chart_label(LONG)[:-1])
    assert chart_label("  twee\nregels\t") == "twee regels"
    assert chart_label(MATH) == MATH


def test_two_equal_names_stay_two_bars():
    svg = bar_chart((("Archief", Decimal(1)), ("Archief", Decimal(2))))
    assert _texts(svg).count("Archief") == 2  # one tick label per bar, not one shared place


def test_every_module_that_draws_with_matplotlib_goes_through_web_charts():
    """text.parse_math is switched off where web/charts.py sets matplotlib's style: a module
    that imported matplotlib without it would parse "$…$" again."""
    package = Path(binnenwerk.__file__).parent
    uses = re.compile(r"^\s*(?:import|from)\s+matplotlib\b", re.MULTILINE)
    drawing = [p for p in package.rglob("*.py") if uses.search(p.read_text(encoding="utf-8"))]
    names = {p.relative_to(package).as_posix() for p in drawing}
    assert "web/charts.py" in names and len(names) >= 5
    for path in drawing:
        if path.relative_to(package).as_posix() != "web/charts.py":
            assert "from binnenwerk.web.charts import" in path.read_text(encoding="utf-8"), path


@pytest.fixture
def hostile_names():
    """Two people a job each from 2022: one at a client and in a work type named with math
    text and HTML, one in a work type with the longest name the database holds."""
    client = OrganisatieFactory(code="OGX", naam=MATH)
    for werksoort in (WerksoortFactory(naam=HOSTILE), WerksoortFactory(naam=LONG[:200])):
        person = MedewerkerFactory()
        DienstverbandFactory(medewerker=person, start=dt.date(2022, 1, 1))
        PlaatsingFactory(
            medewerker=person,
            team=TeamFactory(werksoort=werksoort),
            opdrachtgever=client,
            start=dt.date(2022, 1, 1),
        )
    account_set(actor=None, username="beheer-test", password="x", roles=["beheerder"])
    browser = Client()
    browser.force_login(get_user_model().objects.get(username="beheer-test"))
    return browser


def test_the_dashboard_draws_every_chart_with_the_names_as_they_are(hostile_names):
    page = hostile_names.get("/" + PEILDATUM)
    assert page.status_code == 200
    body = page.content.decode()
    assert html.escape(MATH, quote=False) in body and "<script>alert" not in body
    assert html.escape(HOSTILE, quote=False) in body and LONG[:200].strip() in body
    for name in ("per_maand", "per_opdrachtgever", "per_werksoort", "teams_per_provincie"):
        response = hostile_names.get(f"/dashboard/{name}.svg" + PEILDATUM)
        assert response.status_code == 200, name
        _assert_safe(response.content.decode())
    assert MATH in _texts(
        hostile_names.get("/dashboard/per_opdrachtgever.svg" + PEILDATUM).content.decode()
    )
    types = _texts(hostile_names.get("/dashboard/per_werksoort.svg" + PEILDATUM).content.decode())
    assert chart_label(HOSTILE) in types and chart_label(LONG[:200]) in types


def test_the_annual_overview_and_its_pdf_show_the_names_as_they_are(hostile_names):
    page = hostile_names.get("/jaaroverzicht/2023/")
    assert page.status_code == 200
    body = page.content.decode()
    assert body.count("<svg ") >= 2 and "<script>alert" not in body
    assert html.escape(MATH, quote=False) in body and html.escape(HOSTILE, quote=False) in body
    assert MATH in _texts(body)
    pypdf = pytest.importorskip("pypdf")
    response = hostile_names.get("/jaaroverzicht/2023.pdf")
    if response.status_code == 503:
        pytest.skip("Pango ontbreekt: geen PDF op deze machine")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    flat = " ".join(text.split())
    assert MATH in flat and "<script>alert(1)</script>" in flat and r"\n" in flat
