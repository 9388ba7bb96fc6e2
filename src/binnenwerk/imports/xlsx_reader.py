"""An .xlsx workbook read by streaming its XML, within the upload's limits.

No part of a workbook is parsed whole and nothing is allocated from what the file declares:
the sheet XML is fed to expat in chunks and every row and cell is counted as it arrives, so a
cell at XFD1048576, a billion empty rows, a `<dimension>` of a million rows, whitespace in
`sheetData` or a shared text referred to ten million times is refused (or costs no more than its
bytes) at the element where the limit is passed. A DOCTYPE (and so every entity) is refused,
as is a tag or comment longer than XML_TOKEN_LIMIT and nesting deeper than XML_DEPTH_LIMIT.

Values come out as the spreadsheet typed them: numbers as float, dates (a number in a date
format of styles.xml) as date or datetime, booleans as bool, texts as str.
"""

from __future__ import annotations

import zipfile

from binnenwerk.imports.limits import Budget
from binnenwerk.imports.tables import Table
from binnenwerk.imports.xlsx_parts import (
    date_styles,
    office_document,
    relationships,
    rels_name,
    shared_strings,
    sheet_list,
)
from binnenwerk.imports.xlsx_sheet import SheetReader
from binnenwerk.imports.xlsx_xml import damaged, feed


def read_workbook(archive: zipfile.ZipFile, budget: Budget, filename: str) -> list[Table]:
    """Every worksheet of the (checked) archive, in the workbook's order."""
    names = set(archive.namelist())
    workbook = office_document(archive, names, budget, filename)
    sheets, date1904 = sheet_list(archive, workbook, names, budget)
    parts = relationships(archive, rels_name(workbook), names, budget)
    shared: list[str] = []
    styles: dict[str, str] = {}
    for kind, target in parts.values():
        if kind.endswith("/sharedStrings"):
            shared = shared_strings(archive, target, budget)
        elif kind.endswith("/styles"):
            styles = date_styles(archive, target, budget)
    tables = []
    seen: set[str] = set()
    for name, relationship in sheets:
        kind, target = parts.get(relationship, ("", ""))
        if not kind.endswith("/worksheet"):
            continue  # a chart sheet or a macro sheet: no cells to import
        if target not in names or target in seen:
            raise damaged(name)
        seen.add(target)
        tables.append(
            _read_sheet(archive, target, SheetReader(name, budget, shared, styles, date1904))
        )
    return tables


def _read_sheet(archive: zipfile.ZipFile, target: str, reader: SheetReader) -> Table:
    with archive.open(target) as stream:
        try:
            feed(reader.parser(), stream, reader.name, reader.budget, lambda: reader.row)
        finally:
            reader.settle()
    return reader.table
