"""Sign-ins for the demo: an admin and a member linked to a demo employee, with fresh passwords."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import User
from lodestar.accounts.services import create_user, set_password, set_role

# The domain of the demo employees' emails in altwerk.yaml.
DOMAIN = "altwerk.example"
DEMO_LOGINS = (
    (f"admin@{DOMAIN}", "admin", None),
    (f"hauke.jensen@{DOMAIN}", "member", "hauke.jensen"),
)


@dataclass(frozen=True, slots=True)
class Login:
    email: str
    role: str
    password: str


def ensure_demo_logins() -> list[Login]:
    """Create the demo users, or give them new passwords when they exist already."""
    actor = command_line_actor()
    logins = []
    for email, role, person in DEMO_LOGINS:
        password = secrets.token_urlsafe(9)
        if User.objects.filter(email__iexact=email).exists():
            set_password(actor=actor, email=email, password=password)
            set_role(actor=actor, email=email, role=role)
        else:
            create_user(actor=actor, email=email, role=role, password=password, person_id=person)
        logins.append(Login(email=email, role=role, password=password))
    return logins
