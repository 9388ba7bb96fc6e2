"""Table 1 of the letter to parliament for 2023Q4, computed from the demo organisation.

The expectations are the published table (seed 003); the Binnenwerk column comes from
the job counter, the rest from the demo's entered targets and quarterly figures.
"""

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from binnenwerk.jobs.constants import Per
from binnenwerk.jobs.selectors import banen
from binnenwerk.monitor import presenters
from binnenwerk.monitor.quarters import Kwartaal
from binnenwerk.monitor.selectors import ministry_of, tabel1
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people.models import Plaatsing
from binnenwerk.people.services import plaatsing_move

Q4 = Kwartaal(2023, 4)
# Ministerie: Doel, Formeel excl. Binnenwerk, Binnenwerk, Inleen, Totaal, Realisatie %
PUBLISHED = {
    "AZ": ["19", "7", "5", "0", "11", "60%"],
    "BZ": ["132", "52", "44", "4", "99", "75%"],
    "BZK": ["507", "260", "202", "5", "467", "92%"],
    "EZK": ["407", "215", "120", "1", "336", "83%"],
    "Fin": ["1.410", "1.040", "62", "310", "1.413", "100%"],
    "IenW": ["586", "360", "3", "1", "364", "62%"],
    "JenV": ["927", "526", "217", "54", "797", "86%"],
    "LNV": ["160", "115", "51", "0", "166", "104%"],
    "OCW": ["231", "161", "57", "0", "218", "95%"],
    "SZW": ["185", "194", "17", "0", "211", "114%"],
    "VWS": ["249", "83", "82", "28", "192", "77%"],
    "HCvS": ["72", "50", "11", "6", "66", "92%"],
    "Rechtspraak": ["344", "135", "0", "41", "176", "51%"],
    "Totaal Rijk": ["5.637", "3.196", "870", "450", "4.517", "80%"],
}


@pytest.fixture(scope="module")
def demo(demo_org):
    return demo_org


def exact(value):
    """Jobs to 12 decimals: hours ÷ 25.5 summed per ministry differ in the 25th decimal."""
    return value.quantize(Decimal("1e-12"))


def shown(table):
    rows = {presenters.label(r): presenters.shown_cells(r) for r in table.rijen}
    rows[presenters.label(table.totaal)] = presenters.shown_cells(table.totaal)
    return rows


def test_the_demo_reproduces_the_published_table_cell_for_cell(demo):
    assert shown(tabel1(Q4)) == PUBLISHED


def test_the_rijk_target_includes_the_unallocated_409(demo):
    table = tabel1(Q4)
    assert [presenters.shown("doel", n.doel) for n in table.niet_belegd] == ["409"]
    assert (
        table.totaal.doel == sum(r.doel for r in table.rijen if r.doel) + table.niet_belegd[0].doel
    )


def test_the_binnenwerk_column_is_the_counter_per_funding_ministry(demo):
    counted = banen(Q4.last_day, per=Per.OPDRACHTGEVER)
    tops = ministry_of()
    expected: dict[str, object] = {}
    for code, jobs in counted.groepen.items():
        top = tops[code].code
        expected[top] = expected.get(top, 0) + jobs
    table = tabel1(Q4)
    assert {r.code: exact(r.binnenwerk) for r in table.rijen if r.binnenwerk} == {
        code: exact(jobs) for code, jobs in expected.items()
    }
    assert table.totaal.binnenwerk == counted.totaal


def test_an_agency_rolls_up_to_its_ministry(demo):
    """Jobs funded by the IND (under JenV) count in JenV's row."""
    before = tabel1(Q4)
    person = Plaatsing.objects.filter(
        opdrachtgever__code="BZK", start__lte=Q4.last_day, einde__isnull=True
    ).first()
    plaatsing_move(
        actor=None,
        medewerker=person.medewerker,
        vanaf=dt.date(2023, 12, 1),
        team=person.team,
        opdrachtgever=Organisatie.objects.get(code="IND"),
    )
    after = tabel1(Q4)
    row = {r.code: r for r in after.rijen}
    old = {r.code: r for r in before.rijen}
    moved = old["BZK"].binnenwerk - row["BZK"].binnenwerk
    assert moved > 0
    assert exact(row["JenV"].binnenwerk - old["JenV"].binnenwerk) == exact(moved)
    assert "IND" not in row
    assert after.totaal.binnenwerk == before.totaal.binnenwerk


def test_a_changed_placement_changes_the_binnenwerk_column(demo):
    before = {r.code: r.binnenwerk for r in tabel1(Q4).rijen}
    placement = Plaatsing.objects.filter(
        opdrachtgever__code="VWS", start__lte=dt.date(2023, 10, 1), einde__isnull=True
    ).first()
    plaatsing_move(
        actor=None,
        medewerker=placement.medewerker,
        vanaf=dt.date(2023, 11, 1),
        team=Team.objects.get(code=placement.team.code),
        opdrachtgever=Organisatie.objects.get(code="AZ"),
    )
    after = {r.code: r.binnenwerk for r in tabel1(Q4).rijen}
    assert after["VWS"] < before["VWS"] and after["AZ"] > before["AZ"]
    assert exact(after["AZ"] - before["AZ"]) == exact(before["VWS"] - after["VWS"])


def test_the_command_line_gives_the_json_of_the_issue(demo, capsys):
    call_command("monitor", kwartaal="2023Q4", format="json")
    data = json.loads(capsys.readouterr().out)
    bzk = next(r for r in data["rijen"] if r["organisatie"] == "BZK")
    assert data["kwartaal"] == "2023Q4"
    assert bzk["doel"] == "507.12" and bzk["binnenwerk"] == "201.76"
    assert bzk["realisatie_pct"] == "92.1"
    assert data["totaal"]["binnenwerk"] == "870.20"


def test_the_command_line_table_and_csv_show_the_published_cells(demo, capsys):
    call_command("monitor", kwartaal="2023Q4", format="table")
    table = capsys.readouterr().out
    total_line = next(line for line in table.splitlines() if line.startswith("Totaal Rijk"))
    assert total_line.split()[2:] == PUBLISHED["Totaal Rijk"]
    assert "niet overeenkomen" in table
    call_command("monitor", kwartaal="2023Q4", format="csv")
    csv_lines = capsys.readouterr().out.splitlines()
    assert (
        csv_lines[0]
        == "organisatie,doel,formeel_excl_binnenwerk,binnenwerk,inleen,totaal,realisatie_pct"
    )
    assert csv_lines[-1].startswith("Totaal Rijk,5637.37,")


def test_the_xlsx_keeps_unrounded_numbers(demo, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "tabel1.xlsx"
    call_command("monitor", kwartaal="2023Q4", format="xlsx", output=str(path))
    sheet = load_workbook(path).active
    rows = {row[0]: row[1:] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
    assert rows["BZK"][2] == pytest.approx(201.76)
    assert round(rows["Totaal Rijk"][0]) == 5637


def test_a_quarter_without_anything_is_empty_not_an_error(demo):
    table = tabel1(Kwartaal(2016, 1))
    assert table.quotumpercentage is None
    assert table.totaal.doel is None


def test_table_1_needs_few_queries(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        tabel1(Q4)
