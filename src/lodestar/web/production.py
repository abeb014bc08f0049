"""Settings that must not reach production: `lodestar serve` refuses to start with them."""

from __future__ import annotations

from django.conf import settings

MIN_SECRET_KEY_LENGTH = 32
HOW_TO_FIX = (
    "Set LODESTAR_SECRET_KEY to a long random value, e.g. "
    "LODESTAR_SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), "
    "or set LODESTAR_DEBUG=true for a local trial (never on a server others can reach)."
)


def unsafe_settings() -> list[str]:
    """What is unsafe about the current settings for a server others can reach (nothing in DEBUG)."""
    if settings.DEBUG:
        return []
    problems = []
    if settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        problems.append("LODESTAR_SECRET_KEY is not set: the built-in development key is public")
    elif len(settings.SECRET_KEY) < MIN_SECRET_KEY_LENGTH:
        problems.append(f"LODESTAR_SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} characters")
    if "*" in settings.ALLOWED_HOSTS:
        problems.append("LODESTAR_ALLOWED_HOSTS contains '*': name the hosts the server answers to")
    if not settings.ALLOWED_HOSTS:
        problems.append("LODESTAR_ALLOWED_HOSTS is empty: no request would be answered")
    return problems
