"""`lodestar worker` as a process of its own: its schedules fire (a refresh, a reminder that arrives at a real SMTP
server), each occurrence runs once, and Refresh now waits for it.

The worker, and the web server where one is needed, run on a database of their own of the kind
this run uses. Their queue is the database's (a SQLite file beside it, or PostgreSQL), or Redis
(database 7 on 127.0.0.1; skipped when no Redis answers there, a failure under CI). What they did is read from the
database from outside: the refresh runs, the claims of the schedule's occurrences, the measurements.
"""

from __future__ import annotations

import copy
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path
from typing import Any

import pytest
import yaml

from lodestar.lib.clock import today
from tests.conftest import EXAMPLE
from tests.integration.notifications.model import MODEL as NOTIFIED
from tests.integration.notifications.smtp import SmtpServer
from tests.integration.processes import free_port, query, run_lodestar_process, stop

REDIS_URL = "redis://127.0.0.1:6379/7"
SCHEDULE_ACTOR = "schedule (lodestar worker)"
ADMIN = "admin@example.com"
PASSWORD = "worker-test-password"
WAIT_SECONDS = 180


def redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping())
    except redis.RedisError:
        return False


@dataclass
class Site:
    """A database with the spec's example model, its web-mqls key result bound to the demo warehouse."""

    database_url: str
    environment: dict[str, str]
    directory: Path

    def start(self, *args: str, log: str, **extra: str) -> subprocess.Popen[str]:
        """Start `lodestar ARGS` with this site's environment (plus `extra` variables), logging to `log`."""
        output = (self.directory / log).open("w", encoding="utf-8")
        return subprocess.Popen(
            [sys.executable, "-m", "lodestar.cli", *args],
            env={**self.environment, **extra},
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=self.directory,
        )

    def log(self, name: str) -> str:
        return (self.directory / name).read_text(encoding="utf-8")

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        return query(self.database_url, sql)


@pytest.fixture
def site(database_url: str, demo_warehouse: Path, tmp_path: Path) -> Site:
    document = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    key_result = document["goals"][0]["key_results"][0]
    assert key_result["id"] == "web-mqls"
    key_result["metric"] = {"id": "mqls", "where": {"channel": "web"}}
    model = tmp_path / "model.yaml"
    model.write_text(yaml.safe_dump(document, sort_keys=False), encoding="utf-8")
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("LODESTAR_", "DJANGO_SETTINGS"))
    }
    environment.update(
        {
            "LODESTAR_DATABASE_URL": database_url,
            "LODESTAR_METRICS_FILE": str(demo_warehouse),
            "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
            "LODESTAR_STATIC_ROOT": str(tmp_path / "static"),
            "LODESTAR_SCHEDULE_METRICS": "off",
        }
    )
    run_lodestar_process(environment, "import", str(model))
    return Site(database_url=database_url, environment=environment, directory=tmp_path)


def wait_until(
    condition: Callable[[], bool], what: str, processes: dict[str, subprocess.Popen[str]], site: Site
) -> None:
    """Wait for `condition`, failing with the processes' logs if one of them ends or the wait runs out."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        for log, process in processes.items():
            assert process.poll() is None, f"{log} ended:\n{site.log(log)}"
        if time.monotonic() > deadline:
            logs = "\n".join(f"--- {log}\n{site.log(log)}" for log in processes)
            pytest.fail(f"{what} did not happen within {WAIT_SECONDS} s\n{logs}")
        time.sleep(0.2)


@pytest.fixture
def stopped() -> Iterator[list[subprocess.Popen[str]]]:
    """Processes to stop at the end of the test, whatever happens."""
    processes: list[subprocess.Popen[str]] = []
    yield processes
    for process in processes:
        if process.poll() is None:
            stop(process)


def scheduled_refreshes(site: Site, *, status: str | None = None) -> list[tuple[Any, ...]]:
    which = f" AND status = '{status}'" if status else ""
    return site.rows(f"SELECT status, created FROM metrics_refreshrun WHERE requested_by = '{SCHEDULE_ACTOR}'{which}")


def test_the_worker_refreshes_the_metrics_when_its_schedule_fires(
    site: Site, stopped: list[subprocess.Popen[str]]
) -> None:
    worker = site.start("worker", log="worker.log", LODESTAR_SCHEDULE_METRICS="every 2 seconds")
    stopped.append(worker)
    wait_until(
        lambda: len(scheduled_refreshes(site, status="done")) >= 2,
        "two scheduled refreshes",
        {"worker.log": worker},
        site,
    )
    stop(worker)  # SIGTERM: the refreshes running finish first

    runs = scheduled_refreshes(site)
    assert {status for status, _ in runs} == {"done"}
    # The refreshes wrote the metric's measurements (under load two may overlap: the later one then finds them written).
    assert sum(created for _, created in runs) > 0
    written = site.rows(
        "SELECT count(*) FROM goals_measurement WHERE key_result_id = 'web-mqls' AND source = 'metric:mqls'"
    )
    assert written[0][0] > 0
    claims = site.rows("SELECT outcome, detail, slot FROM jobs_scheduledrun WHERE job = 'metrics'")
    assert len(claims) == len(runs)
    assert all(outcome == "done" and detail.startswith("Refreshed 1 key result") for outcome, detail, _ in claims)
    assert all(slot.startswith("every-2s:") for _, _, slot in claims)
    output = site.log("worker.log")
    assert "Lodestar worker: 2 threads" in output
    assert "metrics    every 2 seconds" in output
    assert "reminders  0 * * * *" in output


@pytest.mark.parametrize("backend", ["database", "redis"])
def test_two_workers_run_each_occurrence_of_a_schedule_once(
    site: Site, stopped: list[subprocess.Popen[str]], backend: str
) -> None:
    extra = {"LODESTAR_SCHEDULE_METRICS": "every 3 seconds"}
    if backend == "redis":
        if not redis_answers():
            if os.environ.get("CI"):
                pytest.fail(f"no Redis answers at {REDIS_URL}, and CI requires it (.ci/run starts it)")
            pytest.skip(f"no Redis answers at {REDIS_URL}")
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        extra["LODESTAR_REDIS_URL"] = REDIS_URL
    workers = {f"worker-{number}.log": site.start("worker", log=f"worker-{number}.log", **extra) for number in (1, 2)}
    stopped.extend(workers.values())

    def finished_claims() -> int:
        return len(site.rows("SELECT 1 FROM jobs_scheduledrun WHERE job = 'metrics' AND outcome = 'done'"))

    wait_until(lambda: finished_claims() >= 3, "three scheduled refreshes", workers, site)
    for worker in workers.values():
        stop(worker)

    claims = site.rows("SELECT slot, outcome FROM jobs_scheduledrun WHERE job = 'metrics'")
    slots = [slot for slot, _ in claims]
    assert len(slots) == len(set(slots))
    # Both workers looked at every occurrence; one refresh ran for each.
    assert len(scheduled_refreshes(site)) == len(slots)
    for log in workers:
        assert ("queue in Redis" if backend == "redis" else "queue in ") in site.log(log)


class Browser:
    """A signed-in admin on the web server, with the cookies and CSRF token a browser keeps."""

    def __init__(self, port: int) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def csrf(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken") or ""

    def request(self, path: str, data: dict[str, str] | None = None, *, htmx: bool = False) -> str:
        headers = {"HX-Request": "true"} if htmx else {}
        if data is not None:
            headers["X-CSRFToken"] = self.csrf()
        body = None if data is None else urllib.parse.urlencode(data).encode()
        with self.opener.open(
            urllib.request.Request(self.base + path, data=body, headers=headers), timeout=60
        ) as answer:
            text: str = answer.read().decode()
            return text

    def sign_in(self) -> None:
        self.request("/sign-in")
        page = self.request("/sign-in", {"email": ADMIN, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()})
        assert "Sign out" in page or "sign-out" in page, page[:500]


def test_refresh_now_answers_while_no_worker_runs_and_shows_the_result_once_a_worker_ran_it(
    site: Site, stopped: list[subprocess.Popen[str]]
) -> None:
    run_lodestar_process(site.environment, "users", "add", ADMIN, "--role", "admin", "--password-stdin", stdin=PASSWORD)
    port = free_port()
    server = site.start("serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", log="serve.log")
    stopped.append(server)
    browser = Browser(port)

    def answers() -> bool:
        try:
            return "ok" in browser.request("/healthz")
        except OSError:
            return False

    wait_until(answers, "the web server answering", {"serve.log": server}, site)
    browser.sign_in()

    queued = browser.request("/metrics/refresh", {}, htmx=True)
    assert 'data-status="queued"' in queued
    assert "<code>lodestar worker</code> must be running" in queued
    match = re.search(r'hx-get="/metrics/refresh/(\d+)" hx-trigger="every 1s"', queued)
    assert match, queued
    status_path = f"/metrics/refresh/{match.group(1)}"
    assert 'data-status="queued"' in browser.request(status_path, htmx=True)  # no worker, so it waits
    assert site.rows("SELECT count(*) FROM goals_measurement WHERE source = 'metric:mqls'")[0][0] == 0

    worker = site.start("worker", "--threads", "1", log="worker.log")
    stopped.append(worker)
    processes = {"serve.log": server, "worker.log": worker}
    wait_until(lambda: 'data-status="done"' in browser.request(status_path, htmx=True), "the refresh", processes, site)

    done = browser.request(status_path, htmx=True)
    assert "Refreshed 1 key result and 0 KPIs" in done
    assert "key result web-mqls</span> on 2026-06-30: kept 210" in done
    assert "hx-trigger" not in done
    assert site.rows("SELECT count(*) FROM goals_measurement WHERE source = 'metric:mqls'")[0][0] > 0
    audit = site.rows("SELECT actor, surface FROM accounts_auditentry WHERE action = 'metrics.refresh'")
    assert audit == [(ADMIN, "worker")]


def _due_this_year() -> dict[str, Any]:
    """The e-mail tests' organization with its period moved to this year, so that its key results are due today."""
    year = today().year
    document = copy.deepcopy(NOTIFIED)
    document["periods"] = [{"id": "fy2026", "start": f"{year}-01-01", "end": f"{year}-12-31"}]
    for goal in document["goals"]:
        for key_result in goal["key_results"]:
            key_result.pop("measurements", None)
    return document


def test_the_workers_reminder_schedule_fires_and_the_reminder_arrives_at_the_mail_server_once(
    database_url: str, tmp_path: Path, smtp_server: SmtpServer, stopped: list[subprocess.Popen[str]]
) -> None:
    model = tmp_path / "model.yaml"
    model.write_text(yaml.safe_dump(_due_this_year(), sort_keys=False), encoding="utf-8")
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("LODESTAR_", "DJANGO_SETTINGS"))
    }
    environment.update(
        {
            "LODESTAR_DATABASE_URL": database_url,
            "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
            "LODESTAR_EMAIL_URL": smtp_server.url,
            "LODESTAR_EMAIL_FROM": "Goals <goals@example.com>",
            "LODESTAR_BASE_URL": "https://goals.example.com",
            "LODESTAR_SCHEDULE_METRICS": "off",
            "LODESTAR_SCHEDULE_DIGESTS": "off",
            "LODESTAR_SCHEDULE_REMINDERS": "every 2 seconds",
        }
    )
    run_lodestar_process(environment, "import", str(model))
    site = Site(database_url=database_url, environment=environment, directory=tmp_path)
    worker = site.start("worker", log="worker.log")
    stopped.append(worker)

    def reminder_runs() -> int:
        rows = site.rows("SELECT count(*) FROM jobs_scheduledrun WHERE job = 'reminders' AND outcome = 'done'")
        return int(rows[0][0])

    wait_until(lambda: reminder_runs() >= 3, "three runs of the reminder schedule", {"worker.log": worker}, site)
    stop(worker)

    # Lea owns a due key result, Max leads the unit that owns one; the others opted out or have no e-mail.
    assert smtp_server.inbox.recipients == ["lea@example.com", "max@example.com"]
    reminder = smtp_server.inbox.to("lea@example.com")[0]
    assert reminder.message["From"] == "Goals <goals@example.com>"
    assert "https://goals.example.com/goals/more-leads/" in reminder.text
    assert "https://goals.example.com/reminders/stop/" in reminder.html
    sent = site.rows("SELECT person_id FROM notifications_sentmessage WHERE kind = 'reminder' AND sent_at IS NOT NULL")
    assert sorted(person for (person,) in sent) == ["lea", "max"]
