"""Imports that know their base: the export's revision stamp and the three-way import it allows.

The scenario of issue 9, finding 1: an admin exports, a member records a check-in, the admin
imports the earlier export. The check-in must still be there afterwards.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from lodestar.modelfile.yaml_io import parse_yaml
from lodestar.org.models import Organization
from lodestar.store.models import ExportedRevision
from lodestar.store.service import export_model
from tests.conftest import EXAMPLE, RunLodestar, WriteModel
from tests.integration.accounts.cast import ApiAs

STAMP = re.compile(r"^revision: sha256:[0-9a-f]{64}$")
CHECK_IN = {"date": "2026-07-15", "confidence": 7, "note": "Two campaigns tracked."}


def export_to(lodestar: RunLodestar, path: Path) -> Path:
    run = lodestar("export", str(path))
    assert run.code == 0, run.err
    return path


def stored(lodestar: RunLodestar) -> dict[str, Any]:
    document: dict[str, Any] = parse_yaml(lodestar("export").out)
    return document


def key_result(document: dict[str, Any], key_result_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(
        kr for goal in document["goals"] for kr in goal["key_results"] if kr["id"] == key_result_id
    )
    return found


def goal(document: dict[str, Any], goal_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(g for g in document["goals"] if g["id"] == goal_id)
    return found


def edited(path: Path, change: Any) -> dict[str, Any]:
    """The model file at `path`, parsed for editing (its revision stays), after `change(document)`."""
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(document)
    return document


def retitle(api_as: ApiAs, name: str, goal_id: str, title: str) -> None:
    client = api_as(name)
    version = client.get(f"/goals/{goal_id}").json()["version"]
    response = client.patch(f"/goals/{goal_id}", {"title": title, "version": version})
    assert response.status_code == 200, response.content


# --- the stamp ---


def test_the_export_carries_the_digest_of_its_text_without_the_revision_line(lodestar: RunLodestar, org: Any) -> None:
    text = lodestar("export").out
    lines = text.splitlines(keepends=True)

    assert lines[1] == "lodestar: 1\n"
    assert STAMP.match(lines[2].rstrip("\n"))
    without = "".join(lines[:2] + lines[3:])
    assert lines[2] == f"revision: sha256:{hashlib.sha256(without.encode('utf-8')).hexdigest()}\n"


def test_the_store_remembers_the_state_it_exported(lodestar: RunLodestar, org: Any) -> None:
    text = lodestar("export").out

    revision = parse_yaml(text)["revision"]
    remembered = ExportedRevision.objects.get(digest=revision)
    assert remembered.text == "".join(line for line in text.splitlines(keepends=True) if not STAMP.match(line.strip()))


def test_a_revision_that_is_not_a_sha256_digest_is_refused_with_its_path(
    lodestar: RunLodestar, write_model: WriteModel, example_document: dict[str, Any]
) -> None:
    example_document["revision"] = "sha256:ABC"

    run = lodestar("import", str(write_model(example_document)))

    assert run.code == 2
    assert "revision: expected `sha256:` and 64 lower-case hexadecimal digits, got the text 'sha256:ABC'" in run.err


def test_export_import_export_keeps_the_stamp_byte_identical_in_a_database_that_never_saw_it(
    lodestar: RunLodestar, tmp_path: Path
) -> None:
    # Exported by another database (a fresh SQLite file, in its own process) ...
    database = tmp_path / "elsewhere.sqlite3"
    environment = {**os.environ, "LODESTAR_DATABASE_URL": f"sqlite:///{database}"}
    for args in (("import", str(EXAMPLE)), ("export", str(tmp_path / "elsewhere.yaml"))):
        done = subprocess.run(
            [sys.executable, "-m", "lodestar.cli", *args],
            env=environment,
            cwd=tmp_path,
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    elsewhere = (tmp_path / "elsewhere.yaml").read_text(encoding="utf-8")

    # ... and imported here, where its revision is unknown.
    run = lodestar("import", str(tmp_path / "elsewhere.yaml"))

    assert run.code == 0, run.err
    assert lodestar("export").out == elsewhere


# --- finding 1: an earlier export keeps what was recorded since ---


def test_importing_an_earlier_export_keeps_a_check_in_a_member_recorded_since(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201

    run = lodestar("import", str(earlier))

    assert run.code == 0, run.err
    assert key_result(stored(lodestar), "tracked-share")["check_ins"] == [{**CHECK_IN, "by": "sam"}]


def test_importing_an_earlier_export_keeps_a_measurement_recorded_since(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    measurement = {"date": "2026-07-15", "value": 55}
    assert api_as("sam").post("/key-results/tracked-share/measurements", measurement).status_code == 201

    assert lodestar("import", str(earlier)).code == 0

    assert key_result(stored(lodestar), "tracked-share")["measurements"] == [measurement]


def test_the_plan_of_an_earlier_export_says_what_it_keeps_and_changes_nothing(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201

    run = lodestar("plan", str(earlier))

    assert run.code == 0, run.err
    assert run.out.splitlines()[:2] == [
        "No changes: the store already has every change the file made since its export.",
        "Kept from the store since the file's export: 1 check-in.",
    ]


# --- both sides changed ---


def test_an_entity_changed_in_the_store_and_in_the_file_is_refused_with_both_values(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    retitle(api_as, "sam", "mkt-analytics", "Measure every campaign weekly")
    document = edited(earlier, lambda d: goal(d, "mkt-analytics").update(title="Measure two campaigns"))

    run = lodestar("import", str(write_model(document)))

    assert run.code == 2
    assert (
        'goals[mkt-analytics].title: the store has "Measure every campaign weekly", '
        'the file has "Measure two campaigns"'
    ) in run.err.splitlines()
    assert "nothing was written" in run.err
    assert goal(stored(lodestar), "mkt-analytics")["title"] == "Measure every campaign weekly"


def test_force_lets_the_file_win_a_conflict(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    retitle(api_as, "sam", "mkt-analytics", "Measure every campaign weekly")
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201
    document = edited(earlier, lambda d: goal(d, "mkt-analytics").update(title="Measure two campaigns"))

    run = lodestar("import", "--force", str(write_model(document)))

    assert run.code == 0, run.err
    after = stored(lodestar)
    assert goal(after, "mkt-analytics")["title"] == "Measure two campaigns"
    assert key_result(after, "tracked-share")["check_ins"] == [{**CHECK_IN, "by": "sam"}]


def test_removing_a_key_result_that_got_a_check_in_since_is_a_conflict(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201
    document = edited(earlier, lambda d: goal(d, "mkt-analytics").update(key_results=[]))

    run = lodestar("import", str(write_model(document)))

    assert run.code == 2
    assert (
        "key_results[tracked-share]: the file removes it, the store has 1 check-in recorded since the export"
        in run.err.splitlines()
    )
    assert key_result(stored(lodestar), "tracked-share")["check_ins"] == [{**CHECK_IN, "by": "sam"}]


# --- one side changed ---


def test_changes_made_on_each_side_are_both_kept(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    retitle(api_as, "sam", "mkt-analytics", "Measure every campaign weekly")
    new_goal = {"id": "webinars", "title": "Run monthly webinars", "owner": "mkt", "period": "fy2026"}
    assert api_as("sam").post("/goals", new_goal).status_code == 201

    def change(document: dict[str, Any]) -> None:
        goal(document, "sales-pipeline")["title"] = "A pipeline sales relies on"
        document["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})

    run = lodestar("import", str(write_model(edited(earlier, change))))

    assert run.code == 0, run.err
    after = stored(lodestar)
    assert goal(after, "mkt-analytics")["title"] == "Measure every campaign weekly"
    assert goal(after, "sales-pipeline")["title"] == "A pipeline sales relies on"
    assert goal(after, "webinars")["title"] == "Run monthly webinars"
    assert [period["id"] for period in after["periods"]] == ["fy2026", "fy2027"]


def test_the_same_change_made_on_both_sides_is_no_conflict(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    retitle(api_as, "sam", "mkt-analytics", "Measure every campaign weekly")
    document = edited(earlier, lambda d: goal(d, "mkt-analytics").update(title="Measure every campaign weekly"))

    run = lodestar("import", str(write_model(document)))

    assert run.code == 0, run.err
    assert goal(stored(lodestar), "mkt-analytics")["title"] == "Measure every campaign weekly"


# --- files without a revision the store knows ---


def test_a_file_with_an_unknown_revision_replaces_the_store_and_the_plan_warns(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    assert api_as("sam").post("/key-results/tracked-share/check-ins", CHECK_IN).status_code == 201
    path = write_model(edited(earlier, lambda d: d.update(revision="sha256:" + "0" * 64)))

    plan = lodestar("plan", str(path))

    assert plan.code == 0, plan.err
    assert "The store did not export this file's revision: it is imported as a file without one." in plan.out
    assert "Warning: this import removes 1 check-in." in plan.out
    assert lodestar("import", str(path)).code == 0
    assert "check_ins" not in key_result(stored(lodestar), "tracked-share")


def test_a_file_without_a_revision_warns_when_it_removes_measurements(
    lodestar: RunLodestar, write_model: WriteModel, example_document: dict[str, Any]
) -> None:
    assert lodestar("import", str(write_model(example_document, name="stored.yaml"))).code == 0
    del example_document["goals"][0]["key_results"][0]["measurements"]

    run = lodestar("plan", str(write_model(example_document)))

    assert "Warning: this import removes 2 measurements." in run.out


def test_the_store_keeps_the_last_50_exported_states(org: Any, tmp_path: Path, lodestar: RunLodestar) -> None:
    first = export_to(lodestar, tmp_path / "first.yaml")
    for number in range(50):
        Organization.objects.update(name=f"Example Valves {number}")
        export_model()

    assert ExportedRevision.objects.count() == 50
    run = lodestar("plan", str(first))
    assert "The store did not export this file's revision" in run.out


def test_plan_and_a_dry_run_of_a_refused_import_exit_2_and_write_nothing(
    lodestar: RunLodestar, api_as: ApiAs, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")
    retitle(api_as, "sam", "mkt-analytics", "Measure every campaign weekly")
    path = write_model(edited(earlier, lambda d: goal(d, "mkt-analytics").update(title="Measure two campaigns")))
    before = lodestar("export").out

    plan = lodestar("plan", str(path))
    dry_run = lodestar("import", "--dry-run", str(path))
    forced = lodestar("import", "--dry-run", "--force", str(path))

    assert (plan.code, dry_run.code, forced.code) == (2, 2, 0)
    assert plan.out == dry_run.out
    assert '  ! goals[mkt-analytics].title: the store has "Measure every campaign weekly", ' in plan.out
    assert 'goals[mkt-analytics].title: "Measure every campaign weekly" → "Measure two campaigns"' in forced.out
    assert lodestar("export").out == before


def test_changes_on_each_side_that_do_not_fit_together_are_refused_with_their_paths(
    lodestar: RunLodestar, org: Any, tmp_path: Path, write_model: WriteModel
) -> None:
    earlier = export_to(lodestar, tmp_path / "earlier.yaml")

    def add_lee(document: dict[str, Any]) -> None:
        del document["revision"]  # a file without revision replaces the store: the store's own change
        document["people"].append({"id": "lee", "name": "Lee Chan", "unit": "it"})

    assert lodestar("import", str(write_model(edited(earlier, add_lee), name="with-lee.yaml"))).code == 0
    without_it = edited(earlier, lambda d: d.update(units=[u for u in d["units"] if u["id"] != "it"]))

    run = lodestar("import", str(write_model(without_it)))

    assert run.code == 2
    assert "people[4].unit: unknown unit 'it'" in run.err
    assert "do not fit together" in run.err
    assert [person["id"] for person in stored(lodestar)["people"]] == ["jo", "sam", "ana", "kim", "lee"]
