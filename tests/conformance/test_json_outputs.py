"""The exact shapes of `status`, `check` and `roles` with `--format json` (spec: JSON outputs)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from lodestar.lib import clock
from tests.conformance.builders import (
    DECISION_AREAS,
    day,
    goal,
    key_result,
    kpi,
    organization,
    period,
    range_key_result,
    role_profile,
    to,
    unit,
)
from tests.conformance.conftest import CheckAt, Load, RolesOf, StatusAt
from tests.conftest import RunLodestar

GOAL_KEYS = {"id", "progress", "expected", "status", "closed"}
KEY_RESULT_KEYS = {"id", "goal", "current", "progress", "expected", "status", "confidence", "forecast"}
KPI_KEYS = {"id", "current", "status"}
STATUSES = {"not_started", "closed", "no_data", "achieved", "on_track", "at_risk", "off_track"}
ARCHETYPES = {
    "service_provider",
    "brand_builder",
    "best_practice_advisor",
    "senior_counselor",
    "marketing_master",
    "growth_champion",
}


def approx(value: float) -> Any:
    return pytest.approx(value, abs=1e-6)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def is_share(value: Any) -> bool:
    return is_number(value) and -1e-6 <= value <= 1 + 1e-6


def is_share_or_null(value: Any) -> bool:
    return value is None or is_share(value)


def varied_model() -> dict[str, Any]:
    """Goals in two periods, a contribution, a draft, a range key result, check-ins and two KPIs."""
    return organization(
        periods=[period("p", 0, 100), period("next", 101, 200)],
        goals=[
            goal(
                "top",
                key_result("sales", baseline=10, target=30, measured={5: 12, 20: 16}, confidence={21: 7}),
                key_result("draft", target=None),
            ),
            goal("child", range_key_result("nps", low=30, high=50, measured={15: 40}), contributes_to=[to("top", 2)]),
            goal("later", key_result("later-kr"), period="next"),
        ],
        kpis=[
            kpi("churn", better="lower", green=2, red=5, measured={10: 3}),
            kpi("quiet", better="higher", green=1, red=0),
        ],
    )


# status


def test_status_json_has_exactly_as_of_goals_key_results_and_kpis(status: StatusAt) -> None:
    result = status(varied_model(), day(30)).data

    assert set(result) == {"as_of", "goals", "key_results", "kpis"}
    assert result["as_of"] == "2026-01-31"


def test_status_json_lists_every_goal_key_result_and_kpi_of_the_model(status: StatusAt) -> None:
    result = status(varied_model(), day(30)).data

    assert sorted(item["id"] for item in result["goals"]) == ["child", "later", "top"]
    assert sorted(item["id"] for item in result["key_results"]) == ["draft", "later-kr", "nps", "sales"]
    assert sorted(item["id"] for item in result["kpis"]) == ["churn", "quiet"]


def test_each_status_goal_has_exactly_the_spec_keys_and_types(status: StatusAt) -> None:
    for item in status(varied_model(), day(30)).data["goals"]:
        assert set(item) == GOAL_KEYS, item
        assert isinstance(item["id"], str)
        assert is_share_or_null(item["progress"]), item
        assert is_share(item["expected"]), item
        assert item["status"] in STATUSES, item


def test_each_status_key_result_has_exactly_the_spec_keys_and_types(status: StatusAt) -> None:
    for item in status(varied_model(), day(30)).data["key_results"]:
        assert set(item) == KEY_RESULT_KEYS, item
        assert item["goal"] in {"top", "child", "later"}
        assert item["current"] is None or is_number(item["current"]), item
        assert is_share_or_null(item["progress"]), item
        assert is_share(item["expected"]), item
        assert item["status"] in STATUSES, item
        assert item["confidence"] is None or is_number(item["confidence"]), item
        forecast = item["forecast"]
        assert forecast is None or (set(forecast) == {"value", "progress"} and is_number(forecast["value"])), item
        assert forecast is None or is_share_or_null(forecast["progress"]), item


def test_status_key_results_name_their_goal(status: StatusAt) -> None:
    result = status(varied_model(), day(30))

    assert result.key_result("sales")["goal"] == "top"
    assert result.key_result("draft")["goal"] == "top"
    assert result.key_result("nps")["goal"] == "child"
    assert result.key_result("later-kr")["goal"] == "later"


def test_status_json_values_for_a_varied_model(status: StatusAt) -> None:
    # As of day 30: sales 16 of 10..30 is 0.3; forecast slope 4/15 per day from day 20 gives
    # 16 + 80 * 4 / 15 at day 100; nps 40 is inside 30..50; top = (0.3 + 1 * 2) / 3.
    result = status(varied_model(), day(30))

    assert result.key_result("sales") == {
        "id": "sales",
        "goal": "top",
        "current": approx(16),
        "progress": approx(0.3),
        "expected": approx(0.3),
        "status": "on_track",
        "confidence": 7,
        "forecast": {"value": approx(16 + 80 * 4 / 15), "progress": approx(1)},
    }
    assert result.key_result("draft") == {
        "id": "draft",
        "goal": "top",
        "current": approx(0),
        "progress": None,
        "expected": approx(0.3),
        "status": "no_data",
        "confidence": None,
        "forecast": None,
    }
    assert result.key_result("nps") == {
        "id": "nps",
        "goal": "child",
        "current": approx(40),
        "progress": approx(1),
        "expected": approx(0.3),
        "status": "achieved",
        "confidence": None,
        "forecast": None,
    }
    assert result.goal("top") == {
        "id": "top",
        "progress": approx(2.3 / 3),
        "expected": approx(0.3),
        "status": "on_track",
        "closed": None,
    }
    assert result.goal("later") == {
        "id": "later",
        "progress": approx(0),
        "expected": approx(0),
        "status": "not_started",
        "closed": None,
    }
    assert result.kpi("churn") == {"id": "churn", "current": approx(3), "status": "yellow"}
    assert result.kpi("quiet") == {"id": "quiet", "current": None, "status": "no_data"}


def test_status_json_numbers_are_json_numbers_not_strings(lodestar: RunLodestar, load: Load) -> None:
    load(varied_model())
    text = lodestar("status", "--format", "json", "--as-of", "2026-01-31").out

    assert not re.search(r'"(current|progress|expected|value)":\s*"', text), text
    assert "NaN" not in text
    assert "Infinity" not in text


def test_status_json_without_as_of_is_as_of_today(lodestar: RunLodestar, load: Load) -> None:
    load(varied_model())
    result = json.loads(lodestar("status", "--format", "json").out)

    assert result["as_of"] == clock.today().isoformat()


def test_status_json_of_a_model_without_goals_has_empty_lists(status: StatusAt) -> None:
    assert status(organization(), day(30)).data == {"as_of": "2026-01-31", "goals": [], "key_results": [], "kpis": []}


# check


def test_check_json_has_as_of_and_findings_with_code_subject_and_message(check: CheckAt) -> None:
    document = organization(units=[unit("mkt", "department")], goals=[goal("g")])
    result = check(document, day(10))

    assert set(result) == {"as_of", "findings"}
    assert result["as_of"] == "2026-01-11"
    assert result["findings"], "this model has findings"
    for finding in result["findings"]:
        assert set(finding) == {"code", "subject", "message"}, finding
        assert re.fullmatch(r"LS0(0[1-9]|1[0-5])", finding["code"]), finding
        assert isinstance(finding["message"], str)
        assert finding["message"].strip(), finding


def test_check_json_without_findings_has_an_empty_list(check: CheckAt) -> None:
    assert check(organization(), day(10)) == {"as_of": "2026-01-11", "findings": []}


def test_check_json_without_as_of_is_as_of_today(lodestar: RunLodestar, load: Load) -> None:
    load(organization())
    run = lodestar("check", "--format", "json")

    assert json.loads(run.out)["as_of"] == clock.today().isoformat()


# roles


def test_roles_json_has_exactly_the_spec_keys_and_types(roles: RolesOf) -> None:
    document = organization(
        units=[unit("bu", "business_unit", parent="company")],
        role_profiles=[role_profile("ms"), role_profile("ms", toward="bu")],
    )
    result = roles(document)

    assert set(result) == {"role_profiles"}
    assert len(result["role_profiles"]) == 2
    for profile in result["role_profiles"]:
        assert set(profile) == {"unit", "toward", "as_is", "target"}, profile
        assert profile["unit"] == "ms"
        assert profile["toward"] in {None, "bu"}
        for side in ("as_is", "target"):
            assert set(profile[side]) == {"scores", "archetype"}, profile[side]
            assert set(profile[side]["scores"]) == {*DECISION_AREAS, "sales_alignment"}
            assert all(is_number(score) for score in profile[side]["scores"].values())
            assert all(0 <= score <= 4 for score in profile[side]["scores"].values())
            assert 0 <= profile[side]["scores"]["sales_alignment"] <= 3
            assert profile[side]["archetype"] in ARCHETYPES


def test_roles_json_toward_is_null_for_a_profile_for_all_business_units(roles: RolesOf) -> None:
    assert roles(organization(role_profiles=[role_profile("ms")]))["role_profiles"][0]["toward"] is None
