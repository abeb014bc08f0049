"""The four roles and what each may do in general (what a member may change depends on ownership)."""

from __future__ import annotations

ADMIN = "admin"
EDITOR = "editor"
MEMBER = "member"
VIEWER = "viewer"
ROLES = (ADMIN, EDITOR, MEMBER, VIEWER)

DESCRIPTIONS = {
    ADMIN: "everything, including users and import",
    EDITOR: "edits everything in the model except users",
    MEMBER: "edits goals owned by their person, their unit, or units they lead and below",
    VIEWER: "reads everything, changes nothing",
}
