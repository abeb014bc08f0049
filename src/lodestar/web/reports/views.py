"""The organization and unit reports as PDF downloads, for signed-in users, in the language of the page."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from lodestar.reports.service import PDF_MEDIA_TYPE, render_organization_pdf, render_unit_pdf
from lodestar.scenarios.compare import UnknownScenario
from lodestar.store.load import load_model
from lodestar.web.common import translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.scenarios.ids import asked_ids, too_many, unknown


def _pdf(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=PDF_MEDIA_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
@translate_errors
def organization_pdf(request: AuthenticatedRequest) -> HttpResponse:
    """The organization report; `?scenarios=a,b` adds the section comparing those scenarios (404 for an unknown one)."""
    as_of = request.as_of
    scenarios = asked_ids(request.GET.get("scenarios", ""))
    refused = too_many(request, scenarios)
    if refused is not None:
        return refused
    model = load_model()
    try:
        content = render_organization_pdf(model=model, as_of=as_of, language=get_language(), scenarios=scenarios)
    except UnknownScenario:
        return unknown(request, model, scenarios)
    return _pdf(content, f"lodestar-organization-{as_of.isoformat()}.pdf")


@require_GET
@translate_errors
def unit_pdf(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    as_of = request.as_of
    content = render_unit_pdf(model=load_model(), unit_id=unit_id, as_of=as_of, language=get_language())
    return _pdf(content, f"lodestar-{unit_id}-{as_of.isoformat()}.pdf")
