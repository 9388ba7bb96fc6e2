import pytest
from rest_framework.test import APIClient


@pytest.fixture
def token_for(demo_org):
    """A fresh personal API token for one of the demo's accounts (one per role)."""
    from django.contrib.auth import get_user_model

    from binnenwerk.api.services import api_token_create

    def create(username: str, dagen: int = 30) -> str:
        user = get_user_model().objects.get(username=username)
        return api_token_create(actor=user, user=user, naam="test", geldig_dagen=dagen).secret

    return create


@pytest.fixture
def api_as(token_for):
    """An API client that sends the token of one of the demo's accounts."""

    def client_for(username: str) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(username)}")
        return client

    return client_for


@pytest.fixture
def api_with_role(db):
    """An API client with the token of a fresh account holding one role, for tests that need
    no demo organisation (an empty database: the roles still decide what answers)."""
    from django.contrib.auth import get_user_model

    from binnenwerk.accounts.models import Roltoekenning
    from binnenwerk.api.services import api_token_create

    def client_for(rol: str) -> APIClient:
        user = get_user_model().objects.create_user(username=f"api-{rol}")
        Roltoekenning.objects.create(user=user, rol=rol)
        secret = api_token_create(actor=user, user=user, naam="test", geldig_dagen=30).secret
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
        return client

    return client_for
