"""Score a whole model as of a date: every goal, key result and KPI (the `status` command)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.lib.model import Closing, Goal, Model
from lodestar.scoring import progress
from lodestar.scoring.progress import Forecast


@dataclass(slots=True)
class KeyResultScore:
    id: str
    goal: str
    current: float | None
    progress: float | None
    expected: float
    status: str
    confidence: int | None
    forecast: Forecast | None


@dataclass(slots=True)
class GoalScore:
    id: str
    progress: float | None
    expected: float
    status: str
    key_results: list[KeyResultScore]
    closed: Closing | None = None  # the goal's closing once its date has come (its progress is the score)


@dataclass(slots=True)
class KpiScore:
    id: str
    current: float | None
    status: str


@dataclass(slots=True)
class StatusReport:
    as_of: date
    goals: list[GoalScore]
    kpis: list[KpiScore]

    def goal(self, goal_id: str) -> GoalScore:
        return next(score for score in self.goals if score.id == goal_id)

    @property
    def key_results(self) -> list[KeyResultScore]:
        return [kr for goal in self.goals for kr in goal.key_results]


def score_model(model: Model, as_of: date) -> StatusReport:
    """Progress, expected progress, status, confidence and forecast for everything in the model."""
    periods = {period.id: period for period in model.periods}
    expected_of = {period.id: progress.expected_progress(period, as_of) for period in model.periods}
    kr_scores: dict[str, list[KeyResultScore]] = {}
    own_items: dict[str, list[tuple[float | None, float]]] = {}
    for goal in model.goals:
        period = periods[goal.period]
        expected = expected_of[goal.period]
        scores = []
        for kr in goal.key_results:
            current = progress.current_value(kr, as_of)
            kr_progress = progress.progress_toward(current, kr)
            scores.append(
                KeyResultScore(
                    id=kr.id,
                    goal=goal.id,
                    current=current,
                    progress=kr_progress,
                    expected=expected,
                    status=progress.status(as_of=as_of, period=period, progress=kr_progress, expected=expected),
                    confidence=progress.confidence(kr.check_ins, as_of),
                    forecast=progress.forecast(kr, period, as_of),
                )
            )
        kr_scores[goal.id] = scores
        own_items[goal.id] = [
            (score.progress, kr.effective_weight) for score, kr in zip(scores, goal.key_results, strict=True)
        ]

    closings = {goal.id: closing for goal in model.goals if (closing := goal.closed_as_of(as_of)) is not None}
    rolled_up = roll_up(model.goals, own_items, fixed={goal_id: closing.score for goal_id, closing in closings.items()})
    goals = []
    for goal in model.goals:
        period = periods[goal.period]
        expected = expected_of[goal.period]
        value = rolled_up[goal.id]
        closing = closings.get(goal.id)
        goals.append(
            GoalScore(
                id=goal.id,
                progress=value,
                expected=expected,
                status=progress.status(
                    as_of=as_of, period=period, progress=value, expected=expected, closed=closing is not None
                ),
                key_results=kr_scores[goal.id],
                closed=closing,
            )
        )
    kpis = []
    for kpi in model.kpis:
        latest = progress.latest_on_or_before(kpi.measurements, as_of)
        current = None if latest is None else latest.value
        kpis.append(KpiScore(id=kpi.id, current=current, status=progress.kpi_status(kpi, current)))
    return StatusReport(as_of=as_of, goals=goals, kpis=kpis)


def roll_up(
    goals: list[Goal],
    own_items: dict[str, list[tuple[float | None, float]]],
    *,
    fixed: dict[str, float] | None = None,
) -> dict[str, float | None]:
    """Goal progress: the weighted mean of its key results and contributing goals, nulls left out.

    A goal in `fixed` (a closed goal: its score) has that progress, whatever its items. Contributing
    goals are scored before the goals they contribute to (the graph has no cycles). A proposed link
    does not count until someone who may edit the parent accepts it.
    """
    fixed = fixed or {}
    contributors: dict[str, list[tuple[str, float]]] = {}
    for goal in goals:
        for contribution in goal.counted_contributions:
            contributors.setdefault(contribution.goal, []).append((goal.id, contribution.effective_weight))
    result: dict[str, float | None] = {}
    for root in goals:
        if root.id in result:
            continue
        stack = [(root.id, iter(contributors.get(root.id, ())))]
        while stack:
            goal_id, pending = stack[-1]
            for child, _ in pending:
                if child not in result:
                    stack.append((child, iter(contributors.get(child, ()))))
                    break
            else:
                stack.pop()
                if goal_id in fixed:
                    result[goal_id] = fixed[goal_id]
                    continue
                items = own_items[goal_id] + [
                    (result[child], weight) for child, weight in contributors.get(goal_id, ())
                ]
                result[goal_id] = weighted_mean(items)
    return result


def weighted_mean(items: list[tuple[float | None, float]]) -> float | None:
    total = weight_sum = 0.0
    for value, weight in items:
        if value is not None:
            total += value * weight
            weight_sum += weight
    return None if weight_sum == 0 else total / weight_sum


def plain_number(value: float | None) -> int | float | None:
    """A float that is a whole number is written without a decimal point."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def status_json(report: StatusReport) -> dict[str, object]:
    """The spec's JSON for `lodestar status --format json`."""
    return {
        "as_of": report.as_of.isoformat(),
        "goals": [
            {
                "id": g.id,
                "progress": g.progress,
                "expected": g.expected,
                "status": g.status,
                "closed": None if g.closed is None else {"date": g.closed.date.isoformat(), "score": g.closed.score},
            }
            for g in report.goals
        ],
        "key_results": [
            {
                "id": kr.id,
                "goal": kr.goal,
                "current": plain_number(kr.current),
                "progress": kr.progress,
                "expected": kr.expected,
                "status": kr.status,
                "confidence": kr.confidence,
                "forecast": None
                if kr.forecast is None
                else {"value": kr.forecast.value, "progress": kr.forecast.progress},
            }
            for kr in report.key_results
        ],
        "kpis": [{"id": k.id, "current": plain_number(k.current), "status": k.status} for k in report.kpis],
    }
