"""The small family of domain errors every surface translates once (HTML, JSON, CLI)."""

from __future__ import annotations

from lodestar.lib.wording import Wording


class LodestarError(Exception):
    """Base of the domain errors.

    Raised with a `Wording`, the error reads as its English text (what the CLI and the API say) and
    keeps the wording, so that a page says it in the reader's language (`web/common.py`).
    """

    def __init__(self, message: str | Wording = "") -> None:
        self.wording = message if isinstance(message, Wording) else None
        super().__init__(message.english() if isinstance(message, Wording) else message)


class NotFound(LodestarError):
    """The thing asked for does not exist."""


class PermissionDenied(LodestarError):
    """The user may not do this."""


class Conflict(LodestarError):
    """The change is based on a stale version or clashes with existing data."""


class Invalid(LodestarError):
    """The input is invalid; `issues` holds (path, message) pairs."""

    def __init__(self, message: str | Wording, issues: list[tuple[str, str]] | None = None) -> None:
        super().__init__(message)
        self.issues = issues or []
