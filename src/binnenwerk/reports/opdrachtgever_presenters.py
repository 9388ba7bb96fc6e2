"""Showing the client statement: Dutch numbers, small-group suppression, charts, the workbook."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from binnenwerk.formatting import date_nl, decimal_nl, xlsx_append
from binnenwerk.jobs.constants import round_banen
from binnenwerk.reports.opdrachtgever import Opdrachtgeverrapportage
from binnenwerk.reports.presenters import suppress, unique_ids
from binnenwerk.web.charts import bar_chart

BANEN_FORMAT = "#,##0.00"
DATE_FORMAT = "dd-mm-yyyy"


@dataclass(frozen=True)
class Rij:
    """One table row: a label and the figure as shown (Dutch, rounded)."""

    label: str
    tekst: str


@dataclass(frozen=True)
class Teamrij:
    naam: str
    partner: str
    werksoort: str
    tekst: str


def period_label(jaar: int, kwartaal: int | None) -> str:
    if kwartaal is None:
        return str(jaar)
    return _("quarter %(quarter)s of %(year)s") % {"quarter": kwartaal, "year": jaar}


def title(rapport: Opdrachtgeverrapportage) -> str:
    return _("Client statement %(client)s, %(period)s") % {
        "client": rapport.opdrachtgever.naam,
        "period": period_label(rapport.jaar, rapport.kwartaal),
    }


def month_label(day: dt.date) -> str:
    """'december 2023' in the language of the page."""
    return str(formats.date_format(day, "YEAR_MONTH_FORMAT"))


def people(rapport: Opdrachtgeverrapportage) -> int | str:
    """The people count, "<5" for a small group (none at all is no group: 0)."""
    return suppress(rapport.mensen, rapport.mensen or None)


def people_shown(rapport: Opdrachtgeverrapportage) -> str:
    shown = people(rapport)
    return f"{shown:,}".replace(",", ".") if isinstance(shown, int) else str(shown)


def vastgesteld_verschilt(rapport: Opdrachtgeverrapportage) -> bool:
    """The published figure differs from today's (both as shown, 2 decimals)."""
    return rapport.vastgesteld is not None and round_banen(rapport.vastgesteld) != round_banen(
        rapport.banen
    )


def context(rapport: Opdrachtgeverrapportage) -> dict[str, Any]:
    """Everything the page and the PDF show."""
    result: dict[str, Any] = {
        "rapport": rapport,
        "titel": title(rapport),
        "periode": period_label(rapport.jaar, rapport.kwartaal),
        "van": date_nl(rapport.van),
        "peildatum": date_nl(rapport.peildatum),
        "banen": decimal_nl(rapport.banen),
        "mensen": people_shown(rapport),
        "teams": len(rapport.per_team),
        "aantal_partnerteams": len(rapport.partnerteams),
        "vastgesteld": (
            decimal_nl(rapport.vastgesteld) if rapport.vastgesteld is not None else None
        ),
        "vastgesteld_verschilt": vastgesteld_verschilt(rapport),
        "lopend": rapport.peildatum >= dt.date.today(),
        "per_maand": [
            Rij(month_label(p.peildatum), decimal_nl(p.banen)) for p in rapport.per_maand
        ],
        "per_werksoort": [Rij(g.naam, decimal_nl(g.banen)) for g in rapport.per_werksoort],
        "per_team": [Rij(g.naam, decimal_nl(g.banen)) for g in rapport.per_team],
        "partnerteams": [
            Teamrij(t.naam, t.partner, t.werksoort, decimal_nl(t.banen))
            for t in rapport.partnerteams
        ],
        # Growth is left out while the client never had jobs at a year end.
        "groei": (
            [Rij(str(p.peildatum.year), decimal_nl(p.banen)) for p in rapport.groei]
            if any(p.banen for p in rapport.groei)
            else []
        ),
        "partnerteams_banen": decimal_nl(sum((t.banen for t in rapport.partnerteams), Decimal(0))),
    }
    if len(result["groei"]) > 1:
        result["grafiek_groei"] = unique_ids(
            bar_chart(tuple((str(p.peildatum.year), p.banen) for p in rapport.groei)), "ogg"
        )
    if rapport.leeg:
        return result
    months = tuple((month_label(p.peildatum), p.banen) for p in rapport.per_maand)
    if len(months) > 1:
        result["grafiek_maand"] = unique_ids(bar_chart(months), "ogm")
    if rapport.per_werksoort:
        result["grafiek_werksoort"] = unique_ids(
            bar_chart(tuple((g.naam, g.banen) for g in rapport.per_werksoort)), "ogw"
        )
    return result


# --- the workbook ------------------------------------------------------------


def _sheet(workbook: Workbook, name: str, headers: list[str]) -> Worksheet:
    sheet = workbook.create_sheet(name[:31])
    xlsx_append(sheet, headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 40
    return sheet


def _append(sheet: Worksheet, row: list[Any]) -> None:
    """A row with jobs as numbers (unrounded: the cell format shows 2 decimals, so sums in
    the sheet stay exact) and dates as dates."""
    xlsx_append(sheet, [float(v) if isinstance(v, Decimal) else v for v in row])
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, Decimal):
            cell.number_format = BANEN_FORMAT
        elif isinstance(value, dt.date):
            cell.number_format = DATE_FORMAT


def xlsx(rapport: Opdrachtgeverrapportage) -> bytes:
    """One sheet per table of the statement, in Dutch."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    jobs = _("Jobs")

    kern = _sheet(workbook, _("Key figures"), [_("Figure"), _("Value")])
    kern.column_dimensions["B"].width = 40
    mensen = people(rapport)  # a number, or "<5" as text
    rows: list[list[Any]] = [
        [_("Client"), rapport.opdrachtgever.naam],
        [_("Code"), rapport.opdrachtgever.code],
        [_("Reporting period"), period_label(rapport.jaar, rapport.kwartaal)],
        [_("From"), rapport.van],
        [_("Counted on"), rapport.peildatum],
        [_("Jobs at the end of the period"), rapport.banen],
    ]
    if rapport.vastgesteld is not None:
        rows.append([_("Published figure"), rapport.vastgesteld])
    rows += [
        [_("Binnenwerk employees in these jobs"), mensen],
        [_("Teams with jobs of the client"), len(rapport.per_team)],
        [_("Teams at partner sites"), len(rapport.partnerteams)],
    ]
    if rapport.onderdelen:
        rows.append([_("Including"), ", ".join(rapport.onderdelen)])
    for row in rows:
        _append(kern, row)
    kern.append([])
    kern.append([_("Total calculated from unrounded values; rounded rows do not always add up.")])
    kern.append([_("A figure about fewer than five people is shown as “<5”.")])

    month = _sheet(workbook, _("Per month"), [_("Counted on"), jobs])
    month.column_dimensions["A"].width = 14
    for p in rapport.per_maand:
        _append(month, [p.peildatum, p.banen])

    for name, header, groups in (
        (_("Per work type"), _("Work type"), rapport.per_werksoort),
        (_("Per team"), _("Team"), rapport.per_team),
    ):
        sheet = _sheet(workbook, name, [header, jobs])
        for g in groups:
            _append(sheet, [g.naam, g.banen])
        _append(sheet, [_("Total"), rapport.banen])
        sheet[sheet.max_row][0].font = Font(bold=True)

    partners = _sheet(workbook, _("Partner sites"), [_("Team"), _("Partner"), _("Work type"), jobs])
    for column in "BC":
        partners.column_dimensions[column].width = 36
    for t in rapport.partnerteams:
        _append(partners, [t.naam, t.partner, t.werksoort, t.banen])

    growth = _sheet(workbook, _("Growth"), [_("Year"), _("Jobs at year end")])
    growth.column_dimensions["A"].width = 14
    for p in rapport.groei:
        _append(growth, [p.peildatum.year, p.banen])

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
