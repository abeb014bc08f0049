"""Forecast of a key result: least squares through its measurements in the period so far (spec: Semantics).

Period `p` runs from day(0) to day(100): the forecast is the fitted line evaluated at day 100.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conformance.builders import day, goal, key_result, organization, range_key_result
from tests.conformance.conftest import StatusAt


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def forecast(status: StatusAt, kr: dict[str, Any], as_of: int = 50) -> Any:
    return status(organization(goals=[goal("g", kr)]), day(as_of)).key_result(kr["id"])["forecast"]


def test_two_measurements_project_their_line_to_the_period_end(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=200, measured={10: 10, 20: 20}))

    assert result == {"value": approx(100), "progress": approx(0.5)}


def test_the_forecast_is_the_ordinary_least_squares_fit_of_all_measurements(status: StatusAt) -> None:
    # Mean day 20, mean value 20; slope = 100 / 200 = 0.5; at day 100: 20 + 0.5 * 80 = 60.
    result = forecast(status, key_result(baseline=0, target=100, measured={10: 10, 20: 30, 30: 20}))

    assert result == {"value": approx(60), "progress": approx(0.6)}


def test_forecast_progress_is_measured_from_the_baseline(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=20, target=120, measured={10: 25, 20: 30}))

    # slope 0.5 per day: 30 + 0.5 * 80 = 70, (70 - 20) / 100 = 0.5
    assert result == {"value": approx(70), "progress": approx(0.5)}


def test_a_forecast_beyond_the_target_reports_the_value_and_progress_1(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=100, measured={0: 0, 10: 20}))

    assert result == {"value": approx(200), "progress": approx(1)}


def test_a_forecast_below_the_baseline_reports_the_value_and_progress_0(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=50, target=100, measured={10: 50, 20: 45}))

    # slope -0.5 per day: 45 - 0.5 * 80 = 5
    assert result == {"value": approx(5), "progress": approx(0)}


def test_a_decrease_key_result_forecast_is_measured_downward(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=100, target=0, measured={10: 95, 20: 90}))

    assert result == {"value": approx(50), "progress": approx(0.5)}


def test_a_decrease_forecast_beyond_the_target_reports_progress_1(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=100, target=50, measured={10: 90, 20: 80}))

    # slope -1 per day: 80 - 80 = 0 at day 100, twice the way to the target
    assert result == {"value": approx(0), "progress": approx(1)}


def test_a_flat_line_forecasts_the_current_level(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=100, measured={10: 40, 30: 40}))

    assert result == {"value": approx(40), "progress": approx(0.4)}


def test_one_measurement_gives_no_forecast(status: StatusAt) -> None:
    assert forecast(status, key_result(measured={10: 40})) is None


def test_no_measurement_gives_no_forecast(status: StatusAt) -> None:
    assert forecast(status, key_result()) is None


def test_measurements_after_as_of_are_left_out_of_the_forecast(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=200, measured={10: 10, 20: 20, 30: 90}), as_of=25)

    assert result == {"value": approx(100), "progress": approx(0.5)}


def test_a_measurement_on_as_of_is_part_of_the_forecast(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=200, measured={10: 10, 20: 20}), as_of=20)

    assert result == {"value": approx(100), "progress": approx(0.5)}


def test_a_measurement_on_the_period_start_is_part_of_the_forecast(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=200, measured={0: 0, 10: 10}), as_of=20)

    assert result == {"value": approx(100), "progress": approx(0.5)}


def test_measurements_before_the_period_start_are_left_out_of_the_forecast(status: StatusAt) -> None:
    result = forecast(status, key_result(baseline=0, target=200, measured={-10: 90, 10: 10, 20: 20}))

    assert result == {"value": approx(100), "progress": approx(0.5)}


def test_one_measurement_in_the_period_and_one_before_it_give_no_forecast(status: StatusAt) -> None:
    assert forecast(status, key_result(measured={-10: 5, 10: 10})) is None


def test_one_measurement_so_far_and_one_later_give_no_forecast(status: StatusAt) -> None:
    assert forecast(status, key_result(measured={10: 10, 60: 60}), as_of=50) is None


def test_before_the_period_starts_there_is_no_forecast(status: StatusAt) -> None:
    assert forecast(status, key_result(measured={-20: 10, -10: 20}), as_of=-1) is None


def test_a_range_key_result_has_no_forecast(status: StatusAt) -> None:
    assert forecast(status, range_key_result(measured={10: 12, 20: 14})) is None


def test_after_the_period_measurements_up_to_as_of_count_and_the_line_is_read_at_the_period_end(
    status: StatusAt,
) -> None:
    # The spec's window is "from period start to as_of", so day 110 counts even though the period
    # ended on day 100; the line through (10, 10) and (110, 110) gives 100 at day 100.
    result = forecast(status, key_result(baseline=0, target=200, measured={10: 10, 110: 110}), as_of=120)

    assert result == {"value": approx(100), "progress": approx(0.5)}
