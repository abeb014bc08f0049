"""The health-check rules as pure functions over a model: `RULES`, and each code's hint in `HINTS`."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Model
from lodestar.lib.vocabulary import LOW_CONFIDENCE, VISION_QUESTIONS
from lodestar.scoring.progress import expected_progress, latest_check_in

HOTSPOT_DEPENDENCIES = 4
HOTSPOT_INTENSITY = 3
SILENT_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    subject: str
    message: str


@dataclass(frozen=True, slots=True)
class Context:
    """What several rules need, computed once per check."""

    model: Model
    index: ModelIndex
    as_of: date
    scope: str | None
    in_scope: frozenset[str]

    def current_goals(self) -> Iterator[Goal]:
        """Goals whose period contains `as_of` (both ends inclusive)."""
        yield from self.index.current_goals(self.as_of)


def untraceable_goals(c: Context) -> Iterator[Finding]:
    if c.model.mission is None:
        return
    for goal in c.model.goals:
        if not goal.counted_contributions and goal.owner != c.scope:
            proposed = ", ".join(contribution.goal for contribution in goal.proposed_contributions)
            yield Finding(
                "LS001",
                f"goal:{goal.id}",
                f"Goal '{goal.title}' contributes to no goal and is owned by {goal.owner}, "
                f"not by the mission's scope {c.scope}: it cannot be traced to the mission."
                + (f" Its link to {proposed} is proposed and counts once accepted." if proposed else ""),
            )


def key_results_without_figures(c: Context) -> Iterator[Finding]:
    for goal in c.model.goals:
        for kr in goal.key_results:
            if kr.effective_direction != "range" and (kr.target is None or kr.baseline is None):
                missing = " and ".join(n for n, v in (("baseline", kr.baseline), ("target", kr.target)) if v is None)
                yield Finding(
                    "LS002", f"key_result:{kr.id}", f"Key result '{kr.title}' has no {missing}, so it has no progress."
                )


def empty_goals(c: Context) -> Iterator[Finding]:
    contributed = {contribution.goal for goal in c.model.goals for contribution in goal.counted_contributions}
    for goal in c.model.goals:
        if not goal.key_results and goal.id not in contributed:
            yield Finding(
                "LS003", f"goal:{goal.id}", f"Goal '{goal.title}' has no key results and no goal contributes to it."
            )


def units_without_goals(c: Context) -> Iterator[Finding]:
    if c.model.mission is None:
        return
    owning_units = {c.index.owner_unit(goal.owner) for goal in c.current_goals()}
    for unit in c.model.units:
        if unit.kind in ("department", "team") and unit.id in c.in_scope and unit.id not in owning_units:
            yield Finding(
                "LS004",
                f"unit:{unit.id}",
                f"{unit.kind.capitalize()} '{unit.name}' owns no goal, itself or through its people, "
                f"in a period containing {c.as_of.isoformat()}.",
            )


def goals_outside_parent_period(c: Context) -> Iterator[Finding]:
    goals = {goal.id: goal for goal in c.model.goals}
    for goal in c.model.goals:
        own = c.index.periods[goal.period]
        outside = [
            contribution.goal
            for contribution in goal.counted_contributions
            if not (
                c.index.periods[goals[contribution.goal].period].start <= own.start
                and own.end <= c.index.periods[goals[contribution.goal].period].end
            )
        ]
        if outside:
            yield Finding(
                "LS005",
                f"goal:{goal.id}",
                f"Goal '{goal.title}' ({own.id}) does not lie within the period of "
                f"{', '.join(outside)} that it contributes to.",
            )


def tasks_without_accountable(c: Context) -> Iterator[Finding]:
    for task in c.model.tasks:
        if task.accountable is None:
            yield Finding("LS006", f"task:{task.id}", f"Task '{task.name}' has no accountable unit.")


def tasks_without_responsible(c: Context) -> Iterator[Finding]:
    for task in c.model.tasks:
        if not task.responsible:
            yield Finding("LS007", f"task:{task.id}", f"Task '{task.name}' has no responsible unit.")


def goals_on_dropped_tasks(c: Context) -> Iterator[Finding]:
    dropped = {task.id for task in c.model.tasks if task.change == "drop"}
    for goal in c.model.goals:
        listed = [task for task in goal.tasks if task in dropped]
        if listed:
            yield Finding(
                "LS008", f"goal:{goal.id}", f"Goal '{goal.title}' advances {', '.join(listed)}, which is being dropped."
            )


def competency_gaps(c: Context) -> Iterator[Finding]:
    for requirement in c.index.requirements.values():
        unit, competency_id, level = requirement.unit, requirement.competency, requirement.level
        best = c.index.best_level(unit, competency_id)
        if best < level:
            yield Finding(
                "LS009",
                f"competency:{competency_id}@{unit}",
                f"{unit} needs {competency_id} at level {level}; the best in the unit has {best}.",
            )


def dependency_hotspots(c: Context) -> Iterator[Finding]:
    count = {
        unit_id: sum(1 for dependency in dependencies if dependency.target >= HOTSPOT_INTENSITY)
        for unit_id, dependencies in c.index.dependencies_by_unit.items()
    }
    for unit in c.model.units:
        if count.get(unit.id, 0) >= HOTSPOT_DEPENDENCIES:
            yield Finding(
                "LS010",
                f"unit:{unit.id}",
                f"'{unit.name}' takes part in {count[unit.id]} dependencies of target intensity "
                f"{HOTSPOT_INTENSITY} or more: a dependency hotspot.",
            )


def open_vision_questions(c: Context) -> Iterator[Finding]:
    for question in VISION_QUESTIONS:
        if question not in c.index.agreed_questions:
            yield Finding(
                "LS011", f"question:{question}", f"The vision question '{question}' has no agreed answer for {c.scope}."
            )


def non_core_without_role(c: Context) -> Iterator[Finding]:
    served = {profile.toward for profile in c.model.role_profiles}
    for unit in c.model.units:
        if unit.kind == "business_unit" and unit.core is False and unit.id not in served:
            yield Finding(
                "LS012", f"unit:{unit.id}", f"Non-core business unit '{unit.name}' has no role profile toward it."
            )


def silent_key_results(c: Context) -> Iterator[Finding]:
    for goal in c.current_goals():
        if goal.closed_as_of(c.as_of) is not None:  # graded: its key results are no longer judged
            continue
        period = c.index.periods[goal.period]
        if expected_progress(period, c.as_of) <= SILENT_SHARE:
            continue
        for kr in goal.key_results:
            if not any(period.start <= m.date <= c.as_of for m in kr.measurements):
                yield Finding(
                    "LS013",
                    f"key_result:{kr.id}",
                    f"Key result '{kr.title}' has no measurement in {period.id} although more than "
                    f"{SILENT_SHARE:.0%} of the period has passed.",
                )


def low_confidence(c: Context) -> Iterator[Finding]:
    for goal in c.current_goals():
        if goal.closed_as_of(c.as_of) is not None:
            continue
        for kr in goal.key_results:
            latest = latest_check_in(kr.check_ins, c.as_of)
            if latest is not None and latest.confidence <= LOW_CONFIDENCE:
                yield Finding(
                    "LS014",
                    f"key_result:{kr.id}",
                    f"Key result '{kr.title}': confidence {latest.confidence}/10 at the check-in of "
                    f"{latest.date.isoformat()}.",
                )


def unplanned_new_tasks(c: Context) -> Iterator[Finding]:
    listed = {task for goal in c.model.goals for task in goal.tasks}
    for task in c.model.tasks:
        if task.change in ("new", "expand") and task.id not in listed:
            yield Finding(
                "LS015",
                f"task:{task.id}",
                f"Task '{task.name}' is {'new' if task.change == 'new' else 'to be expanded'}, but no goal lists it.",
            )


RULES: tuple[Callable[[Context], Iterator[Finding]], ...] = (
    untraceable_goals,
    key_results_without_figures,
    empty_goals,
    units_without_goals,
    goals_outside_parent_period,
    tasks_without_accountable,
    tasks_without_responsible,
    goals_on_dropped_tasks,
    competency_gaps,
    dependency_hotspots,
    open_vision_questions,
    non_core_without_role,
    silent_key_results,
    low_confidence,
    unplanned_new_tasks,
)

HINTS = {
    "LS001": "Let the goal contribute to a goal (contributes_to), or have the mission's scope own it.",
    "LS002": "Give the key result a baseline and a target, or make it a range.",
    "LS003": "Add key results, or let other goals contribute to it.",
    "LS004": "Give the unit (or one of its people) a goal for the current period.",
    "LS005": "Move the goal into its parent's period, or align it to a goal of the same period.",
    "LS006": "Name exactly one accountable unit for the task.",
    "LS007": "Name at least one responsible unit for the task.",
    "LS008": "Remove the dropped task from the goal, or reconsider dropping it.",
    "LS009": "Develop or hire the competency in the unit, or lower the requirement.",
    "LS010": "Reduce the unit's interfaces, or give them a clear owner and routine.",
    "LS011": "Agree an answer to the question with the mission's owner.",
    "LS012": "Add a role profile toward the business unit: its role may differ from the core business.",
    "LS013": "Record a measurement, or bind the key result to a metric.",
    "LS014": "Discuss the key result in the next check-in and agree what would raise confidence.",
    "LS015": "Let a goal list the task, or reconsider the change.",
}


def run_checks(model: Model, as_of: date) -> list[Finding]:
    """All findings, grouped by code in code order, each subject once."""
    scope = model.mission_scope()
    index = ModelIndex(model)
    context = Context(
        model=model,
        index=index,
        as_of=as_of,
        scope=scope,
        in_scope=index.below(scope) if scope else frozenset(),
    )
    findings: list[Finding] = []
    for rule in RULES:
        seen: set[str] = set()
        for finding in rule(context):
            if finding.subject not in seen:
                seen.add(finding.subject)
                findings.append(finding)
    return findings


def findings_json(as_of: date, findings: list[Finding]) -> dict[str, Any]:
    """The findings as `lodestar check --format json` prints them (and the API's /check returns them)."""
    return {
        "as_of": as_of.isoformat(),
        "findings": [{"code": f.code, "subject": f.subject, "message": f.message} for f in findings],
    }
