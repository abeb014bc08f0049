"""Create, update and delete the dependencies between units (now and in the target picture)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import SavedEntity, expect_version, find, fingerprint, keyed, merged, next_ordinal
from lodestar.lib.model import Dependency, Model
from lodestar.modelfile.documents import dependency_document
from lodestar.modelfile.entities import read_dependency
from lodestar.store.load import load_model
from lodestar.store.rows import dependency_rows, insert_entity


def dependencies_by_id(model: Model) -> dict[int, Dependency]:
    """The model's dependencies by row id, in model order."""
    return keyed(design.Dependency, model.dependencies)


def create_dependency(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a dependency `{from, to, about, kind, now, target}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = load_model()
        dependency = read_dependency(document, model=model)
        row = insert_entity(dependency_rows(dependency), ordinal=next_ordinal(design.Dependency))
        after = dependency_document(dependency)
        audit.record(actor=actor, action="dependency.create", subject=f"dependency:{row.pk}", after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_dependency(*, actor: Actor, dependency_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a dependency. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = load_model()
        before = dependency_document(find(dependencies_by_id(model), dependency_id, "dependency"))
        expect_version(version, before, what=f"dependency {dependency_id}")
        dependency = read_dependency(merged(before, changes, fixed=(), what="dependency"), model=model)
        design.Dependency.objects.filter(id=dependency_id).update(**dependency_rows(dependency).row)
        after = dependency_document(dependency)
        audit.record(
            actor=actor, action="dependency.update", subject=f"dependency:{dependency_id}", before=before, after=after
        )
    return SavedEntity(id=dependency_id, version=fingerprint(after))


def delete_dependency(*, actor: Actor, dependency_id: int, version: Any = None) -> None:
    """Delete a dependency. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = load_model()
        before = dependency_document(find(dependencies_by_id(model), dependency_id, "dependency"))
        expect_version(version, before, what=f"dependency {dependency_id}", required=False)
        design.Dependency.objects.filter(id=dependency_id).delete()
        audit.record(actor=actor, action="dependency.delete", subject=f"dependency:{dependency_id}", before=before)
