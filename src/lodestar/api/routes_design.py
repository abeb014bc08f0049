"""The why and the target organization: roles, mission, vision answers, role profiles, dependencies, tasks,
competencies (and people's levels), touchpoints. Reads for every token; changes for editors and admins.

Entities are documents in the model file's format plus `version` (send it back to change one:
409 when someone changed it first) and, for entities without an id of their own, the row `id`.
The kinds and their service functions are those of `lodestar.design.kinds`, which the web forms use too.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api import schemas_design as design_schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import json_object
from lodestar.api.design_entities import add_kind_routes, changes_of, entity_json
from lodestar.api.schemas import answer
from lodestar.design import services as design
from lodestar.design.kinds import COMPETENCY, DEPENDENCY, ROLE_PROFILE, TASK, TOUCHPOINT, VISION_ANSWER
from lodestar.design.services.competencies import find_person
from lodestar.lib.errors import NotFound
from lodestar.modelfile.documents import mission_document
from lodestar.purpose import services as purpose
from lodestar.scoring.roles import roles_json, score_roles
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text

router = Router(tags=["design"])


@router.get(
    "/roles",
    summary="Role profiles with scores and nearest archetypes (as `lodestar roles --format json`)",
    **answer(200, "Every role profile, scored", design_schemas.ROLES),
)
def roles(request: ApiRequest) -> dict[str, Any]:
    return roles_json(score_roles(load_model()))


# --- mission -------------------------------------------------------------------------------


def _mission() -> dict[str, Any]:
    mission = purpose.get_mission()
    return entity_json(mission_document(mission), mission.version)


@router.get(
    "/mission",
    summary="The mission (404 when there is none)",
    **answer(200, "The mission", design_schemas.MISSION.one, errors=(404,)),
)
def get_mission(request: ApiRequest) -> dict[str, Any]:
    return _mission()


@router.get(
    "/mission/revisions",
    summary="The mission's history, newest first: statement, who, when",
    **answer(200, "Every revision of the mission", design_schemas.MISSION_REVISIONS),
)
def mission_revisions(request: ApiRequest) -> dict[str, Any]:
    return {
        "items": [
            {
                "statement": r.statement,
                "scope": r.scope,
                "adopted": r.adopted.isoformat() if r.adopted else None,
                "principles": r.principles,
                "recorded_at": r.recorded_at.isoformat(),
                "recorded_by": r.recorded_by,
                "surface": r.surface,
            }
            for r in purpose.list_mission_revisions()
        ]
    }


@router.post(
    "/mission",
    summary="Write the mission `{statement, scope, adopted?, principles?}` (409 if one exists)",
    **answer(
        201, "The mission as stored", design_schemas.MISSION.one, body=design_schemas.MISSION.create, errors=(403, 409)
    ),
)
def create_mission(request: ApiRequest) -> HttpResponse:
    purpose.create_mission(actor=request.actor, document=json_object(request))
    return JsonResponse(_mission(), status=201)


@router.patch(
    "/mission",
    summary="Change the mission; `version` is required",
    **answer(
        200,
        "The mission as changed",
        design_schemas.MISSION.one,
        body=design_schemas.MISSION.change,
        errors=(403, 404, 409),
    ),
)
def update_mission(request: ApiRequest) -> dict[str, Any]:
    changes, version = changes_of(request)
    purpose.update_mission(actor=request.actor, changes=changes, version=version)
    return _mission()


@router.delete(
    "/mission",
    summary="Remove the mission (its history stays)",
    **answer(204, "Removed", errors=(403, 404, 409, 422)),
)
def delete_mission(request: ApiRequest, version: str | None = None) -> HttpResponse:
    purpose.delete_mission(actor=request.actor, version=version_from_text(version))
    return HttpResponse(status=204)


# --- vision answers, role profiles, dependencies, tasks, competencies, touchpoints ---

for path, kind, declared in (
    ("vision-answers", VISION_ANSWER, design_schemas.VISION_ANSWER),
    ("role-profiles", ROLE_PROFILE, design_schemas.ROLE_PROFILE),
    ("dependencies", DEPENDENCY, design_schemas.DEPENDENCY),
    ("tasks", TASK, design_schemas.TASK),
    ("competencies", COMPETENCY, design_schemas.COMPETENCY),
    ("touchpoints", TOUCHPOINT, design_schemas.TOUCHPOINT),
):
    add_kind_routes(router, path, kind, declared)


# --- people's levels ---------------------------------------------------------------------------


@router.get(
    "/people/{person_id}/competencies",
    summary="A person's competency levels (0-5)",
    **answer(200, "The person's levels", design_schemas.PERSON_LEVELS, errors=(404,)),
)
def person_levels(request: ApiRequest, person_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    return {"person": person.id, "competencies": dict(person.competencies)}


@router.get(
    "/people/{person_id}/competencies/{competency_id}",
    summary="A person's level in one competency",
    **answer(200, "The level", design_schemas.PERSON_LEVEL_ANSWER, errors=(404,)),
)
def person_level(request: ApiRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    if competency_id not in person.competencies:
        raise NotFound(f"{person_id!r} has no level in {competency_id!r}")
    return {"person": person_id, "competency": competency_id, "level": person.competencies[competency_id]}


@router.put(
    "/people/{person_id}/competencies/{competency_id}",
    summary="Set a person's level `{level}` (0-5)",
    **answer(
        200,
        "The level as stored",
        design_schemas.PERSON_LEVEL_ANSWER,
        body=design_schemas.PERSON_LEVEL_BODY,
        errors=(403, 404, 409),
    ),
)
def set_person_level(request: ApiRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    body = json_object(request)
    level = design.set_person_level(
        actor=request.actor, person_id=person_id, competency_id=competency_id, level=body.get("level")
    )
    return {"person": person_id, "competency": competency_id, "level": level}


@router.delete(
    "/people/{person_id}/competencies/{competency_id}",
    summary="Remove a person's level",
    **answer(204, "Removed", errors=(403, 404)),
)
def remove_person_level(request: ApiRequest, person_id: str, competency_id: str) -> HttpResponse:
    design.remove_person_level(actor=request.actor, person_id=person_id, competency_id=competency_id)
    return HttpResponse(status=204)
