"""Every role against every write endpoint: members by ownership, viewers never."""

import pytest

from tests.integration.accounts.cast import ApiAs, Cast

WRITES = {
    "create goal": ("post", "/goals", {"id": "new-goal", "title": "New", "owner": "mkt", "period": "fy2026"}),
    "change goal": ("patch", "/goals/mkt-analytics", {"title": "Changed", "version": 1}),
    "delete goal": ("delete", "/goals/ana-campaigns", None),
    "create key result": ("post", "/key-results", {"goal": "mkt-analytics", "id": "new-kr", "title": "New"}),
    "change key result": ("patch", "/key-results/tracked-share", {"target": 95, "version": 1}),
    "delete key result": ("delete", "/key-results/campaigns", None),
    "record measurement": ("post", "/key-results/tracked-share/measurements", {"date": "2026-06-30", "value": 40}),
    "record check-in": ("post", "/key-results/tracked-share/check-ins", {"date": "2026-06-30", "confidence": 7}),
}
# Who may write to the goals of Marketing and of Ana (a person in Marketing).
ALLOWED = {"admin", "editor", "sam", "ana"}
REFUSED = {"kim", "viewer", "unlinked"}


@pytest.mark.parametrize("user", sorted(ALLOWED | REFUSED))
@pytest.mark.parametrize("write", sorted(WRITES))
def test_writes_to_marketing_goals_by_role(api_as: ApiAs, user: str, write: str) -> None:
    method, path, body = WRITES[write]
    client = api_as(user)
    response = client.delete(path) if method == "delete" else client.send(method, path, body)
    if user in ALLOWED:
        assert response.status_code in (200, 201, 204), response.content
    else:
        assert response.status_code == 403, response.content
        assert response.json()["error"]


@pytest.mark.parametrize(("user", "status"), [("sam", 403), ("ana", 403), ("kim", 201), ("editor", 201)])
def test_only_the_sales_lead_among_members_updates_sales_goals(api_as: ApiAs, user: str, status: int) -> None:
    response = api_as(user).post("/key-results/accepted-leads/measurements", {"date": "2026-06-30", "value": 20})
    assert response.status_code == status


def test_a_member_cannot_create_a_goal_for_another_unit(api_as: ApiAs) -> None:
    response = api_as("sam").post("/goals", {"id": "x", "title": "X", "owner": "sales", "period": "fy2026"})
    assert response.status_code == 403


def test_a_member_cannot_hand_their_goal_to_another_unit(api_as: ApiAs) -> None:
    response = api_as("sam").patch("/goals/mkt-analytics", {"owner": "sales", "version": 1})
    assert response.status_code == 403


def test_the_area_lead_may_change_everything_below(api_as: ApiAs, cast: Cast) -> None:
    from lodestar.accounts.actor import command_line_actor
    from lodestar.accounts.services import create_user
    from tests.integration.accounts.cast import PASSWORD

    create_user(actor=command_line_actor(), email="jo@example.com", role="member", password=PASSWORD)
    from lodestar.accounts.tokens import create_token

    token = create_token(actor=command_line_actor(), email="jo@example.com")[1]
    cast.token["jo"] = token
    response = api_as("jo").post("/key-results/accepted-leads/measurements", {"date": "2026-06-30", "value": 20})
    assert response.status_code == 201


@pytest.mark.parametrize("user", ["viewer", "unlinked", "kim"])
def test_everyone_signed_in_reads_every_goal(api_as: ApiAs, user: str) -> None:
    assert api_as(user).get("/goals/ana-campaigns").status_code == 200
