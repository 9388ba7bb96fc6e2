from django.db import models
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol


class VraagSoort(models.TextChoices):
    CIJFER = "cijfer", _("Mark from 1 to 10")
    JA_NEE = "ja_nee", _("Yes or no")


# The marks a 1–10 question takes.
CIJFER_MIN = 1
CIJFER_MAX = 10
# Results per team only from this many responses on ("te weinig reacties" below it).
MIN_REACTIES = 5
# One-time codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L).
CODE_ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTE = 8
# At most this many codes in one go (a team has 8–17 people).
MAX_CODES = 200

# Roles that manage questionnaires and hand out codes; roles that see all results.
MANAGES_SURVEY = {Rol.PERSONEELSZAKEN, Rol.BEHEERDER}
SEES_ALL_RESULTS = {Rol.PERSONEELSZAKEN, Rol.MANAGEMENT, Rol.BEHEERDER}
# A supervisor sees the results of their own teams only (with the same rule of five).
SEES_OWN_TEAMS = {Rol.LEIDINGGEVENDE}

# The template of B1 questions (short sentences, everyday words, one thing per question):
# theme → [(text, kind, overall question?)].
SJABLOON: list[tuple[str, list[tuple[str, str, bool]]]] = [
    (
        "Je leidinggevende",
        [
            ("Welk cijfer geef je je leidinggevende?", VraagSoort.CIJFER, False),
            ("Legt je leidinggevende het werk goed uit?", VraagSoort.CIJFER, False),
            ("Luistert je leidinggevende naar jou?", VraagSoort.CIJFER, False),
            ("Kun je met vragen bij je leidinggevende terecht?", VraagSoort.JA_NEE, False),
        ],
    ),
    (
        "Ontwikkelen en leren",
        [
            ("Leer je nieuwe dingen in je werk?", VraagSoort.CIJFER, False),
            ("Praat je jobcoach met je over wat je wilt leren?", VraagSoort.CIJFER, False),
            ("Heb je dit jaar een cursus of training gedaan?", VraagSoort.JA_NEE, False),
        ],
    ),
    (
        "Veilig werken",
        [
            ("Voel je je veilig op je werk?", VraagSoort.CIJFER, False),
            ("Gaan je collega's goed met je om?", VraagSoort.CIJFER, False),
            ("Weet je bij wie je terecht kunt als er iets mis is?", VraagSoort.JA_NEE, False),
        ],
    ),
    (
        "Algemeen",
        [
            ("Welk cijfer geef je je werk bij Binnenwerk?", VraagSoort.CIJFER, True),
            ("Zou je Binnenwerk aanraden aan een vriend?", VraagSoort.JA_NEE, False),
        ],
    ),
]
