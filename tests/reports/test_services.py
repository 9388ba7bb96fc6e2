"""Publishing freezes the figures; a correction afterwards shows in the difference view only;
superseding needs a reason; small groups are suppressed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from binnenwerk.people.models import Dienstverband
from binnenwerk.people.services import dienstverband_end
from binnenwerk.reports.differences import verschillen
from binnenwerk.reports.models import Publicatie
from binnenwerk.reports.presenters import shown, suppress
from binnenwerk.reports.selectors import (
    Cijfer,
    huidige_publicatie,
    jaaroverzicht_cijfers,
    snapshot,
)
from binnenwerk.reports.services import publicatie_create
from tests.factories import DienstverbandFactory, MedewerkerFactory, PlaatsingFactory


@pytest.fixture
def admin():
    return get_user_model().objects.create_user("beheer-test", password="x")


@pytest.fixture
def two_jobs():
    """Two placed employees, each one job from 2022 on."""
    contracts = []
    for _ in range(2):
        person = MedewerkerFactory()
        contracts.append(DienstverbandFactory(medewerker=person, start=dt.date(2022, 1, 1)))
        PlaatsingFactory(medewerker=person, start=dt.date(2022, 1, 1))
    return contracts


def test_figures_come_from_the_selectors(two_jobs):
    figures = jaaroverzicht_cijfers(2023).by_key()
    assert figures["banen"].waarde == "2.00"
    assert figures["nieuwe_banen"].waarde == "0.00"
    assert figures["medewerkers"].waarde == "2"
    assert figures["groei.2022"].waarde == "2.00"
    # No outflow, absence or survey in this data: those sections are left out, not faked.
    assert not any(k.startswith(("uitstroom.", "verzuim.", "tevredenheid.")) for k in figures)


def test_publishing_freezes_and_a_correction_shows_as_a_difference(admin, two_jobs):
    publicatie = publicatie_create(actor=admin, jaar=2023)
    assert publicatie.published_by == admin
    assert snapshot(publicatie).get("banen").waarde == "2.00"

    dienstverband_end(actor=admin, dienstverband=two_jobs[0], einde=dt.date(2023, 6, 30))

    # The snapshot is unchanged; today's figures and the difference view are not.
    publicatie.refresh_from_db()
    assert snapshot(publicatie).get("banen").waarde == "2.00"
    assert jaaroverzicht_cijfers(2023).get("banen").waarde == "1.00"
    result = verschillen(publicatie)
    changed = {v.sleutel: v for v in result.cijfers}
    assert changed["banen"].gepubliceerd == "2.00"
    assert changed["banen"].nu == "1.00"
    assert changed["banen"].verschil == Decimal("-1.00")
    assert "teams" not in changed
    (cause,) = [o for o in result.oorzaken if o.wijzigingen and o.wijzigingen[0][0] == "einde"]
    assert cause.wie == "beheer-test"
    assert cause.wijzigingen[0][2] == "2023-06-30"


def test_a_change_after_the_year_is_not_a_cause(admin, two_jobs):
    publicatie = publicatie_create(actor=admin, jaar=2022)
    contract = Dienstverband.objects.get(pk=two_jobs[1].pk)
    # A contract that starts after 2022 touches nothing of 2022.
    DienstverbandFactory(medewerker=MedewerkerFactory(), start=dt.date(2024, 3, 1))
    dienstverband_end(actor=admin, dienstverband=contract, einde=dt.date(2024, 6, 30))
    result = verschillen(publicatie)
    assert result.cijfers == []
    assert all("2024-03-01" not in str(o.wijzigingen) for o in result.oorzaken)


def test_a_second_publication_needs_a_reason_and_supersedes(admin, two_jobs):
    first = publicatie_create(actor=admin, jaar=2023)
    with pytest.raises(ValidationError):
        publicatie_create(actor=admin, jaar=2023)
    second = publicatie_create(actor=admin, jaar=2023, reden="Correctie contracturen")
    assert second.vervangt == first
    assert huidige_publicatie(2023) == second
    # The database refuses a superseding row without a reason as well.
    with pytest.raises(IntegrityError), transaction.atomic():
        Publicatie.objects.create(
            jaar=2023, published_at=second.published_at, cijfers={}, vervangt=second
        )


def test_a_quarter_publication_holds_table_1(admin, two_jobs):
    publicatie = publicatie_create(actor=admin, jaar=2023, kwartaal=4)
    assert publicatie.cijfers["kwartaal"] == 4
    assert publicatie.cijfers["tabel1"][-1]["binnenwerk"] == "2.00"
    assert huidige_publicatie(2023) is None  # the year itself is not published


def test_a_future_year_cannot_be_published(admin):
    with pytest.raises(ValidationError):
        publicatie_create(actor=admin, jaar=dt.date.today().year + 1)


def test_publishing_is_audited(admin, two_jobs):
    from auditlog.models import LogEntry

    publicatie = publicatie_create(actor=admin, jaar=2023)
    entry = LogEntry.objects.get_for_object(publicatie).get()
    assert entry.actor == admin


@pytest.mark.parametrize(
    ("people", "expected"), [(0, "<5"), (4, "<5"), (5, "7"), (120, "7"), (None, "7")]
)
def test_suppress(people, expected):
    assert suppress("7", people) == expected


def test_shown_suppresses_people_not_jobs():
    assert shown(Cijfer("uitstroom.doorstroom", "x", "3", "aantal", 3)) == "<5"
    assert shown(Cijfer("teams", "x", "3", "aantal")) == "3"
    assert shown(Cijfer("banen", "x", "1234.50", "banen")) == "1.234,50"
