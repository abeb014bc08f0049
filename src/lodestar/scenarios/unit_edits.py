"""A scenario's units and people, changed one at a time: a person moved, a unit added or changed, a unit removed.

Each change rewrites the scenario's document (`moves`, `units`, `remove_units`) and goes through
`update_scenario`, so that the checks, the audit entry and the version are the scenario's; the
base is never written. Issues on the entry written come back with the field's own name
(`moves[2].unit` -> `unit`), so that a form shows them next to its field.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.lib.errors import Invalid
from lodestar.lib.scenario import Scenario
from lodestar.modelfile.documents import unit_document
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.modelfile.scenario_model import form
from lodestar.scenarios.edits import get_scenario, update_scenario
from lodestar.store.load import load_model
from lodestar.store.versions import Saved, expect_version


def _current(scenario_id: str, version: Any) -> Scenario:
    scenario = get_scenario(scenario_id=scenario_id)
    expect_version(version, stored=scenario.version, what=f"scenario {scenario_id!r}")
    return scenario


def _write(
    *, actor: Actor, scenario: Scenario, document: dict[str, Any], own: str | None, field: str, version: Any
) -> Saved[str]:
    """Write the scenario's document; issues under the path `own` (`moves[2]`) are put on `field` or its keys."""
    try:
        return update_scenario(actor=actor, scenario_id=scenario.id, document=document, version=version)
    except Invalid as error:
        if own is None:
            raise
        pattern = re.compile(re.escape(own) + r"(?:\.(?P<rest>.*))?")
        issues = []
        for path, message in error.issues:
            match = pattern.fullmatch(path.strip())
            issues.append(((match["rest"] or field) if match else path, message))
        raise Invalid(error.wording or str(error), issues) from error


def move_person(*, actor: Actor, scenario_id: str, person_id: str, unit_id: str, version: Any) -> Saved[str]:
    """In the scenario, `person_id` belongs to `unit_id` (a move back to the base's unit takes the move out).

    Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid (`person`, `unit`).
    """
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        document = scenario_document(scenario)
        moves = [move for move in document.get("moves", []) if move["person"] != person_id]
        records = {p.id: p.unit for p in load_model().people} | {p.id: p.unit for p in scenario.people}
        own = None
        if records.get(person_id) != unit_id:  # a move back to the person's own unit is no move
            own = f"moves[{len(moves)}]"
            moves.append({"person": person_id, "unit": unit_id})
        document["moves"] = moves
        return _write(actor=actor, scenario=scenario, document=document, own=own, field="unit", version=version)


def undo_move(*, actor: Actor, scenario_id: str, person_id: str, version: Any) -> Saved[str]:
    """Take the person's move out of the scenario. Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        document = scenario_document(scenario)
        document["moves"] = [move for move in document.get("moves", []) if move["person"] != person_id]
        return _write(actor=actor, scenario=scenario, document=document, own=None, field="", version=version)


def put_unit(*, actor: Actor, scenario_id: str, unit: dict[str, Any], version: Any) -> Saved[str]:
    """Add a unit to the scenario, or change one (`name`, `kind`, `parent`; its other keys stay as they are).

    `unit` is `{id, name, kind, parent}` (an empty parent is none). Raises NotFound, PermissionDenied,
    Conflict (stale `version`) and Invalid (`id`, `name`, `kind`, `parent`).
    """
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        document = scenario_document(scenario)
        units = list(document.get("units", []))
        formed = {u.id: u for u in form(load_model(), scenario).model.units}
        ident = unit.get("id")
        record = unit_document(formed[ident]) if isinstance(ident, str) and ident in formed else {"id": ident}
        for key in ("name", "kind", "parent"):
            value = unit.get(key)
            if value in (None, ""):
                record.pop(key, None)
            else:
                record[key] = value
        index = next((i for i, u in enumerate(units) if u.get("id") == ident), None)
        if index is None:
            index = len(units)
            units.append(record)
        else:
            units[index] = record
        document["units"] = units
        return _write(
            actor=actor, scenario=scenario, document=document, own=f"units[{index}]", field="id", version=version
        )


def remove_unit(*, actor: Actor, scenario_id: str, unit_id: str, version: Any) -> Saved[str]:
    """Remove a unit in the scenario (one the scenario added is taken out of its units).

    Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid (`unit`: what still names it).
    """
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        document = scenario_document(scenario)
        in_base = any(u.id == unit_id for u in load_model().units)
        own = None
        if in_base:
            removed = list(document.get("remove_units", []))
            if unit_id not in removed:
                own = f"remove_units[{len(removed)}]"
                removed.append(unit_id)
            document["remove_units"] = removed
        else:
            document["units"] = [u for u in document.get("units", []) if u.get("id") != unit_id]
        return _write(actor=actor, scenario=scenario, document=document, own=own, field="unit", version=version)


def restore_unit(*, actor: Actor, scenario_id: str, unit_id: str, version: Any) -> Saved[str]:
    """Keep a unit the scenario removed. Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        document = scenario_document(scenario)
        document["remove_units"] = [u for u in document.get("remove_units", []) if u != unit_id]
        return _write(actor=actor, scenario=scenario, document=document, own=None, field="", version=version)
