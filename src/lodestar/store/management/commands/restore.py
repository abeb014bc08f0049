"""lodestar restore --list | lodestar restore ID"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, dump_json
from lodestar.lib.terminal import printable
from lodestar.store.restore import KEPT, describe_counts, list_restore_points
from lodestar.store.service import restore_model


class Command(LodestarCommand):
    help = (
        "List the restore points (--list) or return to one (ID) in one transaction. Every import and restore "
        f"keeps the model it replaces as a restore point first. The last {KEPT} restore points are kept."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("id", nargs="?", type=int, help="the restore point to return to (see --list)")
        parser.add_argument("--list", action="store_true", help="list the restore points, newest first")
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format of --list")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        if options["list"] == (options["id"] is not None):
            raise CommandFailed("name a restore point to return to, or --list to see them")
        if options["list"]:
            self._list(as_json=options["format"] == "json")
            return
        restored = restore_model(point_id=options["id"])
        point = restored.point
        self.stdout.write(
            f"Restored restore point {point.pk} ({printable(point.reason)}, {point.at:%Y-%m-%d %H:%M:%S} UTC): "
            f"{restored.plan.summary().replace('to ', '')}."
        )
        if restored.kept is not None:
            self.stdout.write(f"The model it replaced is kept as restore point {restored.kept.pk}.")

    def _list(self, *, as_json: bool) -> None:
        points = list_restore_points()
        if as_json:
            listed = [
                {"id": p.pk, "at": p.at.isoformat(), "reason": p.reason, "by": p.actor, "counts": p.counts}
                for p in points
            ]
            self.stdout.write(dump_json({"kept": KEPT, "restore_points": listed}))
            return
        rows = [
            (str(p.pk), f"{p.at:%Y-%m-%d %H:%M:%S}", printable(p.reason), printable(p.actor), describe_counts(p.counts))
            for p in points
        ]
        header = ("id", "time (UTC)", "reason", "who", "what it holds")
        widths = [max(len(row[column]) for row in [header, *rows]) for column in range(len(header) - 1)]
        for row in [header, *rows]:
            self.stdout.write(
                "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
            )
        if not rows:
            self.stdout.write("No restore points yet: the first import over a stored model keeps one.")
        self.stdout.write(f"The last {KEPT} restore points are kept.")
