"""The recruitment funnel as a server-side SVG bar chart (the numbers are in a table beside it)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from binnenwerk.web.charts import BLUE, cached, chart_label, svg_of


@cached
def funnel_chart(items: Sequence[tuple[str, int]]) -> str:
    """One horizontal bar per stage, widest at the top, with its count."""
    height = max(1.6, 0.42 * len(items) + 0.7)
    figure = Figure(figsize=(7.2, height), layout="constrained")
    axes = figure.add_subplot()
    labels = [chart_label(label) for label, _ in items][::-1]
    values = [count for _, count in items][::-1]
    bars = axes.barh(range(len(values)), values, color=BLUE)
    axes.set_yticks(range(len(labels)), labels)
    axes.bar_label(bars, labels=[str(v) for v in values], padding=3, fontsize=9)
    axes.set_xlabel(_("candidates"))
    axes.margins(x=0.12)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    return svg_of(figure)
