"""The reports' one entry point for the CLI and the web app: a model, a date and a language in, PDF bytes or HTML out.

A report speaks `language` (English unless asked): its words, numbers and dates. The CLI asks with
`lodestar report --language`, the web app with the language of the request.
"""

from __future__ import annotations

from datetime import date

from django.utils import translation

from lodestar.i18n import DEFAULT
from lodestar.lib.model import Model
from lodestar.reports import html, pdf_organization, pdf_unit
from lodestar.reports.content import organization_report, unit_report

PDF_MEDIA_TYPE = "application/pdf"
HTML_MEDIA_TYPE = "text/html; charset=utf-8"


def render_organization_pdf(*, model: Model, as_of: date, language: str = DEFAULT) -> bytes:
    """The multi-page organization report as PDF."""
    with translation.override(language):
        document, _ = pdf_organization.render(organization_report(model, as_of))
    return document


def render_unit_pdf(*, model: Model, unit_id: str, as_of: date, language: str = DEFAULT) -> bytes:
    """The one-page report of a unit: its role card and goals. Raises NotFound for an unknown unit."""
    with translation.override(language):
        return pdf_unit.render(unit_report(model, unit_id, as_of))


def render_organization_html(*, model: Model, as_of: date, language: str = DEFAULT) -> str:
    """The organization report as one self-contained HTML page (inline SVG charts, inline styles)."""
    with translation.override(language):
        return html.render_organization(organization_report(model, as_of))


def render_unit_html(*, model: Model, unit_id: str, as_of: date, language: str = DEFAULT) -> str:
    """The unit report as one self-contained HTML page. Raises NotFound for an unknown unit."""
    with translation.override(language):
        return html.render_unit(unit_report(model, unit_id, as_of))
