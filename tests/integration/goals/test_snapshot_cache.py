"""The scored snapshot is built once per revision and date, kept in the process and, when configured, in Redis."""

from __future__ import annotations

import copy

import pytest
import redis
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.goals import services
from lodestar.goals.snapshot import take_snapshot
from lodestar.goals.snapshot_cache import forget_snapshots
from tests.integration.accounts.cast import AS_OF, MODEL, import_document

CACHE_URL = "redis://127.0.0.1:6379/3"
ACTOR = command_line_actor()
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def cold() -> None:
    forget_snapshots()
    import_document(MODEL)


def test_a_second_request_gets_the_same_snapshot_for_one_query() -> None:
    first = take_snapshot(as_of=AS_OF)
    with CaptureQueriesContext(connection) as captured:
        second = take_snapshot(as_of=AS_OF)
    assert second is first
    assert len(captured) == 1


def test_a_write_makes_the_next_snapshot_show_it() -> None:
    before = take_snapshot(as_of=AS_OF)
    services.update_goal(actor=ACTOR, goal_id="more-leads", changes={"title": "Renamed"}, version=1)
    after = take_snapshot(as_of=AS_OF)
    assert before.goals["more-leads"].title == "More qualified leads from the web"
    assert after.goals["more-leads"].title == "Renamed"


def test_a_snapshot_inside_a_writing_transaction_is_not_kept_when_it_rolls_back() -> None:
    kept = take_snapshot(as_of=AS_OF)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.update_goal(actor=ACTOR, goal_id="more-leads", changes={"title": "Taken back"}, version=1)
        assert take_snapshot(as_of=AS_OF).goals["more-leads"].title == "Taken back"
        raise RuntimeError("roll back")
    assert take_snapshot(as_of=AS_OF) is kept


def test_each_date_has_its_own_snapshot() -> None:
    assert take_snapshot(as_of=AS_OF).as_of == AS_OF
    assert take_snapshot(as_of=AS_OF.replace(month=3)).as_of == AS_OF.replace(month=3)


def test_pages_leave_the_shared_snapshot_as_they_found_it(client: object, settings: Settings) -> None:
    from django.test import Client

    from lodestar.accounts.services import create_user
    from tests.integration.accounts.cast import PASSWORD

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    browser = Client()
    browser.force_login(
        create_user(actor=ACTOR, email="a@example.com", role="admin", password=PASSWORD, person_id="jo")
    )
    pages = ["/", "/goals/", "/goals/more-leads/", "/health-check/", "/me/", "/units/mkt/", "/people/ana/"]
    today = take_snapshot(as_of=AS_OF)
    model = copy.deepcopy(today.model)
    for page in pages:
        assert browser.get(f"{page}?as_of={AS_OF.isoformat()}").status_code == 200, page
    assert take_snapshot(as_of=AS_OF) is today
    assert today.model == model


def test_with_redis_another_process_reads_the_snapshot_instead_of_building_it(settings: Settings) -> None:
    try:
        redis.Redis.from_url(CACHE_URL, socket_connect_timeout=2).flushdb()
    except redis.exceptions.RedisError:
        pytest.skip("Redis is not running")
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
    built = take_snapshot(as_of=AS_OF)
    forget_snapshots()  # as a process that has not built it
    with CaptureQueriesContext(connection) as captured:
        read = take_snapshot(as_of=AS_OF)
    assert read is not built
    assert read.model == built.model
    assert len(captured) == 1
