"""An admin imports a file, sees the plan field by field, and returns to the restore point it kept."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from lodestar.org.models import Organization
from tests.browser.conftest import Visit

pytestmark = pytest.mark.browser

RENAMED = """lodestar: 1
organization: {name: Renamed Ltd}
units: [{id: company, name: Renamed Ltd, kind: company}]
"""


def test_an_admin_imports_a_file_and_restores_the_model_it_replaced(visit: Visit, tmp_path: Path) -> None:
    upload = tmp_path / "renamed.yaml"
    upload.write_text(RENAMED, encoding="utf-8")
    visit.sign_in("admin@example.com")
    visit.page.goto("/admin/import/")
    visit.page.get_by_label("Model file (YAML)").set_input_files(str(upload))
    visit.page.get_by_role("button", name="Upload and plan").click()
    expect(visit.page.get_by_text('organization.name: "Example Valves Ltd" → "Renamed Ltd"')).to_be_visible()
    expect(visit.page.get_by_text("Warning: this import removes 3 measurements and 1 check-in.")).to_be_visible()
    visit.page.get_by_role("button", name="Apply import").click()
    expect(visit.page.get_by_role("status")).to_contain_text("Imported:")

    visit.page.get_by_role("link", name="Restore…").click()
    expect(visit.page.get_by_role("heading", level=1)).to_contain_text("Restore point #")
    expect(visit.page.get_by_text('organization.name: "Renamed Ltd" → "Example Valves Ltd"')).to_be_visible()
    visit.page.get_by_role("button", name="Restore this point").click()

    expect(visit.page.get_by_role("status")).to_contain_text("Restored restore point #")
    assert Organization.objects.get().name == "Example Valves Ltd"
    expect(visit.page.locator(".restore-points tbody tr")).to_have_count(2)
    assert visit.console_errors == []
    assert visit.foreign_requests() == []
