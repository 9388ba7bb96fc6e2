"""The 2023 PDF of the demo read as a manager reads it: its text, page by page, holds every
figure the seed documents publish, each on the line of its label, in Dutch notation.

The expected values are the published ones (../shared/DOMAIN.md, "Published figures"), typed
here on purpose: the report must reproduce them from the demo's data through the counter.
"""

import io
import itertools
import re

import pytest
from django.core.management import call_command

pypdf = pytest.importorskip("pypdf")

# (label as printed, value as printed): the seeds' 2023 figures.
KEY_FIGURES = [
    ("Banen aan het eind van het jaar", "870,20"),
    ("Nieuwe banen in het jaar", "182,00"),
    ("Medewerkers van Binnenwerk", "674"),
    ("Nieuwe collega's", "156"),
    ("Teams aan het eind van het jaar", "76"),
    ("Doorstroom binnen het Rijk", "9"),
    ("Verzuimpercentage (%)", "11,39"),
    ("Totaalcijfer tevredenheid", "8,2"),
    ("Respons (%)", "80,3"),
]
PER_CLIENT = [
    ("Algemene Zaken", "4,57"),
    ("Binnenlandse Zaken en Koninkrijksrelaties", "201,76"),
    ("Buitenlandse Zaken", "44,23"),
    ("Economische Zaken en Klimaat", "119,61"),
    ("Financiën", "62,41"),
    ("Hoge Colleges van Staat", "10,71"),
    ("Infrastructuur en Waterstaat", "2,75"),
    ("Justitie en Veiligheid", "217,41"),
    ("Landbouw, Natuur en Voedselkwaliteit", "51,26"),
    ("Onderwijs, Cultuur en Wetenschap", "56,98"),
    ("Sociale Zaken en Werkgelegenheid", "16,95"),
    ("Volksgezondheid, Welzijn en Sport", "81,56"),
]
PER_WORK_TYPE = [
    ("Archief", "60,72"),
    ("Assistent Managementondersteuning (AMO)", "18,74"),
    ("Bos- en natuurbeheer", "407,79"),
    ("Pandgebonden taken", "235,20"),
    ("Personeelsdossiers op orde", "66,69"),
    ("Recyclen datadragers", "7,26"),
    ("Extra schoonmaak RSO", "73,80"),
]
TEAMS_PER_WORK_TYPE = [
    ("Archief", "4"),
    ("Assistent Managementondersteuning (AMO)", "2"),
    ("Bos- en natuurbeheer", "49"),
    ("Pandgebonden taken", "16"),
    ("Personeelsdossiers op orde", "4"),
    ("Recyclen datadragers", "1"),
]
SATISFACTION = [
    ("Je leidinggevende", "8,1"),
    ("Ontwikkelen en leren", "7,3"),
    ("Veilig werken", "8,4"),
]
# Year-end jobs the seeds publish (2020 and 2022 derived there, see DOMAIN.md).
GROWTH = [("2020", "387,00"), ("2022", "688,20"), ("2023", "870,20")]


@pytest.fixture(scope="module")
def pages(demo_org, tmp_path_factory):
    target = tmp_path_factory.mktemp("pdf") / "jaaroverzicht-2023.pdf"
    try:
        call_command("jaaroverzicht", jaar=2023, output=str(target), stdout=io.StringIO())
    except OSError:
        pytest.skip("WeasyPrint cannot load Pango here (make pdf-libraries)")
    reader = pypdf.PdfReader(target)
    return reader, [page.extract_text() for page in reader.pages]


def lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def page_with(pages: list[str], heading: str) -> str:
    found = [text for text in pages if heading in text]
    assert found, f"no page has the heading {heading!r}"
    return "\n".join(found)


def assert_rows(text: str, rows: list[tuple[str, str]]) -> None:
    """Each label on a line of its own with its value: the key figures print the value on
    the next line, the tables on the same line."""
    read = lines(text)
    for label, value in rows:
        same_line = f"{label} {value}" in read
        next_line = any(a == label and b == value for a, b in itertools.pairwise(read))
        assert same_line or next_line, f"{label}: {value} not in the PDF"


def test_it_is_an_a4_document_with_its_title_and_the_seal_of_publication(pages):
    reader, texts = pages
    assert reader.metadata.title == "Binnenwerk jaaroverzicht 2023"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert "Vastgesteld op" in texts[0]  # the demo published 2023: shown from the snapshot


def test_the_key_figures_are_the_published_ones(pages):
    assert_rows(page_with(pages[1], "Kerncijfers 2023"), KEY_FIGURES)


def test_jobs_per_client_and_per_work_type_are_the_published_ones(pages):
    _, texts = pages
    assert_rows(page_with(texts, "Banen per opdrachtgever eind 2023"), PER_CLIENT)
    assert_rows(page_with(texts, "Banen per werksoort eind 2023"), PER_WORK_TYPE)
    every = "\n".join(texts)
    assert lines(every).count("Totaal 870,20") == 2  # under both tables


def test_teams_per_work_type_and_in_every_province(pages):
    _, texts = pages
    text = "\n".join(texts)
    assert_rows(text, TEAMS_PER_WORK_TYPE)
    assert "Totaal 76" in lines(text)
    provinces = [
        "Drenthe",
        "Flevoland",
        "Fryslân",
        "Gelderland",
        "Groningen",
        "Limburg",
        "Noord-Brabant",
        "Noord-Holland",
        "Overijssel",
        "Utrecht",
        "Zeeland",
        "Zuid-Holland",
    ]
    rows = [re.fullmatch(r"(.+) (\d+)", line) for line in lines(text)]
    teams = {m[1]: int(m[2]) for m in rows if m and m[1] in provinces}
    assert set(teams) == set(provinces)  # a team in every province
    assert all(n >= 1 for n in teams.values())


def test_satisfaction_growth_and_absence(pages):
    text = "\n".join(pages[1])
    assert_rows(text, SATISFACTION)
    assert_rows(page_with(pages[1], "Groei in banen sinds de start"), GROWTH)
