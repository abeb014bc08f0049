"""Import, plan and export: the one place the CLI, the web app and the API call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction

from lodestar.accounts import audit
from lodestar.design import models as design
from lodestar.goals import models as goals
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import Model
from lodestar.metrics.bindings import model_binding_issues
from lodestar.modelfile.export import export_text
from lodestar.modelfile.plan import Plan, plan_additions, plan_changes
from lodestar.modelfile.reader import InvalidModel, Issue
from lodestar.modelfile.validate import validate_document
from lodestar.modelfile.yaml_io import UnsafeYaml, parse_yaml, read_yaml_file
from lodestar.org import models as org
from lodestar.purpose import models as purpose
from lodestar.purpose.services import record_mission_revision
from lodestar.store.load import NoModel, load_model
from lodestar.store.store import write_model


@dataclass(frozen=True, slots=True)
class ImportResult:
    plan: Plan


def read_model_file(path: Path) -> Model:
    """Read, parse and validate a model file. Raises InvalidModel with every issue found."""
    with gc_paused():
        try:
            document = read_yaml_file(path, max_bytes=settings.MAX_MODEL_FILE_BYTES)
        except FileNotFoundError:
            raise InvalidModel([Issue("", f"{path}: no such file")]) from None
        except IsADirectoryError:
            raise InvalidModel([Issue("", f"{path}: is a folder, not a model file")]) from None
        except (OSError, UnsafeYaml) as error:
            raise InvalidModel([Issue("", str(error))]) from None
        return _with_bindings_checked(validate_document(document))


def read_model_text(text: str | bytes) -> Model:
    """Parse and validate model text (an upload). Raises InvalidModel."""
    if len(text) > settings.MAX_MODEL_FILE_BYTES:
        raise InvalidModel([Issue("", f"over the limit of {settings.MAX_MODEL_FILE_BYTES:,} bytes")])
    with gc_paused():
        try:
            document: Any = parse_yaml(text)
        except UnsafeYaml as error:
            raise InvalidModel([Issue("", str(error))]) from None
        return _with_bindings_checked(validate_document(document))


def _with_bindings_checked(model: Model) -> Model:
    """The model, if the configured metrics file knows its new and changed metric bindings; raises InvalidModel."""
    issues = model_binding_issues(model)
    if issues:
        raise InvalidModel([Issue(path, message) for path, message in issues])
    return model


def plan_import(*, model: Model) -> Plan:
    """What importing `model` would add, change and remove; writes nothing."""
    try:
        stored: Model | None = load_model()
    except NoModel:
        stored = None
    return plan_changes(stored, model)


# The tables whose rows keep their identity through an import, by the plan's collection name:
# their versions carry over, moved on where the import changes them. (Entities known by their
# row id are new rows after an import, and start again at 1.)
VERSIONED: tuple[tuple[str, type[models.Model]], ...] = (
    ("units", org.Unit),
    ("tasks", design.Task),
    ("competencies", design.Competency),
    ("touchpoints", design.Touchpoint),
    ("goals", goals.Goal),
    ("key_results", goals.KeyResult),
)


def _versions(plan: Plan) -> dict[tuple[str, str], int]:
    """The versions after the import: unchanged entities keep theirs, changed ones move on."""
    versions: dict[tuple[str, str], int] = {}
    for collection, table in VERSIONED:
        changed = plan.changed_keys(collection)
        for key, version in table._default_manager.values_list("pk", "version"):
            versions[(collection, key)] = version + (key in changed)
    mission = purpose.Mission.objects.values_list("version", flat=True).first()
    if mission is not None:
        versions[("mission", "mission")] = mission + ("mission" in plan.changed_keys("mission"))
    return versions


def import_model(*, model: Model) -> ImportResult:
    """Make the stored model equal to `model` (entities it lacks are removed), in one transaction."""
    with gc_paused(), transaction.atomic():
        empty = not org.Organization.objects.exists()
        previous = None if empty else load_model()
        plan = plan_additions(model) if previous is None else plan_changes(previous, model)
        write_model(model, versions={} if empty else _versions(plan))
        audit.record_import(plan=plan)
        earlier = previous.mission.statement if previous is not None and previous.mission else None
        if model.mission is not None and model.mission.statement != earlier:
            record_mission_revision(model.mission, actor=audit.current_actor())
    return ImportResult(plan=plan)


def export_model() -> str:
    """The stored model as format-1 YAML. Raises NoModel when nothing has been imported."""
    return export_text(load_model())
