"""The small family of domain errors every surface translates once (HTML, JSON, CLI)."""

from __future__ import annotations


class LodestarError(Exception):
    """Base of the domain errors."""


class NotFound(LodestarError):
    """The thing asked for does not exist."""


class PermissionDenied(LodestarError):
    """The user may not do this."""


class Conflict(LodestarError):
    """The change is based on a stale version or clashes with existing data."""


class Invalid(LodestarError):
    """The input is invalid; `issues` holds (path, message) pairs."""

    def __init__(self, message: str, issues: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []
