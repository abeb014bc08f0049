"""A scenario as its format-1 document: keys in the format's order, absent values left out."""

from __future__ import annotations

from typing import Any

from lodestar.lib.scenario import Scenario
from lodestar.modelfile.documents import (
    compact,
    competency_document,
    dependency_document,
    person_document,
    role_profile_document,
    task_document,
    touchpoint_document,
    unit_document,
)

SECTION_DOCUMENTS: dict[str, Any] = {
    "tasks": task_document,
    "dependencies": dependency_document,
    "competencies": competency_document,
    "touchpoints": touchpoint_document,
    "role_profiles": role_profile_document,
}


def scenario_document(scenario: Scenario) -> dict[str, Any]:
    # A replaced section may be empty (it replaces the base's with nothing), so it is kept when [].
    replace = {
        section: [SECTION_DOCUMENTS[section](entity) for entity in getattr(scenario.replace, section)]
        for section in scenario.replace.named()
    }
    return compact(
        [
            ("id", scenario.id),
            ("name", scenario.name),
            ("description", scenario.description),
            ("units", [unit_document(unit) for unit in scenario.units]),
            ("remove_units", list(scenario.remove_units)),
            ("people", [person_document(person) for person in scenario.people]),
            ("remove_people", list(scenario.remove_people)),
            ("moves", [{"person": move.person, "unit": move.unit} for move in scenario.moves]),
            ("replace", replace),
        ]
    )
