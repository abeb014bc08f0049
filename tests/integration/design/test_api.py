"""The design API: roles as the command prints them, CRUD with the goal API's error and permission rules."""

from __future__ import annotations

import json
from typing import Any

import pytest

from lodestar.accounts.models import AuditEntry
from lodestar.store.load import load_model
from tests.conftest import RunLodestar
from tests.integration.accounts.cast import ApiAs, import_document
from tests.integration.design.conftest import rows

NEW: dict[str, dict[str, Any]] = {
    "tasks": {"id": "crm", "name": "CRM care", "change": "new", "delivery": "central", "responsible": ["sales"]},
    "competencies": {"id": "pricing", "name": "Pricing", "required": {"sales": 2}},
    "touchpoints": {"id": "webinar", "name": "Webinar", "stage": "consideration", "channel": "web", "owner": "mkt"},
    "dependencies": {"from": "sales", "to": "it", "about": "CRM", "kind": "data", "now": 1, "target": 2},
    "vision-answers": {"question": "goals", "status": "draft", "answer": "Leads and pipeline."},
    "role-profiles": {
        "unit": "sales",
        "as_is": {"decision_rights": {}, "sales_alignment": "defined"},
        "target": {"decision_rights": {"channels": "lead"}, "sales_alignment": "aligned"},
    },
}
EXISTING = {
    "tasks": "web-analytics",
    "competencies": "negotiation",
    "touchpoints": "trade-fair",
    "dependencies": "{dependency1}",
    "vision-answers": "{answer2}",
    "role-profiles": "{profile1}",
}
CHANGE: dict[str, dict[str, object]] = {
    "tasks": {"name": "Analytics"},
    "competencies": {"name": "Negotiating"},
    "touchpoints": {"channel": "fair"},
    "dependencies": {"target": 5},
    "vision-answers": {"status": "agreed"},
    "role-profiles": {"horizon": 2030},
}


def test_roles_are_exactly_what_the_command_prints(api_as: ApiAs, lodestar: RunLodestar) -> None:
    printed = lodestar("roles", "--format", "json")
    assert printed.code == 0
    response = api_as("viewer").get("/roles")
    assert response.status_code == 200
    assert response.json() == json.loads(printed.out)
    assert response.json()["role_profiles"][0]["target"]["archetype"]


@pytest.mark.parametrize("name", sorted(NEW))
def test_every_collection_is_listed_and_read_with_a_version(api_as: ApiAs, name: str) -> None:
    api = api_as("viewer")
    listed = api.get(f"/{name}")
    assert listed.status_code == 200
    assert listed.json()["items"]
    one = api.get(f"/{name}/{EXISTING[name].format(**rows())}")
    assert one.status_code == 200
    assert one.json()["version"] in {item["version"] for item in listed.json()["items"]}


@pytest.mark.parametrize("name", sorted(NEW))
def test_an_editor_creates_changes_and_deletes(api_as: ApiAs, name: str) -> None:
    api = api_as("editor")
    created = api.post(f"/{name}", NEW[name])
    assert created.status_code == 201, created.json()
    key = created.json().get("id")
    changed = api.patch(f"/{name}/{key}", {**CHANGE[name], "version": created.json()["version"]})
    assert changed.status_code == 200, changed.json()
    field, value = next(iter(CHANGE[name].items()))
    assert changed.json()[field] == value
    stale = api.patch(f"/{name}/{key}", {**CHANGE[name], "version": created.json()["version"]})
    assert stale.status_code == 409
    assert api.delete(f"/{name}/{key}").status_code == 204
    assert api.get(f"/{name}/{key}").status_code == 404
    assert AuditEntry.objects.filter(action__endswith=".delete", actor="editor@example.com").count() == 1


@pytest.mark.parametrize("name", sorted(NEW))
@pytest.mark.parametrize("user", ["sam", "kim", "viewer", "unlinked"])
def test_members_and_viewers_may_not_write(api_as: ApiAs, name: str, user: str) -> None:
    api = api_as(user)
    assert api.post(f"/{name}", NEW[name]).status_code == 403
    assert api.patch(f"/{name}/{EXISTING[name].format(**rows())}", {**CHANGE[name], "version": "x"}).status_code == 403
    response = api.delete(f"/{name}/{EXISTING[name].format(**rows())}")
    assert response.status_code == 403
    assert set(response.json()) == {"error", "details"}


@pytest.mark.parametrize("name", sorted(NEW))
def test_anonymous_callers_are_unauthorized(api_as: ApiAs, name: str) -> None:
    api = api_as(None)
    assert api.get(f"/{name}").status_code == 401
    assert api.post(f"/{name}", NEW[name]).status_code == 401
    assert api.delete(f"/{name}/{EXISTING[name].format(**rows())}").status_code == 401


@pytest.mark.parametrize("user", ["admin", "editor"])
def test_admins_and_editors_may_write(api_as: ApiAs, user: str) -> None:
    assert api_as(user).post("/tasks", NEW["tasks"]).status_code == 201


BAD_BODIES: list[object] = [
    None,
    [],
    "text",
    3,
    {"id": 5},
    {"id": "x" * 300},
    {"unknown": True},
    {"name": ["list"]},
    {"id": "a", "name": "A", "change": None, "delivery": {}},
    {"required": "all"},
    {"now": 1e400},
]


@pytest.mark.parametrize("name", sorted(NEW))
@pytest.mark.parametrize("body", BAD_BODIES, ids=range(len(BAD_BODIES)))
def test_bad_input_is_a_4xx_with_details_never_a_500(api_as: ApiAs, name: str, body: object) -> None:
    api = api_as("editor")
    for response in (
        api.post(f"/{name}", body),
        api.patch(f"/{name}/{EXISTING[name].format(**rows())}", body),
        api.patch(
            f"/{name}/{EXISTING[name].format(**rows())}", {"version": 3, **(body if isinstance(body, dict) else {})}
        ),
    ):
        assert 400 <= response.status_code < 500, response.content[:300]
        assert set(response.json()) == {"error", "details"}


@pytest.mark.parametrize("raw", [b"{", b"\xff\xfe", b"[1]", b'{"a": NaN}'])
def test_unreadable_bodies_are_400(api_as: ApiAs, raw: bytes) -> None:
    assert api_as("editor").post("/tasks", raw=raw).status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/tasks/nope",
        "/dependencies/999",
        "/dependencies/x",
        "/vision-answers/0",
        "/role-profiles/-1",
        "/competencies/nope",
        "/touchpoints/nope",
    ],
)
def test_unknown_entities_are_4xx(api_as: ApiAs, path: str) -> None:
    response = api_as("viewer").get(path)
    assert response.status_code in (404, 422)
    assert set(response.json()) == {"error", "details"}


def test_a_patch_without_version_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/tasks/web-analytics", {"name": "X"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "version"


def test_the_mission_is_read_changed_with_history_deleted_and_written_again(api_as: ApiAs) -> None:
    api = api_as("editor")
    mission = api.get("/mission").json()
    assert mission["scope"] == "ms"
    changed = api.patch("/mission", {"statement": "Easy choices.", "version": mission["version"]})
    assert changed.status_code == 200
    history = api.get("/mission/revisions").json()["items"]
    assert [h["recorded_by"] for h in history] == ["editor@example.com", "command line"]
    assert api.post("/mission", {"statement": "Two", "scope": "ms"}).status_code == 409
    assert api.delete("/mission").status_code == 204
    assert api.get("/mission").status_code == 404
    assert api.post("/mission", {"statement": "Back", "scope": "ms"}).status_code == 201
    assert api_as("viewer").patch("/mission", {"statement": "x", "version": "x"}).status_code == 403


def test_people_s_levels_are_read_set_and_removed(api_as: ApiAs) -> None:
    api = api_as("editor")
    assert api.get("/people/sam/competencies").json() == {"person": "sam", "competencies": {"web-analytics": 2}}
    assert api.send("put", "/people/sam/competencies/negotiation", {"level": 5}).json()["level"] == 5
    assert api.get("/people/sam/competencies/negotiation").json()["level"] == 5
    assert api.send("put", "/people/sam/competencies/negotiation", {"level": "high"}).status_code == 422
    assert api.send("put", "/people/sam/competencies/nope", {"level": 1}).status_code == 422
    assert api.send("put", "/people/nobody/competencies/negotiation", {"level": 1}).status_code == 404
    assert api_as("kim").send("put", "/people/sam/competencies/negotiation", {"level": 1}).status_code == 403
    assert api.delete("/people/sam/competencies/negotiation").status_code == 204
    assert "negotiation" not in next(p for p in load_model().people if p.id == "sam").competencies


def test_a_task_goals_list_cannot_be_deleted_through_the_api(api_as: ApiAs, org: dict[str, Any]) -> None:
    document = {**org, "goals": [dict(org["goals"][0], tasks=["field-visits"]), *org["goals"][1:]]}
    import_document(document)
    response = api_as("editor").delete("/tasks/field-visits")
    assert response.status_code == 409
    assert "more-leads" in response.json()["error"]
