"""The fixed texts of the subject-access document: why the data is kept, how long, which
rights the person has (AVG art. 15 (1) a–h), and what is not in it."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from binnenwerk.retention.constants import termijn


@dataclass(frozen=True)
class Intro:
    purposes: list[str]
    retention: list[str]
    rights: list[str]
    not_included: list[str]


def intro() -> Intro:
    years = _("%(years)s years after employment ends")
    return Intro(
        purposes=[
            _(
                "Employment: your contracts, placements in teams and with clients, and your "
                "job profile, to pay you and to organise your work."
            ),
            _(
                "The Job Agreement (Banenafspraak): your target-group indication, to count the "
                "jobs for people with an occupational disability (Wet banenafspraak)."
            ),
            _(
                "Guidance and development: the notes and goals of your job coach, to support "
                "you in your work and growth."
            ),
            _(
                "Absence: your sick reports and the steps of the Poortwachter Act (Wet "
                "verbetering poortwachter), to guide your return to work."
            ),
            _(
                "Accountability: the change history and the log of who read your special "
                "personal data, to show that your data is used correctly."
            ),
        ],
        retention=[
            _("Coaching notes and development goals: %(period)s.")
            % {"period": years % {"years": termijn("coaching_jaren")}},
            _("Absence details and Poortwachter steps: %(period)s.")
            % {"period": years % {"years": termijn("verzuim_jaren")}},
            _(
                "Candidate records: %(weeks)s weeks after rejection or withdrawal, "
                "%(years)s year(s) with your consent."
            )
            % {
                "weeks": termijn("kandidaat_weken"),
                "years": termijn("kandidaat_toestemming_jaren"),
            },
            _("The access log: %(years)s years after the read.")
            % {"years": termijn("inzage_jaren")},
            _("Your personal details, contracts and placements: %(period)s; then anonymised.")
            % {"period": years % {"years": termijn("medewerker_jaren")}},
        ],
        rights=[
            _("You may ask to correct data that is wrong or incomplete (AVG art. 16)."),
            _("You may ask to erase data or to restrict its use (AVG art. 17 and 18)."),
            _("You may object to the use of your data (AVG art. 21)."),
            _(
                "You may file a complaint with the Autoriteit Persoonsgegevens, and contact "
                "the data protection officer of your employer."
            ),
            _(
                "Your data comes from yourself, your employer's HR department, your supervisor "
                "and job coach, and for the target-group indication from UWV or your "
                "municipality. No decisions are made about you automatically."
            ),
        ],
        not_included=[
            _(
                "Your answers to the employee survey are anonymous: they are not stored with "
                "your name, so they cannot be found or shown here."
            ),
            _(
                "Exports of lists with many people are logged with their number of people, not "
                "per person: they are not listed here."
            ),
        ],
    )
