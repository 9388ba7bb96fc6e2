"""The bounds of the upload reader: how large a file, an archive, a sheet and a cell may be.

Every upload (the import command, the web import, the monitor's import) is read within these
limits; beyond one, the reader stops at once and refuses the file with a located message
(`sheet:row:column: message`), so that no file costs more time or memory than the limits
allow. The defaults are settings (IMPORT_MAX_…, from the environment) and admit a synthetic
organisation of 100,000 people with a margin: 530,000 rows, at most 224,000 in one sheet
(limit 1,000,000), 2.8 million cells (limit 5 million), a 15 MB workbook of 141 MB XML (limits
100 MB and 512 MB). Reading up to the limits costs at most ~15 s of CPU and ~0.6 GB.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from binnenwerk.imports.dataset import ImportFailed, RowError
from binnenwerk.imports.schema import SHEET_ORDER

# The csv module refuses a longer field by itself (csv.field_size_limit()).
CSV_FIELD_LIMIT = 131_072
# XML is parsed in chunks of this size; a single tag, comment or attribute may not be longer
# than XML_TOKEN_LIMIT (the parser holds a token whole until it ends).
XML_CHUNK = 1 << 18
XML_TOKEN_LIMIT = 16 << 20
XML_DEPTH_LIMIT = 64
# Up to this many XML elements per cell allowed in a workbook on average (<c>, <v>, an inline
# string's <is><t>, rich text runs); a bound on the parser's work beside the cell limit.
ELEMENTS_PER_CELL = 3
# The monitor's one sheet of figures holds a row per ministry and quarter: a few hundred.
MONITOR_ROWS = 10_000
MONITOR_INFLATED_BYTES = 64 << 20
# Members smaller than this are not judged by their compression ratio (tiny files vary most).
RATIO_MIN_BYTES = 1 << 20


@dataclass(frozen=True)
class Limits:
    upload_bytes: int  # the file as given (a folder: its .csv files together)
    inflated_bytes: int  # every member of an archive unpacked, together
    zip_entries: int
    zip_ratio: int  # unpacked size / packed size of one member
    rows: int  # per sheet, the header included (the highest row number)
    columns: int
    cells: int  # in the whole upload
    cell_length: int  # characters
    errors_listed: int

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            upload_bytes=settings.IMPORT_MAX_UPLOAD_BYTES,
            inflated_bytes=settings.IMPORT_MAX_INFLATED_BYTES,
            zip_entries=settings.IMPORT_MAX_ZIP_ENTRIES,
            zip_ratio=settings.IMPORT_MAX_ZIP_RATIO,
            rows=settings.IMPORT_MAX_ROWS,
            columns=settings.IMPORT_MAX_COLUMNS,
            cells=settings.IMPORT_MAX_CELLS,
            cell_length=min(settings.IMPORT_MAX_CELL_LENGTH, CSV_FIELD_LIMIT),
            errors_listed=settings.IMPORT_ERRORS_LISTED,
        )

    @classmethod
    def for_monitor(cls) -> Limits:
        """The monitor's quarterly figures: one small sheet (a row per ministry and quarter),
        from a wider circle of users; a smaller upload and far fewer rows and cells."""
        limits = cls.from_settings()
        return dataclasses.replace(
            limits,
            upload_bytes=settings.IMPORT_MONITOR_MAX_UPLOAD_BYTES,
            inflated_bytes=min(limits.inflated_bytes, MONITOR_INFLATED_BYTES),
            rows=min(limits.rows, MONITOR_ROWS),
            cells=min(limits.cells, MONITOR_ROWS * 10),
        )

    @property
    def line_length(self) -> int:
        """The longest line of a CSV file: a row of long cells, well beyond any real one."""
        return 4 * self.cell_length + 8 * self.columns


class UploadRefused(ImportFailed):
    """The upload goes beyond a limit, or is broken where it is read: refused at that place
    before anything more is read; nothing is written."""


def number(value: int) -> str:
    """A whole number as people read it: 1.000.000 in Dutch."""
    return number_format(value, force_grouping=True)


def size(value: int) -> str:
    """A number of bytes as people read it (512,0 MB), with a plain space: also on a terminal."""
    return str(filesizeformat(value)).replace("\xa0", " ")


def refuse(sheet: str, row: int, column: str, message: str) -> UploadRefused:
    """The refusal of a file at the place where it went too far (raise it)."""
    order = SHEET_ORDER.get(sheet.strip().lower(), len(SHEET_ORDER))
    return UploadRefused([RowError(order, row, sheet, column, message)])


def upload_too_large(name: str, found: int, limits: Limits) -> UploadRefused:
    return refuse(
        name,
        1,
        "-",
        _("the file is %(size)s; at most %(max)s can be imported")
        % {"size": size(found), "max": size(limits.upload_bytes)},
    )


class Budget:
    """What one upload has used so far, across its files and sheets: unpacked bytes and cells.
    Each reader charges it as it goes and is refused the moment a limit is passed."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.inflated = 0
        self.cells = 0
        self.elements = 0

    def charge_bytes(self, name: str, count: int) -> None:
        self.inflated += count
        if self.inflated > self.limits.inflated_bytes:
            raise refuse(
                name,
                1,
                "-",
                _("the file holds more than %(max)s of data when unpacked")
                % {"max": size(self.limits.inflated_bytes)},
            )

    def too_many_cells(self, sheet: str, row: int) -> UploadRefused:
        return refuse(
            sheet,
            row,
            "-",
            _("the file holds more than %(max)s cells") % {"max": number(self.limits.cells)},
        )
