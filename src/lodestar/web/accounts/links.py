"""Forgot password, and the page an invitation's or a reset's link opens to set a password."""

from __future__ import annotations

import logging

from django.contrib.auth import login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from lodestar.accounts import invitations
from lodestar.lib.errors import Invalid
from lodestar.web.common import field_errors

log = logging.getLogger(__name__)


@require_http_methods(["GET", "POST"])
def forgot_password(request: HttpRequest) -> HttpResponse:
    """Ask for a reset link. The answer is the same whether an account has the address or not."""
    context: dict[str, object] = {"sent": False, "email": ""}
    if request.method == "POST":
        email = request.POST.get("email", "").strip()
        try:
            invitations.request_reset(email=email)
        except OSError:
            # The mail server failed: said in the log, not to the asker (who must not learn the address exists).
            log.exception("could not send a password reset e-mail")
        context = {"sent": True, "email": email}
    return render(request, "web/password_forgot.html", context)


@require_http_methods(["GET", "POST"])
def password_link(request: HttpRequest, kind: str, uidb64: str, token: str) -> HttpResponse:
    """Set a password with a link from an e-mail; a link expired, used or not ours is refused with a page saying so."""
    user = invitations.user_of_link(kind=kind, uidb64=uidb64, token=token)
    if user is None:
        return render(request, "web/password_link_refused.html", status=400)
    context: dict[str, object] = {"errors": {}, "invited": kind == invitations.INVITE, "email": user.email}
    if request.method == "POST":
        try:
            done = invitations.set_password_by_link(
                kind=kind, uidb64=uidb64, token=token, password=request.POST.get("password", "")
            )
        except Invalid as error:
            context["errors"] = field_errors(error)
            return render(request, "web/password_link.html", context, status=400)
        if done is None:
            return render(request, "web/password_link_refused.html", status=400)
        login(request, done)
        return HttpResponseRedirect(reverse("dashboard"))
    return render(request, "web/password_link.html", context)
