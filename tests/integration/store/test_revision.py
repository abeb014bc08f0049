"""Every write moves the stored model's revision in its own transaction; a rolled-back write does not."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction

from lodestar import purpose
from lodestar.accounts.actor import command_line_actor
from lodestar.backup.restore import restore_backup
from lodestar.backup.service import write_backup
from lodestar.design import services as design
from lodestar.goals import services
from lodestar.goals.models import KeyResult
from lodestar.lib.errors import Conflict
from lodestar.metrics.refresh import refresh
from lodestar.org import services as org
from lodestar.purpose import services as purpose_services
from lodestar.store.restore import list_restore_points
from lodestar.store.revision import Revision, current_revision, written_table
from lodestar.store.service import restore_model
from tests.integration.accounts.cast import AS_OF, MODEL, Cast, import_document
from tests.integration.warehouse import metrics_file  # noqa: F401 - fixture

ACTOR = command_line_actor()


def revision() -> Revision:
    found = current_revision(connection)
    assert found is not None
    return found


def _changed_model() -> dict[str, Any]:
    changed = copy.deepcopy(MODEL)
    changed["goals"][0]["title"] = "Changed by an import"
    changed["periods"].append({"id": "fy2027", "start": "2027-01-01", "end": "2027-12-31"})
    return changed


def _restore_the_point_before() -> None:
    import_document(_changed_model())
    point = list_restore_points()[0]
    before = revision()
    restore_model(point_id=point.id)
    assert revision() != before


def _roll_over() -> None:
    import_document(_changed_model())
    before = revision()
    services.roll_over(actor=ACTOR, source="fy2026", target="fy2027", goal_ids=["ana-campaigns"])
    assert revision() != before


# Each write, done through its service function; `_restore…` and `_roll_over` prepare first and check themselves.
WRITES: dict[str, Callable[[], Any]] = {
    "import": lambda: import_document(_changed_model()),
    "update goal": lambda: services.update_goal(
        actor=ACTOR, goal_id="more-leads", changes={"title": "Renamed"}, version=1
    ),
    "create goal": lambda: services.create_goal(
        actor=ACTOR, document={"id": "new", "title": "New", "owner": "mkt", "period": "fy2026"}
    ),
    "delete goal": lambda: services.delete_goal(actor=ACTOR, goal_id="ana-campaigns"),
    "update key result": lambda: services.update_key_result(
        actor=ACTOR, key_result_id="campaigns", changes={"target": 4}, version=1
    ),
    "record measurement": lambda: services.record_measurement(
        actor=ACTOR, key_result_id="campaigns", document={"date": "2026-07-01", "value": 1}
    ),
    "record check-in": lambda: services.record_check_in(
        actor=ACTOR, key_result_id="campaigns", document={"date": "2026-07-01", "confidence": 7, "by": "ana"}
    ),
    "close goal": lambda: services.close_goal(actor=ACTOR, goal_id="ana-campaigns", score=0.7, date="2026-07-01"),
    "unit cadence": lambda: org.set_unit_cadence(
        actor=ACTOR, unit_id="mkt", cadence={"every": "week", "day": "mon"}, version=1
    ),
    "reminders": lambda: org.set_reminders(actor=ACTOR, person_id="ana", reminders=False),
    "mission": lambda: purpose_services.update_mission(
        actor=ACTOR, changes={"statement": "A new statement."}, version=1
    ),
    "create task": lambda: design.create_task(
        actor=ACTOR,
        document={"id": "t-new", "name": "A new task", "change": "new", "delivery": "central", "responsible": ["mkt"]},
    ),
    "competency level": lambda: (
        design.create_competency(actor=ACTOR, document={"id": "c-new", "name": "Writing"}),
        design.set_person_level(actor=ACTOR, person_id="ana", competency_id="c-new", level=3),
    ),
    "restore point": _restore_the_point_before,
    "roll over": _roll_over,
}


@pytest.mark.parametrize("write", WRITES)
def test_every_kind_of_write_moves_the_revision(cast: Cast, write: str) -> None:
    before = revision()
    WRITES[write]()
    after = revision()
    assert after.number > before.number
    assert after.token != before.token


def test_a_metric_refresh_moves_the_revision(cast: Cast, metrics_file: Path) -> None:  # noqa: F811 - fixture
    # In a block of its own: a write outside one joins the test's transaction, whose one bump stands for all.
    with transaction.atomic():
        KeyResult.objects.filter(id="web-mqls").update(metric={"id": "mqls", "where": {"channel": "web"}})
    before = revision()
    refresh(as_of=AS_OF, definitions_path=metrics_file, actor=ACTOR)
    assert revision().number > before.number


def test_a_write_moves_the_revision_once_however_many_rows_it_writes(cast: Cast) -> None:
    before = revision()
    services.create_goal(
        actor=ACTOR,
        document={
            "id": "new",
            "title": "New",
            "owner": "mkt",
            "period": "fy2026",
            "contributes_to": [{"goal": "more-leads"}],
            "key_results": [{"id": "k1", "title": "One", "target": 1}, {"id": "k2", "title": "Two", "target": 2}],
        },
    )
    assert revision().number == before.number + 1


def test_a_write_refused_as_a_conflict_leaves_the_revision_as_it_was(cast: Cast) -> None:
    before = revision()
    with pytest.raises(Conflict):
        services.update_goal(actor=ACTOR, goal_id="more-leads", changes={"title": "Late"}, version=7)
    assert revision() == before


def test_a_rolled_back_write_leaves_the_revision_and_the_next_write_moves_it(cast: Cast) -> None:
    before = revision()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.update_goal(actor=ACTOR, goal_id="more-leads", changes={"title": "Taken back"}, version=1)
        assert revision().number == before.number + 1
        raise RuntimeError("roll back")
    assert revision() == before
    services.update_goal(actor=ACTOR, goal_id="more-leads", changes={"title": "Kept"}, version=1)
    assert revision().number == before.number + 1
    assert revision().token != before.token


@pytest.mark.django_db(transaction=True)
def test_a_write_outside_any_transaction_moves_the_revision() -> None:
    import_document(MODEL)
    assert not connection.in_atomic_block
    before = revision()
    purpose.models.Mission.objects.update(statement="Written by the ORM alone.")
    assert revision().number == before.number + 1


def test_writes_of_users_sign_ins_and_the_audit_log_leave_the_revision(cast: Cast) -> None:
    before = revision()
    cast.sam.language = "de"
    cast.sam.save()
    assert revision() == before


@pytest.mark.parametrize(
    ("sql", "table"),
    [
        ('INSERT INTO "goals_goal" ("id") VALUES (%s)', "goals_goal"),
        ('  update "goals_goal" SET "title" = %s', "goals_goal"),
        ('DELETE FROM "org_unit" WHERE "id" = %s', "org_unit"),
        ('INSERT OR IGNORE INTO "goals_goaltask" ("goal_id") VALUES (%s)', "goals_goaltask"),
        ('SELECT "id" FROM "goals_goal" FOR UPDATE', None),
        ('SAVEPOINT "s1"', None),
    ],
)
def test_the_table_a_statement_writes_is_read_from_its_start(sql: str, table: str | None) -> None:
    assert written_table(sql) == table


@pytest.mark.django_db(transaction=True)
def test_a_restored_backup_has_a_revision_of_its_own(tmp_path: Path) -> None:
    import_document(MODEL)
    before = revision()
    path = tmp_path / "backup.jsonl.gz"
    write_backup(path=path)
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    assert current_revision(connection) is None
    restore_backup(path=path)
    restored = revision()
    assert restored.token != before.token
