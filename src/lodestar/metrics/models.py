"""The record of metric refreshes: queued and running ones (for the progress shown on /metrics/) and finished ones."""

from __future__ import annotations

from django.db import models

QUEUED = "queued"
RUNNING = "running"
DONE = "done"
FAILED = "failed"
STATUSES = (QUEUED, RUNNING, DONE, FAILED)
ACTIVE = (QUEUED, RUNNING)


class RefreshRun(models.Model):
    """One refresh: asked for on /metrics/ (queued, then run by `lodestar worker`), scheduled, or run by a command.

    A finished run keeps its counts and, in `report`, what the refresh panel shows; a failed one its reasons.
    """

    status = models.CharField(max_length=10, choices=[(s, s) for s in STATUSES], default=DONE)
    requested_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.CharField(max_length=254, blank=True, default="")
    requested_by_user = models.IntegerField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    as_of = models.DateField()
    metrics_file = models.CharField(max_length=500, blank=True, default="")
    created = models.IntegerField(default=0)
    updated = models.IntegerField(default=0)
    removed = models.IntegerField(default=0)
    unchanged = models.IntegerField(default=0)
    kept_manual = models.IntegerField(default=0)
    report = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True, default="")

    objects: models.Manager[RefreshRun] = models.Manager()

    class Meta:
        ordering = ["-finished_at", "-id"]
        indexes = [models.Index(fields=["status"], name="refresh_run_status")]
