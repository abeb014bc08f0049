"""Two `lodestar survey send` processes at once, against one database and one SMTP server: each invitation goes out once.

The database is of the kind this run uses (a SQLite file, or a PostgreSQL database of its own).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.integration.notifications.smtp import SmtpServer, smtp_server  # noqa: F401 - a fixture

PEOPLE = 30
TIMEOUT = 300
AS_OF = "2026-05-04"
BASE_URL = "https://lodestar.example.com"


def crowded_model() -> dict[str, Any]:
    """`PEOPLE` people in one unit, asked by one round open on `AS_OF`."""
    people = [f"p{n:02d}" for n in range(PEOPLE)]
    return {
        "lodestar": 1,
        "organization": {"name": "Crowded Ltd"},
        "units": [{"id": "company", "name": "Crowded Ltd", "kind": "company"}],
        "people": [{"id": p, "name": p.upper(), "unit": "company", "email": f"{p}@example.com"} for p in people],
        "surveys": [
            {
                "id": "clarity",
                "name": "Role clarity",
                "opens": "2026-05-01",
                "closes": "2026-05-20",
                "audience": ["company"],
            }
        ],
    }


def test_two_send_processes_at_once_send_each_invitation_exactly_once(
    database_url: str,
    smtp_server: SmtpServer,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    smtp_server.inbox.pause = 0.02
    environment = {
        **os.environ,
        "LODESTAR_DATABASE_URL": database_url,
        "LODESTAR_EMAIL_URL": smtp_server.url,
        "LODESTAR_BASE_URL": BASE_URL,
    }
    model = tmp_path / "crowded.yaml"
    model.write_text(yaml.safe_dump(crowded_model(), sort_keys=False), encoding="utf-8")
    command = [sys.executable, "-m", "lodestar.cli"]
    imported = subprocess.run(
        [*command, "import", str(model)], env=environment, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    assert imported.returncode == 0, imported.stderr

    send = [*command, "survey", "send", "--as-of", AS_OF, "--format", "json"]
    processes = [
        subprocess.Popen(send, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [process.communicate(timeout=TIMEOUT) for process in processes]

    assert [process.returncode for process in processes] == [0, 0], [err for _, err in outputs]
    sent_by = [[item["person"] for item in json.loads(out)["mails"]] for out, _ in outputs]
    everyone = [f"p{n:02d}" for n in range(PEOPLE)]
    assert sorted(sent_by[0] + sent_by[1]) == everyone  # each sent by one of the two, none by both
    assert smtp_server.inbox.recipients == sorted(f"{p}@example.com" for p in everyone)

    third = subprocess.run(send, env=environment, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert (third.returncode, json.loads(third.stdout)["mails"]) == (0, [])
    assert len(smtp_server.inbox.arrived) == PEOPLE
