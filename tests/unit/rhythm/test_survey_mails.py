"""Which survey e-mails a run sends as of a day: invitations while a round is open, one reminder near its end."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date
from typing import Any

from lodestar.lib.model import Model, Organization, Person, Unit
from lodestar.lib.surveys import Survey, SurveyResponse
from lodestar.rhythm.reminders import NO_EMAIL, OPTED_OUT
from lodestar.rhythm.survey_mails import INVITATION, REMINDER, plan_survey_mails, reminder_day
from lodestar.scoring.participation import participation

OPENS, CLOSES = date(2026, 5, 1), date(2026, 5, 20)


def model(*surveys: Survey) -> Model:
    return Model(
        organization=Organization("Example"),
        units=[
            Unit("co", "Company", "company"),
            Unit("ms", "Marketing & Sales", "area", parent="co"),
            Unit("mkt", "Marketing", "department", parent="ms"),
            Unit("sales", "Sales", "department", parent="ms"),
            Unit("it", "IT", "adjacent", parent="co"),
        ],
        people=[
            Person("jo", "Jo", "ms", email="jo@example.com"),
            Person("sam", "Sam", "mkt"),
            Person("ana", "Ana", "mkt", email="ana@example.com", reminders=False),
            Person("kim", "Kim", "sales", email="kim@example.com"),
            Person("ivo", "Ivo", "it", email="ivo@example.com"),
        ],
        surveys=list(surveys),
    )


def round_(**more: Any) -> Survey:
    fields: dict[str, Any] = {"id": "clarity", "name": "Clarity", "opens": OPENS, "closes": CLOSES, "audience": ["ms"]}
    return Survey(**{**fields, **more})


def mails(
    plan_model: Model,
    as_of: date,
    *,
    accounts: Mapping[str, str] | None = None,
    ended: Collection[str] = (),
    invited: Mapping[str, Mapping[str, date]] | None = None,
    reminded: Mapping[str, Collection[str]] | None = None,
) -> list[tuple[str, str]]:
    plan = plan_survey_mails(
        plan_model, as_of, accounts=accounts or {}, ended=ended, invited=invited or {}, reminded=reminded or {}
    )
    return [(mail.kind, mail.person.id) for mail in plan.mails]


def test_an_open_round_invites_the_audience_and_below_with_an_email_who_want_messages() -> None:
    assert mails(model(round_()), OPENS, accounts={"sam": "sam@example.com"}) == [
        (INVITATION, "jo"),
        (INVITATION, "sam"),
        (INVITATION, "kim"),
    ]


def test_a_round_not_open_yet_past_or_closed_by_hand_sends_nothing() -> None:
    assert mails(model(round_()), date(2026, 4, 30)) == []
    assert mails(model(round_()), date(2026, 5, 21)) == []
    assert mails(model(round_()), OPENS, ended={"clarity"}) == []


def test_participants_and_people_invited_already_get_no_invitation() -> None:
    survey = round_(participants=["kim"], responses=[SurveyResponse("sales", OPENS)])

    assert mails(model(survey), OPENS, invited={"clarity": {"jo": OPENS}}) == []


def test_the_reminder_goes_from_three_days_before_closing_to_those_invited_earlier_who_have_not_answered() -> None:
    survey = round_(participants=["kim"], responses=[SurveyResponse("sales", OPENS)])
    invited = {"clarity": {"jo": OPENS, "kim": OPENS}}

    assert reminder_day(survey) == date(2026, 5, 17)
    assert mails(model(survey), date(2026, 5, 16), invited=invited) == []
    assert mails(model(survey), date(2026, 5, 17), invited=invited) == [(REMINDER, "jo")]
    assert mails(model(survey), date(2026, 5, 18), invited=invited, reminded={"clarity": ["jo"]}) == []


def test_no_reminder_follows_an_invitation_on_the_same_day() -> None:
    invited = {"clarity": {"jo": date(2026, 5, 18)}}

    assert mails(model(round_()), date(2026, 5, 18), invited=invited) == [(INVITATION, "kim")]


def test_a_short_round_reminds_from_its_second_day_and_a_one_day_round_never() -> None:
    assert reminder_day(round_(closes=date(2026, 5, 2))) == date(2026, 5, 2)
    assert reminder_day(round_(closes=OPENS)) is None


def test_the_plan_counts_who_no_email_reaches_by_reason() -> None:
    plan = plan_survey_mails(model(round_()), OPENS, accounts={}, ended=(), invited={}, reminded={})

    assert plan.unreachable == {"clarity": {NO_EMAIL: 1, OPTED_OUT: 1}}


def test_participation_counts_invited_and_answered_per_unit_with_the_units_below() -> None:
    responses = [SurveyResponse("mkt", OPENS), SurveyResponse("sales", OPENS), SurveyResponse("gone", OPENS)]
    counts = participation(round_(responses=responses, participants=["a", "b", "c"]), model())

    assert [(row.unit.id, row.depth, row.invited, row.answered) for row in counts.units] == [
        ("ms", 0, 4, 2),
        ("mkt", 1, 2, 1),
        ("sales", 1, 1, 1),
    ]
    assert (counts.invited, counts.answered, counts.elsewhere) == (4, 3, 1)
