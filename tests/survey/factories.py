"""Set-up for survey tests: a questionnaire from the template, codes and responses."""

import datetime as dt

from binnenwerk.survey.constants import VraagSoort
from binnenwerk.survey.models import Vraag
from binnenwerk.survey.selectors import questions_of
from binnenwerk.survey.services import (
    respons_submit,
    uitnodigingen_create,
    vragenlijst_create_from_template,
)
from tests.factories import TeamFactory

OPEN_VAN = dt.date(2023, 11, 20)
OPEN_TOT = dt.date(2023, 12, 3)
IN_PERIOD = dt.date(2023, 11, 22)


def questionnaire(jaar=2023, open_van=OPEN_VAN, open_tot=OPEN_TOT):
    return vragenlijst_create_from_template(
        actor=None, jaar=jaar, open_van=open_van, open_tot=open_tot
    )


def codes_for(vragenlijst, team=None, aantal=5):
    team = team or TeamFactory()
    return team, uitnodigingen_create(actor=None, vragenlijst=vragenlijst, team=team, aantal=aantal)


def answers(vragenlijst, mark, yes=True):
    """Every question answered: `mark` for the marks, `yes` for the yes/no questions."""
    return {
        v.pk: (yes if v.soort == VraagSoort.JA_NEE else mark) for v in questions_of(vragenlijst)
    }


def respond(vragenlijst, team, marks, yes=True):
    """One response per mark in `marks` from new codes of `team`."""
    _team, codes = codes_for(vragenlijst, team, aantal=len(marks))
    for code, mark in zip(codes, marks, strict=True):
        respons_submit(code=code, antwoorden=answers(vragenlijst, mark, yes), datum=IN_PERIOD)


def overall_question(vragenlijst) -> Vraag:
    return Vraag.objects.get(vragenlijst=vragenlijst, is_totaalcijfer=True)
