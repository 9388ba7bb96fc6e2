"""What the audit log may show of special-category text: that it changed, never what it says."""

from __future__ import annotations

from django.utils.translation import gettext as _


def masked(value: str) -> str:
    """auditlog's mask callable for coaching texts: a fixed word in place of the content."""
    # Translators: shown in the audit log instead of the text of a coaching note or goal.
    return _("(shielded)") if value and value != "None" else "–"
