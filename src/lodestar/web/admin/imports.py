"""Admin pages: import (upload, plan, apply), export download, and restore points."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lodestar.accounts.audit import acting_as
from lodestar.accounts.permissions import require_admin
from lodestar.lib.errors import Invalid, NotFound
from lodestar.store.load import NoModel
from lodestar.store.restore import KEPT, list_restore_points
from lodestar.store.service import (
    ImportConflict,
    export_model,
    import_model,
    plan_import,
    plan_restore,
    read_model_file,
    read_model_text,
    restore_model,
)
from lodestar.web.admin.uploads import EXPIRED, discard_upload, keep_upload, upload_path
from lodestar.web.common import actor_of, translate_errors
from lodestar.web.formatting import num
from lodestar.web.http import AuthenticatedRequest
from lodestar.web.issues import issue_text
from lodestar.web.plans import describe_counts, notes, plan_context, summary, warnings

PAGE = "web/admin_import.html"
SESSION_KEY = "lodestar_import"


def _page(request: AuthenticatedRequest, context: dict[str, Any] | None = None, *, status: int = 200) -> HttpResponse:
    points = [{"point": point, "counts": describe_counts(point.counts)} for point in list_restore_points()]
    return render(request, PAGE, {"restore_points": points, "kept": KEPT, **(context or {})}, status=status)


@require_http_methods(["GET", "POST"])
@translate_errors
def import_page(request: AuthenticatedRequest) -> HttpResponse:
    """Upload a model file and see the plan; nothing is written until it is applied."""
    require_admin(actor_of(request), what="import models")
    if request.method == "GET":
        return _page(request)
    upload = request.FILES.get("file")
    if upload is None:
        return _page(request, {"issues": [("file", gettext("choose a model file to upload"))]}, status=400)
    if upload.size and upload.size > settings.MAX_MODEL_FILE_BYTES:
        limit = gettext("over the limit of %(count)s bytes") % {"count": num(settings.MAX_MODEL_FILE_BYTES)}
        issues = [("file", limit)]
        return _page(request, {"issues": issues}, status=400)
    text = upload.read()
    try:
        model = read_model_text(text)
        plan = plan_import(model=model)
    except Invalid as error:
        issues = [(path, issue_text(message)) for path, message in error.issues]
        return _page(request, {"issues": issues, "name": upload.name}, status=400)
    key = keep_upload(text)
    request.session[SESSION_KEY] = {"key": key, "name": upload.name}
    return _page(request, {**plan_context(plan), "key": key, "name": upload.name})


@require_POST
@translate_errors
def import_apply(request: AuthenticatedRequest) -> HttpResponse:
    """Apply an upload's plan; a conflict shows the plan again, to be applied with `force` (the file wins)."""
    actor = actor_of(request)
    require_admin(actor, what="import models")
    key = request.POST.get("key", "")
    upload = request.session.get(SESSION_KEY) or {}
    if key != upload.get("key"):
        raise NotFound(str(EXPIRED))
    path = upload_path(key)
    force = request.POST.get("force") == "on"
    try:
        model = read_model_file(path)
        with acting_as(actor):
            result = import_model(model=model, force=force)
    except ImportConflict as error:  # the upload stays, to be applied with force
        context = {**plan_context(error.plan), "key": key, "name": upload.get("name", ""), "refused": str(error)}
        return _page(request, context, status=409)
    except BaseException:
        discard_upload(key)
        request.session.pop(SESSION_KEY, None)
        raise
    discard_upload(key)
    request.session.pop(SESSION_KEY, None)
    return _page(
        request,
        {
            "applied": result.plan,
            "applied_summary": summary(result.plan),
            "applied_notes": [*notes(result.plan), *warnings(result.plan)],
        },
    )


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


@require_http_methods(["GET", "POST"])
@translate_errors
def restore_page(request: AuthenticatedRequest, point_id: int) -> HttpResponse:
    """GET: what returning to the restore point would change, to confirm. POST: return to it."""
    actor = actor_of(request)
    require_admin(actor, what="restore the model")
    if request.method == "GET":
        point, plan = plan_restore(point_id=point_id)
        context = {"point": point, "counts": describe_counts(point.counts), "kept": KEPT, **plan_context(plan)}
        return render(request, "web/admin_restore.html", context)
    with acting_as(actor):
        restored = restore_model(point_id=point_id)
    return _page(request, {"restored": restored, "restored_summary": summary(restored.plan)})
