"""The translation catalogs: complete, nothing fuzzy, and in step with the texts the code and templates mark."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from lodestar.i18n import CODES, DEFAULT
from lodestar.i18n.catalogs import PACKAGE, catalogs

TRANSLATED = [code for code in CODES if code != DEFAULT]


def _messages(po: Path) -> dict[tuple[str | None, str], str]:
    with po.open("rb") as source:
        catalog = read_po(source)
    found: dict[tuple[str | None, str], str] = {}
    for message in catalog:
        if not message.id:
            continue
        assert not message.fuzzy, f"{po}: fuzzy entry {message.id!r}"
        key = message.id if isinstance(message.id, str) else message.id[0]
        text = message.string if isinstance(message.string, str) else " ".join(message.string or ())
        found[(message.context, key)] = text
    return found


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_message_of_the_catalog_is_translated_and_none_is_fuzzy(language: str) -> None:
    ours = [po for po in catalogs() if po.parent.parent.name == language]
    assert ours, f"no catalog for {language}"
    for po in ours:
        untranslated = [key for key, text in _messages(po).items() if not text.strip()]
        assert untranslated == [], f"{po}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalog_holds_every_text_the_code_and_templates_mark(language: str, tmp_path: Path) -> None:
    """makemessages over a copy of the package finds no text that the committed catalog lacks."""
    if shutil.which("xgettext") is None:
        message = "GNU gettext (xgettext) is not installed: apt-get install gettext"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    copy = tmp_path / "lodestar"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    done = subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", language, "--no-location", "--no-obsolete"],
        cwd=copy,
        env={
            "DJANGO_SETTINGS_MODULE": "lodestar.settings",
            "LODESTAR_DATABASE_URL": "sqlite:///:memory:",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(tmp_path),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    extracted = _messages(copy / "locale" / language / "LC_MESSAGES" / "django.po")
    committed = _messages(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po")
    missing = sorted(set(extracted) - set(committed), key=str)
    assert missing == [], f"{len(missing)} texts are not in the {language} catalog, e.g. {missing[:5]}"
