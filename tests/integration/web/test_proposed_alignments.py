"""Proposed links on the web: the goal form proposes, both goal pages show it, the parent's owners accept or decline.

Sam (Marketing) may not edit `sales-pipeline`; Kim (Sales) may.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import GoalContribution
from tests.integration.accounts.cast import BrowserAs, Cast

AS_OF = "2026-07-01"
FORM = {
    "id": "sam-push",
    "title": "Push the pipeline from marketing",
    "owner": "mkt",
    "period": "fy2026",
    "parent-0": "sales-pipeline",
    "weight-0": "1000",
}


def links(goal_id: str) -> list[tuple[str, float | None, bool]]:
    rows = GoalContribution.objects.filter(goal_id=goal_id).order_by("ordinal")
    return list(rows.values_list("parent_id", "weight", "proposed"))


def propose(browser_as: BrowserAs) -> None:
    """Kim records half of Sales' key result; Sam proposes his goal (a key result at 0 %) to it."""
    measured = browser_as("kim").post(
        "/key-results/accepted-leads/check-ins", {"date": "2026-06-30", "value": "35", "confidence": "8"}
    )
    assert measured.status_code == 302
    response = browser_as("sam").post("/goals/new", FORM)
    assert response.status_code == 302, response.content.decode()
    key_result = {"id": "push-kr", "title": "Pushed", "baseline": "0", "target": "10"}
    assert browser_as("sam").post("/goals/sam-push/key-results/new", key_result).status_code == 302


def progress_text(client: Client, goal_id: str) -> str:
    """The goal page's summary line: `Progress 33%, expected 50% by 1 Jul 2026.`"""
    content = client.get(f"/goals/{goal_id}/", {"as_of": AS_OF}).content.decode()
    found = re.search(r"Progress [^<]*? by [^<]*?\.", content)
    assert found, content
    return found.group(0)


def test_the_goal_form_proposes_a_members_link_to_a_goal_they_may_not_edit(browser_as: BrowserAs) -> None:
    propose(browser_as)

    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]
    assert progress_text(browser_as("viewer"), "sales-pipeline") == "Progress 33 %, expected 50 % by 1 Jul 2026."


def test_the_goal_form_says_that_such_a_link_is_proposed(browser_as: BrowserAs) -> None:
    content = browser_as("sam").get("/goals/new").content.decode()

    assert "proposed to its owners" in content


def test_the_contributing_goals_page_says_the_link_waits_for_the_parents_owner(browser_as: BrowserAs) -> None:
    propose(browser_as)

    content = browser_as("sam").get("/goals/sam-push/").content.decode()

    assert "Proposed to" in content
    assert "waiting for its owner" in content
    assert "Sales" in content


def test_the_parents_page_offers_its_owner_accept_and_decline(browser_as: BrowserAs) -> None:
    propose(browser_as)

    content = browser_as("kim").get("/goals/sales-pipeline/").content.decode()

    assert "Proposed by Marketing" in content
    assert 'action="/goals/sales-pipeline/proposals/sam-push/accept"' in content
    assert 'action="/goals/sales-pipeline/proposals/sam-push/decline"' in content
    assert 'name="csrfmiddlewaretoken"' in content
    assert 'hx-post="/goals/sales-pipeline/proposals/sam-push/accept"' in content


@pytest.mark.parametrize("user", ["sam", "viewer"])
def test_the_parents_page_shows_others_the_proposal_without_buttons(browser_as: BrowserAs, user: str) -> None:
    propose(browser_as)

    content = browser_as(user).get("/goals/sales-pipeline/").content.decode()

    assert "Proposed by Marketing" in content
    assert "/proposals/sam-push/accept" not in content


def test_accepting_on_the_parents_page_makes_the_link_count(browser_as: BrowserAs) -> None:
    propose(browser_as)
    before = progress_text(browser_as("viewer"), "sales-pipeline")

    response = browser_as("kim").post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": "1"})

    assert response.status_code == 302
    assert response["Location"] == "/goals/sales-pipeline/"
    assert links("sam-push") == [("sales-pipeline", 1000.0, False)]
    assert progress_text(browser_as("viewer"), "sales-pipeline") != before
    assert progress_text(browser_as("viewer"), "sales-pipeline") == "Progress 0 %, expected 50 % by 1 Jul 2026."
    entry = AuditEntry.objects.filter(action="goal.align.accept").first()
    assert entry is not None
    assert (entry.actor, entry.surface) == ("kim@example.com", "web")


def test_declining_with_htmx_answers_with_the_updated_page(browser_as: BrowserAs) -> None:
    propose(browser_as)

    response = browser_as("kim").post(
        "/goals/sales-pipeline/proposals/sam-push/decline", {"version": "1"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert "Declined the link from" in content
    assert "Proposed by Marketing" not in content
    assert links("sam-push") == []


def test_a_stale_decision_with_htmx_shows_why_in_the_page(browser_as: BrowserAs) -> None:
    propose(browser_as)
    edit = {**FORM, "weight-0": "500", "proposed-0": "sales-pipeline", "version": "1"}
    del edit["id"]
    assert browser_as("sam").post("/goals/sam-push/edit", edit).status_code == 302

    response = browser_as("kim").post(
        "/goals/sales-pipeline/proposals/sam-push/accept", {"version": "1"}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    assert links("sam-push") == [("sales-pipeline", 500.0, True)]


def test_a_member_who_may_not_edit_the_parent_is_refused(browser_as: BrowserAs) -> None:
    propose(browser_as)

    response = browser_as("sam").post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": "1"})

    assert response.status_code == 403
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_a_decision_without_the_csrf_token_is_refused(cast: Cast, browser_as: BrowserAs) -> None:
    propose(browser_as)
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.kim)

    response = client.post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": "1"})

    assert response.status_code == 403
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_deciding_only_takes_a_post(browser_as: BrowserAs) -> None:
    propose(browser_as)

    assert browser_as("kim").get("/goals/sales-pipeline/proposals/sam-push/accept").status_code == 405


def test_the_edit_form_keeps_a_pending_proposal_pending(browser_as: BrowserAs) -> None:
    propose(browser_as)
    form = browser_as("editor").get("/goals/sam-push/edit").content.decode()
    assert 'name="proposed-0" value="sales-pipeline"' in form

    edit = {**FORM, "title": "Push harder", "version": "1", "proposed-0": "sales-pipeline"}
    del edit["id"]
    response = browser_as("editor").post("/goals/sam-push/edit", edit)

    assert response.status_code == 302
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_the_alignment_tree_marks_a_proposed_contributor_and_does_not_count_it(browser_as: BrowserAs) -> None:
    propose(browser_as)

    content = browser_as("viewer").get("/goals/", {"as_of": AS_OF}).content.decode()

    assert content.count('class="proposed"') == 1
    assert "Push the pipeline from marketing" in content
