"""Admin pages: users and roles, the audit log (import, export and restore are in `imports.py`)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_POST

from lodestar.accounts import audit, services
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import ROLES
from lodestar.i18n.terms import term
from lodestar.lib.errors import Invalid
from lodestar.lib.limits import LAST_PAGE
from lodestar.org.models import Person
from lodestar.web.common import actor_of, translate_errors
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import form_errors

AUDIT_PAGE = 50


def _users_page(
    request: AuthenticatedRequest,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    message: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "web/admin_users.html",
        {
            "users": services.list_users(),
            "locked": services.locked_emails(),
            "roles": ROLES,
            "people": list(Person.objects.order_by("name").values_list("id", "name")),
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
        return _users_page(request, errors=form_errors(error), values=values, status=400)
    message = gettext("Added %(email)s as %(role)s.") % {"email": user.email, "role": term("user_role", user.role)}
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_set_role(request: AuthenticatedRequest) -> HttpResponse:
    try:
        user = services.set_role(
            actor=actor_of(request), email=request.POST.get("email", ""), role=request.POST.get("role", "")
        )
    except Invalid as error:
        return _users_page(request, errors=form_errors(error), status=400)
    message = gettext("%(email)s is now %(role)s.") % {"email": user.email, "role": term("user_role", user.role)}
    return _users_page(request, message=message)


@require_POST
@translate_errors
def user_set_active(request: AuthenticatedRequest) -> HttpResponse:
    active = request.POST.get("active") == "true"
    try:
        user = services.set_active(actor=actor_of(request), email=request.POST.get("email", ""), active=active)
    except Invalid as error:
        return _users_page(request, errors=form_errors(error), status=400)
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


def _page_number(raw: str) -> int:
    """`?page=`: a whole number from 1 to LAST_PAGE (1 when absent)."""
    text = raw.strip() or "1"
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(LAST_PAGE))) or not (
        1 <= int(text) <= LAST_PAGE
    ):
        limit = gettext("page must be a whole number from 1 to %(last)s") % {"last": LAST_PAGE}
        raise Invalid(f"{limit}, not {raw[:40]!r}", [("page", limit)])
    return int(text)


@require_GET
@translate_errors
def audit_page(request: AuthenticatedRequest) -> HttpResponse:
    require_admin(actor_of(request), what="read the audit log")
    page = _page_number(request.GET.get("page", "1"))
    goal = request.GET.get("goal") or None
    entries = audit.list_entries(goal_id=goal, limit=AUDIT_PAGE + 1, offset=(page - 1) * AUDIT_PAGE)
    return render(
        request,
        "web/admin_audit.html",
        {
            "entries": entries[:AUDIT_PAGE],
            "page": page,
            "more": len(entries) > AUDIT_PAGE,
            "goal": goal,
        },
    )
