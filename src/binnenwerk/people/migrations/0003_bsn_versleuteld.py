"""The BSN encrypted at rest: a ciphertext column and a search value (keyed hash) are added,
every stored BSN is encrypted in batches, then the plain column is dropped.

The keys are read from the settings (binnenwerk.crypto): run with BSN_SLEUTELS and
BSN_ZOEKSLEUTEL set in production. Reversible (decrypts back into a plain column).
"""

from django.db import migrations

import binnenwerk.people.fields

BATCH = 2000


def _batches(Medewerker):
    last = 0
    while True:
        batch = list(Medewerker.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def secure_delete(apps, schema_editor):
    """SQLite: overwrite freed pages, so no plain BSN stays behind in the file's free space
    when the table is rebuilt without its plain column."""
    if schema_editor.connection.vendor == "sqlite":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute("PRAGMA secure_delete = ON")


def encrypt_existing(apps, schema_editor):
    from binnenwerk import crypto

    Medewerker = apps.get_model("people", "Medewerker")
    for batch in _batches(Medewerker):
        for person in batch:
            # The historical model's field encrypts on the way to the database.
            person.bsn_versleuteld = person.bsn or ""
            person.bsn_zoekwaarde = crypto.search_value(person.bsn or "")
        Medewerker.objects.bulk_update(batch, ["bsn_versleuteld", "bsn_zoekwaarde"])


def decrypt_back(apps, schema_editor):
    Medewerker = apps.get_model("people", "Medewerker")
    for batch in _batches(Medewerker):
        for person in batch:
            person.bsn = person.bsn_versleuteld or ""
        Medewerker.objects.bulk_update(batch, ["bsn"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_english_message_ids"),
    ]

    operations = [
        migrations.RunPython(secure_delete, migrations.RunPython.noop, elidable=False),
        migrations.AddField(
            model_name="medewerker",
            name="bsn_versleuteld",
            field=binnenwerk.people.fields.EncryptedBSNField(
                blank=True, default="", verbose_name="BSN"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="medewerker",
            name="bsn_zoekwaarde",
            field=binnenwerk.people.fields.BSNSearchField(db_index=True),
        ),
        migrations.RunPython(encrypt_existing, decrypt_back, elidable=False),
        migrations.RemoveField(
            model_name="medewerker",
            name="bsn",
        ),
        migrations.RenameField(
            model_name="medewerker",
            old_name="bsn_versleuteld",
            new_name="bsn",
        ),
    ]
