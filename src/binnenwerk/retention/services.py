"""`binnenwerk opschonen`: delete or anonymise what is past retention, in one transaction.

What the figures of the past are computed from stays: people, contracts, placements, the
target-group flag, sick reports with their dates and partial recovery, outflow records with
their reason. An anonymised person keeps their personnel number and those rows; their names,
date of birth, BSN and free texts about them are gone, also from the audit log (the entries
stay, their personal values are replaced). The per-record deletes and updates write no audit
entries of their own (those would copy the very values being erased): the run leaves one
summary record, Opschoning, which auditlog logs with the acting user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.imports.uploads import upload_leftovers_remove
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Medewerker
from binnenwerk.recruitment.models import Kandidaat, Kandidaatfase, Proefplaatsing
from binnenwerk.retention import selectors
from binnenwerk.retention.constants import ANONIEM, MEDEWERKER_LEEG, MEDEWERKER_NAMEN, Soort
from binnenwerk.retention.models import Opschoning
from binnenwerk.services_base import save_validated
from binnenwerk.survey.services import drafts_purge

BATCH = 500

# Per model: the fields whose values the audit log must no longer show once the record (or
# the person it is about) is anonymised.
KANDIDAAT_VELDEN = ("voornaam", "achternaam", "email", "telefoon", "reden")


def _batches(ids: Sequence[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), BATCH):
        yield list(ids[i : i + BATCH])


def _ids(queryset: models.QuerySet[Any]) -> list[int]:
    return list(queryset.order_by().values_list("pk", flat=True).distinct())


def _empty(field: models.Field[Any, Any]) -> Any:
    """The value that clears a field: None where allowed, else the empty string (a search
    column such as bsn_zoekwaarde gets the value it has for no BSN)."""
    value_from_row = getattr(field, "value_from_row", None)
    if value_from_row is not None:
        return value_from_row({})
    return None if field.null else ""


def medewerker_cleared_fields() -> dict[str, Any]:
    """The columns an anonymised person gets, for the fields the model has."""
    values: dict[str, Any] = {}
    for field in Medewerker._meta.concrete_fields:
        if field.name in MEDEWERKER_NAMEN:
            values[field.name] = ANONIEM
        elif field.name in MEDEWERKER_LEEG or field.name.startswith("bsn"):
            values[field.name] = _empty(field)
    return values


def _masked(value: Any) -> Any:
    return ANONIEM if value not in (None, "", "None") else value


def logentries_scrub(
    *, model: type[models.Model], ids: Iterable[int], fields: Iterable[str], repr_of: Any = None
) -> int:
    """Anonymise the audit entries about these records: the personal fields' values in
    `changes` become ANONIEM, the change text and serialized copy go, and the name the entry
    shows becomes the record's name now (or ANONIEM). The entries themselves stay."""
    content_type = ContentType.objects.get_for_model(model)
    fields = set(fields)
    names = repr_of or {}
    changed = 0
    for batch in _batches(sorted(set(ids))):
        entries = list(
            LogEntry.objects.filter(content_type=content_type, object_id__in=batch).only(
                "pk", "object_id", "object_repr", "changes", "changes_text", "serialized_data"
            )
        )
        for entry in entries:
            changes = entry.changes if isinstance(entry.changes, dict) else {}
            entry.changes = {
                name: (
                    [_masked(v) for v in value]
                    if name in fields and isinstance(value, list)
                    else (_masked(value) if name in fields else value)
                )
                for name, value in changes.items()
            }
            entry.changes_text = ""
            entry.serialized_data = None
            entry.object_repr = names.get(entry.object_id, ANONIEM)
        LogEntry.objects.bulk_update(
            entries, ["changes", "changes_text", "serialized_data", "object_repr"]
        )
        changed += len(entries)
    return changed


def _delete(queryset: models.QuerySet[Any]) -> int:
    ids = _ids(queryset)
    model = queryset.model
    for batch in _batches(ids):
        model.objects.filter(pk__in=batch).delete()
    return len(ids)


def kandidaten_anonymise(ids: Sequence[int]) -> int:
    """Names, contact details and reasons go; stage history, trial placements, work type and
    origin stay (the recruitment funnel of the past is counted from them)."""
    for batch in _batches(ids):
        _kandidaten_anonymise(batch)
    return len(ids)


def _kandidaten_anonymise(ids: list[int]) -> None:
    Kandidaat.objects.filter(pk__in=ids).update(
        voornaam=ANONIEM, achternaam=ANONIEM, email="", telefoon=""
    )
    Kandidaat.objects.filter(pk__in=ids).exclude(reden="").update(reden=ANONIEM)
    Kandidaatfase.objects.filter(kandidaat__in=ids).exclude(reden="").update(reden=ANONIEM)
    stages = list(Kandidaatfase.objects.filter(kandidaat__in=ids).select_related("kandidaat"))
    trials = list(
        Proefplaatsing.objects.filter(kandidaat__in=ids).select_related("kandidaat", "team")
    )
    logentries_scrub(
        model=Kandidaat,
        ids=ids,
        fields=KANDIDAAT_VELDEN,
        repr_of={i: f"{ANONIEM} {ANONIEM}" for i in ids},
    )
    logentries_scrub(
        model=Kandidaatfase,
        ids=[s.pk for s in stages],
        fields=["reden"],
        repr_of={s.pk: str(s) for s in stages},
    )
    logentries_scrub(
        model=Proefplaatsing,
        ids=[t.pk for t in trials],
        fields=[],
        repr_of={t.pk: str(t) for t in trials},
    )


def medewerkers_anonymise(ids: Sequence[int]) -> int:
    """Names, date of birth, BSN and contact fields of the person, the free texts about their
    outflow and contract decisions, and the candidate record they were hired from."""
    for batch in _batches(ids):
        _medewerkers_anonymise(batch)
    return len(ids)


def _medewerkers_anonymise(ids: list[int]) -> None:
    cleared = medewerker_cleared_fields()
    Medewerker.objects.filter(pk__in=ids).update(**cleared)
    Uitstroom.objects.filter(medewerker__in=ids).exclude(toelichting="").update(toelichting="")
    besluiten = Contractbesluit.objects.filter(dienstverband__medewerker__in=ids)
    besluiten.exclude(reden="").update(reden=ANONIEM)
    besluiten.exclude(ketenwaarschuwing="").update(ketenwaarschuwing=ANONIEM)
    numbers = dict(Medewerker.objects.filter(pk__in=ids).values_list("pk", "personeelsnummer"))
    logentries_scrub(
        model=Medewerker,
        ids=ids,
        fields=cleared,
        repr_of={pk: f"{ANONIEM} {ANONIEM} ({nummer})" for pk, nummer in numbers.items()},
    )
    outflow = list(Uitstroom.objects.filter(medewerker__in=ids).select_related("medewerker"))
    logentries_scrub(
        model=Uitstroom,
        ids=[u.pk for u in outflow],
        fields=["toelichting"],
        repr_of={u.pk: str(u) for u in outflow},
    )
    decisions = list(
        Contractbesluit.objects.filter(dienstverband__medewerker__in=ids).select_related(
            "dienstverband__medewerker"
        )
    )
    logentries_scrub(
        model=Contractbesluit,
        ids=[d.pk for d in decisions],
        fields=["reden", "ketenwaarschuwing"],
        repr_of={d.pk: str(d) for d in decisions},
    )
    hired = _ids(Kandidaat.objects.filter(medewerker__in=ids).exclude(selectors.is_anonymous()))
    kandidaten_anonymise(hired)


@transaction.atomic
def opschoning_run(*, peildatum: dt.date, door: str, actor: Any = None) -> Opschoning | None:
    """Delete or anonymise everything past retention on `peildatum`; one summary record.

    Nothing due: nothing is written, not even a summary (a second run does nothing)."""
    due = {soort: _ids(select(peildatum)) for soort, select in selectors.DUE.items()}
    aantallen = {str(soort): len(ids) for soort, ids in due.items()}
    if not any(aantallen.values()):
        return None
    with disable_auditlog():
        for soort in (
            Soort.COACHINGNOTITIES,
            Soort.ONTWIKKELDOELEN,
            Soort.POORTWACHTERSTAPPEN,
            Soort.INZAGEN,
        ):
            _delete(selectors.DUE[soort](peildatum))
        kandidaten_anonymise(due[Soort.KANDIDATEN])
        medewerkers_anonymise(due[Soort.MEDEWERKERS])
    run = Opschoning(peildatum=peildatum, door=door[:150], gebruiker=actor, aantallen=aantallen)
    return save_validated(run, actor)


@dataclass(frozen=True)
class Leftovers:
    sessies: int  # expired sessions, the survey's drafts in progress among them
    uploads: int  # import files checked but never confirmed, older than a day


def leftovers_remove(*, now: dt.datetime) -> Leftovers:
    """Remove what work in progress left behind: expired sessions (a survey's encrypted answers
    in progress expire with theirs after an hour) and uploaded import files older than a day.
    No personal record: not in the audit log. Run by `binnenwerk opschonen`, daily."""
    return Leftovers(sessies=drafts_purge(now=now), uploads=upload_leftovers_remove())
