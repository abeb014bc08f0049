"""A chart's value axis: round ticks, never below zero for data that are not, labels that fit a phone."""

from __future__ import annotations

import math

import pytest
from django.utils import translation

from lodestar.i18n.numbers import axis_label
from lodestar.lib.axis import value_axis

ROUND = (1.0, 2.0, 2.5, 5.0)


def _is_round(step: float) -> bool:
    mantissa = step / 10 ** math.floor(math.log10(step))
    return any(math.isclose(mantissa, factor) for factor in ROUND)


@pytest.mark.parametrize(
    ("low", "high", "ticks"),
    [
        (0, 3.2, (0, 1, 2, 3, 4)),
        (4_000, 6_000, (4_000, 4_500, 5_000, 5_500, 6_000)),
        (0, 9_000_000, (0, 2_500_000, 5_000_000, 7_500_000, 10_000_000)),
        (20.96, 36.04, (20, 25, 30, 35, 40)),
    ],
)
def test_the_ticks_are_round_cover_the_data_and_start_at_zero_or_above(
    low: float, high: float, ticks: tuple[float, ...]
) -> None:
    axis = value_axis(low, high)

    assert axis.ticks == ticks
    assert _is_round(axis.step)
    assert all(math.isclose(b - a, axis.step) for a, b in zip(axis.ticks, axis.ticks[1:], strict=False))
    assert all(math.isclose(tick / axis.step, round(tick / axis.step)) for tick in axis.ticks)
    assert axis.low <= low and axis.high >= high
    assert axis.low >= 0


@pytest.mark.parametrize(
    ("low", "high"), [(0.0, 0.0), (7.0, 7.0), (0.1, 0.35), (150, 210), (3, 3_117), (0.002, 0.0031), (1e-9, 1e9)]
)
def test_any_range_of_data_that_are_not_negative_gets_round_ticks_from_zero_or_above(low: float, high: float) -> None:
    axis = value_axis(low, high)

    assert _is_round(axis.step)
    assert 0 <= axis.low <= low and axis.high >= high
    assert 2 <= len(axis.ticks) <= 7


def test_an_axis_goes_below_zero_only_as_far_as_the_data_do() -> None:
    axis = value_axis(-726_252, 5_580_000)

    assert axis.ticks == (-2_000_000, 0, 2_000_000, 4_000_000, 6_000_000)


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (29_700_000, "29.7M"),
        (-2_200_000, "-2.2M"),
        (5_775_000, "5.78M"),
        (233_900, "234k"),
        (99_999, "99,999"),
        (233.9, "233.9"),
        (0.25, "0.25"),
        (1_234_000_000, "1.23B"),
    ],
)
def test_large_axis_values_are_shortened_and_small_ones_kept(value: float, label: str) -> None:
    with translation.override("en"):
        assert axis_label(value) == label
    assert len(label) <= 6  # the 56-unit margin holds six characters of the 11-unit axis font


def test_the_axis_labels_follow_the_language() -> None:
    with translation.override("de"):
        labels = [axis_label(value) for value in (7_500_000, 250_000, 5_500, 2.5)]

    assert labels == ["7,5\u00a0Mio.", "250\u00a0Tsd.", "5.500", "2,5"]


def test_a_label_shows_the_decimals_its_step_needs() -> None:
    axis = value_axis(0, 1)

    with translation.override("en"):
        assert [axis_label(tick, axis.decimals) for tick in axis.ticks] == ["0", "0.25", "0.5", "0.75", "1"]
