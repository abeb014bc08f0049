"""Restore points: the model before every import and restore, listed and returned to by `lodestar restore`."""

from __future__ import annotations

import json
from typing import Any

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.models import AuditEntry
from lodestar.store.models import RestorePoint
from lodestar.store.restore import KEPT, keep_restore_point
from tests.conftest import EXAMPLE, RunLodestar

CAST_COUNTS = {"units": 5, "people": 4, "goals": 4, "key_results": 4, "measurements": 3, "check_ins": 1}


def test_an_import_keeps_the_model_it_replaces_as_a_restore_point(lodestar: RunLodestar, org: Any) -> None:
    before = lodestar("export").out

    assert lodestar("import", str(EXAMPLE)).code == 0

    point = RestorePoint.objects.get()
    assert (point.reason, point.actor, point.counts) == ("before import", "command line", CAST_COUNTS)
    assert point.text == before.replace(before.splitlines(keepends=True)[2], "")


def test_an_import_into_an_empty_database_keeps_no_restore_point(lodestar: RunLodestar) -> None:
    assert lodestar("import", str(EXAMPLE)).code == 0

    assert not RestorePoint.objects.exists()


def test_restore_list_shows_id_time_reason_who_and_counts(lodestar: RunLodestar, org: Any) -> None:
    assert lodestar("import", str(EXAMPLE)).code == 0
    point = RestorePoint.objects.get()

    run = lodestar("restore", "--list")

    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["id", "time", "(UTC)", "reason", "who", "what", "it", "holds"]
    assert lines[1].split()[0] == str(point.pk)
    assert f" {point.at:%Y-%m-%d %H:%M:%S} " in lines[1]
    assert "before import" in lines[1]
    assert "command line" in lines[1]
    assert "5 units, 4 people, 4 goals, 4 key results, 3 measurements, 1 check-in" in lines[1]
    assert lines[-1] == f"The last {KEPT} restore points are kept."


def test_restore_list_as_json(lodestar: RunLodestar, org: Any) -> None:
    assert lodestar("import", str(EXAMPLE)).code == 0
    point = RestorePoint.objects.get()

    listed = json.loads(lodestar("restore", "--list", "--format", "json").out)

    assert listed == {
        "kept": KEPT,
        "restore_points": [
            {
                "id": point.pk,
                "at": point.at.isoformat(),
                "reason": "before import",
                "by": "command line",
                "counts": CAST_COUNTS,
            }
        ],
    }


def test_restore_returns_to_the_point_and_keeps_the_model_it_replaces(lodestar: RunLodestar, org: Any) -> None:
    cast_model = lodestar("export").out
    assert lodestar("import", str(EXAMPLE)).code == 0
    example_model = lodestar("export").out
    point = RestorePoint.objects.get()

    run = lodestar("restore", str(point.pk))

    assert run.code == 0, run.err
    assert lodestar("export").out == cast_model
    newest = RestorePoint.objects.order_by("-pk").first()
    assert newest is not None
    assert newest.reason == f"before restoring restore point {point.pk}"
    assert newest.text == example_model.replace(example_model.splitlines(keepends=True)[2], "")
    entry = AuditEntry.objects.filter(action="model.restore").get()
    assert entry.after is not None
    assert entry.after["restore_point"] == point.pk
    assert entry.actor == "command line"


def test_restoring_an_unknown_restore_point_exits_2(lodestar: RunLodestar, org: Any) -> None:
    run = lodestar("restore", "999999")

    assert run.code == 2
    assert "error: no restore point 999999 (the last 50 are kept)" in run.err


def test_a_restore_that_fails_writes_nothing(lodestar: RunLodestar, org: Any) -> None:
    assert lodestar("import", str(EXAMPLE)).code == 0
    before = lodestar("export").out
    point = RestorePoint.objects.get()
    RestorePoint.objects.filter(pk=point.pk).update(text="lodestar: 1\norganization: {name: X}\nunits: []\n")

    run = lodestar("restore", str(point.pk))

    assert run.code == 2
    assert "units: at least one unit (the root) is required" in run.err
    assert lodestar("export").out == before
    assert RestorePoint.objects.count() == 1
    assert not AuditEntry.objects.filter(action="model.restore").exists()


def test_the_last_50_restore_points_are_kept(org: Any) -> None:
    first = keep_restore_point(actor=command_line_actor(), reason="the first")
    for number in range(KEPT):
        keep_restore_point(actor=command_line_actor(), reason=f"number {number}")

    assert KEPT == 50
    assert RestorePoint.objects.count() == 50
    assert first is not None
    assert not RestorePoint.objects.filter(pk=first.pk).exists()
    oldest = RestorePoint.objects.order_by("pk").first()
    assert oldest is not None
    assert oldest.reason == "number 0"


def test_restore_help_says_how_many_are_kept(lodestar: RunLodestar) -> None:
    run = lodestar("help", "restore")

    assert "The last 50 restore points are kept" in run.out
