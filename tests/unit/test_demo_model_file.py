"""The demo's model file altwerk.yaml, and how the demo moves it to the day it is loaded."""

from __future__ import annotations

import datetime
from importlib.resources import files
from typing import Any

import pytest

from lodestar.demo.organization import MODEL_FILE, REFERENCE_DATE, demo_document, moved
from lodestar.demo.progress import OBSERVED, PROFILES
from lodestar.modelfile.export import export_text
from lodestar.modelfile.validate import validate_document
from lodestar.modelfile.yaml_io import parse_yaml


def written() -> Any:
    return parse_yaml(files("lodestar.demo").joinpath(MODEL_FILE).read_text(encoding="utf-8"))


def key_result_ids(document: Any) -> list[str]:
    return [kr["id"] for goal in document["goals"] for kr in goal.get("key_results", [])]


def test_the_file_imports_as_it_stands_as_the_demo_of_its_reference_date() -> None:
    as_written = export_text(validate_document(written()))
    assert as_written == export_text(validate_document(demo_document(REFERENCE_DATE)))


def test_the_file_is_dated_in_the_year_of_its_reference_date() -> None:
    periods = written()["periods"]
    assert {period["start"][:4] for period in periods} == {str(REFERENCE_DATE.year)}
    latest = max(m["date"] for goal in written()["goals"] for kr in goal["key_results"] for m in kr["check_ins"])
    assert latest == REFERENCE_DATE.isoformat()


def test_every_key_result_of_the_file_has_a_profile_and_nothing_else_has() -> None:
    ids = key_result_ids(written())
    assert sorted(PROFILES) == sorted(ids)
    assert set(OBSERVED) < set(ids)


@pytest.mark.parametrize(
    ("written_day", "years", "expected"),
    [
        ("2026-11-14", 1, datetime.date(2027, 11, 14)),
        ("2027-02-28", 1, datetime.date(2028, 2, 29)),
        ("2024-02-29", -1, datetime.date(2023, 2, 28)),
        ("2026-02-27", -2, datetime.date(2024, 2, 27)),
        ("2026-12-31", 0, datetime.date(2026, 12, 31)),
    ],
)
def test_a_date_moves_by_whole_years_and_a_month_end_stays_one(
    written_day: str, years: int, expected: datetime.date
) -> None:
    assert moved({"date": written_day}, years=years) == {"date": expected}


def test_years_in_ids_texts_and_horizons_move_but_other_numbers_stay() -> None:
    document = {
        "periods": [{"id": "q1-2026", "start": "2026-01-01", "end": "2026-03-31"}, {"id": "fy2026"}],
        "role_profiles": [{"horizon": 2029, "rationale": "by 2029, not 12026 or 202"}],
        "goals": [{"period": "fy2026", "key_results": [{"target": 2026, "baseline": 2000.0}]}],
    }
    assert moved(document, years=-3) == {
        "periods": [
            {"id": "q1-2023", "start": datetime.date(2023, 1, 1), "end": datetime.date(2023, 3, 31)},
            {"id": "fy2023"},
        ],
        "role_profiles": [{"horizon": 2026, "rationale": "by 2026, not 12026 or 202"}],
        "goals": [{"period": "fy2023", "key_results": [{"target": 2026, "baseline": 2000.0}]}],
    }


def test_moving_copies_so_the_written_file_is_never_changed() -> None:
    document = {"goals": [{"key_results": [{"measurements": [{"date": "2026-01-31", "value": 1}]}]}]}
    result = moved(document, years=0)
    result["goals"][0]["key_results"][0]["measurements"].clear()
    assert document == {"goals": [{"key_results": [{"measurements": [{"date": "2026-01-31", "value": 1}]}]}]}


def test_the_demo_of_another_year_names_that_year_in_ids_and_texts() -> None:
    document = demo_document(datetime.date(2031, 5, 15))
    assert [period["id"] for period in document["periods"]] == ["fy2031", "q1-2031", "q2-2031", "q3-2031", "q4-2031"]
    assert document["mission"]["adopted"] == datetime.date(2030, 11, 14)
    assert {profile["horizon"] for profile in document["role_profiles"]} == {2034}
    [mission_answer] = [answer for answer in document["vision"] if answer["question"] == "mission"]
    assert "in November 2030;" in mission_answer["answer"]


def test_written_notes_sources_and_kpi_values_stay_on_any_day() -> None:
    day = datetime.date(2027, 8, 20)
    document = demo_document(day)
    [goal] = [goal for goal in document["goals"] if goal["id"] == "one-customer-view"]
    [completeness] = [kr for kr in goal["key_results"] if kr["id"] == "crm-completeness"]
    assert completeness["check_ins"][0]["note"] == "Migration of the legacy CRM stalled for three weeks."
    assert completeness["check_ins"][-1]["note"] == "Migration back on track; sales still enters new contacts late."
    assert {m["source"] for m in completeness["measurements"]} == {"CRM"}
    [lead_time] = [kpi for kpi in document["kpis"] if kpi["id"] == "quote-lead-time"]
    [written_lead_time] = [kpi for kpi in written()["kpis"] if kpi["id"] == "quote-lead-time"]
    assert [m["value"] for m in lead_time["measurements"]] == [m["value"] for m in written_lead_time["measurements"]]
    assert [m["date"] for m in lead_time["measurements"]][-1] == datetime.date(2027, 7, 31)
