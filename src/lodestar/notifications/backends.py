"""The default e-mail backend: Django's console backend, writing to stderr.

Standard output belongs to the command's own report (`lodestar remind --format json`), so the
messages a demo "sends" go to the terminal beside it, not into it.
"""

from __future__ import annotations

import sys
from typing import Any

from django.core.mail.backends import console


class ConsoleBackend(console.EmailBackend):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream", sys.stderr)
        super().__init__(*args, **kwargs)
