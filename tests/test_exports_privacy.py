"""Every download (CSV, xlsx, the full export, the API's people) per role: no BSN, ever,
except the full export in the import format for the roles that may see personal details."""

import io
import re
import zipfile

import pytest
from django.urls import get_resolver

from binnenwerk.accounts.constants import SEES_PERSONAL_DETAILS
from binnenwerk.people.models import Medewerker
from tests.roles import ROLES

FIXED = [
    "/export/",
    "/verzuim/cijfers.csv",
    "/verzuim/maanden.csv",
    "/contracten/werklijst.csv",
    "/monitor/tabel1.csv",
    "/monitor/tabel1.xlsx",
    "/kansen/prognose.csv",
    "/kansen/kansen.csv",
    "/uitstroom/redenen.csv",
    "/uitstroom/lijst.csv",
    "/werving/bord.csv",
    "/teams/open-plaatsen/?format=csv",
    "/medewerkers/?format=csv",
    "/api/v1/medewerkers/",
]
NINE_DIGITS = re.compile(rb"(?<!\d)\d{9}(?!\d)")


def _text(response) -> bytes:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":  # xlsx: the sheets' XML
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"".join(archive.read(name) for name in archive.namelist())
    return content


def _download_routes() -> set[str]:
    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif re.search(r"csv|xlsx|export", route) and not route.startswith("api"):
                found.add(route)

    walk(get_resolver().url_patterns)
    return found


def test_every_download_route_is_known():
    """A new download must be added to this test (FIXED) or to the parametrised ones."""
    covered = "".join(FIXED) + "dashboard jaaroverzicht onderzoek toegang"
    for route in _download_routes():
        head = route.split("<")[0].split("(")[0].lstrip("^")
        assert (
            any(word in route for word in ("dashboard", "opdrachtgever", "resultaten", "toegang"))
            or head.rstrip("/") in covered
        ), route


@pytest.mark.parametrize("role", ROLES)
def test_no_bsn_in_any_download(as_role, role):
    client = as_role(role)
    bsns = {b.encode() for b in Medewerker.objects.exclude(bsn="").values_list("bsn", flat=True)}
    assert bsns  # the demo has BSNs
    urls = list(FIXED)
    dashboard = client.get("/").content.decode()
    urls += sorted(set(re.findall(r'href="(/dashboard/[-\w]+\.(?:csv|xlsx))', dashboard)))
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        checked += 1
        content = _text(response)
        leaked = set(NINE_DIGITS.findall(content)) & bsns
        if url == "/export/" and role in SEES_PERSONAL_DETAILS:
            continue  # the import format, for those allowed to see personal details
        assert not leaked, (role, url)
        if role not in SEES_PERSONAL_DETAILS:
            assert b"bsn" not in content.lower(), (role, url)
    assert checked or role == "privacy"
