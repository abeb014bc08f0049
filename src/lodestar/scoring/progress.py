"""The spec's semantics for one key result, goal period or KPI, as pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from lodestar.lib.model import KPI, CheckIn, KeyResult, Measurement, Period

# Floating-point arithmetic must not flip a status that is exactly on a threshold: a progress
# of 0.3 against an expected 0.4 is on track (0.4 - 0.10 = 0.30000000000000004 in binary).
EPSILON = 1e-9
ON_TRACK_MARGIN = 0.10
AT_RISK_MARGIN = 0.25


@dataclass(frozen=True, slots=True)
class Forecast:
    value: float
    progress: float | None


def clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def latest_on_or_before(measurements: list[Measurement], as_of: date) -> Measurement | None:
    """The measurement with the latest date not after `as_of`."""
    best: Measurement | None = None
    for measurement in measurements:
        if measurement.date <= as_of and (best is None or measurement.date > best.date):
            best = measurement
    return best


def current_value(kr: KeyResult, as_of: date) -> float | None:
    """The latest measured value on or before `as_of`; else the baseline (a range has none)."""
    latest = latest_on_or_before(kr.measurements, as_of)
    if latest is not None:
        return latest.value
    return None if kr.effective_direction == "range" else kr.baseline


def progress_toward(value: float | None, kr: KeyResult) -> float | None:
    """How far `value` is along the key result's way, in [0, 1]; None where the direction lacks a figure."""
    direction = kr.effective_direction
    if direction == "range":
        if value is None or kr.range is None:
            return 0.0
        low, high = kr.range
        return 1.0 if low <= value <= high else 0.0
    if direction is None or kr.baseline is None or kr.target is None or value is None:
        return None
    return clamp((value - kr.baseline) / (kr.target - kr.baseline))


def expected_progress(period: Period, as_of: date) -> float:
    """The elapsed share of the period, in days, clamped to [0, 1]."""
    return clamp((as_of - period.start).days / (period.end - period.start).days)


def status(*, as_of: date, period: Period, progress: float | None, expected: float, closed: bool = False) -> str:
    """not_started, closed (a goal closed as of the day), no_data, achieved, on_track, at_risk or off_track, in that order."""
    if as_of < period.start:
        return "not_started"
    if closed:
        return "closed"
    if progress is None:
        return "no_data"
    if progress >= 1.0 - EPSILON:
        return "achieved"
    if progress >= expected - ON_TRACK_MARGIN - EPSILON:
        return "on_track"
    if progress >= expected - AT_RISK_MARGIN - EPSILON:
        return "at_risk"
    return "off_track"


def forecast(kr: KeyResult, period: Period, as_of: date) -> Forecast | None:
    """A least-squares line through the period's measurements so far, evaluated at the period's end."""
    if kr.effective_direction not in ("increase", "decrease"):
        return None
    start = period.start
    count = 0
    sum_x = sum_y = sum_xx = sum_xy = 0.0
    first_x: float | None = None
    distinct = False
    for measurement in kr.measurements:
        if start <= measurement.date <= as_of:
            x = float((measurement.date - start).days)  # days since the start keep the sums small
            y = measurement.value
            count += 1
            sum_x += x
            sum_y += y
            sum_xx += x * x
            sum_xy += x * y
            if first_x is None:
                first_x = x
            elif x != first_x:
                distinct = True
    if not distinct:  # a line needs two distinct dates
        return None
    spread = sum_xx - sum_x * sum_x / count
    slope = (sum_xy - sum_x * sum_y / count) / spread
    value = sum_y / count + slope * ((period.end - start).days - sum_x / count)
    return Forecast(value=value, progress=progress_toward(value, kr))


def latest_check_in(check_ins: list[CheckIn], as_of: date) -> CheckIn | None:
    """The latest check-in on or before `as_of` (the later one in the list on a tie)."""
    latest: CheckIn | None = None
    for check_in in check_ins:
        if check_in.date <= as_of and (latest is None or check_in.date >= latest.date):
            latest = check_in
    return latest


def confidence(check_ins: list[CheckIn], as_of: date) -> int | None:
    """The confidence of the latest check-in on or before `as_of`."""
    latest = latest_check_in(check_ins, as_of)
    return None if latest is None else latest.confidence


def kpi_status(kpi: KPI, value: float | None) -> str:
    """green, yellow or red against the thresholds; no_data without a value."""
    if value is None:
        return "no_data"
    if kpi.better == "higher":
        return "green" if value >= kpi.green else "red" if value <= kpi.red else "yellow"
    return "green" if value <= kpi.green else "red" if value >= kpi.red else "yellow"
