"""`lodestar import` refuses invalid surveys: exit 2, every error with its path, nothing written.

Each case changes the every-key model's surveys at the paths given (see `test_bad_input.py`).
In every-key.yaml, surveys[0] asks web-analytics and key-account-mgmt, min_group 1, with the
participants ana, ben and former-employee and three responses: [0] events-team (one answer,
responsible []), [1] mkt (clarity own_role; answers[0] web-analytics accountable ms), [2] sales
(full clarity; answers[0] web-analytics dont_know, answers[1] key-account-mgmt). surveys[1] has
no tasks and no responses.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run
from tests.integration.test_bad_input import DELETE, bad, edited, reported

S0 = "surveys[0]"
R = f"{S0}.responses"

CASES = [
    bad("survey-unknown-key", {f"{S0}.mingroup": 3}, (f"{S0}.mingroup", "unknown key 'mingroup' (did you mean")),
    bad("survey-name-missing", {f"{S0}.name": DELETE}, (f"{S0}.name", "required")),
    bad("survey-audience-missing", {"surveys[1].audience": DELETE}, ("surveys[1].audience", "required")),
    bad(
        "survey-closes-before-it-opens",
        {f"{S0}.closes": "2026-03-01"},
        (f"{S0}.closes", "2026-03-01 is before the survey opens (2026-03-02)"),
    ),
    bad("survey-opens-not-a-date", {"surveys[1].opens": "next week"}, ("surveys[1].opens", "expected a date")),
    bad("survey-audience-empty", {"surveys[1].audience": []}, ("surveys[1].audience", "name at least one unit")),
    bad(
        "survey-audience-dont-know",
        {"surveys[1].audience": ["ms", "dont_know"]},
        ("surveys[1].audience[1]", "'dont_know' is not a unit id"),
    ),
    bad(
        "survey-audience-not-an-id",
        {"surveys[1].audience": ["Marketing Team"]},
        ("surveys[1].audience[0]", "is not a valid id"),
    ),
    bad(
        "survey-tasks-repeat",
        {f"{S0}.tasks": ["web-analytics", "key-account-mgmt", "web-analytics"]},
        (f"{S0}.tasks[2]", "listed twice"),
    ),
    bad("survey-min-group-zero", {f"{S0}.min_group": 0}, (f"{S0}.min_group", "0 is out of range")),
    bad("survey-min-group-text", {f"{S0}.min_group": "5"}, (f"{S0}.min_group", "expected a whole number")),
    bad("survey-min-group-decimal", {f"{S0}.min_group": 2.5}, (f"{S0}.min_group", "expected a whole number")),
    bad(
        "survey-participant-twice",
        {f"{S0}.participants": ["ana", "ana", "ben"]},
        (f"{S0}.participants[1]", "'ana' is listed twice"),
    ),
    bad(
        "survey-more-responses-than-participants",
        {f"{S0}.participants": ["ana", "ben"]},
        (R, "3 response(s) for 2 participant(s)"),
    ),
    bad(
        "survey-responses-without-participants",
        {f"{S0}.participants": DELETE},
        (R, "3 response(s) for 0 participant(s)"),
    ),
    bad(
        "survey-duplicate-id",
        {"surveys[1].id": "clarity-2026-q1"},
        ("surveys[1].id", "duplicate id 'clarity-2026-q1' (first at surveys[0])"),
    ),
    bad("response-unknown-key", {f"{R}[1].person": "ben"}, (f"{R}[1].person", "unknown key 'person'")),
    bad("response-unit-missing", {f"{R}[1].unit": DELETE}, (f"{R}[1].unit", "required")),
    bad("response-unit-dont-know", {f"{R}[1].unit": "dont_know"}, (f"{R}[1].unit", "'dont_know' is not a unit id")),
    bad(
        "response-date-after-the-survey-closes",
        {f"{R}[1].date": "2026-04-01"},
        (f"{R}[1].date", "2026-04-01 is outside the survey's 2026-03-02 to 2026-03-20"),
    ),
    bad(
        "response-clarity-out-of-range",
        {f"{R}[2].clarity.mission": 6},
        (f"{R}[2].clarity.mission", "6 is out of range: expected 1 to 5"),
    ),
    bad(
        "response-clarity-unknown-question",
        {f"{R}[1].clarity.role": 3},
        (f"{R}[1].clarity.role", "unknown key 'role'"),
    ),
    bad(
        "response-clarity-not-a-mapping",
        {f"{R}[1].clarity": [3]},
        (f"{R}[1].clarity", "expected a mapping"),
    ),
    bad(
        "answer-task-not-asked",
        {f"{R}[1].answers[0].task": "media-buying"},
        (f"{R}[1].answers[0].task", "'media-buying' is not one of the survey's tasks"),
    ),
    bad(
        "answer-task-twice-in-one-response",
        {f"{R}[2].answers[1].task": "web-analytics"},
        (f"{R}[2].answers[1].task", "'web-analytics' is answered twice in one response"),
    ),
    bad("answer-task-missing", {f"{R}[1].answers[0].task": DELETE}, (f"{R}[1].answers[0].task", "required")),
    bad(
        "answer-accountable-a-list",
        {f"{R}[1].answers[0].accountable": ["ms"]},
        (f"{R}[1].answers[0].accountable", "expected an id"),
    ),
    bad(
        "answer-responsible-holds-dont-know",
        {f"{R}[2].answers[1].responsible": ["sales", "dont_know"]},
        (f"{R}[2].answers[1].responsible[1]", "'dont_know' is not a unit id"),
    ),
    bad(
        "answer-responsible-repeat",
        {f"{R}[2].answers[1].responsible": ["sales", "sales"]},
        (f"{R}[2].answers[1].responsible[1]", "'sales' is listed twice"),
    ),
    bad(
        "answer-responsible-other-text",
        {f"{R}[2].answers[1].responsible": "nobody"},
        (f"{R}[2].answers[1].responsible", "expected a list of unit ids or 'dont_know'"),
    ),
    bad(
        "answer-unknown-key",
        {f"{R}[1].answers[0].acountable": "ms"},
        (f"{R}[1].answers[0].acountable", "unknown key 'acountable' (did you mean 'accountable'?)"),
    ),
    bad("surveys-not-a-list", {"surveys": {"id": "x"}}, ("surveys", "expected a list")),
]


def test_the_surveys_of_the_every_key_model_are_valid(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    run = lodestar("import", str(write_model(edited({}))))

    assert (run.code, run.err) == (0, "")


@pytest.mark.parametrize(("change", "errors"), CASES)
def test_import_refuses_the_survey_naming_each_error_by_path(
    lodestar: Callable[..., Run],
    write_model: Callable[..., Path],
    change: dict[str, Any],
    errors: tuple[tuple[str, str], ...],
) -> None:
    run = lodestar("import", str(write_model(edited(change))))

    assert run.code == 2
    found = reported(run)
    assert sorted(path for path, _ in found) == sorted(path for path, _ in errors), run.err
    for path, part in errors:
        assert any(p == path and part in message for p, message in found), f"{path}: …{part}… not in\n{run.err}"
    assert lodestar("export").code == 2  # nothing was written: there is still no model


def test_survey_ids_need_not_name_what_still_exists(
    lodestar: Callable[..., Run], write_model: Callable[..., Path]
) -> None:
    document = edited(
        {
            "surveys[1].audience": ["old-unit"],
            "surveys[1].tasks": ["old-task"],
            "surveys[1].participants": ["old-person"],
            "surveys[1].responses": [{"unit": "old-unit", "date": "2026-09-02", "answers": [{"task": "old-task"}]}],
        }
    )
    assert lodestar("import", str(write_model(document))).code == 0
