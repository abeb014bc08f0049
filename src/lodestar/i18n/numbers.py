"""Numbers as a person reads them, in the active language: the one formatter of pages, charts and reports.

Counts and amounts show no cents unless they matter (below a hundred and not whole), shares are whole
percents, a forecast is rounded to the precision its key result is written in, and a chart's axis
labels stay short (`29.7M` in English, `29,7 Mio.` in German). Babel writes the separators.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency, format_decimal
from django.utils.functional import Promise
from django.utils.translation import get_language, pgettext_lazy

from lodestar.i18n import DEFAULT
from lodestar.lib.model import KeyResult

NOTHING = "—"
# An amount at or above this shows no cents; below it, cents show when they are there.
CENTS_BELOW = 100
# The most decimals a figure shows, and the most a key result's precision can ask for.
MOST_DECIMALS = 2
MOST_PRECISION = 4
CURRENCIES = frozenset({"EUR", "USD", "GBP", "CHF"})


def locale() -> str:
    """The Babel locale of the active language."""
    return (get_language() or DEFAULT).split("-")[0]


def _pattern(decimals: int, *, fixed: bool = False) -> str:
    if decimals <= 0:
        return "#,##0"
    return "#,##0." + ("0" if fixed else "#") * decimals


def _rounded(value: float, decimals: int) -> float:
    rounded = round(value, max(decimals, 0))
    return 0.0 if rounded == 0 else rounded  # never "-0"


def number(value: float | None, *, decimals: int = MOST_DECIMALS, fixed: bool = False) -> str:
    """Thousands grouped, at most `decimals` decimals (exactly that many if `fixed`), no trailing zeros."""
    if value is None:
        return NOTHING
    return str(format_decimal(_rounded(value, decimals), format=_pattern(decimals, fixed=fixed), locale=locale()))


def count(value: float | None) -> str:
    """A count or a large figure: whole, thousands grouped."""
    return number(value, decimals=0)


def figure(value: float | None) -> str:
    """A value without a known precision: whole from a thousand on, else at most two decimals."""
    if value is None:
        return NOTHING
    return number(value, decimals=0 if abs(value) >= 1000 else MOST_DECIMALS)


def percent(share: float | None) -> str:
    """A share in [0, 1] as a whole percent: `48 %` (the pages' way in both languages)."""
    if share is None:
        return NOTHING
    return f"{number(share * 100, decimals=0)} %"


def money(value: float | None, currency: str) -> str:
    """An amount with its currency's sign: `€9,078,154` / `9.078.154 €`; cents only below a hundred."""
    if value is None:
        return NOTHING
    cents = abs(value) < CENTS_BELOW and _rounded(value, 2) != round(value)
    pattern = Locale.parse(locale()).currency_formats["standard"].pattern
    if not cents:
        pattern = pattern.replace("0.00", "0")
    return str(format_currency(_rounded(value, 2), currency, format=pattern, locale=locale(), currency_digits=False))


def quantity(value: float | None, unit: str | None, *, decimals: int | None = None) -> str:
    """A value with its unit as a person reads it: `1,234 leads`, `35 %`, `€12.50`; `decimals` if known."""
    if value is None:
        return NOTHING
    if unit and unit.upper() in CURRENCIES:
        return money(value, unit.upper())
    shown = figure(value) if decimals is None else number(value, decimals=decimals)
    if not unit:
        return shown
    return f"{shown} %" if unit == "%" else f"{shown} {unit}"


def decimals_of(values: Iterable[float | None]) -> int:
    """The decimals the given figures are written with (the most among them, at most MOST_PRECISION)."""
    most = 0
    for value in values:
        if value is None or not math.isfinite(value):
            continue
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
        if isinstance(exponent, int):
            most = max(most, -exponent)
    return min(most, MOST_PRECISION)


def key_result_decimals(kr: KeyResult) -> int:
    """The precision a key result is written in: the decimals of its baseline, target and range."""
    return decimals_of((kr.baseline, kr.target, *(kr.range or ())))


def forecast(value: float | None, kr: KeyResult) -> str:
    """A value the key result is forecast to reach, rounded to its precision (no 1,234.57 leads)."""
    return number(value, decimals=key_result_decimals(kr))


# The short forms of an axis label, largest first: from which size each applies, and what it divides by.
_SCALES: tuple[tuple[float, float, Promise], ...] = (
    (1_000_000_000, 1_000_000_000, pgettext_lazy("axis label, billions", "%(number)sB")),
    (1_000_000, 1_000_000, pgettext_lazy("axis label, millions", "%(number)sM")),
    (100_000, 1_000, pgettext_lazy("axis label, thousands", "%(number)sk")),
)


def axis_label(value: float, decimals: int = MOST_DECIMALS) -> str:
    """A chart's axis label: `1.23B`, `29.7M`, `234k` (three digits at most), else the number itself."""
    size = abs(value)
    for limit, divisor, template in _SCALES:
        if size >= limit:
            scaled = value / divisor
            digits = max(0, 2 - math.floor(math.log10(abs(scaled))))
            return str(template) % {"number": number(scaled, decimals=digits)}
    return number(value, decimals=decimals)
