"""Markup that the Content-Security-Policy (style-src 'self', script-src 'self', no
'unsafe-inline') lets through: charts with presentation attributes instead of style="" and
<style>, the timeline as SVG, and no page with inline style or script (tests/browser/test_csp.py
checks the same pages in a real browser)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from binnenwerk.web import charts

INLINE = [
    (re.compile(r"<[a-zA-Z][^>]*\sstyle\s*=", re.I), "a style attribute"),
    (re.compile(r"<style", re.I), "a <style> element"),
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "an inline <script>"),
    (re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.I), "an event handler attribute"),
    (re.compile(r"javascript:", re.I), "a javascript: URL"),
]


def inline_in(html: str) -> list[str]:
    return [what for pattern, what in INLINE if pattern.search(html)]


def points(n: int = 36) -> list[tuple[dt.date, Decimal]]:
    return [(dt.date(2020 + i // 12, i % 12 + 1, 1), Decimal(100 + 3 * i)) for i in range(n)]


def test_charts_have_presentation_attributes_instead_of_styles():
    for svg in (
        charts.line_chart.__wrapped__(points(), 1500),
        charts.bar_chart.__wrapped__([("BZK", Decimal("201.76")), ("JenV", Decimal("217.41"))]),
        charts.province_tiles.__wrapped__({"Utrecht": 5, "Limburg": 2}),
        charts.step_chart.__wrapped__([(d, int(v) % 9) for d, v in points()], 8, "mensen"),
    ):
        assert inline_in(svg) == []
        root = svg[: svg.index(">")]
        # The <style> block's defaults, now inherited from the root.
        assert 'stroke-linejoin="round"' in root and 'stroke-linecap="butt"' in root
        assert 'font-family="' in svg and 'fill="#' in svg
    line = charts.line_chart.__wrapped__(points(), 1500)
    assert 'stroke="#154273" stroke-width="2"' in line  # the jobs line, lintblauw
    assert 'stroke-dasharray="3.7,1.6"' in line  # the dashed goal


def test_a_style_attribute_wins_over_an_attribute_of_the_same_name():
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><style type="text/css">'
        "*{stroke-linejoin: round; stroke-linecap: butt}</style></defs>"
        '<path fill="red" d="M 0 0" style="fill: #ffffff; stroke-linecap: square"/>'
        '<text x="1" style="font-family: \'DejaVu Sans\', sans-serif; text-anchor: end">a</text>'
        "</svg>"
    )
    assert charts.without_inline_styles(svg) == (
        '<svg stroke-linejoin="round" stroke-linecap="butt" xmlns="http://www.w3.org/2000/svg">'
        '<path d="M 0 0" fill="#ffffff" stroke-linecap="square"/>'
        '<text x="1" font-family="\'DejaVu Sans\', sans-serif" text-anchor="end">a</text>'
        "</svg>"
    )


PAGES = {
    "personeelszaken": [
        "/?peildatum=2023-12-31",
        "/teams/BOS-01/?peildatum=2023-12-31",
        "/medewerkers/1000074/?peildatum=2023-12-31",
        "/opdrachtgevers/BZK/?peildatum=2023-12-31",
        "/werksoorten/BOS/?peildatum=2023-12-31",
        "/verzuim/?jaar=2023",
        "/onderzoek/resultaten/2023/",
        "/jaaroverzicht/2023/",
        "/werving/trechter/",
        "/contracten/",
        "/uitstroom/",
    ],
    "management": ["/monitor/?kwartaal=2023Q4", "/kansen/", "/monitor/quotumcalculator/"],
    "beheerder": ["/admin/", "/logboek/", "/gebruikers/", "/import/", "/onderzoek/beheer/"],
}


@pytest.mark.parametrize(("username", "path"), [(u, p) for u, ps in PAGES.items() for p in ps])
def test_pages_have_no_inline_style_or_script(as_role, username, path):
    response = as_role(username).get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert inline_in(html) == [], path


def test_the_timeline_is_svg_laid_out_by_attributes(as_role):
    html = as_role("personeelszaken").get("/medewerkers/1000074/?peildatum=2023-12-31")
    html = html.content.decode()
    bars = re.findall(r'<rect class="balk (dienstverband|plaatsing)" x="([\d.]+)"', html)
    # Lot de Smit (demo): two contracts and one placement since 10-02-2018.
    assert [kind for kind, _ in bars] == ["dienstverband", "dienstverband", "plaatsing"]
    assert float(bars[0][1]) == 0 and 0 < float(bars[1][1]) < 100
    assert re.search(r'<svg class="markering"[^>]*><line x1="[\d.]+"', html)


def test_the_public_survey_page_has_no_inline_style_or_script(client, demo_org):
    response = client.get("/onderzoek/")
    assert response.status_code == 200
    assert inline_in(response.content.decode()) == []
