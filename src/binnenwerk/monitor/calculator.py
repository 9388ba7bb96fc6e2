"""The quotum calculator: how many jobs of 25.5 hours an employer must realise."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from binnenwerk.jobs.constants import BAAN_UREN

HUNDRED = Decimal(100)


def doel(*, fte: Decimal, voltijd_uren: Decimal, percentage: Decimal) -> Decimal:
    """doel = quotum% × FTE × full-time hours / 25.5, unrounded (10,505 FTE → 409.32)."""
    return percentage / HUNDRED * fte * voltijd_uren / BAAN_UREN


def realisatie_pct(totaal: Decimal, doel_banen: Decimal | None) -> Decimal | None:
    """Realised jobs as a percentage of the target; none without a target."""
    if not doel_banen:
        return None
    return totaal / doel_banen * HUNDRED


def whole(value: Decimal) -> int:
    """Half-up to a whole number: how the letter to parliament shows jobs and percentages."""
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fixed(value: Decimal, places: int) -> str:
    """A decimal string with `places` decimals, half-up (2 for jobs, 1 for percentages)."""
    return str(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
