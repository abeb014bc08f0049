"""Running a survey round: create, change, close and delete it (editors and admins).

The answers themselves are given in `answering.py`. The audit entries of these writes hold the
survey's settings, never its participants or responses.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max

from lodestar.accounts import audit
from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import require_editor
from lodestar.goals.services.common import merged
from lodestar.lib import clock
from lodestar.lib.errors import Conflict, Invalid, NotFound
from lodestar.lib.ids import propose_id
from lodestar.lib.model import Model
from lodestar.lib.surveys import Survey, response_order
from lodestar.modelfile.reader import Reader
from lodestar.modelfile.sections.surveys import read_surveys
from lodestar.modelfile.survey_documents import survey_document
from lodestar.notifications.models import SURVEY_INVITATION, SURVEY_REMINDER, SentMessage
from lodestar.store.load import load_model
from lodestar.store.surveys import response_row, survey_row
from lodestar.store.versions import Saved, delete_versioned, expect_version, write_versioned
from lodestar.surveys import models as tables

SETTINGS = ("id", "name", "opens", "closes", "audience", "tasks", "min_group")
RECORDS = ("participants", "responses")
SURVEY_KINDS = (SURVEY_INVITATION, SURVEY_REMINDER)


def settings_document(survey: Survey) -> dict[str, Any]:
    """The survey as an editor sets it: without who answered and what (so audit entries hold neither)."""
    document = survey_document(survey)
    return {key: document[key] for key in SETTINGS if key in document}


def find_survey(model: Model, survey_id: str) -> Survey:
    survey = next((s for s in model.surveys if s.id == survey_id), None)
    if survey is None:
        raise NotFound(f"no survey {survey_id!r}")
    return survey


def read_survey(document: Any, *, records: Survey | None = None) -> Survey:
    """A survey's settings read as the model file reads them (paths without `surveys[0].`). Raises Invalid.

    `records`: the stored survey whose participants and responses the settings must still fit.
    """
    if type(document) is dict:
        given = [key for key in RECORDS if key in document]
        if given:
            raise Invalid(
                "invalid survey", [(key, "given by the participants' answers, not set here") for key in given]
            )
    full = document
    if records is not None and type(document) is dict:
        full = {**document, **{k: v for k, v in survey_document(records).items() if k in RECORDS}}
    r = Reader()
    read = read_surveys(r, [full])
    if r.issues:
        prefix = "surveys[0]"
        issues = [(issue.path.removeprefix(prefix).lstrip("."), issue.message) for issue in r.issues]
        raise Invalid("invalid survey", issues)
    survey: Survey = read[0][1]
    return survey


def is_ended(survey_id: str) -> bool:
    """Whether the round was closed by hand (it takes no more answers, though its `closes` is today)."""
    return tables.Survey.objects.filter(pk=survey_id, ended=True).exists()


def ended_surveys() -> set[str]:
    """The ids of the rounds closed by hand."""
    return set(tables.Survey.objects.filter(ended=True).values_list("pk", flat=True))


def proposed_survey_id(name: str) -> str:
    """An id for a round named `name` that no stored round has."""
    return propose_id(name, set(tables.Survey.objects.values_list("pk", flat=True)), fallback="survey")


def _next_ordinal() -> int:
    last = tables.Survey.objects.aggregate(last=Max("ordinal"))["last"]
    return 0 if last is None else int(last) + 1


def create_survey(*, actor: Actor, document: Any) -> Saved[str]:
    """Add a survey round `{id, name, opens, closes, audience, tasks?, min_group?}`. Raises PermissionDenied, Invalid."""
    require_editor(actor, what="run surveys")
    with transaction.atomic():
        survey = read_survey(document)
        if tables.Survey.objects.filter(pk=survey.id).exists():
            raise Conflict(f"there is already a survey {survey.id!r}")
        tables.Survey.objects.create(**survey_row(survey, ordinal=_next_ordinal(), version=1))
        audit.record(
            actor=actor, action="survey.create", subject=f"survey:{survey.id}", after=settings_document(survey)
        )
    return Saved(id=survey.id, version=1)


def update_survey(*, actor: Actor, survey_id: str, changes: Any, version: Any) -> Saved[str]:
    """Change a survey's settings; the answers given so far must still fit them. Raises NotFound, Conflict, Invalid."""
    require_editor(actor, what="run surveys")
    what = f"survey {survey_id!r}"
    with transaction.atomic():
        current = find_survey(load_model(parts=frozenset({"surveys"})), survey_id)
        expect_version(version, stored=current.version, what=what)
        before = settings_document(current)
        survey = read_survey(merged(before, changes, fixed=("id",), what="survey"), records=current)
        row = survey_row(survey, ordinal=0, version=0)
        columns = {key: value for key, value in row.items() if key not in ("id", "ordinal", "version", "ended")}
        saved = write_versioned(tables.Survey, survey_id, version=version, what=what, columns=columns)
        after = settings_document(survey)
        audit.record(actor=actor, action="survey.update", subject=f"survey:{survey_id}", before=before, after=after)
    return Saved(id=survey_id, version=saved)


def close_survey(*, actor: Actor, survey_id: str, version: Any) -> Saved[str]:
    """End an open round today: no more answers. Raises NotFound, Conflict (not open), Invalid."""
    require_editor(actor, what="run surveys")
    today = clock.today()
    with transaction.atomic():
        current = find_survey(load_model(parts=frozenset({"surveys"})), survey_id)
        expect_version(version, stored=current.version, what=f"survey {survey_id!r}")
        if current.closes < today:
            raise Conflict(f"survey {survey_id!r} closed on {current.closes.isoformat()} already")
        if current.opens > today:
            raise Conflict(f"survey {survey_id!r} opens on {current.opens.isoformat()}: delete it instead")
        saved = update_survey(actor=actor, survey_id=survey_id, changes={"closes": today.isoformat()}, version=version)
        tables.Survey.objects.filter(pk=survey_id).update(ended=True)
        return saved


def delete_survey(*, actor: Actor, survey_id: str, version: Any = None) -> None:
    """Delete a survey round with its answers and the record of its e-mails (a new round of its id invites anew).

    Raises NotFound, Conflict.
    """
    require_editor(actor, what="run surveys")
    what = f"survey {survey_id!r}"
    with transaction.atomic():
        current = find_survey(load_model(parts=frozenset({"surveys"})), survey_id)
        expect_version(version, stored=current.version, what=what, required=False)
        delete_versioned(tables.Survey, survey_id, version=version, what=what)
        SentMessage.objects.filter(topic=survey_id, kind__in=SURVEY_KINDS).delete()
        audit.record(
            actor=actor,
            action="survey.delete",
            subject=f"survey:{survey_id}",
            before={**settings_document(current), "responses": len(current.responses)},
        )


def rewrite_responses(survey: Survey, tokens: dict[int, str | None]) -> None:
    """Write the survey's participants and responses anew, in the canonical order (row ids included).

    `tokens` maps a response's place in `survey.responses` to its token. Written anew, the rows'
    ids follow the canonical order too, so that not even they tell who answered when.
    """
    tables.SurveyResponse.objects.filter(survey_id=survey.id).delete()
    tables.SurveyParticipant.objects.filter(survey_id=survey.id).delete()
    tables.SurveyParticipant.objects.bulk_create(
        tables.SurveyParticipant(survey_id=survey.id, person=person) for person in sorted(survey.participants)
    )
    places = sorted(range(len(survey.responses)), key=lambda i: response_order(survey.responses[i]))
    tables.SurveyResponse.objects.bulk_create(
        tables.SurveyResponse(**response_row(survey.id, survey.responses[i], ordinal=n, token=tokens.get(i)))
        for n, i in enumerate(places)
    )


__all__ = [
    "close_survey",
    "create_survey",
    "delete_survey",
    "ended_surveys",
    "find_survey",
    "is_ended",
    "proposed_survey_id",
    "read_survey",
    "rewrite_responses",
    "settings_document",
    "update_survey",
]
