"""The forecast chart: realised jobs, the forecast (dashed) and the goal (server-side SVG)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _
from matplotlib.dates import DateFormatter, YearLocator, date2num
from matplotlib.figure import Figure

from binnenwerk.web.charts import BLUE, GREY, SKY, cached, svg_of


@cached
def prognose_chart(
    points: Sequence[tuple[dt.date, Decimal | None, Decimal | None]], goal: int
) -> str:
    figure = Figure(figsize=(7.2, 3.0), layout="constrained")
    axes = figure.add_subplot()
    realised = [(d, r) for d, r, _ in points if r is not None]
    forecast = [(d, f) for d, _, f in points if f is not None]
    if realised:
        axes.plot(
            date2num([d for d, _ in realised]),
            [float(v) for _, v in realised],
            color=BLUE,
            linewidth=2,
            label=_("realised"),
        )
    if forecast:
        axes.plot(
            date2num([d for d, _ in forecast]),
            [float(v) for _, v in forecast],
            color=SKY,
            linewidth=2,
            linestyle="--",
            drawstyle="steps-post",
            label=_("forecast"),
        )
    axes.axhline(goal, color=GREY, linestyle=":", linewidth=1.5, label=_("goal"))
    axes.xaxis.set_major_locator(YearLocator())
    axes.xaxis.set_major_formatter(DateFormatter("%Y"))
    axes.set_ylabel(_("jobs"))
    axes.grid(axis="y", color="#dddddd")
    highest = max([goal, *(float(v) for _, v in realised + forecast)])
    axes.set_ylim(bottom=0, top=highest * 1.08)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=3, frameon=False)
    return svg_of(figure)
