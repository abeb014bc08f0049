"""Formatting for the page templates: percentages, numbers, status labels, progress bars."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.functional import Promise
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from lodestar.i18n.words import subject_text
from lodestar.web import formatting, lines
from lodestar.web.task_links import task_href

register = template.Library()

register.filter("percent", formatting.percent)
register.filter("num", formatting.num)
register.filter("forecast", formatting.forecast)  # {{ value|forecast:kr }}: at the key result's precision
register.filter("milestone", formatting.milestone)
register.filter("status_label", formatting.status_label)
register.filter("role_label", formatting.role_label)
register.filter("subject", subject_text)  # `goal:more-leads` with its kind in the page's language
register.filter("day", formatting.day, expects_localtime=True)
register.simple_tag(task_href)  # {% task_href task.id q %}: the tasks page that holds the task, at its row

WINDOW_LABELS: dict[str, Promise] = {
    "period_to_date": gettext_lazy("period to date"),
    "bucket": gettext_lazy("each bucket on its own"),
}


@register.filter
def window_label(window: str) -> str:
    """A metric binding's window in words."""
    label = WINDOW_LABELS.get(window)
    return window if label is None else str(label)


# A metric binding's grain: one value per week, month or quarter.
GRAIN_LABELS: dict[str, Promise] = {
    "week": gettext_lazy("week"),
    "month": gettext_lazy("month"),
    "quarter": gettext_lazy("quarter"),
}


@register.filter
def grain_label(grain: str) -> str:
    """A metric binding's grain in words."""
    label = GRAIN_LABELS.get(grain)
    return grain if label is None else str(label)


@register.filter
def get(mapping: Any, key: str) -> Any:
    if isinstance(mapping, dict):
        return mapping.get(key, "")
    return ""


@register.simple_tag
def progress_bar(progress: float | None, expected: float | None, status: str) -> SafeString:
    """A bar of the progress with a marker at the expected progress; the label says the same."""
    return mark_safe(lines.bar(progress, expected, status))  # noqa: S308 - escaped in lines.bar


@register.simple_tag
def status_badge(status: str) -> SafeString:
    return mark_safe(lines.badge(status))  # noqa: S308 - escaped in lines.badge


@register.simple_tag(takes_context=True)
def goal_line(context: Any, row: Any) -> SafeString:
    """A goal with owner, period, progress bar and status (see lodestar.web.lines)."""
    return mark_safe(lines.goal_line(row, context.get("q", "")))  # noqa: S308 - escaped in lines.goal_line


@register.simple_tag(takes_context=True)
def goal_tree(context: Any, nodes: Any) -> SafeString:
    """The alignment tree's nodes; closed branches load from their address with the tree's `branch_query`."""
    return lines.tree(nodes, context.get("q", ""), context.get("branch_query", ""))
