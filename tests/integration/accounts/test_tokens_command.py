from lodestar.accounts.models import ApiToken
from lodestar.accounts.tokens import user_for_token
from tests.conftest import run_lodestar
from tests.integration.accounts.cast import Cast


def test_tokens_create_prints_a_token_once_and_stores_only_its_digest(cast: Cast) -> None:
    result = run_lodestar("tokens", "create", "viewer@example.com", "--name", "reporting")
    assert result.code == 0
    token = result.out.strip()
    assert user_for_token(token) == cast.viewer
    assert not ApiToken.objects.filter(digest=token).exists()
    assert token not in run_lodestar("tokens", "list").out


def test_tokens_revoke_by_the_listed_id(cast: Cast) -> None:
    token = run_lodestar("tokens", "create", "viewer@example.com").out.strip()
    prefix = token.split("_")[1]
    assert prefix in run_lodestar("tokens", "list", "viewer@example.com").out
    assert run_lodestar("tokens", "revoke", prefix).code == 0
    assert user_for_token(token) is None


def test_tokens_revoke_by_the_token_itself(cast: Cast) -> None:
    token = run_lodestar("tokens", "create", "viewer@example.com").out.strip()
    assert run_lodestar("tokens", "revoke", token).code == 0
    assert user_for_token(token) is None


def test_revoking_an_unknown_token_fails(cast: Cast) -> None:
    result = run_lodestar("tokens", "revoke", "abcdef")
    assert result.code == 2


def test_tokens_for_an_unknown_user_fail(db: None) -> None:
    result = run_lodestar("tokens", "create", "ghost@example.com")
    assert result.code == 2
