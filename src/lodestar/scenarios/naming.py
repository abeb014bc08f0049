"""Scenarios as a page creates and renames them: an id proposed from the name, a copy of another's changes.

The create and the change themselves are `edits.create_scenario` and `edits.update_scenario`, with
their checks against the stored base, their versions and their audit entries; this module only
writes the document each is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from lodestar.accounts.actor import Actor
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.ids import proposal_prefix, propose_id
from lodestar.lib.scenario import BASE_ID
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.scenarios import models
from lodestar.scenarios.edits import create_scenario, get_scenario, update_scenario
from lodestar.store.versions import Saved

__all__ = ["changes_of", "new_scenario", "proposed_scenario_id", "rename_scenario"]

SCENARIO_FALLBACK = "scenario"
# What names and describes a scenario; the rest of its document are its changes.
NAMING_KEYS = ("id", "name", "description")


def proposed_scenario_id(name: str, *, also_taken: Iterable[str] = ()) -> str:
    """An id for a scenario named `name`: no stored scenario has it, it is not `base`, nor any of `also_taken`."""
    prefix = proposal_prefix(name, fallback=SCENARIO_FALLBACK)
    taken = set(models.Scenario.objects.filter(id__startswith=prefix).values_list("id", flat=True))
    return propose_id(name, taken | {BASE_ID} | set(also_taken), fallback=SCENARIO_FALLBACK)


def changes_of(scenario_id: str) -> dict[str, Any]:
    """The changes a stored scenario makes (its document without id, name and description). Raises NotFound."""
    document = scenario_document(get_scenario(scenario_id=scenario_id))
    return {key: value for key, value in document.items() if key not in NAMING_KEYS}


def _naming(*, scenario_id: str, name: str, description: str | None) -> dict[str, Any]:
    document: dict[str, Any] = {"id": scenario_id, "name": name}
    if description:
        document["description"] = description
    return document


def new_scenario(
    *, actor: Actor, name: str, scenario_id: str = "", description: str | None = None, copy_of: str | None = None
) -> Saved[str]:
    """A new scenario: no changes (the base as it is), or a copy of the changes of the scenario `copy_of`.

    An empty `scenario_id` is proposed from the name. Raises Invalid (with the field's path:
    `id`, `name`, `description`, `copy_of`, or a path of the copied changes), Conflict when the id
    is taken, PermissionDenied.
    """
    with transaction.atomic():
        if not scenario_id and name.strip():
            scenario_id = proposed_scenario_id(name)
        changes: dict[str, Any] = {}
        if copy_of:
            try:
                changes = changes_of(copy_of)
            except NotFound:
                raise Invalid("no such scenario to copy", [("copy_of", f"unknown scenario {copy_of!r}")]) from None
        document = {**_naming(scenario_id=scenario_id, name=name, description=description), **changes}
        return create_scenario(actor=actor, document=document)


def rename_scenario(*, actor: Actor, scenario_id: str, name: str, description: str | None, version: Any) -> Saved[str]:
    """Give the scenario a new name and description; its changes stay. Raises Invalid, Conflict, NotFound."""
    with transaction.atomic():
        document = {**_naming(scenario_id=scenario_id, name=name, description=description), **changes_of(scenario_id)}
        return update_scenario(actor=actor, scenario_id=scenario_id, document=document, version=version)
