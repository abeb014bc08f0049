"""The scenarios pages: the list and the comparison, for every signed-in role, with the CLI's figures."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.lib.limits import MAX_COMPARED_SCENARIOS
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import PASSWORD, ROLES_OF_CAST, ApiAs, BrowserAs, import_document
from tests.integration.web.test_query_counts import grown_document

HUB = {
    "id": "hub",
    "name": "A digital hub",
    "description": "Marketing gets a hub team.",
    "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}],
}
LEAN = {"id": "lean", "name": "Lean", "remove_units": []}


def cells(text: str, row_id: str) -> list[str]:
    """The text of each cell of one row of the compare table (without the row's heading)."""
    row = re.search(rf'<tr id="{row_id}">(.*?)</tr>', text, re.S)
    assert row is not None, row_id
    marks = r'<strong class="changed-mark">.*?</strong>|<span class="delta">.*?</span>'
    return [
        re.sub(r"<[^>]+>", "", re.sub(marks, "", cell, flags=re.S)).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row[1], re.S)
    ]


@pytest.fixture
def two_scenarios(api_as: ApiAs) -> None:
    assert api_as("editor").post("/scenarios", HUB).status_code == 201
    assert api_as("editor").post("/scenarios", LEAN).status_code == 201


@pytest.mark.parametrize("role", sorted(ROLES_OF_CAST))
def test_every_signed_in_role_sees_the_list_and_the_comparison(
    two_scenarios: None, browser_as: BrowserAs, role: str
) -> None:
    listed = browser_as(role).get("/scenarios/")
    compared = browser_as(role).get("/scenarios/compare/?as_of=2026-07-01")

    assert listed.status_code == 200
    assert "A digital hub" in listed.content.decode()
    assert "1 unit replaced or added" in listed.content.decode()
    assert "Marketing gets a hub team." in listed.content.decode()
    assert compared.status_code == 200
    assert "Lean" in compared.content.decode()


def test_the_list_without_scenarios_says_how_to_add_one(browser_as: BrowserAs) -> None:
    text = browser_as("viewer").get("/scenarios/").content.decode()
    assert "No scenario yet." in text
    assert "POST /api/v1/scenarios" in text


@pytest.mark.parametrize("path", ["/scenarios/", "/scenarios/compare/"])
def test_anonymous_visitors_are_sent_to_sign_in(client: Client, org: Any, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in")


def test_the_compare_page_shows_the_figures_of_the_compare_command(two_scenarios: None, browser_as: BrowserAs) -> None:
    text = browser_as("viewer").get("/scenarios/compare/?ids=lean,hub&as_of=2026-07-01").content.decode()
    cli = json.loads(
        run_lodestar("scenarios", "compare", "lean", "hub", "--format", "json", "--as-of", "2026-07-01").out
    )

    columns = cli["scenarios"]
    assert [c["id"] for c in columns] == ["base", "hub", "lean"]
    assert cells(text, "figure-units") == [str(c["units"]) for c in columns]
    assert cells(text, "figure-max_accountable_load") == [str(c["max_accountable_load"]) for c in columns]
    assert cells(text, "figure-tasks") == [str(c["tasks"]["total"]) for c in columns]


def test_a_figure_that_differs_from_the_base_is_marked_changed_in_words(
    two_scenarios: None, browser_as: BrowserAs
) -> None:
    text = browser_as("viewer").get("/scenarios/compare/?ids=hub,lean").content.decode()
    row = re.search(r'<tr id="figure-units">(.*?)</tr>', text, re.S)
    assert row is not None
    tds = re.findall(r"<td([^>]*)>(.*?)</td>", row[1], re.S)
    assert [("changed" in body) for _, body in tds] == [False, True, False]
    assert 'class="changed"' in tds[1][0]


def test_an_unknown_scenario_is_a_clear_not_found_page(two_scenarios: None, browser_as: BrowserAs) -> None:
    response = browser_as("viewer").get("/scenarios/compare/?ids=hub,nowhere")
    assert response.status_code == 404
    assert "There is no scenario nowhere in the model." in response.content.decode()


def test_more_scenarios_than_a_page_compares_are_refused(two_scenarios: None, browser_as: BrowserAs) -> None:
    ids = ",".join(["hub"] * (MAX_COMPARED_SCENARIOS + 1))
    response = browser_as("viewer").get(f"/scenarios/compare/?ids={ids}")
    assert response.status_code == 400
    assert f"At most {MAX_COMPARED_SCENARIOS} scenarios" in response.content.decode()


def test_the_pages_are_in_german(two_scenarios: None, browser_as: BrowserAs) -> None:
    client = browser_as("viewer")
    text = client.get("/scenarios/compare/?ids=hub", headers={"Accept-Language": "de-DE,de;q=0.9"}).content.decode()
    assert "Szenarien vergleichen" in text
    assert "geändert" in text


def with_scenarios(teams: int) -> dict[str, Any]:
    document = grown_document(teams)
    document["scenarios"] = [
        {
            "id": "more",
            "name": "One team more",
            "units": [{"id": "extra", "name": "Extra", "kind": "team", "parent": "ms"}],
        },
        {"id": "moved", "name": "Boss moves", "moves": [{"person": "p0-1", "unit": "t1"}]},
    ]
    return document


def test_the_query_counts_do_not_grow_with_the_organization(client: Client, db: None, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    counts = []
    for teams in (2, 12):
        import_document(with_scenarios(teams))
        email = f"boss{teams}@example.com"
        user = create_user(actor=command_line_actor(), email=email, role="viewer", password=PASSWORD, person_id="boss")
        client.force_login(user)
        measured = []
        for path in ("/scenarios/", "/scenarios/compare/?as_of=2026-07-01"):
            assert client.get(path).status_code == 200
            with CaptureQueriesContext(connection) as captured:
                assert client.get(path).status_code == 200
            measured.append(len(captured))
        counts.append(measured)
    assert counts[0] == counts[1]


def test_the_goals_a_scenario_affects_are_listed_with_their_page(api_as: ApiAs, browser_as: BrowserAs) -> None:
    no_sales = {
        "id": "no-sales",
        "name": "No sales team",
        "remove_units": ["sales"],
        "moves": [{"person": "kim", "unit": "ms"}],
    }
    created = api_as("editor").post("/scenarios", no_sales)
    assert created.status_code == 201, created.content

    text = browser_as("viewer").get("/scenarios/compare/?ids=no-sales").content.decode()

    section = text[text.index('id="affected-no-sales"') :]
    assert "A pipeline sales trusts" in section
    assert 'href="/goals/' in section
    assert "No goal affected." not in section
