"""Create, update and delete competencies of the catalog (with required levels) and set people's levels."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.design import models as design
from lodestar.design.services.common import merged, next_ordinal
from lodestar.lib.errors import Conflict, NotFound
from lodestar.lib.model import Competency, Model, Person
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import competency_document
from lodestar.modelfile.entities import read_competency, read_person_level
from lodestar.org.models import PersonCompetency
from lodestar.store.load import load_model
from lodestar.store.rows import competency_rows, insert_entity, person_level_row, replace_relations
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned


def find_competency(model: Model, competency_id: str) -> Competency:
    competency = next((c for c in model.competencies if c.id == competency_id), None)
    if competency is None:
        raise NotFound(Wording.of(gettext_noop("no competency %(id)s"), id=repr(competency_id)))
    return competency


def find_person(model: Model, person_id: str) -> Person:
    person = next((p for p in model.people if p.id == person_id), None)
    if person is None:
        raise NotFound(Wording.of(gettext_noop("no person %(id)s"), id=repr(person_id)))
    return person


def create_competency(*, actor: Actor, document: Any) -> Saved[str]:
    """Add a competency `{id, name, category?, required?}`. Raises PermissionDenied and Invalid."""
    require_editor(actor, what="change the competency catalog")
    with transaction.atomic():
        model = load_model()
        competency = read_competency(document, model=model)
        insert_entity(competency_rows(competency), ordinal=next_ordinal(design.Competency), version=1)
        after = competency_document(competency)
        audit.record(actor=actor, action="competency.create", subject=f"competency:{competency.id}", after=after)
    return Saved(id=competency.id, version=1)


def update_competency(*, actor: Actor, competency_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a competency's name, category or required levels. Raises NotFound, PermissionDenied, Conflict, Invalid."""
    require_editor(actor, what="change the competency catalog")
    what = f"competency {competency_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_competency(model, competency_id)
        expect_version(version, stored=current.version, what=what)
        before = competency_document(current)
        document = merged(before, changes, fixed=("id",), what="competency")
        competency = read_competency(document, model=model, replacing=competency_id)
        rows = competency_rows(competency)
        saved = write_versioned(design.Competency, competency_id, version=version, what=what, columns=rows.row)
        replace_relations(rows, previous=competency_rows(current))
        after = competency_document(competency)
        audit.record(
            actor=actor, action="competency.update", subject=f"competency:{competency_id}", before=before, after=after
        )
    return Saved(id=competency_id, version=saved)


def delete_competency(*, actor: Actor, competency_id: str, version: Any = None) -> None:
    """Delete a competency and the people's levels in it. Refused (Conflict) while tasks need it."""
    require_editor(actor, what="change the competency catalog")
    what = f"competency {competency_id!r}"
    with transaction.atomic():
        model = load_model()
        current = find_competency(model, competency_id)
        expect_version(version, stored=current.version, what=what, required=False)
        before = competency_document(current)
        tasks = [task.id for task in model.tasks if competency_id in task.competencies]
        if tasks:
            raise Conflict(
                f"competency {competency_id!r} cannot be deleted while tasks need it ({', '.join(tasks)}); "
                "change those tasks first"
            )
        levels = {p.id: p.competencies[competency_id] for p in model.people if competency_id in p.competencies}
        delete_versioned(design.Competency, competency_id, version=version, what=what)
        audit.record(
            actor=actor,
            action="competency.delete",
            subject=f"competency:{competency_id}",
            before={**before, "people": levels} if levels else before,
        )


def set_person_level(*, actor: Actor, person_id: str, competency_id: str, level: Any) -> int:
    """Set a person's level (0-5) in a competency. Raises NotFound, PermissionDenied and Invalid."""
    require_editor(actor, what="change people's competency levels")
    with transaction.atomic():
        model = load_model()
        person = find_person(model, person_id)
        checked = read_person_level(level, model=model, competency=competency_id)
        before = person.competencies.get(competency_id)
        updated = PersonCompetency.objects.filter(person_id=person_id, competency_id=competency_id).update(
            level=checked
        )
        if not updated:
            ordinal = len(person.competencies)
            PersonCompetency.objects.create(**person_level_row(person_id, competency_id, checked, ordinal=ordinal))
        audit.record(
            actor=actor,
            action="person.competency.set",
            subject=f"person:{person_id}",
            before=None if before is None else {competency_id: before},
            after={competency_id: checked},
        )
    return checked


def remove_person_level(*, actor: Actor, person_id: str, competency_id: str) -> None:
    """Remove a person's level in a competency. Raises NotFound and PermissionDenied."""
    require_editor(actor, what="change people's competency levels")
    with transaction.atomic():
        model = load_model()
        person = find_person(model, person_id)
        if competency_id not in person.competencies:
            raise NotFound(f"{person_id!r} has no level in {competency_id!r}")
        PersonCompetency.objects.filter(person_id=person_id, competency_id=competency_id).delete()
        audit.record(
            actor=actor,
            action="person.competency.remove",
            subject=f"person:{person_id}",
            before={competency_id: person.competencies[competency_id]},
        )
