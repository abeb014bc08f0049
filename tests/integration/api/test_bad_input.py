"""Every invalid input is answered with a 4xx and {"error", "details"}; never a 500."""

from typing import Any

import pytest
from pytest_django import Settings

from tests.integration.accounts.cast import ApiAs

MEASUREMENTS = "/key-results/tracked-share/measurements"
CHECK_INS = "/key-results/tracked-share/check-ins"


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("{", 400),
        ("", 400),
        ("[1, 2]", 400),
        ('"text"', 400),
        ("null", 400),
        ('{"date": "2026-06-30", "value": NaN}', 400),
        ('{"date": "2026-06-30", "value": Infinity}', 400),
        ('{"date": "2026-06-30", "value": 1e999}', 422),
        (b"\xff\xfe", 400),
        ("[" * 100_000, 400),
    ],
)
def test_malformed_bodies_are_refused(api_as: ApiAs, raw: str | bytes, status: int) -> None:
    response = api_as("editor").post(MEASUREMENTS, raw=raw)
    assert response.status_code == status, response.content
    assert set(response.json()) == {"error", "details"}


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"date": "2026-02-30", "value": 1}, "date"),
        ({"date": "30.06.2026", "value": 1}, "date"),
        ({"date": 20260630, "value": 1}, "date"),
        ({"date": "2026-06-30", "value": "12"}, "value"),
        ({"date": "2026-06-30", "value": True}, "value"),
        ({"date": "2026-06-30"}, "value"),
        ({"date": "2026-06-30", "value": 1, "extra": 1}, "extra"),
        ({"date": "2026-06-30", "value": 1, "source": ""}, "source"),
    ],
)
def test_wrong_measurement_fields_are_reported_with_their_path(api_as: ApiAs, body: dict[str, Any], path: str) -> None:
    response = api_as("editor").post(MEASUREMENTS, body)
    assert response.status_code == 422
    assert path in [d["path"] for d in response.json()["details"]]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({"date": "2026-07-01", "confidence": 11}, "confidence"),
        ({"date": "2026-07-01", "confidence": 7.5}, "confidence"),
        ({"date": "2026-07-01", "confidence": "7"}, "confidence"),
        ({"date": "2026-07-01", "confidence": 7, "by": "nobody"}, "by"),
        ({"date": "2026-07-32", "confidence": 7}, "date"),
        ({"confidence": 7, "value": "12"}, "value"),
        ({"confidence": 7, "value": 12, "source": "CRM"}, "source"),
        ({"confidence": 7, "replace": "yes"}, "replace"),
    ],
)
def test_wrong_check_in_fields_are_reported_with_their_path(api_as: ApiAs, body: dict[str, Any], path: str) -> None:
    response = api_as("editor").post(CHECK_INS, body)
    assert response.status_code == 422
    assert path in [d["path"] for d in response.json()["details"]]


def test_an_oversized_body_is_refused(api_as: ApiAs, settings: Settings) -> None:
    settings.API_MAX_BODY_BYTES = 1000
    response = api_as("editor").post(MEASUREMENTS, {"date": "2026-06-30", "value": 1, "source": "x" * 2000})
    assert response.status_code == 413
    assert response.json()["error"]


def test_a_body_over_djangos_own_limit_is_refused(api_as: ApiAs, settings: Settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    settings.API_MAX_BODY_BYTES = 10_000
    response = api_as("editor").post(MEASUREMENTS, {"date": "2026-06-30", "value": 1, "source": "x" * 500})
    assert response.status_code == 413


@pytest.mark.parametrize("version", ["1", 1.0, None, [1]])
def test_a_version_of_the_wrong_type_is_refused(api_as: ApiAs, version: object) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", {"title": "T", "version": version})
    assert response.status_code == 422


def test_a_patch_with_a_non_object_body_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", raw="[]")
    assert response.status_code == 400


def test_a_delete_with_a_non_numeric_version_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").client.delete(
        "/api/v1/goals/ana-campaigns?version=abc", headers=api_as("editor").headers
    )
    assert response.status_code == 422


def test_a_goal_with_a_huge_weight_string_is_refused(api_as: ApiAs) -> None:
    body = {
        "id": "x",
        "title": "X",
        "owner": "mkt",
        "period": "fy2026",
        "contributes_to": [{"goal": "more-leads", "weight": "9" * 5000}],
    }
    response = api_as("editor").post("/goals", body)
    assert response.status_code == 422
