"""The record of metric refreshes, so pages can say when values were last refreshed."""

from __future__ import annotations

from django.db import models


class RefreshRun(models.Model):
    """One completed `lodestar metrics refresh`: when it ran, as of which date, what it changed."""

    finished_at = models.DateTimeField()
    as_of = models.DateField()
    metrics_file = models.CharField(max_length=500)
    created = models.IntegerField(default=0)
    updated = models.IntegerField(default=0)
    removed = models.IntegerField(default=0)
    unchanged = models.IntegerField(default=0)
    kept_manual = models.IntegerField(default=0)

    objects: models.Manager[RefreshRun] = models.Manager()

    class Meta:
        ordering = ["-finished_at", "-id"]
