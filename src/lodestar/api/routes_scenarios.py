"""Scenarios: list, read, create, change and delete them (editors and admins change), and compare them
(`GET /scenarios/compare?ids=…` answers exactly the JSON of `lodestar scenarios compare --format json`).

A scenario is its document in the model file's format plus `version` (send it back to change it).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api.auth import ApiRequest
from lodestar.api.body import as_of_date, json_object
from lodestar.api.design_entities import changes_of, entity_json
from lodestar.api.schemas import AsOf, answer
from lodestar.lib.scenario import Scenario
from lodestar.modelfile.scenario_document import scenario_document
from lodestar.scenarios import edits
from lodestar.scenarios.compare import compare, comparison_json
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text

router = Router(tags=["scenarios"])

ANY_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}
SCENARIO: dict[str, Any] = {
    "type": "object",
    "description": "A scenario in the model file's format, with its `version`",
    "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "version": {"type": "integer"}},
    "required": ["id", "name", "version"],
    "additionalProperties": True,
}
EVERY: dict[str, Any] = {
    "type": "object",
    "properties": {"items": {"type": "array", "items": SCENARIO}},
    "required": ["items"],
    "additionalProperties": False,
}
COMPARISON: dict[str, Any] = {
    "type": "object",
    "description": "As `lodestar scenarios compare --format json`",
    "properties": {"as_of": {"type": "string", "format": "date"}, "scenarios": {"type": "array", "items": ANY_OBJECT}},
    "required": ["as_of", "scenarios"],
    "additionalProperties": False,
}


def _json(scenario: Scenario) -> dict[str, Any]:
    return entity_json(scenario_document(scenario), scenario.version)


@router.get("/scenarios", summary="Every scenario, in file order", **answer(200, "Every scenario", EVERY))
def list_scenarios(request: ApiRequest) -> dict[str, Any]:
    return {"items": [_json(scenario) for scenario in load_model(parts=frozenset({"scenarios"})).scenarios]}


@router.get(
    "/scenarios/compare",
    summary="The figures of the base and of the scenarios named (comma-separated ids; all without)",
    **answer(200, "The comparison", COMPARISON, errors=(404, 422)),
)
def compare_scenarios(request: ApiRequest, ids: str | None = None, as_of: AsOf = None) -> dict[str, Any]:
    day = as_of_date(as_of)
    wanted = [ident for ident in (ids or "").split(",") if ident.strip()]
    return comparison_json(day, compare(load_model(), [ident.strip() for ident in wanted], as_of=day))


@router.get("/scenarios/{ident}", summary="One scenario", **answer(200, "The scenario", SCENARIO, errors=(404,)))
def get_scenario(request: ApiRequest, ident: str) -> dict[str, Any]:
    return _json(edits.get_scenario(scenario_id=ident))


@router.post(
    "/scenarios",
    summary="Add a scenario (model file format), checked against the base",
    **answer(201, "The scenario as stored", SCENARIO, body=ANY_OBJECT, errors=(403, 404, 409)),
)
def create_scenario(request: ApiRequest) -> HttpResponse:
    saved = edits.create_scenario(actor=request.actor, document=json_object(request))
    return JsonResponse(_json(edits.get_scenario(scenario_id=saved.id)), status=201)


@router.put(
    "/scenarios/{ident}",
    summary="Replace a scenario's changes; `version` is required",
    **answer(200, "The scenario as changed", SCENARIO, body=ANY_OBJECT, errors=(403, 404, 409)),
)
def update_scenario(request: ApiRequest, ident: str) -> dict[str, Any]:
    document, version = changes_of(request)
    edits.update_scenario(actor=request.actor, scenario_id=ident, document=document, version=version)
    return _json(edits.get_scenario(scenario_id=ident))


@router.delete("/scenarios/{ident}", summary="Delete a scenario", **answer(204, "Deleted", errors=(403, 404, 409, 422)))
def delete_scenario(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
    edits.delete_scenario(actor=request.actor, scenario_id=ident, version=version_from_text(version))
    return HttpResponse(status=204)
