"""Where the metrics file is: `LODESTAR_METRICS_FILE`, read when it is needed (so a change needs no restart)."""

from __future__ import annotations

import os
from pathlib import Path

from lodestar.lib.errors import NotFound

ENV_VARIABLE = "LODESTAR_METRICS_FILE"


class NotConfigured(NotFound):
    """No metrics file is configured."""


def metrics_file() -> Path:
    """Return the configured metrics file's path; raises NotConfigured when none is set."""
    raw = os.environ.get(ENV_VARIABLE, "").strip()
    if not raw:
        raise NotConfigured(f"no metrics file is configured: set {ENV_VARIABLE} to the path of a metrics file")
    return Path(raw)
