"""lodestar serve"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandParser
from gunicorn.app.base import BaseApplication

from lodestar.command import CommandFailed, LodestarCommand
from lodestar.web.production import HOW_TO_FIX, unsafe_settings


class Command(LodestarCommand):
    help = "Serve the web app and the API with gunicorn (static files included); refuses unsafe settings."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
        parser.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
        parser.add_argument("--workers", type=int, default=settings.SERVE_WORKERS, help="worker processes")
        parser.add_argument(
            "--skip-collectstatic", action="store_true", help="serve the static files already in LODESTAR_STATIC_ROOT"
        )
        parser.add_argument("--check", action="store_true", help="only check the settings and exit")

    def handle(self, *args: Any, **options: Any) -> None:
        problems = unsafe_settings()
        if problems:
            raise CommandFailed(
                "refusing to serve with unsafe settings:\n  - " + "\n  - ".join(problems) + "\n" + HOW_TO_FIX
            )
        if options["check"]:
            self.stdout.write("settings are safe to serve")
            return
        self.database(or_warn=True)
        if not options["skip_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        bind = (
            f"[{options['host']}]:{options['port']}"
            if ":" in options["host"]
            else f"{options['host']}:{options['port']}"
        )
        # gunicorn's control socket (for `gunicornc`) is one fixed path per user by default, which a
        # second server would take over; each serve gets its own in a private folder instead.
        private = Path(tempfile.mkdtemp(prefix="lodestar-serve-"))
        control = private / "gunicorn.ctl"
        owner = os.getpid()
        try:
            self.stdout.write(
                f"Lodestar on http://{bind}/ ({options['workers']} workers{', DEBUG' if settings.DEBUG else ''}; "
                f"control socket {control})"
            )
            self.stdout.flush()
            _Gunicorn(
                {
                    "bind": bind,
                    "workers": options["workers"],
                    "accesslog": "-",
                    "timeout": 60,
                    "control_socket": str(control),
                }
            ).run()
        finally:
            # The workers are forks of this process and leave through here too; only the server removes the folder.
            if os.getpid() == owner:
                shutil.rmtree(private, ignore_errors=True)


class _Gunicorn(BaseApplication):
    """gunicorn with our WSGI application and options, without its own command line."""

    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from lodestar.wsgi import application

        return application
