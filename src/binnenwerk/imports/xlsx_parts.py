"""The small parts of a workbook: where its workbook and sheets are (the relationships), the
sheets' names, which cell styles show dates, and the shared texts. Each parsed with the limits
of binnenwerk.imports.xlsx_xml; a shared text longer than a cell may be is refused."""

from __future__ import annotations

import posixpath
import re
import zipfile

from django.utils.translation import gettext as _

from binnenwerk.imports.limits import Budget, number, refuse
from binnenwerk.imports.xlsx_xml import MAIN, parse_part, tags, unescaped

_RELATIONSHIP_ATTRIBUTE = tuple(
    f"{ns}}}id"
    for ns in (
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "http://purl.oclc.org/ooxml/officeDocument/relationships",
    )
)
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_STRING_KIND = {f"{ns}}}{name}": name for ns in MAIN for name in ("si", "t", "rPh")}
# Excel's built-in number formats that show a date or a time (the others are numbers).
_BUILT_IN = {
    **dict.fromkeys([14, 15, 16, 17, *range(27, 37), *range(50, 59)], "date"),
    **dict.fromkeys([18, 19, 20, 21, 45, 47], "time"),
    22: "datetime",
    46: "timedelta",
}
# Parts of a format code that do not tell its kind: quoted text, escaped characters, colours
# and conditions in brackets (but not the elapsed-time brackets [h], [m], [s]).
_LITERAL = re.compile(r'"[^"]*"|\\.|_.|\*.|\[(?![hms]+\])[^\]]*\]')


def office_document(
    archive: zipfile.ZipFile, names: set[str], budget: Budget, filename: str
) -> str:
    if "_rels/.rels" in names:
        for kind, target in relationships(archive, "_rels/.rels", names, budget).values():
            if kind.endswith("/officeDocument") and target in names:
                return target
    if "xl/workbook.xml" in names:
        return "xl/workbook.xml"
    raise refuse(filename, 1, "-", _("this is not an .xlsx workbook: it has no workbook part"))


def rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def relationships(
    archive: zipfile.ZipFile, part: str, names: set[str], budget: Budget
) -> dict[str, tuple[str, str]]:
    """Id → (type, the target's name in the archive) of a relationships part."""
    found: dict[str, tuple[str, str]] = {}
    if part not in names:
        return found
    base = posixpath.dirname(posixpath.dirname(part))

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag != _PACKAGE or attributes.get("TargetMode") == "External":
            return
        target = attributes.get("Target", "")
        if target.startswith("/"):
            target = target[1:]
        else:
            target = posixpath.normpath(posixpath.join(base, target))
        found[attributes.get("Id", "")] = (attributes.get("Type", ""), target)

    parse_part(archive, part, budget, start)
    return found


def sheet_list(
    archive: zipfile.ZipFile, workbook: str, names: set[str], budget: Budget
) -> tuple[list[tuple[str, str]], bool]:
    """The sheets as (name, relationship id), and whether dates count from 1904."""
    sheets: list[tuple[str, str]] = []
    date1904 = False
    sheet_tags = tags("sheet")
    properties = tags("workbookPr")

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal date1904
        if tag in sheet_tags:
            relationship = next(
                (attributes[a] for a in _RELATIONSHIP_ATTRIBUTE if a in attributes), ""
            )
            sheets.append((attributes.get("name", ""), relationship))
        elif tag in properties:
            date1904 = attributes.get("date1904", "0").lower() in ("1", "true")

    parse_part(archive, workbook, budget, start)
    return sheets, date1904


def date_styles(archive: zipfile.ZipFile, part: str, budget: Budget) -> dict[str, str]:
    """Cell style index (as written in a cell's `s`) → "date", "datetime", "time" or "timedelta"
    for the styles whose number format shows a date or time."""
    formats: dict[int, str] = {}
    cell_formats: list[int] = []
    where: list[str] = []
    number_format = tags("numFmt")
    cell_xfs = tags("cellXfs")
    xf = tags("xf")

    def start(tag: str, attributes: dict[str, str]) -> None:
        if tag in number_format:
            formats[int(attributes.get("numFmtId", "0"))] = attributes.get("formatCode", "")
        elif tag in cell_xfs:
            where.append(tag)
        elif tag in xf and where:
            cell_formats.append(int(attributes.get("numFmtId", "0")))

    def end(tag: str) -> None:
        if tag in cell_xfs:
            where.clear()

    parse_part(archive, part, budget, start, end)
    styles: dict[str, str] = {}
    for index, format_id in enumerate(cell_formats):
        code = formats.get(format_id)
        kind = format_kind(code) if code is not None else _BUILT_IN.get(format_id)
        if kind:
            styles[str(index)] = kind
    return styles


def format_kind(code: str) -> str | None:
    """The kind of moment a format code shows: "date", "datetime", "time", "timedelta", or None."""
    if len(code) > 255:  # Excel's own limit; longer is no date format
        return None
    plain = _LITERAL.sub("", code.split(";")[0]).lower()
    if "[h" in plain or "[m" in plain or "[s" in plain:
        return "timedelta"
    date = "d" in plain or "y" in plain or ("m" in plain and "h" not in plain and "s" not in plain)
    time = "h" in plain or "s" in plain
    if date and time:
        return "datetime"
    return "date" if date else "time" if time else None


def shared_strings(archive: zipfile.ZipFile, part: str, budget: Budget) -> list[str]:
    strings: list[str] = []
    parts: list[str] = []
    state = {"collect": False, "phonetic": 0, "length": 0}
    longest = budget.limits.cell_length

    def start(tag: str, attributes: dict[str, str]) -> None:
        kind = _STRING_KIND.get(tag)
        if kind == "t":
            state["collect"] = not state["phonetic"]
        elif kind == "si":
            parts.clear()
            state["length"] = 0
        elif kind == "rPh":
            state["phonetic"] += 1

    def end(tag: str) -> None:
        kind = _STRING_KIND.get(tag)
        if kind == "t":
            state["collect"] = False
        elif kind == "si":
            strings.append(unescaped("".join(parts)))
        elif kind == "rPh":
            state["phonetic"] -= 1

    def chars(data: str) -> None:
        if state["collect"]:
            parts.append(data)
            state["length"] += len(data)
            if state["length"] > longest:
                raise refuse(
                    part,
                    len(strings) + 1,
                    "-",
                    _("a text in the workbook is longer than %(max)s characters")
                    % {"max": number(longest)},
                )

    parse_part(archive, part, budget, start, end, chars)
    return strings
