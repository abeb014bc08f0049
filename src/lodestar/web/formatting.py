"""Numbers, percentages and status labels as the pages write them (for the template filters and lines.py).

Every one follows the language of the request (`9,078,154.29` in English, `9.078.154,29` in German).
"""

from __future__ import annotations

from babel.numbers import format_decimal
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
