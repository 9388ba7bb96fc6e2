"""The survey's writes: codes (keyed digests only), submitting once, anonymity by construction."""

import hashlib
import hmac

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

from binnenwerk.people.models import Medewerker
from binnenwerk.survey.constants import CODE_ALFABET, VraagSoort
from binnenwerk.survey.models import Antwoord, Respons, Thema, Uitnodiging, Vraag, Vragenlijst
from binnenwerk.survey.services import (
    CODE_KEY_LABEL,
    code_digest,
    code_grouped,
    respons_submit,
    uitnodiging_for_code,
    uitnodigingen_create,
    vraag_create,
)
from tests.factories import MedewerkerFactory, PlaatsingFactory, TeamFactory
from tests.survey.factories import (
    IN_PERIOD,
    OPEN_TOT,
    OPEN_VAN,
    answers,
    codes_for,
    overall_question,
    questionnaire,
)

REFUSED = (
    "We kennen deze code niet, of hij is al gebruikt. "
    "Kijk goed naar de code op je papier en probeer het opnieuw."
)


def test_the_template_has_themes_b1_questions_and_one_overall_question():
    vragenlijst = questionnaire()
    assert Thema.objects.filter(vragenlijst=vragenlijst).count() == 4
    vragen = Vraag.objects.filter(vragenlijst=vragenlijst)
    assert vragen.filter(is_totaalcijfer=True).count() == 1
    assert overall_question(vragenlijst).soort == VraagSoort.CIJFER
    assert all(v.tekst.endswith("?") and len(v.tekst) <= 60 for v in vragen)


def test_codes_are_shown_once_and_only_digests_are_stored():
    vragenlijst = questionnaire()
    team, codes = codes_for(vragenlijst, aantal=40)
    assert len(codes) == len(set(codes)) == 40
    assert all(len(c) == 8 and set(c) <= set(CODE_ALFABET) for c in codes)
    assert not set("".join(codes)) & set("0O1IL")
    stored = list(Uitnodiging.objects.filter(vragenlijst=vragenlijst, team=team))
    assert {u.digest for u in stored} == {code_digest(c) for c in codes}
    assert not any(c in u.digest for u in stored for c in codes)
    assert code_grouped(codes[0]) == f"{codes[0][:4]} {codes[0][4:]}"


def test_the_default_number_of_codes_is_the_people_placed_on_the_first_day():
    vragenlijst = questionnaire()
    team = TeamFactory()
    for _n in range(3):
        PlaatsingFactory(team=team, start=OPEN_VAN)
    PlaatsingFactory(team=team, start=OPEN_TOT)  # placed after the first day
    PlaatsingFactory(team=team, medewerker=MedewerkerFactory(doelgroepindicatie=False))
    codes = uitnodigingen_create(actor=None, vragenlijst=vragenlijst, team=team)
    assert len(codes) == 3


def test_fixed_codes_must_come_from_the_alphabet_and_be_new():
    vragenlijst = questionnaire()
    team = TeamFactory()
    with pytest.raises(ValidationError):
        uitnodigingen_create(actor=None, vragenlijst=vragenlijst, team=team, codes=["ABCD0000"])
    assert uitnodigingen_create(
        actor=None, vragenlijst=vragenlijst, team=team, aantal=1, codes=["WERK 2345"]
    ) == ["WERK2345"]
    with pytest.raises(ValidationError, match="eerder"):
        uitnodigingen_create(actor=None, vragenlijst=vragenlijst, team=team, codes=["werk-2345"])


def test_a_code_is_used_once():
    vragenlijst = questionnaire()
    team, [code] = codes_for(vragenlijst, aantal=1)
    respons = respons_submit(code=code, antwoorden=answers(vragenlijst, 8), datum=IN_PERIOD)
    assert respons.team == team and respons.datum == IN_PERIOD
    assert Uitnodiging.objects.get().gebruikt
    assert Antwoord.objects.filter(respons=respons).count() == len(answers(vragenlijst, 8))
    with pytest.raises(ValidationError) as error:
        respons_submit(code=code, antwoorden=answers(vragenlijst, 3), datum=IN_PERIOD)
    assert error.value.messages == [REFUSED]
    assert Respons.objects.count() == 1


def test_a_code_used_meanwhile_is_refused_under_the_lock():
    """The second of two concurrent submits finds the code used once it holds the lock."""
    vragenlijst = questionnaire()
    _team, [code] = codes_for(vragenlijst, aantal=1)
    Uitnodiging.objects.update(gebruikt=True)  # the other submit won
    with pytest.raises(ValidationError, match="al gebruikt"):
        respons_submit(code=code, antwoorden={}, datum=IN_PERIOD)
    assert not Respons.objects.exists()


def test_unknown_used_short_and_closed_codes_get_one_and_the_same_message():
    """A guesser learns nothing: an unknown code, a used one, one of the wrong length and a
    valid unused code outside its questionnaire's period are refused alike."""
    vragenlijst = questionnaire()
    _team, [used, unused] = codes_for(vragenlijst, aantal=2)
    respons_submit(code=used, antwoorden={}, datum=IN_PERIOD)
    refusals = []
    for code, day in [
        ("ABCD2345", IN_PERIOD),
        (used, IN_PERIOD),
        ("ABC", IN_PERIOD),
        (unused, OPEN_TOT.replace(day=4)),
    ]:
        with pytest.raises(ValidationError) as error:
            uitnodiging_for_code(code, on=day)
        refusals.append(error.value.message_dict)
    assert refusals == [{"code": [REFUSED]}] * 4
    respons_submit(code=unused.lower()[:4] + " " + unused[4:], antwoorden={}, datum=IN_PERIOD)


def test_the_stored_digest_is_keyed_with_the_server_secret():
    """Not the SHA-256 of the code (31⁸ ≈ 8.5·10¹¹ codes: one graphics card tries them all
    in minutes), but an HMAC under a key from BSN_ZOEKSLEUTEL; another key gives another
    digest."""
    vragenlijst = questionnaire()
    _team, [code] = codes_for(vragenlijst, aantal=1)
    stored = Uitnodiging.objects.get().digest
    unkeyed = hashlib.sha256(code.encode()).hexdigest()
    assert stored != unkeyed and len(stored) == 64
    key = hmac.new(settings.BSN_ZOEKSLEUTEL.encode(), CODE_KEY_LABEL, hashlib.sha256).digest()
    assert stored == hmac.new(key, unkeyed.encode(), hashlib.sha256).hexdigest()
    with override_settings(BSN_ZOEKSLEUTEL="een-andere-zoeksleutel"):
        assert code_digest(code) != stored
        with pytest.raises(ValidationError):  # the code does not open under another key
            uitnodiging_for_code(code, on=IN_PERIOD)
    assert uitnodiging_for_code(code, on=IN_PERIOD).digest == stored


def test_a_wrong_answer_stores_nothing_and_leaves_the_code_unused():
    vragenlijst = questionnaire()
    _team, [code] = codes_for(vragenlijst, aantal=1)
    given = answers(vragenlijst, 11)
    with pytest.raises(ValidationError):
        respons_submit(code=code, antwoorden=given, datum=IN_PERIOD)
    assert not Respons.objects.exists() and not Uitnodiging.objects.get().gebruikt
    yes_no = next(v for v in Vraag.objects.all() if v.soort == VraagSoort.JA_NEE)
    with pytest.raises(ValidationError):
        respons_submit(code=code, antwoorden={yes_no.pk: 7}, datum=IN_PERIOD)


def test_nothing_links_a_response_to_a_person_or_a_code():
    person_models = {get_user_model(), Medewerker, Uitnodiging}
    for model in (Respons, Antwoord):
        for field in model._meta.get_fields():
            assert field.related_model not in person_models, field
            assert not {"user", "code", "ip", "medewerker", "tijd", "created"} & set(
                field.name.split("_")
            ), field
    assert {f.name for f in Respons._meta.concrete_fields} == {"id", "vragenlijst", "team", "datum"}
    assert Respons._meta.get_field("datum").get_internal_type() == "DateField"


def test_submitting_writes_no_audit_entry():
    vragenlijst = questionnaire()
    _team, [code] = codes_for(vragenlijst, aantal=1)
    before = LogEntry.objects.count()
    respons_submit(code=code, antwoorden=answers(vragenlijst, 7), datum=IN_PERIOD)
    assert LogEntry.objects.count() == before


def test_at_most_one_overall_question_in_the_service_and_the_database():
    vragenlijst = questionnaire()
    thema = Thema.objects.filter(vragenlijst=vragenlijst).first()
    with pytest.raises(ValidationError, match="al een vraag"):
        vraag_create(
            actor=None,
            thema=thema,
            tekst="Nog een?",
            soort="cijfer",
            volgorde=9,
            is_totaalcijfer=True,
        )
    with pytest.raises(ValidationError):
        vraag_create(
            actor=None, thema=thema, tekst="Ja?", soort="ja_nee", volgorde=9, is_totaalcijfer=True
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Vraag.objects.create(
            vragenlijst=vragenlijst,
            thema=thema,
            tekst="Nog een?",
            soort="cijfer",
            volgorde=9,
            is_totaalcijfer=True,
        )


def test_one_questionnaire_per_year():
    questionnaire()
    with pytest.raises(ValidationError):
        questionnaire()
    assert Vragenlijst.objects.count() == 1


def test_the_digest_ignores_spaces_dashes_and_case():
    assert code_digest("werk-2345") == code_digest("WERK 2345") == code_digest("WERK2345")
