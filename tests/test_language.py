"""UI text has English message ids and Dutch translations: Dutch by default, English on request."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from binnenwerk.organisation import services as organisation_services
from binnenwerk.people import services
from binnenwerk.people.models import Medewerker
from tests.factories import DienstverbandFactory, PlaatsingFactory

D = dt.date


@pytest.fixture
def actor():
    return get_user_model().objects.create_user("hr", password="x-geheim-123")


def _overlap_message(actor) -> str:
    existing = DienstverbandFactory(start=D(2023, 1, 1), einde=D(2023, 12, 31))
    with pytest.raises(ValidationError) as error:
        services.dienstverband_create(
            actor=actor,
            medewerker=existing.medewerker,
            start=D(2023, 12, 31),
            uren_per_week=Decimal(20),
        )
    return " ".join(error.value.messages)


def test_service_message_is_dutch_by_default(actor):
    assert _overlap_message(actor) == (
        "dienstverband 31-12-2023 t/m open einde overlapt met "
        "dienstverband 01-01-2023 t/m 31-12-2023"
    )


def test_service_message_is_the_english_msgid_when_english_is_active(actor):
    with translation.override("en"):
        message = _overlap_message(actor)
    assert message == (
        "contract 31-12-2023 to open end overlaps with contract 01-01-2023 to 31-12-2023"
    )


def test_plural_message_in_both_languages(actor):
    plaatsing = PlaatsingFactory(start=D(2020, 1, 1))
    for language, expected in (
        ("nl", "1 medewerker(s) zijn daarna nog in dit team geplaatst"),
        ("en", "1 employee is still placed in this team after that day"),
    ):
        with translation.override(language), pytest.raises(ValidationError) as error:
            organisation_services.team_end(actor=actor, team=plaatsing.team, einde=D(2021, 6, 30))
        assert expected in " ".join(error.value.messages)


def test_model_names_follow_the_active_language():
    assert str(Medewerker._meta.verbose_name) == "medewerker"
    with translation.override("en"):
        assert str(Medewerker._meta.verbose_name) == "employee"


def test_a_message_translated_differently_in_two_catalogues_is_a_problem(tmp_path, monkeypatch):
    """Django merges every app's catalogue: one translation would replace the other."""
    import polib

    from binnenwerk import catalogues

    for app, text in (("a", "Direct naar de inhoud"), ("b", "Naar de inhoud")):
        folder = tmp_path / app / "locale" / "nl" / "LC_MESSAGES"
        folder.mkdir(parents=True)
        po = polib.POFile()
        po.append(polib.POEntry(msgid="Skip to content", msgstr=text))
        po.append(polib.POEntry(msgid="Start", msgctxt=app, msgstr=f"Start {app}"))
        po.save(str(folder / "django.po"))
    monkeypatch.setattr(catalogues, "PACKAGE_DIR", tmp_path)
    found = catalogues.problems()
    assert len(found) == 1 and "'Skip to content'" in found[0]  # a context keeps them apart
