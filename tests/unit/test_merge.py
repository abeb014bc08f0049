"""The three-way merge of an import: pure, over three models (base, store, file)."""

from __future__ import annotations

import copy
from typing import Any

from lodestar.lib.model import Model
from lodestar.modelfile.merge import merge_models
from lodestar.modelfile.plan import plan_changes, shown
from lodestar.modelfile.plan_text import render_plan
from lodestar.modelfile.validate import validate_document

BASE: dict[str, Any] = {
    "lodestar": 1,
    "organization": {"name": "Example Ltd"},
    "units": [
        {"id": "co", "name": "Example Ltd", "kind": "company"},
        {"id": "mkt", "name": "Marketing", "kind": "department", "parent": "co"},
    ],
    "periods": [{"id": "fy", "start": "2026-01-01", "end": "2026-12-31"}],
    "goals": [
        {
            "id": "growth",
            "title": "Grow",
            "owner": "co",
            "period": "fy",
            "key_results": [
                {
                    "id": "leads",
                    "title": "Leads",
                    "baseline": 0,
                    "target": 10,
                    "measurements": [{"date": "2026-03-31", "value": 2}],
                    "check_ins": [{"date": "2026-03-31", "confidence": 6}],
                }
            ],
        }
    ],
}


def model(change: Any = None) -> Model:
    document = copy.deepcopy(BASE)
    if change is not None:
        change(document)
    return validate_document(document)


def leads(document: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = document["goals"][0]["key_results"][0]
    return found


def test_an_unchanged_file_keeps_everything_the_store_did_since() -> None:
    def store_change(d: dict[str, Any]) -> None:
        d["goals"][0]["title"] = "Grow fast"
        leads(d)["check_ins"].append({"date": "2026-04-30", "confidence": 7})
        d["units"].append({"id": "sales", "name": "Sales", "kind": "department", "parent": "co"})

    store = model(store_change)
    merged = merge_models(base=model(), store=store, file=model())

    assert merged.conflicts == []
    assert validate_document(merged.document) == store
    assert merged.kept == {"entities": 2, "check_ins": 1}


def test_two_equal_check_ins_recorded_in_the_store_both_stay() -> None:
    twice = [{"date": "2026-04-30", "confidence": 7}, {"date": "2026-04-30", "confidence": 7}]
    store = model(lambda d: leads(d)["check_ins"].extend(copy.deepcopy(twice)))
    file = model(lambda d: leads(d).update(target=12))

    merged = validate_document(merge_models(base=model(), store=store, file=file).document)

    check_ins = merged.goals[0].key_results[0].check_ins
    assert [(c.date.isoformat(), c.confidence) for c in check_ins] == [
        ("2026-03-31", 6),
        ("2026-04-30", 7),
        ("2026-04-30", 7),
    ]
    assert merged.goals[0].key_results[0].target == 12


def test_a_check_in_removed_in_the_store_stays_removed() -> None:
    store = model(lambda d: leads(d).pop("check_ins"))

    merged = validate_document(merge_models(base=model(), store=store, file=model()).document)

    assert merged.goals[0].key_results[0].check_ins == []


def test_a_measurement_of_one_date_changed_on_both_sides_is_a_conflict() -> None:
    store = model(lambda d: leads(d)["measurements"].append({"date": "2026-04-30", "value": 3}))
    file = model(lambda d: leads(d)["measurements"].append({"date": "2026-04-30", "value": 4}))

    merged = merge_models(base=model(), store=store, file=file)
    forced = merge_models(base=model(), store=store, file=file, force=True)

    assert [c.text for c in merged.conflicts] == [
        'key_results[leads].measurements[2026-04-30]: the store has {"value": 3}, the file has {"value": 4}'
    ]
    assert leads(merged.document)["measurements"][-1]["value"] == 3
    assert leads(forced.document)["measurements"][-1]["value"] == 4


def test_an_entity_changed_in_the_store_and_removed_in_the_file_is_a_conflict() -> None:
    store = model(lambda d: d["units"][1].update(name="Marketing & Brand"))
    file = model(lambda d: d["units"].pop())

    merged = merge_models(base=model(), store=store, file=file)

    assert [c.text for c in merged.conflicts] == [
        "units[mkt]: the file removes it, the store changed it since the export"
    ]
    assert [unit["id"] for unit in merged.document["units"]] == ["co", "mkt"]


def test_a_unit_added_in_the_store_keeps_its_place_after_the_one_it_follows() -> None:
    store = model(lambda d: d["units"].insert(1, {"id": "it", "name": "IT", "kind": "adjacent", "parent": "co"}))
    file = model(lambda d: d["units"].append({"id": "sales", "name": "Sales", "kind": "department", "parent": "co"}))

    merged = merge_models(base=model(), store=store, file=file)

    assert [unit["id"] for unit in merged.document["units"]] == ["co", "it", "mkt", "sales"]


def test_the_plan_shows_each_changed_field_and_the_records_it_removes() -> None:
    def change(d: dict[str, Any]) -> None:
        d["goals"][0]["title"] = "Grow"
        d["goals"][0]["description"] = "Why: " + "x" * 100
        del leads(d)["check_ins"]

    text = render_plan(plan_changes(model(), model(change)))

    assert text.splitlines() == [
        "Plan: 0 to add, 2 to change, 0 to remove.",
        "Warning: this import removes 1 check-in.",
        "",
        "goals:",
        f'  ~ goals[growth].description: (none) → "Why: {"x" * 54}…"',
        "",
        "key_results:",
        "  ~ key_results[leads].check_ins: 1 removed",
    ]


def test_a_shown_value_is_cut_at_60_characters() -> None:
    assert shown("y" * 61) == '"' + "y" * 59 + '…"'
    assert shown("y" * 60) == '"' + "y" * 60 + '"'
    assert shown(None) == "(none)"
    assert shown(2.0) == "2.0"
