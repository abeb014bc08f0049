"""The jobs the worker runs, by name, each the dotted path of a function resolved when the job runs.

A scheduled job's function takes no argument (it works as of today) and returns what it did:
an object with a `summary()` method, or anything whose text says it. A queued job's function
takes the arguments it was queued with. A job that cannot do its work raises JobFailed with the
reason (recorded without a traceback); any other exception is recorded with one. A path of None names a job this version does not
have yet: its schedule is listed but never run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.module_loading import import_string

SCHEDULED: dict[str, str | None] = {
    "reminders": "lodestar.notifications.jobs.scheduled_reminders",
    "digests": "lodestar.notifications.jobs.scheduled_digests",
    "surveys": "lodestar.surveys.jobs.scheduled_survey_mails",
    "metrics": "lodestar.metrics.refresh_runs.scheduled_refresh",
}

QUEUED: dict[str, str] = {
    "metrics.refresh": "lodestar.metrics.refresh_runs.execute_run",
}


class JobFailed(Exception):
    """The job ran and could not do its work; the message says why."""


class UnknownJob(LookupError):
    """No job of that name, or one this version does not have."""


def resolve(name: str) -> Callable[..., Any]:
    """Return the function of a scheduled or queued job; raises UnknownJob."""
    path = SCHEDULED.get(name) if name in SCHEDULED else QUEUED.get(name)
    if path is None:
        raise UnknownJob(f"no job {name!r} in this version of Lodestar")
    try:
        function: Callable[..., Any] = import_string(path)
    except ImportError as error:
        raise UnknownJob(f"job {name!r}: cannot import {path}: {error}") from None
    return function


def available(name: str) -> bool:
    """Return whether a scheduled job exists in this version."""
    return SCHEDULED.get(name) is not None
