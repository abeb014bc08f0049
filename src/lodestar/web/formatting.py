"""Numbers, percentages and status labels as the pages write them (for the template filters and lines.py).

Every one follows the language of the request (`9,078,154.29` in English, `9.078.154,29` in German).
The numbers come from `lodestar.i18n.numbers`, the one formatter of pages, charts and reports; the
status words from `lodestar.i18n.words`.
"""

from __future__ import annotations

from django.utils.translation import gettext

from lodestar.i18n import numbers
from lodestar.i18n.numbers import forecast, percent
from lodestar.i18n.words import STATUS_LABELS, status_label
from lodestar.lib import vocabulary

__all__ = ["STATUS_LABELS", "forecast", "milestone", "num", "percent", "status_label"]


def num(value: float | None) -> str:
    """A number for reading: thousands separated, at most two decimals, no trailing zeros."""
    return numbers.number(value)


def milestone(value: float | None) -> str:
    """A milestone's value in words: `done` (MILESTONE_DONE), `not done` (anything else), `—` without one."""
    if value is None:
        return "—"
    return gettext("done") if value == vocabulary.MILESTONE_DONE else gettext("not done")
