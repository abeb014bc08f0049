from datetime import timedelta

import pytest
from pytest_django import Settings

from lodestar.accounts.models import SignInAttempt
from lodestar.accounts.services import sign_in
from lodestar.lib.errors import Invalid, PermissionDenied
from tests.integration.accounts.cast import PASSWORD, Cast


def test_sign_in_by_email_ignores_case(cast: Cast) -> None:
    assert sign_in(email=" SAM@example.com ", password=PASSWORD, address="1.2.3.4") == cast.sam


def test_a_wrong_password_is_refused(cast: Cast) -> None:
    with pytest.raises(Invalid):
        sign_in(email="sam@example.com", password="wrong", address="1.2.3.4")


def test_a_deactivated_user_cannot_sign_in(cast: Cast) -> None:
    cast.sam.is_active = False
    cast.sam.save()
    with pytest.raises(Invalid):
        sign_in(email="sam@example.com", password=PASSWORD, address="1.2.3.4")


def test_sign_in_is_blocked_after_five_failures_for_an_email(cast: Cast) -> None:
    for _ in range(5):
        with pytest.raises(Invalid):
            sign_in(email="sam@example.com", password="wrong", address="1.2.3.4")
    with pytest.raises(PermissionDenied):
        sign_in(email="sam@example.com", password=PASSWORD, address="5.6.7.8")


def test_sign_in_is_blocked_after_many_failures_from_one_address(cast: Cast, settings: Settings) -> None:
    settings.SIGN_IN_FAILURES_PER_ADDRESS = 3
    for name in ("a", "b", "c"):
        with pytest.raises(Invalid):
            sign_in(email=f"{name}@example.com", password="wrong", address="9.9.9.9")
    with pytest.raises(PermissionDenied):
        sign_in(email="sam@example.com", password=PASSWORD, address="9.9.9.9")
    assert sign_in(email="sam@example.com", password=PASSWORD, address="1.1.1.1") == cast.sam


def test_a_successful_sign_in_clears_earlier_failures(cast: Cast) -> None:
    for _ in range(4):
        with pytest.raises(Invalid):
            sign_in(email="sam@example.com", password="wrong", address="1.2.3.4")
    sign_in(email="sam@example.com", password=PASSWORD, address="1.2.3.4")
    for _ in range(4):
        with pytest.raises(Invalid):
            sign_in(email="sam@example.com", password="wrong", address="1.2.3.4")
    assert sign_in(email="sam@example.com", password=PASSWORD, address="1.2.3.4") == cast.sam


def _fail_five_times(email: str = "sam@example.com") -> None:
    for _ in range(5):
        with pytest.raises(Invalid):
            sign_in(email=email, password="wrong", address="1.2.3.4")


def _age_failures(minutes: float) -> None:
    for attempt in SignInAttempt.objects.all():
        attempt.at -= timedelta(minutes=minutes)
        attempt.save()


def test_the_lock_on_an_email_says_how_long_it_lasts(cast: Cast) -> None:
    _fail_five_times()
    with pytest.raises(PermissionDenied, match="try again in 15 minutes"):
        sign_in(email="sam@example.com", password=PASSWORD, address="5.6.7.8")


def test_the_lock_still_holds_the_right_password_a_minute_before_it_ends(cast: Cast) -> None:
    _fail_five_times()
    _age_failures(14)
    with pytest.raises(PermissionDenied, match="try again in 1 minute"):
        sign_in(email="sam@example.com", password=PASSWORD, address="5.6.7.8")


def test_after_fifteen_minutes_the_right_password_signs_in_and_resets_the_count(cast: Cast) -> None:
    _fail_five_times()
    _age_failures(15.1)
    assert sign_in(email="sam@example.com", password=PASSWORD, address="5.6.7.8") == cast.sam
    assert not SignInAttempt.objects.filter(email="sam@example.com").exists()


def test_a_wrong_password_while_locked_does_not_lengthen_the_lock(cast: Cast) -> None:
    _fail_five_times()
    _age_failures(10)
    with pytest.raises(PermissionDenied):
        sign_in(email="sam@example.com", password="wrong", address="1.2.3.4")
    _age_failures(5.1)
    assert sign_in(email="sam@example.com", password=PASSWORD, address="1.2.3.4") == cast.sam
