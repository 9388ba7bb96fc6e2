"""Figures cached per data version: served again until any audited change, never after one."""

import datetime as dt

from auditlog.models import LogEntry

from binnenwerk.dataversion import cached, data_version
from binnenwerk.people.models import Dienstverband
from binnenwerk.people.services import dienstverband_end, medewerker_update
from binnenwerk.periods import active_on
from tests.factories import MedewerkerFactory

END_2023 = dt.date(2023, 12, 31)


def counting(calls: list[int]):
    def compute() -> int:
        calls.append(1)
        return len(calls)

    return compute


def test_computed_once_until_a_change_through_a_service():
    person = MedewerkerFactory()
    calls: list[int] = []
    assert cached("test", ["a"], counting(calls)) == 1
    assert cached("test", ["a"], counting(calls)) == 1
    assert cached("test", ["b"], counting(calls)) == 2  # other parts, other entry
    medewerker_update(actor=None, medewerker=person, voornaam="Anders")
    assert cached("test", ["a"], counting(calls)) == 3


def test_version_changes_when_an_entry_with_a_lower_id_arrives_late():
    """PostgreSQL hands out ids before commit: the highest id alone would not change."""
    MedewerkerFactory.create_batch(3)
    before = data_version()
    LogEntry.objects.filter(pk=LogEntry.objects.order_by("pk")[1].pk).delete()
    # The same highest id with one entry fewer is a different state, so a different version.
    assert data_version()[0] == before[0] and data_version() != before


def test_dashboard_shows_a_correction_at_once(as_role, django_assert_max_num_queries):
    client = as_role("management")
    assert "870,20" in client.get("/?peildatum=2023-12-31").content.decode()
    with django_assert_max_num_queries(8):  # the page again: its figures come from the cache
        assert "870,20" in client.get("/?peildatum=2023-12-31").content.decode()
    contract = (
        Dienstverband.objects.filter(active_on(END_2023), medewerker__doelgroepindicatie=True)
        .filter(start__lt=END_2023 - dt.timedelta(days=1))
        .first()
    )
    dienstverband_end(actor=None, dienstverband=contract, einde=END_2023 - dt.timedelta(days=1))
    assert "870,20" not in client.get("/?peildatum=2023-12-31").content.decode()
