"""Two `lodestar serve` processes sharing the database and a Redis cache: a write through one shows on the other's next page."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from tests.conftest import EXAMPLE
from tests.integration.processes import run_lodestar_process, serve_environment, serving

ADMIN = "admin@example.com"
PASSWORD = "a-long-enough-password"
CACHE_URL = "redis://127.0.0.1:6379/3"
NOTE = "Checked in through the other worker"


def _redis_or_skip() -> None:
    import redis

    try:
        redis.Redis.from_url(CACHE_URL, socket_connect_timeout=2).ping()
    except redis.exceptions.RedisError:
        pytest.skip("Redis is not running")


def _signed_in(base: str) -> requests.Session:
    browser = requests.Session()
    browser.get(f"{base}/sign-in", timeout=30)
    done = browser.post(
        f"{base}/sign-in",
        data={"email": ADMIN, "password": PASSWORD, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
        headers={"Referer": f"{base}/sign-in"},
        timeout=30,
    )
    assert done.ok
    return browser


def test_after_a_check_in_in_one_worker_the_other_workers_next_page_shows_it(database_url: str, tmp_path: Path) -> None:
    _redis_or_skip()
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = {**serve_environment(database_url, tmp_path / "a"), "LODESTAR_CACHE_URL": CACHE_URL}
    second = {**serve_environment(database_url, tmp_path / "b"), "LODESTAR_CACHE_URL": CACHE_URL}
    run_lodestar_process(first, "import", str(EXAMPLE))
    run_lodestar_process(
        first, "users", "add", ADMIN, "--role", "admin", "--person", "jo", "--password-stdin", stdin=PASSWORD
    )
    token = run_lodestar_process(first, "tokens", "create", ADMIN).strip()
    with serving(first, tmp_path / "a") as port_a, serving(second, tmp_path / "b") as port_b:
        writer, reader = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
        browser = _signed_in(reader)
        goal = requests.get(
            f"{writer}/api/v1/goals/more-leads", headers={"Authorization": f"Bearer {token}"}, timeout=30
        )
        key_result = goal.json()["key_results"][0]["id"]
        for _ in range(2):  # both workers have scored the revision, and the reader has it in its memory
            assert NOTE not in browser.get(f"{reader}/goals/more-leads/", timeout=30).text
            assert requests.get(f"{writer}/api/v1/status", headers={"Authorization": f"Bearer {token}"}, timeout=30).ok
        checked = requests.post(
            f"{writer}/api/v1/key-results/{key_result}/check-ins",
            json={"confidence": 3, "note": NOTE},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )
        assert checked.status_code == 201, checked.text
        assert NOTE in browser.get(f"{reader}/goals/more-leads/", timeout=30).text
        status = requests.get(f"{reader}/api/v1/status", headers={"Authorization": f"Bearer {token}"}, timeout=30)
        assert status.ok
