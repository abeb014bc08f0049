"""Who is acting, as services see it: independent of the surface (page, API, command line)."""

from __future__ import annotations

from dataclasses import dataclass

from lodestar.accounts.roles import ADMIN


@dataclass(frozen=True, slots=True)
class Actor:
    """The acting user: a label for the audit log, a role, and the person of the model they are."""

    label: str
    role: str
    person_id: str | None
    surface: str
    user_id: int | None = None


def command_line_actor() -> Actor:
    """Whoever runs `lodestar` on the server can do everything already (they own the database)."""
    return Actor(label="command line", role=ADMIN, person_id=None, surface="cli")
