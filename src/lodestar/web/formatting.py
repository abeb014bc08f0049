"""Numbers, percentages and status labels as the pages write them (for the template filters and lines.py)."""

from __future__ import annotations

from lodestar.lib import vocabulary

STATUS_LABELS = {
    status: label.capitalize() for status, label in {**vocabulary.STATUS_LABELS, **vocabulary.KPI_STATUS_LABELS}.items()
}


def percent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{round(value * 100):d} %"


def num(value: float | None) -> str:
    """A number for reading: thousands separated, at most two decimals, no trailing zeros."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def milestone(value: float | None) -> str:
    """A milestone's value in words: `done` (MILESTONE_DONE), `not done` (anything else), `—` without one."""
    if value is None:
        return "—"
    return "done" if value == vocabulary.MILESTONE_DONE else "not done"


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " "))
