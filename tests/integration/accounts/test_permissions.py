"""Who may change the goals of which owner, computed from the model alone."""

import pytest

from lodestar.accounts.actor import Actor
from lodestar.accounts.permissions import editable_owners
from lodestar.modelfile.validate import validate_document
from tests.integration.accounts.cast import MODEL

model = validate_document(MODEL)


def actor(role: str, person: str | None = None) -> Actor:
    return Actor(label="t", role=role, person_id=person, surface="test")


@pytest.mark.parametrize("role", ["admin", "editor"])
def test_admins_and_editors_change_every_owner(role: str) -> None:
    assert editable_owners(actor(role), model) is None


def test_a_viewer_changes_nothing() -> None:
    assert editable_owners(actor("viewer", "sam"), model) == frozenset()


def test_a_member_without_a_person_changes_nothing() -> None:
    assert editable_owners(actor("member"), model) == frozenset()


def test_a_member_changes_their_own_and_their_units_goals() -> None:
    assert editable_owners(actor("member", "ana"), model) == frozenset({"ana", "mkt"})


def test_a_unit_lead_changes_everything_below_the_unit() -> None:
    assert editable_owners(actor("member", "sam"), model) == frozenset({"sam", "mkt", "ana"})


def test_the_area_lead_changes_every_unit_and_person_below() -> None:
    assert editable_owners(actor("member", "jo"), model) == frozenset({"jo", "ms", "mkt", "sales", "sam", "ana", "kim"})
