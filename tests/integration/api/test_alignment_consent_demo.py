"""Finding 4 of issue 9 on the demo organization: a member may not move the scores of goals they may not edit.

Lena Hartmann (Digital) aligns a goal of her own, with one key result at 0 %, under Sales
North's `north-territory` with weight 1,000. Before, that moved `north-territory` from on
track to off track, and `field-sales-growth` and `grow-core-revenue` above it. Now the link
is proposed: nothing moves until someone who may edit `north-territory` (Hauke Jensen, in
Sales North) accepts it; declining removes it.
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.accounts.tokens import create_token
from lodestar.demo.service import demo_model
from lodestar.lib import clock
from lodestar.store.service import import_model
from tests.integration.accounts.cast import Api

CHAIN = ("north-territory", "field-sales-growth", "grow-core-revenue")


def lenas_goal(api: Api) -> dict[str, Any]:
    """Lena's goal, in the period of `north-territory` (the demo names its periods after today's year)."""
    return {
        "id": "lena-north-campaign",
        "title": "Paid search for the north",
        "owner": "lena.hartmann",
        "period": api.get("/goals/north-territory").json()["period"],
        "contributes_to": [{"goal": "north-territory", "weight": 1000}],
        "key_results": [{"id": "lena-north-leads", "title": "Leads from the north", "baseline": 0, "target": 50}],
    }


@pytest.fixture
def demo(db: None, settings: Settings) -> dict[str, Api]:
    """The demo organization as of today, with Lena and Hauke as members and a viewer."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_model(model=demo_model(today=clock.today()))
    actor = command_line_actor()
    apis = {}
    for name, role, person in (
        ("lena", "member", "lena.hartmann"),
        ("hauke", "member", "hauke.jensen"),
        ("viewer", "viewer", None),
    ):
        user = create_user(actor=actor, email=f"{name}@example.com", role=role, password="not used", person_id=person)
        apis[name] = Api(create_token(actor=actor, email=user.email)[1])
    return apis


def chain_scores(api: Api) -> dict[str, tuple[Any, Any]]:
    result = {}
    for goal_id in CHAIN:
        goal = api.get(f"/goals/{goal_id}").json()
        result[goal_id] = (goal["progress"], goal["status"])
    return result


def test_lenas_heavy_link_changes_nothing_until_sales_north_accepts_it(demo: dict[str, Api]) -> None:
    before = chain_scores(demo["viewer"])
    assert before["north-territory"][0] > 0.5
    assert before["north-territory"][1] != "off_track"

    created = demo["lena"].post("/goals", lenas_goal(demo["viewer"]))

    assert created.status_code == 201, created.content
    assert created.json()["contributes_to"] == [{"goal": "north-territory", "weight": 1000, "proposed": True}]
    assert chain_scores(demo["viewer"]) == before

    accepted = demo["hauke"].post("/goals/north-territory/proposals/lena-north-campaign/accept", {"version": 1})

    assert accepted.status_code == 200, accepted.content
    after = chain_scores(demo["viewer"])
    assert after["north-territory"][0] < before["north-territory"][0] / 100
    assert after["north-territory"][1] == "off_track"
    assert all(after[goal_id][0] < before[goal_id][0] for goal_id in CHAIN)


def test_lena_cannot_accept_her_own_proposal(demo: dict[str, Api]) -> None:
    demo["lena"].post("/goals", lenas_goal(demo["viewer"]))

    response = demo["lena"].post("/goals/north-territory/proposals/lena-north-campaign/accept", {"version": 1})

    assert response.status_code == 403


def test_a_declined_proposal_is_gone_and_the_scores_are_as_before(demo: dict[str, Api]) -> None:
    before = chain_scores(demo["viewer"])
    demo["lena"].post("/goals", lenas_goal(demo["viewer"]))

    declined = demo["hauke"].post("/goals/north-territory/proposals/lena-north-campaign/decline", {"version": 1})

    assert declined.status_code == 200, declined.content
    assert demo["viewer"].get("/goals/lena-north-campaign").json()["contributes_to"] == []
    assert chain_scores(demo["viewer"]) == before
