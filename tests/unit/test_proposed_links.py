"""A proposed link (`contributes_to: [{goal, proposed: true}]`) is kept and shown, but counts nowhere until accepted.

It leaves the parent's progress, the roll-up above it and the health check as if it were not
there, yet it may not close a cycle: accepting it must never make one.
"""

from __future__ import annotations

from typing import Any

import pytest

from lodestar.checks.rules import run_checks
from lodestar.lib.model import Model
from lodestar.modelfile.documents import goal_document
from lodestar.modelfile.reader import InvalidModel
from lodestar.modelfile.validate import validate_document
from lodestar.scoring.report import roll_up, score_model
from tests.conformance.builders import day, goal, key_result, organization

AS_OF = day(50)


def reached(id: str, share: float) -> dict[str, Any]:
    return key_result(id, measured={10: share * 100})


def model_with(parent_link: dict[str, Any]) -> Model:
    """`top` (at 80 %) with `mine` (a key result at 0 %) linked to it by `parent_link`."""
    return validate_document(
        organization(
            goals=[
                goal("top", reached("top-kr", 0.8)),
                goal("mine", reached("mine-kr", 0), contributes_to=[parent_link]),
            ]
        )
    )


def test_a_proposed_link_with_any_weight_leaves_the_parents_progress_as_it_was() -> None:
    report = score_model(model_with({"goal": "top", "weight": 1000, "proposed": True}), AS_OF)

    assert report.goal("top").progress == pytest.approx(0.8)
    assert report.goal("top").status == "on_track"


def test_the_same_link_accepted_counts_with_its_weight() -> None:
    report = score_model(model_with({"goal": "top", "weight": 1000}), AS_OF)

    assert report.goal("top").progress == pytest.approx(0.8 / 1001)
    assert report.goal("top").status == "off_track"


def test_proposed_false_is_a_link_that_counts() -> None:
    report = score_model(model_with({"goal": "top", "weight": 3, "proposed": False}), AS_OF)

    assert report.goal("top").progress == pytest.approx(0.8 / 4)


def test_the_roll_up_leaves_out_proposed_links_at_every_level() -> None:
    model = validate_document(
        organization(
            goals=[
                goal("top", reached("top-kr", 0.6)),
                goal("middle", reached("middle-kr", 0.6), contributes_to=[{"goal": "top"}]),
                goal("mine", reached("mine-kr", 0), contributes_to=[{"goal": "middle", "proposed": True}]),
            ]
        )
    )
    own: dict[str, list[tuple[float | None, float]]] = {
        g.id: [(0.0 if g.id == "mine" else 0.6, 1.0)] for g in model.goals
    }

    assert roll_up(model.goals, own) == {"top": pytest.approx(0.6), "middle": pytest.approx(0.6), "mine": 0.0}


def test_a_goal_whose_only_link_is_proposed_cannot_be_traced_to_the_mission_yet() -> None:
    model = validate_document(
        organization(
            units=[{"id": "mkt", "name": "Marketing", "kind": "department", "parent": "ms"}],
            goals=[
                goal("top", reached("top-kr", 0.8)),
                goal("mine", reached("mine-kr", 0), owner="mkt", contributes_to=[{"goal": "top", "proposed": True}]),
            ],
        )
    )

    subjects = {(f.code, f.subject) for f in run_checks(model, AS_OF)}

    assert ("LS001", "goal:mine") in subjects


def test_a_goal_with_only_a_proposed_contributor_and_no_key_results_is_still_empty() -> None:
    model = validate_document(
        organization(
            goals=[goal("top"), goal("mine", reached("mine-kr", 0), contributes_to=[{"goal": "top", "proposed": True}])]
        )
    )

    subjects = {(f.code, f.subject) for f in run_checks(model, AS_OF)}

    assert ("LS003", "goal:top") in subjects


def test_a_proposed_link_may_not_close_a_cycle() -> None:
    document = organization(
        goals=[
            goal("top", reached("top-kr", 0.8), contributes_to=[{"goal": "mine", "proposed": True}]),
            goal("mine", reached("mine-kr", 0), contributes_to=[{"goal": "top"}]),
        ]
    )

    with pytest.raises(InvalidModel) as raised:
        validate_document(document)

    assert any(message.startswith("cycle: ") for _, message in raised.value.issues)


def test_proposed_must_be_true_or_false() -> None:
    with pytest.raises(InvalidModel) as raised:
        model_with({"goal": "top", "proposed": "yes"})

    assert raised.value.issues == [
        ("goals[1].contributes_to[0].proposed", "expected true or false, got the text 'yes'")
    ]


def test_the_document_writes_proposed_only_where_it_is_set() -> None:
    proposed = model_with({"goal": "top", "weight": 2, "proposed": True}).goals[1]
    counted = model_with({"goal": "top", "weight": 2, "proposed": False}).goals[1]

    assert goal_document(proposed)["contributes_to"] == [{"goal": "top", "weight": 2, "proposed": True}]
    assert goal_document(counted)["contributes_to"] == [{"goal": "top", "weight": 2}]
