"""Read the goal system from the database: periods, goals with their key results and updates, KPIs."""

from __future__ import annotations

from collections import defaultdict

from lodestar.goals import models as goals
from lodestar.lib.model import KPI, CheckIn, Contribution, Goal, KeyResult, Measurement, Period
from lodestar.store.rows import CHECK_IN, CONTRIBUTION, GOAL, KEY_RESULT, KPI_COLUMNS, MEASUREMENTS, PERIOD
from lodestar.store.select import select_rows


def load_periods() -> list[Period]:
    return PERIOD.load()


def load_goals(parts: frozenset[str]) -> list[Goal]:
    """The goals, with what of theirs `parts` names: goal_links, key_results, measurements, check_ins."""
    measured: dict[str, list[Measurement]] = {}
    checked: dict[str, list[CheckIn]] = {}
    if "measurements" in parts:
        measurements = MEASUREMENTS["key_result_id"]
        measured = measurements.build_grouped(measurements.select())
    if "check_ins" in parts:
        checked = CHECK_IN.build_grouped(CHECK_IN.select())
    by_goal: dict[str, list[KeyResult]] = {}
    if "key_results" in parts:
        by_goal = KEY_RESULT.build_grouped(KEY_RESULT.select(), measurements=measured, check_ins=checked)
    contributions: dict[str, list[Contribution]] = {}
    listed: dict[str, list[str]] = defaultdict(list)
    if "goal_links" in parts:
        contributions = CONTRIBUTION.build_grouped(CONTRIBUTION.select())
        for goal, task in select_rows(goals.GoalTask, "goal_id", "task_id", order=("goal_id", "ordinal")):
            listed[goal].append(task)
    return GOAL.load(contributes_to=contributions, tasks=listed, key_results=by_goal)


def load_kpis() -> list[KPI]:
    measurements = MEASUREMENTS["kpi_id"]
    return KPI_COLUMNS.load(measurements=measurements.build_grouped(measurements.select()))
