"""The spec's worked example, with every figure worked out by hand from the spec's rules.

Period fy2026 runs 2026-01-01..2026-12-31, 364 days. As of 2026-07-01, 181 days have
elapsed, so expected = 181/364.

- web-mqls: baseline 120, target 300; latest measurement on or before 07-01 is 210 (06-30),
  progress (210 - 120) / 180 = 0.5 >= expected - 0.10, on_track; check-in 07-01 confidence 6.
  Forecast: the line through (day 89, 150) and (day 180, 210) has slope 60/91; at the
  period's end (day 364) it gives 210 + 60 * 184 / 91, progress > 1, clamped to 1.
- tracked-share: no measurements, so current = baseline 20 and progress 0, off_track;
  no check-in, no forecast.
- mkt-analytics: its only item is tracked-share, progress 0, off_track.
- more-leads: web-mqls (0.5, weight 1) and mkt-analytics (0, contribution weight 2):
  (0.5 * 1 + 0 * 2) / 3 = 1/6 < expected - 0.25, off_track.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conformance.builders import VISION_QUESTIONS
from tests.conformance.conftest import CheckAt, FindingsAt, Load, RolesOf, StatusAt
from tests.conftest import Run, RunLodestar

AS_OF = datetime.date(2026, 7, 1)
EXPECTED = 181 / 364
TOL = 1e-6


def approx(value: float) -> Any:
    return pytest.approx(value, abs=TOL)


def test_the_spec_example_imports(
    lodestar: Callable[..., Run], write_model: Callable[..., Path], example_document: dict[str, Any]
) -> None:
    run = lodestar("import", str(write_model(example_document)))

    assert run.code == 0, run.out + run.err


def test_the_spec_example_status_matches_the_hand_computed_figures(
    status: StatusAt, example_document: dict[str, Any]
) -> None:
    result = status(example_document, AS_OF)

    web_mqls = result.key_result("web-mqls")
    assert web_mqls["goal"] == "more-leads"
    assert web_mqls["current"] == approx(210)
    assert web_mqls["progress"] == approx(0.5)
    assert web_mqls["expected"] == approx(EXPECTED)
    assert web_mqls["status"] == "on_track"
    assert web_mqls["confidence"] == 6
    assert web_mqls["forecast"]["value"] == approx(210 + 60 * 184 / 91)
    assert web_mqls["forecast"]["progress"] == approx(1)

    tracked = result.key_result("tracked-share")
    assert tracked["goal"] == "mkt-analytics"
    assert tracked["current"] == approx(20)
    assert tracked["progress"] == approx(0)
    assert tracked["status"] == "off_track"
    assert tracked["confidence"] is None
    assert tracked["forecast"] is None


def test_the_spec_example_goals_roll_up_with_the_contribution_weight(
    status: StatusAt, example_document: dict[str, Any]
) -> None:
    result = status(example_document, AS_OF)

    assert result.goal("mkt-analytics") == {
        "id": "mkt-analytics",
        "progress": approx(0),
        "expected": approx(EXPECTED),
        "status": "off_track",
        "closed": None,
    }
    assert result.goal("more-leads") == {
        "id": "more-leads",
        "progress": approx(1 / 6),
        "expected": approx(EXPECTED),
        "status": "off_track",
        "closed": None,
    }
    assert result.data["as_of"] == "2026-07-01"
    assert result.data["kpis"] == []


def test_the_spec_example_before_the_second_measurement_uses_the_first(
    status: StatusAt, example_document: dict[str, Any]
) -> None:
    # As of 2026-05-01 (120 days elapsed) only the 03-31 measurement counts: one date, no forecast.
    web_mqls = status(example_document, datetime.date(2026, 5, 1)).key_result("web-mqls")

    assert web_mqls["current"] == approx(150)
    assert web_mqls["progress"] == approx(30 / 180)
    assert web_mqls["expected"] == approx(120 / 364)
    assert web_mqls["status"] == "at_risk"
    assert web_mqls["forecast"] is None
    assert web_mqls["confidence"] is None


def test_the_spec_example_health_check_reports_the_hand_found_findings(
    check: CheckAt, example_document: dict[str, Any]
) -> None:
    # LS009: web-analytics needs level 3 in mkt, Sam (mkt) has 2.
    # LS011: only the mission question has an agreed answer.
    # LS012: bu-service is outside the core business and no profile is toward it.
    # LS013: tracked-share has no measurement and 181/364 > 25% of fy2026 has elapsed.
    result = check(example_document, AS_OF)

    assert result["as_of"] == "2026-07-01"
    assert sorted((f["code"], f["subject"]) for f in result["findings"]) == sorted(
        [
            ("LS009", "competency:web-analytics@mkt"),
            *(("LS011", f"question:{question}") for question in VISION_QUESTIONS if question != "mission"),
            ("LS012", "unit:bu-service"),
            ("LS013", "key_result:tracked-share"),
        ]
    )


def test_the_spec_example_early_in_the_year_has_no_missing_measurement_finding(
    findings: FindingsAt, example_document: dict[str, Any]
) -> None:
    # 2026-03-01 is 59/364 (16%) into fy2026: LS013 does not fire yet.
    codes = {code for code, _ in findings(example_document, datetime.date(2026, 3, 1))}

    assert "LS013" not in codes
    assert {"LS009", "LS011", "LS012"} <= codes


def test_the_spec_example_check_exits_1(lodestar: RunLodestar, load: Load, example_document: dict[str, Any]) -> None:
    load(example_document)

    assert lodestar("check", "--as-of", "2026-07-01").code == 1


def test_the_spec_example_roles_have_the_hand_computed_archetypes(
    roles: RolesOf, example_document: dict[str, Any]
) -> None:
    # as_is (0,0,0,2,1,0,0,0): service_provider at squared distance 5, brand_builder 24.
    # target (3,0,0,0,4,0,4,0): best_practice_advisor 23, brand_builder 24, service_provider 25.
    zero = dict.fromkeys(
        (
            "strategy",
            "product",
            "pricing",
            "channels",
            "communication",
            "customer_experience",
            "customer_data",
            "budget",
        ),
        0,
    )

    assert roles(example_document) == {
        "role_profiles": [
            {
                "unit": "ms",
                "toward": None,
                "as_is": {
                    "scores": zero | {"communication": 1, "channels": 2, "sales_alignment": 1},
                    "archetype": "service_provider",
                },
                "target": {
                    "scores": zero | {"strategy": 3, "communication": 4, "customer_data": 4, "sales_alignment": 2},
                    "archetype": "best_practice_advisor",
                },
            }
        ]
    }
