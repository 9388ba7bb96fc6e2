"""The demo's decisions: recorded through the service, idempotent, and no contract or
published figure moves."""

from decimal import Decimal

from binnenwerk.contracts.demo import contracts_demo_load
from binnenwerk.contracts.models import Contractbesluit
from binnenwerk.formatting import decimal_str
from binnenwerk.jobs.selectors import kerncijfers
from binnenwerk.people.models import Dienstverband


def contracts():
    return list(
        Dienstverband.objects.order_by("pk").values_list(
            "pk", "start", "einde", "uren_per_week", "soort"
        )
    )


def test_the_demo_records_past_decisions_without_touching_contracts(demo_org):
    before = contracts()
    contracts_demo_load()  # the demo loader may have called it already: the same result
    assert contracts() == before and Contractbesluit.objects.count() == 4
    kinds = sorted(Contractbesluit.objects.values_list("besluit", flat=True))
    assert kinds == ["beeindigen", "vast", "vast", "verlengen"]
    assert all(b.besloten_op.year in (2024, 2025, 2026) for b in Contractbesluit.objects.all())
    assert contracts_demo_load() == 0 and Contractbesluit.objects.count() == 4
    figures = kerncijfers(2023)
    assert decimal_str(figures.banen) == "870.20" and figures.nieuwe_banen == Decimal("182")
    assert figures.medewerkers_binnenwerk == 674
