"""For the login page: whether signing in with the Rijksaccount (OpenID Connect) is on."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def rijksaccount_aan() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))
