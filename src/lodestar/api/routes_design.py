"""The why and the target organization: roles, mission, vision answers, role profiles, tasks, dependencies,
competencies (and people's levels), touchpoints. Reads for every token; changes for editors and admins.

Entities are documents in the model file's format plus `version` (send it back to change one:
409 when someone changed it first) and, for entities without an id of their own, the row `id`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router

from lodestar.api.auth import actor
from lodestar.api.body import json_object
from lodestar.design import services as design
from lodestar.design.services.common import find
from lodestar.design.services.competencies import find_competency, find_person
from lodestar.design.services.dependencies import dependencies_by_id
from lodestar.design.services.tasks import find_task
from lodestar.design.services.touchpoints import find_touchpoint
from lodestar.lib import model as m
from lodestar.lib.errors import NotFound
from lodestar.modelfile import documents as docs
from lodestar.purpose import services as purpose
from lodestar.scoring.roles import roles_json, score_roles
from lodestar.store.load import load_model
from lodestar.store.versions import Saved

router = Router(tags=["design"])


def _entity(document: dict[str, Any], version: int | None, row: int | None = None) -> dict[str, Any]:
    head: dict[str, Any] = {"id": row} if row is not None else {}
    return {**head, **document, "version": version}


def _version(value: str | None) -> int | str | None:
    """A version from the query string: a whole number as sent (anything else the service refuses)."""
    return int(value) if value is not None and value.isdigit() else value


def _changes(request: HttpRequest) -> tuple[dict[str, Any], Any]:
    changes = json_object(request)
    return changes, changes.pop("version", None)


@router.get("/roles", summary="Role profiles with scores and nearest archetypes (as `lodestar roles --format json`)")
def roles(request: HttpRequest) -> dict[str, Any]:
    return roles_json(score_roles(load_model()))


# --- mission -------------------------------------------------------------------------------


def _mission() -> dict[str, Any]:
    mission = purpose.get_mission()
    return _entity(docs.mission_document(mission), mission.version)


@router.get("/mission", summary="The mission (404 when there is none)")
def get_mission(request: HttpRequest) -> dict[str, Any]:
    return _mission()


@router.get("/mission/revisions", summary="The mission's history, newest first: statement, who, when")
def mission_revisions(request: HttpRequest) -> dict[str, Any]:
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
def create_mission(request: HttpRequest) -> HttpResponse:
    purpose.create_mission(actor=actor(request), document=json_object(request))
    return JsonResponse(_mission(), status=201)


@router.patch("/mission", summary="Change the mission; `version` is required")
def update_mission(request: HttpRequest) -> dict[str, Any]:
    changes, version = _changes(request)
    purpose.update_mission(actor=actor(request), changes=changes, version=version)
    return _mission()


@router.delete("/mission", summary="Remove the mission (its history stays)")
def delete_mission(request: HttpRequest, version: str | None = None) -> HttpResponse:
    purpose.delete_mission(actor=actor(request), version=_version(version))
    return HttpResponse(status=204)


# --- entities with a row id: vision answers, role profiles, dependencies --------------------


def _rows(
    name: str,
    what: str,
    by_id: Callable[[m.Model], dict[int, Any]],
    document: Callable[[Any], dict[str, Any]],
    create: Callable[..., Saved[Any]],
    update: Callable[..., Saved[Any]],
    delete: Callable[..., None],
    key: str,
) -> None:
    """Register list, read, create, change and delete for entities identified by row id."""

    def read(row: int) -> dict[str, Any]:
        entity = find(by_id(load_model()), row, what)
        return _entity(document(entity), entity.version, row)

    @router.get(f"/{name}", summary=f"Every {what}", operation_id=f"list_{name}")
    def list_all(request: HttpRequest) -> dict[str, Any]:
        return {"items": [_entity(document(e), e.version, row) for row, e in by_id(load_model()).items()]}

    @router.get(f"/{name}/{{row}}", summary=f"One {what}", operation_id=f"get_{name}")
    def get_one(request: HttpRequest, row: int) -> dict[str, Any]:
        return read(row)

    @router.post(f"/{name}", summary=f"Add a {what} (model file format)", operation_id=f"create_{name}")
    def create_one(request: HttpRequest) -> HttpResponse:
        saved = create(actor=actor(request), document=json_object(request))
        return JsonResponse(read(int(saved.id)), status=201)

    @router.patch(f"/{name}/{{row}}", summary=f"Change a {what}; `version` is required", operation_id=f"update_{name}")
    def update_one(request: HttpRequest, row: int) -> dict[str, Any]:
        changes, version = _changes(request)
        update(actor=actor(request), **{key: row}, changes=changes, version=version)
        return read(row)

    @router.delete(f"/{name}/{{row}}", summary=f"Delete a {what}", operation_id=f"delete_{name}")
    def delete_one(request: HttpRequest, row: int, version: str | None = None) -> HttpResponse:
        delete(actor=actor(request), **{key: row}, version=_version(version))
        return HttpResponse(status=204)


_rows(
    "vision-answers",
    "vision answer",
    purpose.vision_answers_by_id,
    docs.vision_answer_document,
    purpose.create_vision_answer,
    purpose.update_vision_answer,
    purpose.delete_vision_answer,
    "answer_id",
)
_rows(
    "role-profiles",
    "role profile",
    purpose.role_profiles_by_id,
    docs.role_profile_document,
    purpose.create_role_profile,
    purpose.update_role_profile,
    purpose.delete_role_profile,
    "profile_id",
)
_rows(
    "dependencies",
    "dependency",
    dependencies_by_id,
    docs.dependency_document,
    design.create_dependency,
    design.update_dependency,
    design.delete_dependency,
    "dependency_id",
)


# --- entities with an id of their own: tasks, competencies, touchpoints ---------------------


def _identified(
    name: str,
    what: str,
    items: Callable[[m.Model], list[Any]],
    finder: Callable[[m.Model, str], Any],
    document: Callable[[Any], dict[str, Any]],
    create: Callable[..., Saved[Any]],
    update: Callable[..., Saved[Any]],
    delete: Callable[..., None],
    key: str,
) -> None:
    """Register list, read, create, change and delete for entities with an `id`."""

    def read(ident: str) -> dict[str, Any]:
        entity = finder(load_model(), ident)
        return _entity(document(entity), entity.version)

    @router.get(f"/{name}", summary=f"Every {what}", operation_id=f"list_{name}")
    def list_all(request: HttpRequest) -> dict[str, Any]:
        return {"items": [_entity(document(e), e.version) for e in items(load_model())]}

    @router.get(f"/{name}/{{ident}}", summary=f"One {what}", operation_id=f"get_{name}")
    def get_one(request: HttpRequest, ident: str) -> dict[str, Any]:
        return read(ident)

    @router.post(f"/{name}", summary=f"Add a {what} (model file format)", operation_id=f"create_{name}")
    def create_one(request: HttpRequest) -> HttpResponse:
        saved = create(actor=actor(request), document=json_object(request))
        return JsonResponse(read(str(saved.id)), status=201)

    @router.patch(
        f"/{name}/{{ident}}", summary=f"Change a {what}; `version` is required", operation_id=f"update_{name}"
    )
    def update_one(request: HttpRequest, ident: str) -> dict[str, Any]:
        changes, version = _changes(request)
        update(actor=actor(request), **{key: ident}, changes=changes, version=version)
        return read(ident)

    @router.delete(f"/{name}/{{ident}}", summary=f"Delete a {what}", operation_id=f"delete_{name}")
    def delete_one(request: HttpRequest, ident: str, version: str | None = None) -> HttpResponse:
        delete(actor=actor(request), **{key: ident}, version=_version(version))
        return HttpResponse(status=204)


_identified(
    "tasks",
    "task",
    lambda model: model.tasks,
    find_task,
    docs.task_document,
    design.create_task,
    design.update_task,
    design.delete_task,
    "task_id",
)
_identified(
    "competencies",
    "competency",
    lambda model: model.competencies,
    find_competency,
    docs.competency_document,
    design.create_competency,
    design.update_competency,
    design.delete_competency,
    "competency_id",
)
_identified(
    "touchpoints",
    "touchpoint",
    lambda model: model.touchpoints,
    find_touchpoint,
    docs.touchpoint_document,
    design.create_touchpoint,
    design.update_touchpoint,
    design.delete_touchpoint,
    "touchpoint_id",
)


# --- people's levels ---------------------------------------------------------------------------


@router.get("/people/{person_id}/competencies", summary="A person's competency levels (0-5)")
def person_levels(request: HttpRequest, person_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    return {"person": person.id, "competencies": dict(person.competencies)}


@router.get("/people/{person_id}/competencies/{competency_id}", summary="A person's level in one competency")
def person_level(request: HttpRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    person = find_person(load_model(), person_id)
    if competency_id not in person.competencies:
        raise NotFound(f"{person_id!r} has no level in {competency_id!r}")
    return {"person": person_id, "competency": competency_id, "level": person.competencies[competency_id]}


@router.put("/people/{person_id}/competencies/{competency_id}", summary="Set a person's level `{level}` (0-5)")
def set_person_level(request: HttpRequest, person_id: str, competency_id: str) -> dict[str, Any]:
    body = json_object(request)
    level = design.set_person_level(
        actor=actor(request), person_id=person_id, competency_id=competency_id, level=body.get("level")
    )
    return {"person": person_id, "competency": competency_id, "level": level}


@router.delete("/people/{person_id}/competencies/{competency_id}", summary="Remove a person's level")
def remove_person_level(request: HttpRequest, person_id: str, competency_id: str) -> HttpResponse:
    design.remove_person_level(actor=actor(request), person_id=person_id, competency_id=competency_id)
    return HttpResponse(status=204)
