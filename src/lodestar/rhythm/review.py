"""The leadership review of a unit and everything below it, for one period, as of a day.

What the head of a unit reads each week: how many goals stand where and how that changed since
the same day a week earlier, which goals changed status, the latest low-confidence check-ins,
the check-ins due and overdue per team, and for each goal why its progress is what it is.

Pure: the model's scores as of the day and a week earlier come in (see `digests.Scores`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from lodestar.lib.index import ModelIndex
from lodestar.lib.model import CheckIn, Goal, KeyResult, Period
from lodestar.lib.vocabulary import LOW_CONFIDENCE, STATUSES
from lodestar.rhythm.cadence import cycle_start, goal_cadence
from lodestar.rhythm.digests import WEEK, Scores, StatusChange
from lodestar.rhythm.due import check_in_owner, check_ins_in_cycle, current_cycle_start


@dataclass(frozen=True, slots=True)
class StatusCount:
    status: str
    now: int
    before: int

    @property
    def change(self) -> int:
        return self.now - self.before

    @property
    def signed_change(self) -> str:
        """The change as a reader writes it: `+2`, `−1` or `±0`."""
        return f"+{self.change}" if self.change > 0 else f"\u2212{-self.change}" if self.change < 0 else "\u00b10"


@dataclass(frozen=True, slots=True)
class LowConfidence:
    """A key result whose latest check-in as of the day has a confidence of 3 or less."""

    goal: Goal
    key_result: KeyResult
    check_in: CheckIn


@dataclass(frozen=True, slots=True)
class DueCheckIn:
    """A key result due for a check-in; `overdue` when its previous cycle passed without one too."""

    goal: Goal
    key_result: KeyResult
    since: date
    owner: str | None
    overdue: bool


@dataclass(slots=True)
class Team:
    """A unit of the review and the check-ins due on the goals it or its people own."""

    unit: str
    due: list[DueCheckIn] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for item in self.due if item.overdue)


@dataclass(frozen=True, slots=True)
class Part:
    """One item of a goal's progress: a key result or a contributing goal, with its weight and share."""

    kind: str  # "key_result" or "goal"
    id: str
    title: str
    weight: float
    progress: float | None
    share: float | None  # of the goal's progress: weight / the weights of the items that have progress

    @property
    def points(self) -> float | None:
        """What the item adds to the goal's progress (its share times its progress)."""
        return None if self.share is None or self.progress is None else self.share * self.progress


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a goal's progress is what it is: its closing score, or the weighted mean of its parts."""

    goal: Goal
    progress: float | None
    status: str
    closed_score: float | None
    parts: list[Part]


@dataclass(slots=True)
class Review:
    unit: str
    period: Period | None
    as_of: date
    goals: list[Goal]
    counts: list[StatusCount]
    status_changes: list[StatusChange]
    low_confidence: list[LowConfidence]
    teams: list[Team]
    explanations: list[Explanation]

    @property
    def week_before(self) -> date:
        return self.as_of - WEEK

    @property
    def due_count(self) -> int:
        return sum(len(team.due) for team in self.teams)

    @property
    def overdue_count(self) -> int:
        return sum(team.overdue for team in self.teams)


def covered_goals(index: ModelIndex, unit_id: str) -> list[Goal]:
    """The goals owned by the unit, a unit below it, or a person of one, in model order."""
    owners = index.owners_below(unit_id)
    return [goal for goal in index.model.goals if goal.owner in owners]


def default_period(index: ModelIndex, unit_id: str, as_of: date) -> Period | None:
    """The shortest period containing the day that the unit's goals use; else the latest period they use."""
    used = {goal.period for goal in covered_goals(index, unit_id)}
    periods = [period for period in index.model.periods if period.id in used]
    current = [period for period in periods if period.start <= as_of <= period.end]
    if current:
        return min(current, key=lambda period: (period.end - period.start, period.start))
    return max(periods, key=lambda period: period.start, default=None)


def _overdue(index: ModelIndex, goal: Goal, kr: KeyResult, start: date, period: Period) -> bool:
    """Whether the cycle before the current one also passed without a check-in (and lay inside the period)."""
    previous = cycle_start(goal_cadence(index, goal), start - timedelta(days=1))
    return previous >= period.start and not check_ins_in_cycle(kr, previous, start - timedelta(days=1))


def _team_of(index: ModelIndex, goal: Goal) -> str:
    return index.owner_unit(goal.owner) or goal.owner


def _explanation(goal: Goal, scores: Scores, contributors: dict[str, list[tuple[Goal, float]]]) -> Explanation:
    now = {score.id: score for score in scores.now.goals}
    score = now[goal.id]
    kr_scores = {kr.id: kr for kr in score.key_results}
    items: list[tuple[str, str, str, float, float | None]] = [
        ("key_result", kr.id, kr.title, kr.effective_weight, kr_scores[kr.id].progress) for kr in goal.key_results
    ]
    items += [
        ("goal", child.id, child.title, weight, now[child.id].progress)
        for child, weight in contributors.get(goal.id, [])
    ]
    counted = sum(weight for _, _, _, weight, progress in items if progress is not None)
    parts = [
        Part(kind, item_id, title, weight, progress, weight / counted if progress is not None and counted else None)
        for kind, item_id, title, weight, progress in items
    ]
    closed = score.closed.score if score.closed is not None else None
    return Explanation(goal=goal, progress=score.progress, status=score.status, closed_score=closed, parts=parts)


def leadership_review(index: ModelIndex, unit_id: str, period: Period | None, scores: Scores) -> Review:
    """The review of `unit_id` and every unit below it for the goals of `period`, as of `scores.now`'s day."""
    as_of = scores.now.as_of
    goals = [goal for goal in covered_goals(index, unit_id) if period is not None and goal.period == period.id]
    now = {score.id: score.status for score in scores.now.goals}
    before = {score.id: score.status for score in scores.before.goals}
    counted_now = Counter(now[goal.id] for goal in goals)
    counted_before = Counter(before[goal.id] for goal in goals)
    counts = [StatusCount(status, counted_now[status], counted_before[status]) for status in STATUSES]

    low: list[LowConfidence] = []
    for goal in goals:
        for kr in goal.key_results:
            dated = [check_in for check_in in kr.check_ins if check_in.date <= as_of]
            latest = max(dated, key=lambda check_in: check_in.date, default=None)
            if latest is not None and latest.confidence <= LOW_CONFIDENCE:
                low.append(LowConfidence(goal, kr, latest))
    low.sort(key=lambda item: item.check_in.date, reverse=True)

    below = index.below(unit_id)
    teams = {unit.id: Team(unit.id) for unit in index.in_tree_order() if unit.id in below}
    for goal in goals:
        start = current_cycle_start(index, goal, as_of)
        if start is None or period is None:
            continue
        for kr in goal.key_results:
            if check_ins_in_cycle(kr, start, as_of):
                continue
            team = teams.setdefault(_team_of(index, goal), Team(_team_of(index, goal)))
            team.due.append(
                DueCheckIn(
                    goal=goal,
                    key_result=kr,
                    since=max(start, period.start),
                    owner=check_in_owner(index, goal, kr),
                    overdue=_overdue(index, goal, kr, start, period),
                )
            )

    contributors: dict[str, list[tuple[Goal, float]]] = {}
    for goal in index.model.goals:
        for contribution in goal.counted_contributions:
            contributors.setdefault(contribution.goal, []).append((goal, contribution.effective_weight))
    return Review(
        unit=unit_id,
        period=period,
        as_of=as_of,
        goals=goals,
        counts=counts,
        status_changes=[
            StatusChange(goal, before[goal.id], now[goal.id])
            for goal in goals
            if now[goal.id] != before[goal.id] and before[goal.id] != "not_started"
        ],
        low_confidence=low,
        teams=[team for team in teams.values() if team.due],
        explanations=[_explanation(goal, scores, contributors) for goal in goals],
    )
