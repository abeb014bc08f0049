"""The served OpenAPI document: each operation's answer and errors, one Error schema, bodies and parameters
with the limits of lib/limits.py. (test_openapi_schemathesis.py checks the answers against it.)"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from lodestar.lib.limits import FIRST_DAY, LAST_DAY, MAX_LIMIT, MAX_OFFSET, NAME_MAX, TEXT_MAX, WEIGHT_MAX
from lodestar.lib.vocabulary import STATUSES
from tests.integration.accounts.cast import ApiAs

ERROR_REF = {"$ref": "#/components/schemas/Error"}


@pytest.fixture
def document(api_as: ApiAs) -> dict[str, Any]:
    served: dict[str, Any] = api_as("viewer").get("/openapi.json").json()
    return served


def operations(document: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [
        (f"{method.upper()} {path}", operation)
        for path, methods in document["paths"].items()
        for method, operation in methods.items()
    ]


def json_schema(response_or_body: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = response_or_body["content"]["application/json"]["schema"]
    return schema


def test_every_operation_documents_one_success_and_its_errors_in_the_error_schema(document: dict[str, Any]) -> None:
    undocumented = []
    for label, operation in operations(document):
        successes = [status for status in operation["responses"] if status.startswith("2")]
        errors = {status: answer for status, answer in operation["responses"].items() if status not in successes}
        every = {"401", "500", "503"} | ({"400", "413", "422"} if "requestBody" in operation else set())
        if len(successes) != 1 or not every <= set(errors):
            undocumented.append(label)
        undocumented += [f"{label} {status}" for status, answer in errors.items() if json_schema(answer) != ERROR_REF]
        if successes != ["204"] and "schema" not in operation["responses"][successes[0]].get("content", {}).get(
            "application/json", {}
        ):
            undocumented.append(f"{label} {successes[0]} has no schema")

    assert undocumented == []
    assert len(operations(document)) > 60


def test_a_delete_documents_its_204_and_no_200(document: dict[str, Any]) -> None:
    deletes = [operation for label, operation in operations(document) if label.startswith("DELETE")]

    assert deletes
    assert all("204" in d["responses"] and "200" not in d["responses"] for d in deletes)
    assert all("content" not in d["responses"]["204"] for d in deletes)


def test_an_error_answer_has_the_keys_of_the_error_schema(api_as: ApiAs, document: dict[str, Any]) -> None:
    error = document["components"]["schemas"]["Error"]
    detail = error["properties"]["details"]["items"]

    body = api_as("editor").post("/goals", {"id": "webinars"}).json()

    assert set(body) == set(error["required"]) == set(error["properties"])
    assert body["details"]
    assert all(set(item) == set(detail["required"]) for item in body["details"])


def test_a_link_without_a_weight_is_answered_and_documented_as_null(api_as: ApiAs, document: dict[str, Any]) -> None:
    """Found by schemathesis: a link written without a weight (it counts as 1) is answered with `weight: null`,
    which the document did not allow."""
    answered = api_as("viewer").get("/goals/sales-pipeline").json()["contributes_to"]
    goal = json_schema(document["paths"]["/api/v1/goals/{goal_id}"]["get"]["responses"]["200"])
    weight = goal["properties"]["contributes_to"]["items"]["properties"]["weight"]

    assert answered == [{"goal": "more-leads", "weight": None}]
    assert weight["type"] == ["number", "null"]
    assert weight["maximum"] == WEIGHT_MAX


def test_the_query_parameters_state_their_limits(document: dict[str, Any]) -> None:
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/v1/goals"]["get"]["parameters"]}

    assert parameters["as_of"]["format"] == "date"
    assert FIRST_DAY.isoformat() in parameters["as_of"]["description"]
    assert LAST_DAY.isoformat() in parameters["as_of"]["description"]
    assert parameters["status"]["enum"] == list(STATUSES)
    assert (parameters["limit"]["minimum"], parameters["limit"]["maximum"]) == (1, MAX_LIMIT)
    assert (parameters["offset"]["minimum"], parameters["offset"]["maximum"]) == (0, MAX_OFFSET)


def test_a_documented_date_admits_the_years_of_the_limits_and_no_other(document: dict[str, Any]) -> None:
    as_of = next(p for p in document["paths"]["/api/v1/status"]["get"]["parameters"] if p["name"] == "as_of")
    measurement = json_schema(
        document["paths"]["/api/v1/key-results/{key_result_id}/measurements"]["post"]["requestBody"]
    )
    pattern = as_of["schema"]["pattern"]
    inside = [FIRST_DAY, LAST_DAY, date(2026, 7, 1)]
    outside = [date(FIRST_DAY.year - 1, 12, 31), date(LAST_DAY.year + 1, 1, 1), date(1, 1, 1), date(9999, 12, 31)]

    assert measurement["properties"]["date"]["pattern"] == pattern
    assert [bool(re.match(pattern, day.isoformat())) for day in inside + outside] == [True] * 3 + [False] * 4


@pytest.mark.parametrize(
    ("path", "field", "key", "limit"),
    [
        ("/api/v1/tasks", "name", "maxLength", NAME_MAX),
        ("/api/v1/touchpoints", "channel", "maxLength", NAME_MAX),
        ("/api/v1/vision-answers", "answer", "maxLength", TEXT_MAX),
        ("/api/v1/role-profiles", "rationale", "maxLength", TEXT_MAX),
        ("/api/v1/role-profiles", "horizon", "maximum", LAST_DAY.year),
        ("/api/v1/dependencies", "now", "maximum", 5),
        ("/api/v1/mission", "statement", "maxLength", TEXT_MAX),
    ],
)
def test_the_design_bodies_state_their_limits(
    document: dict[str, Any], path: str, field: str, key: str, limit: int
) -> None:
    create = json_schema(document["paths"][path]["post"]["requestBody"])
    methods = document["paths"][path if path == "/api/v1/mission" else f"{path}/{{{_key(path)}}}"]
    change = json_schema(methods["patch"]["requestBody"])

    assert create["properties"][field][key] == limit
    assert change["properties"][field][key] == limit
    assert create["additionalProperties"] is False
    assert change["required"] == ["version"]


def _key(path: str) -> str:
    return "row" if path.endswith(("vision-answers", "role-profiles", "dependencies")) else "ident"
