"""Charts as server-rendered SVG: a key result over its period, a metric's values per bucket.

Their value axes have round ticks (`lib.axis`), and their numbers, dates and words follow the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from lodestar.i18n import numbers
from lodestar.i18n.numbers import axis_label
from lodestar.lib.axis import Axis, value_axis
from lodestar.lib.model import KeyResult, Period
from lodestar.metrics.services import PreviewPoint
from lodestar.scoring.report import KeyResultScore

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32
LABEL_CHARACTER = 6.6  # about the width of one character of the 11-unit axis font

__all__ = ["axis_label", "key_result_chart", "metric_chart"]


def _day(day: date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def _value_axis(axis: Axis, y: Callable[[float], float]) -> tuple[int, list[str]]:
    """The left margin the labels need (LEFT at least, wider for German `7,5 Mio.`) and the grid with its labels."""
    labels = [axis_label(value, axis.decimals) for value in axis.ticks]
    left = max(LEFT, round(max(len(label) for label in labels) * LABEL_CHARACTER) + 10)
    parts: list[str] = []
    for value, label in zip(axis.ticks, labels, strict=True):
        parts.append(f'<line class="grid" x1="{left}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>')
        parts.append(
            f'<text class="axis" x="{left - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{escape(label)}</text>'
        )
    return left, parts


def key_result_chart(kr: KeyResult, period: Period, score: KeyResultScore, as_of: date) -> SafeString:
    """An accessible SVG line chart of the key result over its goal's period."""
    start, end = period.start.toordinal(), period.end.toordinal()
    points = sorted((x.date.toordinal(), x.value) for x in kr.measurements if period.start <= x.date <= period.end)
    values = [v for _, v in points]
    for extra in (kr.baseline, kr.target, *(kr.range or ())):
        if extra is not None:
            values.append(extra)
    if score.forecast is not None:
        values.append(score.forecast.value)
    if not values:
        return mark_safe(f'<p class="chart-empty">{escape(gettext("No figures to chart yet."))}</p>')  # noqa: S308 - escaped
    axis = value_axis(min(values), max(values))
    low, high = axis.low, axis.high
    span_x = max(end - start, 1)
    decimals = numbers.key_result_decimals(kr)

    def figure(value: float) -> str:
        return numbers.quantity(value, kr.unit, decimals=decimals)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    left, grid = _value_axis(axis, y)

    def x(day: int) -> float:
        return left + (day - start) / span_x * (WIDTH - left - RIGHT)

    parts: list[str] = []
    label = gettext("%(title)s: measurements from %(start)s to %(end)s") % {
        "title": kr.title,
        "start": _day(period.start),
        "end": _day(period.end),
    }
    parts.append(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
    )
    parts.append(f"<title>{escape(label)}</title>")
    parts += grid
    parts.append(f'<text class="axis" x="{left}" y="{HEIGHT - 8}">{escape(_day(period.start))}</text>')
    parts.append(
        f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" text-anchor="end">{escape(_day(period.end))}</text>'
    )
    if kr.range is not None:
        top, bottom = y(kr.range[1]), y(kr.range[0])
        band = gettext("target range %(low)s to %(high)s") % {"low": figure(kr.range[0]), "high": figure(kr.range[1])}
        parts.append(
            f'<rect class="band" x="{left}" y="{top:.1f}" width="{WIDTH - left - RIGHT}" height="{max(bottom - top, 1):.1f}">'
            f"<title>{escape(band)}</title></rect>"
        )
    if kr.baseline is not None:
        parts.append(_hline("baseline", y(kr.baseline), gettext("baseline %s") % figure(kr.baseline), left))
    if kr.target is not None:
        parts.append(_hline("target", y(kr.target), gettext("target %s") % figure(kr.target), left))
    if kr.baseline is not None and kr.target is not None and kr.effective_direction in ("increase", "decrease"):
        parts.append(
            f'<line class="expected" x1="{x(start):.1f}" y1="{y(kr.baseline):.1f}" x2="{x(end):.1f}" '
            f'y2="{y(kr.target):.1f}"><title>{escape(gettext("expected path"))}</title></line>'
        )
    today = min(max(as_of.toordinal(), start), end)
    parts.append(f'<line class="today" x1="{x(today):.1f}" x2="{x(today):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>')
    if score.forecast is not None and points:
        last_x, last_y = points[-1]
        forecast = gettext("forecast %s at period end") % figure(score.forecast.value)
        parts.append(
            f'<line class="forecast" x1="{x(last_x):.1f}" y1="{y(last_y):.1f}" x2="{x(end):.1f}" '
            f'y2="{y(score.forecast.value):.1f}"><title>{escape(forecast)}</title></line>'
        )
    if points:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline class="actual" points="{path}"/>')
        for d, v in points:
            shown = f"{_day(date.fromordinal(d))}: {numbers.quantity(v, kr.unit)}"
            parts.append(
                f'<circle class="point" cx="{x(d):.1f}" cy="{y(v):.1f}" r="4"><title>{escape(shown)}</title></circle>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is a number, a date or escaped


def _hline(kind: str, at: float, label: str, left: int) -> str:
    return (
        f'<line class="{kind}" x1="{left}" x2="{WIDTH - RIGHT}" y1="{at:.1f}" y2="{at:.1f}"><title>{escape(label)}</title></line>'
        f'<text class="label {kind}" x="{WIDTH - RIGHT - 4}" y="{at - 4:.1f}" text-anchor="end">{escape(label)}</text>'
    )


def _bucket_label(start: date, grain: str) -> str:
    if grain == "month":
        return date_format(start, "M y")
    if grain == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start:%y}"
    return date_format(start, "d M")


def metric_chart(points: list[PreviewPoint], *, grain: str, unit: str | None, label: str) -> SafeString:
    """An accessible SVG bar chart of a metric's value per bucket; an incomplete bucket is drawn lighter."""
    known = [p.value for p in points if p.value is not None]
    if not known:
        empty = gettext("No values in these twelve months for this slice.")
        return mark_safe(f'<p class="chart-empty">{escape(empty)}</p>')  # noqa: S308 - escaped
    axis = value_axis(min(0.0, *known), max(0.0, *known))
    low, high = axis.low, axis.high
    plot_height = HEIGHT - TOP - BOTTOM

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * plot_height

    left, grid = _value_axis(axis, y)
    slot = (WIDTH - left - RIGHT) / len(points)
    bar = max(min(slot * 0.7, 36), 1.5)
    parts = [
        f'<svg class="chart metric-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
        *grid,
    ]
    parts.append(f'<line class="zero" x1="{left}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    every = max(1, round(len(points) / 12))
    for index, point in enumerate(points):
        middle = left + slot * (index + 0.5)
        if index % every == 0:
            parts.append(
                f'<text class="axis" x="{middle:.1f}" y="{HEIGHT - 10}" text-anchor="middle">'
                f"{escape(_bucket_label(point.start, grain))}</text>"
            )
        if point.value is None:
            continue
        top, bottom = sorted((y(point.value), y(0)))
        kind = "column" if point.complete else "column partial"
        values = {"start": _day(point.start), "end": _day(point.end), "value": numbers.quantity(point.value, unit)}
        if point.complete:
            shown = gettext("%(start)s to %(end)s: %(value)s") % values
        else:
            shown = gettext("%(start)s to %(end)s: %(value)s (so far)") % values
        parts.append(
            f'<rect class="{kind}" x="{middle - bar / 2:.1f}" y="{top:.1f}" width="{bar:.1f}" '
            f'height="{max(bottom - top, 0.5):.1f}"><title>{escape(shown)}</title></rect>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is a number, a date or escaped
