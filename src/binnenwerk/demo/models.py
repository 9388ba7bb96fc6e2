from django.db import models
from django.utils.translation import gettext_lazy as _


class DemoLading(models.Model):
    """The demo organisation was loaded into this database: `binnenwerk demo` then serves it
    again instead of refusing the database for holding data."""

    geladen_op = models.DateTimeField(_("loaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("demo load")
        verbose_name_plural = _("demo loads")

    def __str__(self) -> str:
        return f"{self.geladen_op:%Y-%m-%d %H:%M}"
