"""The goal cycle: close (grade) and reopen a goal, and roll a period's goals over into another."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api import schemas
from lodestar.api import schemas_goals as goal_schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import flag, json_object
from lodestar.api.routes_goals import goal_response
from lodestar.goals import services
from lodestar.lib.errors import Invalid
from lodestar.rhythm.rollover import RollOver

router = Router(tags=["goal cycle"])

_KEYS = frozenset({"date", "score", "note", "version"})
_ROLL_OVER_KEYS = frozenset({"to", "goals", "dry_run"})


def _only(document: dict[str, Any], keys: frozenset[str]) -> None:
    unknown = sorted(set(document) - keys)
    if unknown:
        raise Invalid("invalid input", [(key, "unknown key") for key in unknown])


@router.post(
    "/goals/{goal_id}/close",
    summary="Close (grade) a goal with a final score in [0, 1], on `date` (default today); again to grade anew",
    **schemas.answer(200, "The goal, closed", goal_schemas.GOAL_FULL, body=goal_schemas.CLOSE, errors=(403, 404, 409)),
)
def close_goal(request: ApiRequest, goal_id: str) -> HttpResponse:
    document = json_object(request)
    _only(document, _KEYS)
    if "score" not in document:
        raise Invalid("invalid input", [("score", "required")])
    services.close_goal(
        actor=request.actor,
        goal_id=goal_id,
        score=document["score"],
        note=document.get("note"),
        date=document.get("date"),
        version=document.get("version"),
    )
    return goal_response(goal_id)


@router.delete(
    "/goals/{goal_id}/close",
    summary="Reopen a closed goal: it is scored from its key results again",
    **schemas.answer(204, "Reopened: GET the goal for its figures", errors=(403, 404, 409, 422)),
)
def reopen_goal(request: ApiRequest, goal_id: str, version: int | None = None) -> HttpResponse:
    services.reopen_goal(actor=request.actor, goal_id=goal_id, version=version)
    return HttpResponse(status=204)


def _roll_over_json(rollover: RollOver, *, applied: bool) -> dict[str, Any]:
    return {
        "from": rollover.source.id,
        "to": rollover.target.id,
        "applied": applied,
        "carried": [
            {
                "goal": item.original.id,
                "copy": item.copy.id,
                "key_results": [
                    {"key_result": original.id, "copy": copy.id, "baseline": copy.baseline}
                    for original, copy in item.key_results
                ],
            }
            for item in rollover.carried
        ],
    }


@router.post(
    "/periods/{period_id}/rollover",
    summary="Carry goals of this period into period `to` (default: those with a final score below 1); "
    "`dry_run` plans only",
    **schemas.answer(
        200,
        "What was (or would be) carried",
        goal_schemas.ROLL_OVER_ANSWER,
        body=goal_schemas.ROLL_OVER,
        errors=(403, 404, 409),
    ),
)
def roll_over(request: ApiRequest, period_id: str) -> HttpResponse:
    document = json_object(request)
    _only(document, _ROLL_OVER_KEYS)
    target = document.get("to")
    if not isinstance(target, str) or not target:
        raise Invalid("invalid input", [("to", "required: the id of the period to carry into")])
    goals = document.get("goals")
    if goals is not None and (not isinstance(goals, list) or not all(isinstance(g, str) for g in goals)):
        raise Invalid("invalid input", [("goals", "expected a list of goal ids")])
    dry_run = flag(document, "dry_run")
    if dry_run:
        planned = services.plan_roll_over(actor=request.actor, source=period_id, target=target, goal_ids=goals)
        return JsonResponse(_roll_over_json(planned, applied=False))
    done = services.roll_over(actor=request.actor, source=period_id, target=target, goal_ids=goals)
    return JsonResponse(_roll_over_json(done, applied=bool(done.carried)))
