"""Users who sign in by email, their API tokens, sign-in attempts and the audit log.

People of the model are referred to by id as plain text, not by foreign key: an import
replaces every model row, and a user, a token or an audit entry must outlive that.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from lodestar.accounts.roles import ROLES
from lodestar.i18n import LANGUAGES


class UserManager(BaseUserManager["User"]):
    def create_user(self, email: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> User:
        return self.create_user(email, password, role="admin", **fields)


class User(AbstractBaseUser):
    """A person who signs in; `role` decides what they may change, `person_id` links them to the model."""

    email = models.EmailField(unique=True)
    role = models.CharField(max_length=10, choices=[(r, r) for r in ROLES], default="viewer")
    person_id = models.CharField(max_length=64, blank=True, null=True)
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)
    # The language of their pages and e-mails; empty: the browser's (`Accept-Language`).
    language = models.CharField(max_length=8, blank=True, default="", choices=[("", "the browser's"), *LANGUAGES])

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    objects = UserManager()

    class Meta:
        ordering = ("email",)

    def __str__(self) -> str:
        return self.email


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 digest is stored, the token itself is shown once."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tokens")
    prefix = models.CharField(max_length=16, unique=True)
    digest = models.CharField(max_length=64)
    name = models.CharField(max_length=100, blank=True, default="")
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("created", "id")


class SignInAttempt(models.Model):
    """A failed sign-in, counted per email and per address to slow down password guessing."""

    email = models.CharField(max_length=254, db_index=True)
    address = models.CharField(max_length=64, db_index=True)
    at = models.DateTimeField(db_index=True)


class AuditEntry(models.Model):
    """One change: who, when, through which surface, what, and the state before and after."""

    at = models.DateTimeField(db_index=True)
    actor = models.CharField(max_length=254)
    surface = models.CharField(max_length=10)
    action = models.CharField(max_length=40)
    subject = models.CharField(max_length=140)
    goal_id = models.CharField(max_length=64, blank=True, default="", db_index=True)
    before = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ("-at", "-id")
