"""The results of a role-clarity survey: the answers against the designed RACI and each other.

A pure function of a survey and the model (the designed tasks, the people now in the audience).
No share is given over fewer than the survey's `min_group` responses, and no unit's figures
when the unit has fewer than `min_group` responses: a small group is never shown.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model, Task
from lodestar.lib.surveys import CLARITY_QUESTIONS, DONT_KNOW, Survey, SurveyAnswer, SurveyResponse


@dataclass(frozen=True, slots=True)
class TaskFigures:
    task: str
    answers: int
    accountable_agreement: float | None
    dont_know: float | None
    consensus: float | None
    responsible_agreement: float | None


@dataclass(frozen=True, slots=True)
class UnitFigures:
    unit: str
    responses: int
    clarity: dict[str, float | None] | None  # None: the group is too small
    accountable_agreement: float | None

    @property
    def suppressed(self) -> bool:
        return self.clarity is None


@dataclass(frozen=True, slots=True)
class SurveyResults:
    survey: Survey
    invited: int
    responses: int
    clarity: dict[str, float | None]
    tasks: list[TaskFigures]
    units: list[UnitFigures]
    # tasks × respondent units: the share naming the designed accountable (None: too few, or no design)
    heat: dict[tuple[str, str], float | None]

    def task(self, task_id: str) -> TaskFigures | None:
        return next((figures for figures in self.tasks if figures.task == task_id), None)


def asked_tasks(survey: Survey, model: Model) -> list[str]:
    """The survey's tasks in its order; without them, every task not being dropped, in the model's order."""
    if survey.tasks is not None:
        return list(survey.tasks)
    return [task.id for task in model.tasks if task.change != "drop"]


def _share(count: int, total: int, group: int) -> float | None:
    return None if total == 0 or total < group else count / total


def _mean(values: list[float], group: int) -> float | None:
    return None if not values or len(values) < group else sum(values) / len(values)


def jaccard(answer: list[str] | str, designed: Iterable[str]) -> float:
    """|A ∩ D| / |A ∪ D|; `dont_know` is 0, and two empty sets agree fully."""
    if answer == DONT_KNOW:
        return 0.0
    given, design = set(answer), set(designed)
    union = given | design
    return 1.0 if not union else len(given & design) / len(union)


def _answer_for(response: SurveyResponse, task_id: str) -> SurveyAnswer | None:
    return next((answer for answer in response.answers or () if answer.task == task_id), None)


def task_figures(task_id: str, design: Task | None, responses: list[SurveyResponse], group: int) -> TaskFigures:
    answers = [a for r in responses if (a := _answer_for(r, task_id)) is not None]
    accountable = [a.accountable for a in answers if a.accountable is not None]
    named = [unit for unit in accountable if unit != DONT_KNOW]
    responsible = [a.responsible for a in answers if a.responsible is not None]
    designed = design.accountable if design is not None else None
    most = Counter(named).most_common(1)[0][1] if named else 0
    return TaskFigures(
        task=task_id,
        answers=len(accountable),
        accountable_agreement=(
            None if designed is None else _share(sum(unit == designed for unit in accountable), len(accountable), group)
        ),
        dont_know=_share(accountable.count(DONT_KNOW), len(accountable), group),
        consensus=_share(most, len(named), group),
        responsible_agreement=(
            None if design is None else _mean([jaccard(given, design.responsible) for given in responsible], group)
        ),
    )


def clarity_means(responses: list[SurveyResponse], group: int) -> dict[str, float | None]:
    return {
        question: _mean([float(r.clarity[question]) for r in responses if r.clarity and question in r.clarity], group)
        for question in CLARITY_QUESTIONS
    }


def _agreement_over(responses: list[SurveyResponse], designed: dict[str, str]) -> tuple[int, int]:
    """(naming the designed accountable, answering it) over these responses, for tasks with a design."""
    agreeing = total = 0
    for response in responses:
        for answer in response.answers or ():
            if answer.task in designed and answer.accountable is not None:
                total += 1
                agreeing += answer.accountable == designed[answer.task]
    return agreeing, total


def _unit_order(model: Model, named: set[str]) -> list[str]:
    known = [unit.id for unit in model.units if unit.id in named]
    return known + sorted(named - set(known))


def invited_count(survey: Survey, model: Model) -> int:
    index = ModelIndex(model)
    audience: set[str] = set()
    for unit in survey.audience:
        audience |= index.below(unit)
    return sum(person.unit in audience for person in model.people)


def survey_results(survey: Survey, model: Model) -> SurveyResults:
    group = survey.group
    tasks = {task.id: task for task in model.tasks}
    asked = asked_tasks(survey, model)
    designed = {t: tasks[t].accountable for t in asked if t in tasks and tasks[t].accountable is not None}
    by_unit: dict[str, list[SurveyResponse]] = defaultdict(list)
    for response in survey.responses:
        by_unit[response.unit].append(response)
    units: list[UnitFigures] = []
    heat: dict[tuple[str, str], float | None] = {}
    for unit in _unit_order(model, set(by_unit)):
        mine = by_unit[unit]
        shown = len(mine) >= group
        agreeing, total = _agreement_over(mine, {k: v for k, v in designed.items() if v is not None})
        units.append(
            UnitFigures(
                unit=unit,
                responses=len(mine),
                clarity=clarity_means(mine, group) if shown else None,
                accountable_agreement=(agreeing / total if total else None) if shown else None,
            )
        )
        for task_id in asked:
            cell = task_figures(task_id, tasks.get(task_id), mine, group) if shown else None
            heat[(task_id, unit)] = cell.accountable_agreement if cell is not None else None
    return SurveyResults(
        survey=survey,
        invited=invited_count(survey, model),
        responses=len(survey.responses),
        clarity=clarity_means(survey.responses, group),
        tasks=[task_figures(t, tasks.get(t), survey.responses, group) for t in asked],
        units=units,
        heat=heat,
    )


def results_json(results: SurveyResults) -> dict[str, Any]:
    """The results as `lodestar survey results ID --format json` prints them (and the API returns them)."""
    return {
        "survey": results.survey.id,
        "invited": results.invited,
        "responses": results.responses,
        "clarity": dict(results.clarity),
        "tasks": [
            {
                "task": t.task,
                "answers": t.answers,
                "accountable_agreement": t.accountable_agreement,
                "dont_know": t.dont_know,
                "consensus": t.consensus,
                "responsible_agreement": t.responsible_agreement,
            }
            for t in results.tasks
        ],
        "units": [
            {
                "unit": u.unit,
                "responses": u.responses,
                "clarity": None if u.clarity is None else dict(u.clarity),
                "accountable_agreement": u.accountable_agreement,
            }
            for u in results.units
        ],
    }


def closed_surveys(model: Model, as_of: date) -> list[Survey]:
    """The surveys closed on or before `as_of`, the latest first (the later `closes`, then the later in the file)."""
    closed = [(survey.closes, index, survey) for index, survey in enumerate(model.surveys) if survey.closes <= as_of]
    return [survey for _, _, survey in sorted(closed, key=lambda item: (item[0], item[1]), reverse=True)]


def previous_round(model: Model, survey: Survey) -> Survey | None:
    """The round before `survey`: the latest other survey that closed on or before the day it opened.

    The later `closes` wins, then the later in the file. A round that overlaps this one is not
    its previous round: its answers were given at the same time.
    """
    earlier = [
        (other.closes, index, other)
        for index, other in enumerate(model.surveys)
        if other.id != survey.id and other.closes <= survey.opens
    ]
    return max(earlier, key=lambda item: (item[0], item[1]))[2] if earlier else None


def latest_agreement(model: Model, task_id: str, as_of: date) -> tuple[Survey, TaskFigures] | None:
    """The task's figures in the latest survey closed by `as_of` that asked it and gave it an agreement."""
    for survey in closed_surveys(model, as_of):
        if task_id not in asked_tasks(survey, model):
            continue
        design = next((task for task in model.tasks if task.id == task_id), None)
        figures = task_figures(task_id, design, survey.responses, survey.group)
        if figures.accountable_agreement is not None:
            return survey, figures
    return None


def tasks_for_unit(survey: Survey, model: Model, unit_id: str) -> list[Task]:
    """The asked tasks a unit takes part in by design (R, A, C or I); all asked tasks when it takes part in none."""
    tasks = {task.id: task for task in model.tasks}
    asked = [tasks[task_id] for task_id in asked_tasks(survey, model) if task_id in tasks]
    mine = [
        task
        for task in asked
        if task.accountable == unit_id or unit_id in (*task.responsible, *task.consulted, *task.informed)
    ]
    return mine or asked


def in_audience(survey: Survey, model: Model, unit_id: str) -> bool:
    """Whether a unit is one of the survey's audience units or below one."""
    index = ModelIndex(model)
    return any(unit_id in index.below(unit) for unit in survey.audience)


def answered_by_unit(survey: Survey) -> dict[str, int]:
    """How many responses each unit gave (a count, never who): the units in the order of their ids."""
    return dict(sorted(Counter(response.unit for response in survey.responses).items()))
