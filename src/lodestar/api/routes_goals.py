"""Goals and key results: list, read, create, change, delete; measurements and check-ins."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api import schemas
from lodestar.api import schemas_goals as goal_schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import as_of_date, flag, json_object
from lodestar.api.representation import check_in_json, goal_json, key_result_json, measurement_json
from lodestar.api.schemas import AsOf, Limit, Offset, StatusFilter
from lodestar.goals import services
from lodestar.goals.snapshot import take_snapshot
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.limits import MAX_LIMIT, MAX_OFFSET
from lodestar.lib.vocabulary import STATUSES
from lodestar.lib.wording import Wording, gettext_noop

router = Router(tags=["goals"])


def _page(items: list[Any], limit: int, offset: int) -> dict[str, Any]:
    if not 1 <= limit <= MAX_LIMIT:
        raise Invalid("invalid limit", [("limit", f"expected 1 to {MAX_LIMIT}, got {str(limit)[:40]}")])
    if not 0 <= offset <= MAX_OFFSET:
        raise Invalid("invalid offset", [("offset", f"expected 0 to {MAX_OFFSET}, got {str(offset)[:40]}")])
    return {"count": len(items), "limit": limit, "offset": offset, "items": items[offset : offset + limit]}


@router.get(
    "/goals",
    summary="Goals, paginated; filter by period, owner, unit (and below), status, parent",
    **schemas.answer(200, "One page of the goals that match", schemas.page(goal_schemas.GOAL), errors=(404, 422)),
)
def list_goals(
    request: ApiRequest,
    as_of: AsOf = None,
    period: str | None = None,
    owner: str | None = None,
    unit: str | None = None,
    status: StatusFilter = None,
    parent: str | None = None,
    top_level: bool | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(as_of))
    if status is not None and status not in STATUSES:
        raise Invalid("invalid status", [("status", f"expected one of {', '.join(STATUSES)}")])
    if unit is not None and unit not in snapshot.units:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit)))
    owners = snapshot.owners_of_unit(unit) if unit is not None else None
    goals = [
        goal
        for goal in snapshot.model.goals
        if (period is None or goal.period == period)
        and (owner is None or goal.owner == owner)
        and (owners is None or goal.owner in owners)
        and (status is None or snapshot.goal_scores[goal.id].status == status)
        and (parent is None or any(c.goal == parent for c in goal.counted_contributions))
        and (top_level is None or (not goal.counted_contributions) == top_level)
    ]
    page = _page(goals, limit, offset)
    page["items"] = [goal_json(snapshot, goal) for goal in page["items"]]
    return page


@router.get(
    "/goals/{goal_id}",
    summary="One goal with its key results, measurements and check-ins",
    **schemas.answer(200, "The goal", goal_schemas.GOAL_FULL, errors=(404, 422)),
)
def get_goal(request: ApiRequest, goal_id: str, as_of: AsOf = None) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(as_of))
    goal = snapshot.goals.get(goal_id)
    if goal is None:
        raise NotFound(Wording.of(gettext_noop("no goal %(id)s"), id=repr(goal_id)))
    return goal_json(snapshot, goal, full=True)


def goal_response(goal_id: str, status: int = 200) -> HttpResponse:
    """The goal's full JSON as of today: what every write on a goal answers."""
    snapshot = take_snapshot(as_of=as_of_date(None))
    return JsonResponse(goal_json(snapshot, snapshot.goals[goal_id], full=True), status=status)


@router.post(
    "/goals",
    summary="Create a goal (model file format; key results may be included)",
    **schemas.answer(
        201, "The goal as stored", goal_schemas.GOAL_FULL, body=goal_schemas.GOAL_CREATE, errors=(403, 409)
    ),
)
def create_goal(request: ApiRequest) -> HttpResponse:
    saved = services.create_goal(actor=request.actor, document=json_object(request))
    return goal_response(saved.id, 201)


@router.patch(
    "/goals/{goal_id}",
    summary="Change a goal; `version` is required (409 when stale)",
    **schemas.answer(
        200, "The goal as changed", goal_schemas.GOAL_FULL, body=goal_schemas.GOAL_PATCH, errors=(403, 404, 409)
    ),
)
def update_goal(request: ApiRequest, goal_id: str) -> HttpResponse:
    changes = json_object(request)
    version = changes.pop("version", None)
    services.update_goal(actor=request.actor, goal_id=goal_id, changes=changes, version=version)
    return goal_response(goal_id)


@router.delete(
    "/goals/{goal_id}",
    summary="Delete a goal (409 while other goals contribute to it)",
    **schemas.answer(204, "Deleted", errors=(403, 404, 409, 422)),
)
def delete_goal(request: ApiRequest, goal_id: str, version: int | None = None) -> HttpResponse:
    services.delete_goal(actor=request.actor, goal_id=goal_id, version=version)
    return HttpResponse(status=204)


@router.post(
    "/goals/{goal_id}/proposals/{contributor_id}/accept",
    summary="Accept the link goal `contributor_id` proposes to this goal: it counts from now on",
    **schemas.answer(
        200, "The goal, the link counted", goal_schemas.GOAL_FULL, body=goal_schemas.DECISION, errors=(403, 404, 409)
    ),
)
def accept_proposal(request: ApiRequest, goal_id: str, contributor_id: str) -> HttpResponse:
    version = json_object(request).get("version")
    services.accept_contribution(actor=request.actor, goal_id=goal_id, contributor_id=contributor_id, version=version)
    return goal_response(goal_id)


@router.post(
    "/goals/{goal_id}/proposals/{contributor_id}/decline",
    summary="Decline the link goal `contributor_id` proposes to this goal: the link is removed",
    **schemas.answer(
        200, "The goal, the link removed", goal_schemas.GOAL_FULL, body=goal_schemas.DECISION, errors=(403, 404, 409)
    ),
)
def decline_proposal(request: ApiRequest, goal_id: str, contributor_id: str) -> HttpResponse:
    version = json_object(request).get("version")
    services.decline_contribution(actor=request.actor, goal_id=goal_id, contributor_id=contributor_id, version=version)
    return goal_response(goal_id)


@router.get(
    "/key-results",
    summary="Key results, paginated; filter by goal and status",
    **schemas.answer(
        200, "One page of the key results that match", schemas.page(goal_schemas.KEY_RESULT), errors=(422,)
    ),
)
def list_key_results(
    request: ApiRequest,
    as_of: AsOf = None,
    goal: str | None = None,
    status: StatusFilter = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(as_of))
    if status is not None and status not in STATUSES:
        raise Invalid("invalid status", [("status", f"expected one of {', '.join(STATUSES)}")])
    key_results = [
        kr
        for owner, kr in snapshot.key_results.values()
        if (goal is None or owner.id == goal) and (status is None or snapshot.kr_scores[kr.id].status == status)
    ]
    page = _page(key_results, limit, offset)
    page["items"] = [key_result_json(snapshot, kr) for kr in page["items"]]
    return page


@router.get(
    "/key-results/{key_result_id}",
    summary="One key result with its measurements and check-ins",
    **schemas.answer(200, "The key result", goal_schemas.KEY_RESULT_FULL, errors=(404, 422)),
)
def get_key_result(request: ApiRequest, key_result_id: str, as_of: AsOf = None) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(as_of))
    if key_result_id not in snapshot.key_results:
        raise NotFound(Wording.of(gettext_noop("no key result %(id)s"), id=repr(key_result_id)))
    return key_result_json(snapshot, snapshot.key_results[key_result_id][1], full=True)


def _key_result_response(key_result_id: str, status: int = 200) -> HttpResponse:
    snapshot = take_snapshot(as_of=as_of_date(None))
    return JsonResponse(key_result_json(snapshot, snapshot.key_results[key_result_id][1], full=True), status=status)


@router.post(
    "/key-results",
    summary="Add a key result to the goal named by `goal`",
    **schemas.answer(
        201,
        "The key result as stored",
        goal_schemas.KEY_RESULT_FULL,
        body=goal_schemas.KEY_RESULT_CREATE,
        errors=(403, 404, 409),
    ),
)
def create_key_result(request: ApiRequest) -> HttpResponse:
    document = json_object(request)
    goal_id = document.pop("goal", None)
    if type(goal_id) is not str:
        raise Invalid("goal required", [("goal", "required: the id of the goal the key result belongs to")])
    saved = services.create_key_result(actor=request.actor, goal_id=goal_id, document=document)
    return _key_result_response(saved.id, 201)


@router.patch(
    "/key-results/{key_result_id}",
    summary="Change a key result; `version` is required",
    **schemas.answer(
        200,
        "The key result as changed",
        goal_schemas.KEY_RESULT_FULL,
        body=goal_schemas.KEY_RESULT_PATCH,
        errors=(403, 404, 409),
    ),
)
def update_key_result(request: ApiRequest, key_result_id: str) -> HttpResponse:
    changes = json_object(request)
    version = changes.pop("version", None)
    services.update_key_result(actor=request.actor, key_result_id=key_result_id, changes=changes, version=version)
    return _key_result_response(key_result_id)


@router.delete(
    "/key-results/{key_result_id}",
    summary="Delete a key result with its measurements and check-ins",
    **schemas.answer(204, "Deleted", errors=(403, 404, 409, 422)),
)
def delete_key_result(request: ApiRequest, key_result_id: str, version: int | None = None) -> HttpResponse:
    services.delete_key_result(actor=request.actor, key_result_id=key_result_id, version=version)
    return HttpResponse(status=204)


@router.post(
    "/key-results/{key_result_id}/measurements",
    summary="Record a measurement `{date, value, source?, replace?}`; a day with a value entered by hand needs `replace`",
    **schemas.answer(
        201,
        "The measurement as stored",
        goal_schemas.MEASUREMENT_ANSWER,
        body=goal_schemas.MEASUREMENT,
        errors=(403, 404, 409),
    ),
)
def record_measurement(request: ApiRequest, key_result_id: str) -> HttpResponse:
    document = json_object(request)
    replace = flag(document, "replace")
    measurement = services.record_measurement(
        actor=request.actor, key_result_id=key_result_id, document=document, replace=replace
    )
    return JsonResponse(measurement_json(measurement), status=201)


@router.patch(
    "/key-results/{key_result_id}/measurements/{day}",
    summary="Correct the measurement on a day (YYYY-MM-DD); `version` is required; a refreshed value is not editable",
    **schemas.answer(
        200,
        "The measurement as corrected",
        goal_schemas.MEASUREMENT_ANSWER,
        body=goal_schemas.MEASUREMENT_PATCH,
        errors=(403, 404, 409),
    ),
)
def update_measurement(request: ApiRequest, key_result_id: str, day: str) -> HttpResponse:
    changes = json_object(request)
    version = changes.pop("version", None)
    measurement = services.update_measurement(
        actor=request.actor, key_result_id=key_result_id, day=day, changes=changes, version=version
    )
    return JsonResponse(measurement_json(measurement))


@router.delete(
    "/key-results/{key_result_id}/measurements/{day}",
    summary="Delete the measurement on a day (YYYY-MM-DD); a refreshed value is not deletable",
    **schemas.answer(204, "Deleted", errors=(403, 404, 409, 422)),
)
def delete_measurement(request: ApiRequest, key_result_id: str, day: str, version: int | None = None) -> HttpResponse:
    services.delete_measurement(actor=request.actor, key_result_id=key_result_id, day=day, version=version)
    return HttpResponse(status=204)


@router.post(
    "/key-results/{key_result_id}/check-ins",
    summary="Check in `{date?, value?, confidence, note?, replace?}`: the value and the check-in in one step",
    **schemas.answer(
        201,
        "The check-in, with the value recorded with it",
        goal_schemas.CHECK_IN_ANSWER,
        body=goal_schemas.CHECK_IN,
        errors=(403, 404, 409),
    ),
)
def record_check_in(request: ApiRequest, key_result_id: str) -> HttpResponse:
    document = json_object(request)
    replace = flag(document, "replace")
    checked = services.record_check_in(
        actor=request.actor, key_result_id=key_result_id, document=document, replace=replace
    )
    return JsonResponse(check_in_json(checked), status=201)
