"""lodestar digest"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand, dump_json, iso_date
from lodestar.lib.index import ModelIndex
from lodestar.notifications.run_text import digest_run_text
from lodestar.notifications.services import send_digests
from lodestar.rhythm.digests import digests_json
from lodestar.store.load import load_model

EXIT_NOT_SENT = 1


class Command(LodestarCommand):
    help = (
        "Send the weekly digest to the leads of the units (once per person and ISO week), and post each unit's "
        "digest to its chat webhook (once per unit and ISO week); "
        "exit 0 when all were sent, 1 when some could not be, 2 on errors."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; send and record nothing")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        run = send_digests(options["as_of"], dry_run=options["dry_run"])
        if options["format"] == "json":
            self.stdout.write(dump_json(digests_json(run.as_of, run.sent), pretty=self.stdout.isatty()))
        else:
            self.stdout.write(digest_run_text(run, ModelIndex(load_model(parts=frozenset({"units", "people"})))))
        for failure in run.failed:
            self.stderr.write(f"error: the digest to {failure.email} was not sent: {failure.reason}")
        for chat in run.chats_failed:
            reason = chat.post.reason if chat.post is not None else ""
            self.stderr.write(
                f"error: the digest of unit {chat.content.units[0]} was not posted to {chat.service}: {reason}"
            )
        self.exit_code = EXIT_NOT_SENT if run.failed or run.chats_failed else 0
