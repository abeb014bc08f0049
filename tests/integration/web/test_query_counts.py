"""The number of SQL queries per page does not grow with the size of the organization."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.accounts.tokens import create_token
from tests.integration.accounts.cast import PASSWORD, Api, import_document

SMALL, LARGE = 2, 12


def grown_document(teams: int) -> dict[str, Any]:
    """An organization with `teams` teams of four people, each with goals, key results, check-ins and KPIs."""
    units = [
        {"id": "company", "name": "Company", "kind": "company"},
        {"id": "ms", "name": "Marketing & Sales", "kind": "area", "parent": "company", "lead": "boss"},
    ]
    people = [{"id": "boss", "name": "Boss", "unit": "ms", "email": "boss@example.com"}]
    goals: list[dict[str, Any]] = [{"id": "top", "title": "Top goal", "owner": "ms", "period": "fy", "key_results": []}]
    kpis = []
    for t in range(teams):
        units.append({"id": f"t{t}", "name": f"Team {t}", "kind": "team", "parent": "ms", "lead": f"p{t}-0"})
        goals.append(
            {
                "id": f"g{t}",
                "title": f"Team goal {t}",
                "owner": f"t{t}",
                "period": "fy",
                "contributes_to": [{"goal": "top", "weight": 2}],
                "key_results": [
                    {
                        "id": f"kr{t}",
                        "title": f"KR {t}",
                        "baseline": 0,
                        "target": 10,
                        "measurements": [{"date": "2026-03-01", "value": 2}, {"date": "2026-06-01", "value": 5}],
                        "check_ins": [{"date": "2026-06-01", "by": f"p{t}-0", "confidence": 3, "note": "Slow"}],
                    }
                ],
            }
        )
        kpis.append(
            {
                "id": f"kpi{t}",
                "name": f"KPI {t}",
                "owner": f"t{t}",
                "better": "higher",
                "green": 10,
                "red": 5,
                "measurements": [{"date": "2026-06-01", "value": 7}],
            }
        )
        for i in range(4):
            people.append({"id": f"p{t}-{i}", "name": f"Person {t}-{i}", "unit": f"t{t}"})
            goals.append(
                {
                    "id": f"g{t}-{i}",
                    "title": f"Personal goal {t}-{i}",
                    "owner": f"p{t}-{i}",
                    "period": "fy",
                    "contributes_to": [{"goal": f"g{t}"}, {"goal": "top", "weight": 0.5}],
                    "key_results": [
                        {
                            "id": f"kr{t}-{i}",
                            "title": "KR",
                            "baseline": 5,
                            "target": 1,
                            "measurements": [{"date": "2026-05-01", "value": 4}],
                        }
                    ],
                }
            )
    return {
        "lodestar": 1,
        "organization": {"name": "Grown Ltd"},
        "units": units,
        "people": people,
        "mission": {"scope": "ms", "statement": "Grow.", "principles": ["One", "Two"]},
        "periods": [{"id": "fy", "start": "2026-01-01", "end": "2026-12-31"}],
        "goals": goals,
        "kpis": kpis,
    }


PAGES = [
    "/?as_of=2026-07-01",
    "/goals/?as_of=2026-07-01",
    "/goals/?unit=t1&status=on_track",
    "/goals/g1/?as_of=2026-07-01",
    "/goals/top/",
    "/units/t1/",
    "/units/ms/",
    "/people/p1-0/",
    "/me/",
    "/health-check/",
    "/kpis/",
    "/admin/audit/",
    "/goals/g1/edit",
    "/periods/fy/",
    "/goals/new",
    "/goals/parent-options?owner=t1&period=fy&parent-0=goal",
    "/goals/id-proposal?for=goal&title=Team+goal+1",
]
API = ["/goals", "/goals/g1", "/status", "/check", "/key-results", "/units", "/people"]


def queries_per_path(client_get: Any, paths: list[str]) -> dict[str, int]:
    counts = {}
    for path in paths:
        client_get(path)  # warm caches (content types, sessions) so that only the page's own queries count
        with CaptureQueriesContext(connection) as captured:
            response = client_get(path)
        assert response.status_code == 200, (path, response.content[:300])
        counts[path] = len(captured)
    return counts


@pytest.fixture
def measure(db: None, client: Client, settings: Settings) -> Callable[[int], tuple[dict[str, int], dict[str, int]]]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    def at_size(teams: int) -> tuple[dict[str, int], dict[str, int]]:
        import_document(grown_document(teams))
        email = f"boss{teams}@example.com"
        user = create_user(actor=command_line_actor(), email=email, role="admin", password=PASSWORD, person_id="boss")
        client.force_login(user)
        api = Api(create_token(actor=command_line_actor(), email=email)[1])
        return queries_per_path(client.get, PAGES), queries_per_path(api.get, API)

    return at_size


def test_query_counts_do_not_grow_with_the_organization(
    measure: Callable[[int], tuple[dict[str, int], dict[str, int]]],
) -> None:
    small_pages, small_api = measure(SMALL)
    large_pages, large_api = measure(LARGE)
    assert large_pages == small_pages
    assert large_api == small_api
    assert max(small_pages.values()) < 40


GOAL_EDIT_QUERY_LIMIT = 20


def test_a_goal_edit_over_the_web_runs_at_most_20_queries(db: None, client: Any, settings: Any) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    import_document(grown_document(LARGE))
    user = create_user(
        actor=command_line_actor(), email="boss@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    assert client.get("/goals/g1/edit").status_code == 200  # warm caches (content types, sessions)
    form = {"title": "Team goal 1, renamed", "owner": "t1", "period": "fy", "version": "1", "parent-0": "top"}
    form["weight-0"] = "2"
    with CaptureQueriesContext(connection) as captured:
        response = client.post("/goals/g1/edit", form)
    queries = [query["sql"] for query in captured]
    assert response.status_code == 302, response.content[:300]
    assert response["Location"] == "/goals/g1/"
    assert "Team goal 1, renamed" in client.get("/goals/g1/").content.decode()
    assert len(queries) <= GOAL_EDIT_QUERY_LIMIT, [sql[:120] for sql in queries]
