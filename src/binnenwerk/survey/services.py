"""Every write about the survey: validated, atomic, with clear Dutch messages.

Questionnaires, themes and questions are audited (auditlog, `acting_as`). Codes are made
here and shown once; only their keyed digests (HMAC-SHA256 with a server secret) are stored.
Submitting a response is anonymous: it is not audited (an entry's time and id would link a code
to its answers) and it stores the questionnaire, the team and the date only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from collections.abc import Mapping, Sequence
from typing import Any

from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binnenwerk.audit import log_bulk
from binnenwerk.formatting import date_nl
from binnenwerk.organisation.models import Team
from binnenwerk.services_base import save_validated
from binnenwerk.survey import selectors
from binnenwerk.survey.constants import (
    CIJFER_MAX,
    CIJFER_MIN,
    CODE_ALFABET,
    CODE_LENGTE,
    MAX_CODES,
    SJABLOON,
    VraagSoort,
)
from binnenwerk.survey.models import Antwoord, Respons, Thema, Uitnodiging, Vraag, Vragenlijst

# An answer in progress: a mark (1–10) for a mark question, True/False for yes/no.
AnswerValue = int | bool


def normalise_code(code: str) -> str:
    """What people type, as stored: capitals, no spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch not in " -\t")


# The label that makes the code's key from the server secret; migration 0002 repeats it.
CODE_KEY_LABEL = b"binnenwerk:onderzoek:code-digest:v1"


def _code_key() -> bytes:
    """HMAC-SHA256(BSN_ZOEKSLEUTEL, label): a key of its own from the search secret, which is
    required in production, fixed in development, and never rotated (README, BSN-sleutels)."""
    secret = str(getattr(settings, "BSN_ZOEKSLEUTEL", "") or "")
    if not secret:
        raise ImproperlyConfigured(
            "BSN_ZOEKSLEUTEL ontbreekt: zet de omgevingsvariabele BSN_ZOEKSLEUTEL."
        )
    return hmac.new(secret.encode(), CODE_KEY_LABEL, hashlib.sha256).digest()


def code_digest(code: str) -> str:
    """The stored form of a code: HMAC-SHA256 with a server key over the code's SHA-256 (the
    digest the first version stored, so migration 0002 could convert those in place).

    Without the key, a leaked table does not give the codes: 31⁸ codes are too few to keep
    an unkeyed digest secret.
    """
    unkeyed = hashlib.sha256(normalise_code(code).encode()).hexdigest()
    return hmac.new(_code_key(), unkeyed.encode(), hashlib.sha256).hexdigest()


def code_grouped(code: str) -> str:
    """'ABCD EFGH': easier to read out and to type over."""
    code = normalise_code(code)
    return f"{code[:4]} {code[4:]}"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALFABET) for _ in range(CODE_LENGTE))


def _check_period(open_van: dt.date, open_tot: dt.date) -> None:
    if open_tot < open_van:
        raise ValidationError({"open_tot": _("The last day comes on or after the first day.")})


@transaction.atomic
def vragenlijst_create(
    *, actor: Any, jaar: int, titel: str, open_van: dt.date, open_tot: dt.date
) -> Vragenlijst:
    _check_period(open_van, open_tot)
    if Vragenlijst.objects.filter(jaar=jaar).exists():
        raise ValidationError(
            {"jaar": _("There is already a questionnaire for %(year)s.") % {"year": jaar}}
        )
    return save_validated(
        Vragenlijst(jaar=jaar, titel=titel.strip(), open_van=open_van, open_tot=open_tot), actor
    )


@transaction.atomic
def thema_create(*, actor: Any, vragenlijst: Vragenlijst, naam: str, volgorde: int) -> Thema:
    return save_validated(
        Thema(vragenlijst=vragenlijst, naam=naam.strip(), volgorde=volgorde), actor
    )


@transaction.atomic
def vraag_create(
    *,
    actor: Any,
    thema: Thema,
    tekst: str,
    soort: str,
    volgorde: int,
    is_totaalcijfer: bool = False,
) -> Vraag:
    if soort not in VraagSoort.values:
        raise ValidationError({"soort": _("Choose a mark from 1 to 10 or yes/no.")})
    if is_totaalcijfer:
        if soort != VraagSoort.CIJFER:
            raise ValidationError(
                {"is_totaalcijfer": _("The overall question is a mark from 1 to 10.")}
            )
        if Vraag.objects.filter(vragenlijst_id=thema.vragenlijst_id, is_totaalcijfer=True).exists():
            raise ValidationError(
                {"is_totaalcijfer": _("This questionnaire already has an overall question.")}
            )
    vraag = Vraag(
        vragenlijst_id=thema.vragenlijst_id,
        thema=thema,
        tekst=tekst.strip(),
        soort=soort,
        volgorde=volgorde,
        is_totaalcijfer=is_totaalcijfer,
    )
    return save_validated(vraag, actor)


@transaction.atomic
def vragenlijst_create_from_template(
    *, actor: Any, jaar: int, open_van: dt.date, open_tot: dt.date, titel: str = ""
) -> Vragenlijst:
    """A questionnaire with the standard themes and B1 questions (constants.SJABLOON)."""
    vragenlijst = vragenlijst_create(
        actor=actor,
        jaar=jaar,
        titel=titel or _("Employee survey %(year)s") % {"year": jaar},
        open_van=open_van,
        open_tot=open_tot,
    )
    for theme_order, (naam, vragen) in enumerate(SJABLOON, 1):
        thema = thema_create(actor=actor, vragenlijst=vragenlijst, naam=naam, volgorde=theme_order)
        for order, (tekst, soort, totaal) in enumerate(vragen, 1):
            vraag_create(
                actor=actor,
                thema=thema,
                tekst=tekst,
                soort=soort,
                volgorde=order,
                is_totaalcijfer=totaal,
            )
    return vragenlijst


@transaction.atomic
def uitnodigingen_create(
    *,
    actor: Any,
    vragenlijst: Vragenlijst,
    team: Team,
    aantal: int | None = None,
    codes: Sequence[str] | None = None,
) -> list[str]:
    """Make one-time codes for a team and return them, the only time they exist in clear.

    `aantal` defaults to the number of people placed in the team on `open_van`. `codes`
    (fixed codes, for the demo's known code) are checked against the alphabet and used first.
    """
    if aantal is None:
        aantal = selectors.placed_in_team(team, vragenlijst.open_van)
    fixed = [normalise_code(c) for c in codes or []]
    if any(len(c) != CODE_LENGTE or set(c) - set(CODE_ALFABET) for c in fixed):
        raise ValidationError(
            {"codes": _("A code has 8 characters from the letters and digits on the paper.")}
        )
    aantal = max(aantal, len(fixed))
    if aantal < 1 or aantal > MAX_CODES:
        raise ValidationError(
            {"aantal": _("Make between 1 and %(max)s codes at a time.") % {"max": MAX_CODES}}
        )
    made = list(dict.fromkeys(fixed))
    taken = set(
        Uitnodiging.objects.filter(digest__in=[code_digest(c) for c in made]).values_list(
            "digest", flat=True
        )
    )
    if taken:
        raise ValidationError({"codes": _("This code has been handed out before.")})
    while len(made) < aantal:  # draw new codes until enough are unique and unknown
        candidates = {new_code() for _n in range(aantal - len(made))} - set(made)
        known = set(
            Uitnodiging.objects.filter(digest__in=[code_digest(c) for c in candidates]).values_list(
                "digest", flat=True
            )
        )
        made += sorted(c for c in candidates if code_digest(c) not in known)
    created = Uitnodiging.objects.bulk_create(
        [Uitnodiging(vragenlijst=vragenlijst, team=team, digest=code_digest(c)) for c in made]
    )
    if all(u.pk for u in created):
        log_bulk(
            actor=actor,
            action=LogEntry.Action.CREATE,
            objects=created,
            note="survey",
            describe=lambda u: f"{vragenlijst.jaar} {team.code}",
        )
    return made


def code_refused() -> ValidationError:
    """The one answer to every code that cannot be used now: unknown, used, or of a
    questionnaire that is not open. Different answers would tell a guesser which codes exist."""
    return ValidationError(
        {
            "code": _(
                "We do not know this code, or it has already been used. "
                "Check the code on your paper and try again."
            )
        }
    )


def period_message(vragenlijst: Vragenlijst) -> str:
    return _("The questionnaire is open from %(start)s to %(end)s.") % {
        "start": date_nl(vragenlijst.open_van),
        "end": date_nl(vragenlijst.open_tot),
    }


def uitnodiging_for_code(
    code: str, *, on: dt.date | None = None, lock: bool = False
) -> Uitnodiging:
    """The unused invitation of this code in a questionnaire open on the date, or the one
    message of `code_refused`. `lock`: hold the invitation's row (select_for_update) until the
    transaction ends."""
    on = on or dt.date.today()
    if len(normalise_code(code)) != CODE_LENGTE:
        raise code_refused()
    found = Uitnodiging.objects.select_related("vragenlijst").filter(digest=code_digest(code))
    if lock:
        found = found.select_for_update(of=("self",))
    invitation = found.first()
    if invitation is None or invitation.gebruikt or not invitation.vragenlijst.is_open(on):
        raise code_refused()
    return invitation


def _answers(
    vragenlijst: Vragenlijst,
    antwoorden: Mapping[int, AnswerValue],
    questions: Mapping[int, Vraag] | None = None,
) -> list[Antwoord]:
    if questions is None:
        questions = {v.pk: v for v in Vraag.objects.filter(vragenlijst=vragenlijst)}
    rows = []
    for vraag_id, value in antwoorden.items():
        vraag = questions.get(int(vraag_id))
        if vraag is None:
            raise ValidationError(_("An answer belongs to a question of another questionnaire."))
        if vraag.soort == VraagSoort.JA_NEE:
            if not isinstance(value, bool):
                raise ValidationError(_("Answer yes or no."))
            rows.append(Antwoord(vraag=vraag, ja=value))
        else:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValidationError(_("Choose a mark from 1 to 10."))
            if not CIJFER_MIN <= value <= CIJFER_MAX:
                raise ValidationError(_("Choose a mark from 1 to 10."))
            rows.append(Antwoord(vraag=vraag, cijfer=value))
    return rows


@transaction.atomic
def respons_submit(
    *,
    code: str,
    antwoorden: Mapping[int, AnswerValue],
    actor: Any = None,
    datum: dt.date | None = None,
    vragen: Mapping[int, Vraag] | None = None,
) -> Respons:
    """Store one person's answers and mark the code used, in one transaction.

    The code's row is locked (select_for_update), so two submits with the same code cannot
    both pass. `antwoorden` maps question id → answer; skipped questions are left out.
    `actor` is never recorded (the response is anonymous); `datum` (default today) is the
    only time stored, and must fall in the questionnaire's open period. `vragen` (id → question
    of this questionnaire) spares reading them again when many are sent at once (the demo).
    """
    del actor  # anonymous by construction
    datum = datum or dt.date.today()
    # The lock is taken by the look-up itself: a second submit with the same code waits here
    # and then finds the code used.
    invitation = uitnodiging_for_code(code, on=datum, lock=True)
    rows = _answers(invitation.vragenlijst, antwoorden, vragen)
    Uitnodiging.objects.filter(pk=invitation.pk).update(gebruikt=True)
    respons = Respons.objects.create(
        vragenlijst_id=invitation.vragenlijst_id, team_id=invitation.team_id, datum=datum
    )
    for row in rows:
        row.respons = respons
    Antwoord.objects.bulk_create(rows)
    return respons


def drafts_purge(*, now: dt.datetime) -> int:
    """Delete the sessions that expired before `now`; return how many.

    Answers in progress live only in the answering session, encrypted, and that session
    expires an hour after the last answer (ONDERZOEK_CONCEPT_MINUTEN): this removes the
    rows Django leaves behind in the session table (as `clearsessions` does, with a given
    moment). Every expired session goes: none can be used again. Only the database session
    store keeps rows; with another store (cache, signed cookies) there is nothing to delete.
    """
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        return 0
    deleted, _per_model = Session.objects.filter(expire_date__lte=now).delete()
    return deleted
