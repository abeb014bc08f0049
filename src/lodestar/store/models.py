"""What the store keeps about whole models: the states it exported, and restore points."""

from __future__ import annotations

from django.db import models


class ExportedRevision(models.Model):
    """A state the store exported, by its revision, so that an import of that file knows its base."""

    digest = models.CharField(max_length=71, unique=True)  # "sha256:" + 64 hex digits
    text = models.TextField()  # the export without its revision line
    exported_at = models.DateTimeField()

    class Meta:
        ordering = ("-id",)


class RestorePoint(models.Model):
    """The whole model as it was before an import, a restore, a roll-over or a scenario's adoption."""

    at = models.DateTimeField()
    reason = models.CharField(max_length=200)
    actor = models.CharField(max_length=254)
    surface = models.CharField(max_length=10)
    counts = models.JSONField()  # units, people, goals, key results, measurements, check-ins
    text = models.TextField()  # the model file (format 1), without a revision line

    class Meta:
        ordering = ("-id",)


class ModelRevision(models.Model):
    """The revision of the stored model: one row, moved on by every write inside the write's transaction.

    `number` counts the writes; `token` is drawn afresh with each, so that a revision is never
    seen twice with different contents (a rolled-back write's number comes back, its token does
    not; nor does a token of another database). Caches of the scored model are keyed by the token
    (`store/revision.py`, `goals/snapshots.py`). It is no data of the organization, so backups
    leave it out, and a restore starts a revision of its own.
    """

    number = models.BigIntegerField()
    token = models.CharField(max_length=32)
