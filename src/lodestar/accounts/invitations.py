"""Invitations and password resets by e-mail: a link that sets a password, made by Django's token generators.

A link holds the user's id (`urlsafe_base64_encode`) and a token of Django's `PasswordResetTokenGenerator`,
valid for `settings.PASSWORD_RESET_TIMEOUT` (seven days). The token is made from the password's hash, so
it stops working once a password is set with it. Invitations and resets use two generators (two salts):
an invitation's link cannot be passed off as a reset's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.mail import get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.models import AuditEntry, User
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import MEMBER
from lodestar.accounts.services import (
    _check_password,
    _check_role,
    _normal_email,
    actor_for,
    create_user,
    user_view,
)
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.notifications.links import absolute
from lodestar.notifications.messages import language_of, password_link_message
from lodestar.org.models import Person, Unit

INVITE, RESET = "invite", "reset"
KINDS = (INVITE, RESET)


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "lodestar.accounts.invitations.InvitationTokenGenerator"


GENERATORS: dict[str, PasswordResetTokenGenerator] = {
    INVITE: InvitationTokenGenerator(),
    RESET: PasswordResetTokenGenerator(),
}


def link_days() -> int:
    return max(1, settings.PASSWORD_RESET_TIMEOUT // (24 * 3600))


def password_link(user: User, kind: str, generator: PasswordResetTokenGenerator | None = None) -> str:
    """The absolute link that sets `user`'s password (`generator`: another one, for tests of expiry)."""
    token = (generator or GENERATORS[kind]).make_token(user)
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return absolute(reverse("password-link", kwargs={"kind": kind, "uidb64": uid, "token": token}))


def _send(user: User, kind: str) -> None:
    message = password_link_message(
        to=user.email,
        link=password_link(user, kind),
        invited=kind == INVITE,
        days=link_days(),
        language=language_of(user.language),
    )
    get_connection().send_messages([message])


def invite(*, actor: Actor, email: str, role: str = MEMBER, person_id: str | None = None) -> User:
    """Add a user without a usable password and e-mail them a link to set one.

    Raises Invalid, Conflict, PermissionDenied (as `create_user`); the e-mail server's errors (OSError) after the
    user was added."""
    with transaction.atomic():
        user = create_user(actor=actor, email=email, role=role, password=None, person_id=person_id)
        audit.record(actor=actor, action="user.invite", subject=f"user:{user.email}", after=user_view(user))
    _send(user, INVITE)
    return user


def request_reset(*, email: str) -> bool:
    """E-mail a reset link to the active user with this address, if there is one (whether there was is never shown
    to the asker; the return value is for the caller's tests and logs only)."""
    try:
        email = _normal_email(email)
    except Exception:
        return False
    user = User.objects.filter(email=email, is_active=True).first()
    if user is None or not settings.PASSWORD_SIGN_IN:
        return False
    since = timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_EMAIL_INTERVAL)
    if AuditEntry.objects.filter(action="user.request_reset", subject=f"user:{user.email}", at__gte=since).exists():
        return False  # one was sent a moment ago: no flood of e-mails to the account's owner
    with transaction.atomic():
        audit.record(actor=actor_for(user, surface="web"), action="user.request_reset", subject=f"user:{user.email}")
    _send(user, RESET)
    return True


def user_of_link(*, kind: str, uidb64: str, token: str) -> User | None:
    """The user a link is for; None for a link that expired, was used already, or was never ours."""
    if kind not in GENERATORS:
        return None
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError):
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or not GENERATORS[kind].check_token(user, token):
        return None
    return user


def set_password_by_link(*, kind: str, uidb64: str, token: str, password: str) -> User | None:
    """Set the password a valid link is for; None for a link refused. Raises Invalid (password)."""
    with transaction.atomic():
        user = user_of_link(kind=kind, uidb64=uidb64, token=token)
        if user is None:
            return None
        _check_password(password)
        user.set_password(password)
        user.save(update_fields=["password"])
        action = "user.accept_invitation" if kind == INVITE else "user.reset_password"
        audit.record(actor=actor_for(user, surface="web"), action=action, subject=f"user:{user.email}")
    return user


@dataclass(frozen=True, slots=True)
class UnitInvitation:
    """What inviting a unit did: the addresses invited, those that had an account already, those not sent to."""

    invited: list[str] = field(default_factory=list)
    had_account: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def invite_unit(*, actor: Actor, unit_id: str, role: str = MEMBER) -> UnitInvitation:
    """Invite every person of the unit (its own people, not those of units below) who has an e-mail address and
    no account yet. Raises NotFound (unit), Invalid (role), PermissionDenied."""
    require_admin(actor, what="invite users")
    _check_role(role)
    if not Unit.objects.filter(id=unit_id).exists():
        raise NotFound(f"no unit with the id {unit_id}")
    done = UnitInvitation()
    people = Person.objects.filter(unit_id=unit_id).exclude(email__isnull=True).exclude(email="").order_by("email")
    for person_id, address in people.values_list("id", "email"):
        email = str(address).strip()
        if User.objects.filter(email__iexact=email).exists():
            done.had_account.append(email)
            continue
        try:
            invite(actor=actor, email=email, role=role, person_id=person_id)
        except (Invalid, Conflict, OSError):
            # An address the model holds that is no e-mail address, or a mail server that failed for it.
            done.failed.append(email)
        else:
            done.invited.append(email)
    return done
