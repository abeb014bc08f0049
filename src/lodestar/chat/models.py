"""A unit's chat webhook. Kept apart from the model: it is close to a secret, so no model file carries it.

The row names its unit by id rather than by a foreign key: an import replaces every unit row,
and the webhook must outlive that. A webhook whose unit is no longer in the model is not posted to.
"""

from __future__ import annotations

from django.db import models

SENT = "sent"
FAILED = "failed"


class UnitWebhook(models.Model):
    """Where a unit's digest is posted too, and how the last post went."""

    unit_id = models.CharField(primary_key=True, max_length=64)
    url = models.TextField()
    service = models.CharField(max_length=60)
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=254)
    last_posted_at = models.DateTimeField(null=True, blank=True)
    last_outcome = models.CharField(max_length=10, blank=True, default="")
    last_error = models.TextField(blank=True, default="")

    objects: models.Manager[UnitWebhook] = models.Manager()

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.service}"
