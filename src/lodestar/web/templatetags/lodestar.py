"""Formatting for the page templates: percentages, numbers, status labels, progress bars."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from lodestar.lib import vocabulary

register = template.Library()

STATUS_LABELS = {
    status: label.capitalize() for status, label in {**vocabulary.STATUS_LABELS, **vocabulary.KPI_STATUS_LABELS}.items()
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


WINDOW_LABELS = {"period_to_date": "period to date", "bucket": "each bucket on its own"}


@register.filter
def window_label(window: str) -> str:
    """A metric binding's window in words."""
    return WINDOW_LABELS.get(window, window)


@register.filter
def get(mapping: Any, key: str) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key, "")
    return ""


@register.simple_tag
def progress_bar(progress: float | None, expected: float | None, status: str) -> SafeString:
    """A bar of the progress with a marker at the expected progress; the label says the same."""
    from lodestar.web.lines import bar

    return mark_safe(bar(progress, expected, status))  # noqa: S308 - escaped in lines.bar


@register.simple_tag
def status_badge(status: str) -> SafeString:
    from lodestar.web.lines import badge

    return mark_safe(badge(status))  # noqa: S308 - escaped in lines.badge


@register.simple_tag(takes_context=True)
def goal_line(context: Any, row: Any) -> SafeString:
    """A goal with owner, period, progress bar and status (see lodestar.web.lines)."""
    from lodestar.web.lines import goal_line as line

    return mark_safe(line(row, context.get("q", "")))  # noqa: S308 - escaped in lines.goal_line


@register.simple_tag(takes_context=True)
def goal_tree(context: Any, nodes: Any) -> SafeString:
    from lodestar.web.lines import tree

    return tree(nodes, context.get("q", ""))
