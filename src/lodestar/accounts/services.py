"""Users: create, list, change role and password, sign in (rate-limited), and who they are in the model."""

from __future__ import annotations

import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.models import SignInAttempt, User
from lodestar.accounts.permissions import require_admin
from lodestar.accounts.roles import ROLES
from lodestar.lib.errors import Conflict, Invalid, NotFound, PermissionDenied
from lodestar.org.models import Person

MIN_PASSWORD_LENGTH = 8


def _normal_email(email: str) -> str:
    email = email.strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise Invalid("not an email address", [("email", f"{email!r} is not an email address")]) from None
    return email


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise Invalid("unknown role", [("role", f"expected one of {', '.join(ROLES)}; got {role!r}")])
    return role


def _check_password(password: str, field: str = "password") -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid("password too short", [(field, f"at least {MIN_PASSWORD_LENGTH} characters")])
    return password


def _check_person(person_id: str | None) -> str | None:
    if person_id is not None and not Person.objects.filter(id=person_id).exists():
        raise Invalid("unknown person", [("person", f"unknown person {person_id!r}")])
    return person_id


def user_view(user: User) -> dict[str, object]:
    return {"email": user.email, "role": user.role, "person": user.person_id, "active": user.is_active}


def create_user(*, actor: Actor, email: str, role: str, password: str | None, person_id: str | None = None) -> User:
    """Add a user (`password` None: without a usable one, as for an invitation).

    Raises Invalid (email, role, password, person), Conflict (email taken), PermissionDenied."""
    require_admin(actor, what="add users")
    email, role = _normal_email(email), _check_role(role)
    if password is not None:
        _check_password(password)
    person_id = _check_person(person_id)
    if person_id is None:
        person_id = Person.objects.filter(email__iexact=email).values_list("id", flat=True).first()
    try:
        with transaction.atomic():
            user = User.objects.create_user(email, password, role=role, person_id=person_id)
            audit.record(actor=actor, action="user.create", subject=f"user:{email}", after=user_view(user))
    except IntegrityError:
        raise Conflict(f"a user with the email {email} exists already") from None
    return user


def list_users() -> list[User]:
    return list(users_by_email())


def users_by_email() -> QuerySet[User]:
    """Every user by email, not yet read (for a page of them)."""
    return User.objects.order_by("email")


def get_user(*, email: str) -> User:
    """Raises NotFound."""
    user = User.objects.filter(email=email.strip().lower()).first()
    if user is None:
        raise NotFound(f"no user with the email {email}")
    return user


def set_role(*, actor: Actor, email: str, role: str) -> User:
    """Change a user's role. Raises NotFound, Invalid, PermissionDenied."""
    require_admin(actor, what="change roles")
    _check_role(role)
    with transaction.atomic():
        user = get_user(email=email)
        before = user_view(user)
        user.role = role
        user.save(update_fields=["role"])
        audit.record(
            actor=actor, action="user.set_role", subject=f"user:{user.email}", before=before, after=user_view(user)
        )
    return user


def _sign_out_everywhere(user: User) -> int:
    """Revoke the user's API tokens and end their sessions; the number of tokens revoked."""
    from django.contrib.sessions.models import Session

    from lodestar.accounts.models import ApiToken

    revoked = ApiToken.objects.filter(user=user, revoked__isnull=True).update(revoked=timezone.now())
    theirs = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now())
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk)
    ]
    Session.objects.filter(pk__in=theirs).delete()
    return revoked


def set_active(*, actor: Actor, email: str, active: bool) -> User:
    """Allow or stop a user's sign-in; deactivating revokes their API tokens and ends their sessions at once.

    Raises NotFound, PermissionDenied."""
    require_admin(actor, what="deactivate users")
    with transaction.atomic():
        user = get_user(email=email)
        if user.id == actor.user_id and not active:
            raise Invalid("you cannot deactivate yourself", [("active", "you cannot deactivate yourself")])
        before = user_view(user)
        user.is_active = active
        user.save(update_fields=["is_active"])
        after = {**user_view(user), "tokens_revoked": 0 if active else _sign_out_everywhere(user)}
        audit.record(actor=actor, action="user.set_active", subject=f"user:{user.email}", before=before, after=after)
    return user


def set_password(*, actor: Actor, email: str, password: str) -> User:
    """An admin sets someone's password. Raises NotFound, Invalid, PermissionDenied."""
    require_admin(actor, what="set passwords")
    _check_password(password)
    with transaction.atomic():
        user = get_user(email=email)
        user.set_password(password)
        user.save(update_fields=["password"])
        audit.record(actor=actor, action="user.set_password", subject=f"user:{user.email}")
    return user


def change_password(*, user: User, current: str, new: str) -> None:
    """A user changes their own password. Raises Invalid naming the field at fault."""
    if not user.check_password(current):
        raise Invalid("wrong password", [("current", "this is not your current password")])
    _check_password(new, "new")
    with transaction.atomic():
        user.set_password(new)
        user.save(update_fields=["password"])
        audit.record(actor=actor_for(user, surface="web"), action="user.change_password", subject=f"user:{user.email}")


def sign_in(*, email: str, password: str, address: str) -> User:
    """The user with this email and password. Raises Invalid, or PermissionDenied after too many failures.

    With LODESTAR_PASSWORD_SIGN_IN=false every password sign-in is refused (PermissionDenied).
    """
    if not settings.PASSWORD_SIGN_IN:
        raise PermissionDenied("password sign-in is switched off; sign in with the identity provider")
    email = email.strip().lower()
    now = timezone.now()
    window = timedelta(seconds=settings.SIGN_IN_WINDOW_SECONDS)
    window_start = now - window
    recent = SignInAttempt.objects.filter(at__gte=window_start).order_by("-at")
    for failures, limit in (
        (recent.filter(email=email), settings.SIGN_IN_FAILURES_PER_EMAIL),
        (recent.filter(address=address), settings.SIGN_IN_FAILURES_PER_ADDRESS),
    ):
        times = list(failures.values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            minutes = max(1, math.ceil((times[-1] + window - now).total_seconds() / 60))
            unit = "minute" if minutes == 1 else "minutes"
            raise PermissionDenied(f"too many failed sign-ins; try again in {minutes} {unit}")
    user = authenticate(None, email=email, password=password)
    if not isinstance(user, User):
        SignInAttempt.objects.create(email=email[:254], address=address[:64], at=now)
        SignInAttempt.objects.filter(at__lt=window_start).delete()
        raise Invalid("wrong email or password", [("", "wrong email or password")])
    SignInAttempt.objects.filter(Q(email=email)).delete()
    return user


def locked_emails() -> list[str]:
    """The addresses whose sign-in is locked now: as many failures in the window as allowed per e-mail."""
    since = timezone.now() - timedelta(seconds=settings.SIGN_IN_WINDOW_SECONDS)
    from django.db.models import Count

    rows = (
        SignInAttempt.objects.filter(at__gte=since)
        .values("email")
        .annotate(failures=Count("id"))
        .filter(failures__gte=settings.SIGN_IN_FAILURES_PER_EMAIL)
        .order_by("email")
    )
    return [row["email"] for row in rows]


def unlock(*, actor: Actor, email: str) -> int:
    """Lift the lock-out of an e-mail address (its failed sign-ins are forgotten). Raises PermissionDenied."""
    require_admin(actor, what="unlock sign-ins")
    email = email.strip().lower()
    with transaction.atomic():
        forgotten, _ = SignInAttempt.objects.filter(email=email).delete()
        audit.record(actor=actor, action="user.unlock", subject=f"user:{email}", before={"failures": forgotten})
    return forgotten


def linked_person(user: User) -> str | None:
    """The person of the model the user is: the linked id while it exists, else the one with their email."""
    if user.person_id and Person.objects.filter(id=user.person_id).exists():
        return user.person_id
    return Person.objects.filter(email__iexact=user.email).order_by("id").values_list("id", flat=True).first()


def _linked_accounts() -> QuerySet[User]:
    """The active user accounts linked to a person, by email (of several for one person, the first counts)."""
    return User.objects.filter(is_active=True, person_id__isnull=False).exclude(person_id="").order_by("email")


def person_emails() -> dict[str, str]:
    """The email of the active user account linked to each person (of several, the first by email)."""
    emails: dict[str, str] = {}
    for person_id, email in _linked_accounts().values_list("person_id", "email"):
        if person_id:
            emails.setdefault(person_id, email)
    return emails


def person_languages() -> dict[str, str]:
    """The language chosen on the account `person_emails` names for each person ("": none chosen)."""
    languages: dict[str, str] = {}
    for person_id, language in _linked_accounts().values_list("person_id", "language"):
        if person_id:
            languages.setdefault(person_id, language)
    return languages


def actor_for(user: User, *, surface: str) -> Actor:
    return Actor(label=user.email, role=user.role, person_id=linked_person(user), surface=surface, user_id=user.id)
