"""The labels of a chart's value axis fit its left margin on a phone, however large the values."""

from __future__ import annotations

import pytest

from lodestar.web.charts import axis_label


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
    assert axis_label(value) == label
    assert len(label) <= 6  # the 56-unit margin holds six characters of the 11-unit axis font
