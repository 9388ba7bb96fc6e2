"""A published snapshot cannot be changed or deleted: not through the model, not through its
manager's bulk writes, not in raw SQL (a database trigger on both databases; on PostgreSQL
also for DELETE). Superseding still works: it only ever inserts."""

import pytest
from django.contrib.auth import get_user_model
from django.db import DatabaseError, connection, transaction

from binnenwerk.reports.models import ImmutableSnapshotError, Publicatie
from binnenwerk.reports.selectors import huidige_publicatie
from binnenwerk.reports.services import publicatie_create

TRIGGER = "reports_publicatie_onveranderlijk"


@pytest.fixture
def admin():
    return get_user_model().objects.create_user("beheer-guard", password="x")


@pytest.fixture
def publicatie(admin):
    return publicatie_create(actor=admin, jaar=2022)


def _stored(pk):
    return Publicatie.objects.values("reden", "cijfers", "jaar").get(pk=pk)


def test_save_of_an_existing_snapshot_is_refused(publicatie):
    before = _stored(publicatie.pk)
    publicatie.reden = "Achteraf aangepast"
    with pytest.raises(ImmutableSnapshotError):
        publicatie.save()
    with pytest.raises(ImmutableSnapshotError):
        publicatie.save(update_fields=["reden"])
    fresh = Publicatie.objects.get(pk=publicatie.pk)
    with pytest.raises(ImmutableSnapshotError):
        fresh.save()
    assert _stored(publicatie.pk) == before


def test_delete_of_a_snapshot_is_refused(publicatie):
    with pytest.raises(ImmutableSnapshotError):
        publicatie.delete()
    assert Publicatie.objects.filter(pk=publicatie.pk).exists()


def test_the_managers_bulk_writes_are_refused(publicatie):
    before = _stored(publicatie.pk)
    with pytest.raises(ImmutableSnapshotError):
        Publicatie.objects.filter(pk=publicatie.pk).update(reden="x")
    with pytest.raises(ImmutableSnapshotError):
        Publicatie.objects.all().delete()
    with pytest.raises(ImmutableSnapshotError):
        Publicatie.objects.filter(jaar=2022).delete()
    publicatie.reden = "y"
    # Both write inside their own atomic block without a savepoint: give them one.
    with pytest.raises(ImmutableSnapshotError), transaction.atomic():
        Publicatie.objects.bulk_update([publicatie], ["reden"])
    with pytest.raises(ImmutableSnapshotError), transaction.atomic():
        Publicatie.objects.update_or_create(pk=publicatie.pk, defaults={"reden": "z"})
    assert _stored(publicatie.pk) == before
    assert Publicatie.objects.count() == 1


def test_raw_sql_update_is_refused_by_the_database(publicatie):
    before = _stored(publicatie.pk)
    table = connection.ops.quote_name(Publicatie._meta.db_table)
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as c:
        c.execute(f"UPDATE {table} SET reden = %s WHERE id = %s", ["gewijzigd", publicatie.pk])
    assert "cannot be changed" in str(error.value)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute(f"UPDATE {table} SET cijfers = %s", ["{}"])
    assert _stored(publicatie.pk) == before


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite has no DELETE trigger (its flush deletes)"
)
def test_raw_sql_delete_is_refused_on_postgresql(publicatie):
    table = connection.ops.quote_name(Publicatie._meta.db_table)
    with pytest.raises(DatabaseError) as error, transaction.atomic(), connection.cursor() as c:
        c.execute(f"DELETE FROM {table} WHERE id = %s", [publicatie.pk])
    assert "cannot be changed or deleted" in str(error.value)
    assert Publicatie.objects.filter(pk=publicatie.pk).exists()


def test_the_trigger_is_in_the_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname FROM pg_trigger WHERE tgrelid = 'reports_publicatie'::regclass"
                " AND NOT tgisinternal"
            )
        else:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                " AND tbl_name = 'reports_publicatie'"
            )
        names = {row[0] for row in cursor.fetchall()}
    assert TRIGGER in names


def test_a_second_publication_still_supersedes(admin, publicatie):
    before = _stored(publicatie.pk)
    second = publicatie_create(actor=admin, jaar=2022, reden="Correctie")
    third = publicatie_create(actor=admin, jaar=2022, reden="Nog een correctie")
    assert second.vervangt_id == publicatie.pk and third.vervangt_id == second.pk
    assert huidige_publicatie(2022) == third
    # The superseded rows are as they were: superseding never updates them.
    assert _stored(publicatie.pk) == before
    assert Publicatie.objects.get(pk=publicatie.pk).vervangen_door == second


def test_a_new_row_with_a_chosen_id_is_inserted_not_updated(admin, publicatie):
    """save() forces an INSERT: a new object with the id of an existing snapshot fails on the
    primary key instead of overwriting it."""
    clash = Publicatie(
        pk=publicatie.pk,
        jaar=2021,
        published_at=publicatie.published_at,
        cijfers={},
    )
    with pytest.raises(DatabaseError), transaction.atomic():
        clash.save()
    assert Publicatie.objects.get(pk=publicatie.pk).jaar == 2022
