"""A goal and its key results in one form, ids proposed from the titles, and the parent picker's search."""

import re

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import Goal, KeyResult
from tests.integration.accounts.cast import BrowserAs

NEW_GOAL = {
    "title": "Qualifizierte Leads über das Web",
    "owner": "mkt",
    "period": "fy2026",
    "parent-0": "more-leads",
    "kr-0-title": "Leads pro Monat",
    "kr-0-unit": "leads",
    "kr-0-baseline": "10",
    "kr-0-target": "40",
    "kr-0-owner": "ana",
    "kr-1-title": "Landing page live",
    "kr-1-milestone": "1",
    "kr-2-title": "",
}


def _options(content: str) -> list[str]:
    return re.findall(r'<option value="([^"]*)" label=', content)


def test_a_goal_and_its_key_results_are_created_in_one_form_with_ids_from_their_titles(
    browser_as: BrowserAs,
) -> None:
    response = browser_as("sam").post("/goals/new", NEW_GOAL)
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == "/goals/qualifizierte-leads-ueber-das-web/"
    rows = KeyResult.objects.filter(goal_id="qualifizierte-leads-ueber-das-web").order_by("ordinal")
    assert [(kr.id, kr.unit, kr.baseline, kr.target, kr.owner_id) for kr in rows] == [
        ("leads-pro-monat", "leads", 10, 40, "ana"),
        ("landing-page-live", None, None, None, None),
    ]
    milestone = rows[1]
    assert (milestone.direction, milestone.range_low, milestone.range_high) == ("range", 1, 1)
    entry = AuditEntry.objects.get(action="goal.create")
    assert entry.after is not None
    assert entry.after["key_results"] == ["leads-pro-monat", "landing-page-live"]
    assert entry.after["contributes_to"] == [{"goal": "more-leads", "proposed": True}]  # Sam may not edit it


def test_ids_left_empty_are_proposed_free_among_goals_key_results_and_the_other_rows(browser_as: BrowserAs) -> None:
    form = {
        "title": "More leads",
        "owner": "mkt",
        "period": "fy2026",
        "kr-0-title": "Campaigns",
        "kr-0-baseline": "0",
        "kr-0-target": "5",
        "kr-1-title": "Campaigns",
        "kr-1-baseline": "0",
        "kr-1-target": "8",
        "kr-2-title": "Webinars",
        "kr-2-id": "campaigns-3",
        "kr-2-baseline": "0",
        "kr-2-target": "4",
    }
    assert browser_as("sam").post("/goals/new", form)["Location"] == "/goals/more-leads-2/"
    ids = list(KeyResult.objects.filter(goal_id="more-leads-2").order_by("ordinal").values_list("id", flat=True))
    assert ids == ["campaigns-2", "campaigns-4", "campaigns-3"]


def test_a_taken_id_is_refused_next_to_its_field_and_nothing_is_created(browser_as: BrowserAs) -> None:
    form = {**NEW_GOAL, "id": "more-leads", "kr-1-id": "web-mqls"}
    response = browser_as("sam").post("/goals/new", form)
    assert response.status_code == 400
    content = response.content.decode()
    assert '<p class="field-error" id="f-id-error">a goal &#x27;more-leads&#x27; exists already</p>' in content
    assert '<p class="field-error" id="kr-1-id-error">a key result &#x27;web-mqls&#x27; exists already</p>' in content
    assert Goal.objects.count() == 4 and not KeyResult.objects.filter(id="leads-pro-monat").exists()


def test_two_rows_with_the_same_id_are_refused_at_the_second(browser_as: BrowserAs) -> None:
    form = {**NEW_GOAL, "kr-0-id": "same", "kr-1-id": "same"}
    response = browser_as("sam").post("/goals/new", form)
    assert response.status_code == 400
    assert 'id="kr-1-id-error">duplicate key result id &#x27;same&#x27;' in response.content.decode()


def test_a_refused_form_shows_everything_typed_again_with_each_error_next_to_its_field(browser_as: BrowserAs) -> None:
    form = {
        **NEW_GOAL,
        "owner": "",
        "description": "Why it matters",
        "weight-0": "2",
        "kr-0-target": "lots",
        "kr-1-title": "",
        "kr-2-title": "Third, typed after an empty row",
        "kr-2-baseline": "5",
        "kr-2-target": "5",
    }
    form.pop("kr-1-milestone")
    response = browser_as("sam").post("/goals/new", form)
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="f-owner-error"' in content
    assert 'value="Qualifizierte Leads über das Web"' in content and "Why it matters</textarea>" in content
    assert (
        'name="parent-0" value="more-leads"' in content and 'name="weight-0" inputmode="decimal" value="2"' in content
    )
    assert 'name="kr-0-target" inputmode="decimal" value="lots"' in content
    assert (
        '<p class="field-error" id="kr-0-target-error">expected a number, got the text &#x27;lots&#x27;</p>' in content
    )
    # The empty row is left out, so the third row comes back as the second, with its own error.
    assert 'name="kr-1-title" value="Third, typed after an empty row"' in content
    assert 'id="kr-1-target-error">equals the baseline 5: a key result must move</p>' in content
    assert 'name="kr-2-title" value=""' in content  # an empty row to go on with
    assert Goal.objects.count() == 4


def test_a_refused_milestone_row_stays_a_milestone(browser_as: BrowserAs) -> None:
    response = browser_as("sam").post("/goals/new", {**NEW_GOAL, "title": ""})
    assert response.status_code == 400
    assert 'name="kr-1-milestone" value="1" checked' in response.content.decode()


def test_add_another_key_result_without_javascript_shows_the_form_with_one_more_row(browser_as: BrowserAs) -> None:
    form = {**NEW_GOAL, "add_row": "1"}
    response = browser_as("sam").post("/goals/new", form)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="kr-1-title" value="Landing page live"' in content
    assert 'name="kr-3-title"' in content and 'name="kr-4-title"' not in content
    assert not Goal.objects.filter(title=NEW_GOAL["title"]).exists()


def test_the_new_goal_form_starts_with_three_empty_key_result_rows_and_a_row_template(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/goals/new").content.decode()
    assert 'name="kr-2-title"' in content and 'name="kr-3-title"' not in content
    assert 'name="kr-__N__-title"' in content  # the <template> that "Add another key result" copies
    assert "Milestone (done / not done)" in content


def test_a_member_creates_a_goal_with_key_results_only_for_owners_they_may_edit(browser_as: BrowserAs) -> None:
    response = browser_as("ana").post("/goals/new", {**NEW_GOAL, "owner": "sales"})
    assert response.status_code == 403
    assert not Goal.objects.filter(title=NEW_GOAL["title"]).exists()
    assert not KeyResult.objects.filter(id="leads-pro-monat").exists()
    assert browser_as("ana").post("/goals/new", NEW_GOAL).status_code == 302
    assert browser_as("viewer").post("/goals/new", NEW_GOAL).status_code == 403


def test_the_id_proposal_follows_the_title_and_skips_taken_ids(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    answer = client.get("/goals/id-proposal", {"for": "goal", "title": "Qualifizierte Leads über das Web"})
    assert answer.json() == {"id": "qualifizierte-leads-ueber-das-web"}
    assert client.get("/goals/id-proposal", {"for": "goal", "title": "More leads"}).json() == {"id": "more-leads-2"}
    taken = {"for": "key_result", "title": "Campaigns", "taken": ["campaigns-2", "campaigns-3"]}
    assert client.get("/goals/id-proposal", taken).json() == {"id": "campaigns-4"}
    assert client.get("/goals/id-proposal", {"for": "unit", "title": "X"}).status_code == 400


def test_a_key_result_without_an_id_gets_one_from_its_title_and_may_be_a_milestone(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    form = {"title": "Tracking plan signed off", "milestone": "1", "baseline": "3", "unit": "plans"}
    assert client.post("/goals/mkt-analytics/key-results/new", form).status_code == 302
    kr = KeyResult.objects.get(id="tracking-plan-signed-off")
    assert (kr.direction, kr.range_low, kr.range_high, kr.baseline, kr.unit) == ("range", 1, 1, None, None)
    edit_form = client.get("/key-results/tracking-plan-signed-off/edit").content.decode()
    assert 'name="milestone" value="1" checked' in edit_form


def test_a_milestone_is_checked_in_as_done_or_not_done(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    client.post("/goals/mkt-analytics/key-results/new", {"title": "Tracking plan signed off", "milestone": "1"})
    page = client.get("/goals/mkt-analytics/?as_of=2026-07-01").content.decode()
    assert '<option value="1">Done</option><option value="0">Not done</option>' in page
    assert '<dt>Milestone</dt><dd class="current">Not done</dd>' in page
    response = client.post(
        "/key-results/tracking-plan-signed-off/check-ins",
        {"date": "2026-06-30", "value": "1", "confidence": "8"},
        headers={"HX-Request": "true"},
    )
    content = response.content.decode()
    assert "Check-in recorded: done, confidence 8/10." in content
    assert '<dt>Milestone</dt><dd class="current">Done</dd>' in content
    assert '<span class="pct">100 %</span>' in content


def test_the_parent_picker_offers_the_owners_unit_and_the_units_above_it_first(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    found = client.get("/goals/parent-options", {"owner": "sales", "period": "fy2026"}).content.decode()
    assert _options(found) == ["sales-pipeline", "more-leads", "mkt-analytics", "ana-campaigns"]
    found = client.get("/goals/parent-options", {"owner": "ana", "period": "fy2026"}).content.decode()
    assert _options(found) == ["mkt-analytics", "more-leads", "sales-pipeline", "ana-campaigns"]
    assert 'label="Measure every campaign · Marketing · fy2026"' in found


def test_the_parent_picker_searches_what_is_typed_into_a_parent_field(browser_as: BrowserAs) -> None:
    client = browser_as("sam")
    found = client.get("/goals/parent-options", {"parent-1": "CAMPAIGN", "owner": "mkt", "period": "fy2026"})
    assert _options(found.content.decode()) == ["mkt-analytics", "ana-campaigns"]
    edited = client.get("/goals/parent-options", {"q": "campaign", "exclude": "mkt-analytics"}).content.decode()
    assert _options(edited) == ["ana-campaigns"]


def test_the_goal_form_lists_only_the_likeliest_parents_however_many_goals_there_are(browser_as: BrowserAs) -> None:
    client = browser_as("editor")
    for n in range(25):
        form = {"title": f"Filler goal {n}", "owner": "it", "period": "fy2026"}
        assert client.post("/goals/new", form).status_code == 302
    content = client.get("/goals/new?owner=mkt").content.decode()
    datalist = content[content.index('<datalist id="parent-goals">') : content.index("</datalist>")]
    assert _options(datalist)[:2] == ["mkt-analytics", "more-leads"]
    assert len(_options(datalist)) == 20


def test_the_edit_form_shows_each_parents_title_and_leaves_the_goal_itself_out(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/goals/mkt-analytics/edit").content.decode()
    assert (
        'id="parent-0-title" data-goal="more-leads">More qualified leads from the web · Marketing &amp; Sales · fy2026</p>'
        in content
    )
    assert "?exclude=mkt-analytics" in content
    datalist = content[content.index('<datalist id="parent-goals">') : content.index("</datalist>")]
    assert "mkt-analytics" not in _options(datalist)
