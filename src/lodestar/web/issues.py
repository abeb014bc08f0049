"""The issues a form shows next to its fields, in the page's language.

The model file's readers and the services say what is wrong in English, as the API and the CLI
show it (`9 is out of range: expected 1 to 5`). A page says the issues people meet in its forms
in the reader's language: each pattern below reads one English issue, and its msgid is that same
English text, so an English page shows exactly what the reader said. An issue no pattern knows
stays English.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext, gettext_noop

from lodestar.lib.errors import Invalid

# (the English issue as a pattern, its msgid): the named groups are the msgid's placeholders.
ISSUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), msgid)
    for pattern, msgid in (
        (r"required", gettext_noop("required")),
        (r"must not be empty", gettext_noop("must not be empty")),
        (
            r"must not be empty: name an id, or leave the key out",
            gettext_noop("must not be empty: name an id, or leave the key out"),
        ),
        (
            r"too long: at most (?P<limit>[\d,]+) characters, got (?P<count>[\d,]+)",
            gettext_noop("too long: at most %(limit)s characters, got %(count)s"),
        ),
        (
            r"(?P<value>'.*') is not a valid id \(lower-case letters, digits, '\.', '_', '-'; "
            r"starting with a letter or digit; at most 64 characters\)",
            gettext_noop(
                "%(value)s is not a valid id (lower-case letters, digits, '.', '_', '-'; "
                "starting with a letter or digit; at most 64 characters)"
            ),
        ),
        (
            r"(?P<value>\S+) is out of range: expected (?P<low>\S+) to (?P<high>\S+)",
            gettext_noop("%(value)s is out of range: expected %(low)s to %(high)s"),
        ),
        (
            r"expected a whole number from (?P<low>\S+) to (?P<high>\S+), got (?P<got>.+)",
            gettext_noop("expected a whole number from %(low)s to %(high)s, got %(got)s"),
        ),
        (r"expected a number, got (?P<got>.+)", gettext_noop("expected a number, got %(got)s")),
        (
            r"expected a date YYYY-MM-DD, got (?P<got>.+)",
            gettext_noop("expected a date YYYY-MM-DD, got %(got)s"),
        ),
        (r"(?P<value>\S+) is not a date in the calendar", gettext_noop("%(value)s is not a date in the calendar")),
        (
            r"expected one of (?P<choices>.+); got (?P<got>.+)",
            gettext_noop("expected one of %(choices)s; got %(got)s"),
        ),
        (r"unknown unit (?P<value>'.*')", gettext_noop("unknown unit %(value)s")),
        (r"unknown person (?P<value>'.*')", gettext_noop("unknown person %(value)s")),
        (r"unknown scenario (?P<value>'.*')", gettext_noop("unknown scenario %(value)s")),
        (r"unknown unit or person (?P<value>'.*')", gettext_noop("unknown unit or person %(value)s")),
        (r"(?P<value>'.*') is listed twice", gettext_noop("%(value)s is listed twice")),
        (
            r"(?P<value>'.*') is reserved: it names the model itself in a comparison",
            gettext_noop("%(value)s is reserved: it names the model itself in a comparison"),
        ),
        (
            r"a unit cannot depend on itself \((?P<value>'.*')\)",
            gettext_noop("a unit cannot depend on itself (%(value)s)"),
        ),
        (
            r"(?P<value>'.*') has an answer for this scope and business unit",
            gettext_noop("%(value)s has an answer for this scope and business unit"),
        ),
        (r"(?P<value>'.*') is not an email address", gettext_noop("%(value)s is not an email address")),
        (r"not an email address", gettext_noop("not an email address")),
        (r"at least (?P<count>\d+) characters", gettext_noop("at least %(count)s characters")),
        (r"you cannot deactivate yourself", gettext_noop("you cannot deactivate yourself")),
    )
)
# What the readers say they got instead (`modelfile.reader.describe`).
VALUES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), msgid)
    for pattern, msgid in (
        (r"the text (?P<value>'.*')", gettext_noop("the text %(value)s")),
        (r"the number (?P<value>\S+)", gettext_noop("the number %(value)s")),
        (r"the date (?P<value>\S+)", gettext_noop("the date %(value)s")),
        (r"nothing \(null\)", gettext_noop("nothing (null)")),
    )
)


def _said(message: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str | None:
    for pattern, msgid in table:
        match = pattern.fullmatch(message)
        if match is not None:
            values = match.groupdict()
            if "got" in values:
                values["got"] = _said(values["got"], VALUES) or values["got"]
            return gettext(msgid) % values if values else gettext(msgid)
    return None


def issue_text(message: str) -> str:
    """One issue in the page's language (unchanged when no pattern knows it)."""
    return _said(message, ISSUES) or message


def field_errors(error: Invalid) -> dict[str, str]:
    """Issues keyed by field path, each said in the page's language; several on one field are joined."""
    errors: dict[str, str] = {}
    for path, message in error.issues:
        said = issue_text(message)
        errors[path] = f"{errors[path]}; {said}" if path in errors else said
    return errors
