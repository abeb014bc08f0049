"""Alignment needs consent: a link to a goal the actor may not edit is proposed, and that goal's editors decide.

A goal's links (`contributes_to`) move the scores of the goals they point to. Someone who
may edit the parent goal links directly; anyone else proposes the link, which is shown on
both goals but counts nowhere until someone who may edit the parent accepts it. Declining
removes it. The link is part of the contributing goal, so a decision moves that goal's
version on, and is refused (Conflict) when the proposal changed since it was seen.
"""

from __future__ import annotations

import copy
from typing import Any

from django.db import transaction

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import editable_owners, require_owner
from lodestar.goals import models as goals
from lodestar.goals.services.common import LINKS, find_goal
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.model import Contribution, Goal, Model
from lodestar.modelfile.documents import compact, goal_document, number
from lodestar.store.load import load_model
from lodestar.store.rows import goal_rows, replace_relations
from lodestar.store.versions import Saved, expect_version, write_versioned

__all__ = ["accept_contribution", "decline_contribution", "settle_links"]


def settle_links(actor: Actor, goal: Goal, *, written: Any, current: Goal | None, model: Model) -> None:
    """Mark as proposed each link of `goal` (read from the document `written`) that the actor may not make count.

    A link to a goal the actor may edit keeps `proposed` as written (absent: it counts), so
    editors, admins and the parent's owners link directly. A link to any other goal counts
    only if it counted before with the same weight (`current`); otherwise it is proposed, and
    written `proposed: false` it is refused. Raises Invalid.
    """
    editable = editable_owners(actor, model)
    owners = {other.id: other.owner for other in model.goals}
    counted = {c.goal: c.effective_weight for c in current.counted_contributions} if current else {}
    items = written.get("contributes_to") if type(written) is dict else None
    issues = []
    for j, link in enumerate(goal.contributes_to):
        if link.proposed or editable is None or owners.get(link.goal) in editable:
            continue
        if counted.get(link.goal) == link.effective_weight:
            continue
        item = items[j] if type(items) is list and j < len(items) else None
        if type(item) is dict and item.get("proposed") is False:
            issues.append(
                (
                    f"contributes_to[{j}].proposed",
                    f"only someone who may edit goal {link.goal!r} can make this link count; "
                    "leave out proposed and the link is proposed to them",
                )
            )
        link.proposed = True
    if issues:
        raise Invalid("invalid goal", issues)


def accept_contribution(*, actor: Actor, goal_id: str, contributor_id: str, version: Any) -> Saved[str]:
    """Let the proposed link from goal `contributor_id` to goal `goal_id` count.

    `version` is the contributing goal's (the link is part of it). Raises NotFound (no such
    goal or proposal), PermissionDenied (the actor may not edit `goal_id`), Invalid (no
    version) and Conflict (the contributing goal changed since).
    """
    return _decide(actor=actor, goal_id=goal_id, contributor_id=contributor_id, version=version, accept=True)


def decline_contribution(*, actor: Actor, goal_id: str, contributor_id: str, version: Any) -> Saved[str]:
    """Remove the proposed link from goal `contributor_id` to goal `goal_id`; raises as `accept_contribution`."""
    return _decide(actor=actor, goal_id=goal_id, contributor_id=contributor_id, version=version, accept=False)


def _decide(*, actor: Actor, goal_id: str, contributor_id: str, version: Any, accept: bool) -> Saved[str]:
    what = f"goal {contributor_id!r}"
    with transaction.atomic():
        model = load_model(parts=LINKS)
        parent = find_goal(model, goal_id)
        current = find_goal(model, contributor_id)
        require_owner(actor, parent.owner, model, what=f"the links to goal {goal_id!r}")
        link = _proposal(current, goal_id)
        expect_version(version, stored=current.version, what=what)
        goal = copy.deepcopy(current)
        if accept:
            _proposal(goal, goal_id).proposed = False
        else:
            goal.contributes_to = [c for c in goal.contributes_to if c.goal != goal_id]
        saved = write_versioned(goals.Goal, contributor_id, version=version, what=what, columns={})
        people = {person.id for person in model.people}
        replace_relations(goal_rows(goal, people=people), previous=goal_rows(current, people=people))
        action = "goal.align.accept" if accept else "goal.align.decline"
        before, after = goal_document(current), goal_document(goal)
        audit.record(
            actor=actor,
            action=action,
            subject=f"goal:{contributor_id}",
            goal_id=contributor_id,
            before=before,
            after=after,
        )
        decided = compact([("contributor", contributor_id), ("weight", number(link.weight))])
        audit.record(
            actor=actor,
            action=action,
            subject=f"goal:{goal_id}",
            goal_id=goal_id,
            before={**decided, "proposed": True},
            after=decided if accept else None,
        )
    return Saved(id=contributor_id, version=saved)


def _proposal(goal: Goal, parent_id: str) -> Contribution:
    link = next((c for c in goal.proposed_contributions if c.goal == parent_id), None)
    if link is None:
        raise NotFound(f"goal {goal.id!r} proposes no link to {parent_id!r}")
    return link
