"""Create, change and delete one entry of a section a scenario replaces (its tasks, dependencies, ...).

A scenario replaces a section wholesale (`replace.tasks`): editing one task in a scenario takes
the scenario's current section (its own list, or the base's section while it has none), changes
that one entry and writes the whole list back through `update_scenario`, so that the checks,
the audit entry and the version are the scenario's. The base is never written.

Entries are named as the forms name them: tasks, competencies and touchpoints by their id,
dependencies and role profiles by their position in the scenario's section (1 for the first).
Issues on the entry edited come back with the entry's own paths (`responsible[0]`), so that a form
shows them next to its fields; the others keep the scenario's paths.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.db import transaction

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.goals.services.common import merged
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.model import Model
from lodestar.lib.scenario import Scenario
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import (
    competency_document,
    dependency_document,
    role_profile_document,
    task_document,
    touchpoint_document,
)
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.scenarios.edits import get_scenario, update_scenario
from lodestar.store.load import load_model
from lodestar.store.versions import Saved, expect_version

# The design kind (`design/kinds.py`) whose entities a scenario's section holds, by section.
SECTION_OF: dict[str, str] = {
    "task": "tasks",
    "dependency": "dependencies",
    "competency": "competencies",
    "touchpoint": "touchpoints",
    "role_profile": "role_profiles",
}
DOCUMENT_OF: dict[str, Callable[[Any], dict[str, Any]]] = {
    "tasks": task_document,
    "dependencies": dependency_document,
    "competencies": competency_document,
    "touchpoints": touchpoint_document,
    "role_profiles": role_profile_document,
}
# The kinds named by their id; the others by their position in the section.
BY_ID = ("task", "competency", "touchpoint")


def section_documents(base: Model, scenario: Scenario, section: str) -> list[dict[str, Any]]:
    """The scenario's section as documents: its own list when it replaces the section, else the base's."""
    entries = getattr(scenario.replace, section)
    return [DOCUMENT_OF[section](entry) for entry in (getattr(base, section) if entries is None else entries)]


def _position(kind: str, documents: list[dict[str, Any]], key: Any) -> int:
    """The index of the entry `key` names. Raises NotFound."""
    if kind in BY_ID:
        found = next((i for i, document in enumerate(documents) if document.get("id") == key), None)
    else:
        found = key - 1 if isinstance(key, int) and 1 <= key <= len(documents) else None
    if found is None:
        raise NotFound(Wording.of(gettext_noop("the scenario has no such entry: %(key)s"), key=repr(key)))
    return found


def _entry_issues(error: Invalid, section: str, index: int | None) -> Invalid:
    """The error with the edited entry's issues on its own paths (`replace.tasks[3].name` -> `name`)."""
    if index is None:
        return error
    own = re.compile(rf"replace\.{section}\[{index}\](?:\.(?P<rest>.*))?")
    issues = []
    for path, message in error.issues:
        match = own.fullmatch(path.strip())
        issues.append((match["rest"] or "", message) if match else (path, message))
    return Invalid(error.wording or str(error), issues)


def _write(
    *, actor: Actor, scenario: Scenario, section: str, documents: list[dict[str, Any]], index: int | None, version: Any
) -> Saved[str]:
    document = scenario_document(scenario)
    replace = dict(document.get("replace") or {})
    replace[section] = documents
    document["replace"] = replace
    try:
        return update_scenario(actor=actor, scenario_id=scenario.id, document=document, version=version)
    except Invalid as error:
        raise _entry_issues(error, section, index) from error


def _current(scenario_id: str, version: Any) -> Scenario:
    scenario = get_scenario(scenario_id=scenario_id)
    expect_version(version, stored=scenario.version, what=f"scenario {scenario_id!r}")
    return scenario


def create_entry(*, actor: Actor, scenario_id: str, kind: str, document: Any, version: Any) -> tuple[Any, Saved[str]]:
    """Add an entry at the end of the scenario's section; returns its key (id or position) and the scenario's save.

    Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid.
    """
    require_editor(actor, what="change scenarios")
    section = SECTION_OF[kind]
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        documents = section_documents(load_model(), scenario, section)
        documents.append(document)
        saved = _write(
            actor=actor,
            scenario=scenario,
            section=section,
            documents=documents,
            index=len(documents) - 1,
            version=version,
        )
    key = document.get("id") if kind in BY_ID and isinstance(document, dict) else len(documents)
    return key, saved


def update_entry(*, actor: Actor, scenario_id: str, kind: str, key: Any, changes: Any, version: Any) -> Saved[str]:
    """Change one entry of the scenario's section (a null value removes an optional key); its id stays.

    Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid.
    """
    require_editor(actor, what="change scenarios")
    section = SECTION_OF[kind]
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        documents = section_documents(load_model(), scenario, section)
        index = _position(kind, documents, key)
        fixed = ("id",) if kind in BY_ID else ()
        documents[index] = merged(documents[index], changes, fixed=fixed, what=kind.replace("_", " "))
        return _write(
            actor=actor, scenario=scenario, section=section, documents=documents, index=index, version=version
        )


def delete_entry(*, actor: Actor, scenario_id: str, kind: str, key: Any, version: Any) -> Saved[str]:
    """Take one entry out of the scenario's section. Raises NotFound, PermissionDenied, Conflict and Invalid."""
    require_editor(actor, what="change scenarios")
    section = SECTION_OF[kind]
    with transaction.atomic():
        scenario = _current(scenario_id, version)
        documents = section_documents(load_model(), scenario, section)
        del documents[_position(kind, documents, key)]
        return _write(actor=actor, scenario=scenario, section=section, documents=documents, index=None, version=version)
