"""Logs and error reports never show a BSN or special-category fields."""

import logging
import sys

from django.conf import settings
from django.test import RequestFactory
from django.views.debug import ExceptionReporter, get_exception_reporter_filter

from binnenwerk.privacy import MASK, MaskBSNFilter, PrivacyExceptionReporterFilter, mask_bsns

BSN = "111222333"


def test_mask_bsns_masks_only_numbers_passing_the_eleven_test():
    assert (
        mask_bsns(f"bsn {BSN} en 111.222.333 en 111 222 333") == f"bsn {MASK} en {MASK} en {MASK}"
    )
    assert mask_bsns("ordernummer 123456789") == "ordernummer 123456789"  # fails the 11-proef
    assert mask_bsns(f"1{BSN}") == f"1{BSN}"  # part of a longer number


def test_settings_attach_the_filter_to_every_handler():
    assert settings.LOGGING["filters"]["bsn_maskeren"]["()"] == "binnenwerk.privacy.MaskBSNFilter"
    for handler in settings.LOGGING["handlers"].values():
        assert "bsn_maskeren" in handler["filters"]


def _record(msg, *args, exc_info=None):
    return logging.LogRecord("x", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_filter_masks_message_arguments_and_traceback():
    record = _record("Geen match voor %s", BSN)
    assert MaskBSNFilter().filter(record)
    assert record.getMessage() == f"Geen match voor {MASK}"
    try:
        raise ValueError(f"bsn {BSN} ongeldig")
    except ValueError:
        record = _record("fout", exc_info=sys.exc_info())
    MaskBSNFilter().filter(record)
    formatted = logging.Formatter().format(record)
    assert BSN not in formatted and MASK in formatted and "ValueError" in formatted


def test_filter_works_on_a_real_logger(caplog):
    logger = logging.getLogger("binnenwerk.test_privacy")
    logger.addFilter(MaskBSNFilter())
    with caplog.at_level(logging.WARNING, logger="binnenwerk.test_privacy"):
        logger.warning("persoon %s", BSN)
    assert BSN not in caplog.text and MASK in caplog.text


def test_exception_reports_hide_special_fields_and_keys():
    assert isinstance(get_exception_reporter_filter(None), PrivacyExceptionReporterFilter)
    request = RequestFactory().post(
        "/medewerkers/nieuw/",
        {"bsn": BSN, "doelgroepindicatie": "on", "voornaam": "Ada", "opmerking": f"nr {BSN}"},
    )
    try:
        bsn = BSN  # noqa: F841 - a local the report would show
        raise ValueError("kapot")
    except ValueError:
        reporter = ExceptionReporter(request, *sys.exc_info())
        html = reporter.get_traceback_html()
        text = reporter.get_traceback_text()
    for report in (html, text):
        assert BSN not in report
        assert "Ada" in report  # other fields stay visible
    data = reporter.get_traceback_data()
    post = data["filtered_POST_items"]
    assert dict(post)["doelgroepindicatie"] == PrivacyExceptionReporterFilter.cleansed_substitute
    keys = PrivacyExceptionReporterFilter().get_safe_settings()
    assert keys["BSN_SLEUTELS"] == PrivacyExceptionReporterFilter.cleansed_substitute
    assert keys["BSN_ZOEKSLEUTEL"] == PrivacyExceptionReporterFilter.cleansed_substitute
