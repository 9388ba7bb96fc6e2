"""Table 1 as the letter shows it (whole jobs, whole percent) and for machines (unrounded)."""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from binnenwerk.formatting import csv_text, decimal_nl, decimal_str, table, xlsx_append
from binnenwerk.jobs.constants import NIET_GEPLAATST
from binnenwerk.monitor.selectors import Rij, Tabel1

FIELDS = (
    "doel",
    "formeel_excl_binnenwerk",
    "binnenwerk",
    "inleen",
    "totaal",
    "realisatie_pct",
)


def headers() -> list[str]:
    return [
        _("Ministry"),
        _("Target"),
        _("Formal employment excl. Binnenwerk"),
        _("Binnenwerk"),
        _("Hired-in"),
        _("Total"),
        _("Realisation %"),
    ]


def label(row: Rij) -> str:
    if row.code == NIET_GEPLAATST:
        return _("not placed")
    return row.code or _("Total Rijk")


def footnote() -> str:
    return _(
        "Because of rounding, some totals or percentages may differ from a calculation "
        "with the rounded values in the table."
    )


def _values(row: Rij) -> dict[str, Decimal | None]:
    return {
        "doel": row.doel,
        "formeel_excl_binnenwerk": row.formeel_excl_binnenwerk,
        "binnenwerk": row.binnenwerk,
        "inleen": row.inleen,
        "totaal": row.totaal,
        "realisatie_pct": row.realisatie_pct,
    }


def _machine(name: str, value: Decimal | None) -> str | None:
    if value is None:
        return None
    return decimal_str(value, 1 if name == "realisatie_pct" else 2)


def percentage_nl(value: Decimal) -> str:
    """A quotum percentage as written in Dutch, without trailing zeros: 2,76."""
    return f"{value.normalize():f}".replace(".", ",")


def shown(name: str, value: Decimal | None) -> str:
    """As the letter shows a cell: whole jobs with a thousands dot, whole percent."""
    if value is None:
        return "–"
    return decimal_nl(value, 0) + ("%" if name == "realisatie_pct" else "")


def shown_cells(row: Rij) -> list[str]:
    return [shown(name, value) for name, value in _values(row).items()]


def _row_dict(row: Rij) -> dict[str, Any]:
    return {name: _machine(name, value) for name, value in _values(row).items()}


def tabel1_data(result: Tabel1) -> dict[str, Any]:
    return {
        "kwartaal": str(result.kwartaal),
        "peildatum": result.kwartaal.last_day.isoformat(),
        "quotumpercentage": _machine("doel", result.quotumpercentage),
        "rijen": [{"organisatie": label(r), **_row_dict(r)} for r in result.rijen],
        "totaal": {"organisatie": label(result.totaal), **_row_dict(result.totaal)},
        "niet_belegd": [
            {"omschrijving": n.omschrijving, "fte": decimal_str(n.fte), "doel": decimal_str(n.doel)}
            for n in result.niet_belegd
        ],
    }


def tabel1_json(result: Tabel1) -> str:
    return json.dumps(tabel1_data(result), ensure_ascii=False)


def tabel1_csv(result: Tabel1) -> str:
    rows = [
        [label(r), *(_machine(n, v) or "" for n, v in _values(r).items())]
        for r in [*result.rijen, result.totaal]
    ]
    return csv_text(["organisatie", *FIELDS], rows)


def title(result: Tabel1) -> str:
    return _("Full-time jobs of 25.5 hours for employees under the Job Agreement Act, %(q)s") % {
        "q": result.kwartaal
    }


def tabel1_table(result: Tabel1) -> str:
    rows = [[label(r), *shown_cells(r)] for r in [*result.rijen, result.totaal]]
    body = table(headers(), rows, [False, *([True] * len(FIELDS))])
    notes = [footnote()]
    for extra in result.niet_belegd:
        notes.append(
            _("The Rijk target includes %(jobs)s target jobs not yet allocated: %(what)s.")
            % {"jobs": decimal_nl(extra.doel, 0), "what": extra.omschrijving}
        )
    if result.quotumpercentage is None:
        notes.append(
            _("No quotum percentage for %(year)s: targets cannot be computed.")
            % {"year": result.kwartaal.jaar}
        )
    return f"{title(result)}\n\n{body}\n\n" + "\n".join(notes)


def tabel1_xlsx(result: Tabel1) -> bytes:
    """Unrounded numbers, shown rounded by the cell format, so sums stay exact."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"Tabel 1 {result.kwartaal}"
    xlsx_append(sheet, [title(result)])
    sheet["A1"].font = Font(bold=True)
    xlsx_append(sheet, headers())
    for row in [*result.rijen, result.totaal]:
        values = [float(v) if v is not None else None for v in _values(row).values()]
        if values[-1] is not None:
            values[-1] /= 100
        xlsx_append(sheet, [label(row), *values])
        for cell in sheet[sheet.max_row][1:-1]:
            cell.number_format = "#,##0"
        sheet[sheet.max_row][-1].number_format = "0%"
    sheet[sheet.max_row][0].font = Font(bold=True)
    xlsx_append(sheet, [])
    xlsx_append(sheet, [footnote()])
    sheet.column_dimensions["A"].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
