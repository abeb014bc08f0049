"""Signing in over OpenID Connect with django-allauth, made strict where Lodestar needs it.

django-allauth's OpenID Connect provider does discovery, the authorization-code flow with
PKCE and the `state` check. On top of it Lodestar:

- sends a `nonce` and refuses an ID token that does not carry it back;
- always verifies the ID token's signature against the provider's JWKS (allauth skips this
  for tokens fetched from the token endpoint, which the specification allows, but a signature
  check is cheap and catches a tampering proxy);
- refuses a discovery document that names another issuer than LODESTAR_OIDC_ISSUER;
- refuses addresses outside the allowed domains, deactivated users and answers without e-mail;
- creates a new user with the role from the role claim (default member), linked to the
  person with the same e-mail, and links an existing user with the same e-mail.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp, SocialLogin
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter
from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.models import User
from lodestar.accounts.services import user_view
from lodestar.accounts.sso_config import SsoConfig
from lodestar.org.models import Person

log = logging.getLogger("lodestar.sso")


def sso_config() -> SsoConfig:
    config: SsoConfig = settings.LODESTAR_SSO
    return config


class OAuth2Adapter(OpenIDConnectOAuth2Adapter):
    """allauth's adapter, with the issuer of the discovery document checked and every signature verified."""

    @property
    def openid_config(self) -> dict[str, Any]:
        config: dict[str, Any] = super().openid_config
        expected = sso_config().issuer
        if str(config.get("issuer", "")).rstrip("/") != expected:
            raise OAuth2Error(f"the discovery document names the issuer {config.get('issuer')!r}, not {expected!r}")
        return config

    def _decode_id_token(self, app: Any, id_token: str) -> dict[str, Any]:
        decoded: dict[str, Any] = jwtkit.verify_and_decode(
            credential=id_token,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
            verify_signature=True,
        )
        return decoded


class Provider(OpenIDConnectProvider):
    """allauth's OpenID Connect provider, sending a nonce that the adapter checks on the way back."""

    oauth2_adapter_class = OAuth2Adapter

    def redirect(
        self, request: HttpRequest, process: Any, next_url: str | None = None, data: Any = None, **kwargs: Any
    ) -> HttpResponse:
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params["nonce"] = nonce
        response: HttpResponse = super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )
        return response


def login(request: HttpRequest, provider_id: str) -> HttpResponse:
    """allauth's login view (POST: to the provider), with Lodestar's adapter."""
    try:
        response: HttpResponse = OAuth2LoginView.adapter_view(OAuth2Adapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404("single sign-on is not configured") from None
    return response


def callback(request: HttpRequest, provider_id: str) -> HttpResponse:
    """allauth's callback view (the provider's answer), with Lodestar's adapter: signatures always verified."""
    try:
        response: HttpResponse = OAuth2CallbackView.adapter_view(OAuth2Adapter(request, provider_id))(request)
    except SocialApp.DoesNotExist:
        raise Http404("single sign-on is not configured") from None
    return response


def claims_of(sociallogin: SocialLogin) -> dict[str, Any]:
    """The verified ID token's claims, with what the userinfo endpoint adds."""
    extra = sociallogin.account.extra_data or {}
    claims: dict[str, Any] = dict(extra.get("userinfo") or {})
    claims.update(extra.get("id_token") or {})
    return claims


def refused(request: HttpRequest, message: str, *, status: int = 403) -> ImmediateHttpResponse:
    """The page that says why a sign-in through the provider was refused, as an exception allauth passes on."""
    context = {"message": message, "provider": sso_config().name}
    response = render(request, "web/sso_refused.html", context, status=status)
    return ImmediateHttpResponse(response)


def _sso_actor(email: str) -> Actor:
    return Actor(label=email, role="viewer", person_id=None, surface="sso")


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Lodestar's rules for a sign-in through the identity provider (see the module's docstring)."""

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        return True

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        log.warning("single sign-on refused: %s: %s", error, exception)
        if error == "cancelled":
            message = gettext("The sign-in was cancelled at the identity provider.")
        elif extra_context is not None and extra_context.get("state") is None:
            message = gettext(
                "This sign-in was not started here or has expired (its state does not match). Please sign in again."
            )
        else:
            message = gettext("The identity provider's answer could not be verified. Please sign in again.")
        raise refused(request, message, status=400)

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        claims = claims_of(sociallogin)
        nonce = (sociallogin.state or {}).get("nonce")
        if not nonce or not secrets.compare_digest(str(claims.get("nonce", "")), str(nonce)):
            log.warning("single sign-on refused: the ID token's nonce does not match")
            raise refused(
                request,
                gettext("The identity provider's answer could not be verified. Please sign in again."),
                status=400,
            )
        email = str(claims.get("email") or "").strip().lower()
        if not email or "@" not in email:
            raise refused(request, gettext("The identity provider did not tell Lodestar your e-mail address."))
        config = sso_config()
        if not config.domain_allowed(email):
            log.warning("single sign-on refused for %s: the domain is not allowed", email)
            raise refused(
                request,
                gettext("Addresses at %(domain)s may not sign in to Lodestar. Ask an admin which addresses may.")
                % {"domain": email.rpartition("@")[2]},
            )
        user = sociallogin.user if sociallogin.is_existing else User.objects.filter(email=email).first()
        if user is not None and not user.is_active:
            raise refused(request, gettext("Your account is deactivated. Ask an admin to activate it."))
        if user is not None and not sociallogin.is_existing:
            with transaction.atomic():
                sociallogin.connect(request, user)
                audit.record(actor=_sso_actor(email), action="user.link_sso", subject=f"user:{email}")

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: dict[str, Any]) -> User:
        user: User = sociallogin.user
        claims = claims_of(sociallogin)
        config = sso_config()
        user.email = str(claims.get("email") or data.get("email") or "").strip().lower()
        user.role = config.role_for(claims.get(config.role_claim)) if config.role_claim else "member"
        user.person_id = Person.objects.filter(email__iexact=user.email).values_list("id", flat=True).first()
        return user

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> User:
        with transaction.atomic():
            user: User = sociallogin.user
            user.set_unusable_password()
            sociallogin.save(request)
            audit.record(
                actor=_sso_actor(user.email), action="user.create", subject=f"user:{user.email}", after=user_view(user)
            )
        return user
