"""Figure 1 of the letter: realised jobs per quarter against the target (server-side SVG)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.translation import gettext as _
from matplotlib.figure import Figure

from binnenwerk.web.charts import BLUE, GREY, cached, chart_label, svg_of


@cached
def realisation_chart(points: Sequence[tuple[str, Decimal, Decimal | None]]) -> str:
    """Bars of realised jobs per quarter, the target as a dashed line where it is known."""
    figure = Figure(figsize=(7.2, 2.8), layout="constrained")
    axes = figure.add_subplot()
    labels = [chart_label(label) for label, _, _ in points]
    axes.bar(labels, [float(total) for _, total, _ in points], color=BLUE, label=_("realised"))
    targets = [float(target) if target is not None else None for _, _, target in points]
    if any(t is not None for t in targets):
        axes.plot(
            labels,
            [t if t is not None else float("nan") for t in targets],
            color=GREY,
            linestyle="--",
            marker="_",
            markersize=18,
            label=_("target"),
        )
    axes.set_ylabel(_("jobs"))
    axes.grid(axis="y", color="#dddddd")
    axes.set_ylim(bottom=0)
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, frameon=False)
    return svg_of(figure)


@cached
def ministries_chart(items: Sequence[tuple[str, Decimal, Decimal | None]]) -> str:
    """Figure 1 of the letter: realised jobs per ministry (bars) and its target (a tick)."""
    height = max(1.8, 0.34 * len(items) + 0.8)
    figure = Figure(figsize=(7.2, height), layout="constrained")
    axes = figure.add_subplot()
    labels = [chart_label(code) for code, _, _ in items][::-1]
    realised = [float(total) for _, total, _ in items][::-1]
    targets = [float(target) if target is not None else None for _, _, target in items][::-1]
    # Bars by position (the targets' ticks use the same), codes as tick labels.
    axes.barh(range(len(realised)), realised, color=BLUE, label=_("realised"))
    axes.set_yticks(range(len(labels)), labels)
    known = [(i, t) for i, t in enumerate(targets) if t is not None]
    axes.scatter(
        [t for _, t in known],
        [i for i, _ in known],
        marker="|",
        s=260,
        linewidths=2.5,
        color=GREY,
        label=_("target"),
        zorder=3,
    )
    axes.set_xlabel(_("jobs"))
    axes.grid(axis="x", color="#dddddd")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1), ncol=2, frameon=False)
    return svg_of(figure)
