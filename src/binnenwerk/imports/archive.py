"""Zip archives from outside (an .xlsx workbook is one too), checked before anything is unpacked.

`open_checked` reads the archive's end record itself before Python's zipfile reads the
directory (whose size the end record gives: a directory of millions of entries would cost
gigabytes), then checks every entry: how many there are, their names (no absolute paths, no
`..`), no encryption, only stored or deflated data, and the sizes they declare, together and
as a ratio to their packed size. zipfile never unpacks more than an entry declares (a longer
stream fails its checksum), so the declared sizes bound what reading can cost. Used by the
upload reader and by `binnenwerk restore`.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO

from django.utils.translation import gettext as _

from binnenwerk.imports.limits import RATIO_MIN_BYTES, number, size

_END = b"PK\x05\x06"
_END_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_END = b"PK\x06\x06"
# The directory may hold at most this many bytes per entry allowed (a name of up to ~1,000
# bytes with its fields); real ones use under a hundred.
DIRECTORY_BYTES_PER_ENTRY = 1024
ENCRYPTED = 0x1
METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

# What a damaged zip raises while it is opened or read: a bad header or checksum, a cut-off or
# broken compressed stream, an unknown compression method or encryption, undecodable names.
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    ValueError,
    struct.error,
    OSError,
)


@dataclass(frozen=True)
class ZipBounds:
    entries: int
    total_bytes: int  # declared unpacked size of all entries together
    ratio: int


class ZipRefused(Exception):
    """The archive is refused before anything was unpacked. `member`: the entry at fault, if
    one; `damaged`: it is not a readable zip at all (else it goes beyond a bound)."""

    def __init__(self, message: str, member: str | None = None, damaged: bool = False) -> None:
        super().__init__(message)
        self.member = member
        self.damaged = damaged


def open_checked(handle: IO[bytes], bounds: ZipBounds) -> zipfile.ZipFile:
    """The archive in `handle` (seekable), opened after its end record and entries passed."""
    try:
        entries, directory = _end_record(handle)
    except (OSError, struct.error) as error:
        raise ZipRefused(_("the file is damaged or not a zip"), damaged=True) from error
    if entries > bounds.entries or directory > bounds.entries * DIRECTORY_BYTES_PER_ENTRY:
        raise _too_many(max(entries, directory // DIRECTORY_BYTES_PER_ENTRY), bounds)
    try:
        handle.seek(0)
        archive = zipfile.ZipFile(handle)
    except ZIP_ERRORS as error:
        raise ZipRefused(_("the file is damaged or not a zip"), damaged=True) from error
    try:
        check_entries(archive.infolist(), bounds)
    except ZipRefused:
        archive.close()
        raise
    return archive


def check_entries(infos: list[zipfile.ZipInfo], bounds: ZipBounds) -> None:
    if len(infos) > bounds.entries:
        raise _too_many(len(infos), bounds)
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if not safe_name(name):
            raise ZipRefused(_("the zip holds an unsafe file name"), member=name)
        if name in seen:
            raise ZipRefused(_("the zip holds this name twice"), member=name)
        seen.add(name)
        if info.flag_bits & ENCRYPTED:
            raise ZipRefused(_("the zip is protected with a password"), member=name)
        if info.compress_type not in METHODS:
            raise ZipRefused(_("the zip uses an unknown kind of compression"), member=name)
        total += info.file_size
        if total > bounds.total_bytes:
            raise ZipRefused(
                _("the zip holds more than %(max)s when unpacked")
                % {"max": size(bounds.total_bytes)},
                member=name,
            )
        if info.file_size > RATIO_MIN_BYTES and info.file_size > bounds.ratio * max(
            info.compress_size, 1
        ):
            raise ZipRefused(
                _("this file unpacks to more than %(ratio)s times its packed size (a zip bomb)")
                % {"ratio": number(bounds.ratio)},
                member=name,
            )


def safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not (
        name.startswith("/")
        or "\\" in name
        or "\x00" in name
        or ".." in path.parts
        or (len(name) > 1 and name[1] == ":")  # a Windows drive, C:...
    )


def _too_many(found: int, bounds: ZipBounds) -> ZipRefused:
    return ZipRefused(
        _("the zip holds %(count)s files or more; at most %(max)s")
        % {"count": number(found), "max": number(bounds.entries)}
    )


def _end_record(handle: IO[bytes]) -> tuple[int, int]:
    """(number of entries, size of the directory in bytes) as the end record declares them."""
    handle.seek(0, io.SEEK_END)
    length = handle.tell()
    tail_length = min(length, _END_SIZE + 0xFFFF)
    handle.seek(length - tail_length)
    tail = handle.read(tail_length)
    at = tail.rfind(_END)
    if at < 0 or len(tail) - at < _END_SIZE:
        raise struct.error("no end record")
    fields = struct.unpack("<4s4H2LH", tail[at : at + _END_SIZE])
    entries, directory, offset = fields[4], fields[5], fields[6]
    if entries != 0xFFFF and directory != 0xFFFFFFFF and offset != 0xFFFFFFFF:
        return entries, directory
    # Zip64: a locator just before the end record points at the larger record.
    if at < 20 or tail[at - 20 : at - 16] != _ZIP64_LOCATOR:
        return entries, directory
    (where,) = struct.unpack("<Q", tail[at - 12 : at - 4])
    handle.seek(where)
    record = handle.read(56)
    if len(record) < 56 or record[:4] != _ZIP64_END:
        raise struct.error("no zip64 end record")
    fields64 = struct.unpack("<4sQ2H2L4Q", record)
    return fields64[7], fields64[8]


class CountingReader(io.RawIOBase):
    """A binary stream that charges every byte read through it (`charge(count)`)."""

    def __init__(self, source: IO[bytes], charge: Callable[[int], None]) -> None:
        super().__init__()
        self._source = source
        self._charge = charge

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._source.read(len(buffer))
        count = len(data)
        if count:
            self._charge(count)
            buffer[:count] = data
        return count

    def close(self) -> None:
        self._source.close()
        super().close()
