"""Import of quarterly figures: located errors and nothing written, or every row written."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.monitor.importing import import_kwartaalcijfers, read_sheet
from binnenwerk.monitor.models import Kwartaalcijfer
from binnenwerk.organisation.services import organisatie_create

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
