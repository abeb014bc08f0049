"""The one-step check-in (value, confidence, note), and correcting or deleting a measurement entered by hand."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.accounts.permissions import can_check_in, can_edit_owner, require_check_in
from lodestar.goals import services
from lodestar.goals.services.measurements import parse_day
from lodestar.goals.snapshot import Snapshot
from lodestar.goals.validation import refreshed_value, written_by_a_refresh
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.lib.model import Goal, KeyResult, Measurement
from lodestar.lib.wording import Wording, gettext_noop
from lodestar.modelfile.documents import measurement_document
from lodestar.web import formatting
from lodestar.web.common import actor_of, field_errors, snapshot_of, translate_errors
from lodestar.web.form_values import text
from lodestar.web.formatting import num
from lodestar.web.goals import forms
from lodestar.web.goals.check_in_form import ON_ME, check_in_form, my_key_result, recorded_message, shown_on
from lodestar.web.goals.edits import goal_id_of
from lodestar.web.goals.views import goal_context, key_result_card, last_refresh_for
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.org.views import me_context


@require_POST
@translate_errors
def record_check_in(request: AuthenticatedRequest, key_result_id: str) -> HttpResponse:
    """The check-in form's post: the value and the check-in in one step; the form again, in place, with the result."""
    on = shown_on(text(request.POST, "on"))
    document = forms.check_in_document(request.POST)
    replace, replacing_version = forms.replace(request.POST)
    try:
        checked = services.record_check_in(
            actor=actor_of(request),
            key_result_id=key_result_id,
            document=document,
            replace=replace,
            replacing_version=replacing_version,
        )
    except (Invalid, Conflict) as error:
        # A conflict (a value replaced meanwhile) is shown in the form too, so that nothing typed is lost.
        refused = error if isinstance(error, Invalid) else Invalid(str(error), [("", str(error))])
        typed = forms.typed(request.POST, *forms.CHECK_IN_FIELDS)
        return _form_again(request, key_result_id, on=on, error=refused, values=typed)
    if not getattr(request, "htmx", False):
        back = reverse("me") if on == ON_ME else reverse("goal", args=[goal_id_of(key_result_id)])
        return HttpResponseRedirect(f"{back}#{'me-' if on == ON_ME else ''}kr-{key_result_id}")
    return _form_again(request, key_result_id, on=on, error=None, values={}, checked=checked)


def _form_again(
    request: AuthenticatedRequest,
    key_result_id: str,
    *,
    on: str,
    error: Invalid | None,
    values: dict[str, Any],
    checked: services.CheckedIn | None = None,
) -> HttpResponse:
    """The card (goal page) or the row (`/me/`) again; without htmx, a refused post shows the whole page again."""
    snapshot = snapshot_of(request)
    goal, kr = _key_result(snapshot, key_result_id)
    form = check_in_form(snapshot, goal, kr, shown_on=on, error=error, values=values)
    if not getattr(request, "htmx", False):
        if on == ON_ME:
            return render(
                request, "web/me.html", me_context(request, snapshot, key_result=kr.id, form=form), status=400
            )
        context = goal_context(request, snapshot, goal.id, key_result=kr.id, form=form)
        return render(request, "web/goal.html", context, status=400)
    message = "" if checked is None else _recorded(checked, kr)
    actor = actor_of(request)
    checks_in = can_check_in(actor, goal.owner, kr.owner, snapshot.model)
    if on == ON_ME:
        item = my_key_result(snapshot, goal, kr, editable=checks_in, form=form, message=message)
        response = render(request, "web/_my_key_result.html", {"item": item})
    else:
        card = key_result_card(
            snapshot,
            goal,
            kr,
            editable=can_edit_owner(actor, goal.owner, snapshot.model),
            checks_in=checks_in,
            form=form,
            message=message,
            refreshed=last_refresh_for([kr]),
        )
        response = render(request, "web/_key_result.html", {"card": card})
    # htmx does not swap error responses by default; the form shows the errors, so answer 200.
    if error is not None:
        response["X-Lodestar-Invalid"] = "1"
    return response


def _recorded(checked: services.CheckedIn, kr: KeyResult) -> str:
    measured, replaced = checked.measurement, checked.replaced
    return recorded_message(
        None if measured is None else measured.value,
        None if replaced is None else replaced.value,
        checked.check_in.confidence,
        kr.unit,
        is_milestone=kr.is_milestone,
    )


@require_http_methods(["GET", "POST"])
@translate_errors
def measurement_edit(request: AuthenticatedRequest, key_result_id: str, day: str) -> HttpResponse:
    """Correct a value entered by hand: its value, source or date."""
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal, kr, measurement = _measurement(request, snapshot, key_result_id, day)
        values = {**measurement_document(measurement), "date": measurement.date.isoformat()}
        return _measurement_form(request, goal, kr, measurement, values=values, errors={}, version=measurement.version)
    changes = forms.measurement_changes(request.POST)
    version = forms.version(request.POST)
    try:
        services.update_measurement(actor=actor, key_result_id=key_result_id, day=day, changes=changes, version=version)
    except Invalid as error:
        goal, kr, measurement = _measurement(request, snapshot_of(request), key_result_id, day)
        return _measurement_form(
            request, goal, kr, measurement, values=changes, errors=field_errors(error), version=version, status=400
        )
    return HttpResponseRedirect(reverse("goal", args=[goal_id_of(key_result_id)]) + f"#kr-{key_result_id}")


@require_http_methods(["GET", "POST"])
@translate_errors
def measurement_delete(request: AuthenticatedRequest, key_result_id: str, day: str) -> HttpResponse:
    actor = actor_of(request)
    if request.method == "GET":
        snapshot = snapshot_of(request)
        goal, kr, measurement = _measurement(request, snapshot, key_result_id, day)
        unit = f" {kr.unit}" if kr.unit else ""
        return render(
            request,
            "web/confirm_delete.html",
            {
                "what": gettext("the value of “%(title)s” on %(day)s")
                % {"title": kr.title, "day": formatting.day(measurement.date, "SHORT_DATE_FORMAT")},
                "detail": gettext(
                    "The value %(value)s goes; the key result's figures are computed from the values that stay."
                )
                % {"value": f"{num(measurement.value)}{unit}"},
                "version": measurement.version,
                "back": reverse("goal", args=[goal.id]) + f"#kr-{kr.id}",
            },
        )
    goal_id = goal_id_of(key_result_id)
    services.delete_measurement(actor=actor, key_result_id=key_result_id, day=day, version=forms.version(request.POST))
    return HttpResponseRedirect(reverse("goal", args=[goal_id]) + f"#kr-{key_result_id}")


def _key_result(snapshot: Snapshot, key_result_id: str) -> tuple[Goal, KeyResult]:
    if key_result_id not in snapshot.key_results:
        raise NotFound(Wording.of(gettext_noop("no key result %(id)s"), id=repr(key_result_id)))
    return snapshot.key_results[key_result_id]


def _measurement(
    request: AuthenticatedRequest, snapshot: Snapshot, key_result_id: str, day: str
) -> tuple[Goal, KeyResult, Measurement]:
    """The measurement on `day`, for an actor who may change it by hand. Raises NotFound, PermissionDenied, Invalid."""
    goal, kr = _key_result(snapshot, key_result_id)
    require_check_in(
        actor_of(request), goal.owner, kr.owner, snapshot.model, what=f"the key results of goal {goal.id!r}"
    )
    wanted = parse_day(day)
    measurement = next((x for x in kr.measurements if x.date == wanted), None)
    if measurement is None:
        raise NotFound(
            Wording.of(gettext_noop("key result %(id)s has no measurement on %(day)s"), id=repr(kr.id), day=wanted)
        )
    if written_by_a_refresh(measurement):
        raise PermissionDenied(f"you may not change the value on {wanted.isoformat()}: {refreshed_value(measurement)}")
    return goal, kr, measurement


def _measurement_form(
    request: AuthenticatedRequest,
    goal: Goal,
    kr: KeyResult,
    measurement: Measurement,
    *,
    values: dict[str, Any],
    errors: dict[str, str],
    version: Any,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "web/measurement_form.html",
        {
            "goal": goal,
            "kr": kr,
            "measurement": measurement,
            "values": values,
            "errors": errors,
            "general_errors": [message for path, message in errors.items() if path in ("", "version")],
            "version": version,
        },
        status=status,
    )
