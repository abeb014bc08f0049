"""`lodestar remind`: who is reminded of which key results, once per cycle, and what is skipped (spec: Reminders).

Real runs send through the test e-mail backend (Django's `locmem`), so `mailoutbox` holds what went out.
"""

from __future__ import annotations

import socket
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives
from pytest_django import Settings

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from lodestar.modelfile.yaml_io import parse_yaml
from tests.conformance.builders import goal, key_result, organization, unit
from tests.conformance.conftest import Load, SendAt
from tests.conformance.rhythm_builders import checked, dry_run, email, someone, team
from tests.conftest import RunLodestar

THURSDAY = date(2026, 1, 15)  # the weekly cycle (Mondays) began on 2026-01-12
NEXT_MONDAY = date(2026, 1, 19)


def three_people() -> dict[str, Any]:
    """zoe, max and ana own key results in this order of the file; ana's second goal comes last."""
    return organization(
        people=[someone("zoe"), someone("max"), someone("ana")],
        goals=[
            goal("g1", key_result("z1"), key_result("a1", owner="ana"), owner="zoe"),
            goal("g2", key_result("m1"), owner="max"),
            goal("g3", key_result("a2"), owner="ana"),
        ],
    )


def test_the_json_has_as_of_reminders_and_skipped(load: Load, remind: SendAt) -> None:
    load(three_people())

    result = dry_run(remind, THURSDAY)

    assert result == {
        "as_of": "2026-01-15",
        "reminders": [
            {"person": "ana", "email": email("ana"), "key_results": ["a1", "a2"]},
            {"person": "max", "email": email("max"), "key_results": ["m1"]},
            {"person": "zoe", "email": email("zoe"), "key_results": ["z1"]},
        ],
        "skipped": [],
    }


def test_a_real_run_sends_one_email_per_person_and_prints_what_it_sent(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(three_people())

    result = remind(THURSDAY)

    assert result.code == 0
    assert [r["person"] for r in result.data["reminders"]] == ["ana", "max", "zoe"]
    assert sorted(message.to[0] for message in mailoutbox) == [email("ana"), email("max"), email("zoe")]


def test_the_email_lists_each_key_result_with_its_goal_current_value_and_goal_page(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives], settings: Settings
) -> None:
    settings.LODESTAR_BASE_URL = "https://goals.acme.example"
    measured = key_result("leads", unit="leads", measurements=[{"date": date(2026, 1, 10), "value": 42}])
    load(organization(people=[someone("lea")], goals=[goal("more-leads", measured, owner="lea", title="More leads")]))

    remind(THURSDAY)

    (message,) = mailoutbox
    text, (html, kind) = message.body, message.alternatives[0]
    assert isinstance(html, str)
    assert kind == "text/html"
    for part in (text, html):
        assert "Key result leads" in part
        assert "More leads" in part
        assert "42 leads" in part
        assert "https://goals.acme.example/goals/more-leads/" in part
        assert "https://goals.acme.example/reminders/stop/" in part


def test_a_person_without_an_email_is_reminded_at_the_email_of_their_user_account(
    load: Load, remind: SendAt, db: None
) -> None:
    load(organization(people=[someone("lea", email=None)], goals=[goal("g", key_result("kr"), owner="lea")]))
    create_user(
        actor=command_line_actor(), email="lea.account@acme.example", role="member", password="x" * 12, person_id="lea"
    )

    assert dry_run(remind, THURSDAY)["reminders"] == [
        {"person": "lea", "email": "lea.account@acme.example", "key_results": ["kr"]}
    ]


def test_the_persons_own_email_comes_before_their_accounts(load: Load, remind: SendAt, db: None) -> None:
    load(organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea")]))
    create_user(
        actor=command_line_actor(), email="other@acme.example", role="member", password="x" * 12, person_id="lea"
    )

    assert dry_run(remind, THURSDAY)["reminders"][0]["email"] == email("lea")


def test_skipped_lists_the_due_key_results_no_reminder_covers_in_file_order_with_the_first_reason(
    load: Load, remind: SendAt
) -> None:
    document = organization(
        units=[team("orphans")],
        people=[
            someone("quiet", reminders=False),
            someone("mute", email=None, reminders=False),
            someone("mail", email=None),
        ],
        goals=[
            goal("g1", key_result("no-mail"), owner="mail"),
            goal("g2", key_result("nobody"), owner="orphans"),
            goal("g3", key_result("off"), key_result("off-and-no-mail", owner="mute"), owner="quiet"),
        ],
    )
    load(document)

    result = dry_run(remind, THURSDAY)

    assert result["reminders"] == []
    assert result["skipped"] == [
        {"key_result": "no-mail", "reason": "no_email"},
        {"key_result": "nobody", "reason": "no_owner"},
        {"key_result": "off", "reason": "opted_out"},
        {"key_result": "off-and-no-mail", "reason": "opted_out"},
    ]


def test_nothing_is_sent_to_a_person_who_turned_reminders_off(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(organization(people=[someone("lea", reminders=False)], goals=[goal("g", key_result("kr"), owner="lea")]))

    result = remind(THURSDAY)

    assert (result.code, result.data["reminders"], mailoutbox) == (0, [], [])


def test_reminders_true_is_the_default(load: Load, remind: SendAt) -> None:
    load(organization(people=[someone("lea", reminders=True)], goals=[goal("g", key_result("kr"), owner="lea")]))

    assert [r["person"] for r in dry_run(remind, THURSDAY)["reminders"]] == ["lea"]


def test_a_key_result_checked_in_this_cycle_is_in_no_reminder(load: Load, remind: SendAt) -> None:
    document = organization(
        people=[someone("lea")],
        goals=[goal("g", checked("done", date(2026, 1, 12)), key_result("open"), owner="lea")],
    )
    load(document)

    assert dry_run(remind, THURSDAY)["reminders"] == [{"person": "lea", "email": email("lea"), "key_results": ["open"]}]


# Once per cycle


def test_a_second_run_in_the_same_cycle_sends_nothing_and_lists_nothing_of_that_person(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    document = organization(
        units=[team("orphans")],
        people=[someone("lea")],
        goals=[goal("g", key_result("kr"), owner="lea"), goal("h", key_result("nobody"), owner="orphans")],
    )
    load(document)
    assert remind(THURSDAY).data["reminders"] != []

    again = remind(THURSDAY + timedelta(days=2))

    assert again.code == 0
    assert again.data["reminders"] == []
    assert again.data["skipped"] == [{"key_result": "nobody", "reason": "no_owner"}]
    assert dry_run(remind, THURSDAY)["reminders"] == []
    assert len(mailoutbox) == 1


def test_the_next_cycle_reminds_again(load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]) -> None:
    load(organization(people=[someone("lea")], goals=[goal("g", key_result("kr"), owner="lea")]))
    remind(THURSDAY)

    again = remind(NEXT_MONDAY)

    assert [r["person"] for r in again.data["reminders"]] == ["lea"]
    assert len(mailoutbox) == 2


def two_cadences() -> dict[str, Any]:
    return organization(
        units=[
            team("weekly", cadence={"every": "week", "day": "mon"}),
            team("monthly", cadence={"every": "month", "day": 1}),
        ],
        people=[someone("lea")],
        goals=[
            goal("w", key_result("weekly-kr", owner="lea"), owner="weekly"),
            goal("m", key_result("monthly-kr", owner="lea"), owner="monthly"),
        ],
    )


def test_with_key_results_of_several_cadences_the_latest_cycle_start_counts(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(two_cadences())
    first = remind(THURSDAY)
    assert first.data["reminders"][0]["key_results"] == ["weekly-kr", "monthly-kr"]

    same_week = remind(THURSDAY + timedelta(days=3))
    next_week = remind(NEXT_MONDAY)  # the weekly cycle began again; the monthly one did not

    assert same_week.data["reminders"] == []
    assert next_week.data["reminders"][0]["key_results"] == ["weekly-kr", "monthly-kr"]
    assert len(mailoutbox) == 2


def test_a_monthly_cycle_reminds_once_in_the_month(load: Load, remind: SendAt) -> None:
    document = organization(
        units=[team(cadence={"every": "month", "day": 1})],
        people=[someone("lea", "team")],
        goals=[goal("g", key_result("kr"), owner="lea")],
    )
    load(document)
    remind(THURSDAY)

    assert remind(NEXT_MONDAY).data["reminders"] == []
    assert remind(date(2026, 2, 1)).data["reminders"] != []


def test_a_dry_run_sends_and_records_nothing(
    load: Load, remind: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(three_people())

    dry = dry_run(remind, THURSDAY)
    real = remind(THURSDAY)

    assert len(mailoutbox) == 3
    assert real.data == dry


def test_the_text_of_a_dry_run_names_each_person_and_key_result(lodestar: RunLodestar, load: Load) -> None:
    load(three_people())

    run = lodestar("remind", "--dry-run", "--as-of", THURSDAY.isoformat())

    assert run.code == 0
    assert "dry run" in run.out
    for name in ("Ana", "Max", "Zoe"):
        assert f"{name} <{name.lower()}@acme.example>" in run.out
    assert "Key result a2" in run.out


# Exit codes


def test_without_a_model_remind_cannot_run(lodestar: RunLodestar) -> None:
    run = lodestar("remind", "--dry-run")

    assert run.code == 2
    assert "no model has been imported yet" in run.err


def test_a_date_that_is_no_date_is_refused(lodestar: RunLodestar, load: Load) -> None:
    load(three_people())

    assert lodestar("remind", "--as-of", "2026-02-30").code == 2


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_when_sending_fails_the_run_exits_1_records_nothing_and_the_next_run_sends(
    load: Load, remind: SendAt, settings: Settings, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(three_people())
    locmem = settings.EMAIL_BACKEND
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 5

    failed = remind(THURSDAY)
    settings.EMAIL_BACKEND = locmem
    retried = remind(THURSDAY)

    assert failed.code == 1
    assert failed.data["reminders"] == []
    assert "was not sent" in failed.err
    assert retried.code == 0
    assert [r["person"] for r in retried.data["reminders"]] == ["ana", "max", "zoe"]
    assert len(mailoutbox) == 3


@pytest.mark.parametrize("kind", ["company", "area"])
def test_a_unit_lead_is_reminded_of_the_units_goals(load: Load, remind: SendAt, kind: str) -> None:
    lead = "boss"
    document = organization(people=[someone(lead)], goals=[goal("g", key_result("kr"), owner="ms")])
    document["units"] = [{**u, "lead": lead} if u["kind"] == kind else u for u in document["units"]]
    document["goals"][0]["owner"] = "company" if kind == "company" else "ms"
    load(document)

    assert dry_run(remind, THURSDAY)["reminders"] == [{"person": lead, "email": email(lead), "key_results": ["kr"]}]


def test_the_cadence_of_a_unit_in_the_file_is_read_back_on_export(lodestar: RunLodestar, load: Load) -> None:
    load(organization(units=[unit("team", "team", cadence={"every": "month", "day": 28})]))

    exported = parse_yaml(lodestar("export").out)

    assert exported["units"][2]["cadence"] == {"every": "month", "day": 28}
