from __future__ import annotations

from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "lodestar.store"
    label = "store"

    def ready(self) -> None:
        from django.db import connections
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from lodestar.store import revision

        # Every connection moves the model's revision with each write (see store/revision.py).
        connection_created.connect(revision.watch, dispatch_uid="lodestar.store.revision.watch")
        post_migrate.connect(revision.forget_the_schema, dispatch_uid="lodestar.store.revision.schema")
        for connection in connections.all(initialized_only=True):
            revision.watch(connection)
