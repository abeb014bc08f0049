"""The scored snapshot, built once per revision of the stored model and as-of date, and shared.

A request reads the model's revision (one query, `store/revision.py`) and looks for the snapshot
of (revision, as-of date) in three places, nearest first:

1. this process's memory: the last few snapshots, as they are, so that a hit costs nothing
   however large the organization (Django's caches pickle what they hold, and unpickling ten
   thousand goals on every request would cost time in proportion to the organization);
2. Django's cache, when it is shared between processes (`LODESTAR_CACHE_URL=redis://…`): one
   worker builds, the others unpickle once per revision. The local-memory cache, the default,
   is skipped here: it would only hold a pickled copy of what layer 1 holds as it is;
3. otherwise the snapshot is built from the store and put in both.

A write moves the revision in its own transaction, so the first request after it, in any
worker, misses and builds anew: no worker answers from a snapshot older than the revision it
read. A snapshot taken inside a transaction that has written is built and not cached, since it
shows a state no one else sees yet.

Callers treat a snapshot as read-only: it is shared by every request of the revision.
"""

from __future__ import annotations

import logging
import pickle
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from redis.exceptions import RedisError

import lodestar
from lodestar.store.revision import Revision, current_revision, wrote_in_this_transaction

T = TypeVar("T")
LOCAL_ENTRIES = 4
# A shared entry outlives its revision for at most this long; a newer revision never reads it.
SHARED_SECONDS = 3600
UNREADABLE = (pickle.UnpicklingError, AttributeError, EOFError, ImportError, IndexError, TypeError, ValueError)

logger = logging.getLogger(__name__)
_local: OrderedDict[tuple[str, date], tuple[int, Any]] = OrderedDict()
_lock = threading.Lock()


def shared_key(revision: Revision, as_of: date) -> str:
    # The release is part of the key: another release may shape a snapshot differently.
    return f"snapshot:{lodestar.__version__}:{revision.token}:{as_of.isoformat()}"


def _shared() -> Any:
    cache = caches["default"]
    return None if isinstance(cache, LocMemCache) else cache


def cached_snapshot(as_of: date, build: Callable[[], T]) -> T:
    """The snapshot of the current revision as of `as_of`, from a cache or from `build` (and kept)."""
    if wrote_in_this_transaction(connection):
        return build()
    revision = current_revision(connection)
    if revision is None:
        return build()
    key = (revision.token, as_of)
    with _lock:
        found = _local.get(key)
        if found is not None:
            _local.move_to_end(key)
            return found[1]  # type: ignore[no-any-return] # what `build` gave for this key
    shared = _shared()
    snapshot = _read_shared(shared, revision, as_of) if shared is not None else None
    if snapshot is None:
        snapshot = build()
        if shared is not None:
            _write_shared(shared, revision, as_of, snapshot)
    _remember(revision, key, snapshot)
    return snapshot


def _read_shared(shared: Any, revision: Revision, as_of: date) -> Any:
    try:
        return shared.get(shared_key(revision, as_of))
    except RedisError as error:
        logger.warning("the shared cache is unreachable, building the snapshot here: %s", error)
    except UNREADABLE as error:
        logger.warning("a cached snapshot could not be read, building it anew: %s", error)
    return None


def _write_shared(shared: Any, revision: Revision, as_of: date, snapshot: object) -> None:
    try:
        shared.set(shared_key(revision, as_of), snapshot, SHARED_SECONDS)
    except RedisError as error:
        logger.warning("the shared cache is unreachable, the snapshot stays in this process: %s", error)


def _remember(revision: Revision, key: tuple[str, date], snapshot: object) -> None:
    """Keep the snapshot; older revisions go, since no request asks for them again."""
    with _lock:
        for other in [k for k, (number, _) in _local.items() if number < revision.number]:
            del _local[other]
        _local[key] = (revision.number, snapshot)
        while len(_local) > LOCAL_ENTRIES:
            _local.popitem(last=False)


def forget_snapshots() -> None:
    """Empty this process's snapshots (tests start from a cold cache with it)."""
    with _lock:
        _local.clear()
