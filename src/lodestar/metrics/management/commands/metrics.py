"""`lodestar metrics check | values | sql | list | refresh`: metrics over the organization's own data."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from lodestar.command import OneLineErrors, dump_json, iso_date, one_line_errors
from lodestar.lib import clock
from lodestar.lib.terminal import printable, printable_lines
from lodestar.metrics.configuration import ENV_VARIABLE
from lodestar.metrics.definitions import ENGINES, GRAINS
from lodestar.metrics.errors import MetricsError, MetricsFileError
from lodestar.metrics.loader import read_definitions


class Failure(Exception):
    """The command could not run; its lines go to stderr and it exits with 2."""

    def __init__(self, *lines: str) -> None:
        self.lines = list(lines)
        super().__init__("\n".join(lines))


def _where(text: str) -> tuple[str, str]:
    name, separator, value = text.partition("=")
    if not separator or not name:
        raise argparse.ArgumentTypeError(f"{text!r}: write a slice as dimension=value")
    return name.strip(), value


def _number(value: float | None) -> float | int | None:
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class Command(BaseCommand):
    help = "Check, inspect and refresh metrics over the warehouse (check, values, sql, list, refresh)."

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        return one_line_errors(super().create_parser(prog_name, subcommand, **kwargs))

    def add_arguments(self, parser: CommandParser) -> None:
        metrics_help = f"the metrics file (default: ${ENV_VARIABLE})"
        parser.add_argument("--metrics", dest="metrics_file", metavar="FILE", help=metrics_help)
        commands = parser.add_subparsers(
            dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=OneLineErrors
        )

        def sub(name: str, text: str) -> argparse.ArgumentParser:
            command: argparse.ArgumentParser = commands.add_parser(name, help=text, description=text)
            command.add_argument(
                "--metrics", dest="metrics_file", metavar="FILE", default=argparse.SUPPRESS, help=metrics_help
            )
            return command

        sub("check", "Load and validate the metrics file against the warehouse; exit 2 with every error found.")

        values = sub("values", "Print a metric's value per bucket whose first day lies in [--from, --to).")
        values.add_argument("metric", help="the metric id")
        values.add_argument("--grain", choices=GRAINS, default="month", help="bucket size (default: month)")
        values.add_argument(
            "--from", dest="start", type=iso_date, required=True, metavar="DATE", help="first day (inclusive)"
        )
        values.add_argument(
            "--to", dest="end", type=iso_date, required=True, metavar="DATE", help="last day (exclusive)"
        )
        values.add_argument(
            "--where",
            type=_where,
            action="append",
            default=[],
            metavar="DIM=VALUE",
            help="slice by a dimension (repeatable)",
        )
        values.add_argument("--format", choices=("text", "json"), default="text")

        sql = sub("sql", "Print the SQL a metric compiles to for an engine, without connecting anywhere.")
        sql.add_argument("metric", help="the metric id")
        sql.add_argument("--engine", choices=ENGINES, required=True, help="the SQL dialect")
        sql.add_argument("--grain", choices=GRAINS, default="month", help="bucket size (default: month)")
        sql.add_argument(
            "--where",
            type=_where,
            action="append",
            default=[],
            metavar="DIM=VALUE",
            help="slice by a dimension (repeatable)",
        )

        listing = sub("list", "Show every metric with its unit, source and the key results and KPIs bound to it.")
        listing.add_argument("--format", choices=("text", "json"), default="text")

        refresh = sub("refresh", "Write measurements (source metric:<id>) for every bound key result and KPI.")
        refresh.add_argument(
            "--as-of", dest="as_of", type=iso_date, metavar="DATE", help="compute as of this date (default: today)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            subcommand = options["subcommand"]
            path = self._metrics_path(options.get("metrics_file"), refresh=subcommand == "refresh")
            getattr(self, f"_{subcommand}")(path, options)
        except Failure as failure:
            for line in failure.lines:
                self._complain(line)
            raise SystemExit(2) from None
        except MetricsFileError as error:
            for line in error.lines():
                self._complain(line)
            self._complain(f"{len(error.problems)} error{'s' if len(error.problems) != 1 else ''} in {error.path}")
            raise SystemExit(2) from None
        except MetricsError as error:
            for line in str(error).splitlines():
                self._complain(line)
            raise SystemExit(2) from None

    def _say(self, line: str) -> None:
        """Write a line of output; what users or the metrics file wrote cannot carry control characters."""
        self.stdout.write(printable(line))

    def _complain(self, line: str) -> None:
        """Write a line to standard error, made printable like the output."""
        self.stderr.write(printable(line))

    def _metrics_path(self, given: str | None, *, refresh: bool = False) -> Path | None:
        raw = given or os.environ.get(ENV_VARIABLE)
        if not raw and refresh:
            from lodestar.metrics.survey_values import survey_metrics_bound

            if survey_metrics_bound():  # the built-in survey metrics need no file
                return None
        if not raw:
            raise Failure(f"no metrics file: pass --metrics FILE or set {ENV_VARIABLE}")
        return Path(raw)

    def _check(self, path: Path, options: dict[str, Any]) -> None:
        from lodestar.metrics.engine import load

        with load(path) as loaded:
            definitions = loaded.definitions
            self._say(
                f"{path}: OK, {len(definitions.metrics)} metrics over {len(definitions.sources)} sources "
                f"({definitions.warehouse.engine})"
            )

    def _values(self, path: Path, options: dict[str, Any]) -> None:
        from lodestar.metrics.engine import load, values

        if options["start"] >= options["end"]:
            raise Failure("--from must be before --to")
        with load(path) as loaded:
            rows = values(
                loaded,
                options["metric"],
                grain=options["grain"],
                start=options["start"],
                end=options["end"],
                where=dict(options["where"]),
            )
        if options["format"] == "json":
            document = {
                "metric": options["metric"],
                "rows": [{"period": row.period.isoformat(), "value": _number(row.value)} for row in rows],
            }
            self.stdout.write(dump_json(document))
            return
        for row in rows:
            shown = "" if row.value is None else f"{_number(row.value)}"
            self._say(f"{row.period.isoformat()}  {shown}".rstrip())

    def _sql(self, path: Path, options: dict[str, Any]) -> None:
        from lodestar.metrics.engine import compile_sql

        definitions = read_definitions(path)
        self.stdout.write(
            printable_lines(
                compile_sql(
                    definitions,
                    options["metric"],
                    engine=options["engine"],
                    grain=options["grain"],
                    where=dict(options["where"]),
                )
            )
        )

    def _list(self, path: Path, options: dict[str, Any]) -> None:
        from lodestar.metrics.catalog import catalog_json, list_metrics

        entries, dangling = list_metrics(definitions_path=path)
        if options["format"] == "json":
            self.stdout.write(dump_json(catalog_json(entries, dangling)))
            return
        width = max((len(entry.id) for entry in entries), default=0)
        for entry in entries:
            unit = entry.unit or "-"
            self._say(f"{entry.id.ljust(width)}  {entry.type:<7}  {unit:<6}  {', '.join(entry.sources)}")
            self._say(f"{''.ljust(width)}  {entry.definition}")
            for item in entry.bound:
                self._say(f"{''.ljust(width)}  bound: {item.describe()}")
        for line in dangling:
            self._complain(f"not resolved: {line}")

    def _refresh(self, path: Path | None, options: dict[str, Any]) -> None:
        from lodestar.accounts.actor import command_line_actor
        from lodestar.metrics.refresh import refresh

        as_of = options["as_of"] or clock.today()
        report = refresh(as_of=as_of, definitions_path=path, actor=command_line_actor())
        self._say(report.summary())
        for kept in report.kept_manual:
            self._say(
                f"{kept.subject} {kept.date.isoformat()}: kept the manual measurement {_number(kept.manual_value)} "
                f"(the metric gives {_number(kept.metric_value)})"
            )
        if int(options.get("verbosity", 1)) >= 2:
            for item in report.items:
                self._say(f"{item.subject}: {item.measurements} measurements from metric:{item.metric}")
        if report.failed:
            for failed in report.failed:
                self._complain(f"{failed.subject}: {failed.reason}")
            count = len(report.failed)
            self._complain(f"{count} binding{' failed' if count == 1 else 's failed'}; the others were written")
            raise SystemExit(1)
