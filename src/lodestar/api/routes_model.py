"""Read-only views of the whole model: status, health check, units, people."""

from __future__ import annotations

from typing import Any

from ninja import Router

from lodestar.api import schemas_model as model_schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import as_of_date
from lodestar.api.schemas import AsOf, answer
from lodestar.checks.rules import findings_json, run_checks
from lodestar.goals.snapshot import take_snapshot
from lodestar.scoring.report import status_json

router = Router(tags=["model"])


@router.get(
    "/status",
    summary="Scores of every goal, key result and KPI (as `lodestar status --format json`)",
    **answer(200, "The scores", model_schemas.STATUS, errors=(422,)),
)
def status(request: ApiRequest, as_of: AsOf = None) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(as_of))
    return status_json(snapshot.report)


@router.get(
    "/check",
    summary="Health-check findings (as `lodestar check --format json`)",
    **answer(200, "The findings", model_schemas.CHECK, errors=(422,)),
)
def check(request: ApiRequest, as_of: AsOf = None) -> dict[str, Any]:
    day = as_of_date(as_of)
    snapshot = take_snapshot(as_of=day)
    return findings_json(day, run_checks(snapshot.model, day))


@router.get("/units", summary="The organization's units", **answer(200, "Every unit", model_schemas.UNITS))
def units(request: ApiRequest) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(None))
    return {
        "items": [
            {
                "id": u.id,
                "name": u.name,
                "kind": u.kind,
                "parent": u.parent,
                "location": u.location,
                "lead": u.lead,
                "core": u.core,
                "purpose": u.purpose,
            }
            for u in snapshot.model.units
        ]
    }


@router.get("/people", summary="The people of the organization", **answer(200, "Every person", model_schemas.PEOPLE))
def people(request: ApiRequest) -> dict[str, Any]:
    snapshot = take_snapshot(as_of=as_of_date(None))
    return {
        "items": [
            {"id": p.id, "name": p.name, "unit": p.unit, "email": p.email, "position": p.position}
            for p in snapshot.model.people
        ]
    }
