"""The scenarios as rows, and back: one row per scenario, its changes kept as the file writes them."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder

from lodestar.lib.scenario import Scenario
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.modelfile.sections.scenarios import read_scenarios
from lodestar.scenarios import models as scenarios
from lodestar.store.rows import EntityRows


def document_text(document: object) -> str:
    """A scenario's document as it is stored: JSON text, its keys in the file's order."""
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)


def scenario_rows(scenario: Scenario) -> EntityRows:
    return EntityRows(
        scenarios.Scenario,
        {"id": scenario.id, "name": scenario.name, "document": document_text(scenario_document(scenario))},
    )


def scenario_from_document(text: str, *, version: int | None = None) -> Scenario:
    """A stored scenario's document read back (it was valid when it was written)."""
    reader = Reader()
    entries = read_scenarios(reader, [json.loads(text)])
    if reader.issues or not entries:
        raise ValueError(f"a stored scenario cannot be read: {reader.issues}")
    scenario: Scenario = entries[0][1]
    scenario.version = version
    return scenario


def load_scenarios() -> list[Scenario]:
    """Every stored scenario, in file order."""
    return [
        scenario_from_document(document, version=version)
        for document, version in scenarios.Scenario.objects.order_by("ordinal", "id").values_list("document", "version")
    ]
