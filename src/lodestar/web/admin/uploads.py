"""Uploaded model files between plan and apply: in a private directory, gone after apply or an hour.

The directory (`IMPORT_UPLOAD_DIR`) is made for this user only (0700) and each file is written
readable by this user only (0600), so that a model file, which names every person, is not left
readable by others on the server. Every upload first removes the uploads older than an hour.
"""

from __future__ import annotations

import os
import secrets
import stat
import time
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy

from lodestar.lib.errors import NotFound

EXPIRES_AFTER = 3600  # seconds
EXPIRED = gettext_lazy("that upload has expired; upload the file again")


class UnsafeUploadDirectory(RuntimeError):
    """The upload directory is not this user's own directory; nothing is written into it."""


def _directory() -> Path:
    """The private directory, made if needed and made private if it was not."""
    directory = Path(settings.IMPORT_UPLOAD_DIR)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    found = directory.lstat()
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        raise UnsafeUploadDirectory(f"{directory} is not a directory of this user's; set LODESTAR_UPLOAD_DIR")
    if stat.S_IMODE(found.st_mode) != 0o700:
        directory.chmod(0o700)
    return directory


def _expired(path: Path) -> bool:
    return time.time() - path.stat().st_mtime > EXPIRES_AFTER


def _sweep(directory: Path) -> None:
    for path in directory.glob("*.yaml"):
        try:
            if _expired(path):
                path.unlink(missing_ok=True)
        except FileNotFoundError:  # applied or swept by another worker meanwhile
            continue


def keep_upload(data: bytes) -> str:
    """Keep an uploaded file until it is applied (or an hour has passed); returns its key."""
    directory = _directory()
    _sweep(directory)
    key = secrets.token_hex(16)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(directory / f"{key}.yaml", flags, 0o600)
    with os.fdopen(descriptor, "wb") as kept:
        os.fchmod(kept.fileno(), 0o600)  # whatever the umask
        kept.write(data)
    return key


def upload_path(key: str) -> Path:
    """The kept file of `key`. Raises NotFound when there is none or it has expired (then it is removed)."""
    if not (len(key) == 32 and key.isascii() and key.isalnum()):
        raise NotFound(str(EXPIRED))
    path = Path(settings.IMPORT_UPLOAD_DIR) / f"{key}.yaml"
    try:
        if _expired(path):
            path.unlink(missing_ok=True)
            raise NotFound(str(EXPIRED))
    except FileNotFoundError:
        raise NotFound(str(EXPIRED)) from None
    return path


def discard_upload(key: str) -> None:
    """Remove a kept file (after it was applied, or could not be)."""
    if len(key) == 32 and key.isascii() and key.isalnum():
        (Path(settings.IMPORT_UPLOAD_DIR) / f"{key}.yaml").unlink(missing_ok=True)
