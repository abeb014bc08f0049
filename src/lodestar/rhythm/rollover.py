"""The roll-over: which goals of one period are carried into the next, and the copies they get.

Pure: the model comes in as plain values and the roll-over comes out as the copies to add (or
a refusal naming every problem); the goal services store it in one transaction.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from lodestar.lib.errors import Invalid
from lodestar.lib.model import Contribution, Goal, KeyResult, Model, Period
from lodestar.lib.vocabulary import ID_MAX
from lodestar.modelfile import sections
from lodestar.modelfile.documents import goal_document, key_result_document
from lodestar.modelfile.plan import Change, Plan
from lodestar.modelfile.reader import Reader
from lodestar.scoring import progress
from lodestar.scoring.report import score_model

Issue = tuple[str, str]


class RollOverRefused(Invalid):
    """The roll-over cannot be carried out as asked; `issues` names every problem, and nothing is written."""

    def __init__(self, source: str, target: str, issues: list[Issue]) -> None:
        count = len(issues)
        super().__init__(
            f"the roll-over from {source!r} to {target!r} is refused ({count} error{'s' if count != 1 else ''}); "
            "nothing was written",
            issues,
        )


@dataclass(frozen=True, slots=True)
class Carried:
    """One goal carried over: the original, its copy, and each carried key result with its copy."""

    original: Goal
    copy: Goal
    key_results: tuple[tuple[KeyResult, KeyResult], ...]


@dataclass(frozen=True, slots=True)
class RollOver:
    """The goals of period `source` carried into period `target`, in the order of the model file."""

    source: Period
    target: Period
    carried: tuple[Carried, ...]

    @property
    def copies(self) -> list[Goal]:
        return [carried.copy for carried in self.carried]

    def summary(self) -> str:
        """What is carried, in words: `2 goals and 1 key result`."""
        key_results = sum(len(carried.key_results) for carried in self.carried)
        return (
            f"{_counted(len(self.carried), 'goal', 'goals')} and {_counted(key_results, 'key result', 'key results')}"
        )

    def plan(self) -> Plan:
        """The roll-over as an import plan: the goals and the key results it adds."""
        changes = [Change("goals", goal.id, "add") for goal in self.copies]
        changes += [Change("key_results", kr.id, "add") for goal in self.copies for kr in goal.key_results]
        return Plan(changes=changes)


def _counted(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def carried_id(ident: str, source: str, target: str) -> str:
    """The copy's id: a `.SOURCE` ending becomes `.TARGET`, any other id gets `.TARGET` appended."""
    ending = f".{source}"
    return f"{ident[: -len(ending)]}.{target}" if ident.endswith(ending) else f"{ident}.{target}"


def achieved(value: float | None) -> bool:
    """A final score or progress of 1 (as `achieved` judges it); no progress at all is not."""
    return value is not None and value >= 1.0 - progress.EPSILON


def final_scores(model: Model, period: Period) -> dict[str, float | None]:
    """Each goal of the period's final score: its `closed.score` if closed (whenever), else its progress at the end."""
    report = score_model(model, period.end)
    scores = {score.id: score.progress for score in report.goals}
    return {
        goal.id: goal.closed.score if goal.closed is not None else scores[goal.id]
        for goal in model.goals
        if goal.period == period.id
    }


def carried_by_default(model: Model, period: Period) -> list[str]:
    """The goals of the period a roll-over carries unless told which: every one whose final score is below 1."""
    return [goal_id for goal_id, score in final_scores(model, period).items() if not achieved(score)]


def carried_baseline(kr: KeyResult, end: date) -> float | None:
    """The copy's baseline: K's current value at the end (a `range` key result, or no value: K's own baseline)."""
    if kr.effective_direction == "range":
        return kr.baseline
    value = progress.current_value(kr, end)
    return kr.baseline if value is None else value


def plan_rollover(model: Model, source: str, target: str, goal_ids: Sequence[str] | None = None) -> RollOver:
    """The roll-over of `goal_ids` (default: `carried_by_default`) from period `source` into `target`.

    Raises RollOverRefused listing every problem: an unknown period, a target that does not
    start after the source starts, a goal that is not one of the source's, and each copy's id
    that exists already, is longer than ID_MAX or is formed twice; a copy the model
    file's rules would refuse (a baseline that now equals the target) is refused too.
    """
    periods = {period.id: period for period in model.periods}
    issues = _period_issues(periods, source, target)
    if issues:
        raise RollOverRefused(source, target, issues)
    start, end = periods[source], periods[target]
    chosen = _chosen(model, start, goal_ids, issues)
    if issues:
        raise RollOverRefused(source, target, issues)
    goal_copies = _copy_ids("goals", [goal.id for goal in chosen], {goal.id for goal in model.goals}, start, end)
    kr_ids = [kr.id for goal in chosen for kr in goal.key_results if not _kr_achieved(kr, start.end)]
    taken = {kr.id for goal in model.goals for kr in goal.key_results}
    kr_copies = _copy_ids("key_results", kr_ids, taken, start, end)
    issues += goal_copies.issues + kr_copies.issues
    carried = tuple(_carried(goal, end.id, goal_copies.ids, kr_copies.ids, start.end) for goal in chosen)
    issues += _format_issues(carried)
    if issues:
        raise RollOverRefused(source, target, issues)
    return RollOver(source=start, target=end, carried=carried)


def _period_issues(periods: dict[str, Period], source: str, target: str) -> list[Issue]:
    issues = [
        (name, f"no period {ident!r}") for name, ident in (("from", source), ("to", target)) if ident not in periods
    ]
    if not issues and periods[target].start <= periods[source].start:
        issues.append(
            (
                "to",
                f"period {target!r} starts {periods[target].start.isoformat()}, not after period {source!r} "
                f"starts ({periods[source].start.isoformat()}): goals are carried into a later period",
            )
        )
    return issues


def _chosen(model: Model, period: Period, goal_ids: Sequence[str] | None, issues: list[Issue]) -> list[Goal]:
    """The goals to carry, in the order of the model file; a named goal that is no goal of the period is an issue."""
    if goal_ids is None:
        wanted = set(carried_by_default(model, period))
    else:
        goals = {goal.id: goal for goal in model.goals}
        for ident in dict.fromkeys(goal_ids):
            goal = goals.get(ident)
            if goal is None:
                issues.append(("goals", f"no goal {ident!r}"))
            elif goal.period != period.id:
                issues.append(("goals", f"goal {ident!r} is a goal of period {goal.period!r}, not of {period.id!r}"))
        wanted = set(goal_ids)
    return [goal for goal in model.goals if goal.id in wanted and goal.period == period.id]


def _kr_achieved(kr: KeyResult, end: date) -> bool:
    return achieved(progress.progress_toward(progress.current_value(kr, end), kr))


@dataclass(frozen=True, slots=True)
class _Formed:
    ids: dict[str, str]  # original id -> the copy's id
    issues: list[Issue]


def _copy_ids(collection: str, originals: list[str], taken: set[str], source: Period, target: Period) -> _Formed:
    """The copies' ids, and every one that exists already, is too long or is formed twice."""
    ids: dict[str, str] = {}
    first: dict[str, str] = {}
    issues: list[Issue] = []
    kind = "goal" if collection == "goals" else "key result"
    for ident in originals:
        formed = carried_id(ident, source.id, target.id)
        path = f"{collection}[{ident}]"
        if formed in taken:
            issues.append((path, f"its copy's id {formed!r} exists already (another {kind} has it)"))
        if len(formed) > ID_MAX:
            issues.append(
                (
                    path,
                    f"its copy's id {formed!r} is {len(formed)} characters long: at most {ID_MAX} are allowed",
                )
            )
        if formed in first:
            issues.append((path, f"its copy's id {formed!r} is formed twice: also from {first[formed]!r}"))
        else:
            first[formed] = ident
        ids[ident] = formed
    return _Formed(ids=ids, issues=issues)


def _carried(goal: Goal, target: str, goal_ids: dict[str, str], kr_ids: dict[str, str], end: date) -> Carried:
    """G's copy in period `target`: parents carried in the same run replaced by their copies, no records."""
    key_results = tuple((kr, _key_result_copy(kr, kr_ids[kr.id], end)) for kr in goal.key_results if kr.id in kr_ids)
    duplicate = Goal(
        id=goal_ids[goal.id],
        title=goal.title,
        owner=goal.owner,
        period=target,
        contributes_to=[
            Contribution(goal=goal_ids.get(link.goal, link.goal), weight=link.weight, proposed=link.proposed)
            for link in goal.contributes_to
        ],
        tasks=list(goal.tasks),
        key_results=[kr for _, kr in key_results],
        description=goal.description,
        carried_from=goal.id,
    )
    return Carried(original=goal, copy=duplicate, key_results=key_results)


def _key_result_copy(kr: KeyResult, ident: str, end: date) -> KeyResult:
    return KeyResult(
        id=ident,
        title=kr.title,
        unit=kr.unit,
        baseline=carried_baseline(kr, end),
        target=kr.target,
        direction=kr.direction,
        range=kr.range,
        weight=kr.weight,
        metric=copy.deepcopy(kr.metric),
        owner=kr.owner,
    )


_PATH = re.compile(r"^goals\[(\d+)\](?:\.key_results\[(\d+)\])?(.*)$")


def _format_issues(carried: tuple[Carried, ...]) -> list[Issue]:
    """What the model file's readers refuse in the copies, at the original's path."""
    r = Reader()
    documents = [
        goal_document(c.copy, key_results=[key_result_document(kr) for kr in c.copy.key_results]) for c in carried
    ]
    sections.read_goals(r, documents)
    issues = []
    for issue in r.issues:
        match = _PATH.match(issue.path)
        if match is None:
            issues.append((issue.path, issue.message))
            continue
        if match[3] == ".id":  # a copy's id: reported by _copy_ids already
            continue
        one = carried[int(match[1])]
        if match[2] is None:
            path, formed = f"goals[{one.original.id}]{match[3]}", one.copy.id
        else:
            original, duplicate = one.key_results[int(match[2])]
            path, formed = f"key_results[{original.id}]{match[3]}", duplicate.id
        issues.append((path, f"its copy {formed!r}: {issue.message}"))
    return issues
