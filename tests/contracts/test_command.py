"""`binnenwerk contracten --binnen 8w --format table|json [--peildatum D]`."""

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command

from tests.contracts.factories import employee
from tests.factories import TeamFactory


@pytest.fixture
def contracts():
    team = TeamFactory(code="T-CLI", naam="Team Klok")
    soon = employee(team, dt.date(2024, 2, 15), dt.date(2025, 2, 14))
    later = employee(team, dt.date(2024, 6, 1), dt.date(2025, 5, 31))
    return soon, later


def test_json_for_machines(contracts, capsys):
    soon, _ = contracts
    call_command("contracten", binnen="8w", peildatum="2025-02-01", format="json")
    data = json.loads(capsys.readouterr().out)
    assert (data["peildatum"], data["binnen_weken"], data["aantal"], data["te_laat"]) == (
        "2025-02-01",
        8,
        1,
        0,
    )
    [item] = data["items"]
    assert item["personeelsnummer"] == soon.medewerker.personeelsnummer
    assert (item["signaal"], item["datum"], item["team"]) == ("einde", "2025-02-14", "T-CLI")
    assert item["dienstverband"]["einde"] == "2025-02-14" and item["vervolg"] is None


def test_table_for_people_and_plain_weeks(contracts, capsys):
    call_command("contracten", binnen="20", peildatum="2025-02-01")
    out = capsys.readouterr().out
    assert "Contractklok op 01-02-2025, 20 weken vooruit: 2 contracten, 0 te laat." in out
    assert "Team Klok" in out and "14-02-2025" in out and "31-05-2025" in out


@pytest.mark.parametrize("options", [{"binnen": "acht"}, {"peildatum": "01-02-2025"}])
def test_wrong_input_is_explained(options):
    with pytest.raises(CommandError) as error:
        call_command("contracten", **options)
    assert "ongeldig" in str(error.value)
