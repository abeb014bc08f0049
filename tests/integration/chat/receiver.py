"""A real HTTP server on loopback that records what is posted to it, as a chat service's webhook would."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class Received:
    path: str
    content_type: str
    body: Any


@dataclass
class Receiver:
    """The server's port and every request it received; paths under /broken/ answer 500."""

    port: int
    requests: list[Received] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"json://127.0.0.1:{self.port}{path}"


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    received: list[Received] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            received.append(Received(self.path, self.headers.get("Content-Type", ""), json.loads(body or b"null")))
            self.send_response(500 if self.path.startswith("/broken/") else 200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Receiver(port=server.server_address[1], requests=received)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
