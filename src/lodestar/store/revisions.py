"""The states the store exported, by revision: the base that a later import of the file is merged from."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from lodestar.lib.model import Model
from lodestar.modelfile.export import revision_of
from lodestar.modelfile.reader import InvalidModel
from lodestar.modelfile.validate import validate_document
from lodestar.modelfile.yaml_io import UnsafeYaml, parse_yaml
from lodestar.store.models import ExportedRevision

KEPT = 50  # exported states remembered; a file exported before them imports as a file without revision


def remember_export(text: str) -> str:
    """Keep `text` (an export without its revision line) by its revision, and return the revision."""
    digest = revision_of(text)
    with transaction.atomic():
        newest = ExportedRevision.objects.order_by("-id").values_list("digest", flat=True).first()
        if newest == digest:
            return digest
        ExportedRevision.objects.filter(digest=digest).delete()  # exported again: it becomes the newest
        try:
            with transaction.atomic():
                ExportedRevision.objects.create(digest=digest, text=text, exported_at=timezone.now())
        except IntegrityError:  # a parallel export of the same state remembered it first
            return digest
        oldest_kept = ExportedRevision.objects.order_by("-id").values_list("id", flat=True)[KEPT - 1 : KEPT].first()
        if oldest_kept is not None:
            ExportedRevision.objects.filter(id__lt=oldest_kept).delete()
    return digest


def exported_state(revision: str | None) -> Model | None:
    """The model the store exported as `revision`; None when it did not (or no longer remembers it)."""
    if revision is None:
        return None
    text = ExportedRevision.objects.filter(digest=revision).values_list("text", flat=True).first()
    if text is None:
        return None
    try:
        return validate_document(parse_yaml(text))
    except (InvalidModel, UnsafeYaml):  # exported before a rule it breaks was added: no base to merge from
        return None
