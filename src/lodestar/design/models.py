"""The target organization: tasks and responsibilities, dependencies, competencies, touchpoints."""

from __future__ import annotations

from django.db import models

from lodestar.lib.vocabulary import DEPENDENCY_KINDS, JOURNEY_STAGES, TASK_CHANGES, TASK_DELIVERIES

TASK_ROLES = ("R", "C", "I")


class Competency(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    category = models.TextField(null=True, blank=True)
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class CompetencyRequirement(models.Model):
    """The level (1-5) of a competency that a unit needs."""

    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="requirements")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="competency_requirements")
    level = models.IntegerField()
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["competency", "unit"], name="competency_unit_once")]


class Task(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    change = models.CharField(max_length=10, choices=[(c, c) for c in TASK_CHANGES])
    delivery = models.CharField(max_length=10, choices=[(d, d) for d in TASK_DELIVERIES])
    accountable = models.ForeignKey(
        "org.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="accountable_tasks"
    )
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class TaskAssignment(models.Model):
    """A unit responsible (R), consulted (C) or informed (I) for a task."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="task_assignments")
    role = models.CharField(max_length=1, choices=[(r, r) for r in TASK_ROLES])
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["task", "unit", "role"], name="task_unit_role_once")]


class TaskLocation(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_locations")
    location = models.ForeignKey("org.Location", on_delete=models.CASCADE, related_name="task_locations")
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["task", "location"], name="task_location_once")]


class TaskBusinessUnit(models.Model):
    """A business unit a task serves (`toward`)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_business_units")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="+")
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="task_toward_once")]


class TaskCompetency(models.Model):
    """The level (1-5) of a competency a task needs from each responsible unit."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="task_competencies")
    competency = models.ForeignKey(Competency, on_delete=models.CASCADE, related_name="task_needs")
    level = models.IntegerField()
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["task", "competency"], name="task_competency_once")]


class Dependency(models.Model):
    """`from_unit` depends on `to_unit` about something, with intensity now and in the target picture."""

    from_unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="dependencies_out")
    to_unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="dependencies_in")
    about = models.TextField()
    kind = models.CharField(max_length=12, choices=[(k, k) for k in DEPENDENCY_KINDS])
    now = models.IntegerField()
    target = models.IntegerField()
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class Touchpoint(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    stage = models.CharField(max_length=15, choices=[(s, s) for s in JOURNEY_STAGES])
    channel = models.TextField()
    owner = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="owned_touchpoints")
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class TouchpointContributor(models.Model):
    touchpoint = models.ForeignKey(Touchpoint, on_delete=models.CASCADE, related_name="contributors")
    unit = models.ForeignKey("org.Unit", on_delete=models.CASCADE, related_name="touchpoint_contributions")
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["touchpoint", "unit"], name="touchpoint_unit_once")]
