"""Anonymous visitors see only the sign-in page and /healthz; every page reads `?as_of=`; API errors are JSON."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from lodestar.lib import clock
from lodestar.lib.limits import FIRST_DAY, LAST_DAY
from lodestar.web.http import WebRequest

# /reminders/stop/ is opened from an email: its signed link is what allows the change.
# The language may be chosen on the sign-in page already.
OPEN_PATHS = ("/healthz", "/sign-in", "/language", "/api/", "/reminders/stop/", "/sso/", "/password/")
API_PATH = "/api/"
BODY_HEADERS = {"content-type", "content-length"}


class ApiErrorsAsJsonMiddleware:
    """An API error that Django or django-ninja answered with a bare page (405, …) becomes `{"error", "details"}`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code < 400
            or not request.path_info.startswith(API_PATH)
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        answer = JsonResponse({"error": response.reason_phrase.lower(), "details": []}, status=response.status_code)
        for header, value in response.items():  # Allow, WWW-Authenticate, the security headers, …
            if header.lower() not in BODY_HEADERS:
                answer[header] = value
        answer.cookies = response.cookies
        return answer


# Scripts only from our static files (htmx included); styles may be inline (the reports' <style>, the charts'
# and htmx's indicator styles); data: images for the API docs' icons.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


def content_security_policy() -> str:
    """The policy; with single sign-on, a form may also lead to the identity provider (the sign-in's redirect)."""
    origin = settings.LODESTAR_SSO.origin
    if not origin:
        return CONTENT_SECURITY_POLICY
    return CONTENT_SECURITY_POLICY.replace("form-action 'self'", f"form-action 'self' {origin}")


class HardeningHeadersMiddleware:
    """Pages, exports and API answers: `Cache-Control: no-store` (nothing a user saw stays in a shared cache)
    and the Content-Security-Policy. WhiteNoise answers static files before this, so they may be cached."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith(settings.STATIC_URL):
            response["Cache-Control"] = "no-store"
            response["Content-Security-Policy"] = content_security_policy()
        return response


class SignInRequiredMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if request.user.is_authenticated or path.startswith((*OPEN_PATHS, settings.STATIC_URL)):
            return self.get_response(request)
        target = reverse("sign-in") + "?" + urlencode({"next": request.get_full_path()})
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=204)
            response["HX-Redirect"] = target
            return response
        return HttpResponseRedirect(target)


class AsOfMiddleware:
    """`request.as_of`: the date every figure is computed for (`?as_of=YYYY-MM-DD`, default today)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        raw = request.GET.get("as_of", "")
        as_of = parse_day(raw) if raw else clock.today()
        dated = cast(WebRequest, request)
        dated.as_of_given = bool(raw)
        dated.as_of = as_of or clock.today()
        if as_of is None and not request.path_info.startswith("/api/"):
            message = gettext("as_of must be a date YYYY-MM-DD from %(first)s to %(last)s, not %(given)s.") % {
                "first": FIRST_DAY.isoformat(),
                "last": LAST_DAY.isoformat(),
                "given": repr(raw[:40]),
            }
            context = {"title": gettext("Not a date"), "message": message}
            return render(request, "web/error.html", context, status=400)
        return self.get_response(request)


def parse_day(raw: str) -> date | None:
    """A YYYY-MM-DD date from FIRST_DAY to LAST_DAY, or None."""
    if len(raw) != 10:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None
