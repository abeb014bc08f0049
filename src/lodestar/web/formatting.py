"""Numbers, percentages, dates and status labels as the pages write them (for the template filters and lines.py).

Every one follows the language of the request (`9,078,154.29` in English, `9.078.154,29` in German;
`1 Jul 2026` and `01.07.2026`).
"""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal
from django.utils import dateformat, formats
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext_lazy

from lodestar.i18n import DEFAULT
from lodestar.lib import vocabulary

# The words for each goal, key result and KPI status, as a page shows them.
STATUS_LABELS: dict[str, Promise] = {
    "not_started": pgettext_lazy("status", "Not started"),
    "closed": pgettext_lazy("status", "Closed"),
    "no_data": pgettext_lazy("status", "No data"),
    "achieved": pgettext_lazy("status", "Achieved"),
    "on_track": pgettext_lazy("status", "On track"),
    "at_risk": pgettext_lazy("status", "At risk"),
    "off_track": pgettext_lazy("status", "Off track"),
    "green": pgettext_lazy("KPI status", "Green"),
    "yellow": pgettext_lazy("KPI status", "Yellow"),
    "red": pgettext_lazy("KPI status", "Red"),
}

# The words for each role of an account.
ROLE_LABELS: dict[str, Promise] = {
    "admin": pgettext_lazy("role", "admin"),
    "editor": pgettext_lazy("role", "editor"),
    "member": pgettext_lazy("role", "member"),
    "viewer": pgettext_lazy("role", "viewer"),
}


def locale() -> str:
    """The Babel locale of the active language."""
    return (get_language() or DEFAULT).split("-")[0]


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{format_decimal(round(value * 100), locale=locale())} %"


def num(value: float | None) -> str:
    """A number for reading: thousands separated, at most two decimals, no trailing zeros."""
    if value is None:
        return "—"
    return str(format_decimal(value, format="#,##0.##", locale=locale()))


def milestone(value: float | None) -> str:
    """A milestone's value in words: `done` (MILESTONE_DONE), `not done` (anything else), `—` without one."""
    if value is None:
        return "—"
    return gettext("done") if value == vocabulary.MILESTONE_DONE else gettext("not done")


def status_label(status: str) -> str:
    label = STATUS_LABELS.get(status)
    return str(label) if label is not None else status.replace("_", " ")


def role_label(role: str) -> str:
    label = ROLE_LABELS.get(role)
    return str(label) if label is not None else role


def day(value: date | None, name: str) -> str:
    """`value` in the active language's named format `name`: one of Lodestar's own in
    lodestar/formats/<language>/formats.py (`MEDIUM_DATE_FORMAT`: `1 Jul 2026`, `01.07.2026`) or one of
    Django's (`DATE_FORMAT`, `SHORT_DATE_FORMAT`, …). A language without the format takes English's."""
    if value is None:
        return ""
    for language in (get_language() or DEFAULT, DEFAULT):
        for module in formats.get_format_modules(language):
            pattern = getattr(module, name, None)
            if isinstance(pattern, str):
                return dateformat.format(value, pattern)
    raise ValueError(f"no date format named {name!r}")
