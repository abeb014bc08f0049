"""Signing in and out, changing one's password, and choosing the language."""

from __future__ import annotations

from django.urls import path

from lodestar.web import language
from lodestar.web.accounts import views

urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("account/password", views.change_password, name="password"),
    path("language", language.choose_language, name="language"),
]
