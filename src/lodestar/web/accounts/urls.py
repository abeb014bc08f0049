"""Signing in and out, changing one's password, and choosing the language."""

from __future__ import annotations

from django.urls import path

from lodestar.accounts import oidc
from lodestar.accounts.sso_config import SSO_PATH
from lodestar.web import language
from lodestar.web.accounts import links, views

urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("account/password", views.change_password, name="password"),
    path("password/forgot", links.forgot_password, name="forgot-password"),
    path("password/set/<str:kind>/<str:uidb64>/<str:token>/", links.password_link, name="password-link"),
    path("language", language.choose_language, name="language"),
    # Single sign-on: django-allauth's OpenID Connect views with Lodestar's adapter (lodestar.accounts.oidc),
    # under allauth's names, which its provider reverses.
    path(f"{SSO_PATH}<str:provider_id>/login/", oidc.login, name="openid_connect_login"),
    path(f"{SSO_PATH}<str:provider_id>/login/callback/", oidc.callback, name="openid_connect_callback"),
]
