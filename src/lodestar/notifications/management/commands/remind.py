"""lodestar remind"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import LodestarCommand, dump_json, iso_date
from lodestar.notifications.run_text import reminder_run_text
from lodestar.notifications.services import send_reminders

EXIT_NOT_SENT = 1


class Command(LodestarCommand):
    help = (
        "Send the check-in reminders due (one email per person and cycle); "
        "exit 0 when all were sent, 1 when some could not be, 2 on errors."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        parser.add_argument("--dry-run", action="store_true", help="show what would be sent; send and record nothing")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        run = send_reminders(options["as_of"], dry_run=options["dry_run"])
        if options["format"] == "json":
            self.stdout.write(dump_json(run.as_json(), pretty=self.stdout.isatty()))
        else:
            self.stdout.write(reminder_run_text(run))
        for failure in run.failed:
            self.stderr.write(f"error: the reminder to {failure.email} was not sent: {failure.reason}")
        self.exit_code = EXIT_NOT_SENT if run.failed else 0
