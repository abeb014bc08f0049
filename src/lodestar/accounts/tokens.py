"""API tokens: created for a user and shown once, stored as a digest, revocable."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.models import ApiToken, User
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.services import get_user
from lodestar.lib.errors import NotFound

TOKEN_PREFIX = "ls_"  # noqa: S105 - a marker, not a secret


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(*, actor: Actor, email: str, name: str = "") -> tuple[ApiToken, str]:
    """A new token for the user: (stored row, the token text, which is not stored). Raises NotFound."""
    require_admin(actor, what="create API tokens")
    user = get_user(email=email)
    prefix = secrets.token_hex(6)
    token = f"{TOKEN_PREFIX}{prefix}_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        row = ApiToken.objects.create(user=user, prefix=prefix, digest=_digest(token), name=name[:100])
        audit.record(
            actor=actor, action="token.create", subject=f"token:{prefix}", after={"user": user.email, "name": name}
        )
    return row, token


def list_tokens(*, email: str | None = None) -> list[ApiToken]:
    tokens = ApiToken.objects.select_related("user").order_by("created", "id")
    if email is not None:
        tokens = tokens.filter(user=get_user(email=email))
    return list(tokens)


def revoke_token(*, actor: Actor, prefix: str) -> ApiToken:
    """Revoke the token with this id (its prefix, or the whole token). Raises NotFound."""
    require_admin(actor, what="revoke API tokens")
    prefix = _prefix_of(prefix) or prefix
    with transaction.atomic():
        row = ApiToken.objects.select_related("user").filter(prefix=prefix, revoked__isnull=True).first()
        if row is None:
            raise NotFound(f"no active token {prefix!r}")
        row.revoked = timezone.now()
        row.save(update_fields=["revoked"])
        audit.record(actor=actor, action="token.revoke", subject=f"token:{prefix}", before={"user": row.user.email})
    return row


def _prefix_of(token: str) -> str | None:
    if not token.startswith(TOKEN_PREFIX):
        return None
    prefix, _, rest = token[len(TOKEN_PREFIX) :].partition("_")
    return prefix if rest else None


def user_for_token(token: str) -> User | None:
    """The active user the token belongs to, or None for an unknown, revoked or malformed token."""
    prefix = _prefix_of(token)
    if prefix is None:
        return None
    row = ApiToken.objects.select_related("user").filter(prefix=prefix, revoked__isnull=True).first()
    if row is None or not hmac.compare_digest(row.digest, _digest(token)) or not row.user.is_active:
        return None
    now = timezone.now()
    if row.last_used is None or (now - row.last_used).total_seconds() > 60:
        ApiToken.objects.filter(id=row.id).update(last_used=now)
    return row.user
