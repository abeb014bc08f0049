"""lodestar users"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandParser

from lodestar.accounts import services
from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.roles import ROLES
from lodestar.command import CommandFailed, LodestarCommand, OneLineErrors
from lodestar.lib.terminal import printable


class Command(LodestarCommand):
    help = "Manage users: add, list, set-role, set-password, deactivate, activate."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=OneLineErrors)
        add = actions.add_parser("add", help="add a user")
        add.add_argument("email")
        add.add_argument("--role", required=True, choices=ROLES)
        add.add_argument(
            "--person", default=None, help="the person id of the model (default: the person with this email)"
        )
        add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
        actions.add_parser("list", help="list users with role and person")
        role = actions.add_parser("set-role", help="change a user's role")
        role.add_argument("email")
        role.add_argument("role", choices=ROLES)
        password = actions.add_parser("set-password", help="set a user's password (read from stdin)")
        password.add_argument("email")
        for name in ("deactivate", "activate"):
            actions.add_parser(name, help=f"{name} a user").add_argument("email")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        actor = command_line_actor()
        action = options["action"]
        if action == "add":
            if options["password_stdin"]:
                password = _password_from_stdin()
            else:
                import secrets

                password = secrets.token_urlsafe(12)
            user = services.create_user(
                actor=actor,
                email=options["email"],
                role=options["role"],
                password=password,
                person_id=options["person"],
            )
            person = f", person {user.person_id}" if user.person_id else ""
            self.stdout.write(printable(f"added {user.email} ({user.role}{person})"))
            if not options["password_stdin"]:
                self.stdout.write(f"password: {password}")
        elif action == "list":
            users = services.list_users()
            if not users:
                self.stdout.write("no users yet: lodestar users add EMAIL --role admin --password-stdin")
            for user in users:
                state = "" if user.is_active else "  (deactivated)"
                fields = (user.email, user.role, f"{user.person_id or '-'}{state}")
                self.stdout.write("\t".join(printable(field) for field in fields))
        elif action == "set-role":
            user = services.set_role(actor=actor, email=options["email"], role=options["role"])
            self.stdout.write(printable(f"{user.email} is now {user.role}"))
        elif action == "set-password":
            services.set_password(actor=actor, email=options["email"], password=_password_from_stdin())
            self.stdout.write(printable(f"password of {options['email']} changed"))
        else:
            user = services.set_active(actor=actor, email=options["email"], active=action == "activate")
            self.stdout.write(printable(f"{user.email} {action}d"))


def _password_from_stdin() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CommandFailed("no password on stdin")
    return line
