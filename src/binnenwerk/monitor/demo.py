"""The demo's Job Agreement inputs for 2023: targets and the ministries' quarterly figures.

These are the inputs the coordinators enter (FTE, formal employment, hired-in jobs),
chosen so that Table 1 of the letter to parliament for 2023Q4 comes out as published
once rounded. Targets, totals, percentages and the Binnenwerk column are computed by the
monitor and the job counter, never stored here.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from binnenwerk.imports.dataset import Sheet
from binnenwerk.monitor.importing import SHEET, import_kwartaalcijfers
from binnenwerk.monitor.services import doelstelling_set, quotumpercentage_set
from binnenwerk.organisation.models import Organisatie

JAAR = 2023
QUOTUMPERCENTAGE = Decimal("2.76")
VOLTIJD_UREN = Decimal(36)

# code → (average FTE 2023, formal employment excl. Binnenwerk 2023Q4, hired-in 2023Q4)
INVOER: dict[str, tuple[str, str, str]] = {
    "AZ": ("485.1", "6.65", "0.05"),
    "BZ": ("3378.7", "51.55", "3.6"),
    "BZK": ("13014.8", "260.2", "5.1"),
    "EZK": ("10444.4", "215.05", "1.2"),
    "Fin": ("36194.6", "1040.1", "310.15"),
    "IenW": ("15040.8", "360.05", "1"),
    "JenV": ("23787.8", "525.9", "53.7"),
    "LNV": ("4109.3", "114.9", "0.3"),
    "OCW": ("5921.4", "160.8", "0.3"),
    "SZW": ("4739.9", "193.85", "0.4"),
    "VWS": ("6385.4", "83.1", "27.75"),
    "HCvS": ("1838.8", "49.75", "5.75"),
    "Rechtspraak": ("8833.0", "134.55", "40.95"),
}
TOELICHTING = {"JenV": "exclusief de executieve functies bij DJI"}
NIET_BELEGD = ("Executieve functies DJI (nog niet belegd)", Decimal("10505"))
# Earlier quarters of 2023 grew towards Q4: the share of the Q4 figures they reached.
EERDERE_KWARTALEN = {1: Decimal("0.955"), 2: Decimal("0.97"), 3: Decimal("0.985")}


def monitor_demo_load(*, actor: Any = None) -> None:
    quotumpercentage_set(actor=actor, jaar=JAAR, percentage=QUOTUMPERCENTAGE)
    organisations = {o.code: o for o in Organisatie.objects.filter(code__in=INVOER)}
    for code, (fte_text, _, _) in INVOER.items():
        doelstelling_set(
            actor=actor,
            organisatie=organisations[code],
            jaar=JAAR,
            fte=Decimal(fte_text),
            voltijd_uren=VOLTIJD_UREN,
            omschrijving=TOELICHTING.get(code, ""),
        )
    omschrijving, fte = NIET_BELEGD
    doelstelling_set(
        actor=actor,
        organisatie=None,
        jaar=JAAR,
        fte=fte,
        voltijd_uren=VOLTIJD_UREN,
        omschrijving=omschrijving,
    )
    rows = list(_quarter_rows())
    sheet = Sheet(name=SHEET, columns=list(rows[0][1]), rows=rows)
    import_kwartaalcijfers(actor=actor, sheet=sheet)


def _quarter_rows() -> Any:
    number = 2
    for kwartaal in (1, 2, 3, 4):
        share = EERDERE_KWARTALEN.get(kwartaal, Decimal(1))
        for code, (_, formeel, inleen) in INVOER.items():
            yield (
                number,
                {
                    "ministerie": code,
                    "jaar": JAAR,
                    "kwartaal": kwartaal,
                    "formeel_excl_binnenwerk": (Decimal(formeel) * share).quantize(Decimal("0.01")),
                    "inleen": (Decimal(inleen) * share).quantize(Decimal("0.01")),
                },
            )
            number += 1
