"""Reports of unusual models: nearly empty, hostile text, many units, a deep goal tree."""

from __future__ import annotations

from datetime import date
from typing import Any

from lodestar.lib.model import Contribution, Dependency, Goal, Mission, Model, Organization, Period, Task, Unit
from lodestar.modelfile.validate import validate_document
from lodestar.reports.content import GoalSelection, organization_report
from lodestar.reports.service import (
    render_organization_html,
    render_organization_pdf,
    render_unit_html,
    render_unit_pdf,
)
from tests.integration.reports.conftest import AS_OF, pdf_pages

HOSTILE = 'Sales & <b>"Marketing"</b> <script>alert(1)</script>'


def lone_root() -> Model:
    return Model(organization=Organization(name="Solo"), units=[Unit("solo", "Solo", "company")])


def test_a_model_of_only_a_root_unit_renders_every_report() -> None:
    model = lone_root()
    pages = pdf_pages(render_organization_pdf(model=model, as_of=AS_OF))
    text = " ".join(pages)
    assert "No mission has been formulated yet" in text
    assert "The task catalog is empty." in text
    assert "No dependencies between units are recorded." in text
    assert "No goals have been derived yet." in text
    assert len(pdf_pages(render_unit_pdf(model=model, unit_id="solo", as_of=AS_OF))) == 1
    assert "<h1>Solo</h1>" in render_organization_html(model=model, as_of=AS_OF)
    assert "The unit and its people own no goal." in render_unit_html(model=model, unit_id="solo", as_of=AS_OF)


def test_the_spec_example_renders(example_document: dict[str, Any]) -> None:
    model = validate_document(example_document)
    text = " ".join(pdf_pages(render_organization_pdf(model=model, as_of=date(2026, 7, 1))))
    assert "Example Valves Ltd" in text
    assert "More qualified leads from the web" in text
    assert "Measure every campaign" in text


def hostile_model() -> Model:
    return Model(
        organization=Organization(name=HOSTILE),
        units=[Unit("co", HOSTILE, "company", purpose=HOSTILE), Unit("ms", "M&S <area>", "area", parent="co")],
        mission=Mission(statement=HOSTILE, scope="ms", principles=[HOSTILE]),
        tasks=[Task("t", HOSTILE, "new", "central", responsible=["ms"], accountable="co")],
        dependencies=[Dependency("ms", "co", HOSTILE, "data", 1, 3)],
        periods=[Period("p", date(2026, 1, 1), date(2026, 12, 31))],
        goals=[Goal("g", HOSTILE, "ms", "p", tasks=["t"])],
    )


def test_model_text_is_escaped_in_html() -> None:
    html = render_organization_html(model=hostile_model(), as_of=AS_OF)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>&quot;Marketing&quot;</b>" not in html
    unit_html = render_unit_html(model=hostile_model(), unit_id="ms", as_of=AS_OF)
    assert "<script>" not in unit_html and "M&amp;S &lt;area&gt;" in unit_html


def test_model_text_appears_literally_in_the_pdf() -> None:
    pages = pdf_pages(render_organization_pdf(model=hostile_model(), as_of=AS_OF))
    assert 'Sales & <b>"Marketing"</b> <script>alert(1)</script>' in " ".join(pages)
    (page,) = pdf_pages(render_unit_pdf(model=hostile_model(), unit_id="ms", as_of=AS_OF))
    assert "M&S <area>" in page


def many_units(count: int) -> Model:
    units = [Unit("co", "Co", "company"), Unit("ms", "Marketing & Sales", "area", parent="co")]
    units += [Unit(f"d{i}", f"Department {i}", "department", parent="ms") for i in range(count)]
    units += [Unit(f"x{i}", f"Adjacent {i}", "adjacent", parent="co") for i in range(count // 2)]
    tasks = [
        Task(f"t{i}", f"Task {i}", "keep", "central", responsible=[f"d{i}"], accountable="ms", informed=[f"x{i // 2}"])
        for i in range(count)
    ]
    dependencies = [Dependency(f"d{i}", f"x{i // 2}", "data", "data", 1, 3) for i in range(count)]
    return Model(organization=Organization(name="Wide"), units=units, tasks=tasks, dependencies=dependencies)


def test_a_raci_matrix_wider_than_a_page_is_split_into_parts() -> None:
    text = " ".join(pdf_pages(render_organization_pdf(model=many_units(40), as_of=AS_OF)))
    assert "(part 1 of 3)" in text and "(part 3 of 3)" in text
    assert "Department 39" in text and "Adjacent 19" in text


def test_a_narrow_raci_matrix_stays_one_table() -> None:
    text = " ".join(pdf_pages(render_organization_pdf(model=many_units(8), as_of=AS_OF)))
    assert "(part 1 of" not in text


def test_a_deep_goal_tree_is_cut_to_the_levels_that_fit() -> None:
    model = organization_report(many_units(2), AS_OF).model
    model.periods = [Period("p", date(2026, 1, 1), date(2026, 12, 31))]
    model.goals = [Goal("top", "Top", "ms", "p")]
    model.goals += [Goal(f"a{i}", f"A {i}", "ms", "p", contributes_to=[Contribution("top")]) for i in range(10)]
    model.goals += [Goal(f"b{i}", f"B {i}", "ms", "p", contributes_to=[Contribution(f"a{i % 10}")]) for i in range(200)]
    selection = organization_report(model, AS_OF).goals
    assert selection.depth_shown == 1
    assert len(selection.lines) == 11
    assert selection.deeper == 200
    small = GoalSelection.within(selection.lines, 0)
    assert small.deeper == 0 and small.depth_shown is None
