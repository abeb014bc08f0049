"""One change through the goal services runs a fixed, small number of SQL queries, whatever the organization's size."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from lodestar.accounts.actor import Actor
from lodestar.goals import services
from lodestar.goals.services.common import find_goal, find_key_result
from lodestar.lib.model import Model
from lodestar.store.load import load_model
from tests.integration.accounts.cast import import_document
from tests.integration.web.test_query_counts import grown_document

SMALL, LARGE = 2, 12
# The edit's own queries and one UPDATE of the model's revision (store/revision.py).
MOST_QUERIES = 13
# A goal created with two key results, their ids proposed: each key result adds its proposal and its insert.
WITH_KEY_RESULTS = "create goal with two key results, proposing ids"
PER_KEY_RESULT = 2

# The lead of Marketing & Sales: a member whose reach comes from the organization tree, so that
# the permission check reads units and people as it does for most users.
LEAD = Actor(label="boss@example.com", role="member", person_id="boss", surface="web")

# Each edit gets the stored model as read before it, for the version it is based on.
EDITS: dict[str, Callable[[Model], Any]] = {
    "update goal": lambda model: services.update_goal(
        actor=LEAD,
        goal_id="g1",
        changes={"title": "Renamed", "contributes_to": [{"goal": "top"}]},
        version=find_goal(model, "g1").version,
    ),
    "create goal": lambda model: services.create_goal(
        actor=LEAD,
        document={"id": "new", "title": "New", "owner": "t1", "period": "fy", "contributes_to": [{"goal": "g1"}]},
    ),
    WITH_KEY_RESULTS: lambda model: services.create_goal_proposing_ids(
        actor=LEAD,
        document={
            "title": "Team goal 1",
            "owner": "t1",
            "period": "fy",
            "key_results": [
                {"title": "KR 1", "baseline": 0, "target": 4},
                {"title": "KR 1", "baseline": 0, "target": 8},
            ],
        },
    ),
    "update key result": lambda model: services.update_key_result(
        actor=LEAD, key_result_id="kr1", changes={"target": 12}, version=find_key_result(model, "kr1")[1].version
    ),
    "record measurement": lambda model: services.record_measurement(
        actor=LEAD, key_result_id="kr1", document={"date": "2026-07-01", "value": 6}
    ),
    "record check-in": lambda model: services.record_check_in(
        actor=LEAD, key_result_id="kr1", document={"date": "2026-07-01", "confidence": 7}
    ),
}


def queries_per_edit(teams: int) -> dict[str, int]:
    """The queries each edit runs, savepoints aside: they come from the test's transaction around the
    service's, which in a request is the outermost one and runs none."""
    import_document(grown_document(teams))
    counts = {}
    for name, edit in EDITS.items():
        model = load_model()
        with CaptureQueriesContext(connection) as captured:
            edit(model)
        counts[name] = sum(1 for query in captured.captured_queries if "SAVEPOINT" not in query["sql"])
    return counts


@pytest.mark.django_db
def test_an_edit_runs_the_same_few_queries_in_a_small_and_a_large_organization() -> None:
    small = queries_per_edit(SMALL)
    large = queries_per_edit(LARGE)
    assert large == small
    assert small.pop(WITH_KEY_RESULTS) <= MOST_QUERIES + 2 * PER_KEY_RESULT
    assert max(small.values()) <= MOST_QUERIES, small
