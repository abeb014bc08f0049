"""The goal system: periods, goals, key results, measurements, check-ins and KPIs."""

from __future__ import annotations

from django.db import models

from lodestar.lib.vocabulary import BETTER, DIRECTIONS


class Period(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    start = models.DateField()
    end = models.DateField()
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class Goal(models.Model):
    """A goal owned by a unit or a person; `version` guards against lost updates."""

    id = models.CharField(primary_key=True, max_length=64)
    title = models.TextField()
    owner_unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="goals")
    owner_person = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="goals"
    )
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="goals")
    description = models.TextField(null=True, blank=True)
    # The closing (grading), all three or none but the note.
    closed_date = models.DateField(null=True, blank=True)
    closed_score = models.FloatField(null=True, blank=True)
    closed_note = models.TextField(null=True, blank=True)
    # A goal carried over is kept while its copies name it (the goal services refuse to delete it).
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="carried_into"
    )
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class GoalContribution(models.Model):
    """`goal` contributes to `parent` with a weight (None means the default 1).

    A `proposed` link waits for the consent of someone who may edit `parent` and counts nowhere until then.
    """

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="contributions")
    parent = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="contributors")
    weight = models.FloatField(null=True, blank=True)
    proposed = models.BooleanField(default=False)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["goal", "parent"], name="goal_parent_once")]


class GoalTask(models.Model):
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="goal_tasks")
    task = models.ForeignKey("design.Task", on_delete=models.CASCADE, related_name="goal_tasks")
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["goal", "task"], name="goal_task_once")]


class KeyResult(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="key_results")
    title = models.TextField()
    unit = models.TextField(null=True, blank=True)
    baseline = models.FloatField(null=True, blank=True)
    target = models.FloatField(null=True, blank=True)
    direction = models.CharField(max_length=10, null=True, blank=True, choices=[(d, d) for d in DIRECTIONS])
    range_low = models.FloatField(null=True, blank=True)
    range_high = models.FloatField(null=True, blank=True)
    weight = models.FloatField(null=True, blank=True)
    metric = models.JSONField(null=True, blank=True)
    owner = models.ForeignKey(
        "org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="owned_key_results"
    )
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class Measurement(models.Model):
    """A value of a key result on a date; `source` starting with `metric:` marks a refreshed one.

    `version` guards a correction by hand against a parallel one (a refresh never changes a value entered by hand).
    """

    key_result = models.ForeignKey(KeyResult, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField()
    value = models.FloatField()
    source = models.TextField(default="", blank=True)
    version = models.IntegerField(default=1)

    class Meta:
        ordering = ["key_result", "date"]
        constraints = [models.UniqueConstraint(fields=["key_result", "date"], name="measurement_date_once")]


class CheckIn(models.Model):
    key_result = models.ForeignKey(KeyResult, on_delete=models.CASCADE, related_name="check_ins")
    date = models.DateField()
    by = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="check_ins")
    confidence = models.IntegerField()
    note = models.TextField(null=True, blank=True)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["key_result", "date", "ordinal"]


class KPI(models.Model):
    """An ongoing health metric judged against thresholds."""

    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    owner_unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="kpis")
    owner_person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="kpis")
    unit = models.TextField(null=True, blank=True)
    touchpoint = models.ForeignKey(
        "design.Touchpoint", null=True, blank=True, on_delete=models.SET_NULL, related_name="kpis"
    )
    better = models.CharField(max_length=6, choices=[(b, b) for b in BETTER])
    green = models.FloatField()
    red = models.FloatField()
    metric = models.JSONField(null=True, blank=True)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]


class KPIMeasurement(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField()
    value = models.FloatField()
    source = models.TextField(default="", blank=True)

    class Meta:
        ordering = ["kpi", "date"]
        constraints = [models.UniqueConstraint(fields=["kpi", "date"], name="kpi_measurement_date_once")]


class DismissedProposal(models.Model):
    """A derived draft goal someone dismissed (`goals.derive`): not proposed again.

    Named by the proposal's key (`task:ID`, `unit:ID@PERIOD`) as plain text, so that it outlives
    the imports that replace every model row.
    """

    key = models.CharField(primary_key=True, max_length=200)
    dismissed_by = models.CharField(max_length=254)
    dismissed_at = models.DateTimeField()

    objects: models.Manager[DismissedProposal] = models.Manager()

    def __str__(self) -> str:
        return self.key
