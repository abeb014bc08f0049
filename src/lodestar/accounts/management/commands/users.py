"""lodestar users"""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandParser

from lodestar.accounts import services
from lodestar.accounts.actor import Actor, command_line_actor
from lodestar.accounts.models import User
from lodestar.accounts.roles import MEMBER, ROLES
from lodestar.command import CommandFailed, LodestarCommand, OneLineErrors
from lodestar.lib.terminal import printable


class Command(LodestarCommand):
    help = "Manage users: add, invite, list, set-role, set-password, deactivate, activate."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=OneLineErrors)
        add = actions.add_parser("add", help="add a user")
        add.add_argument("email")
        add.add_argument("--role", required=True, choices=ROLES)
        add.add_argument(
            "--person", default=None, help="the person id of the model (default: the person with this email)"
        )
        add.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
        invite = actions.add_parser("invite", help="add a user and e-mail them a link to set a password (7 days)")
        invite.add_argument("email")
        invite.add_argument("--role", default=MEMBER, choices=ROLES, help="default: member")
        invite.add_argument(
            "--person", default=None, help="the person id of the model (default: the person with this email)"
        )
        unit = actions.add_parser("invite-unit", help="invite every person of a unit who has an e-mail and no account")
        unit.add_argument("unit")
        unit.add_argument("--role", default=MEMBER, choices=ROLES, help="default: member")
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
        elif action == "invite":
            user = _invite(actor, options)
            person = f", person {user.person_id}" if user.person_id else ""
            self.stdout.write(printable(f"invited {user.email} ({user.role}{person}): e-mail sent"))
        elif action == "invite-unit":
            from lodestar.accounts import invitations

            done = invitations.invite_unit(actor=actor, unit_id=options["unit"], role=options["role"])
            for label, emails in (("invited", done.invited), ("has an account", done.had_account)):
                for email in emails:
                    self.stdout.write(printable(f"{label}: {email}"))
            if done.failed:
                raise CommandFailed(f"not sent: {', '.join(done.failed)}")
            if not done.invited and not done.had_account:
                self.stdout.write(printable(f"nobody of {options['unit']} has an e-mail address"))
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


def _invite(actor: Actor, options: dict[str, Any]) -> User:
    from lodestar.accounts import invitations

    try:
        return invitations.invite(
            actor=actor, email=options["email"], role=options["role"], person_id=options["person"]
        )
    except OSError as error:
        raise CommandFailed(
            f"{options['email']} was added, but the e-mail could not be sent ({error}); "
            "they can ask for a link with 'Forgot your password?'"
        ) from None


def _password_from_stdin() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise CommandFailed("no password on stdin")
    return line
