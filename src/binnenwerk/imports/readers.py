"""Read an .xlsx workbook, a folder of .csv files or a .zip of them into a Dataset."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from python_calamine import CalamineWorkbook

from binnenwerk.imports.cells import is_empty
from binnenwerk.imports.dataset import Dataset, ImportFailed, RowError, Sheet
from binnenwerk.imports.schema import SHEET_ORDER, SPECS

UNKNOWN_ORDER = len(SHEET_ORDER)


class ReadError(Exception):
    """The file cannot be read at all (missing, not a spreadsheet, broken)."""


def read_path(path: str | Path) -> Dataset:
    path = Path(path)
    if not path.exists():
        raise ReadError(f"'{path}' bestaat niet")
    if path.is_dir():
        return _from_csv_files((p.name, p.read_bytes()) for p in sorted(path.glob("*.csv")))
    suffix = path.suffix.lower()
    if suffix == ".zip":
        return read_zip(path.read_bytes())
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path.read_bytes())
    if suffix == ".csv":
        return _from_csv_files([(path.name, path.read_bytes())])
    raise ReadError(f"'{path}' is geen .xlsx-bestand, .zip of map met .csv-bestanden")


def read_zip(content: bytes) -> Dataset:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise ReadError("het .zip-bestand is beschadigd of geen zip") from error
    with archive:
        files = [
            (Path(info.filename).name, archive.read(info))
            for info in archive.infolist()
            if info.filename.lower().endswith(".csv") and not info.filename.startswith("__MACOSX")
        ]
    return _from_csv_files(sorted(files))


def read_xlsx(content: bytes) -> Dataset:
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    except Exception as error:  # calamine raises its own error types for broken files
        raise ReadError(f"het werkblad kan niet worden gelezen: {error}") from error
    tables = []
    for name in workbook.sheet_names:
        rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        tables.append((name, rows))
    return _build(tables)


def _from_csv_files(files: Iterable[tuple[str, bytes]]) -> Dataset:
    tables = []
    for filename, content in files:
        try:
            decoded = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ReadError(f"{filename} is geen UTF-8-tekst") from error
        first_line = decoded.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        rows = list(csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter))
        tables.append((Path(filename).stem, rows))
    return _build(tables)


def _build(tables: Iterable[tuple[str, Sequence[Sequence[object]]]]) -> Dataset:
    """Name sheets, lowercase headers, drop empty rows; refuse non-empty unknown sheets."""
    dataset: Dataset = {}
    errors: list[RowError] = []
    for raw_name, rows in tables:
        name = raw_name.strip().lower()
        filled = [row for row in rows if any(not is_empty(v) for v in row)]
        if name not in SPECS:
            if filled:
                known = ", ".join(SPECS)
                errors.append(
                    RowError(
                        UNKNOWN_ORDER, 1, raw_name, "-", f"onbekend tabblad; bekend zijn: {known}"
                    )
                )
            continue
        if not filled:
            continue
        if name in dataset:
            errors.append(RowError(SHEET_ORDER[name], 1, name, "-", "tabblad komt twee keer voor"))
            continue
        header = [str(v).strip().lower() if not is_empty(v) else "" for v in rows[0]]
        sheet = Sheet(name=name, columns=[h for h in header if h])
        for number, row in enumerate(rows[1:], start=2):
            if all(is_empty(v) for v in row):
                continue
            values = {h: (row[i] if i < len(row) else None) for i, h in enumerate(header) if h}
            sheet.rows.append((number, values))
        dataset[name] = sheet
    if errors:
        raise ImportFailed(errors)
    return dataset
