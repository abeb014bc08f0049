"""The reports' one entry point for the CLI and the web app: a model and a date in, PDF bytes or HTML out."""

from __future__ import annotations

from datetime import date

from lodestar.lib.model import Model
from lodestar.reports import html, pdf_organization, pdf_unit
from lodestar.reports.content import organization_report, unit_report

PDF_MEDIA_TYPE = "application/pdf"
HTML_MEDIA_TYPE = "text/html; charset=utf-8"


def render_organization_pdf(*, model: Model, as_of: date) -> bytes:
    """The multi-page organization report as PDF."""
    document, _ = pdf_organization.render(organization_report(model, as_of))
    return document


def render_unit_pdf(*, model: Model, unit_id: str, as_of: date) -> bytes:
    """The one-page report of a unit: its role card and goals. Raises NotFound for an unknown unit."""
    return pdf_unit.render(unit_report(model, unit_id, as_of))


def render_organization_html(*, model: Model, as_of: date) -> str:
    """The organization report as one self-contained HTML page (inline SVG charts, inline styles)."""
    return html.render_organization(organization_report(model, as_of))


def render_unit_html(*, model: Model, unit_id: str, as_of: date) -> str:
    """The unit report as one self-contained HTML page. Raises NotFound for an unknown unit."""
    return html.render_unit(unit_report(model, unit_id, as_of))
