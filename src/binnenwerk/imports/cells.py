"""Reading one cell: what a person types in a spreadsheet, into a typed value or a message."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The largest value of the whole-number columns (PositiveSmallIntegerField on every database).
SMALL_INTEGER_MAX = 32767
TRUE_WORDS = {"ja", "j", "true", "waar", "1", "yes", "y"}
FALSE_WORDS = {"nee", "n", "false", "onwaar", "0", "no"}


class CellError(ValueError):
    """A cell that cannot be read; the message (in the active language) names the problem."""


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
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        # The common case, ISO (as exported): the standard parser, else the checks below.
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raw = text(value)
    for pattern, order in ((_YMD, (0, 1, 2)), (_DMY, (2, 1, 0))):
        match = pattern.match(raw)
        if match:
            parts = [int(g) for g in match.groups()]
            try:
                return dt.date(parts[order[0]], parts[order[1]], parts[order[2]])
            except ValueError:
                break
    raise CellError(_("invalid date '%(value)s': use YYYY-MM-DD or DD-MM-YYYY") % {"value": raw})


def decimal(value: object) -> Decimal:
    if isinstance(value, bool):
        raise CellError(_("'%(value)s' is not a number") % {"value": value})
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        number = Decimal(str(value))
        if not number.is_finite():  # a workbook's NaN or infinity
            raise CellError(_("'%(value)s' is not a number") % {"value": value})
        return number
    raw = text(value).replace(" ", "")
    if "," in raw:  # decimal comma; a dot before it groups thousands
        raw = raw.replace(".", "").replace(",", ".")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        raise CellError(_("'%(value)s' is not a number") % {"value": text(value)}) from None
    if not number.is_finite():
        raise CellError(_("'%(value)s' is not a number") % {"value": text(value)})
    return number


def whole_number(value: object, maximum: int = SMALL_INTEGER_MAX) -> int:
    number = decimal(value)
    if number != number.to_integral_value() or number < 0:
        raise CellError(
            _("'%(value)s' is not a whole number of 0 or more") % {"value": text(value)}
        )
    # Compared before int(): `1e999999999` would otherwise become a number of a billion digits.
    if number > maximum:
        raise CellError(
            _("'%(value)s' is too large: at most %(max)s")
            % {"value": _shortened(text(value)), "max": maximum}
        )
    return int(number)


def _shortened(raw: str, length: int = 20) -> str:
    return raw if len(raw) <= length else raw[:length] + "…"


def control_character(value: str) -> str | None:
    """The first control character in a text (tab and line breaks allowed), if any: a database
    cannot hold NUL in text, and none of them belongs in a name or code."""
    match = _CONTROL.search(value)
    return match.group() if match else None


def yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    word = text(value).casefold()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellError(_("'%(value)s' is not yes or no") % {"value": text(value)})


def choice(value: object, allowed: list[str]) -> str:
    word = text(value).casefold()
    for option in allowed:
        if option.casefold() == word:
            return option
    raise CellError(
        _("'%(value)s' is not allowed; choose from: %(allowed)s")
        % {"value": text(value), "allowed": ", ".join(allowed)}
    )
