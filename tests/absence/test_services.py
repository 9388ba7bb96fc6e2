"""The absence services: validation in Dutch, Poortwachter steps, lapse and reopen, norms."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from binnenwerk.absence import services
from binnenwerk.absence.constants import StapSoort, StapStatus, ZiekmeldingSoort
from binnenwerk.absence.models import Verzuimnorm, Ziekmelding
from binnenwerk.accounts.constants import Rol
from binnenwerk.accounts.services import account_set
from tests.factories import DienstverbandFactory, MedewerkerFactory, OrganisatieFactory

D = dt.date
FIRST_DAY = D(2026, 1, 5)


@pytest.fixture
def hr():
    return account_set(actor=None, username="pz", roles=[Rol.PERSONEELSZAKEN])


@pytest.fixture
def person():
    person = MedewerkerFactory()
    DienstverbandFactory(medewerker=person, start=D(2020, 1, 1))
    return person


def create(hr, person, start=FIRST_DAY, **kwargs):
    return services.ziekmelding_create(actor=hr, medewerker=person, start=start, **kwargs)


def steps(melding):
    return {(s.soort, s.uiterlijk): s.status for s in melding.stappen.all()}


def test_a_sick_report_gets_its_poortwachter_steps(hr, person):
    melding = create(hr, person)
    assert steps(melding) == {
        (StapSoort.PROBLEEMANALYSE, D(2026, 2, 15)): "open",
        (StapSoort.PLAN_VAN_AANPAK, D(2026, 3, 1)): "open",
        (StapSoort.EVALUATIE, D(2026, 4, 12)): "open",
        (StapSoort.ZIEKMELDING_UWV, D(2026, 10, 25)): "open",
        (StapSoort.EERSTEJAARSEVALUATIE, D(2027, 1, 3)): "open",
        (StapSoort.WIA_AANVRAAG, D(2027, 10, 3)): "open",
    }


def test_pregnancy_leave_has_no_steps(hr, person):
    melding = create(hr, person, soort=ZiekmeldingSoort.ZWANGERSCHAP)
    assert melding.stappen.count() == 0


def test_needs_a_binnenwerk_contract_on_the_first_day(hr):
    person = MedewerkerFactory()
    DienstverbandFactory(medewerker=person, start=D(2026, 2, 1))
    with pytest.raises(ValidationError) as error:
        create(hr, person)
    assert "contract" in error.value.message_dict["start"][0]
    partner = MedewerkerFactory(werkgever=OrganisatieFactory(code="RSO", soort="partner"))
    DienstverbandFactory(medewerker=partner, start=D(2020, 1, 1))
    with pytest.raises(ValidationError):
        create(hr, partner)


def test_two_sick_reports_may_not_overlap(hr, person):
    create(hr, person, einde=D(2026, 1, 20))
    with pytest.raises(ValidationError) as error:
        create(hr, person, start=D(2026, 1, 20))
    assert "overlapt" in error.value.message_dict["start"][0]
    create(hr, person, start=D(2026, 1, 21))  # the day after is fine
    with pytest.raises(ValidationError):
        create(hr, person, start=D(2025, 12, 1))  # open, runs into the others


def test_not_in_the_future_and_end_not_before_start(hr, person):
    with pytest.raises(ValidationError):
        create(hr, person, start=dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(ValidationError):
        create(hr, person, einde=FIRST_DAY - dt.timedelta(days=1))


def test_database_checks_end_not_before_start(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        Ziekmelding.objects.create(medewerker=person, start=FIRST_DAY, einde=D(2026, 1, 1))


def test_steps_lapse_when_the_absence_ends_and_open_again_on_reopen(hr, person):
    melding = create(hr, person)
    analysis = melding.stappen.get(soort=StapSoort.PROBLEEMANALYSE)
    services.poortwachterstap_afronden(actor=hr, stap=analysis, gedaan_op=D(2026, 2, 10))
    services.ziekmelding_herstel(actor=hr, ziekmelding=melding, einde=D(2026, 2, 28))
    assert steps(melding)[(StapSoort.PROBLEEMANALYSE, D(2026, 2, 15))] == "gedaan"
    lapsed = [
        s for (soort, _due), s in steps(melding).items() if soort != StapSoort.PROBLEEMANALYSE
    ]
    assert lapsed == ["vervallen"] * 5
    assert melding.hersteld_per == D(2026, 3, 1)
    services.ziekmelding_herstel(actor=hr, ziekmelding=melding, einde=D(2026, 3, 1))
    assert steps(melding)[(StapSoort.PLAN_VAN_AANPAK, D(2026, 3, 1))] == "open"  # due on it
    services.ziekmelding_herstel(actor=hr, ziekmelding=melding, einde=None)
    assert sorted(steps(melding).values()) == ["gedaan"] + ["open"] * 5


def test_next_evaluation_after_one_is_done(hr, person):
    melding = create(hr, person)
    evaluation = melding.stappen.get(soort=StapSoort.EVALUATIE)
    done = services.poortwachterstap_afronden(actor=hr, stap=evaluation, gedaan_op=D(2026, 4, 10))
    assert done.status == StapStatus.GEDAAN and done.gedaan_door == hr
    following = melding.stappen.filter(soort=StapSoort.EVALUATIE, status="open").get()
    assert following.uiterlijk == D(2026, 5, 22)  # 6 weeks after the date done
    with pytest.raises(ValidationError):
        services.poortwachterstap_afronden(actor=hr, stap=done, gedaan_op=D(2026, 4, 11))


def test_a_step_cannot_be_done_in_the_future(hr, person):
    stap = create(hr, person).stappen.first()
    with pytest.raises(ValidationError) as error:
        services.poortwachterstap_afronden(
            actor=hr, stap=stap, gedaan_op=dt.date.today() + dt.timedelta(days=1)
        )
    assert "gedaan_op" in error.value.message_dict


def test_partial_recovery_within_the_absence_without_overlap(hr, person):
    melding = create(hr, person, einde=D(2026, 3, 31))
    services.herstelperiode_create(
        actor=hr, ziekmelding=melding, start=D(2026, 3, 1), einde=D(2026, 3, 15), werkt_procent=50
    )
    with pytest.raises(ValidationError):  # overlaps
        services.herstelperiode_create(
            actor=hr, ziekmelding=melding, start=D(2026, 3, 10), werkt_procent=60
        )
    with pytest.raises(ValidationError):  # after the absence
        services.herstelperiode_create(
            actor=hr, ziekmelding=melding, start=D(2026, 4, 1), werkt_procent=60
        )
    with pytest.raises(ValidationError):  # 100% is recovery, not partial
        services.herstelperiode_create(
            actor=hr, ziekmelding=melding, start=D(2026, 3, 16), werkt_procent=100
        )
    services.herstelperiode_create(
        actor=hr, ziekmelding=melding, start=D(2026, 3, 16), werkt_procent=80
    )
    with pytest.raises(ValidationError):  # would end the absence before its recovery period
        services.ziekmelding_herstel(actor=hr, ziekmelding=melding, einde=D(2026, 3, 12))


def test_bulk_create_follows_the_same_rules(hr, person):
    rows = [
        services.NieuweZiekmelding(
            medewerker_id=person.pk, start=D(2025, 1, 6), einde=D(2025, 1, 31)
        ),
        services.NieuweZiekmelding(
            medewerker_id=person.pk,
            start=FIRST_DAY,
            herstel=((D(2026, 2, 1), None, 50),),
        ),
    ]
    created = services.ziekmeldingen_bulk_create(actor=hr, meldingen=rows)
    assert len(created) == 2
    ended = Ziekmelding.objects.get(start=D(2025, 1, 6))
    assert set(ended.stappen.values_list("status", flat=True)) == {"vervallen"}
    assert Ziekmelding.objects.get(start=FIRST_DAY).herstelperioden.get().werkt_procent == 50
    with pytest.raises(ValidationError):
        services.ziekmeldingen_bulk_create(
            actor=hr,
            meldingen=[services.NieuweZiekmelding(medewerker_id=person.pk, start=D(2025, 1, 20))],
        )


def test_norm_set_and_changed(hr):
    services.verzuimnorm_set(actor=hr, jaar=2024, percentage=Decimal("12.5"))
    services.verzuimnorm_set(actor=hr, jaar=2024, percentage=Decimal("11"))
    assert Verzuimnorm.objects.get(jaar=2024).percentage == Decimal("11")
    with pytest.raises(ValidationError):
        services.verzuimnorm_set(actor=hr, jaar=2025, percentage=Decimal("101"))


def test_audit_log_holds_dates_not_health(hr, person):
    from auditlog.models import LogEntry

    melding = create(hr, person)
    entry = LogEntry.objects.get_for_object(melding).get()
    assert entry.actor == hr
    fields = set(entry.changes_dict) - {"stappen", "herstelperioden"}  # relations, by id
    assert fields <= {"id", "medewerker", "soort", "start", "einde"}
