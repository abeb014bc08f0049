"""Spark as a warehouse: a session at a master (`local[2]`, `spark://host:7077`) or a Spark Connect server (`sc://host:15002`).

PySpark is an optional install (`pip install 'lodestar[spark]'`) and needs Java for a master's
session. Starting a session takes seconds, so one session is kept for the process and every
connection of a metrics file shares it; closing a connection leaves it up. Files named under
`warehouse.tables` become temporary views of that session, replaced on each connection.
"""

from __future__ import annotations

import re
import warnings
from typing import Any

from lodestar.metrics.errors import EngineError

# A Spark master (local, local[N], local[*], local[N,F], spark://…, yarn, k8s://…) or Spark Connect (sc://…).
MASTER_URL = re.compile(r"^(local(\[(\d+|\*)(,\d+)?\])?|spark://\S+|yarn|k8s://\S+|mesos://\S+)$")
CONNECT_URL = re.compile(r"^sc://\S+$")
APP_NAME = "lodestar"


def is_spark_url(url: str) -> bool:
    """Return whether the url names a Spark master or a Spark Connect server."""
    return bool(MASTER_URL.match(url) or CONNECT_URL.match(url))


def is_spark_backend(backend: Any) -> bool:
    """Return whether an ibis backend is the PySpark one (whose session this module keeps)."""
    return getattr(backend, "name", "") == "pyspark"


def _one_line(error: BaseException) -> str:
    lines = [" ".join(line.split()) for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__


def session(url: str) -> Any:
    """Return the process's Spark session at `url`, starting it on first use; raises EngineError."""
    try:
        from pyspark.sql import SparkSession
    except ModuleNotFoundError as error:
        raise EngineError(f"pyspark: PySpark is not installed ({error.name}): pip install 'lodestar[spark]'") from None
    builder: Any = SparkSession.builder
    try:
        if CONNECT_URL.match(url):
            builder = builder.remote(url)
        else:
            builder = (
                builder.master(url)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
            )
        with warnings.catch_warnings():
            # PySpark warns about the pandas version on import; Lodestar reads results through Arrow.
            warnings.filterwarnings(
                "ignore", message="PySpark does not yet fully support pandas", category=FutureWarning
            )
            started = builder.appName(APP_NAME).getOrCreate()
    except ModuleNotFoundError as error:
        raise EngineError(
            f"pyspark: Spark Connect needs its client's packages ({error.name}): pip install 'pyspark[connect]>=4,<5'"
        ) from None
    except Exception as error:
        raise EngineError(f"pyspark: cannot start a Spark session at {url}: {_one_line(error)}") from None
    if not CONNECT_URL.match(url):
        started.sparkContext.setLogLevel("ERROR")
    return started


def connect(url: str) -> Any:
    """Return an ibis PySpark backend on the process's session at `url` (in UTC); raises EngineError."""
    import ibis

    spark_session = session(url)
    try:
        backend = ibis.pyspark.connect(spark_session)
        backend.raw_sql("SET spark.sql.session.timeZone = UTC")
    except Exception as error:
        raise EngineError(f"pyspark: cannot use the Spark session at {url}: {_one_line(error)}") from None
    return backend
