"""Error pages for what Django itself refuses (unknown URLs, bad requests, failures)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request, "web/error.html", {"title": "Bad request", "message": "The request could not be read."}, status=400
    )


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = "You may not do this. If the form was open a long time, reload the page and try again."
    return render(request, "web/error.html", {"title": "Not allowed", "message": message}, status=403)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "web/error.html", {"title": "Not found", "message": "There is no such page."}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    message = "Something went wrong on our side. The error has been logged."
    return render(request, "web/error.html", {"title": "Server error", "message": message}, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    message = "The form expired or came from elsewhere. Reload the page and try again."
    return render(request, "web/error.html", {"title": "Form expired", "message": message}, status=403)
