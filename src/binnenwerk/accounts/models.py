from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol


class Profiel(models.Model):
    """Who a user is in the organisation: the staff member (supervisor, coach) or the client."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="profiel",
    )
    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
        help_text=_("For supervisors and job coaches: their teams follow from their team roles."),
    )
    organisatie = models.ForeignKey(
        "organisation.Organisatie",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactpersonen",
        help_text=_("For clients: the organisation (with its parts) they look at."),
    )
    # Set when someone else gave the account a one-time password: the user chooses their
    # own before they see any page.
    wachtwoord_wijzigen = models.BooleanField(_("must change password"), default=False)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return gettext("Profile of %(user)s") % {"user": self.user}


class Roltoekenning(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="roltoekenningen",
    )
    rol = models.CharField(_("role"), max_length=20, choices=Rol.choices)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rol"],
                name="rol_eenmaal_per_gebruiker",
                violation_error_message=_("this user already has this role"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_rol_display()}"


class Accountmelding(models.Model):
    """A change to an account made by someone else (a password or authenticator app reset, new
    roles): the user is told at their next sign-in, with who did it and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="accountmeldingen",
    )
    tekst = models.CharField(_("message"), max_length=300)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the command line on the server."),
    )
    op = models.DateTimeField(_("at"), auto_now_add=True)
    gelezen_op = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("account notice")
        verbose_name_plural = _("account notices")
        indexes = [models.Index(fields=["user", "gelezen_op"], name="accountmelding_ongelezen")]

    def __str__(self) -> str:
        return self.tekst
