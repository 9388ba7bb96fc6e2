"""On the demo organisation with a reference date far in the future, where nearly everything
is past retention: the dry run changes no table, the run leaves every published figure of the
past exactly as it was, leaves one audit summary, removes names and BSNs (also from the audit
log), and a second run does nothing. One module: the demo loads once."""

from __future__ import annotations

import io
import json

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command

from binnenwerk.coaching.models import Coachingnotitie
from binnenwerk.people.models import Medewerker
from binnenwerk.retention.constants import ANONIEM
from binnenwerk.retention.models import Opschoning
from tests.retention.checks import figures, table_checksums

FAR = "2040-01-01"


def opschonen(*args: str) -> str:
    out = io.StringIO()
    call_command("opschonen", "--peildatum", FAR, "--door", "beheerder", *args, stdout=out)
    cache.clear()
    return out.getvalue()


def test_the_demo_keeps_every_figure_of_the_past(demo_org):
    before = figures()
    assert before["verzuim.2023"]["totaal"]["shown"][0]
    assert before["publicaties"]
    people = {
        m.pk: (m.voornaam, m.achternaam)
        for m in Medewerker.objects.exclude(dienstverbanden__einde__isnull=True).filter(
            dienstverbanden__isnull=False
        )
    }
    assert len(people) > 50
    assert Coachingnotitie.objects.exists()
    tables = table_checksums()

    opschonen("--dry-run")
    assert table_checksums() == tables

    opschonen()
    run = Opschoning.objects.get()
    assert run.aantallen["medewerkers"] == len(people)
    assert run.aantallen["poortwachterstappen"] > 0
    assert run.aantallen["kandidaten"] > 0
    assert not Coachingnotitie.objects.filter(medewerker__in=list(people)).exists()
    assert run.gebruiker is not None and run.gebruiker.username == "beheerder"
    assert LogEntry.objects.get_for_object(run).count() == 1
    after = figures()
    for key, value in before.items():
        assert after[key] == value, key

    anonymised = Medewerker.objects.filter(pk__in=people)
    assert set(anonymised.values_list("voornaam", "achternaam").distinct()) == {(ANONIEM, ANONIEM)}
    assert all(m.bsn == "" and m.geboortedatum is None for m in anonymised)
    logged = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Medewerker), object_id__in=list(people)
    )
    text = json.dumps([[e.object_repr, e.changes] for e in logged])
    assert logged.exists()
    for voornaam, achternaam in list(people.values())[:200]:
        assert f"{voornaam} {achternaam}" not in text
        assert f'"{achternaam}"' not in text

    tables = table_checksums()
    opschonen()
    assert table_checksums() == tables
    assert Opschoning.objects.count() == 1
