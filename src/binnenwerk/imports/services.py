"""Import a Dataset: validate everything, then upsert in one transaction, with audit.

Validation reads the whole database state once and checks the file merged with
it, so every error is found before anything is written; the write is one
`transaction.atomic()` block of bulk statements. Natural keys: code,
personeelsnummer, (personeelsnummer, start), (team, rol, start).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.imports import checks
from binnenwerk.imports.dataset import Dataset, ImportFailed
from binnenwerk.imports.records import Key, Record, parse_dataset
from binnenwerk.imports.schema import SPECS
from binnenwerk.imports.state import comparable, load_state
from binnenwerk.imports.writer import Changes, write_changes

Progress = Callable[[int], Any] | None


@dataclass
class SheetCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    dry_run: bool
    sheets: dict[str, SheetCounts] = field(default_factory=dict)

    @property
    def created_total(self) -> int:
        return sum(c.created for c in self.sheets.values())

    @property
    def updated_total(self) -> int:
        return sum(c.updated for c in self.sheets.values())

    @property
    def unchanged_total(self) -> int:
        return sum(c.unchanged for c in self.sheets.values())

    def summary(self) -> str:
        from binnenwerk.formatting import table

        rows = [
            [name, str(c.created), str(c.updated), str(c.unchanged)]
            for name, c in self.sheets.items()
        ]
        rows.append(
            [
                _("total"),
                str(self.created_total),
                str(self.updated_total),
                str(self.unchanged_total),
            ]
        )
        text = table(
            [_("sheet"), _("created"), _("updated"), _("unchanged")],
            rows,
            [False, True, True, True],
        )
        if self.dry_run:
            text += "\n\n" + _("Dry run: nothing has been saved.")
        return text


def import_dataset(
    *, actor: Any, dataset: Dataset, dry_run: bool = False, progress: Progress = None
) -> ImportReport:
    """Validate the whole dataset against the database, then write it (unless dry_run).

    Raises ImportFailed with every located error; then nothing is written.
    """
    parsed = parse_dataset(dataset)
    file, errors = parsed.records, parsed.errors
    database, ids = load_state()
    merged = {sheet: {**database[sheet], **file[sheet]} for sheet in SPECS}
    errors += checks.check_references(file, merged, parsed.refused)
    errors += checks.check_hierarchy(file, merged)
    derived, role_errors = checks.team_roles_from_shorthand(file, merged)
    errors += role_errors
    for role in derived:
        merged["teamrollen"][role.key()] = file["teamrollen"][role.key()] = role
    errors += checks.check_no_overlaps(merged)
    errors += checks.check_placements_within_teams(merged)
    if errors:
        raise ImportFailed(errors)

    report = ImportReport(dry_run=dry_run)
    changes: dict[str, Changes] = {}
    for sheet in SPECS:
        changes[sheet] = _diff(file[sheet], database[sheet])
        if sheet in dataset or changes[sheet].total:
            report.sheets[sheet] = SheetCounts(
                created=len(changes[sheet].created),
                updated=len(changes[sheet].updated),
                unchanged=changes[sheet].unchanged,
            )
    if not dry_run:
        with transaction.atomic():
            write_changes(actor=actor, changes=changes, ids=ids, progress=progress)
    return report


def _diff(file: dict[Key, Record], database: dict[Key, Record]) -> Changes:
    changes = Changes()
    for key, record in file.items():
        current = database.get(key)
        if current is None:
            changes.created.append(record)
            continue
        new, old = comparable(record), comparable(current)
        changed = {c: (old[c], new[c]) for c in new if new[c] != old[c]}
        if changed:
            changes.updated.append((record, changed))
        else:
            changes.unchanged += 1
    return changes
