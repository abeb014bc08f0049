"""Huey's queue, kept where the database is, unless `LODESTAR_REDIS_URL` names a Redis server.

- With `LODESTAR_REDIS_URL`: Redis (`RedisHuey`).
- On SQLite: a SQLite file of its own next to the database (`lodestar.sqlite3` queues in
  `lodestar.jobs.sqlite3`), so that the embedded default needs no other service. Workers and
  the web server must then run on the machine that has the file.
- On PostgreSQL: the same database (`PostgresHuey`, tables `huey_*` that Huey creates
  itself), so that workers on several machines share one queue without another service.
- On an in-memory SQLite database (tests, `makemigrations`): a queue in memory.

The queue is named after the database, so that two Lodestar installations sharing one Redis
server keep their jobs apart. Two tasks are registered: a queued job by name, and one
occurrence of a scheduled job. Both look the job's function up in `registry` when they run.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection, connections
from huey import Huey, MemoryHuey, PostgresHuey, RedisHuey, SqliteHuey
from huey.api import TaskWrapper

from lodestar.jobs import registry
from lodestar.jobs.runner import run_scheduled

logger = logging.getLogger("lodestar.jobs")
JOBS_SUFFIX = ".jobs.sqlite3"
# Django's own connection options that psycopg.connect does not take for Huey's connection.
DJANGO_ONLY = ("cursor_factory", "context", "prepare_threshold")
# The PostgreSQL advisory lock held while Huey creates its tables ("lodestar" in ASCII).
QUEUE_TABLES_LOCK = 0x6C6F64657374


class QueueUnavailable(Exception):
    """The job queue cannot be reached; the message says which and why."""


@dataclass(frozen=True)
class Queue:
    """The Huey instance of this process and its two tasks."""

    huey: Huey
    where: str
    run_queued: TaskWrapper
    run_occurrence: TaskWrapper


_queues: dict[tuple[str, ...], Queue] = {}


def _identity() -> tuple[str, ...]:
    database = connections["default"].settings_dict
    return (settings.REDIS_URL, connections["default"].vendor, str(database["NAME"]))


def jobs_file(database_file: str) -> Path:
    """Return the queue's SQLite file beside the database file: `x.sqlite3` queues in `x.jobs.sqlite3`."""
    path = Path(database_file)
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    return path.with_name(stem + JOBS_SUFFIX)


def _huey() -> tuple[Huey, str]:
    redis_url, vendor, database_name = _identity()
    name = f"lodestar:{database_name}"
    options: dict[str, Any] = {"results": False, "utc": True}
    if redis_url:
        return RedisHuey(name, url=redis_url, **options), "Redis"
    if vendor == "postgresql":
        params = {
            key: value
            for key, value in connections["default"].get_connection_params().items()
            if key not in DJANGO_ONLY
        }

        def connect() -> Any:
            import psycopg

            return psycopg.connect(**params)

        # Huey creates its tables when it starts (CREATE TABLE IF NOT EXISTS), which two processes
        # starting at once cannot both do: PostgreSQL refuses the second with a duplicate type. A
        # lock of this database's sessions lets one create them while the others wait.
        with connect() as guard:
            guard.execute("SELECT pg_advisory_lock(%s)", (QUEUE_TABLES_LOCK,))
            try:
                huey = PostgresHuey(name, connection=connect, **options)
            finally:
                guard.execute("SELECT pg_advisory_unlock(%s)", (QUEUE_TABLES_LOCK,))
        return huey, f"PostgreSQL database {database_name}"
    if database_name == ":memory:" or "mode=memory" in database_name:
        return MemoryHuey(name, **options), "memory (this process only)"
    path = jobs_file(database_name)
    return SqliteHuey(name, filename=str(path), **options), f"SQLite file {path}"


def queue() -> Queue:
    """Return this process's queue for the configured database (built on first use)."""
    identity = _identity()
    found = _queues.get(identity)
    if found is None:
        try:
            huey, where = _huey()
        except Exception as error:  # Huey raises the driver's own errors, which differ per backend.
            raise QueueUnavailable(f"the job queue cannot be opened: {error}") from error
        found = Queue(
            huey=huey,
            where=where,
            run_queued=huey.task(name="lodestar.queued")(_with_fresh_connections(_run_queued)),
            run_occurrence=huey.task(name="lodestar.scheduled")(_with_fresh_connections(run_scheduled)),
        )
        _queues[identity] = found
    return found


def close_queues() -> None:
    """Close this thread's connections to every queue this process opened (a test database can then be dropped)."""
    for opened in _queues.values():
        opened.huey.storage.close()


def enqueue(job: str, *args: Any) -> None:
    """Queue a job by name (see `registry.QUEUED`) with its arguments; raises QueueUnavailable."""
    if job not in registry.QUEUED:
        raise registry.UnknownJob(f"no queued job {job!r}")
    current = queue()
    try:
        current.huey.enqueue(current.run_queued.s(job, *args))
    except Exception as error:  # Redis' and PostgreSQL's connection errors alike
        raise QueueUnavailable(f"the job queue ({current.where}) cannot be reached: {error}") from error


def _run_queued(job: str, *args: Any) -> None:
    registry.resolve(job)(*args)


def _with_fresh_connections(function: Any) -> Any:
    """A job runs on a connection that is still usable, and gives it back when done (as Django's requests do).

    Inside a transaction (a test that runs a job in its own process) the connection is the caller's and stays.
    """

    def run(*args: Any) -> Any:
        if not connection.in_atomic_block:
            close_old_connections()
        try:
            return function(*args)
        finally:
            if not connection.in_atomic_block:
                close_old_connections()

    run.__name__ = function.__name__
    return run
