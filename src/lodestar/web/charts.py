"""Charts as server-rendered SVG: a key result over its period, a metric's values per bucket."""

from __future__ import annotations

import math
from datetime import date
from html import escape

from babel.numbers import format_decimal
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from lodestar.lib.model import KeyResult, Period
from lodestar.metrics.services import PreviewPoint
from lodestar.scoring.report import KeyResultScore
from lodestar.web.formatting import day, locale

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 32


def _fmt(value: float) -> str:
    """A value in the page's language: whole from 1,000 on, else four significant digits (`5,775`, `233.9`)."""
    if abs(value) >= 1000:
        return str(format_decimal(round(value), locale=locale()))
    return str(format_decimal(float(f"{value:.4g}"), format="#,##0.######", locale=locale()))


def axis_label(value: float) -> str:
    """An axis label short enough for the left margin on a phone: `1.2B`, `29.7M`, `233k`, `5,775`."""
    if abs(value) >= 1_000_000_000:
        return f"{value / 1_000_000_000:,.3g}B"
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.3g}M"
    if abs(value) >= 100_000:
        return f"{value / 1_000:.3g}k"
    return _fmt(value)


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
        empty = escape(gettext("No figures to chart yet."))
        return mark_safe(f'<p class="chart-empty">{empty}</p>')  # noqa: S308 - escaped
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    span_x = max(end - start, 1)

    def x(day: int) -> float:
        return LEFT + (day - start) / span_x * (WIDTH - LEFT - RIGHT)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * (HEIGHT - TOP - BOTTOM)

    parts: list[str] = []
    start_day, end_day = day(period.start, "SHORT_DATE_FORMAT"), day(period.end, "SHORT_DATE_FORMAT")
    label = gettext("%(title)s: measurements from %(start)s to %(end)s") % {
        "title": kr.title,
        "start": start_day,
        "end": end_day,
    }
    parts.append(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
    )
    parts.append(f"<title>{escape(label)}</title>")
    for i in range(5):
        value = low + (high - low) * i / 4
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>')
        parts.append(
            f'<text class="axis" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{axis_label(value)}</text>'
        )
    parts.append(f'<text class="axis" x="{LEFT}" y="{HEIGHT - 8}">{escape(start_day)}</text>')
    parts.append(f'<text class="axis" x="{WIDTH - RIGHT}" y="{HEIGHT - 8}" text-anchor="end">{escape(end_day)}</text>')
    if kr.range is not None:
        top, bottom = y(kr.range[1]), y(kr.range[0])
        band = gettext("target range %(low)s to %(high)s") % {"low": _fmt(kr.range[0]), "high": _fmt(kr.range[1])}
        parts.append(
            f'<rect class="band" x="{LEFT}" y="{top:.1f}" width="{WIDTH - LEFT - RIGHT}" height="{max(bottom - top, 1):.1f}">'
            f"<title>{escape(band)}</title></rect>"
        )
    if kr.baseline is not None:
        parts.append(_hline("baseline", y(kr.baseline), gettext("baseline %(value)s") % {"value": _fmt(kr.baseline)}))
    if kr.target is not None:
        parts.append(_hline("target", y(kr.target), gettext("target %(value)s") % {"value": _fmt(kr.target)}))
    if kr.baseline is not None and kr.target is not None and kr.effective_direction in ("increase", "decrease"):
        path_title = escape(gettext("expected path"))
        parts.append(
            f'<line class="expected" x1="{x(start):.1f}" y1="{y(kr.baseline):.1f}" x2="{x(end):.1f}" '
            f'y2="{y(kr.target):.1f}"><title>{path_title}</title></line>'
        )
    today = min(max(as_of.toordinal(), start), end)
    parts.append(f'<line class="today" x1="{x(today):.1f}" x2="{x(today):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>')
    if score.forecast is not None and points:
        last_x, last_y = points[-1]
        forecast = gettext("forecast %(value)s at period end") % {"value": _fmt(score.forecast.value)}
        parts.append(
            f'<line class="forecast" x1="{x(last_x):.1f}" y1="{y(last_y):.1f}" x2="{x(end):.1f}" '
            f'y2="{y(score.forecast.value):.1f}"><title>{escape(forecast)}</title></line>'
        )
    if points:
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, v in points)
        parts.append(f'<polyline class="actual" points="{path}"/>')
        for d, v in points:
            shown = day(date.fromordinal(d), "SHORT_DATE_FORMAT")
            parts.append(
                f'<circle class="point" cx="{x(d):.1f}" cy="{y(v):.1f}" r="4"><title>{shown}: {_fmt(v)}</title></circle>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is a number, a date or escaped


def _hline(kind: str, at: float, label: str) -> str:
    return (
        f'<line class="{kind}" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{at:.1f}" y2="{at:.1f}"><title>{escape(label)}</title></line>'
        f'<text class="label {kind}" x="{WIDTH - RIGHT - 4}" y="{at - 4:.1f}" text-anchor="end">{escape(label)}</text>'
    )


def _nice_step(rough: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least `rough`."""
    power: float = 10 ** math.floor(math.log10(rough))
    return next(power * factor for factor in (1, 2, 2.5, 5, 10) if power * factor >= rough)


def _bucket_label(start: date, grain: str) -> str:
    if grain == "month":
        return start.strftime("%b %y")
    if grain == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start:%y}"
    return start.strftime("%d %b")


def metric_chart(points: list[PreviewPoint], *, grain: str, unit: str | None, label: str) -> SafeString:
    """An accessible SVG bar chart of a metric's value per bucket; an incomplete bucket is drawn lighter."""
    known = [p.value for p in points if p.value is not None]
    if not known:
        return mark_safe('<p class="chart-empty">No values in these twelve months for this slice.</p>')
    step = _nice_step((max(0.0, *known) - min(0.0, *known)) / 4 or 1)
    low = math.floor(min(0.0, *known) / step) * step
    high = max(math.ceil(max(0.0, *known) / step) * step, low + step)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / len(points)
    bar = max(min(slot * 0.7, 36), 1.5)

    def y(value: float) -> float:
        return TOP + (high - value) / (high - low) * plot_height

    suffix = f" {unit}" if unit else ""
    parts = [
        f'<svg class="chart metric-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(label)}</title>",
    ]
    for i in range(round((high - low) / step) + 1):
        value = low + step * i
        parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}"/>')
        parts.append(
            f'<text class="axis" x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end">{axis_label(value)}</text>'
        )
    parts.append(f'<line class="zero" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(0):.1f}" y2="{y(0):.1f}"/>')
    every = max(1, round(len(points) / 12))
    for index, point in enumerate(points):
        middle = LEFT + slot * (index + 0.5)
        if index % every == 0:
            parts.append(
                f'<text class="axis" x="{middle:.1f}" y="{HEIGHT - 10}" text-anchor="middle">'
                f"{escape(_bucket_label(point.start, grain))}</text>"
            )
        if point.value is None:
            continue
        top, bottom = sorted((y(point.value), y(0)))
        kind = "column" if point.complete else "column partial"
        shown = f"{point.start.isoformat()} to {point.end.isoformat()}: {_fmt(point.value)}{suffix}"
        if not point.complete:
            shown += " (so far)"
        parts.append(
            f'<rect class="{kind}" x="{middle - bar / 2:.1f}" y="{top:.1f}" width="{bar:.1f}" '
            f'height="{max(bottom - top, 0.5):.1f}"><title>{escape(shown)}</title></rect>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is a number, a date or escaped
