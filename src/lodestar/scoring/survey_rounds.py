"""A survey round's overall figures, and how they changed since the previous round.

The overall figures summarize a round in one number each (the figures a KPI can track):
participation, the three clarity means, and the accountable and responsible agreement over
every answer. Like every figure of the results, an agreement is not given over fewer than the
survey's `min_group` responses. A change is only given between two figures that are shown:
what is suppressed in either round stays without a change.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lodestar.lib.model import Model
from lodestar.lib.surveys import CLARITY_QUESTIONS, DONT_KNOW, Survey
from lodestar.scoring.surveys import SurveyResults, TaskFigures, UnitFigures, asked_tasks, jaccard


@dataclass(frozen=True, slots=True)
class RoundFigures:
    invited: int
    responses: int
    participation: float | None  # responses / invited; None when no one is invited
    clarity: dict[str, float | None]
    accountable_agreement: float | None
    responsible_agreement: float | None


def overall_accountable_agreement(survey: Survey, model: Model) -> float | None:
    """Over every answer naming a unit or `dont_know` for an asked task with a designed accountable, the share naming it.

    None when fewer than `min_group` responses gave such an answer, or none did.
    """
    designed = {task.id: task.accountable for task in model.tasks if task.accountable is not None}
    asked = set(asked_tasks(survey, model)) & set(designed)
    agreeing = total = respondents = 0
    for response in survey.responses:
        counted = [a for a in response.answers or () if a.task in asked and a.accountable is not None]
        respondents += bool(counted)
        total += len(counted)
        agreeing += sum(answer.accountable == designed[answer.task] for answer in counted)
    return None if total == 0 or respondents < survey.group else agreeing / total


def overall_responsible_agreement(survey: Survey, model: Model) -> float | None:
    """The mean Jaccard similarity of every `responsible` answer for an asked task of the model with its design.

    `dont_know` counts 0. None when fewer than `min_group` responses gave such an answer, or none did.
    """
    designed = {task.id: task.responsible for task in model.tasks}
    asked = set(asked_tasks(survey, model)) & set(designed)
    similarities: list[float] = []
    respondents = 0
    for response in survey.responses:
        given = [(a.task, a.responsible) for a in response.answers or () if a.task in asked]
        mine = [jaccard(answer, designed[task]) for task, answer in given if answer is not None]
        respondents += bool(mine)
        similarities += mine
    return None if not similarities or respondents < survey.group else sum(similarities) / len(similarities)


def most_named(survey: Survey, task_id: str) -> str | None:
    """The unit most answers name as the task's accountable; None on a tie or below `min_group` answers naming a unit."""
    named = Counter(
        answer.accountable
        for response in survey.responses
        for answer in response.answers or ()
        if answer.task == task_id and answer.accountable is not None and answer.accountable != DONT_KNOW
    )
    if sum(named.values()) < survey.group or not named:
        return None
    ranked = named.most_common(2)
    return None if len(ranked) == 2 and ranked[0][1] == ranked[1][1] else ranked[0][0]


def round_figures(results: SurveyResults, model: Model) -> RoundFigures:
    survey = results.survey
    return RoundFigures(
        invited=results.invited,
        responses=results.responses,
        participation=results.responses / results.invited if results.invited else None,
        clarity=dict(results.clarity),
        accountable_agreement=overall_accountable_agreement(survey, model),
        responsible_agreement=overall_responsible_agreement(survey, model),
    )


@dataclass(frozen=True, slots=True)
class Change:
    """One figure in this round and the previous one; `missing` where that round has no such task or unit."""

    current: float | None
    previous: float | None
    current_missing: bool = False
    previous_missing: bool = False

    @property
    def delta(self) -> float | None:
        """The change, only between two figures that are both shown."""
        if self.current is None or self.previous is None:
            return None
        return self.current - self.previous


@dataclass(frozen=True, slots=True)
class TaskChange:
    task: str
    answers: Change
    accountable_agreement: Change
    responsible_agreement: Change
    dont_know: Change
    consensus: Change


@dataclass(frozen=True, slots=True)
class UnitChange:
    unit: str
    responses: Change
    accountable_agreement: Change


@dataclass(frozen=True, slots=True)
class RoundComparison:
    previous: Survey
    invited: Change
    responses: Change
    participation: Change
    clarity: dict[str, Change]
    accountable_agreement: Change
    responsible_agreement: Change
    tasks: list[TaskChange]
    units: list[UnitChange]


def _task_change(task_id: str, now: TaskFigures | None, before: TaskFigures | None) -> TaskChange:
    def change(figure: str) -> Change:
        return Change(
            None if now is None else getattr(now, figure),
            None if before is None else getattr(before, figure),
            current_missing=now is None,
            previous_missing=before is None,
        )

    return TaskChange(
        task=task_id,
        answers=change("answers"),
        accountable_agreement=change("accountable_agreement"),
        responsible_agreement=change("responsible_agreement"),
        dont_know=change("dont_know"),
        consensus=change("consensus"),
    )


def _unit_change(unit_id: str, now: UnitFigures | None, before: UnitFigures | None) -> UnitChange:
    missing = {"current_missing": now is None, "previous_missing": before is None}
    return UnitChange(
        unit=unit_id,
        responses=Change(
            None if now is None else now.responses, None if before is None else before.responses, **missing
        ),
        accountable_agreement=Change(
            None if now is None else now.accountable_agreement,
            None if before is None else before.accountable_agreement,
            **missing,
        ),
    )


def compare_rounds(current: SurveyResults, previous: SurveyResults, model: Model) -> RoundComparison:
    """Each figure of `current` beside the same figure of `previous`.

    Tasks and units in the order of the current round, then those only the previous round had.
    """
    now, before = round_figures(current, model), round_figures(previous, model)
    task_ids = [t.task for t in current.tasks] + [t.task for t in previous.tasks if current.task(t.task) is None]
    units_now = {u.unit: u for u in current.units}
    units_before = {u.unit: u for u in previous.units}
    unit_ids = list(units_now) + [unit for unit in units_before if unit not in units_now]
    return RoundComparison(
        previous=previous.survey,
        invited=Change(now.invited, before.invited),
        responses=Change(now.responses, before.responses),
        participation=Change(now.participation, before.participation),
        clarity={q: Change(now.clarity[q], before.clarity[q]) for q in CLARITY_QUESTIONS},
        accountable_agreement=Change(now.accountable_agreement, before.accountable_agreement),
        responsible_agreement=Change(now.responsible_agreement, before.responsible_agreement),
        tasks=[_task_change(t, current.task(t), previous.task(t)) for t in task_ids],
        units=[_unit_change(u, units_now.get(u), units_before.get(u)) for u in unit_ids],
    )
