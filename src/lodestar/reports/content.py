"""What a report shows, computed once from the model and handed to the PDF and the HTML renderer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from lodestar.checks.rules import Finding, run_checks
from lodestar.design.analysis import (
    ChangeOverview,
    CompetencyGap,
    CompetencyHeatmap,
    DeliverySplit,
    DependencyNetwork,
    RaciMatrix,
    RoleCard,
    RoleComparison,
    VisionReadiness,
    change_overview,
    competency_gaps,
    competency_heatmap,
    delivery_split,
    dependency_network,
    raci_matrix,
    role_card,
    role_comparison,
    vision_readiness,
)
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import KPI, Goal, Model, Period, Unit
from lodestar.rhythm.digests import WEEK, Scores
from lodestar.rhythm.review import Review, default_period, leadership_review
from lodestar.scoring.report import GoalScore, KpiScore, StatusReport, score_model

if TYPE_CHECKING:
    from lodestar.reports.scenarios_section import ScenarioSection


@dataclass(frozen=True, slots=True)
class GoalLine:
    goal: Goal
    score: GoalScore
    depth: int  # 0 for a goal derived from the mission directly
    owner_name: str
    period: Period
    also_contributes_to: tuple[str, ...]  # parents other than the one it is shown under


@dataclass(frozen=True, slots=True)
class KpiLine:
    kpi: KPI
    score: KpiScore
    owner_name: str
    touchpoint_name: str | None


@dataclass(frozen=True, slots=True)
class UnitLine:
    unit: Unit
    depth: int
    location_name: str | None
    lead_name: str | None


# The organization report shows the goal tree down to the deepest level that keeps it within
# this many lines; a large organization's deeper goals belong in the unit reports.
MAX_GOAL_LINES = 150


@dataclass(frozen=True, slots=True)
class GoalSelection:
    lines: list[GoalLine]
    left_out: int  # goals of periods not containing as_of
    deeper: int = 0  # goals below the levels shown, left out to keep the report readable
    depth_shown: int | None = None  # the deepest level shown when deeper goals were left out

    @classmethod
    def within(cls, lines: list[GoalLine], left_out: int, limit: int = MAX_GOAL_LINES) -> GoalSelection:
        """All lines if they fit `limit`, else only the levels from the top that do (at least the top one)."""
        if len(lines) <= limit:
            return cls(lines, left_out)
        depth = 0
        while sum(1 for line in lines if line.depth <= depth + 1) <= limit:
            depth += 1
        shown = [line for line in lines if line.depth <= depth]
        return cls(shown, left_out, deeper=len(lines) - len(shown), depth_shown=depth)


@dataclass(frozen=True, slots=True)
class OrganizationReport:
    model: Model
    index: ModelIndex
    as_of: date
    status: StatusReport
    findings: list[Finding]
    roles: RoleComparison
    vision: VisionReadiness
    units: list[UnitLine]
    raci: RaciMatrix
    delivery: DeliverySplit
    changes: ChangeOverview
    network: DependencyNetwork
    heatmap: CompetencyHeatmap
    gaps: list[CompetencyGap]
    goals: GoalSelection
    kpis: list[KpiLine]
    review: Review | None = None  # the leadership review of the mission's scope (else the top unit)
    scenarios: ScenarioSection | None = None  # the scenarios compared, when the report is asked for some

    def name(self, owner: str | None) -> str:
        return self.index.name(owner)


@dataclass(frozen=True, slots=True)
class UnitReport:
    model: Model
    as_of: date
    card: RoleCard
    goals: GoalSelection
    kpis: list[KpiLine]
    findings: list[Finding]  # health-check findings about the unit


def goal_lines(model: Model, index: ModelIndex, status: StatusReport, goals: list[Goal]) -> list[GoalLine]:
    """`goals` as a tree: each under the first of its parents that is among them, depth first, in model order."""
    chosen = {goal.id for goal in goals}
    scores = {score.id: score for score in status.goals}
    children: dict[str, list[Goal]] = {}
    roots: list[Goal] = []
    for goal in goals:
        parents = [c.goal for c in goal.counted_contributions if c.goal in chosen]
        if parents:
            children.setdefault(parents[0], []).append(goal)
        else:
            roots.append(goal)
    lines: list[GoalLine] = []
    pending: list[tuple[Goal, int]] = [(goal, 0) for goal in reversed(roots)]
    placed: set[str] = set()
    while pending:
        goal, depth = pending.pop()
        if goal.id in placed:
            continue
        placed.add(goal.id)
        parents = [c.goal for c in goal.counted_contributions if c.goal in chosen]
        lines.append(
            GoalLine(
                goal=goal,
                score=scores[goal.id],
                depth=depth,
                owner_name=index.name(goal.owner),
                period=index.periods[goal.period],
                also_contributes_to=tuple(parents[1:]),
            )
        )
        pending.extend((child, depth + 1) for child in reversed(children.get(goal.id, [])))
    return lines


def current_goals(
    model: Model, index: ModelIndex, as_of: date, *, owners: set[str] | None = None
) -> tuple[list[Goal], int]:
    """Goals whose period contains `as_of` (all of them if none does), and how many were left out."""
    candidates = [goal for goal in model.goals if owners is None or goal.owner in owners]
    current = [goal for goal in candidates if index.is_current(goal, as_of)]
    if not current:
        return candidates, 0
    return current, len(candidates) - len(current)


def kpi_lines(model: Model, index: ModelIndex, status: StatusReport, kpis: list[KPI]) -> list[KpiLine]:
    scores = {score.id: score for score in status.kpis}
    touchpoints = {tp.id: tp.name for tp in model.touchpoints}
    return [
        KpiLine(
            kpi=kpi,
            score=scores[kpi.id],
            owner_name=index.name(kpi.owner),
            touchpoint_name=touchpoints.get(kpi.touchpoint) if kpi.touchpoint else None,
        )
        for kpi in kpis
    ]


def organization_report(model: Model, as_of: date) -> OrganizationReport:
    """Everything the organization report shows, as of a date."""
    index = ModelIndex(model)
    status = score_model(model, as_of)
    heatmap = competency_heatmap(model, index=index)
    goals, left_out = current_goals(model, index, as_of)
    locations = {location.id: location.name for location in model.locations}
    return OrganizationReport(
        model=model,
        index=index,
        as_of=as_of,
        status=status,
        findings=run_checks(model, as_of),
        roles=role_comparison(model),
        vision=vision_readiness(model, as_of=as_of),
        units=[
            UnitLine(
                unit=unit,
                depth=index.depth(unit.id),
                location_name=locations.get(unit.location) if unit.location else None,
                lead_name=index.name(unit.lead) if unit.lead else None,
            )
            for unit in index.in_tree_order()
        ],
        raci=raci_matrix(model),
        delivery=delivery_split(model),
        changes=change_overview(model),
        network=dependency_network(model),
        heatmap=heatmap,
        gaps=competency_gaps(model, heatmap=heatmap),
        goals=GoalSelection.within(goal_lines(model, index, status, goals), left_out),
        kpis=kpi_lines(model, index, status, model.kpis),
        review=_review(index, status),
    )


def _review(index: ModelIndex, status: StatusReport) -> Review | None:
    """The leadership review of the mission's scope, else of the first top unit, for its default period."""
    roots = index.in_tree_order()
    unit = index.scope if index.scope is not None else (roots[0].id if roots else None)
    if unit is None:
        return None
    period = default_period(index, unit, status.as_of)
    before = score_model(index.model, status.as_of - WEEK)
    return leadership_review(index, unit, period, Scores(now=status, before=before))


def unit_report(model: Model, unit_id: str, as_of: date) -> UnitReport:
    """The role card and the goals of one unit. Raises NotFound for an unknown unit."""
    card = role_card(model, unit_id)
    index = ModelIndex(model)
    status = score_model(model, as_of)
    owners = {unit_id} | {person.id for person in index.people_in(unit_id)}
    goals, left_out = current_goals(model, index, as_of, owners=owners)
    subjects = {f"unit:{unit_id}"} | {gap.subject for gap in card.gaps}
    subjects |= {f"task:{item.task.id}" for item in card.leads_or_does if item.task.accountable == unit_id}
    subjects |= {f"goal:{goal.id}" for goal in goals}
    subjects |= {f"key_result:{kr.id}" for goal in goals for kr in goal.key_results}
    return UnitReport(
        model=model,
        as_of=as_of,
        card=card,
        goals=GoalSelection(goal_lines(model, index, status, goals), left_out),
        kpis=kpi_lines(model, index, status, [kpi for kpi in model.kpis if kpi.owner in owners]),
        findings=[finding for finding in run_checks(model, as_of) if finding.subject in subjects],
    )
