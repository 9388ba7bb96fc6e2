"""The absence chart: the rate per month against the year's norm, as server-side SVG
(matplotlib through binnenwerk.web.charts: decorative for assistive technology, the page
shows the same numbers as a table beside it)."""

from __future__ import annotations

from decimal import Decimal

from django.utils.dates import MONTHS_3
from django.utils.translation import gettext as _
from matplotlib.figure import Figure

from binnenwerk.web.charts import BLUE, GREY, cached, svg_of


@cached
def rate_chart(points: tuple[tuple[int, Decimal | None], ...], norm: Decimal | None) -> str:
    """`points`: (month 1–12, rate or None when not shown)."""
    figure = Figure(figsize=(7.2, 2.8), layout="constrained")
    axes = figure.add_subplot()
    shown = [(m, float(v)) for m, v in points if v is not None]
    axes.bar([m for m, _v in shown], [v for _m, v in shown], color=BLUE, width=0.6)
    if norm is not None:
        axes.axhline(float(norm), color=GREY, linestyle="--", linewidth=1)
        axes.annotate(
            _("norm %(norm)s%%") % {"norm": f"{norm:.2f}".replace(".", ",")},
            (0.6, float(norm)),
            color=GREY,
            xytext=(0, 4),
            textcoords="offset points",
        )
    axes.set_xticks(range(1, 13), [str(MONTHS_3[month]) for month in range(1, 13)])
    axes.set_ylabel(_("absence rate (%)"))
    axes.grid(axis="y", color="#dddddd")
    axes.set_ylim(bottom=0)
    return svg_of(figure)
