"""A chart's value axis: round ticks 1, 2, 2.5 or 5 × 10ⁿ apart, never below zero for data that are not."""

from __future__ import annotations

import math
from dataclasses import dataclass

FACTORS = (1.0, 2.0, 2.5, 5.0, 10.0)
TICKS = 5  # about this many ticks, the ends included


@dataclass(frozen=True, slots=True)
class Axis:
    ticks: tuple[float, ...]  # from the lowest up, evenly spaced by `step`
    step: float

    @property
    def low(self) -> float:
        return self.ticks[0]

    @property
    def high(self) -> float:
        return self.ticks[-1]

    @property
    def decimals(self) -> int:
        """The decimals a label needs to tell the ticks apart (0.25 needs two, 2.5 one, 500 none)."""
        return max(0, -math.floor(math.log10(self.step) + 1e-9) + (1 if _mantissa(self.step) == 2.5 else 0))


def _mantissa(value: float) -> float:
    power: float = 10 ** math.floor(math.log10(value) + 1e-9)
    return round(value / power, 6)


def nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough` (> 0)."""
    power: float = 10 ** math.floor(math.log10(rough))
    return next(power * factor for factor in FACTORS if power * factor >= rough * (1 - 1e-9))


def value_axis(low: float, high: float, *, ticks: int = TICKS) -> Axis:
    """Round ticks that cover [low, high] in about `ticks` steps.

    The lowest tick is the multiple of the step at or below `low`, so it is below zero only where the
    data are; a single value gets an axis around it (from zero up for a value that is not negative).
    """
    if high < low:
        low, high = high, low
    if high == low:
        spread = abs(low) * 0.1 or 1.0
        low, high = (max(low - spread, 0.0) if low >= 0 else low - spread), high + spread
    step = nice_step((high - low) / max(ticks - 1, 1))
    first = math.floor(low / step + 1e-9)
    last = math.ceil(high / step - 1e-9)
    digits = max(0, -math.floor(math.log10(step)) + 2)
    values = tuple(round(index * step, digits) + 0.0 for index in range(first, max(last, first + 1) + 1))
    return Axis(ticks=values, step=step)
