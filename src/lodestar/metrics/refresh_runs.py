"""Refresh now, in the background: a refresh asked for on /metrics/ is queued, run by `lodestar worker`, and followed.

A run goes queued → running → done (its report kept for the refresh panel) or failed (its
reasons kept). The request returns as soon as the run is queued; the page asks for the run's
status until it is finished. The scheduled refresh takes the same path without the queue.
Raises PermissionDenied (only admins refresh) and NotConfigured (no metrics file) when asked.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from django.utils import timezone

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import ADMIN
from lodestar.jobs.queue import QueueUnavailable, enqueue
from lodestar.jobs.registry import JobFailed
from lodestar.lib.clock import today
from lodestar.lib.errors import LodestarError, NotFound
from lodestar.metrics.configuration import NotConfigured, metrics_file
from lodestar.metrics.errors import MetricsError
from lodestar.metrics.models import ACTIVE, DONE, FAILED, QUEUED, RUNNING, RefreshRun
from lodestar.metrics.services import problems_of
from lodestar.metrics.survey_values import survey_metrics_bound

if TYPE_CHECKING:
    from lodestar.metrics.refresh import RefreshReport

logger = logging.getLogger("lodestar.jobs")
JOB = "metrics.refresh"
# A run still "running" after this long lost its worker (stopped or killed); a new one may be asked for.
LOST_AFTER = timedelta(hours=1)
SCHEDULE_ACTOR = Actor(label="schedule (lodestar worker)", role=ADMIN, person_id=None, surface="worker")


@dataclass(frozen=True)
class RunStatus:
    """Where a refresh run stands, as the refresh panel shows it."""

    id: int
    status: str
    requested_at: datetime | None
    requested_by: str
    started_at: datetime | None
    finished_at: datetime | None
    report: RefreshReport | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """Return whether the run is still to finish (the page keeps asking)."""
        return self.status in ACTIVE


def _lost(run: RefreshRun) -> bool:
    return run.status == RUNNING and run.started_at is not None and run.started_at < timezone.now() - LOST_AFTER


def _status(run: RefreshRun) -> RunStatus:
    from lodestar.metrics.refresh import report_from_json

    status, problems = run.status, run.error.splitlines()
    if _lost(run):
        status, problems = FAILED, ["the worker stopped while running this refresh (no result after an hour)"]
    return RunStatus(
        id=run.pk,
        status=status,
        requested_at=run.requested_at,
        requested_by=run.requested_by,
        started_at=run.started_at,
        finished_at=run.finished_at,
        report=report_from_json(run.report) if status == DONE and run.report else None,
        problems=problems,
    )


def request_refresh(*, actor: Actor) -> RunStatus:
    """Queue a refresh of every bound key result and KPI as of today and return at once.

    While one is queued or running, that one is returned instead of a second. Raises
    PermissionDenied or NotConfigured; a queue that cannot be reached fails the run (with why).
    """
    require_admin(actor, what="refresh metrics")
    path = metrics_file()
    active = RefreshRun.objects.filter(status__in=ACTIVE).order_by("-id").first()
    if active is not None and not _lost(active):
        return _status(active)
    run = RefreshRun.objects.create(
        status=QUEUED,
        requested_at=timezone.now(),
        requested_by=actor.label[:254],
        requested_by_user=actor.user_id,
        as_of=today(),
        metrics_file=str(path)[:500],
    )
    try:
        enqueue(JOB, run.pk)
    except QueueUnavailable as error:
        _fail(run.pk, [str(error)])
    run.refresh_from_db()
    return _status(run)


def run_status(run_id: int) -> RunStatus:
    """Return where a refresh run stands; raises NotFound."""
    run = RefreshRun.objects.filter(pk=run_id).first()
    if run is None:
        raise NotFound(f"no refresh run {run_id}")
    return _status(run)


def active_run() -> RunStatus | None:
    """Return the refresh that is queued or running now, if any."""
    run = RefreshRun.objects.filter(status__in=ACTIVE).order_by("-id").first()
    return None if run is None or _lost(run) else _status(run)


def latest_run() -> RunStatus | None:
    """Return the refresh queued or running now, else the last one that finished (done or failed), if any."""
    active = active_run()
    if active is not None:
        return active
    run = RefreshRun.objects.filter(status__in=(DONE, FAILED)).order_by("-finished_at", "-id").first()
    return None if run is None else _status(run)


def execute_run(run_id: int) -> None:
    """Run a queued refresh (the worker's job); a run already taken or gone is left alone."""
    if not RefreshRun.objects.filter(pk=run_id, status=QUEUED).update(status=RUNNING, started_at=timezone.now()):
        return
    _execute(RefreshRun.objects.get(pk=run_id))


def scheduled_refresh() -> str:
    """Refresh on the worker's schedule; returns what it did, raises JobFailed when the refresh could not run."""
    path = _configured()
    if path is None and not survey_metrics_bound():
        return "no metrics file is configured (LODESTAR_METRICS_FILE): nothing to refresh"
    now = timezone.now()
    run = RefreshRun.objects.create(
        status=RUNNING,
        requested_at=now,
        started_at=now,
        requested_by=SCHEDULE_ACTOR.label,
        as_of=today(),
        metrics_file="" if path is None else str(path)[:500],
    )
    status = _execute(run)
    if status.status != DONE or status.report is None:
        raise JobFailed("; ".join(status.problems) or "the refresh failed")
    failed = len(status.report.failed)
    return status.report.summary() + (f" {failed} binding{'s' if failed != 1 else ''} failed." if failed else "")


def _actor(run: RefreshRun) -> Actor:
    if run.requested_by_user is None:
        return SCHEDULE_ACTOR
    from lodestar.accounts.models import User
    from lodestar.accounts.services import actor_for

    user = User.objects.filter(pk=run.requested_by_user, is_active=True).first()
    if user is None:
        raise NotFound(f"the user who asked for this refresh ({run.requested_by}) no longer exists or is inactive")
    return actor_for(user, surface="worker")


def _execute(run: RefreshRun) -> RunStatus:
    from lodestar.metrics.refresh import refresh

    try:
        refresh(as_of=run.as_of, definitions_path=_configured(), actor=_actor(run), run_id=run.pk)
    except (NotConfigured, MetricsError, LodestarError) as error:
        problems = _problems(error)
        logger.warning("metrics refresh %s failed: %s", run.pk, "; ".join(problems))
        _fail(run.pk, problems)
    except Exception as error:  # the worker goes on; the panel names the reference the log carries
        reference = uuid.uuid4().hex[:12]
        logger.exception("metrics refresh %s failed (reference %s)", run.pk, reference)
        _fail(run.pk, [f"unexpected error {type(error).__name__} (reference {reference}); the worker's log has more"])
    run.refresh_from_db()
    return _status(run)


def _configured() -> Path | None:
    """The configured metrics file, or None: the survey metrics are refreshed without one."""
    try:
        return metrics_file()
    except NotConfigured:
        return None


def _problems(error: LodestarError | MetricsError) -> list[str]:
    """What went wrong, as lines: the metrics file's problems, the bindings that fit none, or the error itself."""
    if isinstance(error, MetricsError):
        return problems_of(error)
    return [str(error)]


def _fail(run_id: int, problems: list[str]) -> None:
    RefreshRun.objects.filter(pk=run_id).update(status=FAILED, finished_at=timezone.now(), error="\n".join(problems))
