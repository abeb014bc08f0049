"""Expected progress and status of goals and key results (spec: Semantics).

Period `p` runs from day(0) to day(100), so as of day(n) the expected progress is n / 100.
A key result from 0 to 100 measured at `v` has progress v / 100.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, goal, key_result, organization, period
from tests.conformance.conftest import Status, StatusAt


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def judged(status: StatusAt, *, at: float | None, as_of: int, measured_on: int = 0) -> Status:
    """Status of a key result (0 to 100) measured at `at` on `measured_on`, as of day(as_of)."""
    measured = None if at is None else {measured_on: at}
    return status(organization(goals=[goal("g", key_result(measured=measured))]), day(as_of))


# Expected progress


@pytest.mark.parametrize(("as_of", "expected"), [(0, 0), (1, 0.01), (50, 0.5), (99, 0.99), (100, 1)])
def test_expected_progress_is_the_elapsed_share_of_the_period(status: StatusAt, as_of: int, expected: float) -> None:
    result = judged(status, at=None, as_of=as_of)

    assert result.goal("g")["expected"] == approx(expected)
    assert result.key_result("kr")["expected"] == approx(expected)


def test_expected_progress_before_the_period_is_0(status: StatusAt) -> None:
    assert judged(status, at=None, as_of=-30).goal("g")["expected"] == approx(0)


def test_expected_progress_after_the_period_is_1(status: StatusAt) -> None:
    assert judged(status, at=None, as_of=250).key_result("kr")["expected"] == approx(1)


def test_expected_progress_counts_days_of_the_goals_own_period(status: StatusAt) -> None:
    document = organization(
        periods=[period("p", 0, 100), period("q", 40, 60)], goals=[goal("g", key_result(), period="q")]
    )

    assert status(document, day(45)).goal("g")["expected"] == approx(0.25)


# not_started


def test_a_goal_before_its_period_starts_is_not_started(status: StatusAt) -> None:
    result = judged(status, at=30, as_of=-1, measured_on=-10)

    assert result.goal("g")["status"] == "not_started"
    assert result.key_result("kr")["status"] == "not_started"


def test_not_started_comes_before_achieved(status: StatusAt) -> None:
    result = judged(status, at=100, as_of=-1, measured_on=-10)

    assert result.key_result("kr")["progress"] == approx(1)
    assert result.key_result("kr")["status"] == "not_started"
    assert result.goal("g")["status"] == "not_started"


def test_not_started_comes_before_no_data(status: StatusAt) -> None:
    document = organization(goals=[goal("g", key_result(target=None))])
    result = status(document, day(-1))

    assert result.key_result("kr")["status"] == "not_started"
    assert result.goal("g")["status"] == "not_started"


def test_on_the_first_day_of_its_period_a_key_result_is_no_longer_not_started(status: StatusAt) -> None:
    result = judged(status, at=None, as_of=0)

    assert result.key_result("kr")["status"] == "on_track"
    assert result.goal("g")["status"] == "on_track"


# achieved


def test_a_key_result_that_reaches_its_target_is_achieved(status: StatusAt) -> None:
    assert judged(status, at=100, as_of=10).key_result("kr")["status"] == "achieved"


def test_a_key_result_beyond_its_target_is_achieved(status: StatusAt) -> None:
    assert judged(status, at=120, as_of=10).key_result("kr")["status"] == "achieved"


def test_a_goal_whose_progress_is_1_is_achieved(status: StatusAt) -> None:
    assert judged(status, at=100, as_of=10).goal("g")["status"] == "achieved"


def test_a_key_result_just_short_of_its_target_after_the_period_is_not_achieved(status: StatusAt) -> None:
    assert judged(status, at=99, as_of=100).key_result("kr")["status"] == "on_track"


def test_no_data_comes_before_achieved_and_on_track(status: StatusAt) -> None:
    result = status(organization(goals=[goal("g", key_result(baseline=None, measured={10: 500}))]), day(10))

    assert result.key_result("kr")["status"] == "no_data"
    assert result.goal("g")["status"] == "no_data"


# The thresholds, as of day 50 (expected 0.5)


@pytest.mark.parametrize(
    ("value", "status_"),
    [
        (50, "on_track"),
        (41, "on_track"),
        (40, "on_track"),  # exactly expected - 0.10
        (39, "at_risk"),
        (39.999, "at_risk"),
        (26, "at_risk"),
        (25, "at_risk"),  # exactly expected - 0.25
        (24.999, "off_track"),
        (24, "off_track"),
        (0, "off_track"),
    ],
)
def test_key_result_status_thresholds_around_expected_progress(status: StatusAt, value: float, status_: str) -> None:
    result = judged(status, at=value, as_of=50)

    assert result.key_result("kr")["status"] == status_
    assert result.goal("g")["status"] == status_


@pytest.mark.parametrize(
    ("as_of", "value", "status_"),
    [(40, 30, "on_track"), (14, 4, "on_track"), (55, 30, "at_risk"), (27, 2, "at_risk")],
    ids=["0.30-of-0.40", "0.04-of-0.14", "0.30-of-0.55", "0.02-of-0.27"],
)
def test_a_progress_exactly_on_a_threshold_counts_even_where_binary_floats_round_against_it(
    status: StatusAt, as_of: int, value: float, status_: str
) -> None:
    # E.g. 0.40 - 0.10 is 0.30000000000000004 in binary floating point, above 30 / 100.
    assert judged(status, at=value, as_of=as_of).key_result("kr")["status"] == status_


def test_after_the_period_the_on_track_threshold_is_0_9(status: StatusAt) -> None:
    assert judged(status, at=90, as_of=120).key_result("kr")["status"] == "on_track"
    assert judged(status, at=89, as_of=120).key_result("kr")["status"] == "at_risk"


def test_after_the_period_the_at_risk_threshold_is_0_75(status: StatusAt) -> None:
    assert judged(status, at=75, as_of=120).key_result("kr")["status"] == "at_risk"
    assert judged(status, at=74, as_of=120).key_result("kr")["status"] == "off_track"


def test_early_in_the_period_no_progress_is_on_track(status: StatusAt) -> None:
    assert judged(status, at=None, as_of=10).key_result("kr")["status"] == "on_track"


def test_a_goal_is_judged_on_its_own_rolled_up_progress(status: StatusAt) -> None:
    # Key results at 0.9 and 0 (each on its own: on_track and off_track); the goal at 0.45 is at_risk.
    document = organization(
        goals=[goal("g", key_result("a", measured={10: 90}), key_result("b", measured={10: 0}))],
    )
    result = status(document, day(60))

    assert result.key_result("a")["status"] == "on_track"
    assert result.key_result("b")["status"] == "off_track"
    assert result.goal("g")["progress"] == approx(0.45)
    assert result.goal("g")["status"] == "at_risk"
