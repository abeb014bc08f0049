"""lodestar report"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, iso_date
from lodestar.i18n import CODES, DEFAULT
from lodestar.lib import clock
from lodestar.lib.terminal import printable
from lodestar.reports import service
from lodestar.store.load import NoModel, load_model

FORMATS = {".pdf": "pdf", ".html": "html", ".htm": "html"}


def scenario_ids(text: str) -> list[str]:
    """argparse type for `a,b`: the ids, each once, none empty."""
    ids = [ident.strip() for ident in text.split(",")]
    if not all(ids):
        raise argparse.ArgumentTypeError(f"{text!r}: give scenario ids separated by commas, none empty")
    return list(dict.fromkeys(ids))


class Command(LodestarCommand):
    help = "Write the organization report, or with --unit a one-page unit report, as PDF or HTML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="report as of this date (default: today)")
        parser.add_argument("--unit", metavar="ID", default=None, help="a one-page report of this unit")
        parser.add_argument(
            "--out", type=Path, required=True, metavar="FILE", help="where to write it: FILE.pdf or FILE.html"
        )
        parser.add_argument(
            "--scenarios",
            metavar="ID,…",
            type=scenario_ids,
            default=[],
            help="add a section comparing these scenarios with the base (organization report only)",
        )
        parser.add_argument(
            "--language", choices=CODES, default=DEFAULT, help=f"the report's language (default: {DEFAULT})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        kind = FORMATS.get(out.suffix.lower())
        if kind is None:
            raise CommandFailed(f"--out {out}: the file name must end in .pdf or .html")
        scenarios: list[str] = options["scenarios"]
        if scenarios and options["unit"] is not None:
            raise CommandFailed("--scenarios: the unit report has no scenarios section; leave out --unit")
        self.database()
        try:
            model = load_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        as_of: date = options["as_of"] or clock.today()
        unit: str | None = options["unit"]
        language: str = options["language"]
        document: bytes
        if unit is None:
            what = "organization report"
            if kind == "pdf":
                document = service.render_organization_pdf(
                    model=model, as_of=as_of, language=language, scenarios=scenarios
                )
            else:
                document = service.render_organization_html(
                    model=model, as_of=as_of, language=language, scenarios=scenarios
                ).encode()
            if scenarios:
                what += f" with the scenarios {', '.join(scenarios)}"
        else:
            what = f"unit report of {unit}"
            if kind == "pdf":
                document = service.render_unit_pdf(model=model, unit_id=unit, as_of=as_of, language=language)
            else:
                document = service.render_unit_html(model=model, unit_id=unit, as_of=as_of, language=language).encode()
        try:
            out.write_bytes(document)
        except OSError as error:
            raise CommandFailed(f"cannot write {out}: {error.strerror}") from None
        self.stdout.write(
            printable(f"Wrote the {what} as of {as_of.isoformat()} to {out} ({len(document) // 1024 + 1} KB).")
        )
