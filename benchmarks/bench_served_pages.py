"""Pages served by `lodestar serve` at 1,000 and 8,000 people, measured side by side in one run.

Each organization comes from the core benchmark's generator, in a SQLite database of its own,
served by a `lodestar serve` process of its own (one worker) on a loopback port. The client signs
in through the sign-in form as an admin who is one of the people (so `/me/` shows goals) and
reads the API with a token. After one warm-up per page, the requests to both servers are
interleaved (one to the small, one to the large, and so on), so that the load of the machine
affects both alike; the median of `--repeat` wall times measured by the client is shown.

Goals: each page at 8,000 people at most 1.5x its time at 1,000 and at most 25x `/healthz` on
the same server; `GET /api/v1/status`, which lists every goal, grows no faster than the
organization (at most the people ratio, 8x). Also shown: what a write costs the next reader (the
first dashboard after a check-in through the API, which builds the scored model anew, against
a warm one) and `lodestar status` as a fresh process at both sizes.

Run: .venv/bin/python benchmarks/bench_served_pages.py [--sizes 1000 8000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "bench-password-1234"
PAGES = [
    ("dashboard", "/"),
    ("alignment tree", "/goals/"),
    ("goal page", "/goals/{goal}/"),
    ("health check", "/health-check/"),
    ("/me/", "/me/"),
]
PAGE_GOAL, HEALTHZ_GOAL = 1.5, 25.0


@dataclass
class Organization:
    """One generated organization, served: where it is and who signs in."""

    people: int
    goals: int
    folder: Path
    environment: dict[str, str]
    email: str
    own_goal: str
    goal: str
    key_result: str
    port: int = 0
    cookies: dict[str, str] = field(default_factory=dict)
    token: str = ""


def cli(environment: dict[str, str], *args: str, stdin: str = "") -> str:
    done = subprocess.run(
        [sys.executable, "-m", "lodestar.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"lodestar {' '.join(args)}: {done.stderr}")
    return done.stdout


def prepare(people: int, folder: Path) -> Organization:
    """Generate, import and add the signing-in admin (the owner of the first goal a person owns)."""
    from lodestar.demo.scaled import scaled_document
    from lodestar.modelfile.yaml_io import dump_yaml

    document = scaled_document(people=people, today=date.today())
    model_file = folder / "org.yaml"
    model_file.write_text(dump_yaml(document), encoding="utf-8")
    (folder / "static").mkdir()
    environment = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "LODESTAR_DATABASE_URL": f"sqlite:///{folder / 'bench.sqlite3'}",
        "LODESTAR_MAX_MODEL_FILE_BYTES": str(1 << 30),
        "LODESTAR_WORKERS": "1",
        "LODESTAR_SECRET_KEY": secrets.token_urlsafe(50),
        "LODESTAR_DEBUG": "false",
        "LODESTAR_STATIC_ROOT": str(folder / "static"),
    }
    environment.pop("LODESTAR_CACHE_URL", None)
    cli(environment, "migrate", "-v0")
    cli(environment, "import", str(model_file), "--quiet")
    people_ids = {person["id"]: person["email"] for person in document["people"]}
    own_goal = next(goal for goal in document["goals"] if goal["owner"] in people_ids)
    owner = own_goal["owner"]
    email = people_ids[owner]
    cli(environment, "users", "add", email, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n")
    token = cli(environment, "tokens", "create", email).strip().split()[-1]
    goal = next(g for g in document["goals"] if g["id"].startswith("g-d") and g.get("key_results"))
    return Organization(
        people=people,
        goals=len(document["goals"]),
        folder=folder,
        environment=environment,
        email=email,
        own_goal=own_goal["title"],
        goal=goal["id"],
        key_result=goal["key_results"][0]["id"],
        token=token,
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def request(
    org: Organization, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes, float]:
    """One request on a fresh loopback connection: (status, headers, body, seconds)."""
    sent = dict(headers or {})
    if org.cookies:
        sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in org.cookies.items())
    connection = http.client.HTTPConnection("127.0.0.1", org.port, timeout=300)
    try:
        start = time.perf_counter()
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        content = response.read()
        seconds = time.perf_counter() - start
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                org.cookies[cookie_name] = rest.split(";", 1)[0]
        return response.status, dict(response.getheaders()), content, seconds
    finally:
        connection.close()


@contextmanager
def serving(org: Organization) -> Iterator[None]:
    org.port = free_port()
    log = (org.folder / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "lodestar.cli", "serve", "--host", "127.0.0.1", "--port", str(org.port)],
        env=org.environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        cwd=org.folder,
    )
    try:
        deadline = time.monotonic() + 180
        while True:
            if process.poll() is not None:
                raise SystemExit((org.folder / "serve.log").read_text(encoding="utf-8"))
            try:
                if request(org, "GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("lodestar serve did not answer within 180 s")
            time.sleep(0.3)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=30)
        log.close()


def sign_in(org: Organization) -> None:
    status, _, content, _ = request(org, "GET", "/sign-in")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
    if status != 200 or match is None:
        raise SystemExit(f"sign-in form: HTTP {status}")
    form = urlencode({"csrfmiddlewaretoken": match.group(1).decode(), "email": org.email, "password": PASSWORD})
    status, _, _, _ = request(
        org,
        "POST",
        "/sign-in",
        body=form.encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "Referer": f"http://127.0.0.1:{org.port}/"},
    )
    if status != 302 or "sessionid" not in org.cookies:
        raise SystemExit(f"sign-in as {org.email}: HTTP {status}")
    status, _, content, _ = request(org, "GET", "/me/")
    if status != 200 or org.own_goal.encode() not in content:
        raise SystemExit(f"/me/ of {org.email} does not show their goal {org.own_goal!r} (HTTP {status})")


def page(org: Organization, path: str, *, api: bool = False) -> float:
    headers = {"Authorization": f"Bearer {org.token}"} if api else {}
    status, _, _, seconds = request(org, "GET", path.format(goal=org.goal), headers=headers)
    if status != 200:
        raise SystemExit(f"{path} at {org.people} people: HTTP {status}")
    return seconds


def reader(path: str) -> Callable[[Organization], float]:
    """A measure of one page: GET `path` on an organization's server, in seconds."""

    def measure(org: Organization) -> float:
        return page(org, path)

    return measure


def check_in(org: Organization, confidence: int) -> None:
    body = json.dumps({"confidence": confidence, "note": "benchmark", "replace": True}).encode()
    status, _, content, _ = request(
        org,
        "POST",
        f"/api/v1/key-results/{org.key_result}/check-ins",
        body=body,
        headers={"Authorization": f"Bearer {org.token}", "Content-Type": "application/json"},
    )
    if status != 201:
        raise SystemExit(f"check-in at {org.people} people: HTTP {status} {content[:300]!r}")


def interleaved(orgs: list[Organization], measure: Callable[[Organization], float], repeat: int) -> list[float]:
    """The median of `repeat` runs of `measure` per organization, one after the other in turn."""
    for org in orgs:
        measure(org)  # warm-up
    samples: list[list[float]] = [[] for _ in orgs]
    for _ in range(repeat):
        for index, org in enumerate(orgs):
            samples[index].append(measure(org))
    return [statistics.median(runs) * 1000 for runs in samples]


def write_cost(orgs: list[Organization], repeat: int) -> list[tuple[float, float]]:
    """(first dashboard after a check-in, a warm dashboard) in ms per organization, medians."""
    cold: list[list[float]] = [[] for _ in orgs]
    warm: list[list[float]] = [[] for _ in orgs]
    for run in range(repeat):
        for index, org in enumerate(orgs):
            check_in(org, confidence=1 + run % 10)
            cold[index].append(page(org, "/"))
            warm[index].append(page(org, "/"))
    return [(statistics.median(c) * 1000, statistics.median(w) * 1000) for c, w in zip(cold, warm, strict=True)]


def status_seconds(org: Organization, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        cli(org.environment, "status", "--format", "json")
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def verdict(ratio: float, goal: float) -> str:
    return "OK" if ratio <= goal else "OVER"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=int, nargs=2, default=[1000, 8000], help="people in the two organizations (default 1000 8000)"
    )
    parser.add_argument("--repeat", type=int, default=15, help="requests per page and size (median shown)")
    parser.add_argument("--write-repeat", type=int, default=5, help="check-ins per size for the cost of a write")
    options, _ = parser.parse_known_args()
    sys.path.insert(0, str(ROOT / "src"))
    base = Path(tempfile.mkdtemp(prefix="lodestar-bench-served-"))
    try:
        print(f"Generating and importing organizations of {options.sizes[0]:,} and {options.sizes[1]:,} people ...")
        orgs = []
        for people in options.sizes:
            folder = base / str(people)
            folder.mkdir()
            orgs.append(prepare(people, folder))
        small, large = orgs
        with ExitStack() as stack:
            for org in orgs:
                stack.enter_context(serving(org))
                sign_in(org)
            print(f"Serving on ports {small.port} and {large.port}; {options.repeat} requests each ...", flush=True)
            healthz = interleaved(orgs, lambda org: page(org, "/healthz"), options.repeat)
            results: list[tuple[str, list[float]]] = []
            for name, path in PAGES:
                results.append((name, interleaved(orgs, reader(path), options.repeat)))
            api = interleaved(orgs, lambda org: page(org, "/api/v1/status", api=True), options.repeat)
            writes = write_cost(orgs, options.write_repeat)
        statuses = [status_seconds(org, 3) for org in orgs]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    people_ratio = large.people / small.people
    small_head = f"{small.people:,} p/{small.goals:,} g"
    large_head = f"{large.people:,} p/{large.goals:,} g"
    print(f"\nLodestar served pages: median of {options.repeat} requests after a warm-up, interleaved")
    print(f"{'page':<18}{small_head:>18}{large_head:>18}{'growth':>9}{'goal':>7}{'':>6}{'/healthz':>10}{'goal':>7}")
    for name, (ms_small, ms_large) in results:
        growth, to_healthz = ms_large / ms_small, ms_large / healthz[1]
        print(
            f"{name:<18}{ms_small:>15.1f} ms{ms_large:>15.1f} ms{growth:>8.2f}x{PAGE_GOAL:>6.1f}x "
            f"{verdict(growth, PAGE_GOAL):<5}{to_healthz:>9.1f}x{HEALTHZ_GOAL:>6.0f}x {verdict(to_healthz, HEALTHZ_GOAL)}"
        )
    growth = api[1] / api[0]
    print(
        f"{'GET /api/v1/status':<18}{api[0]:>15.1f} ms{api[1]:>15.1f} ms{growth:>8.2f}x{people_ratio:>6.1f}x "
        f"{verdict(growth, people_ratio)} (people grew {people_ratio:.0f}x)"
    )
    print(f"{'/healthz':<18}{healthz[0]:>15.1f} ms{healthz[1]:>15.1f} ms")
    print(f"\nWhat a write costs the next reader (median of {options.write_repeat} check-ins through the API):")
    for org, (cold, warm) in zip(orgs, writes, strict=True):
        print(f"  {org.people:>6,} people: first dashboard after a check-in {cold:8.1f} ms, warm {warm:6.1f} ms")
    for org, seconds in zip(orgs, statuses, strict=True):
        print(f"  {org.people:>6,} people: lodestar status --format json {seconds:6.2f} s (median of 3, fresh process)")


if __name__ == "__main__":
    main()
