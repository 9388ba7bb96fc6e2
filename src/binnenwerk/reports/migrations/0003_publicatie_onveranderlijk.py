"""The database refuses to change a published snapshot, whatever the path (the ORM, raw SQL,
a database console).

PostgreSQL: a row trigger BEFORE UPDATE OR DELETE raises an exception. TRUNCATE fires no row
trigger, so a test database is still emptied by Django's flush (which truncates there).
SQLite: a BEFORE UPDATE trigger aborts. No DELETE trigger: Django's flush empties a SQLite
database with DELETE, and the tests flush after every module. The model and its manager
refuse a delete on both databases.

Note for later migrations: on SQLite a change of this table's columns makes Django rebuild
the table, which drops its triggers; such a migration must create the trigger again.
"""

from django.db import migrations

MESSAGE = "reports_publicatie: a publication cannot be changed or deleted"

POSTGRES_CREATE = [
    f"""
    CREATE OR REPLACE FUNCTION reports_publicatie_onveranderlijk() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END;
    $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER reports_publicatie_onveranderlijk
    BEFORE UPDATE OR DELETE ON reports_publicatie
    FOR EACH ROW EXECUTE FUNCTION reports_publicatie_onveranderlijk()
    """,
]
POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS reports_publicatie_onveranderlijk ON reports_publicatie",
    "DROP FUNCTION IF EXISTS reports_publicatie_onveranderlijk()",
]
SQLITE_CREATE = [
    f"""
    CREATE TRIGGER reports_publicatie_onveranderlijk
    BEFORE UPDATE ON reports_publicatie
    BEGIN
        SELECT RAISE(ABORT, '{MESSAGE}');
    END
    """,
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS reports_publicatie_onveranderlijk"]


def _run(schema_editor, statements):
    for sql in statements:
        schema_editor.execute(sql, params=None)


def create_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRES_CREATE)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_CREATE)


def drop_triggers(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _run(schema_editor, POSTGRES_DROP)
    elif vendor == "sqlite":
        _run(schema_editor, SQLITE_DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_tekst"),
    ]

    operations = [
        migrations.RunPython(create_triggers, drop_triggers, elidable=False),
    ]
