"""The scenarios API: list, read, create, change, delete (editors and admins), and compare as the CLI does."""

from __future__ import annotations

import json

from lodestar.accounts.models import AuditEntry
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import ApiAs

HUB = {"id": "hub", "name": "A hub", "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}]}


def test_an_editor_creates_reads_changes_and_deletes_a_scenario(api_as: ApiAs) -> None:
    editor = api_as("editor")

    created = editor.post("/scenarios", HUB)
    assert created.status_code == 201, created.content
    assert created.json() == {**HUB, "version": 1}
    assert editor.get("/scenarios").json()["items"] == [{**HUB, "version": 1}]

    changed = editor.send("put", "/scenarios/hub", {**HUB, "name": "The hub", "version": 1})
    assert changed.status_code == 200, changed.content
    assert changed.json()["name"] == "The hub"
    assert changed.json()["version"] == 2
    stale = editor.send("put", "/scenarios/hub", {**HUB, "version": 1})
    assert stale.status_code == 409

    assert editor.delete("/scenarios/hub").status_code == 204
    assert editor.get("/scenarios/hub").status_code == 404
    actions = list(AuditEntry.objects.filter(subject="scenario:hub").values_list("action", flat=True))
    assert sorted(actions) == ["scenario.create", "scenario.delete", "scenario.update"]


def test_a_scenario_that_would_break_the_model_is_refused_with_its_path(api_as: ApiAs) -> None:
    bad = {**HUB, "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "markting"}]}

    response = api_as("editor").post("/scenarios", bad)

    assert response.status_code == 422
    assert {"path": "units[0].parent", "message": "unknown unit 'markting'"} in response.json()["details"]
    assert api_as("editor").get("/scenarios").json()["items"] == []


def test_viewers_and_members_read_but_may_not_change_scenarios(api_as: ApiAs) -> None:
    assert api_as("editor").post("/scenarios", HUB).status_code == 201

    for name in ("viewer", "sam"):
        assert api_as(name).get("/scenarios/hub").status_code == 200
        assert api_as(name).post("/scenarios", {**HUB, "id": "other"}).status_code == 403
        assert api_as(name).delete("/scenarios/hub").status_code == 403


def test_the_comparison_is_exactly_the_json_of_the_compare_command(api_as: ApiAs) -> None:
    assert api_as("editor").post("/scenarios", HUB).status_code == 201
    assert api_as("editor").post("/scenarios", {**HUB, "id": "hub2"}).status_code == 201

    response = api_as("viewer").get("/scenarios/compare", ids="hub2,hub", as_of="2026-07-01")

    assert response.status_code == 200
    cli = run_lodestar("scenarios", "compare", "hub", "hub2", "--format", "json", "--as-of", "2026-07-01")
    assert response.json() == json.loads(cli.out)
    assert [column["id"] for column in response.json()["scenarios"]] == ["base", "hub", "hub2"]


def test_comparing_an_unknown_scenario_is_not_found(api_as: ApiAs) -> None:
    assert api_as("viewer").get("/scenarios/compare", ids="nope").status_code == 404
