from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A personal API token: its secret is shown once; only its SHA-256 digest is kept.

    The token acts with its owner's roles and scope, from creation until it expires or is
    revoked, whichever comes first.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    naam = models.CharField(_("name"), max_length=100)
    # The first characters of the token, shown in lists so an owner can tell tokens apart.
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    aangemaakt_op = models.DateTimeField(_("created at"), auto_now_add=True)
    verloopt_op = models.DateTimeField(_("expires at"))
    ingetrokken_op = models.DateTimeField(_("revoked at"), null=True, blank=True)
    laatst_gebruikt_op = models.DateTimeField(_("last used at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-aangemaakt_op"]

    def __str__(self) -> str:
        return gettext("Token %(name)s of %(user)s") % {"name": self.naam, "user": self.user}
