"""Admin pages: users and roles, the audit log (import, export and restore are in `imports.py`)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from lodestar.accounts import audit, invitations, services
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import ROLES
from lodestar.i18n.terms import term
from lodestar.lib.errors import Invalid
from lodestar.org.models import Person, Unit
from lodestar.web.common import actor_of, translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import field_errors
from lodestar.web.pagination import filter_sort_paginate

AUDIT_PAGE = 50


def _users_page(
    request: AuthenticatedRequest,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    listed = filter_sort_paginate(services.users_by_email(), request.GET)
    return render(
        request,
        "web/admin_users.html",
        {
            "users": listed.items,
            "users_page": listed,
            "locked": services.locked_emails(),
            "roles": ROLES,
            "people": list(Person.objects.order_by("name").values_list("id", "name")),
            "units": list(Unit.objects.order_by("name").values_list("id", "name")),
            "errors": errors or {},
            "values": values or {},
            "message": message,
        },
        status=status,
    )


@require_GET
@translate_errors
def users(request: AuthenticatedRequest) -> HttpResponse:
    require_admin(actor_of(request), what="manage users")
    return _users_page(request)


@require_POST
@translate_errors
def user_add(request: AuthenticatedRequest) -> HttpResponse:
    values = {key: request.POST.get(key, "").strip() for key in ("email", "role", "person")}
    try:
        user = services.create_user(
            actor=actor_of(request),
            email=values["email"],
            role=values["role"],
            password=request.POST.get("password", ""),
            person_id=values["person"] or None,
        )
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), values=values, status=400)
    message = gettext("Added %(email)s as %(role)s.") % {"email": user.email, "role": term("user_role", user.role)}
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_invite(request: AuthenticatedRequest) -> HttpResponse:
    values = {key: request.POST.get(key, "").strip() for key in ("email", "role", "person")}
    try:
        user = invitations.invite(
            actor=actor_of(request), email=values["email"], role=values["role"], person_id=values["person"] or None
        )
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), values=values, status=400)
    except OSError:
        message = gettext(
            "Added %(email)s, but the e-mail could not be sent: check the e-mail set-up; "
            "they can ask for a link with “Forgot your password?”."
        ) % {"email": values["email"].lower()}
        return _users_page(request, message=message)
    message = gettext("Invited %(email)s as %(role)s: they got an e-mail with a link to set a password.") % {
        "email": user.email,
        "role": term("user_role", user.role),
    }
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_invite_unit(request: AuthenticatedRequest) -> HttpResponse:
    role = request.POST.get("role", "").strip()
    try:
        done = invitations.invite_unit(actor=actor_of(request), unit_id=request.POST.get("unit", ""), role=role)
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), status=400)
    message = gettext("Invited %(invited)s; %(had)s had an account already; %(failed)s could not be sent to.") % {
        "invited": len(done.invited),
        "had": len(done.had_account),
        "failed": len(done.failed),
    }
    if done.failed:
        message += " " + ", ".join(done.failed)
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_set_role(request: AuthenticatedRequest) -> HttpResponse:
    try:
        user = services.set_role(
            actor=actor_of(request), email=request.POST.get("email", ""), role=request.POST.get("role", "")
        )
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), status=400)
    message = gettext("%(email)s is now %(role)s.") % {"email": user.email, "role": term("user_role", user.role)}
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_set_active(request: AuthenticatedRequest) -> HttpResponse:
    active = request.POST.get("active") == "true"
    try:
        user = services.set_active(actor=actor_of(request), email=request.POST.get("email", ""), active=active)
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), status=400)
    if active:
        message = gettext("%(email)s may sign in again.") % {"email": user.email}
    else:
        message = gettext("%(email)s can no longer sign in.") % {"email": user.email}
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_unlock(request: AuthenticatedRequest) -> HttpResponse:
    email = request.POST.get("email", "").strip().lower()
    services.unlock(actor=actor_of(request), email=email)
    return _users_page(request, message=gettext("%(email)s may try to sign in again.") % {"email": email})


@require_GET
@translate_errors
def audit_page(request: AuthenticatedRequest) -> HttpResponse:
    require_admin(actor_of(request), what="read the audit log")
    goal = request.GET.get("goal") or None
    page = filter_sort_paginate(audit.entries(goal_id=goal), request.GET, size=AUDIT_PAGE)
    return render(request, "web/admin_audit.html", {"entries": page.items, "page": page, "goal": goal})
