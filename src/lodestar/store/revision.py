"""The revision of the stored model, moved on by every write in the write's own transaction.

Caches of the scored model (`goals/snapshots.py`) are keyed by it, so a write must never land
without moving it. Rather than asking each write to remember, one execute wrapper on Django's
connection watches every statement: an INSERT, UPDATE or DELETE on a table of a Lodestar app is
followed, in the same transaction, by `UPDATE store_modelrevision SET number = number + 1, token
= <new>`. That covers the ORM's saves, updates and deletes, `bulk_create`, the import's prepared
INSERTs (`store.py`), `write_versioned`, the backup restore and any write added later, whatever
its path, as long as it goes through Django's connection. A write outside any transaction
(autocommit) is wrapped in one together with its bump.

Once per atomic block is enough: the bump registers a marker with `on_commit`; while a marker of
the current block or of a block around it is pending, further statements do not bump again. A
rolled-back block drops its markers with it (Django discards the on-commit callbacks of a
rolled-back savepoint), so the next write bumps anew. A reader inside a transaction that has
written (`wrote_in_this_transaction`) sees a state no other connection sees yet; it neither reads
nor fills the caches.

The tables that record activity around the model rather than the model (`NOT_THE_MODEL`: users,
tokens, sign-ins, the audit log, job runs, sent messages, exports, restore points) do not move
it, so that a sign-in or the worker's bookkeeping does not throw away a scored model.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.db import transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from lodestar.store.models import ModelRevision

NOT_THE_MODEL = frozenset(
    {
        "store.modelrevision",
        "store.exportedrevision",
        "store.restorepoint",
        "accounts.user",
        "accounts.apitoken",
        "accounts.signinattempt",
        "accounts.auditentry",
        "jobs.scheduledrun",
        "metrics.refreshrun",
        "notifications.sentmessage",
    }
)
_WRITE = re.compile(r'\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?(\w+)', re.I)
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
_TABLE = ModelRevision._meta.db_table
_ROW = 1


@dataclass(frozen=True, slots=True)
class Revision:
    """A state of the stored model: how many writes led to it, and the token only this state has."""

    number: int
    token: str


def _bumped() -> None:
    """The on-commit marker of a bump in the current transaction; it does nothing when it runs."""


@cache
def watched_tables() -> frozenset[str]:
    """The tables whose writes move the revision: every table of a Lodestar app outside NOT_THE_MODEL."""
    return frozenset(
        model._meta.db_table
        for config in apps.get_app_configs()
        if config.name.startswith("lodestar.")
        for model in config.get_models(include_auto_created=True)
        if model._meta.label_lower not in NOT_THE_MODEL
    )


def written_table(sql: str) -> str | None:
    """The table an INSERT, UPDATE or DELETE statement writes to; None for any other statement."""
    if not sql.lstrip()[:7].upper().startswith(_WRITES):
        return None
    match = _WRITE.match(sql)
    return match.group(1) if match else None


def moves_the_revision(sql: str) -> bool:
    table = written_table(sql)
    return table is not None and table in watched_tables()


def bump_after_writes(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
    """The execute wrapper: a write to the model is followed by a bump of the revision, in its transaction."""
    if not moves_the_revision(sql):
        return execute(sql, params, many, context)
    connection: BaseDatabaseWrapper = context["connection"]
    if connection.in_atomic_block or not connection.get_autocommit():
        result = execute(sql, params, many, context)
        bump_revision(connection)
        return result
    with transaction.atomic(using=connection.alias):
        result = execute(sql, params, many, context)
        bump_revision(connection)
    return result


def _pending(connection: BaseDatabaseWrapper, savepoints: set[str] | None = None) -> bool:
    """Whether a bump is pending (with `savepoints`: one made in this block or a block around it, which
    stands however this block ends)."""
    # Django keeps (savepoint ids, callback, robust) per callback; the stubs type the tuple as a pair.
    entries: list[tuple[Any, ...]] = list(connection.run_on_commit)
    return any(entry[1] is _bumped and (savepoints is None or entry[0] <= savepoints) for entry in entries)


def wrote_in_this_transaction(connection: BaseDatabaseWrapper) -> bool:
    """Whether the connection's open transaction has written to the model (and not rolled it back)."""
    return connection.in_atomic_block and _pending(connection)


def _table_exists(connection: BaseDatabaseWrapper) -> bool:
    """Whether the revision's table exists yet (not while the migrations that create it wait, or a restore's older schema)."""
    known: bool | None = getattr(connection, "lodestar_revision_table", None)
    if known is None:
        with connection.cursor() as cursor:
            known = _TABLE in connection.introspection.table_names(cursor)
        connection.lodestar_revision_table = known  # type: ignore[attr-defined] # a flag of ours on Django's connection
    return known


def forget_the_schema(**_: Any) -> None:
    """After `migrate`, look again whether the revision's table exists (a post_migrate receiver)."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.lodestar_revision_table = None  # type: ignore[attr-defined] # see _table_exists


def bump_revision(connection: BaseDatabaseWrapper, *, again: bool = False) -> None:
    """Move the revision on, once per atomic block (`again`: even when this block did already)."""
    savepoints = set(connection.savepoint_ids)
    if connection.in_atomic_block and not again and _pending(connection, savepoints):
        return
    if not _table_exists(connection):
        return
    quote = connection.ops.quote_name
    token = secrets.token_hex(16)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(_TABLE)} SET {quote('number')} = {quote('number')} + 1, {quote('token')} = %s "
            f"WHERE {quote('id')} = %s",
            [token, _ROW],
        )
        if cursor.rowcount == 0:
            cursor.execute(
                f"INSERT INTO {quote(_TABLE)} ({quote('id')}, {quote('number')}, {quote('token')}) VALUES (%s, 1, %s)",
                [_ROW, token],
            )
    if connection.in_atomic_block:
        connection.on_commit(_bumped)


def current_revision(connection: BaseDatabaseWrapper) -> Revision | None:
    """The stored model's revision (one query); None before the first write."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('number')}, {quote('token')} FROM {quote(_TABLE)} WHERE {quote('id')} = %s", [_ROW]
        )
        row = cursor.fetchone()
    return Revision(number=row[0], token=row[1]) if row else None


def watch(connection: BaseDatabaseWrapper, **_: Any) -> None:
    """Put the wrapper on a connection (a connection_created receiver); first, so that a wrapper
    another caller pushes and pops around a block stays on top of it."""
    if bump_after_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, bump_after_writes)
