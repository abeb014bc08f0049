"""What the design routes share: an entity as JSON (its document, its row `id` where it has no id of its own,
and its `version`), and list, read, create, change and delete through the kind's service functions, declared
once for every kind (`add_kind_routes`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api.auth import ApiRequest
from lodestar.api.body import json_object
from lodestar.api.schemas import answer
from lodestar.api.schemas_design import Kind
from lodestar.design.kinds import DesignKind
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text


def entity_json(document: dict[str, Any], version: int | None, row: int | None = None) -> dict[str, Any]:
    head: dict[str, Any] = {"id": row} if row is not None else {}
    return {**head, **document, "version": version}


def changes_of(request: ApiRequest) -> tuple[dict[str, Any], Any]:
    """The body's changes, and the `version` they are based on."""
    changes = json_object(request)
    return changes, changes.pop("version", None)


def _json(kind: DesignKind, key: Any, entity: Any) -> dict[str, Any]:
    return entity_json(kind.document(entity), entity.version, key if kind.identity == "row" else None)


def list_entities(kind: DesignKind) -> dict[str, Any]:
    return {"items": [_json(kind, key, entity) for key, entity in kind.entities(load_model()).items()]}


def read_entity(kind: DesignKind, key: Any) -> dict[str, Any]:
    return _json(kind, key, kind.find(load_model(), key))


def create_entity(request: ApiRequest, kind: DesignKind) -> HttpResponse:
    saved = kind.create(actor=request.actor, document=json_object(request))
    key = int(saved.id) if kind.identity == "row" else str(saved.id)
    return JsonResponse(read_entity(kind, key), status=201)


def update_entity(request: ApiRequest, kind: DesignKind, key: Any) -> dict[str, Any]:
    changes, version = changes_of(request)
    kind.update(actor=request.actor, **kind.key_arguments(key), changes=changes, version=version)
    return read_entity(kind, key)


def delete_entity(request: ApiRequest, kind: DesignKind, key: Any, version: str | None) -> HttpResponse:
    kind.delete(actor=request.actor, **kind.key_arguments(key), version=version_from_text(version))
    return HttpResponse(status=204)


def add_kind_routes(router: Router, path: str, kind: DesignKind, declared: Kind) -> None:
    """List, read, create, change and delete one kind at /PATH and /PATH/{row} (or /PATH/{ident} for a kind
    with ids of its own); the operation ids are `list_PATH`, `get_PATH`, `create_PATH`, `update_PATH`, `delete_PATH`."""
    what = kind.what
    by_row = kind.identity == "row"
    one = f"/{path}/{{row}}" if by_row else f"/{path}/{{ident}}"
    read = answer(200, f"The {what}", declared.one, errors=(404, 422) if by_row else (404,))
    change = answer(200, f"The {what} as changed", declared.one, body=declared.change, errors=(403, 404, 409))
    delete = answer(204, "Deleted", errors=(403, 404, 409, 422))

    @router.get(
        f"/{path}", summary=f"Every {what}", operation_id=f"list_{path}", **answer(200, f"Every {what}", declared.every)
    )
    def list_all(request: ApiRequest) -> dict[str, Any]:
        return list_entities(kind)

    @router.post(
        f"/{path}",
        summary=f"Add a {what} (model file format)",
        operation_id=f"create_{path}",
        **answer(201, f"The {what} as stored", declared.one, body=declared.create, errors=(403, 409)),
    )
    def create(request: ApiRequest) -> HttpResponse:
        return create_entity(request, kind)

    if by_row:

        @router.get(one, summary=f"One {what}", operation_id=f"get_{path}", **read)
        def get_by_row(request: ApiRequest, row: int) -> dict[str, Any]:
            return read_entity(kind, row)

        @router.patch(one, summary=f"Change a {what}; `version` is required", operation_id=f"update_{path}", **change)
        def update_by_row(request: ApiRequest, row: int) -> dict[str, Any]:
            return update_entity(request, kind, row)

        @router.delete(one, summary=f"Delete a {what}", operation_id=f"delete_{path}", **delete)
        def delete_by_row(request: ApiRequest, row: int, version: str | None = None) -> HttpResponse:
            return delete_entity(request, kind, row, version)

    else:

        @router.get(one, summary=f"One {what}", operation_id=f"get_{path}", **read)
        def get_by_id(request: ApiRequest, ident: str) -> dict[str, Any]:
            return read_entity(kind, ident)

        @router.patch(one, summary=f"Change a {what}; `version` is required", operation_id=f"update_{path}", **change)
        def update_by_id(request: ApiRequest, ident: str) -> dict[str, Any]:
            return update_entity(request, kind, ident)

        @router.delete(one, summary=f"Delete a {what}", operation_id=f"delete_{path}", **delete)
        def delete_by_id(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
            return delete_entity(request, kind, ident, version)
