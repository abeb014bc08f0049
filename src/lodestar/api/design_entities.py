"""What the design routes share: an entity as JSON (its document, its row `id` where it has no id of its own,
and its `version`), and list, read, create, change and delete through the kind's service functions."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse

from lodestar.api.auth import ApiRequest
from lodestar.api.body import json_object
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
