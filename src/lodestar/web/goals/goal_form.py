"""The goal form, new and edit: its fields, its parent rows with the picker's likeliest goals, and, for a new goal,
rows of key results. Shown again after a refused post with everything typed and each error next to its field."""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from lodestar.accounts.permissions import editable_owners
from lodestar.goals.parent_choices import ParentChoice, parent_choices
from lodestar.goals.snapshot import Snapshot
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal
from lodestar.web.common import actor_of
from lodestar.web.goals import forms
from lodestar.web.http import AuthenticatedRequest

EMPTY_PARENT_ROWS = 2
# A new goal's form starts with this many empty rows of key results, and keeps one empty row after
# the rows typed; "Add another key result" adds one (in place with JavaScript, by a post without).
EMPTY_KEY_RESULT_ROWS = 3
# The fields of a key result row that have their own place for an error; others are shown under the row.
ROW_FIELDS = ("title", "id", "unit", "baseline", "target", "owner")
ROW_PATH = re.compile(r"^key_results\[(\d+)\]\.?(.*)$")


def parent_label(index: ModelIndex, goal: Goal) -> str:
    """How the picker names a goal: its title, owner and period."""
    return f"{goal.title} · {index.name(goal.owner)} · {goal.period}"


def parent_options(index: ModelIndex, choices: list[ParentChoice]) -> list[dict[str, str]]:
    """The picker's choices as its options show them: the goal's id and its label."""
    return [{"id": c.goal.id, "label": parent_label(index, c.goal)} for c in choices]


def _parent_rows(snapshot: Snapshot, values: dict[str, Any], errors: dict[str, str]) -> list[dict[str, Any]]:
    parents = list(values.get("contributes_to") or [])
    rows = []
    for i, row in enumerate(parents + [{}] * EMPTY_PARENT_ROWS):
        goal_id = row.get("goal", "")
        parent = snapshot.goals.get(goal_id) if type(goal_id) is str else None
        rows.append(
            {
                "index": i,
                "goal_field": f"parent-{i}",
                "weight_field": f"weight-{i}",
                "goal": goal_id,
                "title": parent_label(snapshot.index, parent) if parent else "",
                "weight": row.get("weight", ""),
                "proposed": row.get("proposed") is True,
                "goal_error": errors.get(f"contributes_to[{i}].goal", ""),
                "weight_error": errors.get(f"contributes_to[{i}].weight", ""),
            }
        )
    return rows[: forms.MAX_PARENTS]


def _key_result_rows(values: dict[str, Any], errors: dict[str, str], *, more: int) -> list[dict[str, Any]]:
    """The rows typed (as the document holds them, so as typed), each with its errors, then the empty rows."""
    typed = [item for item in values.get("key_results") or [] if type(item) is dict]
    by_row: dict[int, dict[str, str]] = {}
    for path, message in errors.items():
        match = ROW_PATH.match(path)
        if match:
            by_row.setdefault(int(match.group(1)), {})[match.group(2)] = message
    rows = []
    for index, item in enumerate(typed):
        row_errors = by_row.get(index, {})
        milestone = forms.is_milestone(item)
        rows.append(
            {
                "index": index,
                **{name: "" if item.get(name) is None else item[name] for name in ROW_FIELDS},
                "baseline": "" if milestone or item.get("baseline") is None else item["baseline"],
                "target": "" if milestone or item.get("target") is None else item["target"],
                "milestone": milestone,
                "errors": {name: row_errors[name] for name in ROW_FIELDS if name in row_errors},
                "other_errors": [
                    f"{name}: {message}" if name else message
                    for name, message in row_errors.items()
                    if name not in ROW_FIELDS
                ],
            }
        )
    empty = max(EMPTY_KEY_RESULT_ROWS - len(rows), 1) + more
    for index in range(len(rows), min(len(rows) + empty, forms.MAX_KEY_RESULT_ROWS)):
        rows.append({"index": index, "errors": {}, "other_errors": []})
    return rows


def goal_form(
    request: AuthenticatedRequest,
    snapshot: Snapshot,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    goal: Goal | None,
    version: int | None,
    status: int = 200,
    more_rows: int = 0,
) -> HttpResponse:
    """The form of `goal` (None: a new goal, with rows of key results; `more_rows` empty ones more)."""
    editable = editable_owners(actor_of(request), snapshot.model)
    owners = [
        (group, [(x.id, x.name) for x in items if editable is None or x.id in editable])
        for group, items in ((gettext("Units"), snapshot.model.units), (gettext("People"), snapshot.model.people))
    ]
    owner, period = values.get("owner"), values.get("period")
    choices = parent_choices(
        snapshot.index,
        owner=owner if type(owner) is str else None,
        period=period if type(period) is str else None,
        exclude=frozenset({goal.id}) if goal else frozenset(),
    )
    key_results = None if goal else _key_result_rows(values, errors, more=more_rows)
    return render(
        request,
        "web/goal_form.html",
        {
            "goal": goal,
            "values": values,
            "errors": errors,
            "general_errors": [
                message for path, message in errors.items() if path in ("", "contributes_to", "key_results")
            ],
            "version": version,
            "owners": owners,
            "periods": snapshot.model.periods,
            "tasks": snapshot.model.tasks,
            "parent_options": parent_options(snapshot.index, choices),
            "parent_rows": _parent_rows(snapshot, values, errors),
            "selected_tasks": set(values.get("tasks") or []),
            "key_result_rows": key_results,
            "more_key_results": key_results is not None and len(key_results) < forms.MAX_KEY_RESULT_ROWS,
            "max_key_result_rows": forms.MAX_KEY_RESULT_ROWS,
            "blank_row": {"index": "__N__", "errors": {}, "other_errors": []},
            "people": snapshot.model.people,
        },
        status=status,
    )
