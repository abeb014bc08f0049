"""The organization report's section on the role-clarity survey: the latest round closed by the report's date.

It shows what `lodestar survey results` computes (participation, the clarity means, per task the
agreement with the designed RACI, per unit its figures) and nothing more: a figure the results
leave out because fewer than `min_group` answers stand behind it is written "too few answers" or
a dash, never as a number. The PDF and the HTML report take their rows from `survey_section`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from django.utils.translation import gettext, ngettext
from reportlab.platypus import Flowable, KeepTogether

from lodestar.i18n import numbers
from lodestar.lib.index import ModelIndex
from lodestar.lib.model import Model
from lodestar.lib.surveys import AGREEMENT_THRESHOLD, CLARITY_QUESTIONS
from lodestar.reports.charts import STATUS_COLOURS
from lodestar.reports.pdf_kit import CONTENT_WIDTH, Styles, coloured, p, smaller, spacer, table
from lodestar.reports.text import NOTHING, day, heading, percent
from lodestar.scoring.surveys import closed_surveys, survey_results

# The section's number among the report's sections (reports/text.py SECTIONS).
NUMBER = 11


@dataclass(frozen=True, slots=True)
class TaskRow:
    name: str
    accountable: str  # the designed accountable unit's name, or a dash
    answers: str
    agreement: str
    disputed: bool  # below the LS016 threshold
    dont_know: str
    consensus: str
    responsible: str


@dataclass(frozen=True, slots=True)
class UnitRow:
    name: str
    responses: str
    figures: list[str] | None  # own role, neighbours, mission, accountable agreement; None: too few answers


@dataclass(frozen=True, slots=True)
class SurveySection:
    title: str
    note: str
    participation: str
    clarity: list[tuple[str, str]]  # question, mean (or too few answers)
    tasks: list[TaskRow]
    units: list[UnitRow]
    too_few: str  # the words for a unit's figures left out


def clarity_labels() -> dict[str, str]:
    return {
        "own_role": gettext("Own role"),
        "neighbours": gettext("Neighbours' roles"),
        "mission": gettext("The mission"),
    }


def _mean(value: float | None) -> str:
    return NOTHING if value is None else numbers.number(value, decimals=1, fixed=True)


def survey_section(model: Model, as_of: date) -> SurveySection | None:
    """The latest survey round closed on or before `as_of`, as the report shows it; None without one."""
    closed = closed_surveys(model, as_of)
    if not closed:
        return None
    results = survey_results(closed[0], model)
    survey, index = results.survey, ModelIndex(model)
    tasks = {task.id: task for task in model.tasks}
    too_few = gettext("too few answers")
    labels = clarity_labels()
    share = f" ({percent(results.responses / results.invited)})" if results.invited else ""
    participation = ngettext(
        "%(responses)s response from %(invited)s people invited%(share)s.",
        "%(responses)s responses from %(invited)s people invited%(share)s.",
        results.responses,
    ) % {"responses": numbers.count(results.responses), "invited": numbers.count(results.invited), "share": share}
    note = gettext(
        "%(name)s, open from %(opens)s to %(closes)s. A figure is shown only when at least %(group)s answers stand "
        "behind it; a unit with fewer responses shows only their number."
    ) % {"name": survey.name, "opens": day(survey.opens), "closes": day(survey.closes), "group": survey.group}
    task_rows = []
    for figures in results.tasks:
        task = tasks.get(figures.task)
        agreement = figures.accountable_agreement
        task_rows.append(
            TaskRow(
                name=task.name if task else figures.task,
                accountable=index.name(task.accountable) if task and task.accountable else NOTHING,
                answers=numbers.count(figures.answers),
                agreement=percent(agreement),
                disputed=agreement is not None and agreement < AGREEMENT_THRESHOLD,
                dont_know=percent(figures.dont_know),
                consensus=percent(figures.consensus),
                responsible=percent(figures.responsible_agreement),
            )
        )
    units = [
        UnitRow(
            name=index.name(unit.unit),
            responses=numbers.count(unit.responses),
            figures=None
            if unit.clarity is None
            else [*(_mean(unit.clarity[q]) for q in CLARITY_QUESTIONS), percent(unit.accountable_agreement)],
        )
        for unit in results.units
    ]
    return SurveySection(
        title=heading(NUMBER),
        note=note,
        participation=participation,
        clarity=[(labels[q], _mean(results.clarity[q]) if results.clarity[q] is not None else too_few) for q in labels],
        tasks=task_rows,
        units=units,
        too_few=too_few,
    )


def nothing_closed(as_of: date) -> str:
    return gettext("No survey round has closed by %(day)s.") % {"day": day(as_of)}


def task_heads() -> list[str]:
    return [
        gettext("Task"),
        gettext("Designed accountable unit"),
        gettext("Answers"),
        gettext("Agreement (A)"),
        gettext("Don’t know"),
        gettext("Consensus"),
        gettext("Agreement (R)"),
    ]


def unit_heads() -> list[str]:
    labels = clarity_labels()
    return [
        gettext("Unit"),
        gettext("Responses"),
        *(labels[q] for q in CLARITY_QUESTIONS),
        gettext("Agreement (A)"),
    ]


def legend() -> str:
    return gettext(
        "Agreement (A): the share of answers naming the designed accountable unit (red below half: LS016). "
        "Consensus: among the answers naming a unit, the share of the most named one. Agreement (R): how far the "
        "named responsible units match the designed ones (the mean Jaccard similarity). Clarity: the mean from 1 (not "
        "clear at all) to 5 (completely clear). – : fewer answers than the smallest group shown, or no accountable "
        "unit designed."
    )


def pdf(model: Model, as_of: date, s: Styles) -> list[Flowable]:
    """The section as PDF flowables."""
    story: list[Flowable] = [p(heading(NUMBER), s.h1)]
    section = survey_section(model, as_of)
    if section is None:
        return [*story, p(nothing_closed(as_of), s.body)]
    story += [p(section.note, s.muted), spacer(4), p(section.participation, s.body)]
    story.append(p(gettext("Clarity"), s.h2))
    means = [[p(question, s.cell) for question, _ in section.clarity], [p(v, s.h2) for _, v in section.clarity]]
    story.append(table(means, [CONTENT_WIDTH / 3] * 3, header=False, zebra=False))
    red = STATUS_COLOURS["off_track"]
    head = smaller(s.cell_bold, 7)  # the German heads are long words
    rows: list[list[object]] = [[p(h, head) for h in task_heads()]]
    for row in section.tasks:
        agreement = coloured(row.agreement, red) if row.disputed else escape(row.agreement)
        rows.append(
            [
                p(row.name, s.cell),
                p(row.accountable, s.cell),
                p(row.answers, s.cell),
                p(agreement, s.cell, markup=True),
                p(row.dont_know, s.cell),
                p(row.consensus, s.cell),
                p(row.responsible, s.cell),
            ]
        )
    widths = [CONTENT_WIDTH - 394, 80, 50, 80, 48, 56, 80]
    story.append(KeepTogether([p(gettext("Agreement with the design, per task"), s.h2), table(rows, widths)]))
    unit_rows: list[list[object]] = [[p(h, head) for h in unit_heads()]]
    spans: list[tuple[object, ...]] = []
    for r, unit in enumerate(section.units, start=1):
        if unit.figures is None:
            unit_rows.append([p(unit.name, s.cell), p(unit.responses, s.cell), p(section.too_few, s.cell), "", "", ""])
            spans.append(("SPAN", (2, r), (-1, r)))
        else:
            unit_rows.append([p(unit.name, s.cell), p(unit.responses, s.cell), *(p(f, s.cell) for f in unit.figures)])
    unit_widths = [CONTENT_WIDTH - 375, 55, 70, 85, 70, 95]
    story.append(p(gettext("Per respondent unit"), s.h2))
    story += [table(unit_rows, unit_widths, commands=spans), spacer(4), p(legend(), s.muted)]
    return story


def html_context(model: Model, as_of: date) -> dict[str, object]:
    """What `reports/_survey.html` shows."""
    return {
        "heading": heading(NUMBER),
        "section": survey_section(model, as_of),
        "nothing": nothing_closed(as_of),
        "task_heads": task_heads(),
        "unit_heads": unit_heads(),
        "legend": legend(),
    }
