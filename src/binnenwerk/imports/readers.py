"""Read an .xlsx workbook, a folder of .csv files or a .zip of them into a Dataset."""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from python_calamine import CalamineWorkbook

from binnenwerk.formatting import csv_cell_unescape
from binnenwerk.imports.cells import is_empty
from binnenwerk.imports.dataset import Dataset, ImportFailed, RowError, Sheet
from binnenwerk.imports.schema import SHEET_ORDER, SPECS

UNKNOWN_ORDER = len(SHEET_ORDER)


class ReadError(Exception):
    """The file cannot be read at all (missing, not a spreadsheet, broken)."""


def read_path(path: str | Path) -> Dataset:
    path = Path(path)
    if not path.exists():
        raise ReadError(_("'%(path)s' does not exist") % {"path": path})
    if path.is_dir():
        return _from_csv_files((p.name, p.read_bytes()) for p in sorted(path.glob("*.csv")))
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return read_zip(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path.read_bytes())
    if suffix == ".csv":
        return _from_csv_files([(path.name, path.read_bytes())])
    raise ReadError(
        _("'%(path)s' is not an .xlsx file, a .zip or a folder of .csv files") % {"path": path}
    )


# What a damaged zip raises while it is opened or read: a bad header or checksum, a cut-off or
# broken compressed stream, an unknown compression method or encryption, undecodable names.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
)


def read_zip(content: bytes) -> Dataset:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            files = [
                (Path(info.filename).name, archive.read(info))
                for info in archive.infolist()
                if info.filename.lower().endswith(".csv")
                and not info.filename.startswith("__MACOSX")
            ]
    except ZIP_ERRORS as error:
        raise ReadError(_("the .zip file is damaged or not a zip")) from error
    return _from_csv_files(sorted(files))


def read_xlsx(content: bytes) -> Dataset:
    return _build(xlsx_tables(content))


def xlsx_tables(content: bytes) -> list[tuple[str, list[list[Any]]]]:
    """Every sheet of a workbook as (name, rows of cell values)."""
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
        # A sheet is read (and its part of the zip inflated) only here: damage may show now.
        return [
            (name, workbook.get_sheet_by_name(name).to_python(skip_empty_area=False))
            for name in workbook.sheet_names
        ]
    except Exception as error:  # calamine raises its own error types for broken files
        raise ReadError(_("the workbook cannot be read: %(error)s") % {"error": error}) from error


def _from_csv_files(files: Iterable[tuple[str, bytes]]) -> Dataset:
    return _build((Path(filename).stem, csv_rows(filename, content)) for filename, content in files)


def csv_rows(filename: str, content: bytes) -> list[list[str]]:
    """A UTF-8 CSV file's rows; the delimiter (; or ,) is read from the header line."""
    try:
        decoded = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ReadError(_("%(file)s is not UTF-8 text") % {"file": filename}) from error
    first_line = decoded.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        # Cells were written by binnenwerk.formatting.csv_cell: its escape is reversed here,
        # so an export imports as what was exported.
        return [
            [csv_cell_unescape(cell) for cell in row]
            for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)
        ]
    except csv.Error as error:  # e.g. a cell over the csv module's 128 KiB field limit
        raise ReadError(
            _("%(file)s cannot be read as CSV: %(error)s") % {"file": filename, "error": error}
        ) from error


def numbered(
    rows: Sequence[Sequence[object]],
) -> tuple[list[str], list[tuple[int, dict[str, object]]]]:
    """The lowercase header and the non-empty rows by spreadsheet row number (header = 1)."""
    if not rows:
        return [], []
    header = [str(v).strip().lower() if not is_empty(v) else "" for v in rows[0]]
    numbered_rows = [
        (number, {h: (row[i] if i < len(row) else None) for i, h in enumerate(header) if h})
        for number, row in enumerate(rows[1:], start=2)
        if not all(is_empty(v) for v in row)
    ]
    return [h for h in header if h], numbered_rows


def _build(tables: Iterable[tuple[str, Sequence[Sequence[object]]]]) -> Dataset:
    """Name sheets, lowercase headers, drop empty rows; refuse non-empty unknown sheets."""
    dataset: Dataset = {}
    errors: list[RowError] = []
    for raw_name, rows in tables:
        name = raw_name.strip().lower()
        filled = [row for row in rows if any(not is_empty(v) for v in row)]
        if name not in SPECS:
            if filled:
                message = _("unknown sheet; the known sheets are: %(known)s") % {
                    "known": ", ".join(SPECS)
                }
                errors.append(RowError(UNKNOWN_ORDER, 1, raw_name, "-", message))
            continue
        if not filled:
            continue
        if name in dataset:
            errors.append(RowError(SHEET_ORDER[name], 1, name, "-", _("sheet occurs twice")))
            continue
        columns, numbered_rows = numbered(rows)
        dataset[name] = Sheet(name=name, columns=columns, rows=numbered_rows)
    if errors:
        raise ImportFailed(errors)
    return dataset
