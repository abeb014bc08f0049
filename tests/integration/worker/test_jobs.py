"""The jobs without a worker process: claims of scheduled occurrences, the scheduled refresh, the queue's failures, the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from pytest_django import Settings

from lodestar.accounts.models import User
from lodestar.jobs import registry
from lodestar.jobs.models import ScheduledRun
from lodestar.jobs.queue import jobs_file
from lodestar.jobs.runner import run_scheduled
from lodestar.metrics.models import RefreshRun
from lodestar.notifications.services import send_digests, send_reminders
from tests.conftest import RunLodestar
from tests.integration.accounts.cast import BrowserAs, Cast
from tests.integration.job_queue import JobQueue
from tests.integration.processes import free_port
from tests.integration.warehouse import INVALID, write_metrics


@pytest.mark.usefixtures("bound")
def test_an_occurrence_runs_once_however_often_it_is_looked_at(cast: Cast) -> None:
    first = run_scheduled("metrics", "2026-07-01T02:00")
    again = run_scheduled("metrics", "2026-07-01T02:00")
    assert first is not None
    assert again is None
    assert (first.outcome, first.detail[:29]) == ("done", "Refreshed 1 key result and 1 ")
    assert RefreshRun.objects.filter(requested_by="schedule (lodestar worker)", status="done").count() == 1
    assert run_scheduled("metrics", "2026-07-02T02:00") is not None
    assert ScheduledRun.objects.count() == 2


@pytest.mark.usefixtures("bound")
def test_a_scheduled_refresh_that_cannot_run_is_recorded_as_failed_with_its_reasons(
    cast: Cast, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_metrics(tmp_path, INVALID, monkeypatch)
    claim = run_scheduled("metrics", "slot")
    assert claim is not None
    assert claim.outcome == "failed"
    assert "nowhere" in claim.detail  # the metrics file's problem, not a traceback
    run = RefreshRun.objects.get()
    assert run.status == "failed"
    assert "nowhere" in run.error


@pytest.mark.usefixtures("bound")
def test_without_a_metrics_file_the_scheduled_refresh_says_there_is_nothing_to_refresh(
    cast: Cast, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LODESTAR_METRICS_FILE")
    claim = run_scheduled("metrics", "slot")
    assert claim is not None
    assert (claim.outcome, claim.detail) == (
        "done",
        "no metrics file is configured (LODESTAR_METRICS_FILE): nothing to refresh",
    )
    assert not RefreshRun.objects.exists()


@pytest.mark.usefixtures("bound")
def test_a_job_this_version_does_not_have_is_recorded_as_failed(cast: Cast, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(registry.SCHEDULED, "reminders", None)
    claim = run_scheduled("reminders", "slot")
    assert claim is not None
    assert (claim.outcome, claim.detail) == ("failed", "no job 'reminders' in this version of Lodestar")


@pytest.mark.usefixtures("bound")
def test_the_scheduled_reminders_send_what_is_due_once_and_say_how_many(cast: Cast) -> None:
    expected = len(send_reminders(dry_run=True).sent)
    assert expected > 0, "the example model has a key result due today"
    claim = run_scheduled("reminders", "slot")
    assert claim is not None
    plural = "s" if expected != 1 else ""
    assert (claim.outcome, claim.detail) == ("done", f"Sent {expected} reminder{plural}.")
    assert len(mail.outbox) == expected
    again = run_scheduled("reminders", "another slot")
    assert again is not None
    assert (again.outcome, again.detail) == ("done", "Sent 0 reminders.")
    assert len(mail.outbox) == expected


@pytest.mark.usefixtures("bound")
def test_the_scheduled_digests_say_how_many_they_sent(cast: Cast) -> None:
    expected = len(send_digests(dry_run=True).sent)
    claim = run_scheduled("digests", "slot")
    assert claim is not None
    assert claim.outcome == "done"
    assert claim.detail == f"Sent {expected} digest{'s' if expected != 1 else ''}."
    assert len(mail.outbox) == expected


@pytest.mark.usefixtures("bound")
def test_a_queue_that_cannot_be_reached_fails_the_refresh_and_says_why(
    browser_as: BrowserAs, settings: Settings
) -> None:
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"
    response = browser_as("admin").post("/metrics/refresh", headers={"HX-Request": "true"})
    content = response.content.decode()
    assert response.status_code == 200
    assert 'data-status="failed"' in content
    assert "the job queue (Redis) cannot be reached" in content
    assert RefreshRun.objects.get().status == "failed"


@pytest.mark.usefixtures("bound")
def test_a_refresh_asked_for_by_an_admin_who_is_no_longer_one_fails_with_the_reason(
    browser_as: BrowserAs, cast: Cast, job_queue: JobQueue
) -> None:
    browser_as("admin").post("/metrics/refresh", headers={"HX-Request": "true"})
    User.objects.filter(email="admin@example.com").update(role="viewer")
    job_queue.run()
    run = RefreshRun.objects.get()
    assert run.status == "failed"
    assert run.error == "only admins may refresh metrics"


def test_the_queue_of_a_sqlite_database_lies_beside_it() -> None:
    assert jobs_file("/srv/lodestar/lodestar.sqlite3") == Path("/srv/lodestar/lodestar.jobs.sqlite3")
    assert jobs_file("/srv/demo") == Path("/srv/demo.jobs.sqlite3")


def test_worker_check_lists_the_schedules_and_the_queue(lodestar: RunLodestar) -> None:
    run = lodestar("worker", "--check")
    assert run.code == 0, run.err
    assert "schedules in Europe/Berlin:" in run.out
    assert "  reminders  0 * * * *" in run.out
    assert "  digests    0 8 * * mon" in run.out
    assert "  metrics    0 2 * * *" in run.out
    assert "queue in " in run.out


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        (
            "LODESTAR_SCHEDULE_DIGESTS",
            "0 8 * * someday",
            "LODESTAR_SCHEDULE_DIGESTS: '0 8 * * someday': 'someday' is no weekday",
        ),
        ("LODESTAR_SCHEDULE_METRICS", "at two", "LODESTAR_SCHEDULE_METRICS: 'at two': expected 'off'"),
        ("LODESTAR_TIME_ZONE", "Mars/Olympus", "LODESTAR_TIME_ZONE: 'Mars/Olympus' is not a time zone"),
        ("LODESTAR_REDIS_URL", "localhost:6379", "LODESTAR_REDIS_URL: expected redis://"),
    ],
)
def test_a_bad_job_setting_stops_the_worker_with_the_variable_named(
    tmp_path: Path, variable: str, value: str, message: str
) -> None:
    environment = {**os.environ, "LODESTAR_DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}", variable: value}
    done = subprocess.run(
        [sys.executable, "-m", "lodestar.cli", "worker", "--check"],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert message in done.stderr
