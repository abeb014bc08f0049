"""The reports' one entry point for the CLI and the web app: a model, a date and a language in, PDF bytes or HTML out.

A report speaks `language` (English unless asked): its words, numbers and dates. The CLI asks with
`lodestar report --language`, the web app with the language of the request.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from django.utils import translation

from lodestar.i18n import DEFAULT
from lodestar.lib.model import Model
from lodestar.reports import html, pdf_organization, pdf_unit
from lodestar.reports.content import OrganizationReport, organization_report, unit_report
from lodestar.reports.scenarios_section import scenario_section

PDF_MEDIA_TYPE = "application/pdf"
HTML_MEDIA_TYPE = "text/html; charset=utf-8"


def _organization(model: Model, as_of: date, scenarios: list[str] | None) -> OrganizationReport:
    report = organization_report(model, as_of)
    if not scenarios:
        return report
    return dataclasses.replace(report, scenarios=scenario_section(model, scenarios, as_of=as_of))


def render_organization_pdf(
    *, model: Model, as_of: date, language: str = DEFAULT, scenarios: list[str] | None = None
) -> bytes:
    """The multi-page organization report as PDF; with `scenarios`, a section comparing them.

    Raises UnknownScenario for a scenario the model does not have.
    """
    with translation.override(language):
        document, _ = pdf_organization.render(_organization(model, as_of, scenarios))
    return document


def render_unit_pdf(*, model: Model, unit_id: str, as_of: date, language: str = DEFAULT) -> bytes:
    """The one-page report of a unit: its role card and goals. Raises NotFound for an unknown unit."""
    with translation.override(language):
        return pdf_unit.render(unit_report(model, unit_id, as_of))


def render_organization_html(
    *, model: Model, as_of: date, language: str = DEFAULT, scenarios: list[str] | None = None
) -> str:
    """The organization report as one self-contained HTML page (inline SVG charts, inline styles).

    With `scenarios`, a section comparing them; raises UnknownScenario for one the model does not have.
    """
    with translation.override(language):
        return html.render_organization(_organization(model, as_of, scenarios))


def render_unit_html(*, model: Model, unit_id: str, as_of: date, language: str = DEFAULT) -> str:
    """The unit report as one self-contained HTML page. Raises NotFound for an unknown unit."""
    with translation.override(language):
        return html.render_unit(unit_report(model, unit_id, as_of))
