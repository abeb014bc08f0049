"""Run one occurrence of a scheduled job: claim it, call its function, keep what it did.

The claim is a row with a unique (job, slot): the worker that inserts it runs the job, and
every other worker that looks at the same occurrence (another machine, or the same scheduler
a few seconds later) finds it taken and does nothing. A job that fails is recorded as failed
with its reason and is not run again for that occurrence; the next occurrence runs as usual.
"""

from __future__ import annotations

import logging
import os
import socket
import traceback
import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from lodestar.jobs import registry
from lodestar.jobs.models import DONE, FAILED, ScheduledRun

logger = logging.getLogger("lodestar.jobs")
# Claims older than this are deleted when a new one is taken: enough history to see what ran.
KEPT_FOR = timedelta(days=90)
DETAIL_CHARS = 4000


def worker_name() -> str:
    """Return this process as the claims name it: host and process id."""
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


def claim(job: str, slot: str) -> ScheduledRun | None:
    """Claim an occurrence; return the claim, or None when another worker (or an earlier look) has it."""
    try:
        with transaction.atomic():
            run = ScheduledRun.objects.create(job=job, slot=slot, worker=worker_name(), started_at=timezone.now())
    except IntegrityError:
        return None
    ScheduledRun.objects.filter(started_at__lt=timezone.now() - KEPT_FOR).delete()
    return run


def describe(result: object) -> str:
    """What a job returned, as the claim keeps it: its summary() if it has one, else its text."""
    summary = getattr(result, "summary", None)
    text = summary() if callable(summary) else ("" if result is None else str(result))
    return str(text)[:DETAIL_CHARS]


def run_scheduled(job: str, slot: str) -> ScheduledRun | None:
    """Run one occurrence of a scheduled job unless it is claimed already; return the claim, or None."""
    run = claim(job, slot)
    if run is None:
        logger.debug("%s %s: claimed by another worker", job, slot)
        return None
    try:
        result = registry.resolve(job)()
    except (registry.JobFailed, registry.UnknownJob) as error:
        logger.warning("%s %s failed: %s", job, slot, error)
        run.outcome, run.detail = FAILED, str(error)[:DETAIL_CHARS]
    except Exception as error:
        reference = uuid.uuid4().hex[:12]
        logger.error("%s %s failed (reference %s): %s\n%s", job, slot, reference, error, traceback.format_exc())
        run.outcome, run.detail = FAILED, f"{type(error).__name__}: {error} (reference {reference})"[:DETAIL_CHARS]
    else:
        run.outcome, run.detail = DONE, describe(result)
        logger.info("%s %s: %s", job, slot, run.detail or "done")
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "detail", "finished_at"])
    return run
