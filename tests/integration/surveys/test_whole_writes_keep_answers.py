"""A write of the whole model (an import, a scenario's adoption) keeps what the store knows of its surveys beyond
the file: a round closed by hand stays closed, and a person can still replace the answer they gave."""

from __future__ import annotations

import pytest
import yaml

from lodestar.accounts.actor import command_line_actor
from lodestar.accounts.services import actor_for
from lodestar.lib.errors import Conflict
from lodestar.modelfile.validate import validate_document
from lodestar.scenarios.edits import create_scenario
from lodestar.scenarios.service import adopt_scenario, plan_adoption
from lodestar.store.load import load_model
from lodestar.store.service import export_model, import_model
from lodestar.surveys import models as tables
from lodestar.surveys.answering import submit_response
from lodestar.surveys.services import close_survey, is_ended
from tests.integration.accounts.cast import Cast
from tests.integration.surveys.rounds import ANSWER, open_round, with_tasks

AGAIN = {"clarity": {"own_role": 1}, "answers": [{"task": "web", "accountable": "ms"}]}


@pytest.fixture
def answered(cast: Cast) -> str:
    with_tasks()
    survey_id = open_round()
    for name in ("sam", "ana"):
        submit_response(actor=actor_for(cast.users[name], surface="web"), survey_id=survey_id, document=ANSWER)
    return survey_id


def import_the_export() -> None:
    import_model(model=validate_document(yaml.safe_load(export_model())), force=True)


def test_after_an_import_of_the_export_a_person_replaces_their_answer(answered: str, cast: Cast) -> None:
    import_the_export()
    assert tables.SurveyResponse.objects.filter(survey_id=answered, token=None).count() == 0

    replaced = submit_response(actor=actor_for(cast.users["ana"], surface="web"), survey_id=answered, document=AGAIN)

    assert replaced is True
    survey = next(s for s in load_model().surveys if s.id == answered)
    assert len(survey.responses) == 2
    assert sorted((r.clarity or {}).get("own_role", 0) for r in survey.responses) == [1, 4]


def test_a_response_changed_in_the_imported_file_loses_its_token(answered: str, cast: Cast) -> None:
    document = yaml.safe_load(export_model())
    document["surveys"][0]["responses"][0]["clarity"]["own_role"] = 2
    import_model(model=validate_document(document), force=True)

    assert tables.SurveyResponse.objects.filter(survey_id=answered, token=None).count() == 1


def test_a_round_closed_by_hand_stays_closed_after_an_import(answered: str) -> None:
    version = next(s for s in load_model().surveys if s.id == answered).version
    close_survey(actor=command_line_actor(), survey_id=answered, version=version)
    import_the_export()
    assert is_ended(answered)


def test_adopting_a_scenario_keeps_the_surveys_and_their_answers(answered: str, cast: Cast) -> None:
    before = next(s for s in load_model().surveys if s.id == answered)
    create_scenario(
        actor=command_line_actor(),
        document={
            "id": "hub",
            "name": "A hub",
            "units": [{"id": "hub", "name": "Hub", "kind": "team", "parent": "mkt"}],
        },
    )

    plan = plan_adoption(scenario_id="hub")
    assert [change for change in plan.plan.changes if change.collection == "surveys"] == []
    adopt_scenario(actor=command_line_actor(), scenario_id="hub")

    after = next(s for s in load_model().surveys if s.id == answered)
    assert (after.participants, after.responses) == (before.participants, before.responses)
    replaced = submit_response(actor=actor_for(cast.users["sam"], surface="web"), survey_id=answered, document=AGAIN)
    assert replaced is True


def test_answering_again_after_a_write_without_the_token_is_refused_not_doubled(answered: str, cast: Cast) -> None:
    tables.SurveyResponse.objects.filter(survey_id=answered).update(token=None)
    with pytest.raises(Conflict):
        submit_response(actor=actor_for(cast.users["ana"], surface="web"), survey_id=answered, document=AGAIN)
    assert tables.SurveyResponse.objects.filter(survey_id=answered).count() == 2
