"""The XML plumbing of the workbook reader: a parser that refuses a document type declaration
(and with it every entity), is fed in chunks, and refuses a token (a tag, a comment) longer than
XML_TOKEN_LIMIT, nesting deeper than XML_DEPTH_LIMIT and more elements than the upload allows."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pyexpat import ExpatError, ParserCreate
from typing import IO, Any

from django.utils.translation import gettext as _

from binnenwerk.imports.limits import (
    ELEMENTS_PER_CELL,
    XML_CHUNK,
    XML_DEPTH_LIMIT,
    XML_TOKEN_LIMIT,
    Budget,
    UploadRefused,
    refuse,
)

MAIN = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",
)
DIGITS = "0123456789"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def tags(name: str) -> set[str]:
    """An element's name as the parser gives it, in either namespace of SpreadsheetML."""
    return {f"{ns}}}{name}" for ns in MAIN}


def damaged(part: str, row: int = 1, error: ExpatError | None = None) -> UploadRefused:
    """A workbook broken at `part` (a sheet's name, or a part of the file), row `row`."""
    if error is not None:
        message = _("the workbook is damaged: an XML error on line %(line)s, column %(column)s") % {
            "line": error.lineno,
            "column": error.offset,
        }
    else:
        message = _("the workbook is damaged here and cannot be read")
    return refuse(part, max(row, 1), "-", message)


def unescaped(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


class Stop(Exception):
    """The sheet's data has ended: the rest of its XML is not needed."""


def new_parser(part: str, intern: dict[str, str] | None = None) -> Any:
    parser = ParserCreate(None, "}", {} if intern is None else intern)
    parser.buffer_text = True
    parser.buffer_size = 1 << 16

    def refuse_declarations(*_args: Any) -> None:
        message = _("the workbook holds a document type declaration, which is not allowed")
        raise refuse(part, 1, "-", message)

    parser.StartDoctypeDeclHandler = refuse_declarations
    parser.EntityDeclHandler = refuse_declarations
    return parser


def feed(
    parser: Any, stream: IO[bytes], part: str, budget: Budget, row: Callable[[], int] = int
) -> None:
    """Parse the stream in chunks; a token (tag, comment) may not outgrow XML_TOKEN_LIMIT.
    `row()`: the row being read, to locate a problem."""
    fed = 0
    try:
        while chunk := stream.read(XML_CHUNK):
            budget.charge_bytes(part, len(chunk))
            fed += len(chunk)
            parser.Parse(chunk, False)
            if fed - parser.CurrentByteIndex > XML_TOKEN_LIMIT:
                raise damaged(part, row())
        parser.Parse(b"", True)
    except Stop:
        # The rest is read (not parsed) for the checksum that zipfile checks at the end.
        while chunk := stream.read(XML_CHUNK):
            budget.charge_bytes(part, len(chunk))
    except ExpatError as error:
        raise damaged(part, row(), error) from error


def parse_part(
    archive: zipfile.ZipFile,
    part: str,
    budget: Budget,
    start: Callable[[str, dict[str, str]], None],
    end: Callable[[str], None] | None = None,
    chars: Callable[[str], None] | None = None,
) -> None:
    """Parse one (small) part with these handlers, every element counted and its depth kept."""
    parser = new_parser(part)
    depth = 0

    def counted_start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        budget.elements += 1
        if budget.elements > ELEMENTS_PER_CELL * budget.limits.cells:
            raise budget.too_many_cells(part, 1)
        if depth > XML_DEPTH_LIMIT:
            raise damaged(part)
        start(tag, attributes)

    def counted_end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        if end is not None:
            end(tag)

    parser.StartElementHandler = counted_start
    parser.EndElementHandler = counted_end
    if chars is not None:
        parser.CharacterDataHandler = chars
    with archive.open(part) as stream:
        feed(parser, stream, part, budget)
