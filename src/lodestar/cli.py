"""The `lodestar` command: Django management with Lodestar's settings preset."""

from __future__ import annotations

import os
import sys

from lodestar import __version__


def _lodestar_help() -> str:
    """List Lodestar's own commands first, with their one-line help, then Django's."""
    import django
    from django.core.management import get_commands, load_command_class

    django.setup()
    ours: list[tuple[str, str]] = []
    theirs: list[str] = []
    for name, app in sorted(get_commands().items()):
        if app.startswith("lodestar."):
            command = load_command_class(app, name)
            ours.append((name, (command.help or "").strip().splitlines()[0] if command.help else ""))
        else:
            theirs.append(name)
    width = max((len(name) for name, _ in ours), default=0)
    lines = [
        f"Lodestar {__version__}: purpose, organization and goal system as code.",
        "",
        "Usage: lodestar <command> [options]    (lodestar help <command> for a command's options)",
        "",
        "Lodestar commands:",
        *(f"  {name.ljust(width)}  {text}" for name, text in ours),
        "",
        "Database: LODESTAR_DATABASE_URL (default sqlite:///lodestar.sqlite3 in this directory).",
        "",
        "Django commands:",
        "  " + ", ".join(theirs),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run a management command with `lodestar.settings`."""
    args = list(sys.argv if argv is None else argv)
    args[0] = "lodestar"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    if len(args) == 2 and args[1] in {"--version", "version"}:
        print(f"lodestar {__version__}")
        return
    if len(args) == 1 or (len(args) == 2 and args[1] in {"-h", "--help", "help"}):
        print(_lodestar_help())
        return
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line
    from django.db.utils import InterfaceError, OperationalError

    from lodestar.database import busy, busy_error, unreachable, unreachable_error

    try:
        execute_from_command_line(args)
    except ImproperlyConfigured as error:
        # A setting that names no database, mail server or time zone: one line, not a traceback.
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    except (OperationalError, InterfaceError) as error:
        # Lodestar's own commands say this themselves; Django's (migrate, dbshell, ...) would print a traceback.
        if busy(error):
            print(f"error: {busy_error()}", file=sys.stderr)
            sys.exit(2)
        if not unreachable(error):
            raise
        print(f"error: {unreachable_error(error)}", file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
