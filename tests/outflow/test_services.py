import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from binnenwerk.outflow import services
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.people.models import Dienstverband, Plaatsing
from tests.factories import DienstverbandFactory, PlaatsingFactory
from tests.outflow.factories import employed

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("hr", password="x-geheim-123")


def text(error: ValidationError) -> str:
    return " ".join(error.messages)


def test_medewerker_uitstroom_ends_contract_and_placement_and_records_the_reason(actor):
    person = employed(start=D(2021, 3, 1))
    record = services.medewerker_uitstroom(
        actor=actor,
        medewerker=person,
        datum=D(2023, 6, 30),
        reden="doorstroom_rijk",
        nieuwe_werkgever=" Rijkswaterstaat ",
    )
    assert Dienstverband.objects.get(medewerker=person).einde == D(2023, 6, 30)
    assert Plaatsing.objects.get(medewerker=person).einde == D(2023, 6, 30)
    assert (record.reden, record.nieuwe_werkgever) == ("doorstroom_rijk", "Rijkswaterstaat")
    entry = LogEntry.objects.get_for_object(record).get()
    assert entry.actor == actor


def test_a_move_on_without_new_employer_is_refused_and_nothing_is_written(actor):
    person = employed()
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="doorstroom_rijk"
        )
    assert "nieuwe_werkgever" in error.value.message_dict
    assert "nieuwe werkgever" in text(error.value)
    assert Dienstverband.objects.get(medewerker=person).einde is None
    assert not Uitstroom.objects.exists()


def test_no_contract_on_the_date_is_refused_in_dutch(actor):
    person = employed(start=D(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="eigen_verzoek"
        )
    assert "geen lopend dienstverband" in error.value.message_dict["datum"][0]
    assert not Uitstroom.objects.exists()


def test_a_later_contract_blocks_the_outflow_and_nothing_is_written(actor):
    person = employed(start=D(2022, 1, 1), einde=D(2022, 12, 31))
    DienstverbandFactory(medewerker=person, start=D(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor, medewerker=person, datum=D(2022, 6, 30), reden="eigen_verzoek"
        )
    assert "begint" in error.value.message_dict["datum"][0]
    assert Dienstverband.objects.get(medewerker=person, start=D(2022, 1, 1)).einde == D(
        2022, 12, 31
    )


def test_a_later_placement_blocks_the_outflow(actor):
    person = employed(start=D(2022, 1, 1))
    Plaatsing.objects.filter(medewerker=person).update(einde=D(2022, 12, 31))
    PlaatsingFactory(medewerker=person, start=D(2023, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor, medewerker=person, datum=D(2022, 6, 30), reden="pensioen"
        )
    assert "plaatsing" in error.value.message_dict["datum"][0]
    assert Dienstverband.objects.get(medewerker=person).einde is None


def test_a_new_employer_is_refused_for_reasons_other_than_work(actor):
    person = employed()
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor,
            medewerker=person,
            datum=D(2023, 6, 30),
            reden="pensioen",
            nieuwe_werkgever="X",
        )
    assert "alleen" in error.value.message_dict["nieuwe_werkgever"][0]


def test_an_unknown_reason_is_refused(actor):
    with pytest.raises(ValidationError) as error:
        services.medewerker_uitstroom(
            actor=actor, medewerker=employed(), datum=D(2023, 6, 30), reden="ontslag"
        )
    assert "reden" in error.value.message_dict


def test_uitstroom_record_needs_a_contract_ending_on_the_date(actor):
    person = employed(einde=D(2023, 6, 30))
    with pytest.raises(ValidationError) as error:
        services.uitstroom_record(
            actor=actor, medewerker=person, datum=D(2023, 6, 29), reden="opleiding"
        )
    assert "eindigt" in error.value.message_dict["datum"][0]
    record = services.uitstroom_record(
        actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="opleiding"
    )
    assert record.pk


def test_recording_again_corrects_and_the_same_values_change_nothing(actor):
    person = employed(einde=D(2023, 6, 30))
    first = services.uitstroom_record(
        actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="opleiding"
    )
    services.uitstroom_record(
        actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="opleiding"
    )
    assert LogEntry.objects.get_for_object(first).count() == 1
    services.uitstroom_record(
        actor=actor,
        medewerker=person,
        datum=D(2023, 6, 30),
        reden="regulier_werk",
        nieuwe_werkgever="PostNL",
    )
    assert Uitstroom.objects.get().reden == "regulier_werk"
    assert LogEntry.objects.get_for_object(first).count() == 2


def test_uitstroom_on_a_contract_already_ending_that_day_only_records(actor):
    person = employed(einde=D(2023, 6, 30))
    services.medewerker_uitstroom(
        actor=actor, medewerker=person, datum=D(2023, 6, 30), reden="einde_contract"
    )
    contract = Dienstverband.objects.get(medewerker=person)
    assert not LogEntry.objects.get_for_object(contract).filter(action=LogEntry.Action.UPDATE)
    assert Uitstroom.objects.get().datum == D(2023, 6, 30)


def test_bulk_records_with_audit_and_skips_people_already_recorded(
    actor, django_assert_max_num_queries
):
    people = [employed(einde=D(2023, 1, 10) + dt.timedelta(days=i)) for i in range(5)]
    items = [
        services.UitstroomInvoer(p, D(2023, 1, 10) + dt.timedelta(days=i), "eigen_verzoek")
        for i, p in enumerate(people)
    ]
    # Django caches content types per process: fill that cache first, so the count does not
    # depend on whether an earlier test in this worker already did.
    ContentType.objects.get_for_model(Uitstroom)
    with django_assert_max_num_queries(12):
        created = services.uitstroom_record_bulk(actor=actor, items=items, note="test")
    assert len(created) == 5 and Uitstroom.objects.count() == 5
    entries = LogEntry.objects.filter(content_type__model="uitstroom")
    assert entries.count() == 5 and {e.actor_id for e in entries} == {actor.pk}
    assert services.uitstroom_record_bulk(actor=actor, items=items) == []
    assert entries.count() == 5


def test_bulk_refuses_everything_on_any_error(actor):
    good, bad = employed(einde=D(2023, 1, 10)), employed(einde=D(2023, 2, 10))
    items = [
        services.UitstroomInvoer(good, D(2023, 1, 10), "eigen_verzoek"),
        services.UitstroomInvoer(bad, D(2023, 2, 10), "doorstroom_rijk"),
    ]
    with pytest.raises(ValidationError) as error:
        services.uitstroom_record_bulk(actor=actor, items=items)
    assert bad.personeelsnummer in text(error.value)
    assert not Uitstroom.objects.exists()


def test_the_database_holds_the_move_on_rule():
    from django.db import IntegrityError, transaction

    person = employed(einde=D(2023, 1, 10))
    with pytest.raises(IntegrityError), transaction.atomic():
        Uitstroom.objects.create(medewerker=person, datum=D(2023, 1, 10), reden="doorstroom_rijk")
    with pytest.raises(IntegrityError), transaction.atomic():
        Uitstroom.objects.create(
            medewerker=person, datum=D(2023, 1, 10), reden="pensioen", nieuwe_werkgever="X"
        )
