"""Validation and formatting of Danish phone numbers and e-mail addresses.

Phone numbers are stored as 8 digits ("43686959") and shown the Danish way ("43 68 69 59").
Editors may type them with spaces, dashes, dots, "+45" or "0045"; ``normalise_phone`` turns
those into the stored form and rejects anything else with a message an editor understands.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

_SEPARATORS = re.compile(r"[\s\-./()]+")

PHONE_MESSAGE = (
    "“%(value)s” er ikke et gyldigt dansk telefonnummer. "
    "Skriv 8 cifre, fx 43 68 69 59 eller +45 43 68 69 59."
)
EMAIL_MESSAGE = "“%(value)s” er ikke en gyldig e-mailadresse. Skriv fx navn@kommune.dk."


def normalise_phone(value: str) -> str:
    """Return the 8 digits of a Danish phone number, or raise ValidationError (in Danish)."""
    raw = (value or "").strip()
    digits = _SEPARATORS.sub("", raw)
    if digits.startswith("+45"):
        digits = digits[3:]
    elif digits.startswith("0045"):
        digits = digits[4:]
    elif len(digits) == 10 and digits.startswith("45"):
        digits = digits[2:]
    if len(digits) != 8 or not digits.isascii() or not digits.isdigit():
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone", params={"value": raw})
    return digits


def validate_danish_phone(value: str) -> None:
    """Validator for a stored phone number: exactly 8 digits after normalising."""
    normalise_phone(value)


def normalise_email(value: str) -> str:
    """Return the address trimmed, or raise ValidationError (in Danish)."""
    address = (value or "").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise ValidationError(
            EMAIL_MESSAGE, code="invalid_email", params={"value": address}
        ) from None
    return address


def format_phone(number: str) -> str:
    """Show 8 digits in pairs, the Danish way: "43686959" -> "43 68 69 59"."""
    if len(number) == 8 and number.isdigit():
        return " ".join(number[i : i + 2] for i in range(0, 8, 2))
    return number


def phone_uri(number: str) -> str:
    """A tel: URI with the country code: "43686959" -> "tel:+4543686959"."""
    return f"tel:+45{number}"
