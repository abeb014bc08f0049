"""Import, plan, export and restore: the one place the CLI, the web app and the API call.

An import of a file whose `revision` the store exported is three-way (`modelfile/merge.py`): what
the store changed since that export is kept. Any other file makes the store equal to it. Both,
and a restore, first keep the model they replace as a restore point (`restore.py`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models, transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.design import models as design
from lodestar.goals import models as goals
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.gc_pause import gc_paused
from lodestar.lib.model import Model
from lodestar.metrics.bindings import model_binding_issues
from lodestar.modelfile.export import export_text, stamped
from lodestar.modelfile.merge import merge_models
from lodestar.modelfile.plan import Plan, plan_additions, plan_changes
from lodestar.modelfile.reader import InvalidModel, Issue
from lodestar.modelfile.validate import validate_document
from lodestar.modelfile.yaml_io import UnsafeYaml, parse_yaml, read_yaml_file
from lodestar.org import models as org
from lodestar.purpose import models as purpose
from lodestar.purpose.services import record_mission_revision
from lodestar.scenarios import models as scenarios
from lodestar.store.load import NoModel, load_model
from lodestar.store.models import RestorePoint
from lodestar.store.restore import KEPT, keep_restore_point, model_counts
from lodestar.store.revisions import exported_state, remember_export
from lodestar.store.store import write_model
from lodestar.surveys import models as surveys


@dataclass(frozen=True, slots=True)
class ImportResult:
    plan: Plan


class ImportConflict(Conflict):
    """The file and the store both changed the same things since the file's export; nothing was written."""

    def __init__(self, plan: Plan) -> None:
        count = len(plan.conflicts)
        super().__init__(
            f"{count} conflict{'s' if count != 1 else ''} with changes made in the store since the file's export; "
            "nothing was written; forcing the import lets the file win"
        )
        self.plan = plan


class UnmergeableModel(InvalidModel):
    """The file's changes and the store's changes since its export do not make a valid model together."""

    def __init__(self, issues: list[Issue]) -> None:
        super().__init__(issues)
        self.args = (
            f"the file's changes and the store's changes since its export do not fit together "
            f"({len(issues)} error{'s' if len(issues) != 1 else ''}); nothing was written",
        )


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


def _prepared(model: Model, stored: Model | None, *, force: bool) -> tuple[Model, Plan]:
    """The model an import stores, and its plan: merged from the file's base when the store knows it."""
    if stored is None:
        return model, plan_additions(model)
    base = exported_state(model.revision)
    if base is None:
        return model, plan_changes(stored, model)
    merged = merge_models(base=base, store=stored, file=model, force=force)
    try:
        target = validate_document(merged.document)
    except InvalidModel as error:
        clashes = [Issue(clash.path, clash.message) for clash in merged.conflicts]
        raise UnmergeableModel([*clashes, *error.found]) from None
    plan = plan_changes(stored, target)
    plan.revision, plan.based, plan.forced = model.revision, True, force
    plan.conflicts, plan.kept = merged.conflicts, merged.kept
    return target, plan


def _stored() -> Model | None:
    try:
        return load_model()
    except NoModel:
        return None


def plan_import(*, model: Model, force: bool = False) -> Plan:
    """What importing `model` would add, change and remove, and its conflicts; writes nothing."""
    with gc_paused():
        return _prepared(model, _stored(), force=force)[1]


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
    ("scenarios", scenarios.Scenario),
    ("surveys", surveys.Survey),
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


@dataclass(frozen=True, slots=True)
class Restored:
    point: RestorePoint  # returned to
    plan: Plan
    kept: RestorePoint | None  # the model it replaced


def _replace(model: Model, *, previous: Model | None, plan: Plan, actor: Actor, reason: str) -> RestorePoint | None:
    """Store `model` in place of `previous`, which is kept as a restore point first (returned)."""
    kept = None if previous is None else keep_restore_point(actor=actor, reason=reason, model=previous)
    write_model(model, versions={} if previous is None else _versions(plan))
    earlier = previous.mission.statement if previous is not None and previous.mission else None
    if model.mission is not None and model.mission.statement != earlier:
        record_mission_revision(model.mission, actor=actor)
    return kept


def import_model(*, model: Model, force: bool = False) -> ImportResult:
    """Import a model file in one transaction, the model it replaces kept as a restore point.

    A file whose revision the store exported is merged with what the store changed since; a
    conflict raises ImportConflict unless `force` (then the file wins). Any other file makes the
    stored model equal to it (entities it lacks are removed).
    """
    actor = audit.current_actor()
    with gc_paused(), transaction.atomic():
        previous = _stored()
        target, plan = _prepared(model, previous, force=force)
        if plan.refused:
            raise ImportConflict(plan)
        _replace(target, previous=previous, plan=plan, actor=actor, reason="before import")
        audit.record_import(plan=plan)
    return ImportResult(plan=plan)


def _restore_point(point_id: int) -> RestorePoint:
    point = RestorePoint.objects.filter(pk=point_id).first()
    if point is None:
        raise NotFound(f"no restore point {point_id} (the last {KEPT} are kept)")
    return point


def plan_restore(*, point_id: int) -> tuple[RestorePoint, Plan]:
    """What returning to a restore point would change; writes nothing. Raises NotFound."""
    point = _restore_point(point_id)
    with gc_paused():
        return point, plan_changes(_stored(), read_model_text(point.text))


def restore_model(*, point_id: int) -> Restored:
    """Return to a restore point in one transaction, the model it replaces kept as a restore point."""
    actor = audit.current_actor()
    with gc_paused(), transaction.atomic():
        point = _restore_point(point_id)
        model = read_model_text(point.text)
        previous = _stored()
        plan = plan_changes(previous, model)
        kept = _replace(
            model, previous=previous, plan=plan, actor=actor, reason=f"before restoring restore point {point.pk}"
        )
        audit.record(
            actor=actor,
            action="model.restore",
            subject="model",
            after={
                "restore_point": point.pk,
                "at": point.at.isoformat(),
                "reason": point.reason,
                "counts": model_counts(model),
                "plan": {"add": plan.count("add"), "change": plan.count("change"), "remove": plan.count("remove")},
            },
        )
    return Restored(point=point, plan=plan, kept=kept)


def export_model() -> str:
    """The stored model as format-1 YAML with its revision stamp; the store remembers the state.

    Raises NoModel when nothing has been imported.
    """
    text = export_text(load_model())
    remember_export(text)
    return stamped(text)
