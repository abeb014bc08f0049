"""The role-clarity survey rounds: who has answered, and the anonymous answers.

A response names the respondent's unit, never the person. Its `token` (a keyed digest of the
survey and the person, never shown, exported or audited) lets an answer given on a page be
replaced while the survey is open; responses imported from a file have none.
"""

from __future__ import annotations

from django.db import models


class Survey(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    opens = models.DateField()
    closes = models.DateField()
    audience = models.JSONField(default=list)
    tasks = models.JSONField(null=True, blank=True)  # null: every task not being dropped
    min_group = models.IntegerField(null=True, blank=True)
    # Closed by hand: no more answers, though `closes` (today, when it was closed) has not passed.
    ended = models.BooleanField(default=False)
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class SurveyParticipant(models.Model):
    """That a person has answered a survey; never what."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participants")
    person = models.CharField(max_length=64)

    class Meta:
        ordering = ["survey", "person"]
        constraints = [models.UniqueConstraint(fields=["survey", "person"], name="survey_participant_once")]


class SurveyResponse(models.Model):
    """One anonymous response; `ordinal` is its place in the canonical order (unit, date, content)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    unit = models.CharField(max_length=64)
    date = models.DateField()
    clarity = models.JSONField(null=True, blank=True)
    answers = models.JSONField(null=True, blank=True)
    token = models.CharField(max_length=64, null=True, blank=True)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["survey", "ordinal"]
