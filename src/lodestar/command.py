"""The base of Lodestar's management commands: one translation of domain errors to exit codes."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any, NoReturn

from django.core.management.base import BaseCommand, CommandParser
from django.db.utils import InterfaceError, OperationalError

from lodestar.database import DatabaseUnreachable, busy, busy_error, ensure_database, unreachable, unreachable_error
from lodestar.lib.errors import Invalid, LodestarError
from lodestar.lib.limits import day_problem
from lodestar.lib.terminal import printable, printable_json

EXIT_FINDINGS = 1
EXIT_FAILED = 2


class CommandFailed(LodestarError):
    """The command could not run; the message says why."""


def iso_date(text: str) -> date:
    """argparse type for YYYY-MM-DD, from 1900 to 2200 like every date Lodestar keeps."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None
    problem = day_problem(day)
    if problem is not None:
        raise argparse.ArgumentTypeError(problem)
    return day


class OneLineErrors(CommandParser):
    """A command's parser that answers a bad argument with one line (`lodestar X: error: …`) and exit code 2.

    Without it argparse prints the whole usage first; `lodestar help X` shows that.
    """

    def error(self, message: str) -> NoReturn:
        if not self.called_from_command_line:
            super().error(message)  # raises CommandError
        self.exit(EXIT_FAILED, f"{self.prog}: error: {message}\n")


def one_line_errors(parser: CommandParser) -> CommandParser:
    """The parser Django built for a command, with one-line errors.

    A command's subcommands are added in `add_arguments`, before this: they pass
    `parser_class=OneLineErrors` to `add_subparsers` themselves.
    """
    # Django constructs CommandParser itself and offers no hook for the class; the subclass only overrides `error`.
    parser.__class__ = OneLineErrors
    return parser


def dump_json(document: Any, *, pretty: bool = False) -> str:
    """JSON text; compact by default (the C encoder is an order of magnitude faster on large models)."""
    return printable_json(json.dumps(document, ensure_ascii=False, indent=2 if pretty else None))


class LodestarCommand(BaseCommand):
    """A command whose domain errors, and an unreachable database, print as one message each and exit with code 2."""

    requires_system_checks: list[str] = []
    exit_code = 0

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        return one_line_errors(super().create_parser(prog_name, subcommand, **kwargs))

    def execute(self, *args: Any, **options: Any) -> str | None:
        self.exit_code = 0
        try:
            output = super().execute(*args, **options)
        except Invalid as error:
            for path, message in error.issues:
                self.stderr.write(printable(f"{path}: {message}" if path else message))
            self.stderr.write(printable(f"error: {error}"))
            raise SystemExit(EXIT_FAILED) from None
        except LodestarError as error:
            self.stderr.write(printable(f"error: {error}"))
            raise SystemExit(EXIT_FAILED) from None
        except (OperationalError, InterfaceError) as error:
            if busy(error):
                self.stderr.write(f"error: {busy_error()}")
                raise SystemExit(EXIT_FAILED) from None
            if not unreachable(error):
                raise
            self.stderr.write(f"error: {unreachable_error(error)}")
            raise SystemExit(EXIT_FAILED) from None
        if self.exit_code:
            self.stdout.flush()
            raise SystemExit(self.exit_code)
        return output

    def database(self, *, or_warn: bool = False) -> None:
        """Make sure the tables exist (created on a database that has none).

        An unreachable database stops the command (exit 2); with `or_warn` (a server, which answers 503
        until the database is back) it is one warning line instead.
        """
        try:
            ensure_database()
        except DatabaseUnreachable as error:
            if not or_warn:
                raise
            self.stderr.write(f"warning: {error}; serving anyway (503 until it answers)")
