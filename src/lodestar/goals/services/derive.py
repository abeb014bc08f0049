"""Accepting and dismissing the draft goals derived for a unit (`goals.derive`).

Both read the proposals afresh from the stored model, so that only a proposal that is still open
can be accepted or dismissed, whatever a page showed earlier. Raises NotFound, PermissionDenied,
Invalid and Conflict.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_owner
from lodestar.goals.derive import Proposal, derive_proposals
from lodestar.goals.models import DismissedProposal
from lodestar.goals.services.common import REACH
from lodestar.goals.services.goals import create_goal
from lodestar.i18n.words import say
from lodestar.lib import clock
from lodestar.lib.errors import NotFound
from lodestar.lib.ids import propose_id
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.store.load import load_model
from lodestar.store.versions import Saved


def dismissed_keys() -> set[str]:
    return set(DismissedProposal.objects.values_list("key", flat=True))


def proposals_for(unit_id: str, as_of: date | None = None) -> list[Proposal]:
    """The open draft goals of the unit and the units below it. Raises NotFound (no model, no unit)."""
    model = load_model()
    if unit_id not in {unit.id for unit in model.units}:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    return derive_proposals(model, unit_id, as_of or clock.today(), dismissed=dismissed_keys())


def _open(unit_id: str, key: str, as_of: date | None) -> Proposal:
    found = next((proposal for proposal in proposals_for(unit_id, as_of) if proposal.key == key), None)
    if found is None:
        raise NotFound(
            Wording.of(
                gettext_noop("no open proposal %(key)s for unit %(unit)s: it was accepted, dismissed or is answered"),
                key=repr(key),
                unit=repr(unit_id),
            )
        )
    return found


def accept_proposal(*, actor: Actor, unit_id: str, key: str, as_of: date | None = None) -> Saved[str]:
    """Create the proposal as an ordinary goal, its title in the active language and its id proposed from it."""
    proposal = _open(unit_id, key, as_of)
    taken = {goal.id for goal in load_model(parts=REACH).goals}
    title = say(proposal.title)
    return create_goal(actor=actor, document=proposal.document(propose_id(title, taken, fallback="goal"), title))


def dismiss_proposal(*, actor: Actor, unit_id: str, key: str, as_of: date | None = None) -> Proposal:
    """Keep the proposal from being proposed again (by whoever may create its goal)."""
    proposal = _open(unit_id, key, as_of)
    with transaction.atomic():
        model = load_model(parts=REACH)
        require_owner(actor, proposal.owner, model, what=f"the goals of {proposal.owner!r}")
        DismissedProposal.objects.get_or_create(
            key=proposal.key, defaults={"dismissed_by": actor.label[:254], "dismissed_at": timezone.now()}
        )
        audit.record(
            actor=actor,
            action="proposal.dismiss",
            subject=f"unit:{unit_id}",
            before={"key": proposal.key, "title": proposal.title.english(), "owner": proposal.owner},
        )
    return proposal
