"""KPI status against green and red thresholds (spec: KPIs)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, kpi, organization
from tests.conformance.conftest import StatusAt


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def judged(status: StatusAt, as_of: int = 50, **kpi_fields: Any) -> dict[str, Any]:
    return status(organization(kpis=[kpi("k", **kpi_fields)]), day(as_of)).kpi("k")


@pytest.mark.parametrize(
    ("value", "colour"),
    [(95, "green"), (80, "green"), (79.9, "yellow"), (65, "yellow"), (50.1, "yellow"), (50, "red"), (10, "red")],
    ids=["above-green", "on-green", "just-below-green", "between", "just-above-red", "on-red", "below-red"],
)
def test_a_higher_is_better_kpi_is_judged_against_its_thresholds(status: StatusAt, value: float, colour: str) -> None:
    result = judged(status, better="higher", green=80, red=50, measured={10: value})

    assert result["status"] == colour
    assert result["current"] == approx(value)


@pytest.mark.parametrize(
    ("value", "colour"),
    [(1, "green"), (2, "green"), (2.1, "yellow"), (3.5, "yellow"), (4.9, "yellow"), (5, "red"), (9, "red")],
    ids=["below-green", "on-green", "just-above-green", "between", "just-below-red", "on-red", "above-red"],
)
def test_a_lower_is_better_kpi_is_judged_against_its_mirrored_thresholds(
    status: StatusAt, value: float, colour: str
) -> None:
    result = judged(status, better="lower", green=2, red=5, measured={10: value})

    assert result["status"] == colour


def test_a_kpi_without_a_measurement_has_no_data(status: StatusAt) -> None:
    result = judged(status, better="higher", green=80, red=50)

    assert result == {"id": "k", "current": None, "status": "no_data"}


def test_a_kpi_measured_only_after_as_of_has_no_data(status: StatusAt) -> None:
    result = judged(status, as_of=50, better="higher", green=80, red=50, measured={60: 90})

    assert result["status"] == "no_data"
    assert result["current"] is None


def test_a_kpi_is_judged_on_its_latest_measurement_on_or_before_as_of(status: StatusAt) -> None:
    result = judged(status, as_of=50, better="higher", green=80, red=50, measured={40: 30, 10: 90, 50: 85, 60: 20})

    assert result["current"] == approx(85)
    assert result["status"] == "green"


def test_a_kpi_needs_no_period_and_is_judged_before_any_goal_period(status: StatusAt) -> None:
    result = judged(status, as_of=-5, better="higher", green=80, red=50, measured={-10: 60})

    assert result["status"] == "yellow"
