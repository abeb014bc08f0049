from lodestar.accounts.models import AuditEntry
from tests.integration.accounts.cast import ApiAs


def test_it_lists_key_results_of_a_goal(api_as: ApiAs) -> None:
    page = api_as("viewer").get("/key-results", goal="more-leads").json()
    assert [kr["id"] for kr in page["items"]] == ["web-mqls"]


def test_it_adds_a_key_result_to_a_goal(api_as: ApiAs) -> None:
    body = {"goal": "mkt-analytics", "id": "dashboards", "title": "Dashboards live", "baseline": 0, "target": 4}
    response = api_as("sam").post("/key-results", body)
    assert response.status_code == 201, response.content
    assert response.json()["goal"] == "mkt-analytics"
    assert response.json()["version"] == 1


def test_a_key_result_needs_its_goal(api_as: ApiAs) -> None:
    response = api_as("editor").post("/key-results", {"id": "x", "title": "X"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "goal"


def test_a_key_result_id_must_be_unique_across_goals(api_as: ApiAs) -> None:
    response = api_as("editor").post("/key-results", {"goal": "mkt-analytics", "id": "web-mqls", "title": "Again"})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "id"


def test_a_contradicting_direction_is_reported_as_the_import_would(api_as: ApiAs) -> None:
    body = {"goal": "mkt-analytics", "id": "x", "title": "X", "baseline": 40, "target": 20, "direction": "increase"}
    response = api_as("editor").post("/key-results", body)
    assert response.status_code == 422
    assert response.json()["details"] == [
        {"path": "direction", "message": "increase contradicts baseline 40 and target 20"}
    ]


def test_it_changes_a_key_result_with_its_version(api_as: ApiAs) -> None:
    response = api_as("editor").patch("/key-results/tracked-share", {"target": 95, "version": 1})
    assert response.status_code == 200
    assert (response.json()["target"], response.json()["version"]) == (95, 2)
    stale = api_as("editor").patch("/key-results/tracked-share", {"target": 99, "version": 1})
    assert stale.status_code == 409


def test_it_deletes_a_key_result(api_as: ApiAs) -> None:
    assert api_as("editor").delete("/key-results/tracked-share").status_code == 204
    assert api_as("viewer").get("/key-results/tracked-share").status_code == 404


def test_it_records_a_measurement(api_as: ApiAs) -> None:
    response = api_as("sam").post("/key-results/tracked-share/measurements", {"date": "2026-06-30", "value": 45.5})
    assert response.status_code == 201
    assert response.json() == {"date": "2026-06-30", "value": 45.5, "version": 1}
    kr = api_as("viewer").get("/key-results/tracked-share", as_of="2026-07-01").json()
    assert kr["current"] == 45.5
    entry = AuditEntry.objects.get(action="measurement.record")
    assert entry.after == {"date": "2026-06-30", "value": 45.5}


def test_a_second_measurement_on_a_date_is_refused(api_as: ApiAs) -> None:
    response = api_as("editor").post("/key-results/web-mqls/measurements", {"date": "2026-06-30", "value": 1})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "date"


def test_it_records_a_check_in_by_the_users_person(api_as: ApiAs) -> None:
    response = api_as("sam").post("/key-results/tracked-share/check-ins", {"date": "2026-07-01", "confidence": 7})
    assert response.status_code == 201
    assert response.json() == {"date": "2026-07-01", "by": "sam", "confidence": 7}


def test_a_low_confidence_check_in_needs_a_note(api_as: ApiAs) -> None:
    response = api_as("sam").post("/key-results/tracked-share/check-ins", {"date": "2026-07-01", "confidence": 3})
    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "note"
    with_note = {"date": "2026-07-01", "confidence": 3, "note": "Tracking vendor late."}
    assert api_as("sam").post("/key-results/tracked-share/check-ins", with_note).status_code == 201


def test_an_unknown_key_result_is_not_found(api_as: ApiAs) -> None:
    response = api_as("editor").post("/key-results/nope/measurements", {"date": "2026-06-30", "value": 1})
    assert response.status_code == 404
