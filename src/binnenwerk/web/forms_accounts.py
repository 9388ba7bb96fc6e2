"""The administrator's account form and a user's own password change."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from binnenwerk.accounts.constants import Rol
from binnenwerk.organisation.models import Organisatie
from binnenwerk.web.forms import StaffMemberField

# The privacy officer's role is not offered: only the server's operator grants it.
ROLE_CHOICES = [(r.value, r.label) for r in Rol if r != Rol.PRIVACY]
NEEDS_STAFF_MEMBER = {Rol.LEIDINGGEVENDE, Rol.JOBCOACH}


class AccountForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(label=_("Email address"), required=False)
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=ROLE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The privacy officer's role is granted on the server (binnenwerk account)."),
    )
    medewerker = StaffMemberField(
        required=False,
        help_text=_("For supervisors and job coaches: their teams follow from their team roles."),
    )
    organisatie = forms.ModelChoiceField(
        label=_("Client organisation"),
        queryset=Organisatie.objects.order_by("naam"),
        required=False,
        help_text=_("For client contacts: the organisation (with its parts) they look at."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        roles = set(data.get("roles") or [])
        if roles & NEEDS_STAFF_MEMBER and not data.get("medewerker"):
            self.add_error("medewerker", _("A supervisor or job coach is a staff member."))
        if Rol.OPDRACHTGEVER in roles and not data.get("organisatie"):
            self.add_error("organisatie", _("A client contact belongs to an organisation."))
        return data


class NewAccountForm(AccountForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        validators=get_user_model()._meta.get_field("username").validators,
        help_text=_("Letters, digits and @ . + - _ only."),
    )
    field_order = ["username"]

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is taken."))
        return username
