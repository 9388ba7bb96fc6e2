"""Write validated changes with bulk statements, sheet by sheet, and audit each record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from auditlog.models import LogEntry

from binnenwerk.audit import log_bulk, log_bulk_ids
from binnenwerk.bulk import insert_returning_ids
from binnenwerk.imports.records import Key, Record
from binnenwerk.imports.schema import SPECS
from binnenwerk.imports.state import FIELDS, stored_columns
from binnenwerk.people.bsn import mask_bsn

BATCH = 2000
NOTE = "import"

# Reference columns: the sheet they name, and the model attribute that holds the id.
REFERENCES = {
    "hoort_bij": ("organisaties", "hoort_bij_id"),
    "werksoort": ("werksoorten", "werksoort_id"),
    "locatie": ("locaties", "locatie_id"),
    "partner": ("organisaties", "partner_id"),
    "werkgever": ("organisaties", "werkgever_id"),
    "personeelsnummer": ("medewerkers", "medewerker_id"),
    "team": ("teams", "team_id"),
    "opdrachtgever": ("organisaties", "opdrachtgever_id"),
}


@dataclass
class Changes:
    created: list[Record] = field(default_factory=list)
    updated: list[tuple[Record, dict[str, tuple[Any, Any]]]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def total(self) -> int:
        return len(self.created) + len(self.updated)


def write_changes(
    *,
    actor: Any,
    changes: dict[str, Changes],
    ids: dict[str, dict[Key, int]],
    progress: Callable[[int], Any] | None = None,
) -> None:
    for sheet in SPECS:
        _create(actor, sheet, changes[sheet].created, ids, progress)
        _update(actor, sheet, changes[sheet].updated, ids, progress)
    _link_parents(changes["organisaties"].created, ids)


def _is_reference(sheet: str, column: str) -> bool:
    # On the medewerkers sheet the personeelsnummer is the record's own key.
    return column in REFERENCES and not (sheet == "medewerkers" and column == "personeelsnummer")


def _attribute(sheet: str, column: str) -> str:
    return REFERENCES[column][1] if _is_reference(sheet, column) else column


def _attributes(sheet: str, record: Record, ids: dict[str, dict[Key, int]]) -> dict[str, Any]:
    """Model attributes for a record; a parent organisation may not exist yet (set later)."""
    attributes = {}
    for column in stored_columns(sheet):
        value = record.values.get(column)
        if _is_reference(sheet, column):
            target = REFERENCES[column][0]
            value = None if value is None else ids[target].get((value,))
        attributes[_attribute(sheet, column)] = value
    return attributes


def _describe(sheet: str, record: Record) -> str:
    return f"{sheet[:-1] if sheet.endswith('s') else sheet} {' '.join(map(str, record.key()))}"


def _namer(names: dict[int, str]) -> Callable[[Any], str]:
    def describe(obj: Any) -> str:
        return names[obj.pk]

    return describe


def _shown(column: str, value: Any) -> Any:
    if column == "bsn":
        return mask_bsn(value or "")
    return None if value is None else str(value)


def _create(
    actor: Any,
    sheet: str,
    records: list[Record],
    ids: dict[str, dict[Key, int]],
    progress: Callable[[int], Any] | None,
) -> None:
    model = FIELDS[sheet][0]
    for start in range(0, len(records), BATCH):
        batch = records[start : start + BATCH]
        new_ids = insert_returning_ids(model, [_attributes(sheet, r, ids) for r in batch])
        names = {}
        for record, pk in zip(batch, new_ids, strict=True):
            ids[sheet][record.key()] = pk
            names[pk] = _describe(sheet, record)
        log_bulk_ids(
            actor=actor,
            action=LogEntry.Action.CREATE,
            model=model,
            names=names,
            note=NOTE,
            changes={
                pk: {c: [None, _shown(c, r.values.get(c))] for c in stored_columns(sheet)}
                for r, pk in zip(batch, new_ids, strict=True)
            },
        )
        if progress:
            progress(len(batch))


def _update(
    actor: Any,
    sheet: str,
    updates: list[tuple[Record, dict[str, tuple[Any, Any]]]],
    ids: dict[str, dict[Key, int]],
    progress: Callable[[int], Any] | None,
) -> None:
    model = FIELDS[sheet][0]
    for start in range(0, len(updates), BATCH):
        batch = updates[start : start + BATCH]
        objects = model.objects.in_bulk([ids[sheet][r.key()] for r, _ in batch])
        touched: set[str] = set()
        names: dict[int, str] = {}
        diffs: dict[int, dict[str, list[Any]]] = {}
        for record, changed in batch:
            obj = objects[ids[sheet][record.key()]]
            for attribute, value in _attributes(sheet, record, ids).items():
                setattr(obj, attribute, value)
            touched.update(_attribute(sheet, c) for c in changed)
            if "bsn" in changed:  # bulk_update skips pre_save: keep the BSN's search value
                obj.bsn_zoekwaarde = model._meta.get_field("bsn_zoekwaarde").value_from_row(
                    {"bsn": obj.bsn}
                )
                touched.add("bsn_zoekwaarde")
            names[obj.pk] = _describe(sheet, record)
            diffs[obj.pk] = {
                c: [_shown(c, old), _shown(c, new)] for c, (old, new) in changed.items()
            }
        model.objects.bulk_update(list(objects.values()), sorted(touched))
        log_bulk(
            actor=actor,
            action=LogEntry.Action.UPDATE,
            objects=objects.values(),
            note=NOTE,
            describe=_namer(names),
            changes=diffs,
        )
        if progress:
            progress(len(batch))


def _link_parents(created: list[Record], ids: dict[str, dict[Key, int]]) -> None:
    """New organisations whose parent was created in the same import get their hoort_bij now."""
    from binnenwerk.organisation.models import Organisatie

    pending = [r for r in created if r.values.get("hoort_bij") is not None]
    objects = Organisatie.objects.in_bulk([ids["organisaties"][r.key()] for r in pending])
    for record in pending:
        obj = objects[ids["organisaties"][record.key()]]
        obj.hoort_bij_id = ids["organisaties"][(record.values["hoort_bij"],)]
    Organisatie.objects.bulk_update(list(objects.values()), ["hoort_bij"])
