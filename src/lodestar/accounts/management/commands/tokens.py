"""lodestar tokens"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.accounts import tokens
from lodestar.accounts.actor import command_line_actor
from lodestar.command import LodestarCommand, OneLineErrors
from lodestar.lib.terminal import printable


class Command(LodestarCommand):
    help = "Manage API tokens: create (prints the token once), list, revoke."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=OneLineErrors)
        create = actions.add_parser("create", help="create a token for a user and print it once")
        create.add_argument("email")
        create.add_argument("--name", default="", help="what the token is for")
        listing = actions.add_parser("list", help="list tokens (never the tokens themselves)")
        listing.add_argument("email", nargs="?", default=None)
        revoke = actions.add_parser("revoke", help="revoke a token by its id (as listed) or the token itself")
        revoke.add_argument("token")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        actor = command_line_actor()
        if options["action"] == "create":
            row, token = tokens.create_token(actor=actor, email=options["email"], name=options["name"])
            self.stdout.write(token)
            self.stderr.write(printable(f"token {row.prefix} for {row.user.email}; it is shown only this once"))
        elif options["action"] == "list":
            for row in tokens.list_tokens(email=options["email"]):
                state = "revoked" if row.revoked else "active"
                used = row.last_used.isoformat(timespec="seconds") if row.last_used else "never used"
                fields = (row.prefix, row.user.email, state, used, row.name)
                self.stdout.write("\t".join(printable(field) for field in fields))
        else:
            row = tokens.revoke_token(actor=actor, prefix=options["token"])
            self.stdout.write(printable(f"revoked {row.prefix} of {row.user.email}"))
