"""`lodestar survey results ID [--format text|json]`: a role-clarity survey's results.

`lodestar survey send [--as-of DATE] [--dry-run] [--format text|json]`: the invitations and reminders
of the open rounds that are due, each sent once (what the worker's `surveys` job does every hour).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import CommandParser

from lodestar.command import CommandFailed, LodestarCommand, OneLineErrors, dump_json, iso_date
from lodestar.lib.index import ModelIndex
from lodestar.lib.terminal import printable
from lodestar.scoring.surveys import SurveyResults, results_json, survey_results
from lodestar.store.load import NoModel, load_model
from lodestar.surveys.invitations import send_survey_mails, survey_mails_text

NONE = "-"
EXIT_NOT_SENT = 1


def _share(value: float | None) -> str:
    return NONE if value is None else f"{value:.0%}"


def _mean(value: float | None) -> str:
    return NONE if value is None else f"{value:.2f}"


def results_text(results: SurveyResults, index: ModelIndex, task_names: dict[str, str]) -> list[str]:
    """The results as lines of text: the figures of the JSON, with names, `-` where a figure is withheld."""
    survey = results.survey
    rate = f" ({results.responses / results.invited:.0%})" if results.invited else ""
    lines = [
        f"Survey {printable(survey.id)}: {printable(survey.name)}, "
        f"{survey.opens.isoformat()} to {survey.closes.isoformat()} (figures from {survey.group} answers on)",
        f"Invited {results.invited}, responses {results.responses}{rate}.",
        "Clarity (mean of 1-5): "
        + ", ".join(f"{question.replace('_', ' ')} {_mean(value)}" for question, value in results.clarity.items()),
        "",
        "Tasks: answers, accountable agreement, don't know, consensus, responsible agreement",
    ]
    width = max((len(printable(task_names.get(t.task, t.task))) for t in results.tasks), default=4)
    for t in results.tasks:
        name = printable(task_names.get(t.task, t.task))
        lines.append(
            f"  {name:<{width}}  {t.answers:>4}  {_share(t.accountable_agreement):>5}  {_share(t.dont_know):>5}"
            f"  {_share(t.consensus):>5}  {_mean(t.responsible_agreement):>5}"
        )
    if not results.tasks:
        lines.append("  (no task asked)")
    lines += ["", "Units: responses, clarity (own role, neighbours, mission), accountable agreement"]
    for u in results.units:
        name = printable(index.name(u.unit) or u.unit)
        if u.clarity is None:
            lines.append(f"  {name}: {u.responses}, too few to show (fewer than {survey.group})")
        else:
            clarity = ", ".join(_mean(value) for value in u.clarity.values())
            lines.append(f"  {name}: {u.responses}, {clarity}, {_share(u.accountable_agreement)}")
    if not results.units:
        lines.append("  (no responses yet)")
    return lines


class Command(LodestarCommand):
    help = (
        "Role-clarity surveys: show a round's results (survey results ID), or send the invitations and "
        "reminders due (survey send)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(
            dest="subcommand", metavar="SUBCOMMAND", required=True, parser_class=OneLineErrors
        )
        results = commands.add_parser("results", help="the results of one survey", description="a survey's results")
        results.add_argument("survey", metavar="ID", help="the survey's id")
        results.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        send = commands.add_parser(
            "send",
            help="send the survey invitations and reminders due",
            description=(
                "Send each open round's invitations (to everyone invited with an e-mail who has not answered) "
                "and, from 3 days before it closes, its one reminder to those who still have not answered. "
                "Each e-mail goes out once. Exit 0 when all were sent, 1 when some could not be, 2 on errors."
            ),
        )
        send.add_argument("--as-of", type=iso_date, default=None, help="judge as of this date (default: today)")
        send.add_argument("--dry-run", action="store_true", help="show what would be sent; send and record nothing")
        send.add_argument("--format", choices=("text", "json"), default="text", help="output format")

    def handle(self, *args: Any, **options: Any) -> None:
        self.database()
        if options["subcommand"] == "send":
            self._send(options)
            return
        try:
            model = load_model()
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        survey = next((s for s in model.surveys if s.id == options["survey"]), None)
        if survey is None:
            known = ", ".join(s.id for s in model.surveys) or "none"
            raise CommandFailed(f"no survey {printable(options['survey'])!r} (surveys: {printable(known)})")
        results = survey_results(survey, model)
        if options["format"] == "json":
            self.stdout.write(dump_json(results_json(results), pretty=self.stdout.isatty()))
            return
        names = {task.id: task.name for task in model.tasks}
        self.stdout.write("\n".join(results_text(results, ModelIndex(model), names)))

    def _send(self, options: dict[str, Any]) -> None:
        try:
            run = send_survey_mails(options["as_of"], dry_run=options["dry_run"])
        except NoModel as error:
            raise CommandFailed(str(error)) from None
        if options["format"] == "json":
            self.stdout.write(dump_json(run.as_json(), pretty=self.stdout.isatty()))
        else:
            self.stdout.write(survey_mails_text(run))
        for failure in run.failed:
            self.stderr.write(f"error: the survey e-mail to {failure.email} was not sent: {failure.reason}")
        self.exit_code = EXIT_NOT_SENT if run.failed else 0
