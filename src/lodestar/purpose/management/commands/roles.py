"""lodestar roles"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, dump_json
from lodestar.lib.index import ModelIndex
from lodestar.lib.terminal import printable
from lodestar.lib.vocabulary import DECISION_AREAS
from lodestar.scoring.roles import ARCHETYPE_MEANINGS, roles_json, score_roles
from lodestar.store.load import NoModel, load_model


class Command(LodestarCommand):
    help = "Show role profiles with their scores and nearest archetypes, as-is and target."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        try:
            model = load_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        profiles = score_roles(model)
        if options["format"] == "json":
            self.stdout.write(dump_json(roles_json(profiles), pretty=self.stdout.isatty()))
            return
        if not profiles:
            self.stdout.write("No role profiles yet.")
            return
        index = ModelIndex(model)
        width = max(len(area) for area in DECISION_AREAS) + 1
        for profile in profiles:
            toward = f" toward {printable(index.name(profile.toward))}" if profile.toward else " (all business units)"
            self.stdout.write(f"\n{printable(index.name(profile.unit))}{toward}")
            self.stdout.write(f"  {'':{width}} as-is  target")
            for area in (*DECISION_AREAS, "sales_alignment"):
                self.stdout.write(f"  {area:{width}} {profile.as_is.scores[area]:>5}  {profile.target.scores[area]:>6}")
            for label, state in (("as-is ", profile.as_is), ("target", profile.target)):
                self.stdout.write(f"  {label}: {state.archetype} — {ARCHETYPE_MEANINGS[state.archetype]}")
