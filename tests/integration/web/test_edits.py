from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import CheckIn, Goal, GoalContribution, KeyResult, Measurement
from tests.integration.accounts.cast import BrowserAs

GOAL_FORM = {
    "id": "webinars",
    "title": "Run monthly webinars",
    "owner": "mkt",
    "period": "fy2026",
    "parent-0": "more-leads",
    "weight-0": "1.5",
    "parent-1": "mkt-analytics",
    "weight-1": "",
}


def test_creating_a_goal_aligns_it_to_several_parents(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/goals/new", GOAL_FORM)
    assert response.status_code == 302
    assert response["Location"] == "/goals/webinars/"
    weights = dict(GoalContribution.objects.filter(goal_id="webinars").values_list("parent_id", "weight"))
    assert weights == {"more-leads": 1.5, "mkt-analytics": None}
    entry = AuditEntry.objects.get(action="goal.create")
    assert (entry.actor, entry.surface) == ("sam@example.com", "web")


def test_form_errors_appear_next_to_their_fields(browser_as: BrowserAs) -> None:
    form = {**GOAL_FORM, "id": "Bad Id", "title": "", "weight-0": "heavy"}
    response = browser_as("sam").post("/goals/new", form)
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="f-id-error"' in content
    assert 'id="f-title-error"' in content
    assert 'id="weight-0-error"' in content
    assert "expected a number, got the text &#x27;heavy&#x27;" in content
    assert 'value="Bad Id"' in content  # what was typed is kept


def test_the_goal_form_offers_a_member_only_owners_they_may_use(browser_as: BrowserAs) -> None:
    content = browser_as("ana").get("/goals/new").content.decode()
    assert '<option value="mkt"' in content
    assert '<option value="sales"' not in content


def test_editing_a_goal_realigns_it(browser_as: BrowserAs) -> None:
    form = {
        "title": "Measure every campaign",
        "owner": "mkt",
        "period": "fy2026",
        "version": "1",
        "parent-0": "sales-pipeline",
        "weight-0": "3",
    }
    response = browser_as("editor").post("/goals/mkt-analytics/edit", form)
    assert response.status_code == 302
    assert list(GoalContribution.objects.filter(goal_id="mkt-analytics").values_list("parent_id", "weight")) == [
        ("sales-pipeline", 3.0)
    ]
    before = AuditEntry.objects.get(action="goal.update").before
    assert before is not None
    assert before["contributes_to"] == [{"goal": "more-leads", "weight": 2}]


def test_the_second_of_two_concurrent_edits_is_refused_with_a_clear_message(browser_as: BrowserAs) -> None:
    form = {"title": "First", "owner": "mkt", "period": "fy2026", "version": "1"}
    assert browser_as("editor").post("/goals/mkt-analytics/edit", form).status_code == 302
    response = browser_as("sam").post("/goals/mkt-analytics/edit", {**form, "title": "Second"})
    assert response.status_code == 409
    assert b"changed by someone else" in response.content
    assert Goal.objects.get(id="mkt-analytics").title == "First"


def test_deleting_a_goal_asks_first(browser_as: BrowserAs) -> None:
    client = browser_as("editor")
    assert b"Delete the goal" in client.get("/goals/ana-campaigns/delete").content
    assert client.post("/goals/ana-campaigns/delete", {"version": "1"}).status_code == 302
    assert not Goal.objects.filter(id="ana-campaigns").exists()


def test_adding_and_editing_a_key_result(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    form = {"id": "dashboards", "title": "Dashboards live", "baseline": "0", "target": "4", "unit": "dashboards"}
    assert client.post("/goals/mkt-analytics/key-results/new", form).status_code == 302
    kr = KeyResult.objects.get(id="dashboards")
    assert (kr.baseline, kr.target, kr.unit) == (0, 4, "dashboards")
    edit = {"title": "Dashboards live", "baseline": "0", "target": "6", "version": "1"}
    assert client.post("/key-results/dashboards/edit", edit).status_code == 302
    assert KeyResult.objects.get(id="dashboards").target == 6


def test_key_result_rules_are_the_imports(browser_as: BrowserAs) -> None:
    form = {"id": "x", "title": "X", "baseline": "40", "target": "20", "direction": "increase"}
    response = browser_as("sam").post("/goals/mkt-analytics/key-results/new", form)
    assert response.status_code == 400
    assert b"increase contradicts baseline 40 and target 20" in response.content


def test_checking_in_with_a_value_inline_returns_the_updated_card(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(
        "/key-results/tracked-share/check-ins",
        {"date": "2026-06-30", "value": "55", "confidence": "7"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert content.startswith('<article class="panel kr')
    assert "Check-in recorded: 55 %, confidence 7/10." in content
    assert Measurement.objects.get(key_result_id="tracked-share").value == 55


def test_an_invalid_inline_check_in_shows_the_error_in_the_card(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post(
        "/key-results/tracked-share/check-ins",
        {"date": "2026-02-30", "value": "55", "confidence": "7"},
        headers={"HX-Request": "true"},
    )
    assert response["X-Lodestar-Invalid"] == "1"
    assert "2026-02-30 is not a date in the calendar" in response.content.decode()


def test_a_check_in_without_htmx_redirects_to_the_card(browser_as: BrowserAs) -> None:
    form = {"date": "2026-06-30", "value": "55", "confidence": "7"}
    response = browser_as("sam").post("/key-results/tracked-share/check-ins", form)
    assert response.status_code == 302
    assert response["Location"] == "/goals/mkt-analytics/#kr-tracked-share"


def test_a_check_in_at_low_confidence_needs_a_note(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    response = client.post("/key-results/tracked-share/check-ins", {"date": "2026-07-01", "confidence": "2"})
    assert response.status_code == 400
    assert b'id="c-note-err-tracked-share"' in response.content
    form = {"date": "2026-07-01", "confidence": "2", "note": "Vendor late"}
    assert client.post("/key-results/tracked-share/check-ins", form).status_code == 302
    check_in = CheckIn.objects.get(key_result_id="tracked-share")
    assert (check_in.confidence, check_in.by_id, check_in.note) == (2, "sam", "Vendor late")


def test_the_goal_page_shows_the_audit_history(browser_as: BrowserAs) -> None:
    browser_as("sam").post("/key-results/tracked-share/check-ins", {"value": "55", "confidence": "7"})
    content = browser_as("viewer").get("/goals/mkt-analytics/").content.decode()
    assert "sam@example.com" in content
    assert "checked in" in content
    assert "{'" not in content  # no document printed as a Python dict


def test_the_goal_history_says_each_changed_field_as_before_and_after(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    form = {"id": "dashboards", "title": "Dashboards live", "baseline": "0", "target": "4", "unit": "dashboards"}
    assert client.post("/goals/mkt-analytics/key-results/new", form).status_code == 302
    edit = {"title": "Dashboards live", "baseline": "0", "target": "6", "version": "1"}
    assert client.post("/key-results/dashboards/edit", edit).status_code == 302

    english = client.get("/goals/mkt-analytics/").content.decode()
    german = client.get("/goals/mkt-analytics/", headers={"Accept-Language": "de"}).content.decode()

    assert "changed a key result" in english
    assert "Target: 4 → 6" in english
    assert "added a key result" in english
    assert "Title: Dashboards live" in english
    assert "hat ein Schlüsselergebnis geändert" in german
    assert "Zielwert: 4 → 6" in german
