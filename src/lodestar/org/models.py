"""The organization: its locations, the unit tree and the people in it."""

from __future__ import annotations

from django.db import models

from lodestar.lib.vocabulary import CADENCE_EVERY, UNIT_KINDS


class Organization(models.Model):
    """The one organization a Lodestar database describes."""

    name = models.TextField()
    industry = models.TextField(blank=True, null=True)
    currency = models.CharField(max_length=3, default="EUR")

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]

    def __str__(self) -> str:
        return self.name


class Unit(models.Model):
    """A node of the organization tree: company, business unit, area, department, team, adjacent or external."""

    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    kind = models.CharField(max_length=20, choices=[(k, k) for k in UNIT_KINDS])
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    location = models.ForeignKey(Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="units")
    lead = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="led_units")
    core = models.BooleanField(null=True, blank=True)
    purpose = models.TextField(blank=True, null=True)
    # The check-in cadence, both or neither: `every`, and the day (a weekday, or the day of the month as text).
    cadence_every = models.CharField(max_length=10, null=True, blank=True, choices=[(e, e) for e in CADENCE_EVERY])
    cadence_day = models.CharField(max_length=3, null=True, blank=True)
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="people")
    email = models.TextField(blank=True, null=True)
    position = models.TextField(blank=True, null=True)
    reminders = models.BooleanField(null=True, blank=True)  # null: not given in the model, which means true
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]

    def __str__(self) -> str:
        return self.name


class PersonCompetency(models.Model):
    """A person's level (0-5) in one competency."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="competency_levels")
    competency = models.ForeignKey("design.Competency", on_delete=models.CASCADE, related_name="person_levels")
    level = models.IntegerField()
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal"]
        constraints = [models.UniqueConstraint(fields=["person", "competency"], name="person_competency_once")]
