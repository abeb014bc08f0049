"""The leadership review section of the organization report as PDF: the mission's scope now and a week earlier."""

from __future__ import annotations

from html import escape
from typing import Any

from django.utils.translation import gettext
from reportlab.platypus import Flowable

from lodestar.i18n.words import status_label
from lodestar.reports.content import OrganizationReport
from lodestar.reports.pdf_kit import CONTENT_WIDTH, Styles, b, p, spacer, table
from lodestar.reports.text import day, heading, review_note


def review(report: OrganizationReport, s: Styles) -> list[Flowable]:
    """The leadership review of the scope: counts and their change, status changes, low confidence, due per team."""
    story: list[Flowable] = [p(heading(9), s.h1)]
    review = report.review
    if review is None or review.period is None or not review.goals:
        return [*story, p(gettext("No goals of the mission's scope in a period yet."), s.body)]
    story.append(p(review_note(report), s.muted))
    rows: list[list[Any]] = [[gettext("Status"), gettext("Now"), gettext("A week earlier"), gettext("Change")]]
    rows += [
        [status_label(item.status), item.now, item.before, item.signed_change]
        for item in review.counts
        if item.now or item.before
    ]
    story.append(table(rows, [CONTENT_WIDTH * 0.4, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2]))
    story += [spacer(6), p(gettext("Changed status this week"), s.h2)]
    if review.status_changes:
        for change in review.status_changes:
            line = f"{b(change.goal.title)} ({escape(report.name(change.goal.owner))}): "
            line += f"{escape(status_label(change.before))} → {escape(status_label(change.now))}"
            story.append(p(line, s.body, markup=True))
    else:
        story.append(p(gettext("No goal changed its status this week."), s.body))
    story += [spacer(6), p(gettext("Low confidence"), s.h2)]
    if review.low_confidence:
        for item in review.low_confidence:
            values = {"confidence": item.check_in.confidence, "day": day(item.check_in.date)}
            said = gettext("confidence %(confidence)s/10 on %(day)s") % values
            note = f": “{escape(item.check_in.note)}”" if item.check_in.note else ""
            line = f"{b(item.key_result.title)} ({escape(item.goal.title)}), {escape(said)}{note}"
            story.append(p(line, s.body, markup=True))
    else:
        story.append(p(gettext("No key result's latest check-in has a confidence of 3 or less."), s.body))
    story += [spacer(6), p(gettext("Check-ins due per team"), s.h2)]
    if review.teams:
        due_rows: list[list[Any]] = [[gettext("Team"), gettext("Due"), gettext("Overdue")]]
        due_rows += [[report.name(team.unit), len(team.due), team.overdue] for team in review.teams]
        story.append(table(due_rows, [CONTENT_WIDTH * 0.6, CONTENT_WIDTH * 0.2, CONTENT_WIDTH * 0.2]))
    else:
        story.append(p(gettext("Every key result of these goals is checked in this cycle."), s.body))
    return story
