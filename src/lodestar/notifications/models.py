"""Every reminder and digest sent, so that none goes out twice.

A message is claimed (its row written) before it is sent: the unique constraint lets only one
of several processes running at once claim it. A failed send gives the claim back (the row is
deleted), so the next run tries again. People are named by id as plain text, like the
accounts: an import replaces every model row, and what was sent must outlive that.
"""

from __future__ import annotations

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

REMINDER = "reminder"
DIGEST = "digest"
# A unit's digest posted to its chat webhook: `person_id` holds the unit's id.
CHAT = "chat"
KINDS = (REMINDER, DIGEST, CHAT)


class SentMessage(models.Model):
    kind = models.CharField(max_length=10, choices=[(k, k) for k in KINDS])
    person_id = models.CharField(max_length=64)
    # A reminder's cycle start; a digest's ISO week, by its Monday.
    cycle = models.DateField()
    email = models.TextField()
    subject = models.TextField()
    # The key result ids of a reminder; the lists of a digest.
    items = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-claimed_at", "-id")
        constraints = [models.UniqueConstraint(fields=["kind", "person_id", "cycle"], name="message_once_per_cycle")]

    def __str__(self) -> str:
        return f"{self.kind} to {self.person_id} for {self.cycle.isoformat()}"
