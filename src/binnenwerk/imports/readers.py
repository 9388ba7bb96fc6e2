"""The one bounded reader of every upload: an .xlsx workbook, a folder of .csv files, a .zip
of them or one .csv file, into a Dataset (or, for the monitor, into tables).

Each file is checked before it is parsed (its size; an archive's entries and the sizes they
declare, binnenwerk.imports.archive) and then read as a stream within the limits of
binnenwerk.imports.limits: beyond one, reading stops and the file is refused with a located
message (UploadRefused, an ImportFailed); so is a workbook broken inside. A file that is not
a zip or workbook at all raises ReadError.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from django.utils.translation import gettext as _

from binnenwerk.imports.archive import (
    ZIP_ERRORS,
    CountingReader,
    ZipBounds,
    ZipRefused,
    open_checked,
)
from binnenwerk.imports.csv_reader import CsvDamaged, read_csv
from binnenwerk.imports.dataset import Dataset, ImportFailed, RowError, Sheet
from binnenwerk.imports.limits import Budget, Limits, refuse, upload_too_large
from binnenwerk.imports.schema import SHEET_ORDER, SPECS
from binnenwerk.imports.tables import Table
from binnenwerk.imports.xlsx_reader import read_workbook

UNKNOWN_ORDER = len(SHEET_ORDER)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Members of a .zip of CSV files that are archives themselves: refused, never opened.
NESTED_SUFFIXES = (
    ".zip",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".ods",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".rar",
    ".tar",
    ".jar",
)
CHUNK = 1 << 20


class ReadError(Exception):
    """The file cannot be read at all (missing, not a spreadsheet, broken)."""


def read_path(path: str | Path, limits: Limits | None = None, name: str = "") -> Dataset:
    """The dataset in a workbook, a .zip of CSV files, a CSV file or a folder of CSV files.
    `name`: the file's name as its sender knows it (an upload kept under another name)."""
    limits = limits or Limits.from_settings()
    path = Path(path)
    name = name or path.name
    if not path.exists():
        raise ReadError(_("'%(path)s' does not exist") % {"path": path})
    if path.is_dir():
        files = sorted(path.glob("*.csv"))
        total = sum(file.stat().st_size for file in files)
        if total > limits.upload_bytes:
            raise upload_too_large(name, total, limits)
        budget = Budget(limits)
        return _build(_csv_file(file.name, file, budget) for file in files)
    suffix = path.suffix.lower()
    if suffix not in (".zip", ".csv", *WORKBOOK_SUFFIXES):
        raise ReadError(
            _("'%(path)s' is not an .xlsx file, a .zip or a folder of .csv files") % {"path": path}
        )
    if (found := path.stat().st_size) > limits.upload_bytes:
        raise upload_too_large(name, found, limits)
    with path.open("rb") as handle:
        return _build(_tables(name, handle, Budget(limits), suffix))


def read_zip(content: bytes | IO[bytes], limits: Limits | None = None) -> Dataset:
    return _read_content("upload.zip", content, limits)


def read_xlsx(content: bytes | IO[bytes], limits: Limits | None = None) -> Dataset:
    return _read_content("upload.xlsx", content, limits)


def read_tables(filename: str, content: bytes | IO[bytes], limits: Limits) -> list[Table]:
    """Every sheet of one uploaded file (.xlsx, .zip of CSV files or .csv), as tables."""
    handle = io.BytesIO(content) if isinstance(content, bytes) else content
    _check_upload_size(filename, handle, limits)
    return list(_tables(filename, handle, Budget(limits)))


def _read_content(filename: str, content: bytes | IO[bytes], limits: Limits | None) -> Dataset:
    return _build(read_tables(filename, content, limits or Limits.from_settings()))


def _check_upload_size(filename: str, handle: IO[bytes], limits: Limits) -> None:
    handle.seek(0, io.SEEK_END)
    found = handle.tell()
    handle.seek(0)
    if found > limits.upload_bytes:
        raise upload_too_large(filename, found, limits)


def _tables(filename: str, handle: IO[bytes], budget: Budget, suffix: str = "") -> Iterator[Table]:
    """The tables of one file; `suffix` (else the name's) tells what kind of file it is."""
    suffix = suffix or PurePosixPath(filename).suffix.lower()
    if suffix == ".csv":
        yield _csv_stream(PurePosixPath(filename).stem, handle, budget)
        return
    archive = _open_archive(filename, handle, budget.limits, workbook=suffix != ".zip")
    with archive:
        try:
            if suffix == ".zip":
                yield from _zip_tables(archive, budget)
            else:
                yield from read_workbook(archive, budget, filename)
        except ZIP_ERRORS as error:
            raise ReadError(_damaged(suffix != ".zip")) from error


def _damaged(workbook: bool) -> str:
    if workbook:
        return _("the workbook is damaged or not an .xlsx file")
    return _("the .zip file is damaged or not a zip")


def _open_archive(
    filename: str, handle: IO[bytes], limits: Limits, workbook: bool
) -> zipfile.ZipFile:
    bounds = ZipBounds(limits.zip_entries, limits.inflated_bytes, limits.zip_ratio)
    try:
        return open_checked(handle, bounds)
    except ZipRefused as refusal:
        if refusal.damaged:
            raise ReadError(_damaged(workbook)) from refusal
        raise refuse(refusal.member or filename, 1, "-", str(refusal)) from refusal


def _zip_tables(archive: zipfile.ZipFile, budget: Budget) -> Iterator[Table]:
    members = []
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or name.startswith("__MACOSX"):
            continue
        if name.lower().endswith(NESTED_SUFFIXES):
            raise refuse(name, 1, "-", _("a zip inside the zip is not allowed"))
        if name.lower().endswith(".csv"):
            members.append((PurePosixPath(name).name, info))
    for name, info in sorted(members, key=lambda member: member[0]):
        with archive.open(info) as member:
            yield _csv_stream(PurePosixPath(name).stem, member, budget)


def _csv_file(filename: str, path: Path, budget: Budget) -> Table:
    with path.open("rb") as handle:
        return _csv_stream(Path(filename).stem, handle, budget)


def _csv_stream(name: str, stream: IO[bytes], budget: Budget) -> Table:
    counted = io.BufferedReader(
        CountingReader(stream, lambda count: budget.charge_bytes(name, count)), CHUNK
    )
    try:
        return read_csv(name, counted, budget)
    except CsvDamaged as error:
        raise ReadError(str(error)) from error


def _build(tables: Iterable[Table]) -> Dataset:
    """Name sheets, lowercase headers, drop empty rows; refuse non-empty unknown sheets."""
    dataset: Dataset = {}
    errors: list[RowError] = []
    for table in tables:
        name = table.name.strip().lower()
        if name not in SPECS:
            if table.filled:
                message = _("unknown sheet; the known sheets are: %(known)s") % {
                    "known": ", ".join(SPECS)
                }
                errors.append(RowError(UNKNOWN_ORDER, 1, table.name, "-", message))
            continue
        if not table.filled:
            continue
        if name in dataset:
            errors.append(RowError(SHEET_ORDER[name], 1, name, "-", _("sheet occurs twice")))
            continue
        dataset[name] = Sheet(name=name, columns=table.columns, rows=table.rows)
    if errors:
        raise ImportFailed(errors)
    return dataset
