"""Create, update and delete the dependencies between units (now and in the target picture)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as d
from lodestar.design.documents import dependency_document, fingerprint
from lodestar.design.services.common import (
    SavedEntity,
    expect_version,
    find,
    keyed,
    merged,
    next_ordinal,
    stored_model,
)
from lodestar.lib import model as m
from lodestar.modelfile.entities import read_dependency


def dependencies_by_id(model: m.Model) -> dict[int, m.Dependency]:
    """The model's dependencies by row id, in model order."""
    return keyed(d.Dependency, model.dependencies)


def _columns(dependency: m.Dependency) -> dict[str, Any]:
    return {
        "from_unit_id": dependency.from_unit,
        "to_unit_id": dependency.to_unit,
        "about": dependency.about,
        "kind": dependency.kind,
        "now": dependency.now,
        "target": dependency.target,
    }


def create_dependency(*, actor: Actor, document: Any) -> SavedEntity:
    """Add a dependency `{from, to, about, kind, now, target}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = stored_model()
        dependency = read_dependency(document, model=model)
        row = d.Dependency.objects.create(ordinal=next_ordinal(d.Dependency), **_columns(dependency))
        after = dependency_document(dependency)
        audit.record(actor=actor, action="dependency.create", subject=f"dependency:{row.pk}", after=after)
    return SavedEntity(id=row.pk, version=fingerprint(after))


def update_dependency(*, actor: Actor, dependency_id: int, changes: Any, version: Any) -> SavedEntity:
    """Change a dependency. Raises NotFound, PermissionDenied, Conflict (stale `version`) and Invalid."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = stored_model()
        before = dependency_document(find(dependencies_by_id(model), dependency_id, "dependency"))
        expect_version(version, before, what=f"dependency {dependency_id}")
        dependency = read_dependency(merged(before, changes, fixed=(), what="dependency"), model=model)
        d.Dependency.objects.filter(id=dependency_id).update(**_columns(dependency))
        after = dependency_document(dependency)
        audit.record(
            actor=actor, action="dependency.update", subject=f"dependency:{dependency_id}", before=before, after=after
        )
    return SavedEntity(id=dependency_id, version=fingerprint(after))


def delete_dependency(*, actor: Actor, dependency_id: int, version: Any = None) -> None:
    """Delete a dependency. Raises NotFound, PermissionDenied and Conflict (stale `version`)."""
    require_editor(actor, what="change dependencies")
    with transaction.atomic():
        model = stored_model()
        before = dependency_document(find(dependencies_by_id(model), dependency_id, "dependency"))
        expect_version(version, before, what=f"dependency {dependency_id}", required=False)
        d.Dependency.objects.filter(id=dependency_id).delete()
        audit.record(actor=actor, action="dependency.delete", subject=f"dependency:{dependency_id}", before=before)
