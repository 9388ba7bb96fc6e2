"""The demo's absence: the published 2023 rate comes out of the selector (and the CLI), and
the data holds what the pages need to show."""

import datetime as dt
import io
import json
from decimal import ROUND_HALF_UP, Decimal

from django.core.management import call_command

from binnenwerk.absence.constants import StapStatus, ZiekmeldingSoort
from binnenwerk.absence.demo import absence_demo_load
from binnenwerk.absence.models import Herstelperiode, Poortwachterstap, Verzuimnorm, Ziekmelding
from binnenwerk.absence.scope import readable_people
from binnenwerk.absence.selectors import periode, verzuim_cijfers


def shown(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_2023_rate_is_the_published_one(demo_org):
    assert shown(verzuim_cijfers(periode(2023)).totaal.percentage) == Decimal("11.39")


def test_cli_json(demo_org):
    out = io.StringIO()
    call_command("verzuim", "--jaar", "2023", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    total = data["groepen"][-1]
    assert total["groep"] == "totaal"
    assert total["verzuimpercentage"] == "11.39"
    assert total["medewerkers"] > 600


def test_cli_per_team_table(demo_org):
    out = io.StringIO()
    call_command("verzuim", "--jaar", "2023", "--per", "werksoort", stdout=out)
    text = out.getvalue()
    assert "11,39" in text and "Bos- en natuurbeheer" in text


def test_demo_holds_every_case(demo_org):
    assert Ziekmelding.objects.filter(soort=ZiekmeldingSoort.ZWANGERSCHAP).exists()
    assert Herstelperiode.objects.exists()
    assert Ziekmelding.objects.filter(start__year=2022, einde__year=2023).exists()
    assert Ziekmelding.objects.filter(start__year=2023, einde__year=2024).exists()
    assert set(Verzuimnorm.objects.values_list("jaar", flat=True)) >= set(range(2021, 2027))


def test_open_absences_in_the_supervisors_teams(demo_org):
    from django.contrib.auth import get_user_model

    today = dt.date.today()
    supervisor = get_user_model().objects.get(username="leidinggevende")
    mine = Ziekmelding.objects.filter(
        medewerker__in=readable_people(supervisor, today), einde__isnull=True
    )
    assert mine.count() >= 4
    steps = Poortwachterstap.objects.filter(ziekmelding__in=mine)
    assert steps.filter(status=StapStatus.GEDAAN, gedaan_door=supervisor).exists()
    assert steps.filter(status=StapStatus.OPEN, uiterlijk__lt=today).exists()
    soon = today + dt.timedelta(days=14)
    assert steps.filter(status=StapStatus.OPEN, uiterlijk__gte=today, uiterlijk__lte=soon).exists()


def test_demo_load_is_idempotent(demo_org):
    before = Ziekmelding.objects.count()
    absence_demo_load(actor=None)
    assert Ziekmelding.objects.count() == before
