import pytest

from lodestar.accounts.models import AuditEntry
from tests.integration.accounts.cast import ApiAs

NEW_GOAL = {
    "id": "webinars",
    "title": "Run monthly webinars",
    "owner": "mkt",
    "period": "fy2026",
    "contributes_to": [{"goal": "more-leads", "weight": 1.5}, {"goal": "mkt-analytics"}],
}


def test_it_lists_goals_with_scores_and_versions(api_as: ApiAs) -> None:
    page = api_as("viewer").get("/goals", as_of="2026-07-01").json()
    assert page["count"] == 4
    first = page["items"][0]
    assert first["id"] == "more-leads"
    assert first["version"] == 1
    assert first["status"] in {"on_track", "at_risk", "off_track", "achieved"}
    assert first["key_results"] == ["web-mqls"]
    assert sorted(first["contributors"]) == ["mkt-analytics", "sales-pipeline"]


def test_it_paginates_goals(api_as: ApiAs) -> None:
    page = api_as("viewer").get("/goals", limit=2, offset=1).json()
    assert (page["count"], page["limit"], page["offset"]) == (4, 2, 1)
    assert [g["id"] for g in page["items"]] == ["mkt-analytics", "sales-pipeline"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"unit": "mkt"}, ["mkt-analytics", "ana-campaigns"]),
        ({"owner": "ana"}, ["ana-campaigns"]),
        ({"parent": "more-leads"}, ["mkt-analytics", "sales-pipeline"]),
        ({"top_level": "true"}, ["more-leads"]),
        ({"period": "fy2025"}, []),
    ],
)
def test_it_filters_goals(api_as: ApiAs, params: dict[str, object], expected: list[str]) -> None:
    page = api_as("viewer").get("/goals", **params).json()
    assert [g["id"] for g in page["items"]] == expected


@pytest.mark.parametrize(
    "params", [{"limit": "abc"}, {"limit": 0}, {"limit": 501}, {"offset": -1}, {"status": "great"}]
)
def test_it_refuses_bad_list_parameters(api_as: ApiAs, params: dict[str, object]) -> None:
    response = api_as("viewer").get("/goals", **params)
    assert response.status_code == 422
    assert response.json()["details"]


def test_it_returns_one_goal_with_key_results_measurements_and_check_ins(api_as: ApiAs) -> None:
    goal = api_as("viewer").get("/goals/more-leads", as_of="2026-07-01").json()
    kr = goal["key_results"][0]
    assert kr["id"] == "web-mqls"
    assert kr["current"] == 210
    assert kr["confidence"] == 6
    assert kr["measurements"] == [
        {"date": "2026-03-31", "value": 150, "version": 1},
        {"date": "2026-06-30", "value": 210, "version": 1},
    ]
    assert kr["forecast"]["value"] > 210


def test_an_unknown_goal_is_not_found(api_as: ApiAs) -> None:
    response = api_as("viewer").get("/goals/nope")
    assert response.status_code == 404
    assert response.json() == {"error": "no goal 'nope'", "details": []}


def test_it_creates_a_goal_aligned_to_two_parents(api_as: ApiAs) -> None:
    response = api_as("editor").post("/goals", NEW_GOAL)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["contributes_to"] == [{"goal": "more-leads", "weight": 1.5}, {"goal": "mkt-analytics", "weight": None}]
    assert body["version"] == 1
    listed = api_as("viewer").get("/goals", parent="mkt-analytics").json()["items"]
    assert "webinars" in [g["id"] for g in listed]


def test_it_creates_a_goal_with_key_results(api_as: ApiAs) -> None:
    document = {
        **NEW_GOAL,
        "key_results": [{"id": "webinar-signups", "title": "Sign-ups", "baseline": 0, "target": 500}],
    }
    response = api_as("editor").post("/goals", document)
    assert response.status_code == 201
    assert response.json()["key_results"][0]["id"] == "webinar-signups"


def test_invalid_goal_fields_are_reported_with_their_paths(api_as: ApiAs) -> None:
    document = {**NEW_GOAL, "owner": "nobody", "period": 2026, "contributes_to": [{"goal": "more-leads", "weight": -1}]}
    response = api_as("editor").post("/goals", document)
    assert response.status_code == 422
    paths = {d["path"] for d in response.json()["details"]}
    assert {"period", "contributes_to[0].weight"} <= paths


def test_an_unknown_owner_is_reported_as_the_import_would(api_as: ApiAs) -> None:
    response = api_as("editor").post("/goals", {**NEW_GOAL, "owner": "nobody"})
    assert response.status_code == 422
    assert response.json()["details"] == [{"path": "owner", "message": "unknown unit or person 'nobody'"}]


def test_an_unknown_key_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").post("/goals", {**NEW_GOAL, "titel": "typo"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "titel"


def test_a_duplicate_goal_id_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").post("/goals", {**NEW_GOAL, "id": "more-leads"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "id"


def test_a_cycle_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").patch(
        "/goals/more-leads", {"contributes_to": [{"goal": "ana-campaigns"}], "version": 1}
    )
    assert response.status_code == 422
    assert "cycle" in response.json()["details"][0]["message"]


def test_it_changes_a_goal_and_moves_its_version_on(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", {"title": "Measure all campaigns", "version": 1})
    assert response.status_code == 200, response.content
    assert response.json()["title"] == "Measure all campaigns"
    assert response.json()["version"] == 2


def test_a_stale_version_is_refused_with_409(api_as: ApiAs) -> None:
    assert api_as("editor").patch("/goals/mkt-analytics", {"title": "First", "version": 1}).status_code == 200
    response = api_as("admin").patch("/goals/mkt-analytics", {"title": "Second", "version": 1})
    assert response.status_code == 409
    assert "changed by someone else" in response.json()["error"]
    assert api_as("viewer").get("/goals/mkt-analytics").json()["title"] == "First"


def test_a_change_without_version_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", {"title": "No version"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "version"


def test_removing_a_required_field_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", {"title": None, "version": 1})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "title"


def test_the_id_cannot_be_changed(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/goals/mkt-analytics", {"id": "other", "version": 1})
    assert response.status_code == 422


def test_it_deletes_a_goal_nothing_contributes_to(api_as: ApiAs) -> None:
    assert api_as("editor").delete("/goals/ana-campaigns").status_code == 204
    assert api_as("viewer").get("/goals/ana-campaigns").status_code == 404
    assert api_as("viewer").get("/key-results/campaigns").status_code == 404


def test_it_refuses_to_delete_a_goal_others_contribute_to(api_as: ApiAs) -> None:
    response = api_as("editor").delete("/goals/mkt-analytics")
    assert response.status_code == 409
    assert "ana-campaigns" in response.json()["error"]


def test_every_change_is_written_to_the_audit_log(api_as: ApiAs) -> None:
    api_as("sam").patch("/goals/mkt-analytics", {"title": "Measure all campaigns", "version": 1})
    entry = AuditEntry.objects.get(action="goal.update")
    assert (entry.actor, entry.surface, entry.goal_id) == ("sam@example.com", "api", "mkt-analytics")
    assert entry.before is not None and entry.after is not None
    assert entry.before["title"] == "Measure every campaign"
    assert entry.after["title"] == "Measure all campaigns"


def test_an_aligning_change_is_logged_as_align(api_as: ApiAs) -> None:
    api_as("editor").patch("/goals/sales-pipeline", {"contributes_to": [], "version": 1})
    assert AuditEntry.objects.filter(action="goal.align", goal_id="sales-pipeline").exists()
