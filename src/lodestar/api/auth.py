"""Bearer-token authentication for the API."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer

from lodestar.accounts.actor import Actor
from lodestar.accounts.services import actor_for
from lodestar.accounts.tokens import user_for_token


class BearerToken(HttpBearer):
    """`Authorization: Bearer <token>`, a token created with `lodestar tokens create EMAIL`."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = user_for_token(token)
        if user is None:
            return None
        request.actor = actor_for(user, surface="api")  # type: ignore[attr-defined]
        return user


def actor(request: HttpRequest) -> Actor:
    found: Actor = request.actor  # type: ignore[attr-defined]
    return found
