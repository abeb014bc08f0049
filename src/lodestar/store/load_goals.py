"""Read the goal system from the database: periods, goals with their key results and updates, KPIs."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from lodestar.goals import models as goals
from lodestar.lib.model import KPI, CheckIn, Contribution, Goal, KeyResult, Measurement, Period
from lodestar.store.select import select_rows


def _measurements(rows: list[tuple[str, date, float, str]]) -> dict[str, list[Measurement]]:
    grouped: dict[str, list[Measurement]] = {}
    measurement = Measurement  # positional construction: this runs once per stored measurement
    current: list[Measurement] = []
    last_owner = None
    for owner, day, value, source in rows:  # ordered by owner
        if owner != last_owner:
            current = grouped[owner] = []
            last_owner = owner
        current.append(measurement(day, value, source or None))
    return grouped


def load_periods() -> list[Period]:
    return [Period(id=i, start=s, end=e) for i, s, e in select_rows(goals.Period, "id", "start", "end")]


def load_goals(parts: frozenset[str]) -> list[Goal]:
    """The goals, with what of theirs `parts` names: goal_links, key_results, measurements, check_ins."""
    measured: dict[str, list[Measurement]] = {}
    checked: dict[str, list[CheckIn]] = defaultdict(list)
    if "measurements" in parts:
        measured = _measurements(
            select_rows(goals.Measurement, "key_result_id", "date", "value", "source", order=("key_result_id", "date"))
        )
    if "check_ins" in parts:
        for kr, day, by, confidence, note in select_rows(
            goals.CheckIn,
            "key_result_id",
            "date",
            "by_id",
            "confidence",
            "note",
            order=("key_result_id", "ordinal", "id"),
        ):
            checked[kr].append(CheckIn(day, confidence, by, note))
    by_goal = _key_results(measured, checked) if "key_results" in parts else {}
    contributions: dict[str, list[Contribution]] = defaultdict(list)
    listed: dict[str, list[str]] = defaultdict(list)
    if "goal_links" in parts:
        for goal, parent, weight in select_rows(
            goals.GoalContribution, "goal_id", "parent_id", "weight", order=("goal_id", "ordinal")
        ):
            contributions[goal].append(Contribution(parent, weight))
        for goal, task in select_rows(goals.GoalTask, "goal_id", "task_id", order=("goal_id", "ordinal")):
            listed[goal].append(task)
    return [
        Goal(
            i,
            t,
            owner_unit or owner_person,
            p,
            contributions.get(i) or [],
            listed.get(i) or [],
            by_goal.get(i) or [],
            d,
            version,
        )
        for i, t, owner_unit, owner_person, p, d, version in select_rows(
            goals.Goal, "id", "title", "owner_unit_id", "owner_person_id", "period_id", "description", "version"
        )
    ]


def _key_results(
    measured: dict[str, list[Measurement]], checked: dict[str, list[CheckIn]]
) -> dict[str, list[KeyResult]]:
    # Positional construction in field order, and the database's floats as they come: these loops
    # run once per stored row and are most of the time `lodestar status` takes.
    key_results: dict[str, list[KeyResult]] = defaultdict(list)
    for i, goal, title, unit, baseline, target, direction, low, high, weight, metric, version in select_rows(
        goals.KeyResult,
        "id",
        "goal_id",
        "title",
        "unit",
        "baseline",
        "target",
        "direction",
        "range_low",
        "range_high",
        "weight",
        "metric",
        "version",
        order=("goal_id", "ordinal"),
    ):
        key_results[goal].append(
            KeyResult(
                i,
                title,
                unit,
                baseline,
                target,
                direction,
                None if low is None else (low, high),
                weight,
                metric,
                measured.get(i) or [],
                checked.get(i) or [],
                version,
            )
        )
    return key_results


def load_kpis() -> list[KPI]:
    kpi_measured = _measurements(
        select_rows(goals.KPIMeasurement, "kpi_id", "date", "value", "source", order=("kpi_id", "date"))
    )
    return [
        KPI(
            id=i,
            name=n,
            owner=owner_unit or owner_person,
            better=b,
            green=g,
            red=r,
            unit=u,
            touchpoint=tp,
            metric=metric,
            measurements=kpi_measured.get(i, []),
        )
        for i, n, owner_unit, owner_person, u, tp, b, g, r, metric in select_rows(
            goals.KPI,
            "id",
            "name",
            "owner_unit_id",
            "owner_person_id",
            "unit",
            "touchpoint_id",
            "better",
            "green",
            "red",
            "metric",
        )
    ]
