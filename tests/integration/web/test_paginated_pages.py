"""Pages show what a person can read: lists in pages of the one pagination path, the alignment tree's
deeper branches loaded when opened, and the health check's findings one rule and one page at a time."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from django.test import Client

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.checks.rules import run_checks
from lodestar.lib.limits import PAGE_SIZE
from lodestar.store.load import load_model
from lodestar.web.pages import TREE_LINES
from tests.integration.accounts.cast import PASSWORD, import_document
from tests.integration.web.test_query_counts import grown_document

TEAMS = 15  # 75 goals contribute to the top goal; with the two deep ones, 77 are owned below Marketing & Sales
BELOW = TEAMS * 5 + 2
AS_OF = "2026-07-01"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def grown(db: None, client: Client) -> Client:
    """A grown organization with a goal three levels below the top goal, and its admin signed in."""
    document = grown_document(TEAMS)
    document["goals"] += [
        {"id": "deep", "title": "A deep goal", "owner": "p0-0", "period": "fy", "contributes_to": [{"goal": "g0-0"}]},
        {
            "id": "deepest",
            "title": "The deepest goal",
            "owner": "p0-0",
            "period": "fy",
            "contributes_to": [{"goal": "deep"}],
        },
    ]
    import_document(document)
    user = create_user(
        actor=command_line_actor(), email="boss@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    return client


def content(client: Client, path: str, **params: str) -> str:
    response = client.get(path, params)
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def goal_ids(page: str, section: str) -> list[str]:
    """The goals linked in one section of a page (from its heading's id to the next section)."""
    start = page.index(f'id="{section}"')
    end = page.find("</section>", start)
    return re.findall(r'<div class="goal-title"><a href="/goals/([^/]+)/', page[start:end])


def test_a_long_list_shows_its_first_page_with_the_total_and_the_next_page_the_rest(grown: Client) -> None:
    first = content(grown, "/units/ms/")
    second = content(grown, "/units/ms/", below="2")
    on_first, on_second = goal_ids(first, "goals-below"), goal_ids(second, "goals-below")
    assert len(on_first) == PAGE_SIZE
    assert len(on_second) == BELOW - PAGE_SIZE
    assert not set(on_first) & set(on_second)
    assert f"1–50 of {BELOW}" in first
    assert f"51–{BELOW} of {BELOW}" in second
    assert 'aria-current="page">2</a>' in second
    assert 'href="?below=2#goals-below"' in first
    assert 'href="#goals-below" rel="prev"' not in first  # no previous page on the first


def test_a_pager_keeps_the_other_parameters_of_the_page(grown: Client) -> None:
    page = content(grown, "/units/ms/", as_of=AS_OF)
    assert f'href="?as_of={AS_OF}&amp;below=2#goals-below"' in page


def test_a_page_beyond_the_last_shows_the_last_and_says_so(grown: Client) -> None:
    page = content(grown, "/units/ms/", below="9")
    assert "There is no page 9; this is the last page, 2." in page
    assert len(goal_ids(page, "goals-below")) == BELOW - PAGE_SIZE


@pytest.mark.parametrize("path", ["/units/ms/?below=x", "/goals/top/?contributors=0", "/health-check/?page=-1"])
def test_a_page_number_that_is_no_number_is_a_clear_400_not_a_500(grown: Client, path: str) -> None:
    grown.raise_request_exception = False
    response = grown.get(path)
    assert response.status_code == 400
    assert "page must be a whole number from 1 to 100000" in response.content.decode()


def test_the_goal_page_shows_its_contributors_a_page_at_a_time(grown: Client) -> None:
    first = goal_ids(content(grown, "/goals/top/"), "contributors")
    second = goal_ids(content(grown, "/goals/top/", contributors="2"), "contributors")
    assert (len(first), len(second)) == (PAGE_SIZE, TEAMS * 5 - PAGE_SIZE)  # the teams' and the personal goals
    assert not set(first) & set(second)


def test_the_tree_holds_its_top_levels_and_a_deeper_branch_loads_when_opened(grown: Client) -> None:
    tree = content(grown, "/goals/")
    assert "A deep goal" in tree  # the third level is there (top, personal goal 0-0, deep), closed
    assert "The deepest goal" not in tree  # the fourth is loaded with its branch
    assert 'hx-get="/goals/deep/branch" hx-trigger="toggle once"' in tree
    assert 'href="/goals/deep/#contributors">1 contributing goal: on the goal page</a>' in tree
    branch = grown.get("/goals/deep/branch", headers=HTMX)
    assert branch.status_code == 200
    fragment = branch.content.decode()
    assert "The deepest goal" in fragment
    assert "<html" not in fragment
    assert fragment.strip().startswith("<li>")


def test_a_branch_keeps_the_trees_filters_and_date(grown: Client) -> None:
    tree = content(grown, "/goals/", unit="t0", as_of=AS_OF)
    assert f'hx-get="/goals/deep/branch?unit=t0&amp;as_of={AS_OF}"' in tree
    assert "The deepest goal" in grown.get("/goals/deep/branch", {"unit": "t0"}, headers=HTMX).content.decode()
    fragment = grown.get("/goals/deep/branch", {"unit": "t1"}, headers=HTMX).content.decode()
    assert "The deepest goal" not in fragment  # it is not a goal of team 1, nor above one


def test_a_branch_without_javascript_leads_to_the_goal_page(grown: Client) -> None:
    response = grown.get("/goals/g0-0/branch", {"as_of": AS_OF})
    assert response.status_code == 302
    assert response["Location"] == f"/goals/g0-0/?as_of={AS_OF}#contributors"
    assert grown.get("/goals/nowhere/branch", headers=HTMX).status_code == 404


def findings_by_rule() -> dict[str, int]:
    counts: dict[str, int] = {}
    for finding in run_checks(load_model(), date.fromisoformat(AS_OF)):
        counts[finding.code] = counts.get(finding.code, 0) + 1
    return counts


def test_the_health_check_counts_the_findings_of_each_rule(grown: Client) -> None:
    counts = findings_by_rule()
    assert counts
    page = content(grown, "/health-check/", as_of=AS_OF)
    for code, count in counts.items():
        assert re.search(
            rf'<span class="code">{code}</span></a></th>\s*<td>[^<]*</td><td class="number">{count}</td>', page
        )
    assert page.count('<li><span class="code">') == min(sum(counts.values()), PAGE_SIZE)


def test_the_health_check_filters_by_rule(grown: Client) -> None:
    counts = findings_by_rule()
    code, count = max(counts.items(), key=lambda item: item[1])
    page = content(grown, "/health-check/", rule=code, as_of=AS_OF)
    findings = re.findall(r'<ul class="findings">(.*?)</ul>', page, re.S)[0]
    assert findings.count("<li>") == min(count, PAGE_SIZE)
    assert 'aria-current="true"' in page
    assert "All rules" in page
    others = [other for other in counts if other != code]
    for other in others:
        assert f'<span class="code">{other}</span> ' not in findings


def test_an_unknown_rule_filters_nothing(grown: Client) -> None:
    page = content(grown, "/health-check/", rule="LS999")
    assert "All findings" in page


def test_the_dashboard_shows_the_first_of_a_long_list_and_links_to_all(db: None, client: Client) -> None:
    document: dict[str, Any] = grown_document(1)
    for number in range(14):
        document["goals"].append({"id": f"extra{number}", "title": f"Extra {number}", "owner": "ms", "period": "fy"})
    import_document(document)
    user = create_user(
        actor=command_line_actor(), email="b@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    page = content(client, "/")
    assert "10 of 15 shown: all in the alignment tree" in page  # the top goal and the 14 extra ones
    assert "10 of 15 shown: all on my page" in page
    me = content(client, "/me/")
    assert "Extra 13" in me


def test_the_raci_matrix_shows_a_page_of_tasks(db: None, client: Client) -> None:
    document: dict[str, Any] = grown_document(1)
    document["tasks"] = [
        {"id": f"task-{n:02}", "name": f"Task {n:02}", "change": "keep", "delivery": "central", "responsible": ["t0"]}
        for n in range(PAGE_SIZE + 5)
    ]
    import_document(document)
    user = create_user(
        actor=command_line_actor(), email="b@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    first, second = content(client, "/tasks/"), content(client, "/tasks/", page="2")
    rows = [re.findall(r'<tr id="task-(task-\d+)"', page) for page in (first, second)]
    assert (len(rows[0]), len(rows[1])) == (PAGE_SIZE, 5)
    assert rows[1] == [f"task-{n:02}" for n in range(PAGE_SIZE, PAGE_SIZE + 5)]
    assert f"51–55 of {PAGE_SIZE + 5}" in second

    # A link to one task (from a role card, a competency gap, the compare page) opens the page that holds it.
    assert 'href="/tasks/?task=task-52#task-task-52"' in content(client, "/units/t0/")  # its role card
    held = content(client, "/tasks/", task="task-52")
    assert re.findall(r'<tr id="task-(task-\d+)"', held) == rows[1]
    assert re.findall(r'<tr id="task-(task-\d+)"', content(client, "/tasks/", task="task-52", page="1")) == rows[0]
    assert re.findall(r'<tr id="task-(task-\d+)"', content(client, "/tasks/", task="no-such-task")) == rows[0]


def test_a_large_tree_holds_two_levels_and_loads_the_rest_when_opened(db: None, client: Client) -> None:
    import_document(grown_document(TREE_LINES // 5 + 1))  # more than TREE_LINES goals right below the top goal
    user = create_user(
        actor=command_line_actor(), email="b@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    tree = content(client, "/goals/")
    assert "Team goal 0" in tree
    assert 'hx-get="/goals/g0/branch"' in tree
    assert "4 contributing goals: on the goal page" in tree
    assert tree.count('<div class="goal-title">') == 1 + (TREE_LINES // 5 + 1) * 5  # the top goal and its contributors
    fragment = client.get("/goals/g0/branch", headers=HTMX).content.decode()
    assert fragment.count('<div class="goal-title">') == 4
    assert "Personal goal 0-3" in fragment
