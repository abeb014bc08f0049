"""The role-clarity surveys: rounds (editors and admins change them), answers (a participant gives
their own) and results (exactly as `lodestar survey results ID --format json`)."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Router

from lodestar.api import schemas_surveys as schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import json_object
from lodestar.api.schemas import answer
from lodestar.lib.model import Model
from lodestar.lib.surveys import Survey
from lodestar.scoring.surveys import answered_by_unit, invited_count, results_json, survey_results
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.surveys import answering, services

router = Router(tags=["surveys"])


def survey_json(survey: Survey, model: Model) -> dict[str, Any]:
    """A survey's settings with its counts: who answered is a count per unit, what they said is not here."""
    return {
        **services.settings_document(survey),
        "version": survey.version,
        "invited": invited_count(survey, model),
        "responses": len(survey.responses),
        "answered": answered_by_unit(survey),
    }


def _one(survey_id: str) -> dict[str, Any]:
    model = load_model()
    return survey_json(services.find_survey(model, survey_id), model)


@router.get("/surveys", summary="Every survey round", **answer(200, "Every survey", schemas.EVERY))
def list_surveys(request: ApiRequest) -> dict[str, Any]:
    model = load_model()
    return {"items": [survey_json(survey, model) for survey in model.surveys]}


@router.post(
    "/surveys",
    summary="Start a survey round (editors and admins)",
    **answer(201, "The survey as stored", schemas.ONE, body=schemas.CREATE, errors=(403, 409)),
)
def create_survey(request: ApiRequest) -> HttpResponse:
    saved = services.create_survey(actor=request.actor, document=json_object(request))
    return JsonResponse(_one(saved.id), status=201)


@router.get("/surveys/{ident}", summary="One survey round", **answer(200, "The survey", schemas.ONE, errors=(404,)))
def get_survey(request: ApiRequest, ident: str) -> dict[str, Any]:
    return _one(ident)


@router.patch(
    "/surveys/{ident}",
    summary="Change a survey round's settings; `version` is required",
    **answer(200, "The survey as changed", schemas.ONE, body=schemas.CHANGE, errors=(403, 404, 409)),
)
def update_survey(request: ApiRequest, ident: str) -> dict[str, Any]:
    changes = json_object(request)
    version = changes.pop("version", None)
    services.update_survey(actor=request.actor, survey_id=ident, changes=changes, version=version)
    return _one(ident)


@router.post(
    "/surveys/{ident}/close",
    summary="Close an open survey round today",
    **answer(200, "The survey as closed", schemas.ONE, body=schemas.VERSION_ONLY, errors=(403, 404, 409)),
)
def close_survey(request: ApiRequest, ident: str) -> dict[str, Any]:
    services.close_survey(actor=request.actor, survey_id=ident, version=json_object(request).get("version"))
    return _one(ident)


@router.delete(
    "/surveys/{ident}",
    summary="Delete a survey round with its answers",
    **answer(204, "Deleted", errors=(403, 404, 409, 422)),
)
def delete_survey(request: ApiRequest, ident: str, version: str | None = None) -> HttpResponse:
    services.delete_survey(actor=request.actor, survey_id=ident, version=version_from_text(version))
    return HttpResponse(status=204)


@router.post(
    "/surveys/{ident}/responses",
    summary="Answer an open survey as the token's person (again: replaces the earlier answer)",
    **answer(200, "The answer was stored", schemas.ANSWERED, body=schemas.ANSWER, errors=(403, 404, 409)),
)
def answer_survey(request: ApiRequest, ident: str) -> dict[str, Any]:
    replaced = answering.submit_response(actor=request.actor, survey_id=ident, document=json_object(request))
    return {"survey": ident, "replaced": replaced}


@router.get(
    "/surveys/{ident}/results",
    summary="A survey's results (as `lodestar survey results ID --format json`)",
    **answer(200, "The results; no figure of a group smaller than min_group", schemas.RESULTS, errors=(404,)),
)
def survey_results_json(request: ApiRequest, ident: str) -> dict[str, Any]:
    model = load_model()
    return results_json(survey_results(services.find_survey(model, ident), model))
