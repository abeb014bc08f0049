"""Changing the rhythm of the organization: a unit's check-in cadence, and whether a person gets reminders."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.roles import ADMIN, EDITOR
from lodestar.lib.errors import Invalid, NotFound, PermissionDenied
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Person, Unit
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import cadence_document
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.sections.org import read_cadence
from lodestar.org import models as org
from lodestar.store.compound import cadence_columns
from lodestar.store.load import load_model
from lodestar.store.versions import Saved, expect_version, write_versioned

# What these services read of the stored model: the tree and its people.
TREE = frozenset({"units", "people"})


def leads_at_or_above(index: ModelIndex, person_id: str | None, unit_id: str) -> bool:
    """Whether the person leads the unit or a unit above it."""
    seen: set[str] = set()
    current = index.units.get(unit_id)
    while person_id is not None and current is not None and current.id not in seen:
        if current.lead == person_id:
            return True
        seen.add(current.id)
        current = index.units.get(current.parent or "")
    return False


def may_set_cadence(actor: Actor, index: ModelIndex, unit_id: str) -> bool:
    """Editors and admins, and a member who leads the unit or one above it."""
    return actor.role in (ADMIN, EDITOR) or leads_at_or_above(index, actor.person_id, unit_id)


def set_unit_cadence(*, actor: Actor, unit_id: str, cadence: Any, version: Any) -> Saved[str]:
    """Set a unit's check-in cadence (`{every, day}`), or with None take it away (it inherits again).

    Raises NotFound, PermissionDenied, Conflict (a stale `version`) and Invalid (paths `cadence.every`, `cadence.day`).
    """
    what = f"the cadence of {unit_id!r}"
    with transaction.atomic():
        index = ModelIndex(load_model(parts=TREE))
        unit: Unit | None = index.units.get(unit_id)
        if unit is None:
            raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
        if not may_set_cadence(actor, index, unit_id):
            raise PermissionDenied(
                f"only editors, admins and the leads of {unit_id!r} or a unit above may change {what}"
            )
        expect_version(version, stored=unit.version, what=what)
        r = Reader()
        chosen = read_cadence(r, cadence, "cadence")
        if r.issues:
            raise Invalid("invalid cadence", [(issue.path, issue.message) for issue in r.issues])
        saved = write_versioned(org.Unit, unit_id, version=version, what=what, columns=cadence_columns(chosen, ()))
        audit.record(
            actor=actor,
            action="unit.cadence",
            subject=f"unit:{unit_id}",
            before={"cadence": cadence_document(unit.cadence) if unit.cadence else None},
            after={"cadence": cadence_document(chosen) if chosen else None},
        )
    return Saved(id=unit_id, version=saved)


def may_set_reminders(actor: Actor, person_id: str) -> bool:
    """The person themselves, editors and admins."""
    return actor.person_id == person_id or actor.role in (ADMIN, EDITOR)


def set_reminders(*, actor: Actor, person_id: str, reminders: bool) -> Person:
    """Turn a person's reminders and digests off, or on again (`reminders: false`, or the default).

    Raises NotFound, PermissionDenied and Invalid (`reminders` not true or false).
    """
    if type(reminders) is not bool:
        raise Invalid("invalid reminders", [("reminders", "expected true or false")])
    with transaction.atomic():
        person = next((p for p in load_model(parts=TREE).people if p.id == person_id), None)
        if person is None:
            raise NotFound(Wording.of(gettext_noop("no person %(id)s"), id=repr(person_id)))
        if not may_set_reminders(actor, person_id):
            raise PermissionDenied(f"only {person_id!r} themselves, editors and admins may change their reminders")
        # On again is the default (the key left out of the model file), not an explicit `true`.
        stored = None if reminders else False
        org.Person.objects.filter(id=person_id).update(reminders=stored)
        audit.record(
            actor=actor,
            action="person.reminders",
            subject=f"person:{person_id}",
            before={"reminders": person.wants_reminders},
            after={"reminders": reminders},
        )
        person.reminders = stored
    return person
