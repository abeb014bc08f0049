"""Puts a served store back to one model file, fast: `python model_keeper.py FILE`, with the served database's
`LODESTAR_DATABASE_URL`. Each line it reads imports FILE again (the whole model as in the file, as
`lodestar import FILE` does, without starting a process each time); it answers each with `ok`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    import django

    django.setup()
    from lodestar.store.service import import_model, read_model_file

    path = Path(sys.argv[1])
    for _ in sys.stdin:
        import_model(model=read_model_file(path))
        print("ok", flush=True)


if __name__ == "__main__":
    main()
