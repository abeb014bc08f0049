"""Metrics: the catalog of the configured metrics file, and refresh now (admins)."""

from __future__ import annotations

from typing import Any

from ninja import Router

from lodestar.api import schemas_model as model_schemas
from lodestar.api.auth import ApiRequest
from lodestar.api.body import as_of_date
from lodestar.api.schemas import AsOf, answer
from lodestar.metrics import services

router = Router(tags=["metrics"])


@router.get(
    "/metrics",
    summary="Every metric of the configured metrics file with what is bound to it (as `lodestar metrics list --format json`)",
    **answer(200, "The catalog", model_schemas.METRICS, errors=(404, 409)),
)
def list_metrics(request: ApiRequest) -> dict[str, Any]:
    return services.catalog_document()


@router.post(
    "/metrics/refresh",
    summary="Refresh every bound key result and KPI from the warehouse now (admins; as `lodestar metrics refresh`)",
    **answer(200, "What the refresh did", model_schemas.REFRESH, errors=(403, 404, 409, 422, 502)),
)
def refresh(request: ApiRequest, as_of: AsOf = None) -> dict[str, Any]:
    report = services.refresh_now(actor=request.actor, as_of=as_of_date(as_of) if as_of else None)
    return services.refresh_json(report)
