"""The links a message holds: goal pages, and the signed link that stops a person's reminders."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

# A stop link is signed for one purpose; it names the person and does not expire, since a
# reminder read months later must still be stoppable.
_SALT = "lodestar.notifications.stop-reminders"


def absolute(path: str) -> str:
    """`LODESTAR_BASE_URL` + the page's path."""
    return f"{settings.LODESTAR_BASE_URL}{path}"


def goal_url(goal_id: str) -> str:
    return absolute(reverse("goal", args=[goal_id]))


def stop_token(person_id: str) -> str:
    return signing.dumps(person_id, salt=_SALT, compress=False)


def person_of_token(token: str) -> str | None:
    """The person a stop token was made for; None for a token that is not one of ours."""
    try:
        person = signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None
    return person if isinstance(person, str) else None


def stop_url(person_id: str) -> str:
    return absolute(reverse("reminders-stop", args=[stop_token(person_id)]))
