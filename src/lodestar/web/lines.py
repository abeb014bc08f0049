"""Goal lines and the alignment tree rendered in Python: a large tree has thousands of lines,
and a template include per line would dominate the page's time."""

from __future__ import annotations

from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from lodestar.web.formatting import num, percent, status_label
from lodestar.web.pages import GoalRow, TreeNode

_URLS: dict[str, str] = {}  # resolved on first use, when the URLconf is loaded: one reverse() per process


def _goal_url(goal_id: str, name: str = "goal") -> str:
    if name not in _URLS:
        _URLS[name] = reverse(name, args=["__id__"])
    return _URLS[name].replace("__id__", goal_id)


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


def tree(nodes: list[TreeNode], q: str = "", branch_query: str = "") -> SafeString:
    """The nested list of the alignment view; every text is escaped.

    A goal whose contributors are not loaded yet gets a closed branch that htmx fills from the
    branch's address (`branch_query`: the tree's filters and as-of date) when it is opened; without
    JavaScript the branch holds a link to the goal page, which lists its contributors.
    """
    parts: list[str] = []

    def walk(node: TreeNode) -> None:
        parts.append('<li class="context">' if not node.matches else "<li>")
        line = goal_line(node.row, q)
        # The toggle is named by the goal and holds no link: links inside a <summary> cannot be reached.
        title = escape(node.row.goal.title)
        if node.children:
            parts.append(
                f'<div class="branch">{line}</div>'
                f'<details{" open" if node.open else ""}><summary aria-label="{title}"></summary><ul>'
            )
            for child in node.children:
                walk(child)
            parts.append("</ul></details>")
        elif node.to_load:
            goal_id = node.row.goal.id
            branch = escape(_goal_url(goal_id, "goal-branch") + branch_query)
            more = escape(
                ngettext(
                    "%(count)s contributing goal: on the goal page",
                    "%(count)s contributing goals: on the goal page",
                    node.to_load,
                )
                % {"count": num(node.to_load)}
            )
            page = escape(_goal_url(goal_id) + q + "#contributors")
            parts.append(
                f'<div class="branch">{line}</div>'
                f'<details hx-get="{branch}" hx-trigger="toggle once" hx-target="find ul" hx-swap="innerHTML">'
                f'<summary aria-label="{title}"></summary>'
                f'<ul><li class="leaf to-load"><a href="{page}">{more}</a></li></ul></details>'
            )
        else:
            parts.append(f'<div class="leaf">{line}</div>')
        parts.append("</li>")

    for node in nodes:
        walk(node)
    return mark_safe("".join(parts))  # noqa: S308 - built from escaped text only
