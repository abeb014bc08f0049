"""Two `lodestar serve` on one machine, on two ports, each with its own private control socket.

gunicorn's control socket (what `gunicornc` talks to) would otherwise be one fixed path per
user: the second server would take it over and the first one stopping would remove it.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from gunicorn.ctl.client import ControlClient

from tests.conftest import EXAMPLE

STARTUP = 120.0
SERVE = (sys.executable, "-m", "lodestar.cli", "serve", "--workers", "1", "--skip-collectstatic")
SOCKET_LINE = re.compile(r"control socket (\S+)\)")


@dataclass
class Serve:
    port: int
    process: subprocess.Popen[bytes]
    log: Path

    def control_socket(self) -> Path:
        found = SOCKET_LINE.search(self.log.read_text(encoding="utf-8"))
        assert found, self.log.read_text(encoding="utf-8")
        return Path(found.group(1))

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _healthz(port: int) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status
    finally:
        connection.close()


def _ask(path: Path, command: str) -> dict[str, Any]:
    with ControlClient(str(path), timeout=10) as client:
        answer: dict[str, Any] = client.send_command(command)
        return answer


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    environment = {
        **os.environ,
        "LODESTAR_DATABASE_URL": f"sqlite:///{tmp_path / 'test-d-serve.sqlite3'}",
        "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
        "LODESTAR_DEBUG": "false",
        "LODESTAR_STATIC_ROOT": str(tmp_path / "static"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "lodestar.cli", "import", str(EXAMPLE)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return environment


@pytest.fixture
def start(environment: dict[str, str], tmp_path: Path) -> Iterator[Any]:
    started: list[Serve] = []

    def serve(name: str) -> Serve:
        port = _free_port()
        log = tmp_path / f"{name}.log"
        with log.open("w", encoding="utf-8") as output:
            process = subprocess.Popen(
                [*SERVE, "--port", str(port)],
                env=environment,
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=tmp_path,
            )
        started.append(Serve(port, process, log))
        deadline = time.monotonic() + STARTUP
        while True:
            assert process.poll() is None, log.read_text(encoding="utf-8")
            try:
                if _healthz(port) == 200 and "Control socket listening" in log.read_text(encoding="utf-8"):
                    return started[-1]
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
            time.sleep(0.2)

    yield serve
    for running in started:
        if running.process.poll() is None:
            running.stop()


def test_two_serves_answer_at_once_and_stopping_one_leaves_the_other(start: Any) -> None:
    first, second = start("first"), start("second")
    assert (_healthz(first.port), _healthz(second.port)) == (200, 200)
    sockets = first.control_socket(), second.control_socket()
    assert sockets[0] != sockets[1]
    for serve, path in zip((first, second), sockets, strict=True):
        folder = path.parent.stat()
        assert stat.S_IMODE(folder.st_mode) == 0o700
        assert folder.st_uid == os.getuid()
        assert _ask(path, "show stats")["pid"] == serve.process.pid
        assert str(serve.port) in str(_ask(path, "show listeners"))

    first.stop()
    assert not sockets[0].parent.exists()
    assert _healthz(second.port) == 200
    assert _ask(sockets[1], "show stats")["pid"] == second.process.pid
    second.stop()
    assert not sockets[1].parent.exists()
