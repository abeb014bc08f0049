"""The claims of scheduled occurrences: each (job, slot) is run by one worker, and what it did is kept."""

from __future__ import annotations

from django.db import models

RUNNING = "running"
DONE = "done"
FAILED = "failed"
OUTCOMES = (RUNNING, DONE, FAILED)


class ScheduledRun(models.Model):
    """One occurrence of a scheduled job, claimed by the worker that runs it."""

    job = models.CharField(max_length=40)
    slot = models.CharField(max_length=60)
    worker = models.CharField(max_length=200)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=[(o, o) for o in OUTCOMES], default=RUNNING)
    detail = models.TextField(blank=True, default="")

    objects: models.Manager[ScheduledRun] = models.Manager()

    class Meta:
        ordering = ["-started_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="one_run_per_job_and_slot")]

    def __str__(self) -> str:
        return f"{self.job} {self.slot}: {self.outcome}"
