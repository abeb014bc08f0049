"""Issue 9, finding 7: a goal title of the longest length allowed (and an older, longer one) still renders."""

from __future__ import annotations

from datetime import date

import pytest

from lodestar.lib.limits import NAME_MAX
from lodestar.lib.model import Goal, Model, Organization, Period, Unit
from lodestar.reports.service import render_organization_pdf, render_unit_pdf
from tests.integration.reports.conftest import AS_OF, pdf_pages


def model_with_a_goal_titled(title: str) -> Model:
    return Model(
        organization=Organization(name="Solo"),
        units=[Unit("solo", "Solo", "company")],
        periods=[Period("p", date(2026, 1, 1), date(2026, 12, 31))],
        goals=[Goal("long", title, "solo", "p")],
    )


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("x" * NAME_MAX, id="one-word-at-the-limit"),
        pytest.param("word " * (NAME_MAX // 5), id="words-at-the-limit"),
        pytest.param("x" * 20_000, id="an-older-title-of-20000-characters"),
    ],
)
def test_the_reports_render_a_goal_with_a_very_long_title(title: str) -> None:
    model = model_with_a_goal_titled(title)

    assert pdf_pages(render_organization_pdf(model=model, as_of=AS_OF))
    assert pdf_pages(render_unit_pdf(model=model, unit_id="solo", as_of=AS_OF))
