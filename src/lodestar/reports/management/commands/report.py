"""lodestar report"""

from __future__ import annotations

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


class Command(LodestarCommand):
    help = "Write the organization report, or with --unit a one-page unit report, as PDF or HTML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--as-of", type=iso_date, default=None, help="report as of this date (default: today)")
        parser.add_argument("--unit", metavar="ID", default=None, help="a one-page report of this unit")
        parser.add_argument(
            "--out", type=Path, required=True, metavar="FILE", help="where to write it: FILE.pdf or FILE.html"
        )
        parser.add_argument(
            "--language", choices=CODES, default=DEFAULT, help=f"the report's language (default: {DEFAULT})"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        out: Path = options["out"]
        kind = FORMATS.get(out.suffix.lower())
        if kind is None:
            raise CommandFailed(f"--out {out}: the file name must end in .pdf or .html")
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
                document = service.render_organization_pdf(model=model, as_of=as_of, language=language)
            else:
                document = service.render_organization_html(model=model, as_of=as_of, language=language).encode()
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
