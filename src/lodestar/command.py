"""The base of Lodestar's management commands: one translation of domain errors to exit codes."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand

from lodestar.lib.errors import Invalid, LodestarError

EXIT_FINDINGS = 1
EXIT_FAILED = 2


class CommandFailed(LodestarError):
    """The command could not run; the message says why."""


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def dump_json(document: Any, *, pretty: bool = False) -> str:
    """JSON text; compact by default (the C encoder is an order of magnitude faster on large models)."""
    return json.dumps(document, ensure_ascii=False, indent=2 if pretty else None)


class LodestarCommand(BaseCommand):
    """A command whose domain errors print as plain messages and exit with code 2."""

    requires_system_checks: list[str] = []
    exit_code = 0

    def execute(self, *args: Any, **options: Any) -> str | None:
        self.exit_code = 0
        try:
            output = super().execute(*args, **options)
        except Invalid as error:
            for path, message in error.issues:
                self.stderr.write(f"{path}: {message}" if path else message)
            self.stderr.write(f"error: {error}")
            raise SystemExit(EXIT_FAILED) from None
        except LodestarError as error:
            self.stderr.write(f"error: {error}")
            raise SystemExit(EXIT_FAILED) from None
        if self.exit_code:
            self.stdout.flush()
            raise SystemExit(self.exit_code)
        return output

    def database(self) -> None:
        """Make sure the tables exist (created on a database that has none)."""
        from lodestar.database import ensure_database

        ensure_database()
