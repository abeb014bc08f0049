"""Every reminder, digest and survey e-mail sent, so that none goes out twice.

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
# A survey round's invitation and its one reminder: `topic` holds the survey's id.
SURVEY_INVITATION = "survey_invitation"
SURVEY_REMINDER = "survey_reminder"
KINDS = (REMINDER, DIGEST, CHAT, SURVEY_INVITATION, SURVEY_REMINDER)


class SentMessage(models.Model):
    kind = models.CharField(max_length=20, choices=[(k, k) for k in KINDS])
    person_id = models.CharField(max_length=64)
    # A reminder's cycle start; a digest's ISO week, by its Monday; a survey e-mail's round, by its opening day.
    cycle = models.DateField()
    # What else the message is about: a survey e-mail's survey id ("" for the others).
    topic = models.CharField(max_length=64, default="", blank=True)
    email = models.TextField()
    subject = models.TextField()
    # The key result ids of a reminder; the lists of a digest; nothing for a survey e-mail.
    items = models.JSONField(default=list, encoder=DjangoJSONEncoder)
    claimed_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-claimed_at", "-id")
        constraints = [
            models.UniqueConstraint(fields=["kind", "person_id", "cycle", "topic"], name="message_once_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.kind} to {self.person_id} for {self.cycle.isoformat()}"
