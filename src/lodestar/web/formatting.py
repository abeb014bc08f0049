"""Numbers, percentages, dates and status labels as the pages write them (for the template filters and lines.py).

Every one follows the language of the request (`9,078,154.29` in English, `9.078.154,29` in German;
`1 Jul 2026` and `01.07.2026`). The numbers come from `lodestar.i18n.numbers`, the one formatter of
pages, charts and reports; the status words from `lodestar.i18n.words`.
"""

from __future__ import annotations

from datetime import date

from django.utils import dateformat, formats
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, pgettext_lazy

from lodestar.i18n import DEFAULT, numbers
from lodestar.i18n.numbers import forecast, locale, percent
from lodestar.i18n.words import status_label
from lodestar.lib import vocabulary

__all__ = [
    "day",
    "forecast",
    "locale",
    "milestone",
    "num",
    "percent",
    "role_label",
    "status_label",
]

# The words for each role of an account.
ROLE_LABELS: dict[str, Promise] = {
    "admin": pgettext_lazy("role", "admin"),
    "editor": pgettext_lazy("role", "editor"),
    "member": pgettext_lazy("role", "member"),
    "viewer": pgettext_lazy("role", "viewer"),
}


def num(value: float | None) -> str:
    """A number for reading: thousands separated, at most two decimals, no trailing zeros."""
    return numbers.number(value)


def milestone(value: float | None) -> str:
    """A milestone's value in words: `done` (MILESTONE_DONE), `not done` (anything else), `—` without one."""
    if value is None:
        return "—"
    return gettext("done") if value == vocabulary.MILESTONE_DONE else gettext("not done")


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
