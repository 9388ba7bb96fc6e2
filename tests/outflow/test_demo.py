"""The demo's outflow: nine move-ons within the Rijk in 2023, counted from the records."""

import datetime as dt

from auditlog.models import LogEntry

from binnenwerk.jobs.selectors import banen_op_data
from binnenwerk.outflow.demo import leavers, outflow_demo_load
from binnenwerk.outflow.models import Uitstroom
from binnenwerk.outflow.selectors import uitstroom_cijfers


def test_nine_moved_on_within_the_rijk_in_2023(demo_org):
    figures = uitstroom_cijfers(2023)
    assert figures.doorstroom == 9
    assert figures.totaal == len([p for p, day in leavers() if day.year == 2023])
    movers = Uitstroom.objects.filter(datum__year=2023, reden="doorstroom_rijk")
    assert all(m.nieuwe_werkgever for m in movers)


def test_every_leaver_has_a_reason_and_a_second_load_changes_nothing(demo_org):
    assert Uitstroom.objects.count() == len(leavers())
    entries = LogEntry.objects.count()
    jobs = banen_op_data([dt.date(2023, 12, 31)])[0].totaal
    assert outflow_demo_load() == 0
    assert LogEntry.objects.count() == entries
    assert banen_op_data([dt.date(2023, 12, 31)])[0].totaal == jobs


def test_only_binnenwerk_employees_are_recorded(demo_org):
    assert not Uitstroom.objects.filter(medewerker__werkgever__isnull=False).exists()
