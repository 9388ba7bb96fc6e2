"""BSN (burgerservicenummer): the 11-proef, and masking so it never reaches a log."""

BSN_LENGTH = 9
_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def bsn_is_valid(bsn: str) -> bool:
    """Nine digits whose weighted sum (9…2, then −1) is a positive multiple of 11."""
    # isascii: str.isdigit() also accepts superscripts and other scripts' digits.
    if len(bsn) != BSN_LENGTH or not (bsn.isascii() and bsn.isdigit()):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(bsn, _WEIGHTS, strict=True))
    return total > 0 and total % 11 == 0


def normalise_bsn(value: str) -> str:
    """Strip spaces and dots people type; restore a leading zero a spreadsheet ate."""
    digits = value.replace(" ", "").replace(".", "").strip()
    if digits.isdigit() and len(digits) == BSN_LENGTH - 1:
        digits = "0" + digits
    return digits


def mask_bsn(value: str) -> str:
    """What the audit log keeps of a BSN: that there was one, not which."""
    return "*********" if value else ""
