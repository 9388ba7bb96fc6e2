from django.conf import settings
from django.db import models

from binnenwerk.accounts.constants import Rol


class Profiel(models.Model):
    """Who a user is in the organisation: the staff member (supervisor, coach) or the client."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profiel"
    )
    medewerker = models.ForeignKey(
        "people.Medewerker",
        verbose_name="medewerker",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="accounts",
        help_text="Voor leidinggevenden en jobcoaches: hun teams volgen uit hun teamrollen.",
    )
    organisatie = models.ForeignKey(
        "organisation.Organisatie",
        verbose_name="organisatie",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contactpersonen",
        help_text="Voor opdrachtgevers: de organisatie (met haar onderdelen) waarvoor zij kijken.",
    )

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self) -> str:
        return f"Profiel van {self.user}"


class Roltoekenning(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roltoekenningen"
    )
    rol = models.CharField("rol", max_length=20, choices=Rol.choices)

    class Meta:
        verbose_name = "roltoekenning"
        verbose_name_plural = "roltoekenningen"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "rol"],
                name="rol_eenmaal_per_gebruiker",
                violation_error_message="deze gebruiker heeft deze rol al",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_rol_display()}"
