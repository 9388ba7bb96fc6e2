"""factory_boy factories (Faker nl_NL) for test set-up; tests of services call the services."""

import datetime as dt
from decimal import Decimal

import factory

from binnenwerk.organisation.models import Locatie, Organisatie, Team, TeamRol, Werksoort
from binnenwerk.people.models import Dienstverband, Medewerker, Plaatsing

factory.Faker._DEFAULT_LOCALE = "nl_NL"


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"ORG{n}")
    naam = factory.Faker("company")
    soort = "ministerie"


class WerksoortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Werksoort
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"WS{n}")
    naam = factory.Sequence(lambda n: f"Werksoort {n}")
    teamgrootte_min = 8
    teamgrootte_max = 15


class LocatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Locatie
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"LOC{n}")
    naam = factory.Faker("city")
    plaats = factory.Faker("city")
    provincie = "Utrecht"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n}")
    naam = factory.Sequence(lambda n: f"Team {n}")
    werksoort = factory.SubFactory(WerksoortFactory)
    locatie = factory.SubFactory(LocatieFactory)
    capaciteit = 12
    start = dt.date(2016, 1, 1)


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker
        django_get_or_create = ("personeelsnummer",)

    personeelsnummer = factory.Sequence(lambda n: f"{100000 + n}")
    voornaam = factory.Faker("first_name")
    achternaam = factory.Faker("last_name")
    doelgroepindicatie = True


class TeamRolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamRol

    team = factory.SubFactory(TeamFactory)
    medewerker = factory.SubFactory(MedewerkerFactory, doelgroepindicatie=False)
    rol = "leidinggevende"
    start = dt.date(2020, 1, 1)


class DienstverbandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dienstverband

    medewerker = factory.SubFactory(MedewerkerFactory)
    start = dt.date(2020, 1, 1)
    uren_per_week = Decimal("25.5")
    soort = "bepaald"


class PlaatsingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plaatsing

    medewerker = factory.SubFactory(MedewerkerFactory)
    team = factory.SubFactory(TeamFactory)
    opdrachtgever = factory.SubFactory(OrganisatieFactory)
    start = dt.date(2020, 1, 1)


# Absence (verzuim) --------------------------------------------------------------------------


class ZiekmeldingFactory(factory.django.DjangoModelFactory):
    """A sick report row for set-ups of reads; tests of writes call the services."""

    class Meta:
        model = "absence.Ziekmelding"

    medewerker = factory.SubFactory(MedewerkerFactory)
    soort = "ziek"
    start = dt.date(2023, 3, 1)
    einde = None


class HerstelperiodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "absence.Herstelperiode"

    ziekmelding = factory.SubFactory(ZiekmeldingFactory)
    start = dt.date(2023, 3, 10)
    einde = None
    werkt_procent = 50
