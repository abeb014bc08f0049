"""lodestar check"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import CommandParser

from lodestar.checks.rules import HINTS, findings_json, run_checks
from lodestar.command import EXIT_FINDINGS, CommandFailed, LodestarCommand, dump_json, iso_date
from lodestar.lib import clock
from lodestar.lib.terminal import printable
from lodestar.store.load import NoModel, load_model


class Command(LodestarCommand):
    help = f"Run the health check ({min(HINTS)}-{max(HINTS)}); exit 0 without findings, 1 with findings, 2 on errors."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        as_of: date = options["as_of"] or clock.today()
        try:
            model = load_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        findings = run_checks(model, as_of)
        if options["format"] == "json":
            self.stdout.write(dump_json(findings_json(as_of, findings), pretty=self.stdout.isatty()))
        elif not findings:
            self.stdout.write(f"Health check as of {as_of.isoformat()}: no findings.")
        else:
            self.stdout.write(
                f"Health check as of {as_of.isoformat()}: {len(findings)} finding{'' if len(findings) == 1 else 's'}."
            )
            code = None
            for finding in findings:
                if finding.code != code:
                    code = finding.code
                    self.stdout.write(f"\n{code}  {HINTS[code]}")
                self.stdout.write(f"  {printable(finding.subject)}: {printable(finding.message)}")
        self.exit_code = EXIT_FINDINGS if findings else 0
