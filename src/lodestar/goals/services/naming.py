"""Creating goals and key results without typing ids: an id left out is proposed from the title.

The proposal (`lib/ids.py`) is free among the stored goals (or key results) when it is made, and
among the ids the same document names already; the create itself is `create_goal` or
`create_key_result`, with their checks, transaction and audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction

from lodestar.accounts.actor import Actor
from lodestar.goals import models as goals
from lodestar.goals.services.goals import create_goal
from lodestar.goals.services.key_results import create_key_result
from lodestar.lib.ids import proposal_prefix, propose_id
from lodestar.store.versions import Saved

__all__ = ["create_goal_proposing_ids", "create_key_result_proposing_id", "proposed_goal_id", "proposed_key_result_id"]

GOAL_FALLBACK, KEY_RESULT_FALLBACK = "goal", "key-result"


def _proposed(table: type[models.Model], title: str, *, fallback: str, also_taken: Iterable[str]) -> str:
    prefix = proposal_prefix(title, fallback=fallback)
    taken = set(table._default_manager.filter(id__startswith=prefix).values_list("id", flat=True))
    return propose_id(title, taken | set(also_taken), fallback=fallback)


def proposed_goal_id(title: str, *, also_taken: Iterable[str] = ()) -> str:
    """An id for a goal titled `title`: no stored goal has it, nor any of `also_taken`."""
    return _proposed(goals.Goal, title, fallback=GOAL_FALLBACK, also_taken=also_taken)


def proposed_key_result_id(title: str, *, also_taken: Iterable[str] = ()) -> str:
    """An id for a key result titled `title`: no stored key result has it, nor any of `also_taken`."""
    return _proposed(goals.KeyResult, title, fallback=KEY_RESULT_FALLBACK, also_taken=also_taken)


def _missing(item: Any) -> bool:
    return type(item) is dict and item.get("id") in (None, "")


def _title(item: dict[str, Any]) -> str:
    title = item.get("title")
    return title if type(title) is str else ""


def create_goal_proposing_ids(*, actor: Actor, document: Any) -> Saved[str]:
    """`create_goal`, where the goal and each of its key results without an id get one proposed from their titles.

    The key results' proposals differ from each other and from the ids the document names. Raises
    as `create_goal`: Invalid (a named id is taken, with the field), PermissionDenied, NotFound, Conflict.
    """
    with transaction.atomic():
        named = _with_ids(document)
        return create_goal(actor=actor, document=named)


def _with_ids(document: Any) -> Any:
    if type(document) is not dict:
        return document
    named = dict(document)
    if _missing(named):
        named["id"] = proposed_goal_id(_title(named))
    items = named.get("key_results")
    if type(items) is list:
        given = [item["id"] for item in items if type(item) is dict and type(item.get("id")) is str]
        taken = {identifier for identifier in given if identifier}
        filled = []
        for item in items:
            if _missing(item):
                proposal = proposed_key_result_id(_title(item), also_taken=taken)
                taken.add(proposal)
                filled.append({**item, "id": proposal})
            else:
                filled.append(item)
        named["key_results"] = filled
    return named


def create_key_result_proposing_id(*, actor: Actor, goal_id: str, document: Any) -> Saved[str]:
    """`create_key_result`, where a key result without an id gets one proposed from its title; raises as it does."""
    with transaction.atomic():
        if _missing(document):
            document = {**document, "id": proposed_key_result_id(_title(document))}
        return create_key_result(actor=actor, goal_id=goal_id, document=document)
