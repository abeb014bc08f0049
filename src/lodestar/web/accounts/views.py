"""Sign in, sign out, change password."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from lodestar.accounts import services
from lodestar.accounts.addresses import client_address
from lodestar.accounts.sso_config import PROVIDER_ID
from lodestar.lib.errors import Invalid, PermissionDenied
from lodestar.web.common import field_errors
from lodestar.web.http import AuthenticatedRequest


def _client_address(request: HttpRequest) -> str:
    peer = str(request.META.get("REMOTE_ADDR") or "unknown")
    return client_address(peer, request.headers.get("X-Forwarded-For", ""), trusted=settings.TRUSTED_PROXIES)


def sign_in_choices() -> dict[str, object]:
    """Which ways to sign in the page offers: the identity provider's button, the password form, or both."""
    config = settings.LODESTAR_SSO
    return {
        "sso_name": config.name if config.enabled else "",
        "sso_url": reverse("openid_connect_login", kwargs={"provider_id": PROVIDER_ID}) if config.enabled else "",
        "password_sign_in": settings.PASSWORD_SIGN_IN,
    }


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    if request.user.is_authenticated and request.method == "GET":
        return HttpResponseRedirect(next_url or reverse("dashboard"))
    context: dict[str, object] = {"next": next_url, "email": "", **sign_in_choices()}
    status = 200
    if request.method == "POST" and settings.PASSWORD_SIGN_IN:
        email = request.POST.get("email", "")
        context["email"] = email
        try:
            user = services.sign_in(
                email=email, password=request.POST.get("password", ""), address=_client_address(request)
            )
        except Invalid:
            context["error"] = gettext("Wrong email or password.")
            status = 400
        except PermissionDenied as error:
            context["error"] = str(error).capitalize() + "."
            status = 429
        else:
            login(request, user)
            return HttpResponseRedirect(next_url or reverse("dashboard"))
    return render(request, "web/sign_in.html", context, status=status)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("sign-in")


@require_http_methods(["GET", "POST"])
def change_password(request: AuthenticatedRequest) -> HttpResponse:
    context: dict[str, object] = {"errors": {}}
    status = 200
    if request.method == "POST":
        try:
            services.change_password(
                user=request.user,
                current=request.POST.get("current", ""),
                new=request.POST.get("new", ""),
            )
        except Invalid as error:
            context["errors"] = field_errors(error)
            status = 400
        else:
            update_session_auth_hash(request, request.user)
            context["done"] = True
    return render(request, "web/password.html", context, status=status)
