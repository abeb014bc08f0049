"""The schema of a backup: the migrations of Lodestar's apps it was written with.

A backup records which migrations of Lodestar's apps its database had applied. Restore reads the
rows with the models as they were at those migrations, so a backup from an older Lodestar restores
into this one: the empty database is first migrated to the backup's state, the rows are loaded,
then the database is migrated to this Lodestar's. A backup naming a migration this Lodestar does
not have comes from a newer one and is refused.
"""

from __future__ import annotations

from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.graph import MigrationGraph
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from lodestar.backup.tables import Model, is_stored, lodestar_app_labels
from lodestar.lib.errors import LodestarError

Migrations = dict[str, tuple[str, ...]]
Node = tuple[str, str]


class SchemaMismatch(LodestarError):
    """The backup's schema, or the database's, is not one this Lodestar knows."""


def applied_migrations() -> Migrations:
    """The migrations of Lodestar's apps that the database has applied, per app, in name order."""
    labels = set(lodestar_app_labels())
    found: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        if app in labels:
            found.setdefault(app, []).append(name)
    return {app: tuple(names) for app, names in found.items()}


def unknown_migrations(migrations: Migrations) -> list[str]:
    """The migrations (`app.name`) that this Lodestar does not ship."""
    graph: MigrationGraph = MigrationLoader(None, ignore_no_migrations=True).graph
    return [f"{app}.{name}" for app, names in migrations.items() for name in names if (app, name) not in graph.nodes]


def require_known(migrations: Migrations, *, what: str) -> None:
    """Raise SchemaMismatch when `what` has migrations that this Lodestar does not ship (a newer Lodestar wrote it)."""
    unknown = unknown_migrations(migrations)
    if unknown:
        more = f" and {len(unknown) - 1} more" if len(unknown) > 1 else ""
        raise SchemaMismatch(
            f"{what} comes from a newer Lodestar: this one does not know its migration {unknown[0]}{more}; "
            "upgrade Lodestar first"
        )


def _last_nodes(graph: MigrationGraph, migrations: Migrations) -> list[Node]:
    """Per app, the applied migration that comes after all the others of that app."""
    last: list[Node] = []
    for app, names in migrations.items():
        nodes = {(app, name) for name in names}
        latest = next((node for node in sorted(nodes) if nodes <= set(graph.forwards_plan(node))), None)
        if latest is None:
            raise SchemaMismatch(f"the migrations of {app} in the backup do not follow one another")
        last.append(latest)
    return last


def models_at(migrations: Migrations) -> dict[str, Model]:
    """Lodestar's stored models as they were after `migrations`, by label (`app.model`)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    state = loader.project_state(nodes=_last_nodes(loader.graph, migrations), at_end=True)
    labels = set(lodestar_app_labels())
    return {
        model._meta.label_lower: model
        for model in state.apps.get_models(include_auto_created=True)
        if model._meta.app_label in labels and is_stored(model)
    }


def migrate_to(migrations: Migrations) -> None:
    """Bring the (empty) database to the schema of `migrations`: Django's apps to their newest, Lodestar's
    to the backup's, and a Lodestar app that the backup does not have to none."""
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    labels = set(lodestar_app_labels())
    targets: list[tuple[str, str | None]] = [node for node in graph.leaf_nodes() if node[0] not in labels]
    targets += _last_nodes(graph, migrations)
    targets += sorted({(node[0], None) for node in graph.nodes if node[0] in labels and node[0] not in migrations})
    plan = executor.migration_plan(targets)
    if plan:
        executor.migrate(targets, plan=plan)


def migrate_to_latest() -> None:
    """Apply this Lodestar's remaining migrations (and create Django's content types and permissions)."""
    call_command("migrate", interactive=False, verbosity=0)
