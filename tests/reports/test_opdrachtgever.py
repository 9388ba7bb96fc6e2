"""The client statement (opdrachtgeversrapportage) on the demo organisation: BZK's 2023 figure
is the annual overview's (201.76) on the page, in the PDF and in the workbook; a quarter; work
types add up to the total; sub-organisations count with their organisation; who opens which
client's statement; small groups; the empty state. One module: the demo loads once."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.utils import translation
from openpyxl import load_workbook

from binnenwerk.formatting import decimal_str
from binnenwerk.jobs.selectors import Filters, banen, organisation_with_parts
from binnenwerk.organisation.models import Organisatie, Team
from binnenwerk.people.models import Dienstverband
from binnenwerk.people.services import dienstverband_end
from binnenwerk.periods import active_on
from binnenwerk.reports import views_opdrachtgever
from binnenwerk.reports.opdrachtgever import clients, opdrachtgever_rapportage
from binnenwerk.reports.opdrachtgever_presenters import xlsx
from binnenwerk.reports.selectors import jaaroverzicht_cijfers
from tests.factories import (
    DienstverbandFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    PlaatsingFactory,
)
from tests.roles import ROLES

SEES = {"beheerder", "personeelszaken", "management"}
END_2023 = dt.date(2023, 12, 31)
BASE = "/jaaroverzicht/opdrachtgever"
ROUNDING = Decimal("1e-20")  # sums of unrounded quotients agree to far below a cent


def _place(org: Organisatie, team: Team, nummer: str, uren: str = "25.5") -> None:
    """A target-group employee with a contract and a placement funded by `org` from 2023."""
    person = MedewerkerFactory(personeelsnummer=nummer, doelgroepindicatie=True)
    DienstverbandFactory(medewerker=person, start=dt.date(2023, 1, 1), uren_per_week=uren)
    PlaatsingFactory(medewerker=person, team=team, opdrachtgever=org, start=dt.date(2023, 1, 1))


def _team() -> Team:
    return Team.objects.filter(active_on(END_2023), partner__isnull=True).order_by("code").first()


# --- the figures ----------------------------------------------------------------


def test_bzk_2023_is_the_annual_overviews_figure(demo_org):
    rapport = opdrachtgever_rapportage("BZK", 2023)
    assert decimal_str(rapport.banen) == "201.76"
    assert jaaroverzicht_cijfers(2023).get("per_opdrachtgever.BZK").waarde == "201.76"
    assert rapport.peildatum == END_2023 and rapport.van == dt.date(2023, 1, 1)
    assert [p.peildatum.month for p in rapport.per_maand] == list(range(1, 13))
    assert rapport.per_maand[-1].banen == rapport.banen
    # Growth: every year end from the first placement to 2023, ending with the same figure.
    assert rapport.groei[-1] == rapport.per_maand[-1]
    assert [p.peildatum.year for p in rapport.groei] == list(
        range(rapport.groei[0].peildatum.year, 2024)
    )
    # 2023 is published in the demo: the published figure is the same.
    assert rapport.publicatie is not None and rapport.vastgesteld == Decimal("201.76")
    # BZK counts with its sub-organisations (the partners that belong to it).
    assert rapport.codes == organisation_with_parts("BZK") and len(rapport.codes) > 1
    assert rapport.onderdelen and rapport.mensen >= 5


def test_work_types_and_teams_add_up_to_the_total(demo_org):
    rapport = opdrachtgever_rapportage("BZK", 2023)
    assert len(rapport.per_werksoort) > 1 and len(rapport.per_team) > 1
    assert abs(sum(g.banen for g in rapport.per_werksoort) - rapport.banen) < ROUNDING
    assert abs(sum(g.banen for g in rapport.per_team) - rapport.banen) < ROUNDING
    names = {g.naam for g in rapport.per_werksoort}
    assert "Bos- en natuurbeheer" in names  # names, not codes


def test_teams_at_partner_sites(demo_org):
    rapport = opdrachtgever_rapportage("BZK", 2023)
    per_team = {g.code: g.banen for g in rapport.per_team}
    assert rapport.partnerteams
    partners = {t.partner for t in rapport.partnerteams}
    assert "Staatsbosbeheer" in partners  # forest teams at a partner, funded by BZK
    for team in rapport.partnerteams:
        assert Team.objects.get(code=team.code).partner.naam == team.partner
        assert team.banen == per_team[team.code]
    # Teams without a partner are not among them.
    no_partner = set(Team.objects.filter(partner__isnull=True).values_list("code", flat=True))
    assert not no_partner & {t.code for t in rapport.partnerteams}


def test_a_quarter(demo_org):
    year = opdrachtgever_rapportage("BZK", 2023)
    quarter = opdrachtgever_rapportage("BZK", 2023, 2)
    assert (quarter.van, quarter.peildatum) == (dt.date(2023, 4, 1), dt.date(2023, 6, 30))
    assert [p.peildatum for p in quarter.per_maand] == [
        dt.date(2023, 4, 30),
        dt.date(2023, 5, 31),
        dt.date(2023, 6, 30),
    ]
    assert quarter.per_maand == year.per_maand[3:6]
    assert quarter.banen == year.per_maand[5].banen != year.banen
    filters = Filters(opdrachtgevers=organisation_with_parts("BZK"))
    assert quarter.banen == banen(dt.date(2023, 6, 30), filters=filters).totaal
    # The year's publication counts on 31-12: no published figure for the second quarter,
    # the same as the year's for the fourth.
    assert quarter.vastgesteld is None
    assert opdrachtgever_rapportage("BZK", 2023, 4).vastgesteld == Decimal("201.76")


def test_a_sub_organisation_counts_with_its_organisation(demo_org):
    """Belastingdienst belongs to Finance: its jobs are in Finance's statement as well."""
    assert Organisatie.objects.get(code="BD").hoort_bij.code == "Fin"
    before = opdrachtgever_rapportage("Fin", 2023).banen
    published = jaaroverzicht_cijfers(2023).get("per_opdrachtgever.Fin").waarde
    _place(Organisatie.objects.get(code="BD"), _team(), "T-BD-1")
    assert opdrachtgever_rapportage("BD", 2023).banen == Decimal(1)
    fin = opdrachtgever_rapportage("Fin", 2023)
    assert fin.banen == before + 1
    assert "Belastingdienst" in fin.onderdelen
    # The annual overview counts per funding code: Finance's own figure there is unchanged.
    assert jaaroverzicht_cijfers(2023).get("per_opdrachtgever.Fin").waarde == published
    assert "BD" in {o.code for o in clients()} and "Fin" in {o.code for o in clients()}


def test_clients_listed_are_those_that_fund(demo_org):
    codes = {o.code for o in clients()}
    assert {"BZK", "JenV", "AZ"} <= codes
    assert "RWS" not in codes  # never funded a placement


# --- the page -------------------------------------------------------------------


def test_the_page_shows_201_76(as_role):
    response = as_role("opdrachtgever").get(f"{BASE}/BZK/2023/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="cijfer-banen">201,76<' in body
    assert 'id="cijfer-vastgesteld"' not in body  # published and today's figure agree
    assert f'href="{BASE}/BZK/2023.pdf"' in body and f'href="{BASE}/BZK/2023.xlsx"' in body
    assert body.count("<svg") == 3  # per month, per work type, growth
    assert body.count("<caption>") >= 5 and 'scope="col"' in body and 'scope="row"' in body
    assert 'id="tabel-partner"' in body and "Staatsbosbeheer" in body
    assert 'id="geen-banen"' not in body


def test_the_quarter_page(as_role):
    client = as_role("management")
    june = decimal_str(opdrachtgever_rapportage("BZK", 2023, 2).banen).replace(".", ",")
    body = client.get(f"{BASE}/BZK/2023/?kwartaal=2").content.decode()
    assert f'id="cijfer-banen">{june}<' in body
    assert f'href="{BASE}/BZK/2023.pdf?kwartaal=2"' in body
    assert f'href="{BASE}/BZK/2023.xlsx?kwartaal=2"' in body
    assert '<option value="2" selected>' in body
    for bad in ("0", "5", "x"):
        assert client.get(f"{BASE}/BZK/2023/?kwartaal={bad}").status_code == 404


def test_the_period_form_goes_to_the_chosen_year(as_role):
    response = as_role("management").get(f"{BASE}/BZK/2023/?jaar=2022&kwartaal=3")
    assert response.status_code == 302 and response.url == f"{BASE}/BZK/2022/?kwartaal=3"


def test_a_correction_shows_beside_the_published_figure(as_role):
    contract = (
        Dienstverband.objects.filter(
            active_on(END_2023),
            medewerker__doelgroepindicatie=True,
            medewerker__plaatsingen__opdrachtgever__code="BZK",
            medewerker__plaatsingen__start__lte=END_2023,
            medewerker__plaatsingen__einde__isnull=True,
        )
        .order_by("pk")
        .first()
    )
    dienstverband_end(actor=None, dienstverband=contract, einde=dt.date(2023, 12, 30))
    rapport = opdrachtgever_rapportage("BZK", 2023)
    assert rapport.banen < Decimal("201.755") and rapport.vastgesteld == Decimal("201.76")
    body = as_role("management").get(f"{BASE}/BZK/2023/").content.decode()
    assert 'id="cijfer-vastgesteld"' in body and "201,76" in body
    today = decimal_str(rapport.banen).replace(".", ",")
    assert f'id="cijfer-banen">{today}<' in body


def test_a_small_group_of_people_is_suppressed(as_role):
    """A client with two people in its jobs: the people "<5", the jobs shown as they are."""
    small = OrganisatieFactory(code="KLEIN", naam="Klein Agentschap")
    team = _team()
    _place(small, team, "T-KLEIN-1")
    _place(small, team, "T-KLEIN-2", uren="12.75")
    rapport = opdrachtgever_rapportage("KLEIN", 2023)
    assert rapport.mensen == 2 and rapport.banen == Decimal("1.5")
    body = as_role("beheerder").get(f"{BASE}/KLEIN/2023/").content.decode()
    assert 'id="cijfer-mensen">&lt;5<' in body
    assert 'id="cijfer-banen">1,50<' in body and 'id="cijfer-teams">1<' in body
    sheet = load_workbook(io.BytesIO(xlsx(rapport))).worksheets[0]
    values = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert "<5" in values and 2 not in values
    assert 1.5 in values  # jobs are never suppressed


def test_the_demos_smallest_client_is_suppressed_too(as_role):
    rapport = opdrachtgever_rapportage("AZ", 2023)
    assert rapport.mensen < 5 and decimal_str(rapport.banen) == "4.57"
    body = as_role("management").get(f"{BASE}/AZ/2023/").content.decode()
    assert 'id="cijfer-mensen">&lt;5<' in body and 'id="cijfer-banen">4,57<' in body


def test_the_empty_state(as_role):
    rapport = opdrachtgever_rapportage("RWS", 2023)
    assert rapport.leeg and rapport.banen == 0 and not rapport.per_team
    client = as_role("management")
    body = client.get(f"{BASE}/RWS/2023/").content.decode()
    assert 'id="geen-banen"' in body
    assert 'id="tabel-maand"' not in body and "<svg" not in body
    assert 'id="cijfer-mensen">0<' in body  # nobody is no small group
    # Before its first placement BZK funded nothing either.
    assert 'id="geen-banen"' in client.get(f"{BASE}/BZK/2010/").content.decode()
    assert len(load_workbook(io.BytesIO(xlsx(rapport))).sheetnames) == 6


# --- PDF and workbook ---------------------------------------------------------------


def test_the_pdf_shows_201_76(as_role):
    from pypdf import PdfReader

    response = as_role("opdrachtgever").get(f"{BASE}/BZK/2023.pdf")
    if response.status_code == 503:  # WeasyPrint's OSError: no Pango on this machine
        pytest.skip("the system libraries for PDF are missing")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="opdrachtgeversrapportage-BZK-2023.pdf"' in response["Content-Disposition"]
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "201,76" in text and "Staatsbosbeheer" in text
    assert "BZK" in reader.metadata.title or "Binnenlandse Zaken" in reader.metadata.title
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged
    assert reader.trailer["/Root"]["/Lang"] == "nl"


def test_the_pdf_of_a_quarter(as_role):
    from pypdf import PdfReader

    response = as_role("management").get(f"{BASE}/BZK/2023.pdf?kwartaal=2")
    if response.status_code == 503:
        pytest.skip("the system libraries for PDF are missing")
    june = decimal_str(opdrachtgever_rapportage("BZK", 2023, 2).banen).replace(".", ",")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert june in text and "30-06-2023" in text


def test_a_server_without_the_pdf_libraries_says_so(as_role, monkeypatch):
    def no_pango(html):
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(views_opdrachtgever, "html_to_pdf", no_pango)
    response = as_role("management").get(f"{BASE}/BZK/2023.pdf")
    assert response.status_code == 503 and "make pdf-libraries" in response.content.decode()


def test_the_workbook_has_201_76_as_a_number(as_role):
    response = as_role("opdrachtgever").get(f"{BASE}/BZK/2023.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'filename="opdrachtgeversrapportage-BZK-2023.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    with translation.override("nl"):
        from django.utils.translation import gettext as _

        expected = [
            _(n) for n in ("Key figures", "Per month", "Per work type", "Per team", "Partner sites")
        ]
    assert workbook.sheetnames[:5] == expected
    kern, month, work, team, partner = (workbook[n] for n in expected)

    def numbers(sheet, column):
        (cells,) = sheet.iter_cols(min_col=column, max_col=column, min_row=2)
        return [c for c in cells if c.value is not None]

    jobs = [c for c in numbers(kern, 2) if isinstance(c.value, float)]
    assert [round(c.value, 2) for c in jobs][:1] == [201.76]
    assert all(c.number_format == "#,##0.00" for c in jobs)
    assert len(numbers(month, 2)) == 12 and round(numbers(month, 2)[-1].value, 2) == 201.76
    assert month["A2"].is_date
    for sheet in (work, team):
        cells = numbers(sheet, 2)
        assert all(isinstance(c.value, int | float) for c in cells)
        assert all(c.number_format == "#,##0.00" for c in cells)
        *rows, total = cells
        assert round(total.value, 2) == 201.76
        assert abs(sum(c.value for c in rows) - total.value) < 1e-9
    assert partner.max_row - 1 == len(opdrachtgever_rapportage("BZK", 2023).partnerteams)
    assert isinstance(partner["D2"].value, float)


def test_the_quarter_workbook(as_role):
    response = as_role("management").get(f"{BASE}/BZK/2023.xlsx?kwartaal=3")
    assert "opdrachtgeversrapportage-BZK-2023-K3.xlsx" in response["Content-Disposition"]
    month = load_workbook(io.BytesIO(response.content)).worksheets[1]
    assert [row[0].month for row in month.iter_rows(min_row=2, values_only=True)] == [7, 8, 9]


# --- who opens what ------------------------------------------------------------------


def _expected(username: str, code: str) -> int:
    if username in SEES:
        return 200
    if username == "opdrachtgever" and code == "BZK":  # the demo's client contact is BZK's
        return 200
    return 404


@pytest.mark.parametrize("suffix", ["/", ".pdf", ".xlsx"])
@pytest.mark.parametrize("code", ["BZK", "JenV"])
@pytest.mark.parametrize("username", ROLES)
def test_permission_matrix(as_role, monkeypatch, username, code, suffix):
    # The matrix is about who opens what: a stand-in for WeasyPrint keeps it quick.
    monkeypatch.setattr(views_opdrachtgever, "html_to_pdf", lambda html: b"%PDF-1.7 stand-in")
    response = as_role(username).get(f"{BASE}/{code}/2023{suffix}")
    assert response.status_code == _expected(username, code)


@pytest.mark.parametrize("username", ROLES)
def test_a_sub_organisation_of_ones_own_client(as_role, username):
    """The BZK contact also opens the statement of an organisation that belongs to BZK."""
    assert Organisatie.objects.get(code="RSO").hoort_bij.code == "BZK"
    response = as_role(username).get(f"{BASE}/RSO/2023/")
    assert response.status_code == _expected(username, "BZK")


@pytest.mark.parametrize("username", ROLES)
def test_the_entry_page(as_role, username):
    response = as_role(username).get(f"{BASE}/")
    if username in SEES:
        assert response.status_code == 200
        body = response.content.decode()
        last_year = dt.date.today().year - 1
        assert f'href="{BASE}/BZK/{last_year}/"' in body
        assert f'href="{BASE}/JenV/{last_year}/?kwartaal=4"' in body
        chosen = as_role(username).get(f"{BASE}/?jaar=2023").content.decode()
        assert f'href="{BASE}/BZK/2023/"' in chosen
    elif username == "opdrachtgever":
        assert response.status_code == 302
        assert response.url == f"{BASE}/BZK/{dt.date.today().year - 1}/"
    else:
        assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"{BASE}/NIETS/2023/",
        f"{BASE}/NIETS/2023.pdf",
        f"{BASE}/NIETS/2023.xlsx",
        f"{BASE}/BZK/1999/",
        f"{BASE}/BZK/2101.xlsx",
        f"{BASE}/?jaar=1999",
    ],
)
def test_unknown_clients_and_years_are_404(as_role, url):
    assert as_role("beheerder").get(url).status_code == 404


def test_a_client_contact_without_an_organisation_gets_404(as_role):
    from binnenwerk.accounts.models import Profiel

    client = as_role("opdrachtgever")
    Profiel.objects.filter(user__username="opdrachtgever").update(organisatie=None)
    assert client.get(f"{BASE}/").status_code == 404
    assert client.get(f"{BASE}/BZK/2023/").status_code == 404


@pytest.mark.parametrize("username", ROLES)
def test_the_statement_is_linked_where_it_opens(as_role, username):
    """The navigation leads a client contact to the statement; the client's page links the
    statement for every user who may open it, and for nobody else."""
    client = as_role(username)
    nav = client.get("/").content.decode()
    assert (f'href="{BASE}/"' in nav) == (username == "opdrachtgever")
    response = client.get("/opdrachtgevers/BZK/?peildatum=2023-12-31")
    if response.status_code == 404:
        return
    link = f'href="{BASE}/BZK/2023/"'
    assert (link in response.content.decode()) == (username in SEES | {"opdrachtgever"})
