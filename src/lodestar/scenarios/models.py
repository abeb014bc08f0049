"""The stored scenarios: each one's changes to the model, as the model file writes them."""

from __future__ import annotations

from django.db import models


class Scenario(models.Model):
    """A scenario: its id and name as columns, its changes as the scenario's document (JSON text).

    A scenario's units, people and replaced sections are records in their own right, not the
    model's: they name units and people that may not exist in the base, so they carry no keys
    into the model's tables. Forming the scenario's model reads the document back. The document
    is kept as text, not as a JSON column: PostgreSQL's jsonb would sort the keys of its maps
    (a person's competencies, say), and the export would no longer be the file imported.
    """

    id = models.CharField(primary_key=True, max_length=64)
    name = models.TextField()
    document = models.TextField()
    version = models.IntegerField(default=1)
    ordinal = models.IntegerField(default=0)

    class Meta:
        ordering = ["ordinal", "id"]
