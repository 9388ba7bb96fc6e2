"""Keep special personal data out of logs and error reports.

`MaskBSNFilter` (on every handler in settings.LOGGING) replaces anything that looks like a BSN
(nine digits, optionally written with spaces or dots, that pass the 11-proef) in a log record's
message and traceback. `PrivacyExceptionReporterFilter` (DEFAULT_EXCEPTION_REPORTER_FILTER)
hides the BSN, indication, absence and coaching fields of a request, local variables with
such names, and the BSN keys in the settings.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.http import HttpRequest
from django.views.debug import SafeExceptionReporterFilter

from binnenwerk.people.bsn import bsn_is_valid

MASK = "*********"
# Nine digits, single spaces or dots allowed between them, not part of a longer number.
_CANDIDATE = re.compile(r"(?<![\d.])\d(?:[ .]?\d){8}(?![\d])")
# Field and variable names whose values are special-category data or secrets.
SENSITIVE = re.compile(
    r"bsn|burgerservice|indicatie|doelgroep|ziek|verzuim|coaching|notitie|diagnose|"
    r"gezondheid|sleutel|api|token|key|secret|signature|pass|pwd|auth|credential",
    flags=re.IGNORECASE,
)


def mask_bsns(text: str) -> str:
    """`text` with every BSN-like number replaced by asterisks."""

    def replace(match: re.Match[str]) -> str:
        digits = re.sub(r"[ .]", "", match.group(0))
        return MASK if bsn_is_valid(digits) else match.group(0)

    return _CANDIDATE.sub(replace, text)


class MaskBSNFilter(logging.Filter):
    """Masks BSN-like numbers in the message (after formatting its arguments) and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the record as it is, masked raw
            message = str(record.msg)
        masked = mask_bsns(message)
        if masked != message or record.args:
            record.msg, record.args = masked, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_bsns(record.exc_text)
        if record.stack_info:
            record.stack_info = mask_bsns(record.stack_info)
        return True


class PrivacyExceptionReporterFilter(SafeExceptionReporterFilter):
    hidden_settings = re.compile(
        r"API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|SLEUTEL|BSN", flags=re.IGNORECASE
    )

    def get_post_parameters(self, request: HttpRequest | None) -> Any:
        parameters = super().get_post_parameters(request)
        if request is None or not parameters:
            return parameters
        cleansed = parameters.copy()
        for name in list(cleansed):
            if SENSITIVE.search(name):
                cleansed[name] = self.cleansed_substitute
            elif isinstance(cleansed, dict):
                cleansed[name] = mask_bsns(str(cleansed[name]))
            else:
                cleansed.setlist(name, [mask_bsns(str(v)) for v in cleansed.getlist(name)])
        return cleansed

    def get_traceback_frame_variables(self, request: Any, tb_frame: Any) -> Any:
        variables = super().get_traceback_frame_variables(request, tb_frame)
        return [
            (name, self.cleansed_substitute if SENSITIVE.search(str(name)) else _masked(value))
            for name, value in variables
        ]


def _masked(value: Any) -> Any:
    """A plain variable with BSNs masked; other objects as they are (their repr may query)."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value)
        masked = mask_bsns(text)
        return masked if masked != text else value
    return value
