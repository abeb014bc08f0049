"""The language a page speaks: the user's setting, else the browser's `Accept-Language`, else English.

The API always speaks English (its JSON never changes with the language). The switcher in the
header posts here: a signed-in user's choice is kept on their account, anyone's in a cookie.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from lodestar.i18n import CODES, DEFAULT

API_PATH = "/api/"
FOLLOW_THE_BROWSER = ""


def language_of(request: HttpRequest) -> str:
    """The language of this request's answer."""
    if request.path_info.startswith(API_PATH):
        return DEFAULT
    chosen = getattr(getattr(request, "user", None), "language", "") or ""
    if chosen in CODES:
        return chosen
    return translation.get_language_from_request(request)


class LanguageMiddleware:
    """Activates the request's language for the view and the templates (after authentication)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        language = language_of(request)
        request.LANGUAGE_CODE = language  # Django's own name for it
        # Only for this request: the thread goes back to the default language afterwards.
        with translation.override(language):
            response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        if not request.path_info.startswith(API_PATH):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        return response


@require_POST
def choose_language(request: HttpRequest) -> HttpResponse:
    """Keep the language chosen in the header (or "the browser's") and go back to the page it was chosen on."""
    language = request.POST.get("language", FOLLOW_THE_BROWSER)
    if language not in (*CODES, FOLLOW_THE_BROWSER):
        language = FOLLOW_THE_BROWSER
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = "/"
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        get_user_model().objects.filter(pk=user.pk).update(language=language)
    response = HttpResponseRedirect(back)
    if language:
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=365 * 24 * 3600, samesite="Lax")
    else:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    return response
