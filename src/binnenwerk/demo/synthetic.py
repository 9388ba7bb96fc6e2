"""Synthetic organisations of any size in the import format, for benchmarks and load tests.

`binnenwerk synthetisch --medewerkers N --seed S PATH` writes a folder of CSV files (or a
.zip of them) that the importer reads like real data: ministries with agencies and partners,
work types with team sizes of 8–17, teams that start over ten years (some end, some work at a
partner's site) with a supervisor and a job coach, and people with one to four contracts and
placements each, with gaps, part-time hours, moves between teams, a few without indication and
a few employed by a partner. The same seed gives the same files, byte for byte.

People are written as they are made, so memory stays flat whatever N is; only the teams are
kept (a few thousand at 100,000 people).
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from faker import Faker

from binnenwerk.imports.schema import ORDER
from binnenwerk.organisation.constants import Provincie

# Ten years of history up to the end of the generated data.
HISTORY_START = dt.date(2016, 7, 1)
HISTORY_END = dt.date(2026, 6, 30)
ONE_DAY = dt.timedelta(days=1)
MINISTRIES = ("AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IENW", "JENV", "LNV", "OCW", "SZW", "VWS")
PARTNERS = ("RSO-NOORD", "RSO-OOST", "RSO-ZUID", "RSO-WEST")
WORK_TYPES = (
    ("BOS", "Bedrijfsondersteuning"),
    ("ARCHIEF", "Archief en post"),
    ("AMO", "Managementondersteuning"),
    ("DIGI", "Digitalisering"),
    ("FAC", "Facilitaire dienstverlening"),
    ("GROEN", "Groen en terrein"),
    ("CATER", "Catering"),
    ("ICT", "ICT-ondersteuning"),
)
# Where teams are: most near the government's offices, some everywhere else.
PROVINCE_WEIGHTS = {
    Provincie.ZUID_HOLLAND: 30,
    Provincie.UTRECHT: 14,
    Provincie.NOORD_HOLLAND: 12,
    Provincie.GELDERLAND: 9,
    Provincie.NOORD_BRABANT: 8,
    Provincie.OVERIJSSEL: 5,
    Provincie.GRONINGEN: 5,
    Provincie.LIMBURG: 5,
    Provincie.FRYSLAN: 4,
    Provincie.DRENTHE: 3,
    Provincie.FLEVOLAND: 3,
    Provincie.ZEELAND: 2,
}
HOURS = ("12", "16", "18", "20", "24", "25.5", "28", "30", "32", "36")
HOUR_WEIGHTS = (3, 8, 6, 14, 16, 12, 14, 8, 12, 7)
# People placed in a team on a date, on average: the middle of the 8–17 range.
TEAM_SIZE = 12
# Of all people, about this share is active on a given date (hires spread over ten years).
ACTIVE_SHARE = 0.7
STAFF_PER_TEAM = 2 / 3  # one supervisor or coach looks after about three teams
WITHOUT_INDICATION = 0.04
PARTNER_EMPLOYED = 0.06

# The import format's columns (imports.schema), less the BSN: the test range holds too few
# valid ones. Team roles are in the teams sheet's leidinggevende and jobcoach columns.
HEADERS = {
    name: [column for column in ORDER[name] if column != "bsn"]
    for name in ORDER
    if name != "teamrollen"
}


@dataclass(frozen=True)
class SyntheticTeam:
    code: str
    client: str
    start: dt.date
    einde: dt.date | None

    def holds(self, start: dt.date, einde: dt.date | None) -> bool:
        """Whether a placement from start to einde lies within the team's lifetime."""
        if start < self.start:
            return False
        return self.einde is None or (einde is not None and einde <= self.einde)


def _day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


class _Writer:
    """One open CSV file per sheet, rows written as they come."""

    def __init__(self, folder: Path) -> None:
        self.files = {
            name: (folder / f"{name}.csv").open("w", newline="", encoding="utf-8")
            for name in HEADERS
        }
        self.sheets = {name: csv.writer(handle) for name, handle in self.files.items()}
        for name, header in HEADERS.items():
            self.sheets[name].writerow(header)

    def row(self, sheet: str, *values: Any) -> None:
        self.sheets[sheet].writerow(["" if v is None else v for v in values])

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()


class SyntheticOrganisation:
    def __init__(self, medewerkers: int, seed: int) -> None:
        if medewerkers < 10:
            raise ValueError("at least 10 employees")
        self.total = medewerkers
        # bandit B311: Random here only draws fictitious test data from a fixed seed, no secret.
        self.rng = random.Random(seed)  # nosec B311
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        # A pool of names, combined at random: fast for any N, and never a real person.
        self.first_names = sorted({fake.first_name() for _ in range(600)})
        self.last_names = sorted({fake.last_name() for _ in range(900)})
        self.towns = sorted({fake.city() for _ in range(300)})
        self.number = 1_000_000
        self.team_count = max(1, round(medewerkers * ACTIVE_SHARE / TEAM_SIZE))
        self.staff_count = max(2, round(self.team_count * STAFF_PER_TEAM))
        self.clients = self._clients()
        self.teams: list[SyntheticTeam] = []

    def _clients(self) -> list[str]:
        agencies = [f"{m}-UO{i}" for m in MINISTRIES for i in (1, 2)]
        return [*MINISTRIES, *agencies]

    def _next_number(self) -> str:
        self.number += 1
        return str(self.number)

    def write(self, folder: Path) -> None:
        out = _Writer(folder)
        try:
            self._organisations(out)
            self._work_types(out)
            locations = self._locations(out)
            staff = self._staff(out)
            self._teams(out, locations, staff)
            for _ in range(self.total - len(staff)):
                self._person(out)
        finally:
            out.close()

    # --- reference data -----------------------------------------------------------
    def _organisations(self, out: _Writer) -> None:
        for code in MINISTRIES:
            out.row("organisaties", code, f"Ministerie {code}", "ministerie", None)
            for i in (1, 2):
                naam = f"Uitvoeringsorganisatie {i} van {code}"
                out.row("organisaties", f"{code}-UO{i}", naam, "uitvoeringsorganisatie", code)
        for code in PARTNERS:
            out.row("organisaties", code, f"Sociaal ontwikkelbedrijf {code[4:]}", "partner", None)

    def _work_types(self, out: _Writer) -> None:
        for code, naam in WORK_TYPES:
            out.row("werksoorten", code, naam, 8, 17)

    def _locations(self, out: _Writer) -> list[str]:
        provinces = list(PROVINCE_WEIGHTS)
        weights = list(PROVINCE_WEIGHTS.values())
        codes = []
        for i in range(max(12, self.team_count // 8)):
            town = self.rng.choice(self.towns)
            province = provinces[i] if i < 12 else self.rng.choices(provinces, weights)[0]
            code = f"L{i + 1:05d}"
            out.row("locaties", code, f"Rijkskantoor {town} {i + 1}", town, province.value)
            codes.append(code)
        return codes

    # --- staff and teams ----------------------------------------------------------
    def _staff(self, out: _Writer) -> list[str]:
        """Supervisors and job coaches: employees without indication, on permanent contracts
        from before the first team."""
        numbers = []
        for _ in range(self.staff_count):
            nummer = self._next_number()
            first, last = self._name()
            born = _day(self.rng, dt.date(1962, 1, 1), dt.date(1995, 12, 31))
            out.row("medewerkers", nummer, first, last, born, "nee", None)
            out.row("dienstverbanden", nummer, dt.date(2015, 1, 1), None, "36", "onbepaald")
            numbers.append(nummer)
        return numbers

    def _teams(self, out: _Writer, locations: list[str], staff: list[str]) -> None:
        for i in range(self.team_count):
            werksoort = WORK_TYPES[i % len(WORK_TYPES)][0]
            # A fifth of the teams exists from before the history starts; the rest grows in.
            founding = i < max(1, self.team_count // 5)
            start = (
                dt.date(2015, 1, 1)
                if founding
                else _day(self.rng, HISTORY_START, HISTORY_END - dt.timedelta(days=365))
            )
            einde = None
            if not founding and self.rng.random() < 0.1:
                einde = start + dt.timedelta(days=self.rng.randint(3 * 365, 6 * 365))
            partner = self.rng.choice(PARTNERS) if self.rng.random() < 0.1 else None
            code = f"{werksoort}-{i + 1:05d}"
            out.row(
                "teams",
                code,
                f"Team {werksoort.lower()} {i + 1}",
                werksoort,
                self.rng.choice(locations),
                partner,
                self.rng.randint(10, 17),
                start,
                einde,
                staff[(2 * i) % len(staff)],
                staff[(2 * i + 1) % len(staff)],
            )
            self.teams.append(SyntheticTeam(code, self.rng.choice(self.clients), start, einde))
        self.open_founding = [t for t in self.teams if t.start == dt.date(2015, 1, 1)]

    def _team_for(self, start: dt.date, einde: dt.date | None) -> SyntheticTeam:
        for _ in range(20):
            team = self.rng.choice(self.teams)
            if team.holds(start, einde):
                return team
        return self.rng.choice(self.open_founding)

    # --- people -------------------------------------------------------------------
    def _name(self) -> tuple[str, str]:
        return self.rng.choice(self.first_names), self.rng.choice(self.last_names)

    def _person(self, out: _Writer) -> None:
        rng = self.rng
        nummer = self._next_number()
        first, last = self._name()
        # More hires in later years: the organisation grows.
        span = (HISTORY_END - HISTORY_START).days
        hired = HISTORY_START + dt.timedelta(days=int(span * rng.random() ** 0.7))
        born = _day(rng, hired - dt.timedelta(days=64 * 365), hired - dt.timedelta(days=18 * 365))
        indication = "nee" if rng.random() < WITHOUT_INDICATION else "ja"
        employer = rng.choice(PARTNERS) if rng.random() < PARTNER_EMPLOYED else None
        out.row("medewerkers", nummer, first, last, born, indication, employer)
        for start, einde, hours, soort in self._contracts(hired):
            out.row("dienstverbanden", nummer, start, einde, hours, soort)
            for p_start, p_einde in self._placements(start, einde):
                team = self._team_for(p_start, p_einde)
                client = team.client if rng.random() < 0.8 else rng.choice(self.clients)
                out.row("plaatsingen", nummer, team.code, client, p_start, p_einde)

    def _contracts(self, hired: dt.date) -> Iterator[tuple[dt.date, dt.date | None, str, str]]:
        """One to four contracts: fixed-term ones with or without a gap between them, the last
        one permanent (open) or ended (the person left)."""
        rng = self.rng
        start = hired
        hours = rng.choices(HOURS, HOUR_WEIGHTS)[0]
        count = rng.choices((1, 2, 3, 4), (25, 35, 25, 15))[0]
        for k in range(count):
            last = k == count - 1
            if last and rng.random() < 0.65:
                yield start, None, hours, "onbepaald"
                return
            length = rng.randint(180, 365) if k == 0 else rng.randint(365, 730)
            einde = start + dt.timedelta(days=length - 1)
            yield start, einde, hours, "bepaald"
            gap = 0 if rng.random() < 0.75 else rng.randint(1, 120)
            start = einde + ONE_DAY + dt.timedelta(days=gap)
            if start > HISTORY_END:
                return
            if rng.random() < 0.2:
                hours = rng.choices(HOURS, HOUR_WEIGHTS)[0]

    def _placements(
        self, start: dt.date, einde: dt.date | None
    ) -> Iterator[tuple[dt.date, dt.date | None]]:
        """The contract's placement(s): now and then not placed in the first weeks, and now and
        then a move to another team halfway."""
        rng = self.rng
        if rng.random() < 0.03:
            start += dt.timedelta(days=rng.randint(7, 45))
            if einde is not None and start > einde:
                return
        last_day = einde or HISTORY_END
        if rng.random() < 0.15 and (last_day - start).days > 120:
            move = start + dt.timedelta(days=rng.randint(60, (last_day - start).days - 30))
            yield start, move - ONE_DAY
            yield move, einde
        else:
            yield start, einde


def write_synthetic(path: Path, medewerkers: int, seed: int) -> None:
    """A synthetic organisation of `medewerkers` people: a folder of CSV files, or a .zip."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        with tempfile.TemporaryDirectory() as scratch:
            SyntheticOrganisation(medewerkers, seed).write(Path(scratch))
            _zip(Path(scratch), path)
        return
    path.mkdir(parents=True, exist_ok=True)
    SyntheticOrganisation(medewerkers, seed).write(path)


def _zip(folder: Path, target: Path) -> None:
    # Fixed timestamps: the same seed gives the same archive, byte for byte.
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in HEADERS:
            info = zipfile.ZipInfo(f"{name}.csv", date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with (folder / f"{name}.csv").open("rb") as source, archive.open(info, "w") as dest:
                shutil.copyfileobj(source, dest, 1 << 20)
