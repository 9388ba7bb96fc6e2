"""Hostile import files, made in the tests in milliseconds (nothing large is committed).

A bomb is honest: its members hold the data they declare (a reader that unpacked them would get
gigabytes) and the right checksums. Long runs are packed once and repeated: after a full flush
a deflate block does not refer back, so a packed chunk can follow itself any number of times.
`HOSTILE` names each file with the place and words of the refusal expected (Dutch).
"""

from __future__ import annotations

import base64
import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from openpyxl import Workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET_START = f'<worksheet xmlns="{MAIN}"><sheetData>'.encode()
SHEET_END = b"</sheetData></worksheet>"
GIB = 1 << 30


# --- honest deflate streams of any length ------------------------------------------------------


def _gf2_times(matrix: list[int], vector: int) -> int:
    total, index = 0, 0
    while vector:
        if vector & 1:
            total ^= matrix[index]
        vector >>= 1
        index += 1
    return total


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def crc32_combine(crc1: int, crc2: int, length2: int) -> int:
    """The CRC-32 of A + B from those of A and B (zlib's crc32_combine)."""
    if length2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]
    even = _gf2_square(odd)
    odd = _gf2_square(even)
    while True:
        even = _gf2_square(odd)
        if length2 & 1:
            crc1 = _gf2_times(even, crc1)
        length2 >>= 1
        if not length2:
            break
        odd = _gf2_square(even)
        if length2 & 1:
            crc1 = _gf2_times(odd, crc1)
        length2 >>= 1
        if not length2:
            break
    return crc1 ^ crc2


def _repeated_crc(chunk: bytes, times: int) -> int:
    crc, length = 0, 0
    unit_crc, unit_length = zlib.crc32(chunk), len(chunk)
    while times:
        if times & 1:
            crc = crc32_combine(crc, unit_crc, unit_length)
            length += unit_length
        unit_crc = crc32_combine(unit_crc, unit_crc, unit_length)
        unit_length *= 2
        times >>= 1
    return crc


@dataclass(frozen=True)
class Member:
    name: str
    packed: bytes  # raw deflate (or stored) data
    crc: int
    size: int  # unpacked
    method: int = zipfile.ZIP_DEFLATED
    flags: int = 0


def deflated(name: str, data: bytes) -> Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Member(name, packer.compress(data) + packer.flush(), zlib.crc32(data), len(data))


def stored(name: str, data: bytes) -> Member:
    """Kept as it is (a zip may): for data that does not pack, made without packing it."""
    return Member(name, data, zlib.crc32(data), len(data), method=zipfile.ZIP_STORED)


def repeated(name: str, start: bytes, chunk: bytes, times: int, end: bytes) -> Member:
    """start + chunk × times + end, packed in milliseconds whatever its size."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(start) + packer.flush(zlib.Z_FULL_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    tail = packer.compress(end) + packer.flush()
    crc = crc32_combine(zlib.crc32(start), _repeated_crc(chunk, times), len(chunk) * times)
    crc = crc32_combine(crc, zlib.crc32(end), len(end))
    size = len(start) + len(chunk) * times + len(end)
    return Member(name, head + block * times + tail, crc, size)


def zip_bytes(members: list[Member], entries: int | None = None) -> bytes:
    """A zip of these members (zip64 sizes where needed). `entries`: the count the end record
    declares, if it should lie."""
    out = io.BytesIO()
    directory = []
    for member in members:
        name = member.name.encode()
        big = member.size >= 0xFFFFFFFF
        extra = struct.pack("<2H2Q", 1, 16, member.size, len(member.packed)) if big else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (len(member.packed), member.size)
        version = 45 if big else 20
        offset = out.tell()
        out.write(
            struct.pack(
                "<4s5H3L2H",
                b"PK\x03\x04",
                version,
                member.flags,
                member.method,
                0,
                0x5821,
                member.crc,
                *sizes,
                len(name),
                len(extra),
            )
        )
        out.write(name + extra + member.packed)
        directory.append(
            struct.pack(
                "<4s6H3L5H2L",
                b"PK\x01\x02",
                version,
                version,
                member.flags,
                member.method,
                0,
                0x5821,
                member.crc,
                *sizes,
                len(name),
                len(extra),
                0,
                0,
                0,
                0o600 << 16,
                offset,
            )
            + name
            + extra
        )
    start = out.tell()
    for entry in directory:
        out.write(entry)
    size = out.tell() - start
    count = len(members) if entries is None else entries
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count, count, size, start, 0))
    return out.getvalue()


# --- workbooks ---------------------------------------------------------------------------------


def workbook(
    sheets: list[tuple[str, Member | bytes]],
    shared: Member | bytes | None = None,
    pack: Callable[[str, bytes], Member] = deflated,
) -> bytes:
    """An .xlsx of these sheets (name, sheet XML), with shared strings if given."""
    members = [
        deflated(
            "[Content_Types].xml",
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        ),
        deflated(
            "_rels/.rels",
            b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        ),
    ]
    listed, relations = [], []
    kind = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    for number, (name, sheet) in enumerate(sheets, start=1):
        listed.append(f'<sheet name="{name}" sheetId="{number}" r:id="rId{number}"/>')
        relations.append(
            f'<Relationship Id="rId{number}" Type="{kind}/worksheet" '
            f'Target="worksheets/sheet{number}.xml"/>'
        )
        path = f"xl/worksheets/sheet{number}.xml"
        members.append(
            pack(path, sheet)
            if isinstance(sheet, bytes)
            else Member(path, sheet.packed, sheet.crc, sheet.size)
        )
    if shared is not None:
        relations.append(
            f'<Relationship Id="rIdS" Type="{kind}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        path = "xl/sharedStrings.xml"
        members.append(
            pack(path, shared)
            if isinstance(shared, bytes)
            else Member(path, shared.packed, shared.crc, shared.size)
        )
    members.append(
        deflated(
            "xl/workbook.xml",
            (
                f'<workbook xmlns="{MAIN}" xmlns:r="{kind}"><sheets>{"".join(listed)}</sheets>'
                "</workbook>"
            ).encode(),
        )
    )
    members.append(
        deflated(
            "xl/_rels/workbook.xml.rels",
            (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                f'relationships">{"".join(relations)}</Relationships>'
            ).encode(),
        )
    )
    return zip_bytes(members)


def sheet_xml(rows: str, head: str = "") -> bytes:
    return f'<worksheet xmlns="{MAIN}">{head}<sheetData>{rows}</sheetData></worksheet>'.encode()


def _inline(reference: str, text: str) -> str:
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def _random_text(length: int) -> str:
    """Letters that do not pack (a bomb by ratio is not what these test)."""
    return base64.b64encode(os.urandom(length * 3 // 4 + 3)).decode()[:length]


# --- the hostile files --------------------------------------------------------------------------


def xfd_cell() -> bytes:
    """The reproduced attack: a workbook of 1.6 KB whose only cell is XFD1048576 (as a
    spreadsheet program writes it). python-calamine tried to allocate 512 GiB and aborted."""
    book = Workbook()
    book.active.title = "organisaties"
    book.active["XFD1048576"] = "x"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xfd_cell_without_dimension() -> bytes:
    return workbook([("organisaties", sheet_xml(f'<row r="1">{_inline("XFD1", "x")}</row>'))])


def rows_without_numbers(count: int = 1_000_001) -> bytes:
    """`count` rows and cells without r=, counted as they come."""
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'
    chunk = min(count, 20_000)
    times, rest = divmod(count, chunk)
    sheet = repeated("s", SHEET_START + row * rest, row * chunk, times, SHEET_END)
    return workbook([("organisaties", sheet)])


def zip_bomb_csv() -> bytes:
    """2 GB of CSV in a 2 MB zip."""
    lines = b"ACME,Acme,partner,\r\n" * 50_000
    return zip_bytes(
        [repeated("organisaties.csv", b"code,naam,soort,hoort_bij\r\n", lines, 2000, b"")]
    )


def billion_rows() -> bytes:
    """A sheet of a billion empty rows: 6 GB of XML in a few MB."""
    return workbook(
        [("organisaties", repeated("s", SHEET_START, b"<row/>" * 174_763, 5722, SHEET_END))]
    )


def huge_row_number() -> bytes:
    return workbook(
        [("organisaties", sheet_xml(f'<row r="1000000000">{_inline("A1000000000", "x")}</row>'))]
    )


def whitespace_in_sheet_data() -> bytes:
    """1.2 GB of spaces inside sheetData."""
    return workbook(
        [("organisaties", repeated("s", SHEET_START, b" " * (1 << 20), 1200, SHEET_END))]
    )


def million_columns() -> bytes:
    """A header of a million different columns: a page of a million errors, once."""
    header = ",".join(f"kolom{i}" for i in range(1_000_000)).encode()
    return zip_bytes([deflated("organisaties.csv", header + b"\r\nACME\r\n")])


def wide_workbook() -> bytes:
    cells = "".join(_inline(f"{_letters(i)}1", f"k{i}") for i in range(1, 1001))
    return workbook([("organisaties", sheet_xml(f'<row r="1">{cells}</row>'))])


def long_cell_workbook() -> bytes:
    text = _random_text(10 << 20)
    sheet = sheet_xml(f'<row r="1">{_inline("A1", text)}</row>')
    return workbook([("organisaties", sheet)], pack=stored)


def long_cell_csv() -> bytes:
    text = _random_text(10 << 20).encode()
    return zip_bytes([stored("organisaties.csv", b"code,naam,soort\r\nA," + text + b",x\r\n")])


def long_shared_string() -> bytes:
    shared = f'<sst xmlns="{MAIN}"><si><t>{_random_text(10 << 20)}</t></si></sst>'.encode()
    cell = '<c r="A1" t="s"><v>0</v></c>'
    sheet = sheet_xml(f'<row r="1">{cell}</row>')
    return workbook([("organisaties", sheet)], shared=shared, pack=stored)


def shared_strings_bomb(rows: int = 200_000) -> bytes:
    """One text of 32,000 characters that ten million cells (50 per row) refer to: a reader
    that copies it per cell needs 320 GB."""
    shared = f'<sst xmlns="{MAIN}"><si><t>{_random_text(32_000)}</t></si></sst>'.encode()
    row = b"<row>" + b'<c t="s"><v>0</v></c>' * 50 + b"</row>"
    chunk = min(rows, 1000)
    sheet = repeated("s", SHEET_START, row * chunk, rows // chunk, SHEET_END)
    return workbook([("organisaties", sheet)], shared=shared)


def inline_cells(rows: int = 200_000) -> bytes:
    """Ten million cells (50 per row) of an inline text each: three elements a cell."""
    row = b"<row>" + b'<c t="inlineStr"><is><t>x</t></is></c>' * 50 + b"</row>"
    chunk = min(rows, 1000)
    sheet = repeated("s", SHEET_START, row * chunk, rows // chunk, SHEET_END)
    return workbook([("organisaties", sheet)])


def too_many_rows_csv(count: int = 1_000_001) -> bytes:
    rows = "".join(f"C{i},Naam {i},partner,\r\n" for i in range(count - 1)).encode()
    return zip_bytes([deflated("organisaties.csv", b"code,naam,soort,hoort_bij\r\n" + rows)])


def huge_dimension() -> bytes:
    head = '<dimension ref="A1:CV1048576"/>'
    return workbook(
        [("organisaties", sheet_xml(f'<row r="1">{_inline("A1", "code")}</row>', head))]
    )


def nested_zip() -> bytes:
    inner = zip_bytes([deflated("organisaties.csv", b"code,naam,soort\r\nA,B,partner\r\n")])
    return zip_bytes([deflated("binnen.zip", inner)])


def many_entries() -> bytes:
    return zip_bytes([deflated(f"x{i}.txt", b"") for i in range(1001)])


def lying_directory() -> bytes:
    """The end record declares one entry; the directory holds 20,000."""
    return zip_bytes([deflated(f"x{i}.txt", b"") for i in range(20_000)], entries=1)


def path_traversal() -> bytes:
    return zip_bytes([deflated("../../organisaties.csv", b"code,naam,soort\r\nA,B,partner\r\n")])


def nul_in_csv() -> bytes:
    return zip_bytes([deflated("organisaties.csv", b"code,naam,soort\r\nA,B\x00C,partner\r\n")])


def encrypted() -> bytes:
    member = deflated("organisaties.csv", b"code,naam,soort\r\nA,B,partner\r\n")
    return zip_bytes([Member(member.name, member.packed, member.crc, member.size, flags=0x1)])


def entity_expansion() -> bytes:
    """The billion laughs, in a worksheet."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
        + sheet_xml(f'<row r="1">{_inline("A1", "&j;")}</row>').decode()
    )
    return workbook([("organisaties", xml.encode())])


def deep_nesting() -> bytes:
    return workbook([("organisaties", sheet_xml("<x>" * 200 + "</x>" * 200))])


def _letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# name → (file name, the file, the beginning of the expected refusal, words in it): each is
# refused at the default limits within a second.
HOSTILE: dict[str, tuple[str, Callable[[], bytes], str, str]] = {
    "xfd-cel": ("xfd.xlsx", xfd_cell, "organisaties:1048576:-:", "meer dan 1.000.000 rijen"),
    "xfd-zonder-dimensie": (
        "xfd2.xlsx",
        xfd_cell_without_dimension,
        "organisaties:1:XFD:",
        "meer dan 100 kolommen",
    ),
    "zipbom-csv": ("bom.zip", zip_bomb_csv, "organisaties.csv:1:-:", "uitgepakt meer dan"),
    "miljard-rijen": (
        "miljard.xlsx",
        billion_rows,
        "xl/worksheets/sheet1.xml:1:-:",
        "uitgepakt meer dan",
    ),
    "enorm-rijnummer": (
        "rijnummer.xlsx",
        huge_row_number,
        "organisaties:1000000000:-:",
        "meer dan 1.000.000 rijen",
    ),
    "witruimte": (
        "wit.xlsx",
        whitespace_in_sheet_data,
        "xl/worksheets/sheet1.xml:1:-:",
        "uitgepakt meer dan",
    ),
    "miljoen-kolommen": (
        "kolommen.zip",
        million_columns,
        "organisaties:1:CW:",
        "meer dan 100 kolommen",
    ),
    "brede-kop": ("breed.xlsx", wide_workbook, "organisaties:1:CW:", "meer dan 100 kolommen"),
    "lange-cel": ("cel.xlsx", long_cell_workbook, "organisaties:1:A:", "langer dan 32.767 tekens"),
    "lange-cel-csv": ("cel.zip", long_cell_csv, "organisaties:2:-:", "langer dan"),
    "lange-gedeelde-tekst": (
        "gedeeld.xlsx",
        long_shared_string,
        "xl/sharedStrings.xml:1:-:",
        "langer dan 32.767 tekens",
    ),
    "gedeelde-tekstbom": (
        "tekstbom.xlsx",
        shared_strings_bomb,
        "xl/worksheets/sheet1.xml:1:-:",
        "keer zo groot",
    ),
    "enorme-dimensie": (
        "dimensie.xlsx",
        huge_dimension,
        "organisaties:1048576:-:",
        "meer dan 1.000.000 rijen",
    ),
    "zip-in-zip": ("genest.zip", nested_zip, "binnen.zip:1:-:", "zip in de zip"),
    "veel-bestanden": ("veel.zip", many_entries, "veel.zip:1:-:", "1.001 bestanden"),
    "liegende-map": ("map.zip", lying_directory, "map.zip:1:-:", "bestanden of meer"),
    "pad-buiten-map": ("pad.zip", path_traversal, "../../organisaties.csv:1:-:", "onveilige"),
    "nul-teken": ("nul.zip", nul_in_csv, "organisaties:2:naam:", "NUL-teken"),
    "wachtwoord": ("geheim.zip", encrypted, "organisaties.csv:1:-:", "wachtwoord"),
    "entiteiten": ("lach.xlsx", entity_expansion, "organisaties:1:-:", "documenttype"),
    "diep-genest": ("diep.xlsx", deep_nesting, "organisaties:1:-:", "beschadigd"),
}
# The worst of them, as reproduced (issue 18): aborted the process, or took gigabytes, or
# answered with a page of a million errors.
WORST = ["xfd-cel", "zipbom-csv", "miljard-rijen", "witruimte", "miljoen-kolommen"]


@cache
def hostile(name: str) -> tuple[str, bytes]:
    """(file name, contents) of one hostile file; made once per test process."""
    filename, make, _, _ = HOSTILE[name]
    return filename, make()
