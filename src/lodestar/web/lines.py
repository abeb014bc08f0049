"""Goal lines and the alignment tree rendered in Python: a large tree has thousands of lines,
and a template include per line would dominate the page's time."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from lodestar.web.formatting import num, percent, status_label
from lodestar.web.pages import GoalRow, TreeNode

_GOAL_URL: str | None = None  # resolved on first use, when the URLconf is loaded


def _goal_url(goal_id: str) -> str:
    global _GOAL_URL  # noqa: PLW0603 - one reverse() per process instead of one per line
    if _GOAL_URL is None:
        _GOAL_URL = reverse("goal", args=["__id__"])
    return _GOAL_URL.replace("__id__", goal_id)


def bar(progress: float | None, expected: float | None, status: str) -> str:
    """The progress bar; a closed goal's shows its final score, and nothing is expected of it any more."""
    width = 0 if progress is None else round(progress * 100, 1)
    if status == "closed":
        expected = None
    marker = "" if expected is None else f'<span class="expected" style="left: {round(expected * 100, 1)}%"></span>'
    if status == "closed":
        label = gettext("progress %(progress)s") % {"progress": percent(progress)}
    else:
        label = gettext("progress %(progress)s, expected %(expected)s") % {
            "progress": percent(progress),
            "expected": percent(expected),
        }
    label = escape(label)
    return (
        f'<span class="bar status-{escape(status)}" role="img" aria-label="{label}">'
        f'<span class="fill" style="width: {width}%"></span>{marker}</span>'
    )


def badge(status: str) -> str:
    return f'<span class="badge status-{escape(status)}">{escape(status_label(status))}</span>'


def goal_line(row: GoalRow, q: str = "") -> str:
    score = row.score
    weight = ""
    if row.weight is not None:
        title = escape(gettext("contribution weight"))
        weight = f' <span class="weight" title="{title}">×{escape(num(row.weight))}</span>'
    if row.proposed:
        title = escape(gettext("a proposed link: it counts once the owners of the goal above accept it"))
        word = escape(gettext("proposed"))
        weight += f' <span class="proposed" title="{title}">{word}</span>'
    return (
        f'<div class="goal-line status-{escape(score.status)}{" proposed-link" if row.proposed else ""}">'
        f'<div class="goal-title"><a href="{escape(_goal_url(row.goal.id) + q)}">{escape(row.goal.title)}</a>{weight}'
        f'<span class="meta"><a href="{escape(row.owner_url + q)}">{escape(row.owner_name)}</a> · {escape(row.goal.period)}</span></div>'
        f'<div class="goal-progress">{bar(score.progress, score.expected, score.status)}'
        f'<span class="pct">{escape(percent(score.progress))}</span>{badge(score.status)}</div></div>'
    )


def tree(nodes: list[TreeNode], q: str = "") -> SafeString:
    """The nested list of the alignment view; every text is escaped."""
    parts: list[str] = []

    def walk(node: TreeNode) -> None:
        parts.append('<li class="context">' if not node.matches else "<li>")
        line = goal_line(node.row, q)
        if node.children:
            # The toggle is named by the goal and holds no link: links inside a <summary> cannot be reached.
            title = escape(node.row.goal.title)
            parts.append(
                f'<div class="branch">{line}</div>'
                f'<details{" open" if node.open else ""}><summary aria-label="{title}"></summary><ul>'
            )
            for child in node.children:
                walk(child)
            parts.append("</ul></details>")
        else:
            parts.append(f'<div class="leaf">{line}</div>')
        parts.append("</li>")

    for node in nodes:
        walk(node)
    return mark_safe("".join(parts))  # noqa: S308 - built from escaped text only
