"""Charts as SVG, drawn on the server with matplotlib (no JavaScript, no CDN).

Each chart is decorative for assistive technology (aria-hidden); the page gives a
text alternative and the same numbers as a table beside it.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import ParamSpec

import matplotlib
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.dates import DateFormatter, YearLocator, date2num
from matplotlib.figure import Figure

P = ParamSpec("P")
CACHE_SECONDS = 60 * 60 * 24

# Every chart module draws through this one (it sets the style on import), so this is where
# text from data (a work type, a client's name) is kept literal: "$…$" is not math text and a
# backslash is a backslash (text.parse_math off; no TeX). tests/web/test_chart_text.py checks
# that every module that uses matplotlib imports this one.
matplotlib.rcParams.update(
    {
        "text.parse_math": False,
        "text.usetex": False,
        "svg.fonttype": "none",  # text stays text: smaller, sharper, searchable
        "svg.hashsalt": "binnenwerk",  # stable element ids: same data, same SVG
        "font.family": "sans-serif",
        "font.size": 10,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
BLUE, SKY, GREY = "#154273", "#007bc7", "#696969"
# A label from data longer than this is cut with "…" in a chart (the table beside it has the
# whole name): a 500-character work type would otherwise squeeze the bars to nothing.
LABEL_MAX = 60

# The twelve provinces as tiles in roughly their place on the map (row, column).
PROVINCE_TILES = {
    "Fryslân": (0, 1),
    "Groningen": (0, 2),
    "Noord-Holland": (1, 0),
    "Flevoland": (1, 1),
    "Drenthe": (1, 2),
    "Zuid-Holland": (2, 0),
    "Utrecht": (2, 1),
    "Overijssel": (2, 2),
    "Zeeland": (3, 0),
    "Noord-Brabant": (3, 1),
    "Gelderland": (3, 2),
    "Limburg": (4, 2),
}


def cached(draw: Callable[P, str]) -> Callable[P, str]:
    """Keep a drawn chart by its function and inputs: the same numbers give the same SVG.

    Drawing costs about 100 ms a chart; a key made of the data itself can never be stale.
    """

    @functools.wraps(draw)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> str:
        key = (
            "grafiek:"
            + hashlib.sha256(
                repr((draw.__name__, get_language(), args, sorted(kwargs.items()))).encode()
            ).hexdigest()
        )
        svg = cache.get(key)
        if svg is None:
            svg = draw(*args, **kwargs)
            cache.set(key, svg, timeout=CACHE_SECONDS)
        return svg

    return wrapper


# matplotlib writes its styling as style="…" attributes and one <style> element; the
# Content-Security-Policy (style-src 'self', no 'unsafe-inline') blocks both in a page. SVG
# presentation attributes (fill="…", font-size="…") are not styles in CSP's sense, so every
# declaration becomes one. A presentation attribute yields to any CSS rule where a style
# attribute did not: the <style> block's defaults (*{stroke-linejoin: round; stroke-linecap:
# butt}) therefore become inherited attributes on the root instead of a stylesheet rule, so
# that an element's own stroke-linecap still wins as before.
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')
_TAG_WITH_STYLE = re.compile(r'<[A-Za-z][^<>]*\sstyle="[^"]*"[^<>]*>')
_DEFAULT_STYLE = re.compile(r"\s*<defs>\s*<style[^>]*>\*\{([^}]*)\}</style>\s*</defs>")


def _declarations(css: str) -> dict[str, str]:
    declarations = {}
    for declaration in css.split(";"):
        name, colon, value = declaration.partition(":")
        if colon and name.strip():
            declarations[name.strip()] = value.strip()
    return declarations


def _as_attributes(declarations: dict[str, str]) -> str:
    return "".join(f' {name}="{value}"' for name, value in declarations.items())


def _presentation_attributes(tag: str) -> str:
    match = _STYLE_ATTRIBUTE.search(tag)
    if match is None:
        return tag
    declarations = _declarations(match.group(1))
    tag = tag[: match.start()] + tag[match.end() :]
    for name in declarations:  # the style attribute won over an attribute of the same name
        tag = re.sub(rf'\s{re.escape(name)}="[^"]*"', "", tag)
    end = -2 if tag.endswith("/>") else -1
    return tag[:end] + _as_attributes(declarations) + tag[end:]


def without_inline_styles(svg: str) -> str:
    """The same drawing with presentation attributes instead of style attributes and <style>."""
    defaults = ""
    default_style = _DEFAULT_STYLE.search(svg)
    if default_style:
        defaults = _as_attributes(_declarations(default_style.group(1)))
        svg = svg[: default_style.start()] + svg[default_style.end() :]
    svg = _TAG_WITH_STYLE.sub(lambda match: _presentation_attributes(match.group(0)), svg)
    return svg.replace("<svg ", f"<svg{defaults} ", 1)


def chart_label(text: object) -> str:
    """Text from data as a chart shows it: on one line, at most LABEL_MAX characters. Never
    interpreted: math text is off for every chart (text.parse_math above)."""
    label = " ".join(str(text).split())
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


def svg_of(figure: Figure, css_class: str = "grafiek") -> str:
    buffer = io.StringIO()
    FigureCanvasSVG(figure).print_svg(buffer)
    svg = without_inline_styles(buffer.getvalue())
    svg = svg[svg.index("<svg") :]
    return svg.replace(
        "<svg ", f'<svg aria-hidden="true" focusable="false" class="{css_class}" ', 1
    )


@cached
def line_chart(points: Sequence[tuple[dt.date, Decimal]], goal: int | None = None) -> str:
    figure = Figure(figsize=(7.2, 2.8), layout="constrained")
    axes = figure.add_subplot()
    axes.plot(
        date2num([d for d, _ in points]), [float(v) for _, v in points], color=BLUE, linewidth=2
    )
    axes.xaxis.set_major_locator(YearLocator())
    axes.xaxis.set_major_formatter(DateFormatter("%Y"))
    if goal:
        axes.axhline(goal, color=GREY, linestyle="--", linewidth=1)
        axes.annotate(
            _("goal %(goal)s") % {"goal": f"{goal:,}".replace(",", ".")},
            (points[0][0], goal),
            color=GREY,
            xytext=(0, 4),
            textcoords="offset points",
        )
    axes.set_ylabel(_("jobs"))
    axes.grid(axis="y", color="#dddddd")
    axes.set_ylim(bottom=0)
    return svg_of(figure)


@cached
def bar_chart(items: Sequence[tuple[str, Decimal]]) -> str:
    height = max(1.6, 0.32 * len(items) + 0.6)
    figure = Figure(figsize=(7.2, height), layout="constrained")
    axes = figure.add_subplot()
    labels = [chart_label(label) for label, _ in items][::-1]
    values = [float(value) for _, value in items][::-1]
    # Bars by position, names as tick labels: two equal names stay two bars.
    bars = axes.barh(range(len(values)), values, color=SKY)
    axes.set_yticks(range(len(labels)), labels)
    axes.bar_label(
        bars,
        labels=[f"{v:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".") for v in values],
        padding=3,
        fontsize=9,
    )
    axes.set_xlabel(_("jobs"))
    axes.margins(x=0.15)
    return svg_of(figure)


@cached
def province_tiles(counts: dict[str, int]) -> str:
    figure = Figure(figsize=(3.6, 4.4), layout="constrained")
    axes = figure.add_subplot()
    highest = max(counts.values(), default=0) or 1
    for name, (row, col) in PROVINCE_TILES.items():
        count = counts.get(name, 0)
        shade = 0.15 + 0.85 * count / highest
        axes.add_patch(
            matplotlib.patches.Rectangle(
                (col, -row), 0.94, 0.94, facecolor=(0.08, 0.26, 0.45, shade), edgecolor="white"
            )
        )
        color = "white" if shade > 0.55 else "black"
        axes.text(col + 0.47, -row + 0.6, name, ha="center", va="center", fontsize=7, color=color)
        axes.text(
            col + 0.47,
            -row + 0.3,
            str(count),
            ha="center",
            va="center",
            fontsize=12,
            fontweight="bold",
            color=color,
        )
    axes.set_xlim(-0.05, 3)
    axes.set_ylim(-4.05, 1)
    axes.set_aspect("equal")
    axes.axis("off")
    return svg_of(figure, "grafiek kaart")


@cached
def step_chart(points: Sequence[tuple[dt.date, int]], capacity: int | None, unit: str) -> str:
    """Occupancy over time against the team's capacity."""
    figure = Figure(figsize=(7.2, 2.4), layout="constrained")
    axes = figure.add_subplot()
    axes.step(
        date2num([d for d, _ in points]),
        [v for _, v in points],
        where="post",
        color=BLUE,
        linewidth=2,
    )
    if capacity:
        axes.axhline(capacity, color=GREY, linestyle="--", linewidth=1)
        axes.annotate(
            _("capacity %(capacity)s") % {"capacity": capacity},
            (date2num(points[0][0]), capacity),
            color=GREY,
            xytext=(0, 4),
            textcoords="offset points",
        )
    axes.set_ylabel(chart_label(unit))
    axes.set_ylim(bottom=0, top=max([capacity or 0, *[v for _, v in points]]) + 2)
    axes.xaxis.set_major_formatter(DateFormatter("%m-%Y"))
    axes.grid(axis="y", color="#dddddd")
    return svg_of(figure)
