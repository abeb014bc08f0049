"""A unit's check-in cadence, a person's reminders, and the stop link that works without signing in."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.index import ModelIndex
from lodestar.lib.vocabulary import CADENCE_EVERY, MONTH_DAYS, WEEKDAYS
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.notifications.services import person_for_stop_link, stop_reminders
from lodestar.org import services
from lodestar.rhythm.cadence import cadence_source, unit_cadence
from lodestar.store.load import load_model
from lodestar.store.versions import version_from_text
from lodestar.web.check_in_cycle import cadence_words, weekday_name
from lodestar.web.common import actor_of, field_errors, translate_errors
from lodestar.web.form_values import integer, text
from lodestar.web.http import AuthenticatedRequest

EVERY_LABELS: dict[str, Promise] = {
    "week": gettext_lazy("every week"),
    "two_weeks": gettext_lazy("every two weeks"),
    "month": gettext_lazy("every month"),
}


def day_choices() -> list[tuple[str, str]]:
    """The days a cadence may name, in the page's language: the weekdays, then the days of the month."""
    return [
        *((day, weekday_name(day)) for day in WEEKDAYS),
        *((str(n), gettext("day %(day)s of the month") % {"day": n}) for n in range(MONTH_DAYS[0], MONTH_DAYS[1] + 1)),
    ]


def cadence_context(index: ModelIndex, unit_id: str) -> dict[str, Any]:
    """The unit's cadence as the unit page shows it: its own, or inherited (from which unit), or the default."""
    unit = index.units[unit_id]
    source = cadence_source(index, unit_id)
    return {
        "cadence_text": cadence_words(unit_cadence(index, unit_id)),
        "cadence_from": None if source is None or source.id == unit_id else source,
        "cadence_default": source is None,
        "cadence_own": unit.cadence,
        "every_choices": [(every, str(EVERY_LABELS[every])) for every in CADENCE_EVERY],
        "day_choices": day_choices(),
    }


def _cadence_document(request: AuthenticatedRequest) -> Any:
    """The form's cadence: None for "as the unit above", else `{every, day}` (a month day as a number)."""
    every, day = text(request.POST, "every"), text(request.POST, "day")
    if not every:
        return None
    return {"every": every, "day": integer(day) if every == "month" else day}


@require_http_methods(["GET", "POST"])
@translate_errors
def cadence_form(request: AuthenticatedRequest, unit_id: str) -> HttpResponse:
    index = ModelIndex(load_model(parts=frozenset({"units", "people"})))
    unit = index.units.get(unit_id)
    if unit is None:
        raise NotFound(Wording.of(gettext_noop("no unit %(id)s"), id=repr(unit_id)))
    context: dict[str, Any] = {"unit": unit, "version": unit.version, **cadence_context(index, unit_id)}
    if request.method == "GET":
        context["value"] = {"every": unit.cadence.every, "day": str(unit.cadence.day)} if unit.cadence else {}
        return render(request, "web/unit_cadence_form.html", context)
    try:
        services.set_unit_cadence(
            actor=actor_of(request),
            unit_id=unit_id,
            cadence=_cadence_document(request),
            version=version_from_text(request.POST.get("version")),
        )
    except Invalid as error:
        context["errors"] = {path.removeprefix("cadence."): text for path, text in field_errors(error).items()}
        context["value"] = {"every": text(request.POST, "every"), "day": text(request.POST, "day")}
        return render(request, "web/unit_cadence_form.html", context, status=400)
    return HttpResponseRedirect(reverse("unit", args=[unit_id]) + "#cadence")


@require_POST
@translate_errors
def person_reminders(request: AuthenticatedRequest, person_id: str) -> HttpResponse:
    services.set_reminders(
        actor=actor_of(request), person_id=person_id, reminders=request.POST.get("reminders") == "on"
    )
    return HttpResponseRedirect(reverse("person", args=[person_id]) + "#reminders")


# A mail program's one-click stop (RFC 8058) posts to the link without a CSRF token; the signed
# token in the link is what allows the change, so the page works without signing in.
@csrf_exempt
@require_http_methods(["GET", "POST"])
@translate_errors
def stop(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        person = stop_reminders(token)
        return render(request, "web/reminders_stop.html", {"person": person, "stopped": True, "token": token})
    person = person_for_stop_link(token)
    return render(request, "web/reminders_stop.html", {"person": person, "stopped": False, "token": token})
