"""With the snapshot of the current revision cached, a page runs at most six SQL queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.goals.snapshot_cache import forget_snapshots
from tests.integration.accounts.cast import PASSWORD, import_document
from tests.integration.web.test_query_counts import LARGE, grown_document

MOST_QUERIES = 6  # the session, the user and the revision among them
PAGES = [
    "/?as_of=2026-07-01",
    "/goals/?as_of=2026-07-01",
    "/goals/g1/?as_of=2026-07-01",
    "/health-check/?as_of=2026-07-01",
    "/me/?as_of=2026-07-01",
    "/units/t1/?as_of=2026-07-01",
    "/people/p1-0/?as_of=2026-07-01",
]


# Committed writes, as in a served request: a snapshot read inside the writing transaction is never cached.
@pytest.mark.django_db(transaction=True)
def test_with_the_cache_warm_each_page_runs_at_most_six_queries(client: Client, settings: Settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    forget_snapshots()
    import_document(grown_document(LARGE))
    user = create_user(
        actor=command_line_actor(), email="boss@example.com", role="admin", password=PASSWORD, person_id="boss"
    )
    client.force_login(user)
    counts = {}
    for path in PAGES:
        assert client.get(path).status_code == 200  # warms the snapshot of this revision and date
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200, (path, response.content[:300])
        counts[path] = [query["sql"][:100] for query in captured]
    assert {path: len(sqls) for path, sqls in counts.items() if len(sqls) > MOST_QUERIES} == {}, counts
