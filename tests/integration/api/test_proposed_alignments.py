"""Alignment needs consent: a member's link to a goal they may not edit is proposed until that goal's owners accept it.

In the cast, Sam leads Marketing and may not edit `sales-pipeline` (Sales, led by Kim) or
`more-leads` (Marketing & Sales); Kim may edit `sales-pipeline`.
"""

from __future__ import annotations

from typing import Any

import pytest

from lodestar.accounts.models import AuditEntry
from lodestar.goals.models import GoalContribution
from tests.integration.accounts.cast import ApiAs

AS_OF = "2026-07-01"
# Sam's own goal with a key result at 0 %, aligned under Sales' goal with the heaviest weight allowed.
PUSH = {
    "id": "sam-push",
    "title": "Push the pipeline from marketing",
    "owner": "mkt",
    "period": "fy2026",
    "contributes_to": [{"goal": "sales-pipeline", "weight": 1000}],
    "key_results": [{"id": "push-kr", "title": "Pushed leads", "baseline": 0, "target": 10}],
}


def scores(api_as: ApiAs, *goal_ids: str) -> dict[str, tuple[Any, Any]]:
    viewer = api_as("viewer")
    result = {}
    for goal_id in goal_ids:
        goal = viewer.get(f"/goals/{goal_id}", as_of=AS_OF).json()
        result[goal_id] = (goal["progress"], goal["status"])
    return result


def links(goal_id: str) -> list[tuple[str, float | None, bool]]:
    rows = GoalContribution.objects.filter(goal_id=goal_id).order_by("ordinal")
    return list(rows.values_list("parent_id", "weight", "proposed"))


def propose(api_as: ApiAs) -> dict[str, Any]:
    """Kim records half of Sales' key result; Sam proposes his goal to it."""
    measured = api_as("kim").post("/key-results/accepted-leads/measurements", {"date": "2026-06-30", "value": 35})
    assert measured.status_code == 201, measured.content
    response = api_as("sam").post("/goals", PUSH)
    assert response.status_code == 201, response.content
    body: dict[str, Any] = response.json()
    return body


def test_a_members_heavy_link_to_a_goal_they_may_not_edit_leaves_its_scores_and_its_parents_alone(
    api_as: ApiAs,
) -> None:
    api_as("kim").post("/key-results/accepted-leads/measurements", {"date": "2026-06-30", "value": 35})
    before = scores(api_as, "sales-pipeline", "more-leads")

    created = api_as("sam").post("/goals", PUSH).json()

    assert created["contributes_to"] == [{"goal": "sales-pipeline", "weight": 1000, "proposed": True}]
    assert scores(api_as, "sales-pipeline", "more-leads") == before
    parent = api_as("viewer").get("/goals/sales-pipeline").json()
    assert parent["contributors"] == ["ana-campaigns"]
    assert parent["proposals"] == [{"goal": "sam-push", "weight": 1000, "version": 1}]
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_after_the_parents_owner_accepts_the_link_counts(api_as: ApiAs) -> None:
    propose(api_as)
    before = scores(api_as, "sales-pipeline", "more-leads")
    assert before["sales-pipeline"] == (pytest.approx(1 / 3), "at_risk")

    response = api_as("kim").post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": 1})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["id"] == "sales-pipeline"
    assert sorted(body["contributors"]) == ["ana-campaigns", "sam-push"]
    assert body["proposals"] == []
    assert links("sam-push") == [("sales-pipeline", 1000.0, False)]
    after = scores(api_as, "sales-pipeline", "more-leads")
    assert after["sales-pipeline"][0] < before["sales-pipeline"][0] / 100
    assert after["sales-pipeline"][1] == "off_track"
    assert after["more-leads"] != before["more-leads"]
    child = api_as("viewer").get("/goals/sam-push").json()
    assert (child["contributes_to"], child["version"]) == ([{"goal": "sales-pipeline", "weight": 1000}], 2)


def test_declining_removes_the_proposed_link(api_as: ApiAs) -> None:
    propose(api_as)
    before = scores(api_as, "sales-pipeline", "more-leads")

    response = api_as("kim").post("/goals/sales-pipeline/proposals/sam-push/decline", {"version": 1})

    assert response.status_code == 200, response.content
    assert response.json()["proposals"] == []
    assert links("sam-push") == []
    assert scores(api_as, "sales-pipeline", "more-leads") == before
    assert api_as("viewer").get("/goals/sam-push").json()["contributes_to"] == []


def test_accepting_and_declining_are_written_to_the_audit_log_for_both_goals(api_as: ApiAs) -> None:
    propose(api_as)
    api_as("kim").post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": 1})

    entries = AuditEntry.objects.filter(action="goal.align.accept").order_by("id")

    assert [(e.actor, e.surface, e.subject, e.goal_id) for e in entries] == [
        ("kim@example.com", "api", "goal:sam-push", "sam-push"),
        ("kim@example.com", "api", "goal:sales-pipeline", "sales-pipeline"),
    ]
    child, parent = entries
    assert child.before is not None and child.after is not None
    assert child.before["contributes_to"] == [{"goal": "sales-pipeline", "weight": 1000, "proposed": True}]
    assert child.after["contributes_to"] == [{"goal": "sales-pipeline", "weight": 1000}]
    assert parent.after == {"contributor": "sam-push", "weight": 1000}


@pytest.mark.parametrize("user", ["sam", "ana", "viewer"])
@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_only_someone_who_may_edit_the_parent_decides(api_as: ApiAs, user: str, decision: str) -> None:
    propose(api_as)

    response = api_as(user).post(f"/goals/sales-pipeline/proposals/sam-push/{decision}", {"version": 1})

    assert response.status_code == 403, response.content
    assert "sales-pipeline" in response.json()["error"]
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_a_decision_on_a_changed_proposal_is_refused_with_409(api_as: ApiAs) -> None:
    propose(api_as)
    changed = api_as("sam").patch(
        "/goals/sam-push", {"contributes_to": [{"goal": "sales-pipeline", "weight": 500}], "version": 1}
    )
    assert changed.status_code == 200, changed.content

    response = api_as("kim").post("/goals/sales-pipeline/proposals/sam-push/accept", {"version": 1})

    assert response.status_code == 409
    assert "changed by someone else" in response.json()["error"]
    assert links("sam-push") == [("sales-pipeline", 500.0, True)]


def test_a_decision_needs_the_version_of_the_contributing_goal(api_as: ApiAs) -> None:
    propose(api_as)

    response = api_as("kim").post("/goals/sales-pipeline/proposals/sam-push/accept", {})

    assert response.status_code == 422
    assert response.json()["details"][0]["path"] == "version"


@pytest.mark.parametrize("decision", ["accept", "decline"])
def test_there_is_nothing_to_decide_on_a_link_that_is_not_proposed(api_as: ApiAs, decision: str) -> None:
    response = api_as("kim").post(f"/goals/sales-pipeline/proposals/ana-campaigns/{decision}", {"version": 1})

    assert response.status_code == 404
    assert response.json()["error"] == "goal 'ana-campaigns' proposes no link to 'sales-pipeline'"
    assert links("ana-campaigns") == [("mkt-analytics", None, False), ("sales-pipeline", 0.5, False)]


def test_a_member_cannot_make_a_link_to_a_goal_they_may_not_edit_count_by_saying_so(api_as: ApiAs) -> None:
    document = {**PUSH, "contributes_to": [{"goal": "sales-pipeline", "weight": 1000, "proposed": False}]}

    response = api_as("sam").post("/goals", document)

    assert response.status_code == 422
    assert response.json()["details"] == [
        {
            "path": "contributes_to[0].proposed",
            "message": "only someone who may edit goal 'sales-pipeline' can make this link count; "
            "leave out proposed and the link is proposed to them",
        }
    ]
    assert not GoalContribution.objects.filter(goal_id="sam-push").exists()


def test_a_new_link_in_a_members_patch_is_proposed_while_the_counted_one_stays(api_as: ApiAs) -> None:
    changes = {"contributes_to": [{"goal": "more-leads", "weight": 2}, {"goal": "sales-pipeline"}], "version": 1}

    response = api_as("sam").patch("/goals/mkt-analytics", changes)

    assert response.status_code == 200, response.content
    assert links("mkt-analytics") == [("more-leads", 2.0, False), ("sales-pipeline", None, True)]


def test_a_member_editing_their_goal_keeps_its_counted_links_counted(api_as: ApiAs) -> None:
    response = api_as("ana").patch("/goals/ana-campaigns", {"title": "Four tracked campaigns", "version": 1})

    assert response.status_code == 200, response.content
    assert links("ana-campaigns") == [("mkt-analytics", None, False), ("sales-pipeline", 0.5, False)]


def test_a_member_who_reweights_a_counted_link_to_a_goal_they_may_not_edit_proposes_it_again(api_as: ApiAs) -> None:
    changes = {"contributes_to": [{"goal": "mkt-analytics"}, {"goal": "sales-pipeline", "weight": 1000}], "version": 1}

    response = api_as("ana").patch("/goals/ana-campaigns", changes)

    assert response.status_code == 200, response.content
    assert links("ana-campaigns") == [("mkt-analytics", None, False), ("sales-pipeline", 1000.0, True)]


def test_a_members_edit_keeps_a_pending_proposal_pending(api_as: ApiAs) -> None:
    propose(api_as)

    response = api_as("sam").patch("/goals/sam-push", {"title": "Push harder", "version": 1})

    assert response.status_code == 200, response.content
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


@pytest.mark.parametrize("user", ["editor", "admin"])
def test_editors_and_admins_link_directly(api_as: ApiAs, user: str) -> None:
    changes = {"contributes_to": [{"goal": "more-leads", "weight": 2}, {"goal": "sales-pipeline"}], "version": 1}

    response = api_as(user).patch("/goals/mkt-analytics", changes)

    assert response.status_code == 200, response.content
    assert links("mkt-analytics") == [("more-leads", 2.0, False), ("sales-pipeline", None, False)]


def test_the_parents_owner_links_directly(api_as: ApiAs) -> None:
    document = {"id": "kim-calls", "title": "Call every lead", "owner": "sales", "period": "fy2026"}

    response = api_as("kim").post("/goals", {**document, "contributes_to": [{"goal": "sales-pipeline"}]})

    assert response.status_code == 201, response.content
    assert links("kim-calls") == [("sales-pipeline", None, False)]


def test_an_editor_saving_a_goal_leaves_its_proposals_pending(api_as: ApiAs) -> None:
    propose(api_as)

    response = api_as("editor").patch("/goals/sam-push", {"title": "Push harder", "version": 1})

    assert response.status_code == 200, response.content
    assert links("sam-push") == [("sales-pipeline", 1000.0, True)]


def test_a_proposed_link_that_would_close_a_cycle_is_refused(api_as: ApiAs) -> None:
    changes = {"contributes_to": [{"goal": "more-leads"}, {"goal": "ana-campaigns"}], "version": 1}

    response = api_as("kim").patch("/goals/sales-pipeline", changes)

    assert response.status_code == 422
    assert response.json()["details"][0]["message"].startswith("cycle: ")
    assert links("sales-pipeline") == [("more-leads", None, False)]


def test_a_goal_with_a_proposed_contributor_cannot_be_deleted_until_it_is_declined(api_as: ApiAs) -> None:
    propose(api_as)
    unaligned = api_as("ana").patch(
        "/goals/ana-campaigns", {"contributes_to": [{"goal": "mkt-analytics"}], "version": 1}
    )
    assert unaligned.status_code == 200, unaligned.content

    response = api_as("kim").delete("/goals/sales-pipeline")

    assert response.status_code == 409
    assert "decline" in response.json()["error"]
