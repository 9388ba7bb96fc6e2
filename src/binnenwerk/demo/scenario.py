"""The demo organisation's plan: who funds and hosts what, and the shape of its growth.

These are the *inputs* of the generator (generator.py), taken from the annual
overviews (seeds): the year-end jobs it must realise per client and per work
type, the team counts and the headcounts. Nothing here is ever shown: the
figures users see are computed from the generated contracts by the job counter,
and tests/demo checks that the counter gives back the published figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

# Histories run to this fixed date so the demo is the same whenever it is loaded.
GENERATED_UNTIL = dt.date(2026, 11, 1)
SEED = 2016

# (code, naam, soort, hoort_bij)
ORGANISATIES: list[tuple[str, str, str, str | None]] = [
    ("AZ", "Algemene Zaken", "ministerie", None),
    ("BZ", "Buitenlandse Zaken", "ministerie", None),
    ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties", "ministerie", None),
    ("EZK", "Economische Zaken en Klimaat", "ministerie", None),
    ("Fin", "Financiën", "ministerie", None),
    ("IenW", "Infrastructuur en Waterstaat", "ministerie", None),
    ("JenV", "Justitie en Veiligheid", "ministerie", None),
    ("LNV", "Landbouw, Natuur en Voedselkwaliteit", "ministerie", None),
    ("OCW", "Onderwijs, Cultuur en Wetenschap", "ministerie", None),
    ("SZW", "Sociale Zaken en Werkgelegenheid", "ministerie", None),
    ("VWS", "Volksgezondheid, Welzijn en Sport", "ministerie", None),
    ("HCvS", "Hoge Colleges van Staat", "hoog_college", None),
    ("Rechtspraak", "De Rechtspraak", "overig", None),
    ("SBB", "Staatsbosbeheer", "partner", "LNV"),
    ("PDIREKT", "P-Direkt", "partner", "BZK"),
    ("DOCDIREKT", "Doc-Direkt", "partner", "BZK"),
    ("FMH", "Facilitair Management en Huisvesting", "partner", "BZK"),
    ("RSO", "Rijksschoonmaakorganisatie", "partner", "BZK"),
    ("JUSTID", "Justitiële Informatiedienst", "partner", "JenV"),
    ("IND", "Immigratie- en Naturalisatiedienst", "uitvoeringsorganisatie", "JenV"),
    ("BD", "Belastingdienst", "uitvoeringsorganisatie", "Fin"),
    ("RWS", "Rijkswaterstaat", "uitvoeringsorganisatie", "IenW"),
]


class WorkType:
    def __init__(
        self,
        code: str,
        naam: str,
        size: tuple[int, int],
        partner: str | None,
        hours: Decimal,
        teams_started: dict[int, int],
    ) -> None:
        self.code, self.naam, self.size, self.partner = code, naam, size, partner
        self.hours = hours  # typical hours a week of someone in this work
        self.teams_started = teams_started  # year → number of teams that start


WERKSOORTEN = [
    WorkType(
        "ARCHIEF",
        "Archief",
        (10, 15),
        "DOCDIREKT",
        Decimal(32),
        {2017: 1, 2019: 1, 2021: 1, 2023: 1, 2024: 2, 2025: 1},
    ),
    WorkType(
        "AMO",
        "Assistent Managementondersteuning (AMO)",
        (8, 12),
        None,
        Decimal(28),
        {2018: 1, 2022: 1, 2025: 1},
    ),
    WorkType(
        "BOS",
        "Bos- en natuurbeheer",
        (6, 12),
        "SBB",
        Decimal(26),
        {2018: 4, 2019: 10, 2020: 10, 2021: 8, 2022: 7, 2023: 10, 2024: 5, 2025: 3, 2026: 1},
    ),
    WorkType(
        "PAND",
        "Pandgebonden taken",
        (10, 17),
        "FMH",
        Decimal(32),
        {2016: 2, 2017: 4, 2018: 3, 2019: 3, 2020: 1, 2021: 1, 2022: 1, 2023: 1, 2024: 2, 2025: 1},
    ),
    WorkType(
        "PDOSSIERS",
        "Personeelsdossiers op orde",
        (10, 15),
        "PDIREKT",
        Decimal(34),
        {2017: 1, 2019: 1, 2021: 1, 2022: 1, 2024: 1},
    ),
    WorkType("RECYCLEN", "Recyclen datadragers", (8, 12), None, Decimal(24), {2023: 1, 2025: 1}),
    WorkType(
        "SCHOON-RSO", "Extra schoonmaak RSO", (10, 15), "RSO", Decimal(24), {2021: 6, 2024: 1}
    ),
]


def work_type(code: str) -> WorkType:
    return next(w for w in WERKSOORTEN if w.code == code)


# The RSO employs the people in its cleaning teams; Binnenwerk counts their jobs.
PARTNER_EMPLOYED_WORK = {"SCHOON-RSO": "RSO"}

# (code, naam, plaats, provincie)
LOCATIES: list[tuple[str, str, str, str]] = [
    ("DH-NBW", "Rijkskantoor Nieuwe Bureau", "Den Haag", "Zuid-Holland"),
    ("DH-HP", "Hoftoren en Hoftorenplein", "Den Haag", "Zuid-Holland"),
    ("ZTM", "Rijkskantoor Zoetermeer", "Zoetermeer", "Zuid-Holland"),
    ("UTR", "Rijkskantoor De Knoop", "Utrecht", "Utrecht"),
    ("APD", "Rijkskantoor Apeldoorn", "Apeldoorn", "Gelderland"),
    ("ZWL", "Rijkskantoor Zwolle", "Zwolle", "Overijssel"),
    ("ALM-J", "Justid Almelo", "Almelo", "Overijssel"),
    ("GRO", "Rijkskantoor Groningen", "Groningen", "Groningen"),
    ("HRL", "P-Direkt Heerlen", "Heerlen", "Limburg"),
    ("SBB-ALM", "Staatsbosbeheer Almere", "Almere", "Flevoland"),
    ("SBB-DWG", "Staatsbosbeheer Dwingeloo", "Dwingeloo", "Drenthe"),
    ("SBB-OWD", "Staatsbosbeheer Oranjewoud", "Oranjewoud", "Fryslân"),
    ("SBB-HRN", "Staatsbosbeheer Haren", "Haren", "Groningen"),
    ("SBB-OMN", "Staatsbosbeheer Ommen", "Ommen", "Overijssel"),
    ("SBB-VLW", "Staatsbosbeheer Veluwe", "Ede", "Gelderland"),
    ("SBB-AMR", "Staatsbosbeheer Amerongen", "Amerongen", "Utrecht"),
    ("SBB-SCH", "Staatsbosbeheer Schoorl", "Schoorl", "Noord-Holland"),
    ("SBB-RCK", "Staatsbosbeheer Rockanje", "Rockanje", "Zuid-Holland"),
    ("SBB-OKP", "Staatsbosbeheer Oostkapelle", "Oostkapelle", "Zeeland"),
    ("SBB-OWK", "Staatsbosbeheer Oisterwijk", "Oisterwijk", "Noord-Brabant"),
    ("SBB-RMD", "Staatsbosbeheer Meinweg", "Roermond", "Limburg"),
    ("HLM", "Rijkskantoor Haarlem", "Haarlem", "Noord-Holland"),
    ("DBS", "Rijkskantoor 's-Hertogenbosch", "'s-Hertogenbosch", "Noord-Brabant"),
]

# Where each work type's teams are, in the order teams start (cycled).
TEAM_LOCATIONS = {
    "ARCHIEF": ["DH-NBW", "ALM-J", "ZTM", "APD", "ALM-J", "DH-HP", "GRO"],
    "AMO": ["DH-NBW", "UTR", "DH-HP"],
    "BOS": [
        "SBB-ALM",
        "SBB-VLW",
        "SBB-DWG",
        "SBB-OWD",
        "SBB-HRN",
        "SBB-OMN",
        "SBB-AMR",
        "SBB-SCH",
        "SBB-RCK",
        "SBB-OKP",
        "SBB-OWK",
        "SBB-RMD",
    ],
    "PAND": ["DH-NBW", "DH-HP", "UTR", "ZTM", "APD", "ZWL", "GRO", "HLM", "DBS", "HRL"],
    "PDOSSIERS": ["HRL", "DH-HP", "HRL", "UTR", "DH-NBW"],
    "RECYCLEN": ["ZWL", "APD"],
    "SCHOON-RSO": ["DH-NBW", "DH-HP", "UTR", "ZTM", "APD", "GRO", "ZWL"],
}

# --- the published year-end figures the generated history realises (seeds) ---
JOBS_PER_CLIENT_2023 = {
    "AZ": Decimal("4.57"),
    "BZK": Decimal("201.76"),
    "BZ": Decimal("44.23"),
    "EZK": Decimal("119.61"),
    "Fin": Decimal("62.41"),
    "HCvS": Decimal("10.71"),
    "IenW": Decimal("2.75"),
    "JenV": Decimal("217.41"),
    "LNV": Decimal("51.26"),
    "OCW": Decimal("56.98"),
    "SZW": Decimal("16.95"),
    "VWS": Decimal("81.56"),
}
JOBS_PER_WORK_TYPE_2023 = {
    "ARCHIEF": Decimal("60.72"),
    "AMO": Decimal("18.74"),
    "BOS": Decimal("407.79"),
    "PAND": Decimal("235.20"),
    "PDOSSIERS": Decimal("66.69"),
    "RECYCLEN": Decimal("7.26"),
    "SCHOON-RSO": Decimal("73.80"),
}
# People in each work type's teams at the end of 2023 (teams of 6–17).
PEOPLE_2023 = {
    "ARCHIEF": 46,
    "AMO": 16,
    "BOS": 380,
    "PAND": 176,
    "PDOSSIERS": 48,
    "RECYCLEN": 8,
    "SCHOON-RSO": 78,
}
# Binnenwerk's own headcount at the end of 2023 splits by the year people were hired.
HIRED_BY_2021, HIRED_IN_2022, HIRED_IN_2023 = 384, 140, 150
NEW_COLLEAGUES_2023 = 156  # includes those hired in 2023 who left before its end
HEADCOUNT_2021 = 425
# Year-end jobs before 2023: Binnenwerk's own, and at the RSO (counted since 2021).
JOBS_2020 = Decimal("387.00")
JOBS_2021_BINNENWERK, JOBS_2021_RSO = Decimal("510.00"), Decimal("69.00")
JOBS_2022 = Decimal("688.20")

# How likely a client funds people in a work type (relative weights; 0 = never).
FUNDING = {
    "ARCHIEF": {"JenV": 6, "BZK": 4, "BZ": 1, "Fin": 1},
    "AMO": {"BZK": 3, "VWS": 2, "OCW": 1, "AZ": 1},
    "BOS": {
        "LNV": 3,
        "BZK": 3,
        "JenV": 4,
        "EZK": 4,
        "Fin": 2,
        "OCW": 2,
        "VWS": 2,
        "BZ": 1,
        "SZW": 1,
        "HCvS": 1,
        "IenW": 1,
        "AZ": 1,
    },
    "PAND": {
        "BZK": 4,
        "JenV": 3,
        "EZK": 2,
        "BZ": 2,
        "VWS": 2,
        "Fin": 1,
        "OCW": 1,
        "SZW": 1,
        "HCvS": 1,
        "AZ": 1,
    },
    "PDOSSIERS": {"BZK": 5, "JenV": 1, "Fin": 1},
    "RECYCLEN": {"BZK": 1, "JenV": 1},
    "SCHOON-RSO": {"BZK": 2, "JenV": 1, "EZK": 1, "VWS": 1, "Fin": 1},
}

# Leavers who left before the end of 2023: (hire year, leave year) → count.
LEAVERS: dict[tuple[int, int], int] = {
    (2016, 2018): 1,
    (2017, 2018): 3,
    (2017, 2019): 4,
    (2018, 2019): 6,
    (2018, 2020): 5,
    (2019, 2020): 7,
    (2019, 2021): 10,
    (2020, 2021): 12,
    (2018, 2021): 6,
    (2021, 2021): 8,
    (2019, 2022): 6,
    (2020, 2022): 7,
    (2021, 2022): 8,
    (2022, 2022): 4,
    (2019, 2023): 5,
    (2020, 2023): 6,
    (2021, 2023): 9,
    (2022, 2023): 6,
    (2023, 2023): 6,
}
RSO_LEAVERS: dict[tuple[int, int], int] = {(2021, 2022): 4, (2021, 2023): 3, (2022, 2023): 2}
# Employees who leave after 2023, per year, and hires into existing teams after 2023.
LATER_LEAVERS = {2024: 30, 2025: 34, 2026: 24}
LATER_REPLACEMENTS = {2024: 75, 2025: 50, 2026: 30}
