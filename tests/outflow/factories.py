"""Set-up for outflow tests: a person with a contract and a placement (factories)."""

import datetime as dt

from binnenwerk.outflow.models import Uitstroom
from tests.factories import DienstverbandFactory, MedewerkerFactory, PlaatsingFactory


def employed(start=dt.date(2020, 1, 1), einde=None, **person):
    """A target-group employee with one contract and one placement from `start`."""
    medewerker = MedewerkerFactory(**person)
    DienstverbandFactory(medewerker=medewerker, start=start, einde=einde)
    PlaatsingFactory(medewerker=medewerker, start=start, einde=einde)
    return medewerker


def left(datum, reden="einde_contract", start=dt.date(2020, 1, 1), nieuwe_werkgever="", **person):
    """Someone whose employment ended on `datum`, with the reason recorded (no service)."""
    medewerker = employed(start=start, einde=datum, **person)
    return Uitstroom.objects.create(
        medewerker=medewerker, datum=datum, reden=reden, nieuwe_werkgever=nieuwe_werkgever
    )
