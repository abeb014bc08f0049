"""The demo organization, imported into the test database and read back, for the report tests."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from lodestar.demo.organization import demo_document
from lodestar.lib.model import Model
from lodestar.modelfile.validate import validate_document
from lodestar.store.load import load_model
from lodestar.store.service import import_model

AS_OF = date(2026, 6, 30)


@pytest.fixture(scope="session")
def demo_file_model() -> Model:
    """The demo as a validated model file, before it meets the database."""
    return validate_document(demo_document(AS_OF))


@pytest.fixture
def demo(db: None, demo_file_model: Model) -> Model:
    """The demo as the report sees it: imported, then loaded from the database."""
    import_model(model=demo_file_model)
    return load_model()


def pdf_lines(document: bytes) -> list[list[str]]:
    """The text lines of each page of a PDF."""
    return [page.extract_text().splitlines() for page in PdfReader(io.BytesIO(document)).pages]


def pdf_pages(document: bytes) -> list[str]:
    """The text of each page of a PDF, wrapped lines joined by single spaces."""
    return [" ".join(" ".join(lines).split()) for lines in pdf_lines(document)]
