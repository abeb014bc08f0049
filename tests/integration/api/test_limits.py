"""Issue 9, findings 2, 7 and 8 on the API: blank references, unstorable text, dates and sizes out of range
are refused with 422 and the path, and the stored model is byte-identical before and after."""

from datetime import timedelta
from typing import Any

import pytest

from lodestar.lib import clock
from lodestar.lib.limits import NAME_MAX, TEXT_MAX, WEIGHT_MAX
from lodestar.store.service import export_model
from tests.integration.accounts.cast import ApiAs

GOAL = {"id": "webinars", "title": "Run webinars", "owner": "mkt", "period": "fy2026"}
TOMORROW = (clock.today() + timedelta(days=1)).isoformat()


def refused(response: Any, path: str) -> list[str]:
    """The messages at `path` of a 422 in the API's error shape."""
    assert response.status_code == 422, response.content
    body = response.json()
    assert set(body) == {"error", "details"}
    messages = [detail["message"] for detail in body["details"] if detail["path"] == path]
    assert messages, body
    return messages


@pytest.mark.parametrize(
    ("change", "path", "message"),
    [
        pytest.param({"owner": ""}, "owner", "must not be empty", id="blank-owner"),
        pytest.param({"period": " "}, "period", "must not be empty", id="blank-period"),
        pytest.param(
            {"contributes_to": [{"goal": ""}]}, "contributes_to[0].goal", "must not be empty", id="blank-parent"
        ),
        pytest.param({"tasks": [""]}, "tasks[0]", "must not be empty", id="blank-task"),
        pytest.param({"title": "x" * (NAME_MAX + 1)}, "title", f"at most {NAME_MAX} characters", id="long-title"),
        pytest.param(
            {"description": "x" * (TEXT_MAX + 1)}, "description", f"at most {TEXT_MAX:,} characters", id="long-text"
        ),
        pytest.param({"title": "Run \ud800 webinars"}, "title", "lone surrogate", id="surrogate"),
        pytest.param({"title": "Run\x00webinars"}, "title", "NUL", id="nul"),
        pytest.param(
            {"contributes_to": [{"goal": "more-leads", "weight": 1e308}]},
            "contributes_to[0].weight",
            f"at most {WEIGHT_MAX:,}",
            id="huge-weight",
        ),
    ],
)
def test_creating_a_goal_with_a_bad_value_is_refused_with_its_path(
    api_as: ApiAs, change: dict[str, Any], path: str, message: str
) -> None:
    before = export_model()

    messages = refused(api_as("editor").post("/goals", {**GOAL, **change}), path)

    assert any(message in text for text in messages), messages
    assert export_model() == before


def test_a_patch_with_a_blank_parent_goal_keeps_the_alignment(api_as: ApiAs) -> None:
    before = export_model()

    response = api_as("editor").patch("/goals/mkt-analytics", {"contributes_to": [{"goal": ""}], "version": 1})

    assert refused(response, "contributes_to[0].goal")
    assert export_model() == before


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        pytest.param({"date": "0001-01-01", "value": 1}, "date", "out of range", id="year-one"),
        pytest.param({"date": "9999-12-31", "value": 1}, "date", "out of range", id="year-9999"),
        pytest.param({"date": TOMORROW, "value": 1}, "date", "after today", id="tomorrow"),
        pytest.param({"date": "2026-06-30", "value": 1, "source": "a\x00b"}, "source", "NUL", id="nul-source"),
        pytest.param({"date": "2026-06-30", "value": 1, "source": "\udfff"}, "source", "surrogate", id="surrogate"),
    ],
)
def test_a_measurement_out_of_range_is_refused(api_as: ApiAs, body: dict[str, Any], path: str, message: str) -> None:
    before = export_model()

    messages = refused(api_as("editor").post("/key-results/tracked-share/measurements", body), path)

    assert any(message in text for text in messages), messages
    assert export_model() == before


@pytest.mark.parametrize(
    ("body", "path", "message"),
    [
        pytest.param({"date": TOMORROW, "confidence": 7}, "date", "after today", id="tomorrow"),
        pytest.param({"date": "1899-12-31", "confidence": 7}, "date", "out of range", id="before-1900"),
        pytest.param({"date": "2026-07-01", "confidence": 7, "by": ""}, "by", "must not be empty", id="blank-by"),
        pytest.param(
            {"date": "2026-07-01", "confidence": 7, "note": "x" * (TEXT_MAX + 1)}, "note", "too long", id="long-note"
        ),
    ],
)
def test_a_check_in_out_of_range_is_refused(api_as: ApiAs, body: dict[str, Any], path: str, message: str) -> None:
    before = export_model()

    messages = refused(api_as("editor").post("/key-results/tracked-share/check-ins", body), path)

    assert any(message in text for text in messages), messages
    assert export_model() == before


@pytest.mark.parametrize("as_of", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_an_as_of_out_of_range_is_refused(api_as: ApiAs, as_of: str) -> None:
    response = api_as("editor").get("/goals", as_of=as_of)

    assert response.status_code == 422, response.content
    assert response.json()["details"][0]["path"] == "as_of"


def test_the_openapi_states_the_limits(api_as: ApiAs) -> None:
    schema = api_as("editor").get("/openapi.json").json()
    bodies = [
        operation["requestBody"]["content"]["application/json"]["schema"]
        for path in schema["paths"].values()
        for operation in path.values()
        if "requestBody" in operation
    ]
    goal = next(body for body in bodies if body.get("required") == ["id", "title", "owner", "period"])

    assert goal["properties"]["title"]["maxLength"] == NAME_MAX
    assert goal["properties"]["description"]["maxLength"] == TEXT_MAX
    assert goal["properties"]["owner"]["minLength"] == 1
    weight = goal["properties"]["contributes_to"]["items"]["properties"]["weight"]
    assert weight["maximum"] == WEIGHT_MAX


def test_a_new_goal_with_a_measurement_dated_tomorrow_is_refused(api_as: ApiAs) -> None:
    before = export_model()
    key_result = {"id": "webinars-held", "title": "Webinars held", "baseline": 0, "target": 12}
    body = {**GOAL, "key_results": [{**key_result, "measurements": [{"date": TOMORROW, "value": 1}]}]}

    response = api_as("editor").post("/goals", body)

    assert any("after today" in text for text in refused(response, "key_results[0].measurements[0].date"))
    assert export_model() == before
