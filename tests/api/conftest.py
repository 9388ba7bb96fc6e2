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
