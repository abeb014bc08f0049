"""Current value, progress and confidence of a key result (spec: Semantics).

Period `p` is 100 days long; `day(n)` is n days after its start.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, goal, key_result, organization, range_key_result
from tests.conformance.conftest import StatusAt


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def one_key_result(status: StatusAt, kr: dict[str, Any], as_of: int = 50) -> dict[str, Any]:
    return status(organization(goals=[goal("g", kr)]), day(as_of)).key_result(kr["id"])


# Current value


def test_the_current_value_is_the_latest_measurement_on_or_before_as_of(status: StatusAt) -> None:
    # Listed out of order on purpose: "latest" is by date, not by position in the file.
    result = one_key_result(status, key_result(measured={30: 30, 10: 10, 20: 20}), as_of=35)

    assert result["current"] == approx(30)


def test_a_measurement_dated_on_as_of_counts(status: StatusAt) -> None:
    result = one_key_result(status, key_result(measured={10: 10, 20: 20}), as_of=20)

    assert result["current"] == approx(20)


def test_measurements_after_as_of_are_ignored(status: StatusAt) -> None:
    result = one_key_result(status, key_result(measured={10: 10, 60: 90}), as_of=50)

    assert result["current"] == approx(10)
    assert result["progress"] == approx(0.1)


def test_without_a_measurement_the_current_value_is_the_baseline(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=40, target=140))

    assert result["current"] == approx(40)
    assert result["progress"] == approx(0)


def test_with_only_later_measurements_the_current_value_is_the_baseline(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=40, target=140, measured={70: 140}), as_of=50)

    assert result["current"] == approx(40)


def test_a_measurement_before_the_period_start_is_a_current_value(status: StatusAt) -> None:
    result = one_key_result(status, key_result(measured={-5: 30}), as_of=50)

    assert result["current"] == approx(30)
    assert result["progress"] == approx(0.3)


def test_a_range_key_result_without_a_measurement_has_no_current_value(status: StatusAt) -> None:
    result = one_key_result(status, range_key_result())

    assert result["current"] is None


def test_a_key_result_without_baseline_or_measurement_has_no_current_value(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=None, target=100))

    assert result["current"] is None


# Progress of increase and decrease


def test_increase_progress_is_the_share_of_the_way_from_baseline_to_target(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=20, target=220, measured={10: 70}))

    assert result["progress"] == approx(0.25)


def test_increase_progress_above_the_target_is_clamped_to_1(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=0, target=100, measured={10: 150}))

    assert result["progress"] == approx(1)
    assert result["current"] == approx(150)


def test_increase_progress_below_the_baseline_is_clamped_to_0(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=50, target=100, measured={10: 20}))

    assert result["progress"] == approx(0)


def test_decrease_progress_is_the_share_of_the_way_down_to_the_target(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=100, target=40, direction="decrease", measured={10: 70}))

    assert result["progress"] == approx(0.5)


def test_decrease_progress_beyond_the_target_is_clamped_to_1(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=100, target=40, direction="decrease", measured={10: 10}))

    assert result["progress"] == approx(1)


def test_decrease_progress_above_the_baseline_is_clamped_to_0(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=100, target=40, direction="decrease", measured={10: 130}))

    assert result["progress"] == approx(0)


def test_the_direction_is_inferred_as_decrease_when_the_target_is_below_the_baseline(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=100, target=40, measured={10: 85}))

    assert result["progress"] == approx(0.25)


def test_the_direction_is_inferred_as_increase_when_the_target_is_above_the_baseline(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=40, target=100, measured={10: 85}))

    assert result["progress"] == approx(0.75)


def test_decimal_baselines_targets_and_values_are_used_exactly(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=0.5, target=2.5, measured={10: 1.25}))

    assert result["progress"] == approx(0.375)
    assert result["current"] == approx(1.25)


# Range key results


@pytest.mark.parametrize(
    ("value", "progress"),
    [(15, 1), (10, 1), (20, 1), (9.99, 0), (20.01, 0), (0, 0), (100, 0)],
    ids=["inside", "on-the-lower-bound", "on-the-upper-bound", "just-below", "just-above", "far-below", "far-above"],
)
def test_a_range_key_result_has_progress_1_inside_its_bounds_and_0_outside(
    status: StatusAt, value: float, progress: float
) -> None:
    result = one_key_result(status, range_key_result(low=10, high=20, measured={10: value}))

    assert result["progress"] == approx(progress)
    assert result["current"] == approx(value)


def test_a_range_key_result_on_its_upper_bound_is_achieved(status: StatusAt) -> None:
    result = one_key_result(status, range_key_result(low=10, high=20, measured={10: 20}))

    assert result["status"] == "achieved"


def test_a_range_key_result_without_a_value_has_progress_0_not_null(status: StatusAt) -> None:
    result = one_key_result(status, range_key_result(), as_of=50)

    assert result["progress"] == 0
    assert result["status"] == "off_track"


def test_a_range_key_result_with_equal_bounds_is_met_only_by_that_value(status: StatusAt) -> None:
    met = one_key_result(status, range_key_result(low=5, high=5, measured={10: 5}))

    assert met["progress"] == approx(1)


def test_a_range_key_result_uses_its_latest_measurement_only(status: StatusAt) -> None:
    result = one_key_result(status, range_key_result(low=10, high=20, measured={10: 15, 20: 25}), as_of=50)

    assert result["progress"] == approx(0)


# Drafts without target or baseline


def test_a_key_result_without_a_target_has_no_progress_and_status_no_data(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=10, target=None, measured={10: 50}))

    assert result["progress"] is None
    assert result["status"] == "no_data"
    assert result["current"] == approx(50)


def test_a_key_result_without_a_baseline_has_no_progress_and_status_no_data(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=None, target=100, measured={10: 50}))

    assert result["progress"] is None
    assert result["status"] == "no_data"
    assert result["current"] == approx(50)


def test_a_key_result_with_an_explicit_direction_but_no_target_has_no_progress(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=10, target=None, direction="increase"))

    assert result["progress"] is None
    assert result["status"] == "no_data"


def test_a_key_result_without_a_target_still_has_its_expected_progress(status: StatusAt) -> None:
    result = one_key_result(status, key_result(baseline=10, target=None), as_of=30)

    assert result["expected"] == approx(0.3)


# Confidence


def test_confidence_is_that_of_the_latest_check_in_on_or_before_as_of(status: StatusAt) -> None:
    result = one_key_result(status, key_result(confidence={20: 4, 5: 9, 40: 7, 60: 1}), as_of=50)

    assert result["confidence"] == 7


def test_a_check_in_dated_on_as_of_counts_for_confidence(status: StatusAt) -> None:
    result = one_key_result(status, key_result(confidence={10: 4, 50: 8}), as_of=50)

    assert result["confidence"] == 8


def test_confidence_is_null_without_a_check_in_on_or_before_as_of(status: StatusAt) -> None:
    result = one_key_result(status, key_result(confidence={60: 8}), as_of=50)

    assert result["confidence"] is None


def test_a_confidence_of_0_is_reported_as_0_not_null(status: StatusAt) -> None:
    result = one_key_result(status, key_result(confidence={10: 0}), as_of=50)

    assert result["confidence"] == 0
