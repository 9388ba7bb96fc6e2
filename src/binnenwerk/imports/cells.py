"""Reading one cell: what a person types in a spreadsheet, into a typed value or a Dutch message."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
TRUE_WORDS = {"ja", "j", "true", "waar", "1", "yes", "y"}
FALSE_WORDS = {"nee", "n", "false", "onwaar", "0", "no"}


class CellError(ValueError):
    """A cell that cannot be read; the message is Dutch and names the problem."""


def is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text(value: object) -> str:
    """A code or name; a whole number typed as a number (1001.0 in xlsx) reads as '1001'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value).strip()


def date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = text(value)
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(raw)
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return dt.date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break
    raise CellError(f"ongeldige datum '{raw}': gebruik JJJJ-MM-DD of DD-MM-JJJJ")


def decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise CellError(f"'{value}' is geen getal")
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    raw = text(value).replace(" ", "")
    if "," in raw:  # decimal comma; a dot before it groups thousands
        raw = raw.replace(".", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise CellError(f"'{text(value)}' is geen getal") from None
    if not number.is_finite():
        raise CellError(f"'{text(value)}' is geen getal")
    return number


def whole_number(value: object) -> int:
    number = decimal(value)
    if number != number.to_integral_value() or number < 0:
        raise CellError(f"'{text(value)}' is geen geheel getal van 0 of meer")
    return int(number)


def yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(f"'{text(value)}' is geen ja of nee")


def choice(value: object, allowed: list[str]) -> str:
    word = text(value).casefold()
    for option in allowed:
        if option.casefold() == word:
            return option
    raise CellError(f"'{text(value)}' is niet toegestaan; kies uit: {', '.join(allowed)}")
