"""The Rijksaccount's sign-in addresses (answer 404 while OIDC is not configured)."""

from django.urls import path

from binnenwerk.accounts.oidc import oidc_callback, oidc_start

urlpatterns = [
    path("callback/", oidc_callback, name="oidc_authentication_callback"),
    path("authenticate/", oidc_start, name="oidc_authentication_init"),
]
