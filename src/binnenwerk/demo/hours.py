"""Integer arithmetic for the demo's planning: hours are kept in hundredths (1 h = 100)."""

from __future__ import annotations

import random
from decimal import ROUND_HALF_UP, Decimal

from binnenwerk.jobs.constants import BAAN_UREN

HUNDRED = 100
LOWEST, HIGHEST = 1200, 4000  # 12 to 40 hours a week


def jobs_to_hundredths(banen: Decimal) -> int:
    """Contract hours (in hundredths) that make `banen` jobs, to the nearest hundredth."""
    return int((banen * BAAN_UREN * HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def as_hours(hundredths: int) -> Decimal:
    return (Decimal(hundredths) / HUNDRED).normalize() + Decimal(0)


def fit_margins(
    prior: dict[str, dict[str, float]], rows: dict[str, int], cols: dict[str, int]
) -> dict[str, dict[str, int]]:
    """An integer matrix with exactly these row and column sums, shaped like `prior`.

    Iterative proportional fitting gives the shape; rounding is then repaired so
    every row and column adds up exactly (the largest column absorbs the rest).
    """
    matrix = {r: {c: float(prior.get(c, {}).get(r, 0)) for c in cols} for r in rows}
    for _ in range(200):
        for r, target in rows.items():
            total = sum(matrix[r].values())
            matrix[r] = {c: v * target / total if total else 0.0 for c, v in matrix[r].items()}
        for c, target in cols.items():
            total = sum(matrix[r][c] for r in rows)
            for r in rows:
                matrix[r][c] = matrix[r][c] * target / total if total else 0.0
    result = {r: {c: round(v) for c, v in row.items()} for r, row in matrix.items()}
    sink = max(cols, key=lambda c: cols[c])
    for c in cols:
        if c == sink:
            continue
        gap = cols[c] - sum(result[r][c] for r in rows)
        biggest = max(rows, key=lambda r: result[r][c])
        result[biggest][c] += gap
    for r in rows:
        result[r][sink] = rows[r] - sum(v for c, v in result[r].items() if c != sink)
        if result[r][sink] < 0:
            raise ValueError(f"demo-plan onhaalbaar voor {r}")
    return result


def split(total: int, count: int, rng: random.Random, spread: int = 600) -> list[int]:
    """`count` weekly hours (hundredths) adding up to `total`, varied around the mean.

    Everyone gets whole or half hours except one person, who takes the last few
    hundredths so the sum is exact.
    """
    if count == 0:
        if total:
            raise ValueError("uren zonder mensen")
        return []
    mean = total / count
    if not LOWEST <= mean <= HIGHEST:
        raise ValueError(f"gemiddeld {mean / 100:.2f} uur per week is onhaalbaar")
    values = [
        min(HIGHEST, max(LOWEST, round((mean + rng.uniform(-spread, spread)) / 50) * 50))
        for _ in range(count)
    ]
    gap = total - sum(values)
    order = list(range(count))
    while gap:
        rng.shuffle(order)
        moved = False
        for i in order:
            step = max(-50, min(50, gap))
            if LOWEST <= values[i] + step <= HIGHEST:
                values[i] += step
                gap -= step
                moved = True
                if not gap:
                    break
        if not moved:
            raise ValueError("uren passen niet binnen 12 tot 40 uur per week")
    return values
