"""lodestar worker"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand
from lodestar.jobs.queue import QueueUnavailable, close_queues, queue
from lodestar.jobs.worker import ScheduledJob, WorkerConsumer, schedule_table


def _line(job: ScheduledJob, width: int) -> str:
    if not job.available:
        state = "not in this version"
    elif job.schedule.off:
        state = "off"
    else:
        state = job.schedule.text
    return f"  {job.name.ljust(width)}  {state}"


class Command(LodestarCommand):
    help = "Run the jobs: reminders, digests and the metric refresh on their schedules, and the refreshes the web app queues."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--threads", type=int, default=2, help="jobs run at once by this worker (default 2)")
        parser.add_argument("--check", action="store_true", help="print the queue and the schedules, then exit")

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["threads"] <= 32:
            raise CommandFailed("--threads: expected 1 to 32")
        self.database()
        try:
            current = queue()
        except QueueUnavailable as error:
            raise CommandFailed(str(error)) from None
        table = schedule_table()
        width = max(len(job.name) for job in table)
        self.stdout.write(
            f"Lodestar worker: {options['threads']} thread{'s' if options['threads'] != 1 else ''}, "
            f"queue in {current.where}, schedules in {settings.LODESTAR_TIME_ZONE}:"
        )
        for job in table:
            self.stdout.write(_line(job, width))
        self.stdout.flush()
        if options["check"]:
            close_queues()
            return
        # Each job's outcome is worth a line in the worker's log, whatever LODESTAR_LOG_LEVEL says for the rest.
        jobs_logger = logging.getLogger("lodestar.jobs")
        if jobs_logger.getEffectiveLevel() > logging.INFO:
            jobs_logger.setLevel(logging.INFO)
        WorkerConsumer(current, table=table, threads=options["threads"]).run()
