"""The bounded reader (issue 18): every hostile upload is refused by `binnenwerk import` with a
located Dutch message (`sheet:row:column: message`) and nothing is written; the limits are
settings; the worst files, in a process held to 1 GiB of memory and 30 s of CPU, end by
themselves with exit code 1 (before, one aborted the process and others took gigabytes)."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from binnenwerk.imports.dataset import ImportFailed, RowError
from binnenwerk.imports.readers import read_xlsx, read_zip
from binnenwerk.organisation.models import Organisatie
from binnenwerk.people.models import Medewerker
from tests.imports.hostile import (
    HOSTILE,
    MAIN,
    WORST,
    deflated,
    hostile,
    rows_without_numbers,
    shared_strings_bomb,
    sheet_xml,
    too_many_rows_csv,
    workbook,
    zip_bytes,
)

ROOT = Path(__file__).resolve().parents[2]


def written() -> tuple[int, int, int]:
    return Organisatie.objects.count(), Medewerker.objects.count(), LogEntry.objects.count()


def refusal(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The import command's refusal of the file: its error lines (stderr)."""
    with pytest.raises(CommandError, match="Import geweigerd") as refused:
        call_command("importeren", str(path))
    assert refused.value.returncode == 1
    return capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_the_import_command_refuses_each_hostile_file_located(name, tmp_path, capsys):
    filename, content = hostile(name)
    path = tmp_path / filename
    path.write_bytes(content)
    _, _, where, words = HOSTILE[name]
    before = written()
    lines = refusal(path, capsys)
    assert lines[0].startswith(where), lines[0]
    assert words in lines[0], lines[0]
    assert written() == before


@pytest.mark.parametrize(
    ("filename", "make", "limits", "where", "words"),
    [
        (
            "rijen.xlsx",
            lambda: rows_without_numbers(1001),
            {"IMPORT_MAX_ROWS": 1000},
            "organisaties:1001:-:",
            "meer dan 1.000 rijen",
        ),
        (
            "rijen.zip",
            lambda: too_many_rows_csv(1001),
            {"IMPORT_MAX_ROWS": 1000},
            "organisaties:1001:-:",
            "meer dan 1.000 rijen",
        ),
        (
            "tekstbom.xlsx",
            lambda: shared_strings_bomb(2000),
            {"IMPORT_MAX_CELLS": 50_000, "IMPORT_MAX_ZIP_RATIO": 10**6},
            "organisaties:1001:-:",
            "meer dan 50.000 cellen",
        ),
        (
            "elementen.xlsx",
            lambda: workbook(
                [
                    (
                        "organisaties",
                        sheet_xml('<row r="1"><c r="A1">' + "<x/>" * 4000 + "</c></row>"),
                    )
                ]
            ),
            {"IMPORT_MAX_CELLS": 1000},
            "organisaties:1:-:",
            "meer dan 1.000 cellen",
        ),
        (
            "groot.zip",
            lambda: zip_bytes([deflated("organisaties.csv", b"code,naam\r\n" + b"x" * 5000)]),
            {"IMPORT_MAX_UPLOAD_BYTES": 100},
            "groot.zip:1:-:",
            "ten hoogste 100 bytes",
        ),
    ],
)
def test_the_streaming_checks_refuse_at_the_configured_limits(
    settings, tmp_path, capsys, filename, make, limits, where, words
):
    """Rows and cells are counted as they are read (rows without a number too), against limits
    that are settings (lowered here, so that the files stay small)."""
    for name, value in limits.items():
        setattr(settings, name, value)
    path = tmp_path / filename
    path.write_bytes(make())
    lines = refusal(path, capsys)
    assert lines[0].startswith(where), lines[0]
    assert words in lines[0], lines[0]
    assert written() == (0, 0, 0)


def test_the_worst_files_end_by_themselves_in_a_bounded_process(tmp_path):
    """1 GiB of address space and 30 s of CPU: the workbook with a cell at XFD1048576 (it
    aborted the process), the 2 GB zipped CSV, a billion rows, 1.2 GB of whitespace and a
    header of a million columns are each refused with exit code 1 and a Dutch message."""
    paths = []
    for name in WORST:
        filename, content = hostile(name)
        paths.append(tmp_path / filename)
        paths[-1].write_bytes(content)

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        resource.setrlimit(resource.RLIMIT_CPU, (30, 30))

    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.imports.import_each", *map(str, paths)],
        cwd=ROOT,
        env=env,
        preexec_fn=bounded,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]  # not killed (SIGKILL, SIGXCPU, SIGABRT)
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [Path(r["path"]).name for r in results] == [p.name for p in paths]
    for name, result in zip(WORST, results, strict=True):
        _, _, where, words = HOSTILE[name]
        assert result["exit"] == 1, result
        assert result["message"].startswith("Import geweigerd: 1 fout"), result
        assert result["errors"].startswith(where) and words in result["errors"], result


def test_many_errors_are_listed_as_the_first_ones_and_a_count(settings, tmp_path, capsys):
    settings.IMPORT_ERRORS_LISTED = 3
    rows = b"".join(b"C%d,Naam,geen-soort\r\n" % i for i in range(12_345))
    path = tmp_path / "fouten.zip"
    path.write_bytes(zip_bytes([deflated("organisaties.csv", b"code,naam,soort\r\n" + rows)]))
    with pytest.raises(CommandError, match="Import geweigerd: 12345 fout"):
        call_command("importeren", str(path))
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 4
    assert lines[0].startswith("organisaties:2:soort: 'geen-soort' is niet toegestaan")
    assert lines[3] == "… en nog 12.342 fouten"


def test_a_message_never_echoes_a_long_value_whole():
    line = str(RowError(0, 2, "organisaties", "naam", "'" + "x" * 100_000 + "' is fout"))
    assert len(line) < 500 and line.endswith("…")


def test_a_failure_lists_all_errors_for_programs_and_a_bounded_list_for_people(settings):
    settings.IMPORT_ERRORS_LISTED = 2
    failure = ImportFailed([RowError(0, row, "organisaties", "code", "fout") for row in (3, 2, 4)])
    assert [e.row for e in failure.errors] == [2, 3, 4]
    assert failure.listed == [
        "organisaties:2:code: fout",
        "organisaties:3:code: fout",
        "… en nog 1 fout",
    ]


# --- the reader reads what a spreadsheet program writes ----------------------------------------


def test_a_workbook_is_read_cell_by_cell_as_typed():
    """Shared and inline strings, rich text (its phonetic guide left out), numbers, dates (a
    built-in and a custom date format), booleans, ISO dates, Excel's _xHHHH_ escapes, cells
    without references, and a row without a number that takes its first cell's."""
    shared = (
        f'<sst xmlns="{MAIN}"><si><t>code</t></si><si><r><t>na</t></r><r><t>am</t></r>'
        "<rPh><t>ナ</t></rPh></si><si><t>soort</t></si></sst>"
    ).encode()
    styles = (
        f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>'
        '</numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
        "</cellXfs></styleSheet>"
    ).encode()
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c><c t="inlineStr"><is><t>datum</t></is></c>'
        '<c t="inlineStr"><is><t>ja</t></is></c><c><v>1</v></c></row>'
        '<row r="3"><c r="A3"><v>1001</v></c><c r="B3" t="inlineStr"><is><t>Zee_x000D_'
        '&amp; land</t></is></c><c r="C3" t="str"><v>partner</v></c><c r="D3" s="1">'
        '<v>45000</v></c><c r="E3" t="b"><v>1</v></c></row>'
        '<row><c r="A5" s="2"><v>45001</v></c><c r="D5" t="d"><v>2023-03-17</v></c></row>'
    )
    book = workbook([("Organisaties", sheet_xml(rows))], shared=shared)
    book = _with_styles(book, styles)
    sheet = read_xlsx(book)["organisaties"]
    assert sheet.columns == ["code", "naam", "soort", "datum", "ja", "1.0"]
    assert sheet.rows == [
        (
            3,
            {
                "code": 1001.0,
                "naam": "Zee\r& land",
                "soort": "partner",
                "datum": dt.date(2023, 3, 15),
                "ja": True,
            },
        ),
        (5, {"code": dt.date(2023, 3, 16), "datum": dt.date(2023, 3, 17)}),
    ]


def _with_styles(book: bytes, styles: bytes) -> bytes:
    """The workbook with a styles part (and its relationship) added."""
    members = []
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                    b"</Relationships>",
                )
            members.append(deflated(info.filename, data))
    members.append(deflated("xl/styles.xml", styles))
    return zip_bytes(members)


@pytest.mark.parametrize(
    ("rows", "where"),
    [
        ('<row r="2"/><row r="1"/>', "organisaties:1:-: de werkmap is beschadigd"),
        ('<row r="2"><c r="A7"><v>1</v></c></row>', "organisaties:2:A: de werkmap is beschadigd"),
        ('<row r="1"><c r="a1"><v>1</v></c></row>', "organisaties:1:-: de werkmap is beschadigd"),
        ('<row r="1"><c r="A1" t="s"><v>9</v></c></row>', "organisaties:1:A: de werkmap"),
        ('<row r="1"><c r="A1"><c r="B1"/></c></row>', "organisaties:1:-: de werkmap"),
        (
            '<row r="1"><c r="A1"><v>1</c>',
            "organisaties:1:-: de werkmap is beschadigd: een XML-fout",
        ),
    ],
)
def test_a_damaged_sheet_is_refused_at_its_row(rows, where):
    with pytest.raises(ImportFailed) as failure:
        read_xlsx(workbook([("organisaties", sheet_xml(rows))]))
    assert str(failure.value.errors[0]).startswith(where)


def test_a_csv_file_streams_with_its_own_dialect():
    content = zip_bytes(
        [
            deflated(
                "Organisaties.csv",
                '\ufeffCode;Naam;Soort\r\nA;"Twee\r\nregels";\'=1+1\r\n;;\r\nB;Één;x\r\n'.encode(),
            )
        ]
    )
    sheet = read_zip(content)["organisaties"]
    assert sheet.columns == ["code", "naam", "soort"]
    assert sheet.rows == [
        (2, {"code": "A", "naam": "Twee\r\nregels", "soort": "=1+1"}),
        (4, {"code": "B", "naam": "Één", "soort": "x"}),
    ]
