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

from lodestar.api.auth import ApiRequest
from lodestar.api.body import json_object
from lodestar.api.design_entities import (
    changes_of,
    create_entity,
    delete_entity,
    entity_json,
    list_entities,
    read_entity,
    update_entity,
)
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


@router.get("/roles", summary="Role profiles with scores and nearest archetypes (as `lodestar roles --format json`)")
def roles(request: ApiRequest) -> dict[str, Any]:
    return roles_json(score_roles(load_model()))


# --- mission -------------------------------------------------------------------------------


def _mission() -> dict[str, Any]:
    mission = purpose.get_mission()
    return entity_json(mission_document(mission), mission.version)


@router.get("/mission", summary="The mission (404 when there is none)")
def get_mission(request: ApiRequest) -> dict[str, Any]:
    return _mission()


@router.get("/mission/revisions", summary="The mission's history, newest first: statement, who, when")
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


@router.post("/mission", summary="Write the mission `{statement, scope, adopted?, principles?}` (409 if one exists)")
def create_mission(request: ApiRequest) -> HttpResponse:
    purpose.create_mission(actor=request.actor, document=json_object(request))
    return JsonResponse(_mission(), status=201)


@router.patch("/mission", summary="Change the mission; `version` is required")
def update_mission(request: ApiRequest) -> dict[str, Any]:
    changes, version = changes_of(request)
    purpose.update_mission(actor=request.actor, changes=changes, version=version)
    return _mission()


@router.delete("/mission", summary="Remove the mission (its history stays)")
def delete_mission(request: ApiRequest, version: str | None = None) -> HttpResponse:
    purpose.delete_mission(actor=request.actor, version=version_from_text(version))
    return HttpResponse(status=204)


# --- vision answers ---


@router.get("/vision-answers", summary="Every vision answer", operation_id="list_vision-answers")
def list_vision_answers(request: ApiRequest) -> dict[str, Any]:
    return list_entities(VISION_ANSWER)


@router.get("/vision-answers/{row}", summary="One vision answer", operation_id="get_vision-answers")
def get_vision_answer(request: ApiRequest, row: int) -> dict[str, Any]:
    return read_entity(VISION_ANSWER, row)


@router.post("/vision-answers", summary="Add a vision answer (model file format)", operation_id="create_vision-answers")
def create_vision_answer(request: ApiRequest) -> HttpResponse:
    return create_entity(request, VISION_ANSWER)


@router.patch(
    "/vision-answers/{row}",
    summary="Change a vision answer; `version` is required",
    operation_id="update_vision-answers",
)
def update_vision_answer(request: ApiRequest, row: int) -> dict[str, Any]:
    return update_entity(request, VISION_ANSWER, row)


@router.delete("/vision-answers/{row}", summary="Delete a vision answer", operation_id="delete_vision-answers")
def delete_vision_answer(request: ApiRequest, row: int, version: str | None = None) -> HttpResponse:
    return delete_entity(request, VISION_ANSWER, row, version)


# --- role profiles ---


@router.get("/role-profiles", summary="Every role profile", operation_id="list_role-profiles")
def list_role_profiles(request: ApiRequest) -> dict[str, Any]:
    return list_entities(ROLE_PROFILE)


@router.get("/role-profiles/{row}", summary="One role profile", operation_id="get_role-profiles")
def get_role_profile(request: ApiRequest, row: int) -> dict[str, Any]:
    return read_entity(ROLE_PROFILE, row)


@router.post("/role-profiles", summary="Add a role profile (model file format)", operation_id="create_role-profiles")
def create_role_profile(request: ApiRequest) -> HttpResponse:
    return create_entity(request, ROLE_PROFILE)


@router.patch(
    "/role-profiles/{row}", summary="Change a role profile; `version` is required", operation_id="update_role-profiles"
)
def update_role_profile(request: ApiRequest, row: int) -> dict[str, Any]:
    return update_entity(request, ROLE_PROFILE, row)


@router.delete("/role-profiles/{row}", summary="Delete a role profile", operation_id="delete_role-profiles")
def delete_role_profile(request: ApiRequest, row: int, version: str | None = None) -> HttpResponse:
    return delete_entity(request, ROLE_PROFILE, row, version)


# --- dependencies ---


@router.get("/dependencies", summary="Every dependency", operation_id="list_dependencies")
def list_dependencies(request: ApiRequest) -> dict[str, Any]:
    return list_entities(DEPENDENCY)


@router.get("/dependencies/{row}", summary="One dependency", operation_id="get_dependencies")
def get_dependency(request: ApiRequest, row: int) -> dict[str, Any]:
    return read_entity(DEPENDENCY, row)


@router.post("/dependencies", summary="Add a dependency (model file format)", operation_id="create_dependencies")
def create_dependency(request: ApiRequest) -> HttpResponse:
    return create_entity(request, DEPENDENCY)


@router.patch(
    "/dependencies/{row}", summary="Change a dependency; `version` is required", operation_id="update_dependencies"
)
def update_dependency(request: ApiRequest, row: int) -> dict[str, Any]:
    return update_entity(request, DEPENDENCY, row)


@router.delete("/dependencies/{row}", summary="Delete a dependency", operation_id="delete_dependencies")
def delete_dependency(request: ApiRequest, row: int, version: str | None = None) -> HttpResponse:
    return delete_entity(request, DEPENDENCY, row, version)


# --- tasks ---


@router.get("/tasks", summary="Every task", operation_id="list_tasks")
def list_tasks(request: ApiRequest) -> dict[str, Any]:
    return list_entities(TASK)


@router.get("/tasks/{ident}", summary="One task", operation_id="get_tasks")
def get_task(request: ApiRequest, ident: str) -> dict[str, Any]:
    return read_entity(TASK, ident)


@router.post("/tasks", summary="Add a task (model file format)", operation_id="create_tasks")
def create_task(request: ApiRequest) -> HttpResponse:
    return create_entity(request, TASK)


@router.patch("/tasks/{ident}", summary="Change a task; `version` is required", operation_id="update_tasks")
def update_task(request: ApiRequest, ident: str) -> dict[str, Any]:
    return update_entity(request, TASK, ident)


@router.delete("/tasks/{ident}", summary="Delete a task", operation_id="delete_tasks")
def delete_task(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
    return delete_entity(request, TASK, ident, version)


# --- competencies ---


@router.get("/competencies", summary="Every competency", operation_id="list_competencies")
def list_competencies(request: ApiRequest) -> dict[str, Any]:
    return list_entities(COMPETENCY)


@router.get("/competencies/{ident}", summary="One competency", operation_id="get_competencies")
def get_competency(request: ApiRequest, ident: str) -> dict[str, Any]:
    return read_entity(COMPETENCY, ident)


@router.post("/competencies", summary="Add a competency (model file format)", operation_id="create_competencies")
def create_competency(request: ApiRequest) -> HttpResponse:
    return create_entity(request, COMPETENCY)


@router.patch(
    "/competencies/{ident}", summary="Change a competency; `version` is required", operation_id="update_competencies"
)
def update_competency(request: ApiRequest, ident: str) -> dict[str, Any]:
    return update_entity(request, COMPETENCY, ident)


@router.delete("/competencies/{ident}", summary="Delete a competency", operation_id="delete_competencies")
def delete_competency(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
    return delete_entity(request, COMPETENCY, ident, version)


# --- touchpoints ---


@router.get("/touchpoints", summary="Every touchpoint", operation_id="list_touchpoints")
def list_touchpoints(request: ApiRequest) -> dict[str, Any]:
    return list_entities(TOUCHPOINT)


@router.get("/touchpoints/{ident}", summary="One touchpoint", operation_id="get_touchpoints")
def get_touchpoint(request: ApiRequest, ident: str) -> dict[str, Any]:
    return read_entity(TOUCHPOINT, ident)


@router.post("/touchpoints", summary="Add a touchpoint (model file format)", operation_id="create_touchpoints")
def create_touchpoint(request: ApiRequest) -> HttpResponse:
    return create_entity(request, TOUCHPOINT)


@router.patch(
    "/touchpoints/{ident}", summary="Change a touchpoint; `version` is required", operation_id="update_touchpoints"
)
def update_touchpoint(request: ApiRequest, ident: str) -> dict[str, Any]:
    return update_entity(request, TOUCHPOINT, ident)


@router.delete("/touchpoints/{ident}", summary="Delete a touchpoint", operation_id="delete_touchpoints")
def delete_touchpoint(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
    return delete_entity(request, TOUCHPOINT, ident, version)


# --- people's levels ---------------------------------------------------------------------------


@router.get("/people/{person_id}/competencies", summary="A person's competency levels (0-5)")
def person_levels(request: ApiRequest, person_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    return {"person": person.id, "competencies": dict(person.competencies)}


@router.get("/people/{person_id}/competencies/{competency_id}", summary="A person's level in one competency")
def person_level(request: ApiRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    if competency_id not in person.competencies:
        raise NotFound(f"{person_id!r} has no level in {competency_id!r}")
    return {"person": person_id, "competency": competency_id, "level": person.competencies[competency_id]}


@router.put("/people/{person_id}/competencies/{competency_id}", summary="Set a person's level `{level}` (0-5)")
def set_person_level(request: ApiRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    body = json_object(request)
    level = design.set_person_level(
        actor=request.actor, person_id=person_id, competency_id=competency_id, level=body.get("level")
    )
    return {"person": person_id, "competency": competency_id, "level": level}


@router.delete("/people/{person_id}/competencies/{competency_id}", summary="Remove a person's level")
def remove_person_level(request: ApiRequest, person_id: str, competency_id: str) -> HttpResponse:
    design.remove_person_level(actor=request.actor, person_id=person_id, competency_id=competency_id)
    return HttpResponse(status=204)
