"""Serving a goal page does not import the warehouse engine (ibis): it takes half a second to import."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

MODEL = """\
lodestar: 1
organization: {name: Small Ltd}
units:
  - {id: company, name: Company, kind: company}
  - {id: ms, name: Marketing & Sales, kind: area, parent: company, lead: boss}
people:
  - {id: boss, name: Boss, unit: ms, email: boss@example.com}
periods:
  - {id: fy, start: "2026-01-01", end: "2026-12-31"}
goals:
  - id: grow
    title: Grow
    owner: ms
    period: fy
    key_results:
      - id: leads
        title: Leads
        baseline: 0
        target: 100
        metric: {id: qualified_leads, where: {channel: web}, grain: week}
        measurements: [{date: "2026-03-01", value: 20}]
      - {id: deals, title: Deals, baseline: 0, target: 10, metric: won_deals}
      - {id: calls, title: Calls, baseline: 0, target: 50}
"""

SET_UP = """\
import django
django.setup()
from django.core.management import call_command
from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
call_command("migrate", verbosity=0)
call_command("import", {model!r}, verbosity=0)
create_user(actor=command_line_actor(), email="admin@example.com", role="admin", password="a long password 1", person_id="boss")
"""

SERVE_GOAL_PAGE = """\
import sys
import django
django.setup()
from django.test import Client
from lodestar.accounts.models import User
client = Client()
client.force_login(User.objects.get(email="admin@example.com"))
response = client.get("/goals/grow/?as_of=2026-06-01")
assert response.status_code == 200, response.status_code
assert b"qualified_leads" in response.content
print("ibis imported:", "ibis" in sys.modules)
"""


def run_python(code: str, database: Path) -> str:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lodestar.settings",
        "LODESTAR_DATABASE_URL": f"sqlite:///{database}",
    }
    environment.pop("LODESTAR_METRICS_FILE", None)
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_serving_a_goal_page_with_metric_bindings_does_not_import_ibis(tmp_path: Path) -> None:
    database = tmp_path / "lodestar.sqlite3"
    model = tmp_path / "model.yaml"
    model.write_text(MODEL, encoding="utf-8")
    run_python(textwrap.dedent(SET_UP.format(model=str(model))), database)
    assert run_python(SERVE_GOAL_PAGE, database).strip() == "ibis imported: False"
