"""Admin pages: users and roles, import (upload, plan, apply), export download, the audit log."""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lodestar.accounts import audit, services
from lodestar.accounts.audit import acting_as
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import DESCRIPTIONS, ROLES
from lodestar.lib.errors import Invalid, NotFound
from lodestar.lib.limits import LAST_PAGE
from lodestar.org.models import Person
from lodestar.store.load import NoModel
from lodestar.store.service import export_model, import_model, plan_import, read_model_file, read_model_text
from lodestar.web.common import actor_of, field_errors, translate_errors
from lodestar.web.http import AuthenticatedRequest

AUDIT_PAGE = 50
UPLOADS = Path(tempfile.gettempdir()) / "lodestar-imports"


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
            "roles": ROLES,
            "descriptions": DESCRIPTIONS,
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
        return _users_page(request, errors=field_errors(error), values=values, status=400)
    return _users_page(request, message=f"Added {user.email} as {user.role}.")


@require_POST
@translate_errors
def user_set_role(request: AuthenticatedRequest) -> HttpResponse:
    try:
        user = services.set_role(
            actor=actor_of(request), email=request.POST.get("email", ""), role=request.POST.get("role", "")
        )
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), status=400)
    return _users_page(request, message=f"{user.email} is now {user.role}.")


@require_POST
@translate_errors
def user_set_active(request: AuthenticatedRequest) -> HttpResponse:
    active = request.POST.get("active") == "true"
    try:
        user = services.set_active(actor=actor_of(request), email=request.POST.get("email", ""), active=active)
    except Invalid as error:
        return _users_page(request, errors=field_errors(error), status=400)
    return _users_page(request, message=f"{user.email} {'may sign in again' if active else 'can no longer sign in'}.")


def _upload_path(key: str) -> Path:
    if not key.isalnum():
        raise NotFound("that upload has expired; upload the file again")
    return UPLOADS / f"{key}.yaml"


@require_http_methods(["GET", "POST"])
@translate_errors
def import_page(request: AuthenticatedRequest) -> HttpResponse:
    """Upload a model file and see the plan; nothing is written until it is applied."""
    require_admin(actor_of(request), what="import models")
    if request.method == "GET":
        return render(request, "web/admin_import.html", {})
    upload = request.FILES.get("file")
    if upload is None:
        return render(
            request, "web/admin_import.html", {"issues": [("file", "choose a model file to upload")]}, status=400
        )
    if upload.size and upload.size > settings.MAX_MODEL_FILE_BYTES:
        issues = [("file", f"over the limit of {settings.MAX_MODEL_FILE_BYTES:,} bytes")]
        return render(request, "web/admin_import.html", {"issues": issues}, status=400)
    text = upload.read()
    try:
        model = read_model_text(text)
    except Invalid as error:
        return render(request, "web/admin_import.html", {"issues": error.issues, "name": upload.name}, status=400)
    plan = plan_import(model=model)
    key = secrets.token_hex(16)
    UPLOADS.mkdir(parents=True, exist_ok=True)
    _upload_path(key).write_bytes(text)
    request.session["lodestar_import"] = key
    return render(request, "web/admin_import.html", {"plan": plan, "key": key, "name": upload.name})


@require_POST
@translate_errors
def import_apply(request: AuthenticatedRequest) -> HttpResponse:
    actor = actor_of(request)
    require_admin(actor, what="import models")
    key = request.POST.get("key", "")
    if key != request.session.get("lodestar_import"):
        raise NotFound("that upload has expired; upload the file again")
    path = _upload_path(key)
    if not path.exists():
        raise NotFound("that upload has expired; upload the file again")
    try:
        model = read_model_file(path)
        with acting_as(actor):
            result = import_model(model=model)
    finally:
        path.unlink(missing_ok=True)
        request.session.pop("lodestar_import", None)
    return render(request, "web/admin_import.html", {"applied": result.plan})


@require_GET
@translate_errors
def export_download(request: AuthenticatedRequest) -> HttpResponse:
    require_admin(actor_of(request), what="export the model")
    try:
        text = export_model()
    except NoModel as error:
        raise NotFound(str(error)) from None
    response = HttpResponse(text, content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="lodestar-model.yaml"'
    return response


def _page_number(raw: str) -> int:
    """`?page=`: a whole number from 1 to LAST_PAGE (1 when absent)."""
    text = raw.strip() or "1"
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(LAST_PAGE))) or not (
        1 <= int(text) <= LAST_PAGE
    ):
        limit = f"page must be a whole number from 1 to {LAST_PAGE}"
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
