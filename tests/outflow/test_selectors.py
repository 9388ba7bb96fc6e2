import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from binnenwerk.accounts.services import account_set
from binnenwerk.outflow import selectors
from tests.outflow.factories import left

D = dt.date


def user(rol):
    account_set(actor=None, username=rol, password="x-geheim-123", roles=[rol])
    return get_user_model().objects.get(username=rol)


def test_year_figures_count_by_reason_and_move_ons(django_assert_max_num_queries):
    left(D(2023, 3, 31), "doorstroom_rijk", nieuwe_werkgever="DUO", start=D(2021, 4, 1))
    left(D(2023, 12, 31), "doorstroom_rijk", nieuwe_werkgever="RWS", start=D(2022, 1, 1))
    left(D(2023, 6, 30), "gezondheid", start=D(2023, 1, 1))
    left(D(2022, 6, 30), "doorstroom_rijk", nieuwe_werkgever="DJI")
    with django_assert_max_num_queries(2):
        figures = selectors.uitstroom_cijfers(2023)
    assert figures.totaal == 3 and figures.doorstroom == 2
    assert figures.per_reden["gezondheid"] == 1 and figures.per_reden["pensioen"] == 0
    # 2 years (730 days), 2 years (730 days) and half a year (181 days), inclusive.
    expected = (Decimal(730) + Decimal(730) + Decimal(181)) / Decimal("365.25") / 3
    assert figures.gemiddelde_dienstjaren == expected


def test_a_year_without_outflow_has_no_average():
    figures = selectors.uitstroom_cijfers(2019)
    assert figures.totaal == 0 and figures.gemiddelde_dienstjaren is None


def test_per_year():
    left(D(2022, 6, 30), "doorstroom_rijk", nieuwe_werkgever="DJI")
    left(D(2023, 6, 30), "pensioen")
    rows = selectors.uitstroom_per_jaar()
    assert [(r.jaar, r.totaal, r.doorstroom) for r in rows] == [(2022, 1, 1), (2023, 1, 0)]


@pytest.mark.parametrize(("rol", "sees_health"), [("personeelszaken", True), ("management", False)])
def test_the_list_masks_health_for_management(rol, sees_health):
    health = left(D(2023, 6, 30), "gezondheid")
    health.toelichting = "knieoperatie"
    health.save()
    left(D(2023, 7, 31), "anders")
    left(D(2023, 8, 31), "opleiding")
    rows = selectors.uitstroom_lijst(user(rol), 2023)
    labels = [r.reden_label for r in rows]
    if sees_health:
        assert labels == ["Gezondheid", "Anders", "Opleiding"]
        assert rows[0].toelichting == "knieoperatie"
    else:
        assert labels == ["Anders of afgeschermd", "Anders of afgeschermd", "Opleiding"]
        assert all(r.toelichting is None for r in rows)
        assert {r.reden for r in rows[:2]} == {""}


@pytest.mark.parametrize("rol", ["beheerder", "leidinggevende", "opdrachtgever", "werving"])
def test_the_list_is_empty_for_other_roles(rol):
    left(D(2023, 6, 30), "pensioen")
    assert selectors.uitstroom_lijst(user(rol), 2023) == []
