"""A survey round's results page: participation, clarity, agreement per task, the heat map and the change since the round before.

Every signed-in user may open it (see `surveys/results.py`). Figures the results suppress are
never computed, so the page cannot show them: it says why a figure is missing instead.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from lodestar.i18n import numbers
from lodestar.lib.model import Model
from lodestar.lib.surveys import CLARITY_QUESTIONS
from lodestar.scoring.survey_heatmap import GROUP_TOO_SMALL, NO_ANSWERS, NO_DESIGN, SHOWN, TOO_FEW, HeatCell
from lodestar.scoring.survey_rounds import Change, most_named
from lodestar.surveys.results import RoundResults, round_results
from lodestar.web.common import translate_errors
from lodestar.web.http import AuthenticatedRequest

NOTHING = numbers.NOTHING


def _names(model: Model) -> tuple[dict[str, str], dict[str, str]]:
    """Unit and task names by id; an id the model no longer has stands for itself."""
    return {unit.id: unit.name for unit in model.units}, {task.id: task.name for task in model.tasks}


def clarity_mean(value: float | None) -> str:
    return numbers.number(value, decimals=1, fixed=True)


def _signed(delta: float, magnitude: float, decimals: int) -> tuple[str, str]:
    """The change as text, `↑ +12` / `↓ −5` / `±0` at the precision shown, and its direction as a class."""
    text = numbers.number(magnitude, decimals=decimals, fixed=decimals > 0)
    if round(magnitude, decimals) == 0:
        return f"±{text}", "same"
    return (f"↑ +{text}", "up") if delta > 0 else (f"↓ −{text}", "down")


def signed_change(change: Change, kind: str) -> tuple[str, str]:
    """A change in percentage points (`↑ +12 pts`), of a mean (`↓ −0.4`) or a count; `—` without two figures."""
    delta = change.delta
    if delta is None:
        return NOTHING, "none"
    if kind == "share":
        text, direction = _signed(delta, abs(delta) * 100, 0)
        return gettext("%(change)s pts") % {"change": text}, direction
    return _signed(delta, abs(delta), 1 if kind == "mean" else 0)


def _figure(value: float | None, missing: bool, kind: str) -> str:
    """A figure of one round: `—` where the round has no such task or unit, else the value or that it is not shown."""
    if missing:
        return NOTHING
    if value is None:
        return gettext("not shown")
    if kind == "count":
        return numbers.count(value)
    return clarity_mean(value) if kind == "mean" else numbers.percent(value)


def _changed(change: Change, kind: str = "share") -> dict[str, str]:
    text, direction = signed_change(change, kind)
    return {
        "current": _figure(change.current, change.current_missing, kind),
        "previous": _figure(change.previous, change.previous_missing, kind),
        "change": text,
        "direction": direction,
    }


def _cell(cell: HeatCell) -> dict[str, Any]:
    if cell.state == SHOWN:
        return {"text": numbers.percent(cell.share), "css": f"band-{cell.band}", "shown": True}
    text = {
        TOO_FEW: gettext("too few answers"),
        GROUP_TOO_SMALL: gettext("group too small"),
        NO_DESIGN: gettext("no accountable designed"),
        NO_ANSWERS: gettext("no answers"),
    }[cell.state]
    css = {NO_DESIGN: "undesigned", NO_ANSWERS: "unanswered"}.get(cell.state, "suppressed")
    return {"text": text, "css": css, "shown": False}


def _questions() -> dict[str, str]:
    return {
        "own_role": gettext("Own role"),
        "neighbours": gettext("Neighbouring units' roles"),
        "mission": gettext("The mission"),
    }


def _tasks(found: RoundResults, units: dict[str, str], tasks: dict[str, str]) -> list[dict[str, Any]]:
    design = {task.id: task for task in found.model.tasks}
    comparison = found.comparison
    changes = {change.task: change for change in comparison.tasks} if comparison is not None else {}
    rows = []
    for figures in found.results.tasks:
        task = design.get(figures.task)
        accountable = task.accountable if task is not None else None
        most = most_named(found.survey, figures.task)
        change = changes.get(figures.task)
        rows.append(
            {
                "id": figures.task,
                "name": tasks.get(figures.task, figures.task),
                "figures": figures,
                "accountable": units.get(accountable, accountable) if accountable else None,
                "responsible": [units.get(unit, unit) for unit in task.responsible] if task is not None else None,
                "most_say": units.get(most, most) if most is not None and most != accountable else None,
                "accountable_change": _changed(change.accountable_agreement) if change else None,
                "responsible_change": _changed(change.responsible_agreement) if change else None,
            }
        )
    return rows


def _comparison(found: RoundResults, units: dict[str, str], tasks: dict[str, str]) -> dict[str, Any] | None:
    comparison = found.comparison
    if comparison is None:
        return None
    questions = _questions()
    return {
        "previous": comparison.previous,
        "overall": [
            (gettext("Invited"), _changed(comparison.invited, "count")),
            (gettext("Responses"), _changed(comparison.responses, "count")),
            (gettext("Participation"), _changed(comparison.participation)),
            (gettext("Accountable agreement, all tasks"), _changed(comparison.accountable_agreement)),
            (gettext("Responsible agreement, all tasks"), _changed(comparison.responsible_agreement)),
            *((questions[q], _changed(comparison.clarity[q], "mean")) for q in CLARITY_QUESTIONS),
        ],
        "tasks": [
            {
                "name": tasks.get(change.task, change.task),
                "changes": [_changed(change.accountable_agreement), _changed(change.responsible_agreement)],
            }
            for change in comparison.tasks
        ],
        "units": [
            {
                "name": units.get(change.unit, change.unit),
                "changes": [_changed(change.responses, "count"), _changed(change.accountable_agreement)],
            }
            for change in comparison.units
        ],
    }


@require_GET
@translate_errors
def results_page(request: AuthenticatedRequest, survey_id: str) -> HttpResponse:
    found = round_results(survey_id=survey_id)
    units, tasks = _names(found.model)
    figures = found.figures
    questions = _questions()
    context = {
        "survey": found.survey,
        "state": found.state,
        "figures": figures,
        "clarity": [(questions[q], clarity_mean(figures.clarity[q])) for q in CLARITY_QUESTIONS],
        "tasks": _tasks(found, units, tasks),
        "heat_units": [{"unit": u, "name": units.get(u.unit, u.unit)} for u in found.heat.units],
        "heat_rows": [
            {"name": tasks.get(row.task, row.task), "cells": [_cell(cell) for cell in row.cells]}
            for row in found.heat.rows
        ],
        "units": [
            {
                "name": units.get(u.unit, u.unit),
                "figures": u,
                "clarity": None if u.clarity is None else [clarity_mean(u.clarity[q]) for q in CLARITY_QUESTIONS],
            }
            for u in found.results.units
        ],
        "comparison": _comparison(found, units, tasks),
        "group": found.survey.group,
    }
    return render(request, "web/surveys/results.html", context)
