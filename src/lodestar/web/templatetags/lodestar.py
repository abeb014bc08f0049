"""Formatting for the page templates: percentages, numbers, status labels, progress bars."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html

register = template.Library()

STATUS_LABELS = {
    "achieved": "Achieved",
    "on_track": "On track",
    "at_risk": "At risk",
    "off_track": "Off track",
    "no_data": "No data",
    "not_started": "Not started",
    "green": "Green",
    "yellow": "Yellow",
    "red": "Red",
}


@register.filter
def percent(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{round(value * 100):d} %"


@register.filter
def num(value: float | None) -> str:
    """A number for reading: thousands separated, at most two decimals, no trailing zeros."""
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@register.filter
def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status.replace("_", " "))


@register.filter
def get(mapping: Any, key: str) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key, "")
    return ""


@register.simple_tag
def progress_bar(progress: float | None, expected: float | None, status: str) -> str:
    """A bar of the progress with a marker at the expected progress; the text says the same."""
    width = 0 if progress is None else round(progress * 100, 1)
    marker = (
        ""
        if expected is None
        else format_html('<span class="expected" style="left: {}%"></span>', round(expected * 100, 1))
    )
    label = f"progress {percent(progress)}, expected {percent(expected)}"
    return format_html(
        '<span class="bar status-{}" role="img" aria-label="{}"><span class="fill" style="width: {}%"></span>{}</span>',
        status,
        label,
        width,
        marker,
    )


@register.simple_tag
def status_badge(status: str) -> str:
    return format_html('<span class="badge status-{}">{}</span>', status, status_label(status))
