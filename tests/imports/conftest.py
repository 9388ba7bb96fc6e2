"""A small organisation written in each accepted form: CSV `,`, CSV `;` with decimal comma, xlsx."""

from pathlib import Path

import pytest
from openpyxl import Workbook

SHEETS = {
    "organisaties": [
        ["code", "naam", "soort", "hoort_bij"],
        ["BZK", "Binnenlandse Zaken", "ministerie", ""],
        ["JenV", "Justitie en Veiligheid", "ministerie", ""],
        ["IND", "Immigratie- en Naturalisatiedienst", "uitvoeringsorganisatie", "JenV"],
        ["RSO", "Rijksschoonmaakorganisatie", "partner", "BZK"],
        ["SBB", "Staatsbosbeheer", "partner", ""],
    ],
    "werksoorten": [
        ["code", "naam", "teamgrootte_min", "teamgrootte_max"],
        ["BOS", "Bos- en natuurbeheer", "8", "12"],
        ["SCHOON", "Extra schoonmaak", "", ""],
    ],
    "locaties": [
        ["code", "naam", "plaats", "provincie"],
        ["ALM", "Staatsbosbeheer Almere", "Almere", "Flevoland"],
        ["LWD", "Rijkskantoor Leeuwarden", "Leeuwarden", "Friesland"],
    ],
    "teams": [
        [
            "code",
            "naam",
            "werksoort",
            "locatie",
            "partner",
            "capaciteit",
            "start",
            "einde",
            "leidinggevende",
            "jobcoach",
        ],
        ["BOS-1", "Bos Almere", "BOS", "ALM", "SBB", "10", "2020-01-01", "", "900", "901"],
        [
            "SCH-1",
            "Schoonmaak Leeuwarden",
            "SCHOON",
            "LWD",
            "RSO",
            "",
            "2021-03-01",
            "2024-12-31",
            "",
            "",
        ],
    ],
    "medewerkers": [
        [
            "personeelsnummer",
            "voornaam",
            "achternaam",
            "geboortedatum",
            "bsn",
            "doelgroepindicatie",
            "werkgever",
        ],
        ["100", "Sanne", "de Vries", "1990-05-17", "111222333", "ja", ""],
        ["101", "Mohamed", "El Amrani", "", "", "ja", ""],
        ["102", "Els", "Jansen", "", "", "ja", "RSO"],
        ["103", "Kees", "Smit", "", "", "nee", ""],
        ["900", "Anouk", "Peters", "", "", "nee", ""],
        ["901", "Ruud", "Visser", "", "", "nee", ""],
    ],
    "dienstverbanden": [
        ["personeelsnummer", "start", "einde", "uren_per_week", "soort"],
        ["100", "2020-02-01", "2021-01-31", "25.5", "bepaald"],
        ["100", "2021-02-01", "", "30", "onbepaald"],
        ["101", "2021-06-01", "", "18.75", "bepaald"],
        ["102", "2021-03-01", "", "24", "onbepaald"],
        ["103", "2020-01-01", "", "36", "onbepaald"],
    ],
    "plaatsingen": [
        ["personeelsnummer", "team", "opdrachtgever", "start", "einde"],
        ["100", "BOS-1", "BZK", "2020-02-01", ""],
        ["101", "BOS-1", "IND", "2021-07-01", ""],
        ["102", "SCH-1", "BZK", "2021-03-01", "2024-12-31"],
    ],
}


def _semicolon(row: list[str]) -> list[str]:
    """The other dialect: decimal comma and DD-MM-YYYY dates."""
    out = []
    for value in row:
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            value = f"{value[8:]}-{value[5:7]}-{value[:4]}"
        elif value.replace(".", "", 1).isdigit() and "." in value:
            value = value.replace(".", ",")
        out.append(value)
    return out


def write_csv(folder: Path, sheets: dict, delimiter: str = ",", bom: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        lines = []
        for i, row in enumerate(rows):
            cells = _semicolon(row) if delimiter == ";" and i else row
            lines.append(delimiter.join(cells))
        text = "\n".join(lines) + "\n"
        (folder / f"{name}.csv").write_bytes(("\ufeff" if bom else "").encode() + text.encode())
    return folder


def write_xlsx(path: Path, sheets: dict) -> Path:
    import datetime as dt

    workbook = Workbook()
    workbook.active.title = "Sheet1"  # an empty default sheet must be ignored
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name.capitalize())
        sheet.append([c.upper() for c in rows[0]])  # headers are case-insensitive
        for row in rows[1:]:
            values = []
            for value in row:
                if len(value) == 10 and value[4] == "-":
                    values.append(dt.date.fromisoformat(value))
                elif value.replace(".", "", 1).isdigit() and name == "dienstverbanden":
                    values.append(float(value))
                else:
                    values.append(value or None)
            sheet.append(values)
    workbook.save(path)
    return path


@pytest.fixture
def sheets():
    return {name: [list(r) for r in rows] for name, rows in SHEETS.items()}


@pytest.fixture
def csv_comma(tmp_path, sheets):
    return write_csv(tmp_path / "komma", sheets)


@pytest.fixture
def csv_semicolon(tmp_path, sheets):
    return write_csv(tmp_path / "puntkomma", sheets, delimiter=";", bom=True)


@pytest.fixture
def xlsx(tmp_path, sheets):
    return write_xlsx(tmp_path / "organisatie.xlsx", sheets)
