"""The BSN at rest: ciphertext in the column, lookups by keyed hash, rotation, wrong keys."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from cryptography.fernet import Fernet
from django.core.exceptions import FieldError
from django.db import connection
from django.test import override_settings

from binnenwerk import crypto
from binnenwerk.imports.readers import read_path
from binnenwerk.imports.services import import_dataset
from binnenwerk.people import services
from binnenwerk.people.models import Medewerker
from binnenwerk.people.selectors import medewerker_by_bsn
from tests.imports.conftest import SHEETS, write_csv

BSN = "111222333"  # passes the 11-proef
OTHER_BSN = "123456782"
ROOT = Path(__file__).resolve().parents[2]


def _raw_column(pk: int) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT bsn, bsn_zoekwaarde FROM people_medewerker WHERE id = %s", [pk])
        return cursor.fetchone()


def _person(bsn: str = BSN, nummer: str = "5001") -> Medewerker:
    return services.medewerker_create(
        actor=None, personeelsnummer=nummer, voornaam="Ada", achternaam="Bos", bsn=bsn
    )


def test_database_file_never_holds_the_digits(tmp_path):
    """A file SQLite database, migrated from scratch; one person made before the encrypting
    migration (plain, as in an old database) and one after: neither BSN is in the file."""
    database = tmp_path / "bsn.sqlite3"
    script = textwrap.dedent(
        f"""
        import django
        django.setup()
        from django.core.management import call_command
        from django.db import connection
        call_command("migrate", verbosity=0)
        call_command("migrate", "people", "0002", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO people_medewerker (personeelsnummer, voornaam, achternaam, bsn,"
                " doelgroepindicatie) VALUES ('1', 'Oud', 'Bestand', '{OTHER_BSN}', 0)"
            )
        call_command("migrate", verbosity=0)
        from binnenwerk.people import services
        from binnenwerk.people.models import Medewerker
        from binnenwerk.people.selectors import medewerker_by_bsn
        services.medewerker_create(
            actor=None, personeelsnummer="2", voornaam="Nieuw", achternaam="Mens", bsn="{BSN}"
        )
        assert Medewerker.objects.get(personeelsnummer="1").bsn == "{OTHER_BSN}"
        assert medewerker_by_bsn(Medewerker.objects.all(), "{BSN}").get().personeelsnummer == "2"
        assert medewerker_by_bsn(Medewerker.objects.all(), "{OTHER_BSN}").get().voornaam == "Oud"
        print("ok")
        """
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "binnenwerk.settings_test",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
    content = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert BSN.encode() not in content
    assert OTHER_BSN.encode() not in content
    assert b"Bestand" in content  # the file is really the database


def test_column_holds_ciphertext_and_python_the_number():
    person = _person()
    stored, search = _raw_column(person.pk)
    assert BSN not in stored and stored.startswith("gAAAA")  # a Fernet token
    assert search == crypto.search_value(BSN) and BSN not in search
    assert Medewerker.objects.get(pk=person.pk).bsn == BSN
    assert list(Medewerker.objects.filter(pk=person.pk).values_list("bsn", flat=True)) == [BSN]
    # Two writes of the same number give different ciphertext, the same search value.
    twin = _person(nummer="5002")
    assert _raw_column(twin.pk)[0] != stored and _raw_column(twin.pk)[1] == search


def test_no_bsn_stays_empty_and_searchable_as_empty():
    person = _person(bsn="")
    assert _raw_column(person.pk) == ("", "")
    assert Medewerker.objects.filter(bsn="").filter(pk=person.pk).exists()


def test_lookup_by_bsn_uses_the_search_value_only():
    person = _person()
    _person(bsn=OTHER_BSN, nummer="5003")
    assert list(medewerker_by_bsn(Medewerker.objects.all(), "111.222.333")) == [person]
    assert not medewerker_by_bsn(Medewerker.objects.all(), "").exists()
    with pytest.raises(FieldError):
        Medewerker.objects.filter(bsn=BSN).exists()
    with pytest.raises(FieldError):
        Medewerker.objects.filter(bsn__contains="111").exists()


def test_update_keeps_the_search_value_in_step():
    person = _person()
    services.medewerker_update(actor=None, medewerker=person, bsn=OTHER_BSN)
    assert _raw_column(person.pk)[1] == crypto.search_value(OTHER_BSN)
    assert medewerker_by_bsn(Medewerker.objects.all(), OTHER_BSN).get() == person


def test_audit_log_masks_the_bsn_and_leaves_out_its_search_value():
    person = _person()
    services.medewerker_update(actor=None, medewerker=person, bsn=OTHER_BSN)
    entries = LogEntry.objects.get_for_object(person)
    assert entries.count() == 2
    for entry in entries:
        text = str(entry.changes)
        assert BSN not in text and OTHER_BSN not in text
        assert "bsn_zoekwaarde" not in text
        assert crypto.search_value(BSN) not in text
    assert entries.filter(changes__icontains="bsn").exists()


def test_importer_writes_ciphertext_and_matches_on_reimport(tmp_path):
    sheets = {name: [list(r) for r in rows] for name, rows in SHEETS.items()}
    import_dataset(actor=None, dataset=read_path(write_csv(tmp_path / "a", sheets)))
    person = Medewerker.objects.get(personeelsnummer="100")
    assert person.bsn == BSN
    stored, search = _raw_column(person.pk)
    assert BSN not in stored and search == crypto.search_value(BSN)
    # The same file again: nothing changes (the decrypted value compares equal).
    again = import_dataset(actor=None, dataset=read_path(write_csv(tmp_path / "b", sheets)))
    assert "medewerkers" not in str(again.__dict__.get("updated", ""))
    assert _raw_column(person.pk)[0] == stored
    # A new BSN in the file: updated through bulk_update, search value along with it.
    sheets["medewerkers"][1][4] = OTHER_BSN
    import_dataset(actor=None, dataset=read_path(write_csv(tmp_path / "c", sheets)))
    stored, search = _raw_column(person.pk)
    assert OTHER_BSN not in stored and search == crypto.search_value(OTHER_BSN)
    assert medewerker_by_bsn(Medewerker.objects.all(), OTHER_BSN).get() == person
    logged = " ".join(str(e.changes) for e in LogEntry.objects.get_for_object(person))
    assert BSN not in logged and OTHER_BSN not in logged


def test_rotation_reencrypts_with_the_first_key_and_stays_readable():
    from django.conf import settings

    old_keys = list(settings.BSN_SLEUTELS)
    person = _person()
    before = _raw_column(person.pk)[0]
    new_key = Fernet.generate_key().decode()
    with override_settings(BSN_SLEUTELS=[new_key, *old_keys]):
        assert services.bsn_keys_rotate(actor=None) >= 1
        after = _raw_column(person.pk)[0]
        assert after != before
        assert LogEntry.objects.filter(additional_data__bron="bsn-sleutels-roteren").exists()
    # Only the new key left: still readable; only the old key: refused clearly.
    with override_settings(BSN_SLEUTELS=[new_key]):
        assert Medewerker.objects.get(pk=person.pk).bsn == BSN
    with override_settings(BSN_SLEUTELS=old_keys), pytest.raises(crypto.BSNSleutelFout):
        Medewerker.objects.get(pk=person.pk)


def test_rotation_command_runs():
    from django.core.management import call_command

    _person()
    call_command("bsn_sleutels_roteren", verbosity=0)
    assert Medewerker.objects.get(personeelsnummer="5001").bsn == BSN


def test_a_wrong_key_fails_clearly():
    person = _person()
    other_key = Fernet.generate_key().decode()
    with (
        override_settings(BSN_SLEUTELS=[other_key]),
        pytest.raises(crypto.BSNSleutelFout, match="BSN_SLEUTELS"),
    ):
        Medewerker.objects.get(pk=person.pk)
    with override_settings(BSN_SLEUTELS=["geen-sleutel"]), pytest.raises(Exception) as error:
        Medewerker.objects.get(pk=person.pk)
    assert "BSN_SLEUTELS" in str(error.value)


def test_serving_without_keys_is_refused():
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "BSN_SLEUTELS",
            "BSN_ZOEKSLEUTEL",
            "BINNENWERK_CLI",
            "BINNENWERK_ONTWIKKELSLEUTELS",
            "DJANGO_DEBUG",
        )
    }
    env |= {"SECRET_KEY": "x" * 60, "DJANGO_SETTINGS_MODULE": "binnenwerk.settings"}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "BSN_SLEUTELS" in result.stderr and "ImproperlyConfigured" in result.stderr


@pytest.mark.parametrize(
    ("database", "refused"),
    [("postgres://postgres@127.0.0.1:5432/test", True), ("sqlite:///demo.sqlite3", False)],
)
def test_command_line_work_needs_the_keys_on_postgresql_only(database, refused):
    """A command on a production database must never encrypt with the public development
    keys; on a SQLite file (the demo) they are fine."""
    drop = ("BSN_SLEUTELS", "BSN_ZOEKSLEUTEL", "BINNENWERK_ONTWIKKELSLEUTELS", "DJANGO_DEBUG")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env |= {
        "BINNENWERK_CLI": "1",
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": "binnenwerk.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert (result.returncode != 0) == refused, result.stderr
    assert ("BSN_SLEUTELS" in result.stderr) == refused
