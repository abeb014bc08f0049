"""The health-check rules as pure functions over a model: `RULES`, and each code's hint in `HINTS`.

A finding's `message` is English, as the CLI and the API print it; its `wording` (the English text with
placeholders, and their values) lets a page or a report say it in the reader's language
(`lodestar.i18n.words.finding_text`). The texts are marked with `gettext_noop` for the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Goal, Model
from lodestar.lib.surveys import AGREEMENT_THRESHOLD
from lodestar.lib.vocabulary import LOW_CONFIDENCE, VISION_QUESTIONS
from lodestar.lib.wording import Share, Term, Value, Wording, gettext_noop
from lodestar.scoring.progress import expected_progress, latest_check_in
from lodestar.scoring.surveys import latest_agreement

HOTSPOT_DEPENDENCIES = 4
HOTSPOT_INTENSITY = 3
SILENT_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    subject: str
    wording: Wording

    @property
    def message(self) -> str:
        """The finding in English, as `lodestar check` and the API's /check say it."""
        return self.wording.english()


def _finding(code: str, subject: str, text: str, **values: Value) -> Finding:
    return Finding(code, subject, Wording.of(text, **values))


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
            text = (
                gettext_noop(
                    "Goal '%(goal)s' contributes to no goal and is owned by %(owner)s, not by the mission's scope "
                    "%(scope)s: it cannot be traced to the mission. Its link to %(proposed)s is proposed and counts "
                    "once accepted."
                )
                if proposed
                else gettext_noop(
                    "Goal '%(goal)s' contributes to no goal and is owned by %(owner)s, not by the mission's scope "
                    "%(scope)s: it cannot be traced to the mission."
                )
            )
            values: dict[str, Value] = {"goal": goal.title, "owner": goal.owner, "scope": str(c.scope)}
            yield _finding("LS001", f"goal:{goal.id}", text, **values, **({"proposed": proposed} if proposed else {}))


def key_results_without_figures(c: Context) -> Iterator[Finding]:
    for goal in c.model.goals:
        for kr in goal.key_results:
            if kr.effective_direction != "range" and (kr.target is None or kr.baseline is None):
                if kr.baseline is None and kr.target is None:
                    text = gettext_noop("Key result '%(title)s' has no baseline and target, so it has no progress.")
                elif kr.baseline is None:
                    text = gettext_noop("Key result '%(title)s' has no baseline, so it has no progress.")
                else:
                    text = gettext_noop("Key result '%(title)s' has no target, so it has no progress.")
                yield _finding("LS002", f"key_result:{kr.id}", text, title=kr.title)


def empty_goals(c: Context) -> Iterator[Finding]:
    contributed = {contribution.goal for goal in c.model.goals for contribution in goal.counted_contributions}
    for goal in c.model.goals:
        if not goal.key_results and goal.id not in contributed:
            text = gettext_noop("Goal '%(goal)s' has no key results and no goal contributes to it.")
            yield _finding("LS003", f"goal:{goal.id}", text, goal=goal.title)


def units_without_goals(c: Context) -> Iterator[Finding]:
    if c.model.mission is None:
        return
    owning_units = {c.index.owner_unit(goal.owner) for goal in c.current_goals()}
    for unit in c.model.units:
        if unit.kind in ("department", "team") and unit.id in c.in_scope and unit.id not in owning_units:
            text = (
                gettext_noop(
                    "Department '%(unit)s' owns no goal, itself or through its people, in a period containing %(day)s."
                )
                if unit.kind == "department"
                else gettext_noop(
                    "Team '%(unit)s' owns no goal, itself or through its people, in a period containing %(day)s."
                )
            )
            yield _finding("LS004", f"unit:{unit.id}", text, unit=unit.name, day=c.as_of)


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
            text = gettext_noop(
                "Goal '%(goal)s' (%(period)s) does not lie within the period of %(parents)s that it contributes to."
            )
            yield _finding("LS005", f"goal:{goal.id}", text, goal=goal.title, period=own.id, parents=", ".join(outside))


def tasks_without_accountable(c: Context) -> Iterator[Finding]:
    for task in c.model.tasks:
        if task.accountable is None:
            yield _finding(
                "LS006", f"task:{task.id}", gettext_noop("Task '%(task)s' has no accountable unit."), task=task.name
            )


def tasks_without_responsible(c: Context) -> Iterator[Finding]:
    for task in c.model.tasks:
        if not task.responsible:
            yield _finding(
                "LS007", f"task:{task.id}", gettext_noop("Task '%(task)s' has no responsible unit."), task=task.name
            )


def goals_on_dropped_tasks(c: Context) -> Iterator[Finding]:
    dropped = {task.id for task in c.model.tasks if task.change == "drop"}
    for goal in c.model.goals:
        listed = [task for task in goal.tasks if task in dropped]
        if listed:
            text = gettext_noop("Goal '%(goal)s' advances %(tasks)s, which is being dropped.")
            yield _finding("LS008", f"goal:{goal.id}", text, goal=goal.title, tasks=", ".join(listed))


def competency_gaps(c: Context) -> Iterator[Finding]:
    for requirement in c.index.requirements.values():
        unit, competency_id, level = requirement.unit, requirement.competency, requirement.level
        best = c.index.best_level(unit, competency_id)
        if best < level:
            text = gettext_noop("%(unit)s needs %(competency)s at level %(level)s; the best in the unit has %(best)s.")
            values: dict[str, Value] = {"unit": unit, "competency": competency_id, "level": level, "best": best}
            yield _finding("LS009", f"competency:{competency_id}@{unit}", text, **values)


def dependency_hotspots(c: Context) -> Iterator[Finding]:
    count = {
        unit_id: sum(1 for dependency in dependencies if dependency.target >= HOTSPOT_INTENSITY)
        for unit_id, dependencies in c.index.dependencies_by_unit.items()
    }
    for unit in c.model.units:
        if count.get(unit.id, 0) >= HOTSPOT_DEPENDENCIES:
            text = gettext_noop(
                "'%(unit)s' takes part in %(count)s dependencies of target intensity %(intensity)s or more: "
                "a dependency hotspot."
            )
            values: dict[str, Value] = {"unit": unit.name, "count": count[unit.id], "intensity": HOTSPOT_INTENSITY}
            yield _finding("LS010", f"unit:{unit.id}", text, **values)


def open_vision_questions(c: Context) -> Iterator[Finding]:
    for question in VISION_QUESTIONS:
        if question not in c.index.agreed_questions:
            text = gettext_noop("The vision question '%(question)s' has no agreed answer for %(scope)s.")
            yield _finding(
                "LS011", f"question:{question}", text, question=Term("vision_question", question), scope=str(c.scope)
            )


def non_core_without_role(c: Context) -> Iterator[Finding]:
    served = {profile.toward for profile in c.model.role_profiles}
    for unit in c.model.units:
        if unit.kind == "business_unit" and unit.core is False and unit.id not in served:
            text = gettext_noop("Non-core business unit '%(unit)s' has no role profile toward it.")
            yield _finding("LS012", f"unit:{unit.id}", text, unit=unit.name)


def silent_key_results(c: Context) -> Iterator[Finding]:
    for goal in c.current_goals():
        if goal.closed_as_of(c.as_of) is not None:  # graded: its key results are no longer judged
            continue
        period = c.index.periods[goal.period]
        if expected_progress(period, c.as_of) <= SILENT_SHARE:
            continue
        for kr in goal.key_results:
            if not any(period.start <= m.date <= c.as_of for m in kr.measurements):
                text = gettext_noop(
                    "Key result '%(title)s' has no measurement in %(period)s although more than %(share)s of the "
                    "period has passed."
                )
                values: dict[str, Value] = {"title": kr.title, "period": period.id, "share": Share(SILENT_SHARE)}
                yield _finding("LS013", f"key_result:{kr.id}", text, **values)


def low_confidence(c: Context) -> Iterator[Finding]:
    for goal in c.current_goals():
        if goal.closed_as_of(c.as_of) is not None:
            continue
        for kr in goal.key_results:
            latest = latest_check_in(kr.check_ins, c.as_of)
            if latest is not None and latest.confidence <= LOW_CONFIDENCE:
                text = gettext_noop("Key result '%(title)s': confidence %(confidence)s/10 at the check-in of %(day)s.")
                values: dict[str, Value] = {"title": kr.title, "confidence": latest.confidence, "day": latest.date}
                yield _finding("LS014", f"key_result:{kr.id}", text, **values)


def unplanned_new_tasks(c: Context) -> Iterator[Finding]:
    listed = {task for goal in c.model.goals for task in goal.tasks}
    for task in c.model.tasks:
        if task.change in ("new", "expand") and task.id not in listed:
            text = (
                gettext_noop("Task '%(task)s' is new, but no goal lists it.")
                if task.change == "new"
                else gettext_noop("Task '%(task)s' is to be expanded, but no goal lists it.")
            )
            yield _finding("LS015", f"task:{task.id}", text, task=task.name)


def unclear_accountability(c: Context) -> Iterator[Finding]:
    if not c.model.surveys:
        return
    for task in c.model.tasks:
        if task.change == "drop":
            continue
        latest = latest_agreement(c.model, task.id, c.as_of)
        if latest is None:
            continue
        survey, figures = latest
        if figures.accountable_agreement is not None and figures.accountable_agreement < AGREEMENT_THRESHOLD:
            text = gettext_noop(
                "Task '%(task)s': only %(share)s of the answers in survey '%(survey)s' name its accountable "
                "unit %(unit)s."
            )
            values: dict[str, Value] = {
                "task": task.name,
                "share": Share(figures.accountable_agreement),
                "survey": survey.name,
                "unit": c.index.name(task.accountable),
            }
            yield _finding("LS016", f"task:{task.id}", text, **values)


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
    unclear_accountability,
)

HINTS = {
    "LS001": gettext_noop("Let the goal contribute to a goal (contributes_to), or have the mission's scope own it."),
    "LS002": gettext_noop("Give the key result a baseline and a target, or make it a range."),
    "LS003": gettext_noop("Add key results, or let other goals contribute to it."),
    "LS004": gettext_noop("Give the unit (or one of its people) a goal for the current period."),
    "LS005": gettext_noop("Move the goal into its parent's period, or align it to a goal of the same period."),
    "LS006": gettext_noop("Name exactly one accountable unit for the task."),
    "LS007": gettext_noop("Name at least one responsible unit for the task."),
    "LS008": gettext_noop("Remove the dropped task from the goal, or reconsider dropping it."),
    "LS009": gettext_noop("Develop or hire the competency in the unit, or lower the requirement."),
    "LS010": gettext_noop("Reduce the unit's interfaces, or give them a clear owner and routine."),
    "LS011": gettext_noop("Agree an answer to the question with the mission's owner."),
    "LS012": gettext_noop("Add a role profile toward the business unit: its role may differ from the core business."),
    "LS013": gettext_noop("Record a measurement, or bind the key result to a metric."),
    "LS014": gettext_noop("Discuss the key result in the next check-in and agree what would raise confidence."),
    "LS015": gettext_noop("Let a goal list the task, or reconsider the change."),
    "LS016": gettext_noop("Make the task's accountable unit known: say who decides, and ask again in the next round."),
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
