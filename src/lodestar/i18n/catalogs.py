"""Compile the translation catalogs (`.po` to `.mo`) with Babel, so that an install needs no GNU gettext.

`python -m lodestar.i18n.catalogs` compiles every catalog under the package's `locale` directories
whose `.mo` is missing or older than its `.po`. Translators edit the `.po` files (docs/translating.md).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

PACKAGE = Path(__file__).resolve().parent.parent


def catalogs() -> list[Path]:
    """Every `.po` catalog of the package, in path order."""
    return sorted(PACKAGE.glob("**/locale/*/LC_MESSAGES/*.po"))


def compile_catalog(po: Path) -> Path:
    """Write `po`'s `.mo` beside it (fuzzy entries left out, as gettext does); return its path."""
    mo = po.with_suffix(".mo")
    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parent.parent.name)
    with mo.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)
    return mo


def compile_all(*, force: bool = False) -> list[Path]:
    """Compile the catalogs whose `.mo` is missing or older than the `.po`; return those written."""
    written = []
    for po in catalogs():
        mo = po.with_suffix(".mo")
        if force or not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            written.append(compile_catalog(po))
    return written


def main() -> None:
    written = compile_all(force="--force" in sys.argv[1:])
    print(
        f"Compiled {len(written)} translation catalog{'' if len(written) == 1 else 's'}."
        if written
        else "The translation catalogs are up to date."
    )


if __name__ == "__main__":
    main()
