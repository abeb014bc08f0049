"""`lodestar digest`: the weekly digest of each unit lead, its four lists, the covered units, once per ISO week.

As of day(40) (Tuesday 2026-02-10) the ISO week runs from Monday day(39) to Sunday day(45);
a week earlier is day(33). A key result from 0 to 100 measured at 10 on day(10) is at risk as
of day(33) and off track as of day(40).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core.mail import EmailMultiAlternatives

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import create_user
from tests.conformance.builders import day, goal, key_result, organization, period, unit
from tests.conformance.conftest import Load, SendAt
from tests.conformance.rhythm_builders import email, someone
from tests.conftest import RunLodestar

AS_OF = day(40)


def check_in(on: int, confidence: int) -> dict[str, Any]:
    return {"date": day(on), "confidence": confidence, **({"note": "Blocked."} if confidence <= 3 else {})}


def organization_with_leads(**changes: Any) -> dict[str, Any]:
    """ana leads ms (the mission's scope); ben leads the teams north and south; ivo leads IT, outside the scope."""
    document = organization(
        units=[
            unit("north", "team", lead="ben"),
            unit("south", "team", lead="ben"),
            unit("it", "adjacent", parent="company", lead="ivo"),
        ],
        people=[someone("ana"), someone("ben", "north"), someone("cleo", "south"), someone("ivo", "it")],
        periods=[period("p", 0, 100), period("late", 36, 100)],
        goals=[
            goal("slipping", key_result("slip", measured={10: 10}, check_ins=[check_in(39, 6)]), owner="north"),
            goal("steady", key_result("steady-kr", measured={38: 40}, check_ins=[check_in(35, 3)]), owner="cleo"),
            goal("fresh", key_result("fresh-kr"), owner="south", period="late"),
            goal("top", key_result("top-kr", check_ins=[check_in(40, 8)]), owner="ms"),
            goal("infra", key_result("infra-kr"), owner="it"),
        ],
    )
    document["units"][1] = {**document["units"][1], "lead": "ana"}
    document.update(changes)
    return document


def test_the_json_lists_each_lead_inside_the_scope_with_the_four_lists(load: Load, digest: SendAt) -> None:
    load(organization_with_leads())

    result = digest(AS_OF, "--dry-run").data

    assert result == {
        "as_of": "2026-02-10",
        "digests": [
            {
                "person": "ana",
                "email": email("ana"),
                "units": ["ms"],
                "status_changes": [
                    {"goal": "slipping", "from": "at_risk", "to": "off_track"},
                    {"goal": "steady", "from": "off_track", "to": "on_track"},
                ],
                "low_confidence": ["steady-kr"],
                "due": ["steady-kr", "fresh-kr"],
                "off_track": ["slipping", "top"],
            },
            {
                "person": "ben",
                "email": email("ben"),
                "units": ["north", "south"],
                "status_changes": [
                    {"goal": "slipping", "from": "at_risk", "to": "off_track"},
                    {"goal": "steady", "from": "off_track", "to": "on_track"},
                ],
                "low_confidence": ["steady-kr"],
                "due": ["steady-kr", "fresh-kr"],
                "off_track": ["slipping"],
            },
        ],
    }


def test_without_a_mission_the_whole_tree_is_the_scope(load: Load, digest: SendAt) -> None:
    document = organization_with_leads()
    del document["mission"]
    load(document)

    result = digest(AS_OF, "--dry-run").data

    ivo = next(item for item in result["digests"] if item["person"] == "ivo")
    assert (ivo["units"], ivo["due"]) == (["it"], ["infra-kr"])
    assert [item["person"] for item in result["digests"]] == ["ana", "ben", "ivo"]


def test_the_lead_of_the_root_covers_every_unit(load: Load, digest: SendAt) -> None:
    document = organization_with_leads(mission={"statement": "Keep water moving.", "scope": "company"})
    document["units"][0] = {**document["units"][0], "lead": "zed"}
    document["people"].append(someone("zed", "company"))
    load(document)

    zed = next(item for item in digest(AS_OF, "--dry-run").data["digests"] if item["person"] == "zed")

    assert zed["units"] == ["company"]
    assert zed["due"] == ["steady-kr", "fresh-kr", "infra-kr"]


def test_a_change_from_not_started_is_no_news(load: Load, digest: SendAt) -> None:
    load(organization_with_leads())

    changed = {
        change["goal"] for item in digest(AS_OF, "--dry-run").data["digests"] for change in item["status_changes"]
    }

    assert "fresh" not in changed


def test_closing_a_goal_is_a_status_change(load: Load, digest: SendAt) -> None:
    document = organization_with_leads()
    document["goals"][3]["closed"] = {"date": day(38), "score": 0.5}
    load(document)

    ana = digest(AS_OF, "--dry-run").data["digests"][0]

    assert {"goal": "top", "from": "off_track", "to": "closed"} in ana["status_changes"]
    assert "top" not in ana["off_track"]


@pytest.mark.parametrize(
    ("check_ins", "listed"),
    [
        ([check_in(34, 3)], True),  # D - 6
        ([check_in(40, 0)], True),  # D
        ([check_in(33, 2)], False),  # D - 7
        ([check_in(36, 4)], False),
        ([check_in(35, 2), check_in(39, 9)], True),  # a later, better check-in does not undo it
        ([check_in(41, 1)], False),  # after D
    ],
)
def test_low_confidence_lists_key_results_with_a_check_in_of_3_or_less_in_the_last_seven_days(
    load: Load, digest: SendAt, check_ins: list[dict[str, Any]], listed: bool
) -> None:
    document = organization_with_leads()
    document["goals"][3]["key_results"][0]["check_ins"] = check_ins
    load(document)

    ana = digest(AS_OF, "--dry-run").data["digests"][0]

    assert ("top-kr" in ana["low_confidence"]) is listed


def test_low_confidence_leaves_out_goals_whose_period_does_not_contain_the_day(load: Load, digest: SendAt) -> None:
    document = organization_with_leads(periods=[period("p", 0, 100), period("late", 36, 100), period("past", 0, 38)])
    document["goals"][3].update(period="past", key_results=[key_result("top-kr", check_ins=[check_in(37, 1)])])
    load(document)

    ana = digest(AS_OF, "--dry-run").data["digests"][0]

    assert "top-kr" not in ana["low_confidence"]
    assert "top" not in ana["off_track"]


def test_a_lead_whose_lists_are_all_empty_gets_no_digest(load: Load, digest: SendAt) -> None:
    quiet = organization(
        units=[unit("north", "team", lead="ben")],
        people=[someone("ben", "north")],
        goals=[goal("fine", key_result("kr", measured={20: 50}, check_ins=[check_in(39, 8)]), owner="north")],
    )
    load(quiet)

    assert digest(AS_OF, "--dry-run").data == {"as_of": "2026-02-10", "digests": []}


def test_a_lead_who_turned_reminders_off_or_has_no_email_gets_no_digest(load: Load, digest: SendAt) -> None:
    document = organization_with_leads()
    document["people"][0] = someone("ana", reminders=False)
    document["people"][1] = someone("ben", "north", email=None)
    load(document)

    assert digest(AS_OF, "--dry-run").data["digests"] == []


def test_a_lead_without_an_email_gets_the_digest_at_their_accounts(load: Load, digest: SendAt, db: None) -> None:
    document = organization_with_leads()
    document["people"][1] = someone("ben", "north", email=None)
    load(document)
    create_user(
        actor=command_line_actor(), email="ben.account@acme.example", role="member", password="x" * 12, person_id="ben"
    )

    emails = {item["person"]: item["email"] for item in digest(AS_OF, "--dry-run").data["digests"]}

    assert emails == {"ana": email("ana"), "ben": "ben.account@acme.example"}


# Once per ISO week


def test_a_digest_goes_out_once_per_iso_week(
    load: Load, digest: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(organization_with_leads())

    monday = digest(day(39))
    sunday = digest(day(45))
    next_monday = digest(day(46))

    assert [item["person"] for item in monday.data["digests"]] == ["ana", "ben"]
    assert sunday.data["digests"] == []
    assert [item["person"] for item in next_monday.data["digests"]] == ["ana", "ben"]
    assert sorted(message.to[0] for message in mailoutbox) == sorted([email("ana"), email("ben")] * 2)


def test_a_sunday_and_the_monday_after_are_two_weeks(load: Load, digest: SendAt) -> None:
    load(organization_with_leads())
    digest(day(45))

    assert [item["person"] for item in digest(day(46)).data["digests"]] == ["ana", "ben"]


def test_a_dry_run_of_the_digest_sends_and_records_nothing(
    load: Load, digest: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(organization_with_leads())

    digest(AS_OF, "--dry-run")

    assert mailoutbox == []
    assert len(digest(AS_OF).data["digests"]) == 2
    assert len(mailoutbox) == 2


def test_the_digest_email_has_both_parts_the_goal_links_and_the_stop_link(
    load: Load, digest: SendAt, mailoutbox: list[EmailMultiAlternatives]
) -> None:
    load(organization_with_leads())

    digest(AS_OF)

    ben = next(message for message in mailoutbox if message.to == [email("ben")])
    html, kind = ben.alternatives[0]
    assert kind == "text/html"
    assert isinstance(html, str)
    for part in (ben.body, html):
        for goal_id in ("slipping", "steady", "fresh"):
            assert f"/goals/{goal_id}/" in part
        assert "/reminders/stop/" in part
        assert "/goals/top/" not in part


def test_without_a_model_digest_cannot_run(lodestar: RunLodestar) -> None:
    assert lodestar("digest").code == 2


def test_the_text_output_names_each_lead_and_their_lists(lodestar: RunLodestar, load: Load) -> None:
    load(organization_with_leads())

    run = lodestar("digest", "--dry-run", "--as-of", AS_OF.isoformat())

    assert run.code == 0
    assert "Ana <ana@acme.example>" in run.out
    assert "Ben <ben@acme.example>, for NORTH, SOUTH" in run.out
    assert "Off track" in run.out


def test_as_of_in_the_json_is_the_given_day(load: Load, digest: SendAt) -> None:
    load(organization_with_leads())

    assert digest(date(2026, 2, 12), "--dry-run").data["as_of"] == "2026-02-12"
