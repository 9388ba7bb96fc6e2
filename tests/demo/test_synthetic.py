"""The synthetic organisation: deterministic, valid for the importer, shaped like the real one."""

from __future__ import annotations

import csv
import datetime as dt
import statistics
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command

from binnenwerk.demo.synthetic import HISTORY_END, HISTORY_START, write_synthetic
from binnenwerk.imports.readers import read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.jobs.selectors import banen
from binnenwerk.organisation.models import Team
from binnenwerk.organisation.selectors import team_members
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing
from binnenwerk.periods import active_on


def rows(folder: Path, sheet: str) -> list[dict[str, str]]:
    with (folder / f"{sheet}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synthetisch") / "org"
    write_synthetic(path, 1500, seed=7)
    return path


def test_the_same_seed_gives_the_same_files(folder, tmp_path):
    write_synthetic(tmp_path / "again", 1500, seed=7)
    write_synthetic(tmp_path / "other", 1500, seed=8)
    for file in folder.glob("*.csv"):
        assert (tmp_path / "again" / file.name).read_bytes() == file.read_bytes()
    assert (tmp_path / "other" / "plaatsingen.csv").read_bytes() != (
        folder / "plaatsingen.csv"
    ).read_bytes()


def test_a_zip_holds_the_same_files(folder, tmp_path):
    write_synthetic(tmp_path / "org.zip", 1500, seed=7)
    write_synthetic(tmp_path / "again.zip", 1500, seed=7)
    assert (tmp_path / "org.zip").read_bytes() == (tmp_path / "again.zip").read_bytes()
    from_zip = read_path(tmp_path / "org.zip")
    from_folder = read_path(folder)
    assert {n: s.rows for n, s in from_zip.items()} == {n: s.rows for n, s in from_folder.items()}


def test_shapes_of_the_histories(folder):
    people = rows(folder, "medewerkers")
    contracts = Counter(r["personeelsnummer"] for r in rows(folder, "dienstverbanden"))
    placements = Counter(r["personeelsnummer"] for r in rows(folder, "plaatsingen"))
    assert len(people) == 1500
    assert set(contracts.values()) == {1, 2, 3, 4}
    target_group = [p for p in people if p["doelgroepindicatie"] == "ja"]
    assert 0.9 < len(target_group) / len(people) < 0.99, "some people have no indication"
    assert any(p["werkgever"] for p in people), "some people are employed by a partner"
    starts = [dt.date.fromisoformat(r["start"]) for r in rows(folder, "dienstverbanden")]
    assert min(starts) <= HISTORY_START + dt.timedelta(days=60)
    assert max(starts) >= HISTORY_END - dt.timedelta(days=120)
    hours = {r["uren_per_week"] for r in rows(folder, "dienstverbanden")}
    assert {"16", "24", "36"} <= hours, "part-time and full-time hours"
    moved = [n for n, count in placements.items() if count > contracts[n]]
    assert moved, "some people move to another team within a contract"


def test_the_importer_takes_it_and_teams_have_their_usual_size(folder):
    call_command("flush", interactive=False, verbosity=0)
    report = import_dataset(actor=None, dataset=read_path(folder))
    assert report.sheets["medewerkers"].created == 1500
    assert Medewerker.objects.count() == 1500
    assert Dienstverband.objects.count() == len(rows(folder, "dienstverbanden"))
    assert Plaatsing.objects.count() == len(rows(folder, "plaatsingen"))
    sizes = [
        team_members(team, HISTORY_END).count()
        for team in Team.objects.filter(active_on(HISTORY_END))
    ]
    assert 8 <= statistics.mean(sizes) <= 17
    assert banen(HISTORY_END).totaal > 0
