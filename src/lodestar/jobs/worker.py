"""`lodestar worker`: Huey's consumer, whose scheduler also queues the occurrences of Lodestar's schedules.

Huey's own periodic tasks take no arguments, so the occurrence a run belongs to could only be
guessed when it runs. Instead the scheduler (Huey's, through its `scheduler_class` hook) looks
at the schedule table every few seconds and queues each new occurrence with its slot; the
worker that runs it claims the slot first (`runner.run_scheduled`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from huey.consumer import Consumer, Scheduler

from lodestar.jobs import registry
from lodestar.jobs.queue import Queue
from lodestar.jobs.schedule import Schedule, now, parse_schedule, tick_seconds

logger = logging.getLogger("lodestar.jobs")


@dataclass(frozen=True)
class ScheduledJob:
    """One row of the schedule table: a job, when it runs, and whether this version has it."""

    name: str
    schedule: Schedule
    available: bool

    @property
    def runs(self) -> bool:
        """Return whether the worker queues this job."""
        return self.available and not self.schedule.off


def schedule_table() -> list[ScheduledJob]:
    """Return every scheduled job with its schedule from the settings (`LODESTAR_SCHEDULE_<JOB>`)."""
    return [
        ScheduledJob(name, parse_schedule(settings.SCHEDULES.get(name, "off")), registry.available(name))
        for name in registry.SCHEDULED
    ]


def zone() -> ZoneInfo:
    """Return the time zone that cron lines are read in (`LODESTAR_TIME_ZONE`)."""
    return ZoneInfo(settings.LODESTAR_TIME_ZONE)


class ScheduleScheduler(Scheduler):
    """Huey's scheduler, which also queues every new occurrence of the schedule table."""

    def __init__(self, *args: Any, table: list[ScheduledJob], queue: Queue, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.table = [job for job in table if job.runs]
        self.queue = queue
        self.zone = zone()
        self.periodic_task_seconds = tick_seconds([job.schedule for job in self.table])
        self.queued: dict[str, str] = {}

    def enqueue_periodic_tasks(self, now_: Any) -> None:
        super().enqueue_periodic_tasks(now_)
        moment = now()
        for job in self.table:
            slot = job.schedule.slot(moment, self.zone)
            if slot is None or self.queued.get(job.name) == slot:
                continue
            try:
                self.queue.huey.enqueue(self.queue.run_occurrence.s(job.name, slot))
            except Exception:
                logger.exception("%s %s: could not be queued; the next look tries again", job.name, slot)
                continue
            self.queued[job.name] = slot


class WorkerConsumer(Consumer):
    """Huey's consumer with threads for workers and the schedule table's scheduler.

    SIGTERM (what service managers send) stops it gracefully: the jobs running finish, queued ones
    wait for the next start. SIGINT (Ctrl-C) stops it at once; SIGHUP restarts it.
    """

    def __init__(self, queue: Queue, *, table: list[ScheduledJob], threads: int) -> None:
        self.table = table
        self.queue = queue
        super().__init__(queue.huey, workers=threads, worker_type="thread", periodic=True, graceful_signal="TERM")

    def _create_scheduler(self) -> ScheduleScheduler:
        return ScheduleScheduler(
            huey=self.huey,
            stop_flag=self.stop_flag,
            interval=self.scheduler_interval,
            periodic=self.periodic,
            table=self.table,
            queue=self.queue,
        )
