"""`lodestar demo`: where it writes its data, the model file without a database, the generated organization."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from lodestar.demo import service
from lodestar.goals.models import KeyResult
from lodestar.metrics.errors import EngineError
from tests.conftest import Run, run_lodestar

TODAY = date(2026, 6, 30)


def test_the_demo_writes_its_data_into_demo_data_by_default(
    lodestar: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = lodestar("demo", "--today", TODAY.isoformat())
    assert run.code == 0, run.err
    assert (tmp_path / "demo-data" / "metrics.yaml").is_file()
    assert "demo-data/metrics.yaml" in run.out


def test_export_writes_the_model_only_and_says_bindings_need_the_metrics_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "demo.yaml"
    # No database fixture: a command that touched the database would fail here.
    run = run_lodestar("demo", "--today", TODAY.isoformat(), "--export", str(target))
    assert run.code == 0, run.err
    assert "metric:" in target.read_text(encoding="utf-8")
    assert "bound to metrics" in run.err
    assert "lodestar metrics refresh" in run.err
    assert not (tmp_path / "demo-data").exists()


def test_export_with_data_writes_the_extract_too(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = run_lodestar(
        "demo", "--today", TODAY.isoformat(), "--export", str(tmp_path / "demo.yaml"), "--data", str(data)
    )
    assert run.code == 0, run.err
    assert (data / "metrics.yaml").is_file()
    assert f"LODESTAR_METRICS_FILE={data / 'metrics.yaml'}" in run.err


def test_a_generated_organization_is_loaded_without_data_or_bindings(
    lodestar: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = lodestar("demo", "--people", "40", "--today", TODAY.isoformat())
    assert run.code == 0, run.err
    assert "Refreshed" not in run.out
    assert not (tmp_path / "demo-data").exists()
    assert KeyResult.objects.exists()
    assert not KeyResult.objects.exclude(metric=None).exists()


def test_an_unwritable_data_directory_fails_before_the_database_changes(
    lodestar: Callable[..., Run], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    run = lodestar("demo", "--today", TODAY.isoformat(), "--data", str(blocker / "data"))
    assert run.code == 2
    assert "cannot write the demo data" in run.err
    assert not KeyResult.objects.exists()


def test_a_failing_refresh_leaves_the_database_as_it_was(
    lodestar: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(**_: object) -> None:
        raise EngineError("duckdb: the warehouse is gone")

    monkeypatch.setattr(service, "refresh", fail)
    run = lodestar("demo", "--today", TODAY.isoformat(), "--data", str(tmp_path / "data"))
    assert run.code == 2
    assert "the refresh failed, nothing was loaded: duckdb: the warehouse is gone" in run.err
    assert not KeyResult.objects.exists()


def test_sign_ins_creates_an_admin_and_a_member_whose_printed_passwords_work(
    lodestar: Callable[..., Run], tmp_path: Path
) -> None:
    from lodestar.accounts.models import User

    run = lodestar("demo", "--today", "2026-06-30", "--data", str(tmp_path / "data"), "--sign-ins")
    assert run.code == 0, run.err
    printed = {line.split()[1]: line.split("password: ")[1] for line in run.out.splitlines() if "password: " in line}
    assert set(printed) == {"admin@altwerk.example", "hauke.jensen@altwerk.example"}
    admin = User.objects.get(email="admin@altwerk.example")
    member = User.objects.get(email="hauke.jensen@altwerk.example")
    assert admin.role == "admin"
    assert member.role == "member"
    assert member.person_id == "hauke.jensen"
    assert admin.check_password(printed["admin@altwerk.example"])
    assert member.check_password(printed["hauke.jensen@altwerk.example"])


def test_sign_ins_again_gives_new_passwords_instead_of_failing(lodestar: Callable[..., Run], tmp_path: Path) -> None:
    from lodestar.accounts.models import User

    first = lodestar("demo", "--today", "2026-06-30", "--data", str(tmp_path / "data"), "--sign-ins")
    second = lodestar("demo", "--today", "2026-06-30", "--data", str(tmp_path / "data"), "--sign-ins")
    assert second.code == 0, second.err
    assert first.out.split("password: ")[1] != second.out.split("password: ")[1]
    assert User.objects.filter(email="admin@altwerk.example").count() == 1


def test_after_the_demo_a_dry_run_of_remind_shows_reminders_for_several_people(
    lodestar: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert lodestar("demo", "--today", TODAY.isoformat()).code == 0

    run = lodestar("remind", "--dry-run", "--as-of", TODAY.isoformat())

    assert run.code == 0, run.err
    assert "4 reminders would be sent" in run.out
    assert "To Hauke Jensen <hauke.jensen@altwerk.example>: 2 key results due" in run.out
    assert "press-articles: its check-in owner has turned reminders off" in run.out


def test_the_demo_member_signs_in_to_a_dashboard_that_says_what_they_owe(
    lodestar: Callable[..., Run], tmp_path: Path
) -> None:
    from django.test import Client

    from lodestar.accounts.models import User

    assert lodestar("demo", "--today", TODAY.isoformat(), "--data", str(tmp_path / "data"), "--sign-ins").code == 0
    member = Client()
    member.force_login(User.objects.get(email="hauke.jensen@altwerk.example"))

    content = member.get("/", {"as_of": TODAY.isoformat()}).content.decode()

    start = content.index('aria-labelledby="owed"')
    owed = content[start : content.index("</section>", start)]
    assert "#me-kr-north-upgrade-visits" in owed
    assert "#me-kr-hauke-order-intake" in owed
    assert "Nothing due" not in owed
