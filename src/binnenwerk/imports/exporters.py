"""Export the whole organisation in the import format, byte for byte reproducible.

A path ending in .xlsx gets a workbook; any other path a folder of .csv files
(`,` separator, decimal point, UTF-8, dates YYYY-MM-DD). Export → import into an
empty database → export gives identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from binnenwerk.files import private_folder, write_private
from binnenwerk.formatting import csv_writer, xlsx_append
from binnenwerk.imports.dataset import Dataset, Sheet
from binnenwerk.imports.schema import SHEETS, latest_roles
from binnenwerk.imports.state import load_state

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def export_dataset() -> Dataset:
    records, _ = load_state()
    holders = {
        key: role["personeelsnummer"]
        for key, role in latest_roles(r.values for r in records["teamrollen"].values()).items()
    }
    dataset: Dataset = {}
    for spec in SHEETS:
        columns = list(spec.columns)
        ordered = sorted(records[spec.name].values(), key=lambda r: _sort_key(r.key()))
        rows = []
        for number, record in enumerate(ordered, start=2):
            values = {c: record.values.get(c) for c in columns}
            if spec.name == "teams":
                for rol in ("leidinggevende", "jobcoach"):
                    values[rol] = holders.get((record.values["code"], rol))
            rows.append((number, values))
        dataset[spec.name] = Sheet(spec.name, columns, rows)
    return dataset


def _sort_key(key: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(v.isoformat() if isinstance(v, dt.date) else str(v) for v in key)


def export_path(path: str | Path) -> list[Path]:
    """Write the export; returns the files written. They hold personal data (BSN, date of
    birth, indication): each is 0600, a new folder 0700."""
    path = Path(path)
    dataset = export_dataset()
    if path.suffix.lower() == ".xlsx":
        private_folder(path.parent)
        return [write_private(path, xlsx_bytes(dataset))]
    private_folder(path)
    return [
        write_private(path / f"{sheet.name}.csv", csv_text(sheet)) for sheet in dataset.values()
    ]


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def csv_text(sheet: Sheet) -> str:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(sheet.columns)
    for _, values in sheet.rows:
        writer.writerow([_csv_value(values.get(c)) for c in sheet.columns])
    return buffer.getvalue()


def _cell_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        normal = value.normalize()
        return int(normal) if normal == normal.to_integral_value() else float(normal)
    return value


def xlsx_bytes(dataset: Dataset) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in dataset.values():
        worksheet = workbook.create_sheet(sheet.name)
        xlsx_append(worksheet, sheet.columns)
        for _, values in sheet.rows:
            xlsx_append(worksheet, [_cell_value(values.get(c)) for c in sheet.columns])
        for row in worksheet.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
    workbook.properties.creator = "Binnenwerk"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _reproducible_zip(content: bytes) -> bytes:
    """Fixed timestamps inside the workbook and on every zip entry: same data, same bytes."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z\g<3>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, data)
    return out.getvalue()
