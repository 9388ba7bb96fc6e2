"""The table format of a backup: PostgreSQL's COPY text format, the same from either database.

One line per row; columns separated by a tab; `\\N` for NULL; a backslash escapes backslash,
tab, newline, carriage return (and \\b, \\f, \\v). Values are written as PostgreSQL writes them
with DateStyle ISO, TimeZone UTC, IntervalStyle iso_8601 and bytea in hex. PostgreSQL
therefore dumps and loads a table with COPY as it is, and SQLite's stored values are translated
per kind of column here: booleans `t`/`f`, timestamps in UTC with their offset, decimals to
their places, UUIDs with hyphens, bytes as `\\x` and hex, durations in ISO 8601. Hence a backup
of the SQLite demo restores into PostgreSQL, and one of PostgreSQL into SQLite.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterable, Iterator
from decimal import Context, Decimal
from typing import Any

from django.db import connection, models
from django.utils import timezone
from django.utils.dateparse import parse_datetime, parse_duration
from django.utils.duration import duration_iso_string, duration_microseconds

NULL = "\\N"
INTEGER = {
    "AutoField",
    "BigAutoField",
    "SmallAutoField",
    "IntegerField",
    "BigIntegerField",
    "SmallIntegerField",
    "PositiveIntegerField",
    "PositiveBigIntegerField",
    "PositiveSmallIntegerField",
}
TEXT = {
    "CharField",
    "TextField",
    "SlugField",
    "EmailField",
    "URLField",
    "FilePathField",
    "FileField",
    "ImageField",
    "GenericIPAddressField",
    "IPAddressField",
}
KINDS = {
    **dict.fromkeys(INTEGER, "int"),
    **dict.fromkeys(TEXT, "text"),
    # Stored by SQLite as text the way PostgreSQL writes them: YYYY-MM-DD, HH:MM:SS, JSON.
    "DateField": "date",
    "TimeField": "time",
    "JSONField": "json",
    "BooleanField": "bool",
    "DateTimeField": "datetime",
    "DecimalField": "decimal",
    "FloatField": "float",
    "UUIDField": "uuid",
    "BinaryField": "binary",
    "DurationField": "duration",
}

_ESCAPES = str.maketrans(
    {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\b": "\\b", "\f": "\\f", "\v": "\\v"}
)
_UNESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.S)
_LETTERS = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


class UnsupportedColumn(Exception):
    """A column of a kind this format does not know (a new kind of field: add it here)."""


def column_kind(field: models.Field) -> str:
    """How a column is written: int, text, date, time, json, bool, datetime, decimal, float,
    uuid, binary, duration. A foreign key is written as the key it points to."""
    target: Any = field
    while target.is_relation:
        target = target.target_field
    kind = KINDS.get(target.get_internal_type())
    if kind is None:
        raise UnsupportedColumn(f"{field.model._meta.db_table}.{field.column}")
    return kind


def escape(value: str) -> str:
    return value.translate(_ESCAPES)


def _unescape_one(match: re.Match[str]) -> str:
    octal, hexa, other = match.groups()
    if octal:
        return chr(int(octal, 8))
    if hexa:
        return chr(int(hexa, 16))
    return _LETTERS.get(other, other)


def parse_line(line: str) -> list[str | None]:
    """One line (without its newline) into its values; None for NULL."""
    values: list[str | None] = []
    for raw in line.split("\t"):
        if raw == NULL:
            values.append(None)
        elif "\\" in raw:
            values.append(_UNESCAPE.sub(_unescape_one, raw))
        else:
            values.append(raw)
    return values


def lines(chunks: Iterable[bytes]) -> Iterator[str]:
    """The lines of a table member read in chunks, decoded, without their newlines."""
    rest = b""
    for chunk in chunks:
        parts = (rest + chunk).split(b"\n")
        rest = parts.pop()
        for part in parts:
            yield part.decode("utf-8")
    if rest:
        raise ValueError("the last line has no newline: the member is cut off")


# --- SQLite's stored values -> text --------------------------------------------------------


def sqlite_writer(field: models.Field) -> Callable[[Any], str]:
    """A function from a value as SQLite stores it (not None) to its escaped text."""
    kind = column_kind(field)
    if kind == "int":
        return lambda value: str(int(value))
    if kind == "bool":
        return lambda value: "t" if value else "f"
    if kind in ("text", "date", "time", "json"):
        return lambda value: escape(str(value))
    if kind == "datetime":
        return _datetime_text
    if kind == "decimal":
        return _decimal_writer(field)
    if kind == "float":
        return lambda value: repr(float(value))
    if kind == "uuid":
        return lambda value: str(uuid.UUID(str(value)))
    if kind == "binary":
        return lambda value: escape("\\x" + bytes(value).hex())
    return lambda value: duration_iso_string(dt.timedelta(microseconds=int(value)))


def _datetime_text(value: Any) -> str:
    moment = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
    if moment is None:
        raise ValueError(f"not a date and time: {value!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, connection.timezone or dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(sep=" ")


def _decimal_writer(field: models.Field) -> Callable[[Any], str]:
    # SQLite keeps a decimal column as REAL or INTEGER where it can: read it back the way
    # Django does, to the field's digits and places.
    context = Context(prec=getattr(field, "max_digits", None) or 28)
    places = getattr(field, "decimal_places", None)
    step = Decimal(1).scaleb(-places) if places is not None else None

    def write(value: Any) -> str:
        number = (
            context.create_decimal_from_float(value)
            if isinstance(value, float)
            else Decimal(str(value))
        )
        if step is not None:
            number = number.quantize(step, context=context)
        return str(number)

    return write


# --- text -> the value to store in SQLite ----------------------------------------------------


def sqlite_reader(field: models.Field) -> Callable[[str], Any]:
    """A function from a column's unescaped text (not NULL) to the value SQLite stores."""
    kind = column_kind(field)
    if kind == "int":
        return int
    if kind == "bool":
        return lambda text: text in ("t", "true")
    if kind == "text":
        return str
    if kind == "date":  # checked: SQLite would keep any text
        return lambda text: dt.date.fromisoformat(text).isoformat()
    if kind == "time":
        return lambda text: dt.time.fromisoformat(text).isoformat()
    if kind == "json":
        return _json_text
    if kind == "datetime":
        return _datetime_value
    if kind == "decimal":
        return lambda text: str(Decimal(text))
    if kind == "float":
        return float
    if kind == "uuid":
        return lambda text: uuid.UUID(text).hex
    if kind == "binary":
        return lambda text: bytes.fromhex(text.removeprefix("\\x"))
    return _duration_value


def _datetime_value(text: str) -> str:
    moment = parse_datetime(text)
    if moment is None:
        raise ValueError(f"not a date and time: {text!r}")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, dt.UTC)
    return str(connection.ops.adapt_datetimefield_value(moment))


def _json_text(text: str) -> str:
    json.loads(text)  # checked: SQLite would keep any text
    return text


def _duration_value(text: str) -> int:
    duration = parse_duration(text)
    if duration is None:
        raise ValueError(f"not a duration: {text!r}")
    return duration_microseconds(duration)
