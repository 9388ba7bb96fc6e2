import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from binnenwerk.organisation import services
from binnenwerk.organisation.models import TeamRol
from tests.factories import (
    LocatieFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
    TeamRolFactory,
    WerksoortFactory,
)

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("beheer", password="x-geheim-123")


def test_team_create_is_audited(actor):
    team = services.team_create(
        actor=actor,
        code="T9",
        naam="Team 9",
        werksoort=WerksoortFactory(),
        locatie=LocatieFactory(),
        start=D(2023, 1, 1),
    )
    assert LogEntry.objects.get_for_object(team).get().actor == actor


def test_team_end_refused_while_people_are_placed_after_it(actor):
    placement = PlaatsingFactory(start=D(2022, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.team_end(actor=actor, team=placement.team, einde=D(2023, 6, 30))
    assert "1 medewerker(s) zijn daarna nog in dit team geplaatst" in " ".join(error.value.messages)
    placement.einde = D(2023, 6, 30)
    placement.save()
    team = services.team_end(actor=actor, team=placement.team, einde=D(2023, 6, 30))
    assert team.einde == D(2023, 6, 30)


def test_team_update_cannot_cut_placements_out(actor):
    placement = PlaatsingFactory(start=D(2020, 1, 1))
    with pytest.raises(ValidationError):
        services.team_update(actor=actor, team=placement.team, start=D(2021, 1, 1))


def test_werksoort_min_above_max_is_refused(actor):
    with pytest.raises(ValidationError) as error:
        services.werksoort_create(
            actor=actor, code="X", naam="X", teamgrootte_min=12, teamgrootte_max=8
        )
    assert "minimaal is groter dan maximaal" in " ".join(error.value.messages)


def test_organisatie_cannot_belong_to_itself(actor):
    parent = OrganisatieFactory(code="JenV")
    child = OrganisatieFactory(code="IND", hoort_bij=parent)
    with pytest.raises(ValidationError):
        services.organisatie_update(actor=actor, organisatie=parent, hoort_bij=child)


def test_overlapping_team_roles_are_refused(actor):
    role = TeamRolFactory(start=D(2020, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.teamrol_create(
            actor=actor,
            team=role.team,
            rol=role.rol,
            medewerker=MedewerkerFactory(),
            start=D(2021, 1, 1),
        )
    assert "overlapt met leidinggevende" in " ".join(error.value.messages)


def test_hand_over_ends_the_previous_holder_the_day_before(actor):
    role = TeamRolFactory(start=D(2020, 1, 1))
    successor = MedewerkerFactory(doelgroepindicatie=False)
    new = services.teamrol_hand_over(
        actor=actor, team=role.team, rol="leidinggevende", medewerker=successor, vanaf=D(2022, 4, 1)
    )
    role.refresh_from_db()
    assert role.einde == D(2022, 3, 31)
    assert (new.medewerker, new.start, new.einde) == (successor, D(2022, 4, 1), None)
    assert TeamRol.objects.count() == 2
