"""A quarter such as 2023Q4: parsed from text, and the date the monitor counts on."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/ ]?\s*[QqKk]([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Kwartaal:
    jaar: int
    nummer: int

    @classmethod
    def parse(cls, text: str) -> Kwartaal:
        """'2023Q4' (also '2023-Q4', '2023K4'); a Dutch ValueError otherwise."""
        match = _PATTERN.match(text or "")
        if not match:
            raise ValueError(
                _("invalid quarter '%(text)s': use YYYYQn, for example 2023Q4") % {"text": text}
            )
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: dt.date) -> Kwartaal:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def last_day(self) -> dt.date:
        """The peildatum of the quarter: Binnenwerk's jobs are counted on this day."""
        if self.nummer == 4:
            return dt.date(self.jaar, 12, 31)
        return dt.date(self.jaar, 3 * self.nummer + 1, 1) - dt.timedelta(days=1)

    def previous(self) -> Kwartaal:
        return (
            Kwartaal(self.jaar - 1, 4) if self.nummer == 1 else Kwartaal(self.jaar, self.nummer - 1)
        )

    def __str__(self) -> str:
        return f"{self.jaar}Q{self.nummer}"
