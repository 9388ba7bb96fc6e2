import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command
from django.core.management.base import CommandError

from binnenwerk.imports.dataset import ImportFailed
from binnenwerk.imports.exporters import export_path
from binnenwerk.imports.readers import read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.jobs.selectors import banen
from binnenwerk.organisation.models import Organisatie, TeamRol
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from tests.imports.conftest import write_csv, write_xlsx


def load(path: Path, dry_run: bool = False):
    return import_dataset(actor=None, dataset=read_path(path), dry_run=dry_run)


def snapshot() -> list:
    return [
        sorted(Organisatie.objects.values_list("code", "naam", "soort", "hoort_bij__code")),
        sorted(
            Medewerker.objects.values_list(
                "personeelsnummer", "bsn", "doelgroepindicatie", "werkgever__code", "geboortedatum"
            )
        ),
        sorted(
            Dienstverband.objects.values_list(
                "medewerker__personeelsnummer", "start", "einde", "uren_per_week", "soort"
            )
        ),
        sorted(
            Plaatsing.objects.values_list(
                "medewerker__personeelsnummer",
                "team__code",
                "opdrachtgever__code",
                "start",
                "einde",
            )
        ),
        sorted(
            TeamRol.objects.values_list(
                "team__code", "rol", "medewerker__personeelsnummer", "start", "einde"
            )
        ),
    ]


@pytest.mark.parametrize("form", ["csv_comma", "csv_semicolon", "xlsx"])
def test_each_form_imports_to_the_same_state(form, request, csv_comma):
    report = load(request.getfixturevalue(form))
    assert report.sheets["medewerkers"].created == 6
    state = snapshot()
    assert state[2][2] == ("101", dt.date(2021, 6, 1), None, Decimal("18.75"), "bepaald")
    assert ("IND", "Immigratie- en Naturalisatiedienst", "uitvoeringsorganisatie", "JenV") in state[
        0
    ]
    # Team roles come from the teams sheet's shorthand: one period over the team's life.
    assert state[4] == [
        ("BOS-1", "jobcoach", "901", dt.date(2020, 1, 1), None),
        ("BOS-1", "leidinggevende", "900", dt.date(2020, 1, 1), None),
    ]


def test_imported_organisation_counts_as_expected(csv_comma):
    load(csv_comma)
    result = banen(dt.date(2021, 12, 31), per="opdrachtgever")
    # 30 h (100, BZK) + 18.75 h (101, IND) + 24 h (102 at the RSO, BZK); 103 has no indication.
    assert result.groepen == {
        "BZK": Decimal(54) / Decimal("25.5"),
        "IND": Decimal("18.75") / Decimal("25.5"),
    }
    assert result.medewerkers_binnenwerk == 2


def test_reimport_changes_nothing_and_writes_no_audit(csv_comma):
    load(csv_comma)
    entries = LogEntry.objects.count()
    report = load(csv_comma)
    assert report.created_total == report.updated_total == 0
    assert report.unchanged_total > 0
    assert LogEntry.objects.count() == entries


def test_import_is_audited_without_the_bsn(csv_comma):
    load(csv_comma)
    person = Medewerker.objects.get(personeelsnummer="100")
    entry = LogEntry.objects.get_for_object(person).get()
    assert entry.action == LogEntry.Action.CREATE
    assert "111222333" not in str(entry.changes) + entry.object_repr


def test_changed_row_is_an_update(tmp_path, sheets, csv_comma):
    load(csv_comma)
    sheets["dienstverbanden"][3][3] = "20"
    report = load(write_csv(tmp_path / "v2", sheets))
    assert report.sheets["dienstverbanden"].updated == 1
    assert Dienstverband.objects.get(medewerker__personeelsnummer="101").uren_per_week == 20


def test_dry_run_reports_and_writes_nothing(csv_comma):
    report = load(csv_comma, dry_run=True)
    assert report.sheets["dienstverbanden"].created == 5
    assert "niets opgeslagen" in report.summary()
    assert Medewerker.objects.count() == 0 and LogEntry.objects.count() == 0


BROKEN = [
    (
        "dienstverbanden",
        1,
        {"einde": "2021-06-30"},
        "dienstverbanden:3:start: dienstverband 01-02-2021 t/m open einde overlapt",
    ),
    ("plaatsingen", 2, {"team": "GEEN"}, "plaatsingen:3:team: onbekend team 'GEEN'"),
    ("medewerkers", 1, {"bsn": "123456789"}, "medewerkers:2:bsn: BSN is ongeldig"),
    ("dienstverbanden", 3, {"start": "31-02-2021"}, "dienstverbanden:4:start: ongeldige datum"),
    ("dienstverbanden", 3, {"uren_per_week": "40.5"}, "dienstverbanden:4:uren_per_week:"),
    ("dienstverbanden", 3, {"uren_per_week": "0"}, "dienstverbanden:4:uren_per_week:"),
    (
        "plaatsingen",
        3,
        {"start": "2021-01-01"},
        "plaatsingen:4:start: plaatsing 01-01-2021 t/m 31-12-2024 valt buiten de looptijd",
    ),
    (
        "plaatsingen",
        1,
        {"einde": "2019-12-31"},
        "plaatsingen:2:einde: einde (31-12-2019) ligt vóór",
    ),
    ("organisaties", 1, {"hoort_bij": "XYZ"}, "organisaties:2:hoort_bij: onbekende organisatie"),
    (
        "organisaties",
        2,
        {"hoort_bij": "IND"},
        "organisaties:3:hoort_bij: hoort_bij maakt een kring",
    ),
    ("medewerkers", 2, {"doelgroepindicatie": ""}, "medewerkers:3:doelgroepindicatie: verplicht"),
    ("locaties", 1, {"provincie": "Holland"}, "locaties:2:provincie: 'Holland' is geen van de 12"),
]


@pytest.mark.parametrize(("sheet", "row", "changes", "expected"), BROKEN)
def test_broken_file_is_refused_located_and_changes_nothing(
    tmp_path, sheets, sheet, row, changes, expected
):
    header = sheets[sheet][0]
    for column, value in changes.items():
        sheets[sheet][row][header.index(column)] = value
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "kapot", sheets))
    messages = [str(e) for e in failure.value.errors]
    assert any(m.startswith(expected) for m in messages), messages
    assert Medewerker.objects.count() == 0 and LogEntry.objects.count() == 0


def test_bsn_never_appears_in_an_error(tmp_path, sheets):
    sheets["medewerkers"][1][4] = "123456789"
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "kapot", sheets))
    assert "123456789" not in " ".join(str(e) for e in failure.value.errors)


def test_unknown_and_missing_columns(tmp_path, sheets):
    sheets["teams"][0][5] = "capacitiet"
    sheets["werksoorten"] = [
        [c for c in r if c != "naam"] for r in [["code", "naam"], ["BOS", "Bos"]]
    ]
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "kapot", sheets))
    messages = [str(e) for e in failure.value.errors]
    assert "werksoorten:1:naam: verplichte kolom ontbreekt" in messages
    assert any(m.startswith("teams:1:capacitiet: onbekende kolom") for m in messages)


def test_all_errors_are_reported_in_sheet_order(tmp_path, sheets):
    sheets["plaatsingen"][1][1] = "GEEN"
    sheets["medewerkers"][2][5] = "misschien"
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "kapot", sheets))
    messages = [str(e) for e in failure.value.errors]
    assert messages[0].startswith("medewerkers:3:doelgroepindicatie")
    assert messages[-1].startswith("plaatsingen:2:team")


def test_overlap_with_a_contract_already_in_the_database(tmp_path, sheets, csv_comma):
    load(csv_comma)
    later = {"dienstverbanden": [sheets["dienstverbanden"][0], ["101", "2022-01-01", "", "20", ""]]}
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "later", later))
    assert str(failure.value.errors[0]).startswith(
        "dienstverbanden:2:start: dienstverband 01-01-2022"
    )


def test_change_of_supervisor_needs_a_dated_team_role(tmp_path, sheets, csv_comma):
    load(csv_comma)
    teams = [sheets["teams"][0], [*sheets["teams"][1][:8], "901", "901"]]
    with pytest.raises(ImportFailed) as failure:
        load(write_csv(tmp_path / "wissel", {"teams": teams}))
    assert "een wissel vraagt een regel in teamrollen" in str(failure.value.errors[0])
    roles = {
        "teams": teams,
        "teamrollen": [
            ["team", "rol", "personeelsnummer", "start", "einde"],
            ["BOS-1", "leidinggevende", "900", "2020-01-01", "2022-03-31"],
            ["BOS-1", "leidinggevende", "901", "2022-04-01", ""],
        ],
    }
    load(write_csv(tmp_path / "wissel2", roles))
    holders = TeamRol.objects.filter(rol="leidinggevende").order_by("start")
    assert [(r.medewerker.personeelsnummer, r.einde) for r in holders] == [
        ("900", dt.date(2022, 3, 31)),
        ("901", None),
    ]


@pytest.mark.parametrize("target", ["uitvoer", "uitvoer.xlsx"])
def test_export_import_export_is_byte_identical(tmp_path, xlsx, target):
    load(xlsx)
    first = tmp_path / "een" / target
    export_path(first)
    Plaatsing.objects.all().delete()
    Dienstverband.objects.all().delete()
    TeamRol.objects.all().delete()
    for model in (Medewerker,):
        model.objects.all().delete()
    from binnenwerk.organisation.models import Locatie, Team, Werksoort

    Team.objects.all().delete()
    Organisatie.objects.filter(hoort_bij__isnull=False).delete()
    for model in (Organisatie, Werksoort, Locatie):
        model.objects.all().delete()
    load(first)
    second = tmp_path / "twee" / target
    export_path(second)
    if target.endswith(".xlsx"):
        assert first.read_bytes() == second.read_bytes()
    else:
        for file in sorted(first.iterdir()):
            assert file.read_bytes() == (second / file.name).read_bytes(), file.name


def test_command_exit_codes_and_messages(tmp_path, sheets, csv_comma, capsys):
    call_command("importeren", str(csv_comma), "--dry-run")
    assert "Proefimport" in capsys.readouterr().out
    sheets["dienstverbanden"][1][3] = "0"
    with pytest.raises(CommandError) as failure:
        call_command("importeren", str(write_csv(tmp_path / "kapot", sheets)))
    assert failure.value.returncode == 1
    assert "dienstverbanden:2:uren_per_week" in capsys.readouterr().err
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("importeren", str(tmp_path / "nergens"))


def test_console_script_exits_non_zero_on_a_broken_file(tmp_path, sheets):
    sheets["plaatsingen"][1][1] = "GEEN"
    folder = write_csv(tmp_path / "kapot", sheets)
    database = tmp_path / "cli.sqlite3"
    env = {"DATABASE_URL": f"sqlite:///{database}", "PATH": "/usr/bin:/bin"}
    binnenwerk = Path(sys.executable).parent / "binnenwerk"
    subprocess.run([binnenwerk, "migrate", "-v0"], env=env, check=True)
    result = subprocess.run([binnenwerk, "import", folder], env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "plaatsingen:2:team: onbekend team 'GEEN'" in result.stderr
    assert "er is niets gewijzigd" in result.stderr


def test_xlsx_with_unknown_nonempty_sheet_is_refused(tmp_path, sheets):
    sheets["vakanties"] = [["naam"], ["zomer"]]
    with pytest.raises(ImportFailed) as failure:
        load(write_xlsx(tmp_path / "extra.xlsx", sheets))
    assert str(failure.value.errors[0]).startswith("Vakanties:1:-: onbekend tabblad")
