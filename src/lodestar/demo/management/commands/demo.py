"""lodestar demo"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, iso_date
from lodestar.demo.service import LoadedDemo, bound_counts, demo_model, load_demo, scaled_model, write_demo_data
from lodestar.lib import clock
from lodestar.lib.model import Model
from lodestar.metrics.demo_warehouse import Extract
from lodestar.metrics.errors import MetricsError
from lodestar.modelfile.export import export_text, stamped
from lodestar.store.service import import_model

DEFAULT_DATA = Path("demo-data")


class Command(LodestarCommand):
    help = (
        "Load the demo organization (dates relative to today) with its warehouse extract and metrics file, "
        "and refresh its bound key results and KPIs; or write the model to a file with --export."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--export", type=Path, metavar="FILE", help="write the demo model file instead of loading it"
        )
        parser.add_argument("--today", type=iso_date, default=None, help="place the demo's dates around this day")
        parser.add_argument(
            "--data",
            type=Path,
            default=None,
            metavar="DIR",
            help=f"where to write the warehouse extract and metrics.yaml (default: {DEFAULT_DATA}/)",
        )
        parser.add_argument(
            "--sign-ins",
            action="store_true",
            help="also create (or reset) a demo admin and a demo member with new passwords, and print them",
        )
        parser.add_argument(
            "--people",
            type=int,
            default=None,
            metavar="N",
            help="a generated organization of about N people instead of the hand-written demo (for load tests)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today: date = options["today"] or clock.today()
        people = options["people"]
        if people is not None and people < 1:
            raise CommandFailed("--people must be at least 1")
        if people is not None:
            self._scaled(scaled_model(people=people, today=today), today, options["export"])
        elif options["export"] is not None:
            self._export(demo_model(today=today), today, options["export"], options["data"])
        else:
            self._load(today, options["data"] or DEFAULT_DATA)
        if options["sign_ins"] and options["export"] is None:
            self._sign_ins()

    def _sign_ins(self) -> None:
        from lodestar.demo.logins import ensure_demo_logins

        self.stdout.write("\nSign in with (new passwords on every run):")
        for login in ensure_demo_logins():
            self.stdout.write(f"  {login.role:<7} {login.email:<32} password: {login.password}")

    def _write_model(self, model: Model, target: Path) -> None:
        try:
            target.write_text(stamped(export_text(model)), encoding="utf-8")
        except OSError as error:
            raise CommandFailed(f"cannot write {target}: {error.strerror}") from None
        self.stderr.write(f"Wrote the demo model to {target}.")

    def _write_data(self, directory: Path, today: date) -> Extract:
        try:
            return write_demo_data(directory=directory, today=today)
        except OSError as error:
            raise CommandFailed(f"cannot write the demo data to {directory}: {error.strerror}") from None

    def _scaled(self, model: Model, today: date, export: Path | None) -> None:
        if export is not None:
            self._write_model(model, export)
            return
        self.database()
        result = import_model(model=model)
        self._loaded(model, today, result.plan.summary())

    def _export(self, model: Model, today: date, target: Path, directory: Path | None) -> None:
        self._write_model(model, target)
        key_results, kpis = bound_counts(model)
        bound = f"{key_results} key results and {kpis} KPIs are bound to metrics"
        if directory is None:
            self.stderr.write(
                f"{bound}: they need the demo's warehouse extract and metrics file (add --data DIR to write "
                f"them), then `lodestar metrics refresh` after `lodestar import {target}`."
            )
            return
        extract = self._write_data(directory, today)
        self.stderr.write(self._extract_line(extract))
        self.stderr.write(
            f"{bound}: after `lodestar import {target}`, give them values with "
            f"LODESTAR_METRICS_FILE={extract.metrics_file} lodestar metrics refresh --as-of {today.isoformat()}"
        )

    def _load(self, today: date, directory: Path) -> None:
        self.database()
        try:
            loaded = load_demo(today=today, directory=directory)
        except OSError as error:
            raise CommandFailed(f"cannot write the demo data to {directory}: {error.strerror}") from None
        except MetricsError as error:
            raise CommandFailed(f"the refresh failed, nothing was loaded: {error}") from None
        self._loaded(loaded.model, today, loaded.imported.plan.summary())
        self._refreshed(loaded)

    def _loaded(self, model: Model, today: date, summary: str) -> None:
        self.stdout.write(
            f"Loaded the demo organization '{model.organization.name}' as of {today.isoformat()}: "
            f"{len(model.units)} units, {len(model.people)} people, {len(model.goals)} goals "
            f"({summary.replace('to ', '')})."
        )

    def _extract_line(self, extract: Extract) -> str:
        files = ", ".join(sorted(extract.files))
        return (
            f"Wrote the warehouse extract ({files}: {extract.leads:,} leads from {extract.start.isoformat()} "
            f"to {(extract.end - timedelta(days=1)).isoformat()}) and its metrics file {extract.metrics_file}."
        )

    def _refreshed(self, loaded: LoadedDemo) -> None:
        self.stdout.write(self._extract_line(loaded.extract))
        self.stdout.write(loaded.refreshed.summary())
        for kept in loaded.refreshed.kept_manual:
            self.stdout.write(
                f"{kept.subject} {kept.date.isoformat()}: kept the manual measurement {kept.manual_value:g} "
                f"(the metric gives {kept.metric_value:g})"
            )
        self.stdout.write(
            f"Refresh later with LODESTAR_METRICS_FILE={loaded.metrics_file} lodestar metrics refresh [--as-of DATE]."
        )
