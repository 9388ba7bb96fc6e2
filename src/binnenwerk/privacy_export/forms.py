from django import forms
from django.utils.translation import gettext_lazy as _

from binnenwerk.privacy_export.services import MAX_REDEN


class InzageverzoekForm(forms.Form):
    reden = forms.CharField(
        label=_("Reason or reference of the request"),
        max_length=MAX_REDEN,
        help_text=_(
            "For example the date of the request and its reference number. Kept in the access "
            "log; do not type a BSN."
        ),
    )
