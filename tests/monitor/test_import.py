"""Import of quarterly figures: located errors and nothing written, or every row written."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.monitor.importing import import_kwartaalcijfers, read_sheet
from binnenwerk.monitor.models import Kwartaalcijfer
from binnenwerk.organisation.services import organisatie_create
from tests.imports.hostile import HOSTILE, hostile

HEADER = "ministerie,jaar,kwartaal,formeel_excl_binnenwerk,inleen\n"


@pytest.fixture
def ministries():
    bzk = organisatie_create(actor=None, code="BZK", naam="BZK", soort="ministerie")
    organisatie_create(actor=None, code="JenV", naam="JenV", soort="ministerie")
    return bzk


def run(text: str, dry_run: bool = False):
    sheet = read_sheet("cijfers.csv", text.encode())
    return import_kwartaalcijfers(actor=None, sheet=sheet, dry_run=dry_run)


def test_a_good_sheet_is_written_and_a_second_import_changes_nothing(ministries):
    report = run(HEADER + 'BZK,2023,4,"260,2",5.1\njenv,2023,Q4,525.9,53.7\n')
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    figure = Kwartaalcijfer.objects.get(organisatie__code="BZK")
    assert figure.formeel_excl_binnenwerk == Decimal("260.2")
    assert Kwartaalcijfer.objects.get(organisatie__code="JenV").kwartaal == 4
    again = run(HEADER + "BZK,2023,4,260.2,5.1\nJenV,2023,4,525.9,53.8\n")
    assert (again.created, again.updated, again.unchanged) == (0, 1, 1)


def test_a_dry_run_writes_nothing(ministries):
    report = run(HEADER + "BZK,2023,4,260.2,5.1\n", dry_run=True)
    assert report.created == 1 and "niets opgeslagen" in report.summary()
    assert not Kwartaalcijfer.objects.exists()


@pytest.mark.parametrize(
    "rows, expected",
    [
        ("XYZ,2023,4,1,1", "3:ministerie: onbekende organisatie 'XYZ'"),
        ("BZK,2023,5,1,1", "3:kwartaal: '5' is geen kwartaal: gebruik 1 tot en met 4"),
        ("BZK,2023,4,-1,1", "3:formeel_excl_binnenwerk: '-1' is negatief"),
        ("BZK,2023,4,veel,1", "3:formeel_excl_binnenwerk: 'veel' is geen getal"),
        ("BZK,2023,4,1,", "3:inleen: verplicht veld is leeg"),
        ("BZK,1999,4,1,1", "3:jaar: jaar 1999 ligt buiten 2015–2099"),
        (
            "BZK,2023,4,1.123456,1",
            "3:formeel_excl_binnenwerk: '1.123456' heeft meer dan 4 decimalen",
        ),
        ("BZK,2023,4,1,1\nBZK,2023,4,2,2", "4:ministerie: komt al voor op rij 3"),
    ],
)
def test_a_broken_sheet_is_refused_located_and_nothing_is_written(ministries, rows, expected):
    """A good row first: it is not written either when a later row is wrong."""
    with pytest.raises(ImportFailed) as failure:
        run(HEADER + "JenV,2023,4,525.9,53.7\n" + rows + "\n")
    assert [str(e) for e in failure.value.errors] == [f"kwartaalcijfers:{expected}"]
    assert not Kwartaalcijfer.objects.exists()


def test_unknown_and_missing_columns_are_named(ministries):
    with pytest.raises(ImportFailed) as failure:
        run("ministerie,jaar,kwartaal,formeel,inleen\nBZK,2023,4,1,1\n")
    messages = [str(e) for e in failure.value.errors]
    assert (
        "kwartaalcijfers:1:formeel: onbekende kolom; toegestaan zijn: "
        "ministerie, jaar, kwartaal, formeel_excl_binnenwerk, inleen" in messages
    )
    assert "kwartaalcijfers:1:formeel_excl_binnenwerk: verplichte kolom ontbreekt" in messages


def test_an_xlsx_sheet_is_read_like_csv(ministries):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Kwartaalcijfers"
    sheet.append(["Ministerie", "Jaar", "Kwartaal", "formeel_excl_binnenwerk", "inleen"])
    sheet.append(["BZK", 2023, 4, 260.2, 5.1])
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = import_kwartaalcijfers(actor=None, sheet=read_sheet("c.xlsx", buffer.getvalue()))
    assert report.created == 1


def test_the_command_line_prints_located_errors_and_refuses(ministries, tmp_path, capsys):
    path = tmp_path / "cijfers.csv"
    path.write_text(HEADER + "BZK,2023,4,1,1\nXYZ,2023,4,1,1\n", encoding="utf-8")
    with pytest.raises(CommandError, match="1 fout; er is niets opgeslagen"):
        call_command("monitor_import", str(path))
    assert "kwartaalcijfers:3:ministerie: onbekende organisatie 'XYZ'" in capsys.readouterr().err
    assert not Kwartaalcijfer.objects.exists()
    path.write_text(HEADER + "BZK,2023,4,1,1\n", encoding="utf-8")
    call_command("monitor_import", str(path))
    assert "1 aangemaakt" in capsys.readouterr().out


# --- hostile uploads (issue 18): the monitor's import uses the same bounded reader -------------

MONITOR_HOSTILE = [
    name for name, (filename, *_rest) in HOSTILE.items() if filename.endswith(".xlsx")
]
# Where the monitor's tighter limits (10,000 rows, 64 MB unpacked) refuse first.
MONITOR_WORDS = {
    "xfd-cel": "meer dan 10.000 rijen",
    "enorm-rijnummer": "meer dan 10.000 rijen",
    "enorme-dimensie": "meer dan 10.000 rijen",
    "gedeelde-tekstbom": "uitgepakt meer dan 64,0 MB",
}


def expected(name: str) -> tuple[str, str]:
    _, _, where, words = HOSTILE[name]
    return where, MONITOR_WORDS.get(name, words)


def _as_csv(name: str) -> tuple[str, bytes]:
    """A hostile .zip of one CSV file as the plain .csv the monitor takes."""
    _, content = hostile(name)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "cijfers.csv", archive.read(archive.infolist()[0])


@pytest.mark.parametrize("name", MONITOR_HOSTILE)
def test_a_hostile_workbook_is_refused_located(name):
    filename, content = hostile(name)
    where, words = expected(name)
    with pytest.raises(ImportFailed) as failure:
        read_sheet(filename, content)
    line = failure.value.listed[0]
    if len(content) > 1024 * 1024:  # beyond the monitor's upload limit: refused unread
        assert line.startswith(f"{filename}:1:-: het bestand is ") and "1,0 MB" in line
    else:
        assert line.startswith(where) and words in line


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("nul-teken", "cijfers:2:naam:", "NUL-teken"),
        ("miljoen-kolommen", "cijfers.csv:1:-:", "het bestand is"),
        ("lange-cel-csv", "cijfers.csv:1:-:", "het bestand is"),
    ],
)
def test_a_hostile_csv_file_is_refused_located(name, where, words):
    filename, content = _as_csv(name)
    with pytest.raises(ImportFailed) as failure:
        read_sheet(filename, content)
    assert failure.value.listed[0].startswith(where) and words in failure.value.listed[0]


def test_the_monitor_reads_far_fewer_rows_than_the_main_import():
    rows = "".join(f"BZK,2023,{i % 4 + 1},1,1\n" for i in range(10_001))
    with pytest.raises(ImportFailed) as failure:
        read_sheet("cijfers.csv", (HEADER + rows).encode())
    assert failure.value.listed == ["cijfers:10001:-: het werkblad heeft meer dan 10.000 rijen"]


@pytest.fixture
def coordinator(client):
    client.force_login(account_set(actor=None, username="m", roles=[Rol.MONITOR]))
    return client


@pytest.mark.parametrize("name", ["xfd-cel", "miljard-rijen", "brede-kop", "entiteiten"])
def test_a_coordinator_uploading_a_hostile_workbook_gets_a_refusal(coordinator, name):
    filename, content = hostile(name)
    response = coordinator.post(
        "/monitor/invoer/import/", {"bestand": SimpleUploadedFile(filename, content)}
    )
    body = response.content.decode()
    if len(content) > 1024 * 1024:  # refused before it is read, by the size the request declares
        assert response.status_code == 413 and "Het bestand is groter dan 1,0 MB" in body
    else:
        where, words = expected(name)
        assert response.status_code == 200
        assert "Het bestand is geweigerd: 1 fout." in body and f"<code>{where}" in body
        assert words in body
    assert len(body) < 50_000
    assert not Kwartaalcijfer.objects.exists()
    assert "monitor_upload" not in coordinator.session


@pytest.mark.parametrize(
    ("name", "where", "words"),
    [
        ("pad-buiten-map", "../../organisaties.csv:1:-:", "onveilige bestandsnaam"),
        ("wachtwoord", "organisaties.csv:1:-:", "wachtwoord"),
        ("veel-bestanden", "cijfers.xlsx:1:-:", "1.001 bestanden"),
        ("liegende-map", "cijfers.xlsx:1:-:", "ten hoogste 1,0 MB"),  # over the upload limit
    ],
)
def test_a_hostile_zip_sent_as_a_workbook_is_refused_located(name, where, words):
    _, content = hostile(name)
    with pytest.raises(ImportFailed) as failure:
        read_sheet("cijfers.xlsx", content)
    assert failure.value.listed[0].startswith(where) and words in failure.value.listed[0]
