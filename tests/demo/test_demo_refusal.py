"""`binnenwerk demo` on a database with real accounts or people (issue 18): it refuses with a
Dutch message and a non-zero exit, and changes nothing: no password reset to the public demo
password, no demo accounts added."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from binnenwerk.accounts.services import account_set
from binnenwerk.people.models import Medewerker
from tests.factories import MedewerkerFactory


def test_a_database_with_a_real_administrator_is_refused():
    account_set(actor=None, username="beheerder", password="echt-geheim-1", roles=["beheerder"])
    with pytest.raises(CommandError) as refused:
        call_command("demo", "--no-serve", stdout=io.StringIO())
    assert refused.value.returncode == 1
    assert "bevat al gegevens (1 account)" in str(refused.value)
    assert "Er is niets veranderd" in str(refused.value)
    users = get_user_model().objects.all()
    assert [u.username for u in users] == ["beheerder"]
    assert users[0].check_password("echt-geheim-1") and not users[0].check_password(
        "binnenwerk-demo"
    )
    assert not Medewerker.objects.exists()


def test_a_database_with_people_but_no_accounts_is_refused():
    MedewerkerFactory()
    with pytest.raises(CommandError, match="1 medewerker\\)"):
        call_command("demo", "--no-serve", stdout=io.StringIO())
    assert not get_user_model().objects.exists() and Medewerker.objects.count() == 1
