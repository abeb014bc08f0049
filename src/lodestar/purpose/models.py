"""The why: mission, answers to the eight vision questions, role profiles."""

from __future__ import annotations

from django.db import models

from lodestar.lib.vocabulary import VISION_QUESTIONS, VISION_STATUSES


class Mission(models.Model):
    """The marketing & sales mission (one per organization)."""

    statement = models.TextField()
    scope = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    adopted = models.DateField(null=True, blank=True)
    principles = models.JSONField(default=list)
    version = models.IntegerField(default=1)


class RoleProfile(models.Model):
    """The role a unit plays today and in the target picture, optionally toward one business unit."""

    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="role_profiles")
    toward = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    horizon = models.IntegerField(null=True, blank=True)
    as_is_rights = models.JSONField(default=dict)
    as_is_alignment = models.CharField(max_length=20)
    target_rights = models.JSONField(default=dict)
    target_alignment = models.CharField(max_length=20)
    rationale = models.TextField(null=True, blank=True)
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class VisionAnswer(models.Model):
    """An answer to one of the eight vision questions for a scope (and optionally a business unit)."""

    question = models.CharField(max_length=20, choices=[(q, q) for q in VISION_QUESTIONS])
    scope = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    toward = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=[(s, s) for s in VISION_STATUSES])
    answer = models.TextField(null=True, blank=True)
    owner_unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    owner_person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class MissionRevision(models.Model):
    """A mission statement as it was written: by whom, when, from which surface. The newest is the current one."""

    statement = models.TextField()
    scope = models.TextField()  # the scope unit's id as text, so that the history outlives the unit
    adopted = models.DateField(null=True, blank=True)
    principles = models.JSONField(default=list)
    recorded_at = models.DateTimeField()
    recorded_by = models.TextField()
    surface = models.CharField(max_length=10)

    class Meta:
        ordering = ["-recorded_at", "-id"]
