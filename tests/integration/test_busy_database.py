"""A database busy with another write: a 503 that says "try again" on the API and the pages, one line on the CLI.

Another connection holds a write lock (SQLite: `BEGIN IMMEDIATE`; PostgreSQL: `LOCK TABLE`) while
`lodestar serve` and `lodestar import`, told to wait half a second for a lock, try to write. Nothing
is changed, nothing is a 500, and once the lock is gone the same write goes through.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests

from lodestar.lib.database_url import parse_database_url
from lodestar.web.errors import DATABASE_BUSY
from tests.conftest import EXAMPLE
from tests.integration.processes import query, run_lodestar_process, serve_environment, serving

ADMIN = "admin@example.com"
PASSWORD = "a-long-enough-password"
GOAL = "more-leads"


def _waiting_briefly(database_url: str) -> str:
    """The URL with a lock wait of half a second instead of the default."""
    joiner = "&" if "?" in database_url else "?"
    if database_url.startswith("sqlite"):
        return f"{database_url}{joiner}timeout=0.5"
    return f"{database_url}{joiner}options=-c%20lock_timeout%3D500"


@contextmanager
def _write_lock(database_url: str) -> Iterator[None]:
    """Another connection holding a write lock on the goals until the block ends."""
    config = parse_database_url(database_url, base_dir=Path.cwd())
    if config["ENGINE"].endswith("sqlite3"):
        holder = sqlite3.connect(config["NAME"], isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        return
    import psycopg

    with psycopg.connect(database_url.partition("?")[0]) as connection:
        connection.execute("LOCK TABLE goals_goal IN ACCESS EXCLUSIVE MODE")
        try:
            yield
        finally:
            connection.rollback()


@pytest.fixture
def environment(database_url: str, tmp_path: Path) -> dict[str, str]:
    environment = serve_environment(_waiting_briefly(database_url), tmp_path)
    run_lodestar_process(environment, "import", str(EXAMPLE))
    run_lodestar_process(
        environment, "users", "add", ADMIN, "--role", "admin", "--person", "jo", "--password-stdin", stdin=PASSWORD
    )
    return environment


class _Form(HTMLParser):
    """The values a browser would send for the first form with a `title` field: inputs, text areas, selects."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {key: value or "" for key, value in attrs}
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type") not in {"checkbox", "radio", "submit"}:
            self.values.setdefault(name, attributes.get("value", ""))
        elif tag == "input" and name and "checked" in attributes:
            self.values.setdefault(name, attributes.get("value", "on"))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attributes:
            self.values.setdefault(self._select, attributes.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.values.setdefault(name, "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def _form_values(html: str) -> dict[str, str]:
    form = _Form()
    form.feed(html)
    return form.values


def _title(database_url: str) -> str:
    rows = query(database_url, f"SELECT title FROM goals_goal WHERE id = '{GOAL}'")
    return str(rows[0][0])


def test_a_busy_database_answers_503_try_again_on_the_api_and_the_page(
    environment: dict[str, str], database_url: str, tmp_path: Path
) -> None:
    token = run_lodestar_process(environment, "tokens", "create", ADMIN).strip()
    before = _title(database_url)
    with serving(environment, tmp_path) as port:
        base = f"http://127.0.0.1:{port}"
        api = {"Authorization": f"Bearer {token}"}
        version = requests.get(f"{base}/api/v1/goals/{GOAL}", headers=api, timeout=30).json()["version"]
        browser = requests.Session()
        browser.get(f"{base}/sign-in", timeout=30)
        signed_in = browser.post(
            f"{base}/sign-in",
            data={"email": ADMIN, "password": PASSWORD, "csrfmiddlewaretoken": browser.cookies["csrftoken"]},
            headers={"Referer": f"{base}/sign-in"},
            timeout=30,
        )
        assert signed_in.ok
        form = browser.get(f"{base}/goals/{GOAL}/edit", timeout=30)
        assert form.status_code == 200
        edit = {**_form_values(form.text), "title": "Saved while busy"}

        with _write_lock(database_url):
            saved = requests.patch(
                f"{base}/api/v1/goals/{GOAL}", json={"version": version, "title": "Changed"}, headers=api, timeout=30
            )
            page = browser.post(
                f"{base}/goals/{GOAL}/edit", data=edit, headers={"Referer": f"{base}/goals/{GOAL}/edit"}, timeout=30
            )

        assert saved.status_code == 503, saved.text
        assert saved.json() == {"error": DATABASE_BUSY, "details": []}
        assert saved.headers["Retry-After"] == "2"
        assert page.status_code == 503, page.text[:500]
        assert "Database busy" in page.text
        assert "try again in a moment" in page.text
        assert _title(database_url) == before
        again = requests.patch(
            f"{base}/api/v1/goals/{GOAL}", json={"version": version, "title": "Changed"}, headers=api, timeout=30
        )
        assert again.status_code == 200, again.text
    assert _title(database_url) == "Changed"


def test_a_busy_database_is_one_line_on_the_command_line(
    environment: dict[str, str], database_url: str, tmp_path: Path
) -> None:
    changed = tmp_path / "changed.yaml"
    changed.write_text(EXAMPLE.read_text().replace("More qualified leads from the web", "Changed"))
    with _write_lock(database_url):
        done = subprocess.run(
            [sys.executable, "-m", "lodestar.cli", "import", str(changed)],
            capture_output=True,
            text=True,
            env=environment,
            timeout=180,
            check=False,
        )
    assert done.returncode == 2, done.stdout + done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert re.fullmatch(r"error: the database \S+ .*is busy: another write held its lock too long; try again", lines[0])
    assert "cannot reach" not in done.stderr
    assert _title(database_url) == "More qualified leads from the web"
