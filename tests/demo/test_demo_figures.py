"""The demo organisation, loaded through the importer, gives the published figures.

The expectations are the seeds' annual overviews; the values under test come from
the job counter reading the generated contracts.
"""

import datetime as dt
import io
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.management import call_command

from binnenwerk.demo.models import DemoLading
from binnenwerk.demo.services import DemoRefused, demo_load
from binnenwerk.formatting import decimal_str
from binnenwerk.jobs.selectors import banen, banen_op_data, kerncijfers, teams
from binnenwerk.people.models import Medewerker

END_2023 = dt.date(2023, 12, 31)


@pytest.fixture(scope="module")
def demo(demo_org):
    return demo_org


def rounded(groups: dict[str, Decimal]) -> dict[str, str]:
    return {key: decimal_str(value) for key, value in groups.items()}


def test_year_end_jobs(demo):
    results = banen_op_data([dt.date(y, 12, 31) for y in (2020, 2021, 2022, 2023)])
    assert [decimal_str(r.totaal) for r in results] == ["387.00", "579.00", "688.20", "870.20"]


def test_2021_jobs_at_the_rso_and_headcount(demo):
    result = banen(dt.date(2021, 12, 31), per="werksoort")
    assert decimal_str(result.groepen["SCHOON-RSO"]) == "69.00"
    assert decimal_str(result.totaal - result.groepen["SCHOON-RSO"]) == "510.00"
    assert result.medewerkers_binnenwerk == 425


def test_2023_jobs_per_client(demo):
    result = banen(END_2023, per="opdrachtgever")
    assert rounded(result.groepen) == {
        "AZ": "4.57",
        "BZK": "201.76",
        "BZ": "44.23",
        "EZK": "119.61",
        "Fin": "62.41",
        "HCvS": "10.71",
        "IenW": "2.75",
        "JenV": "217.41",
        "LNV": "51.26",
        "OCW": "56.98",
        "SZW": "16.95",
        "VWS": "81.56",
    }
    assert decimal_str(result.totaal) == "870.20"


def test_2023_jobs_per_work_type(demo):
    result = banen(END_2023, per="werksoort")
    assert rounded(result.groepen) == {
        "ARCHIEF": "60.72",
        "AMO": "18.74",
        "BOS": "407.79",
        "PAND": "235.20",
        "PDOSSIERS": "66.69",
        "RECYCLEN": "7.26",
        "SCHOON-RSO": "73.80",
    }


def test_2023_key_figures(demo):
    figures = kerncijfers(2023)
    assert decimal_str(figures.banen) == "870.20"
    assert decimal_str(figures.nieuwe_banen) == "182.00"
    assert figures.medewerkers_binnenwerk == 674
    assert figures.nieuwe_collegas == 156
    assert figures.teams == 76


def test_2023_teams_per_work_type(demo):
    result = teams(END_2023, per="werksoort")
    assert result.groepen == {
        "ARCHIEF": 4,
        "AMO": 2,
        "BOS": 49,
        "PAND": 16,
        "PDOSSIERS": 4,
        "RECYCLEN": 1,
    }


def test_a_team_in_every_province_from_2021(demo):
    for year in range(2021, 2026):
        assert len(teams(dt.date(year, 12, 31), per="provincie").groepen) == 12


def test_the_demo_keeps_growing_after_2023(demo):
    later = banen_op_data([dt.date(2024, 12, 31), dt.date(2025, 12, 31)])
    assert later[0].totaal > Decimal("870.20") and later[1].totaal > later[0].totaal


def test_demo_people_are_fictitious(demo):
    names = {f"{m.voornaam} {m.achternaam}".lower() for m in Medewerker.objects.all()}
    assert not any("scholten" in n or "barendse" in n or "van der wal" in n for n in names)
    assert all(m.bsn.startswith("9999") for m in Medewerker.objects.exclude(bsn=""))


def test_loading_the_demo_twice_is_refused_and_the_command_serves_it_as_it_is(demo):
    entries = LogEntry.objects.count()
    with pytest.raises(DemoRefused, match="accounts"):
        demo_load()
    out = io.StringIO()
    call_command("demo", "--no-serve", stdout=out)
    assert "al de demo-organisatie" in out.getvalue()
    assert LogEntry.objects.count() == entries and DemoLading.objects.count() == 1
