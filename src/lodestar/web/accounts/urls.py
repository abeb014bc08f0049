"""Signing in and out, and changing one's password."""

from __future__ import annotations

from django.urls import path

from lodestar.web.accounts import views

urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("account/password", views.change_password, name="password"),
]
