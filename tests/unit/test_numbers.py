"""The one number formatter: counts and amounts without cents unless they matter, whole percents, forecasts
at the key result's precision, all as the active language writes them."""

from __future__ import annotations

import pytest
from django.utils import translation

from lodestar.i18n import numbers
from lodestar.lib.model import KeyResult


@pytest.mark.parametrize(
    ("language", "value", "unit", "shown"),
    [
        ("en", 9_078_154.29, "EUR", "€9,078,154"),
        ("de", 9_078_154.29, "EUR", "9.078.154\u00a0€"),
        ("en", 12.5, "EUR", "€12.50"),
        ("de", 12.5, "EUR", "12,50\u00a0€"),
        ("de", 12.0, "EUR", "12\u00a0€"),
        ("en", 1_234.0, "leads", "1,234 leads"),
        ("de", 35.0, "%", "35 %"),
        ("de", 2.75, "days", "2,75 days"),
        ("de", 4_321.6, None, "4.322"),
        ("en", -0.001, None, "0"),
        ("de", None, "EUR", "—"),
    ],
)
def test_a_quantity_reads_as_its_language_writes_it(
    language: str, value: float | None, unit: str | None, shown: str
) -> None:
    with translation.override(language):
        assert numbers.quantity(value, unit) == shown


@pytest.mark.parametrize(
    ("language", "share", "shown"), [("en", 0.4849, "48 %"), ("de", 0.5, "50 %"), ("de", 1.0, "100 %")]
)
def test_a_share_is_a_whole_percent(language: str, share: float, shown: str) -> None:
    with translation.override(language):
        assert numbers.percent(share) == shown


@pytest.mark.parametrize(
    ("baseline", "target", "forecast", "shown"),
    [
        (150, 300, 1_234.5678, "1.235"),  # leads: whole
        (0.1, 0.35, 0.23456, "0,23"),  # a share written with two decimals
        (2.5, 4.0, 3.14159, "3,1"),  # days with one decimal
    ],
)
def test_a_forecast_is_rounded_to_the_precision_of_its_key_result(
    baseline: float, target: float, forecast: float, shown: str
) -> None:
    kr = KeyResult(id="kr", title="Key result", baseline=baseline, target=target)

    with translation.override("de"):
        assert numbers.forecast(forecast, kr) == shown


def test_counts_are_grouped_and_whole() -> None:
    with translation.override("de"):
        assert numbers.count(1_234_567.4) == "1.234.567"
    with translation.override("en"):
        assert numbers.count(1_234_567.4) == "1,234,567"
