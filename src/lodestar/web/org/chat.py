"""A unit's chat webhook: what the unit page shows of it, and the page where admins set or remove it."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import ADMIN
from lodestar.chat import services as chat
from lodestar.chat.services import FIELD
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.org.models import Unit
from lodestar.web.common import actor_of, field_errors, translate_errors
from lodestar.web.http import AuthenticatedRequest

TEMPLATE = "web/unit_chat_form.html"


def chat_context(actor: Actor, unit_id: str) -> dict[str, Any]:
    """What the unit page shows: the webhook's service to everyone, its masked URL and last post to admins."""
    return {"webhook": chat.get_unit_webhook(unit_id), "webhook_details": actor.role == ADMIN}


@require_http_methods(["GET", "POST"])
@translate_errors
def unit_chat(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    actor = actor_of(request)
    require_admin(actor, what="set a unit's chat webhook")
    unit = Unit.objects.filter(id=unit_id).first()
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    context: dict[str, Any] = {"unit": unit, "webhook": chat.get_unit_webhook(unit_id), "value": ""}
    if request.method == "POST":
        url = "" if "remove" in request.POST else request.POST.get(FIELD, "")
        if not url.strip() and "remove" not in request.POST:
            return render(
                request,
                TEMPLATE,
                {**context, "error": gettext("enter a webhook URL, or remove the webhook")},
                status=400,
            )
        try:
            chat.set_unit_webhook(actor=actor, unit_id=unit_id, url=url)
        except Invalid as error:
            message = "; ".join(field_errors(error).values())
            return render(request, TEMPLATE, {**context, "value": url, "error": message}, status=400)
        return HttpResponseRedirect(reverse("unit", args=[unit_id]) + "#chat")
    return render(request, TEMPLATE, context)
