"""The demo's promising ideas, as the 2023 annual overview names them ("Kansrijke ideeën"
and "Impuls banen met ICBR"); the numbers, stages and dates are plausible, not published."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from binnenwerk.opportunities.constants import Fase
from binnenwerk.opportunities.services import kans_set
from binnenwerk.organisation.models import Organisatie, Werksoort

# (titel, omschrijving, opdrachtgever, werksoort, banen, fase, start, kans %, eigenaar)
IDEEEN: list[tuple[str, str, str | None, str | None, str, str, dt.date, int, str]] = [
    (
        "Impuls banen met ICBR",
        "Samen met ICBR-leden en partnerorganisaties rijksbreed banen creëren: "
        "100 extra banen in 2023, met een vervolg in 2024.",
        "BZK",
        None,
        "100",
        Fase.GESTART,
        dt.date(2023, 9, 1),
        100,
        "Directie Binnenwerk",
    ),
    (
        "Uitbreiding ondersteunende schoonmaak met de RSO",
        "Vergevorderd gesprek met de RSO om de samenwerking op het gebied van "
        "ondersteunende schoonmaakwerkzaamheden uit te breiden.",
        "RSO",
        "SCHOON-RSO",
        "25",
        Fase.AKKOORD,
        dt.date(2027, 1, 1),
        85,
        "Accountmanager RSO",
    ),
    (
        "Archiefbanen met Doc-Direkt",
        "In gesprek met de directeur van Doc-Direkt om een groot aantal archiefbanen te creëren.",
        "DOCDIREKT",
        "ARCHIEF",
        "40",
        Fase.AKKOORD,
        dt.date(2027, 3, 1),
        75,
        "Accountmanager archief",
    ),
    (
        "Vervolg rijksbrede impuls met ICBR",
        "Vervolg van de impuls banen met de ICBR-leden en mogelijke partnerorganisaties.",
        None,
        None,
        "80",
        Fase.VERKENNING,
        dt.date(2027, 4, 1),
        35,
        "Directie Binnenwerk",
    ),
    (
        "Archiefbanen bij Justid",
        "In gesprek met de directeur van Justid over archiefbanen.",
        "JUSTID",
        "ARCHIEF",
        "30",
        Fase.VERKENNING,
        dt.date(2027, 6, 1),
        50,
        "Accountmanager archief",
    ),
    (
        "Facilitaire dienstverlening in panden van de Belastingdienst",
        "De Belastingdienst wil het mogelijk maken dat Binnenwerk ondersteunende "
        "pandgebonden dienstverlening op facilitair gebied ook in hun panden aanbiedt.",
        "BD",
        "PAND",
        "60",
        Fase.VERKENNING,
        dt.date(2027, 9, 1),
        40,
        "Accountmanager pandgebonden taken",
    ),
    (
        "ICT-reparatiewinkel",
        "Op initiatief van de ICBR een ICT-reparatiewinkel opzetten.",
        None,
        "RECYCLEN",
        "15",
        Fase.IDEE,
        dt.date(2027, 10, 1),
        25,
        "Directie Binnenwerk",
    ),
    (
        "Retourneren van bedrijfskleding",
        "Verkennen of Binnenwerk kan ondersteunen bij het retourneren van bedrijfskleding.",
        None,
        None,
        "12",
        Fase.IDEE,
        dt.date(2027, 11, 1),
        20,
        "Directie Binnenwerk",
    ),
]


def opportunities_demo_load(*, actor: Any = None) -> None:
    """The ideas through the service; a second call changes nothing."""
    clients = {o.code: o for o in Organisatie.objects.all()}
    work = {w.code: w for w in Werksoort.objects.all()}
    for titel, omschrijving, client, werksoort, banen, fase, start, pct, eigenaar in IDEEEN:
        kans_set(
            actor=actor,
            titel=titel,
            omschrijving=omschrijving,
            opdrachtgever=clients.get(client) if client else None,
            werksoort=work.get(werksoort) if werksoort else None,
            verwachte_banen=Decimal(banen),
            fase=fase,
            verwachte_start=start,
            kans_pct=pct,
            eigenaar=eigenaar,
        )
