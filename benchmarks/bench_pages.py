"""Page timings of the dashboard, the alignment view and a goal page at two organization sizes.

Each page is rendered in-process through Django's test client (no network), signed in as an
admin, against a generated organization of `--people` people and one four times as large;
the median of `--repeat` renders is shown side by side with the SQL query count, which must
not grow with the organization.

Run: .venv/bin/python benchmarks/bench_pages.py [--people 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

PAGES = [("dashboard", "/"), ("alignment view", "/goals/"), ("goal page", "/goals/{goal}/")]
API = [("API status", "/api/v1/status")]


def setup(database: Path) -> None:
    os.environ["LODESTAR_DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["LODESTAR_MAX_MODEL_FILE_BYTES"] = str(1 << 30)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lodestar.settings")
    import django

    django.setup()
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    from lodestar.database import ensure_database

    ensure_database()


def load(people: int) -> str:
    """Import an organization of about `people` people; returns a goal with contributors to show."""
    from lodestar.demo.scaled import scaled_document
    from lodestar.modelfile.validate import validate_document
    from lodestar.store.service import import_model

    document = scaled_document(people=people, today=date.today())
    import_model(model=validate_document(document))
    goal_id: str = next(g["id"] for g in document["goals"] if g["id"].startswith("g-d"))
    return goal_id


def measure(
    paths: list[tuple[str, str]], repeat: int, headers: dict[str, str] | None = None
) -> dict[str, tuple[float, int]]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from lodestar.accounts.models import User

    client = Client()
    if headers is None:
        client.force_login(User.objects.get(email="bench@example.com"))
    results = {}
    for name, path in paths:
        client.get(path, headers=headers or {})  # warm-up
        samples = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path, headers=headers or {})
                samples.append(time.perf_counter() - start)
            if response.status_code != 200:
                raise SystemExit(f"{path}: HTTP {response.status_code}")
        results[name] = (statistics.median(samples) * 1000, len(queries))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500, help="people in the smaller organization (default 500)")
    parser.add_argument("--repeat", type=int, default=5, help="renders per page (median shown)")
    options, _ = parser.parse_known_args()
    sizes = [options.people, options.people * 4]
    with tempfile.TemporaryDirectory(prefix="lodestar-bench-pages-") as folder:
        setup(Path(folder) / "bench.sqlite3")
        from lodestar.accounts.actor import command_line_actor
        from lodestar.accounts.services import create_user
        from lodestar.accounts.tokens import create_token

        actor = command_line_actor()
        create_user(actor=actor, email="bench@example.com", role="admin", password="bench-password", person_id=None)
        token = create_token(actor=actor, email="bench@example.com")[1]
        columns = []
        for people in sizes:
            goal = load(people)
            from lodestar.goals.models import Goal

            count = Goal.objects.count()
            pages = [(name, path.format(goal=goal)) for name, path in PAGES]
            results = measure(pages, options.repeat)
            results.update(measure(API, options.repeat, headers={"Authorization": f"Bearer {token}"}))
            columns.append((people, count, results))
    (small_people, small_goals, small), (large_people, large_goals, large) = columns
    head_small, head_large = f"{small_people} people/{small_goals} goals", f"{large_people} people/{large_goals} goals"
    print(f"{'page':<16} {head_small:>26} {head_large:>26} {'ratio':>7}")
    for name in small:
        (t1, q1), (t2, q2) = small[name], large[name]
        print(f"{name:<16} {t1:>14.1f} ms {q1:>3} queries {t2:>14.1f} ms {q2:>3} queries {t2 / t1:>6.1f}x")
    grown = [name for name in small if small[name][1] != large[name][1]]
    if grown:
        print(f"query counts grew with the organization: {', '.join(grown)}", file=sys.stderr)
        raise SystemExit(1)


if __name__ == "__main__":
    main()
