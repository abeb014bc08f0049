"""What an actor may change. Everyone signed in may read everything: transparency is the point."""

from __future__ import annotations

from lodestar.accounts.actor import Actor
from lodestar.accounts.roles import ADMIN, EDITOR, MEMBER
from lodestar.lib.errors import PermissionDenied
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.wording import Wording, gettext_noop


def editable_owners(actor: Actor, model: Model, *, index: ModelIndex | None = None) -> frozenset[str] | None:
    """The owners (unit and person ids) whose goals the actor may change; None means every owner.

    A member changes what their own person owns, what a unit they belong to or lead owns, and
    everything owned below a unit they lead (units and the people in them). `index`, the model's
    index where the caller has one, saves building another.
    """
    if actor.role in (ADMIN, EDITOR):
        return None
    if actor.role != MEMBER or actor.person_id is None:
        return frozenset()
    index = index if index is not None else ModelIndex(model)
    person = index.people.get(actor.person_id)
    if person is None:
        return frozenset()
    owners = {person.id, person.unit}
    for unit in index.units_led_by(person.id):
        owners |= index.owners_below(unit.id)
    return frozenset(owners)


def can_edit_owner(actor: Actor, owner: str, model: Model, *, index: ModelIndex | None = None) -> bool:
    owners = editable_owners(actor, model, index=index)
    return owners is None or owner in owners


def require_owner(actor: Actor, owner: str, model: Model, *, what: str) -> None:
    """Raise PermissionDenied unless the actor may change `what`, owned by `owner`."""
    if not can_edit_owner(actor, owner, model):
        raise PermissionDenied(
            Wording.of(
                gettext_noop("you may not change %(what)s: it is owned by %(owner)s"), what=what, owner=repr(owner)
            )
        )


def can_check_in(
    actor: Actor, goal_owner: str, check_in_owner: str | None, model: Model, *, index: ModelIndex | None = None
) -> bool:
    """Whether the actor may record values and check-ins on a key result: whoever may change its goal,
    and the person the key result names as its `owner` (who checks in on it)."""
    if can_edit_owner(actor, goal_owner, model, index=index):
        return True
    return actor.role == MEMBER and actor.person_id is not None and actor.person_id == check_in_owner


def require_check_in(actor: Actor, goal_owner: str, check_in_owner: str | None, model: Model, *, what: str) -> None:
    """Raise PermissionDenied unless the actor may record values and check-ins on `what` (see can_check_in)."""
    if not can_check_in(actor, goal_owner, check_in_owner, model):
        raise PermissionDenied(
            Wording.of(
                gettext_noop("you may not change %(what)s: it is owned by %(owner)s"), what=what, owner=repr(goal_owner)
            )
        )


def require_some_owner(actor: Actor, model: Model, *, what: str) -> None:
    """Raise PermissionDenied if the actor may change no goal at all (a viewer, a member without a person)."""
    if editable_owners(actor, model) == frozenset():
        raise PermissionDenied(Wording.of(gettext_noop("you may not %(what)s"), what=what))


def require_editor(actor: Actor, *, what: str) -> None:
    if actor.role not in (ADMIN, EDITOR):
        raise PermissionDenied(Wording.of(gettext_noop("only editors and admins may %(what)s"), what=what))


def require_admin(actor: Actor, *, what: str) -> None:
    if actor.role != ADMIN:
        raise PermissionDenied(Wording.of(gettext_noop("only admins may %(what)s"), what=what))
