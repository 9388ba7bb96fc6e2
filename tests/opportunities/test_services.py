import datetime as dt
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from binnenwerk.opportunities import services
from binnenwerk.opportunities.models import Kans

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("beheer", password="x-geheim-123")


def fields(**extra):
    values = {
        "titel": "Archiefbanen",
        "verwachte_banen": Decimal("12.5"),
        "fase": "idee",
        "verwachte_start": D(2027, 1, 1),
        "kans_pct": 40,
    }
    return {**values, **extra}


def test_kans_create_and_update_are_audited(actor):
    kans = services.kans_create(actor=actor, **fields(titel="  Archiefbanen "))
    assert kans.titel == "Archiefbanen"
    assert kans.gewogen_banen == Decimal(5)
    services.kans_update(actor=actor, kans=kans, fase="akkoord", kans_pct=80)
    entries = LogEntry.objects.get_for_object(kans)
    assert entries.count() == 2 and {e.actor for e in entries} == {actor}


@pytest.mark.parametrize(
    ("bad", "field", "words"),
    [
        ({"kans_pct": 101}, "kans_pct", "100"),
        ({"verwachte_banen": Decimal(0)}, "verwachte_banen", "minstens"),
        ({"fase": "misschien"}, "fase", "geen geldige keuze"),
        ({"verwachte_start": D(2010, 1, 1)}, "verwachte_start", "2015"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_written(actor, bad, field, words):
    with pytest.raises(ValidationError) as error:
        services.kans_create(actor=actor, **fields(**bad))
    assert words in " ".join(error.value.message_dict[field])
    assert not Kans.objects.exists()


def test_titles_are_unique_regardless_of_case(actor):
    services.kans_create(actor=actor, **fields())
    with pytest.raises(ValidationError) as error:
        services.kans_create(actor=actor, **fields(titel="archiefbanen"))
    assert "al een idee" in error.value.message_dict["titel"][0]


def test_a_dropped_idea_weighs_nothing(actor):
    kans = services.kans_create(actor=actor, **fields(fase="vervallen"))
    assert kans.gewogen_banen == 0


def test_kans_set_is_idempotent(actor):
    services.kans_set(actor=actor, **fields())
    services.kans_set(actor=actor, **fields())
    assert LogEntry.objects.filter(content_type__model="kans").count() == 1
    services.kans_set(actor=actor, **fields(kans_pct=60))
    assert Kans.objects.get().kans_pct == 60
