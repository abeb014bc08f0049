"""Scenario ids asked for in a query (`?ids=a,b` on the compare page, `?scenarios=a,b` for the report), and the
pages that refuse too many of them or one the model does not have."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext

from lodestar.lib.limits import MAX_COMPARED_SCENARIOS
from lodestar.lib.model import Model
from lodestar.web.common import error_page


def asked_ids(text: str) -> list[str]:
    """The ids of `a, b,,c` in the order given, blanks left out (a repeated id counts toward the limit)."""
    return [ident.strip() for ident in text.split(",") if ident.strip()]


def too_many(request: HttpRequest, ids: list[str]) -> HttpResponse | None:
    """A 400 page when more scenarios are asked for than can be compared at once."""
    if len(ids) <= MAX_COMPARED_SCENARIOS:
        return None
    message = gettext("At most %(n)s scenarios can be compared at once.") % {"n": MAX_COMPARED_SCENARIOS}
    return error_page(request, status=400, title=gettext("Too many scenarios"), message=message)


def unknown(request: HttpRequest, model: Model, ids: list[str]) -> HttpResponse:
    """The 404 page for the ids the model has no scenario of."""
    known = {s.id for s in model.scenarios}
    missing = ", ".join(ident for ident in ids if ident not in known)
    message = gettext("There is no scenario %(ids)s in the model. The scenarios page lists those there are.") % {
        "ids": missing
    }
    return error_page(request, status=404, title=gettext("Scenario not found"), message=message)
