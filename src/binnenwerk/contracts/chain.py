"""The chain rule (ketenregeling, art. 7:668a BW) as a pure function, and the one-year mark.

Fixed-term contracts that follow each other with gaps of at most
``KETEN_ONDERBREKING_MAANDEN`` (6) months form a chain. The chain passes the legal maximum
when it has more than ``KETEN_MAX_CONTRACTEN`` (3) contracts, or when it spans more than
``KETEN_MAX_MAANDEN`` (36) months from the first day of its first contract to the last day
of its last, the gaps included. Past the maximum the last contract counts as permanent by
law. The limits are settings because a collective agreement may set stricter ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import ngettext

from binnenwerk.periods import add_months

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Periode:
    """A fixed-term contract's period: first and last day (inclusive); None = open end."""

    start: dt.date
    einde: dt.date | None


@dataclass(frozen=True)
class Limieten:
    max_contracten: int
    max_maanden: int
    onderbreking_maanden: int

    @classmethod
    def from_settings(cls) -> Limieten:
        return cls(
            max_contracten=settings.KETEN_MAX_CONTRACTEN,
            max_maanden=settings.KETEN_MAX_MAANDEN,
            onderbreking_maanden=settings.KETEN_ONDERBREKING_MAANDEN,
        )


@dataclass(frozen=True)
class Keten:
    """The chain that ends with a given contract."""

    contracten: tuple[Periode, ...]
    limieten: Limieten

    @property
    def start(self) -> dt.date:
        return self.contracten[0].start

    @property
    def einde(self) -> dt.date | None:
        return self.contracten[-1].einde

    @property
    def aantal(self) -> int:
        return len(self.contracten)

    @property
    def maanden(self) -> int | None:
        """Complete months from the chain's first day to the day after its last."""
        return None if self.einde is None else complete_months(self.start, self.einde + ONE_DAY)

    @property
    def te_veel_contracten(self) -> bool:
        return self.aantal > self.limieten.max_contracten

    @property
    def te_lang(self) -> bool:
        """More than the maximum months: the last day lies on or after start + max months."""
        return self.einde is not None and self.einde >= add_months(
            self.start, self.limieten.max_maanden
        )

    @property
    def overschreden(self) -> bool:
        return self.te_veel_contracten or self.te_lang


def complete_months(start: dt.date, until: dt.date) -> int:
    """How many whole months fit between `start` and `until` (exclusive)."""
    months = (until.year - start.year) * 12 + until.month - start.month
    while months > 0 and add_months(start, months) > until:
        months -= 1
    return max(months, 0)


def continues(earlier: Periode, later_start: dt.date, onderbreking_maanden: int) -> bool:
    """A gap of at most the allowed months between two contracts continues the chain."""
    if earlier.einde is None:
        return True
    return later_start <= add_months(earlier.einde + ONE_DAY, onderbreking_maanden)


def keten(eerdere: Sequence[Periode], nieuw: Periode, limieten: Limieten | None = None) -> Keten:
    """The chain ending with `nieuw`: the earlier fixed-term contracts (any order) that
    start before it and join it without a longer gap, walking back from `nieuw`."""
    limits = limieten or Limieten.from_settings()
    before = sorted((p for p in eerdere if p.start < nieuw.start), key=lambda p: p.start)
    chain = [nieuw]
    for earlier in reversed(before):
        if not continues(earlier, chain[0].start, limits.onderbreking_maanden):
            break
        chain.insert(0, earlier)
    return Keten(contracten=tuple(chain), limieten=limits)


def jaargrens(
    eerdere: Sequence[Periode], contract: Periode, limieten: Limieten | None = None
) -> dt.date:
    """The one-year mark of a contract: one year after the first day of the first contract of
    the chain it belongs to. Binnenwerk gives a permanent contract after a year of good
    performance, so a year counts from when the person started in this run of contracts; a
    gap longer than the chain rule's restarts the count."""
    return add_months(keten(eerdere, contract, limieten).start, 12)


def waarschuwing(chain: Keten) -> str:
    """Dutch text for a chain past the maximum; empty when it stays within."""
    if not chain.overschreden:
        return ""
    limits = chain.limieten
    return ngettext(
        "This would be contract %(count)s in a chain of %(months)s months since %(start)s; "
        "the chain rule allows at most %(max_count)s contract and %(max_months)s months. "
        "By law the new contract would count as permanent.",
        "This would be contract %(count)s in a chain of %(months)s months since %(start)s; "
        "the chain rule allows at most %(max_count)s contracts and %(max_months)s months. "
        "By law the new contract would count as permanent.",
        limits.max_contracten,
    ) % {
        "count": chain.aantal,
        "months": chain.maanden if chain.maanden is not None else "?",
        "start": chain.start.strftime("%d-%m-%Y"),
        "max_count": limits.max_contracten,
        "max_months": limits.max_maanden,
    }
