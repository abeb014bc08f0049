"""Create, change and delete one scenario: each checked against the stored base, audited, versioned."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.scenario import Scenario
from lodestar.modelfile.reader import InvalidModel, Issue, Reader
from lodestar.modelfile.scenario_checks import scenario_issues
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.modelfile.sections.scenarios import read_scenarios
from lodestar.modelfile.validate import validate_document
from lodestar.scenarios import models
from lodestar.store.load import load_model
from lodestar.store.scenarios import document_text, scenario_from_document
from lodestar.store.versions import Saved, clash_is_conflict, delete_versioned, expect_version, write_versioned


def _checked(document: Any) -> Scenario:
    """The scenario a document writes, valid against the stored base. Raises InvalidModel (paths without a prefix)."""
    reader = Reader()
    entries = read_scenarios(reader, [document])
    issues = [Issue(issue.path.removeprefix("scenarios[0]").lstrip("."), issue.message) for issue in reader.issues]
    if issues or not entries:
        raise InvalidModel(issues or [Issue("", "not a scenario")])
    scenario: Scenario = entries[0][1]
    found = scenario_issues(load_model(), scenario, prefix="scenario", validate=validate_document)
    if found:
        raise InvalidModel([Issue(issue.path.removeprefix("scenario").lstrip(".:"), issue.message) for issue in found])
    return scenario


def get_scenario(*, scenario_id: str) -> Scenario:
    row = models.Scenario.objects.filter(pk=scenario_id).values_list("document", "version").first()
    if row is None:
        raise NotFound(f"no scenario {scenario_id!r}")
    return scenario_from_document(row[0], version=row[1])


def create_scenario(*, actor: Actor, document: Any) -> Saved[str]:
    require_editor(actor, what="create scenarios")
    # Two creates of one id can both pass the check below; the primary key refuses the second.
    with clash_is_conflict("the scenario's id"), transaction.atomic():
        scenario = _checked(document)
        if models.Scenario.objects.filter(pk=scenario.id).exists():
            raise Conflict(f"a scenario {scenario.id!r} exists already")
        last = models.Scenario.objects.aggregate(last=Max("ordinal"))["last"]
        written = scenario_document(scenario)
        models.Scenario.objects.create(
            id=scenario.id, name=scenario.name, document=document_text(written), ordinal=0 if last is None else last + 1
        )
        audit.record(actor=actor, action="scenario.create", subject=f"scenario:{scenario.id}", after=written)
    return Saved(id=scenario.id, version=1)


def update_scenario(*, actor: Actor, scenario_id: str, document: Any, version: Any) -> Saved[str]:
    """Replace the scenario's changes with `document` (its id stays `scenario_id`)."""
    require_editor(actor, what="change scenarios")
    with transaction.atomic():
        before = get_scenario(scenario_id=scenario_id)
        scenario = _checked({**document, "id": scenario_id} if isinstance(document, dict) else document)
        written = scenario_document(scenario)
        based = expect_version(version, stored=before.version, what=f"scenario {scenario_id!r}")
        new_version = write_versioned(
            models.Scenario,
            scenario_id,
            version=based or 0,
            what=f"scenario {scenario_id!r}",
            columns={"name": scenario.name, "document": document_text(written)},
        )
        audit.record(
            actor=actor,
            action="scenario.update",
            subject=f"scenario:{scenario_id}",
            before=scenario_document(before),
            after=written,
        )
    return Saved(id=scenario_id, version=new_version)


def delete_scenario(*, actor: Actor, scenario_id: str, version: Any = None) -> None:
    require_editor(actor, what="delete scenarios")
    with transaction.atomic():
        before = get_scenario(scenario_id=scenario_id)
        based = expect_version(version, stored=before.version, what=f"scenario {scenario_id!r}", required=False)
        delete_versioned(models.Scenario, scenario_id, version=based, what=f"scenario {scenario_id!r}")
        audit.record(
            actor=actor, action="scenario.delete", subject=f"scenario:{scenario_id}", before=scenario_document(before)
        )
