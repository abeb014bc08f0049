"""Single sign-on over OpenID Connect: the `LODESTAR_OIDC_*` settings, read and checked.

Pure: settings.py turns the environment into an `SsoConfig` with `read_config`, and into
django-allauth's provider settings with `allauth_providers`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lodestar.accounts.roles import MEMBER, ROLES

# The provider's id in Lodestar's URLs: the redirect URI is <base URL>/sso/<PROVIDER_ID>/login/callback/.
PROVIDER_ID = "oidc"
SSO_PATH = "sso/"
DEFAULT_NAME = "single sign-on"
DEFAULT_ROLE = MEMBER


class SsoSettingError(ValueError):
    """A `LODESTAR_OIDC_*` setting Lodestar cannot use; the message names what is expected."""


@dataclass(frozen=True)
class SsoConfig:
    """What `LODESTAR_OIDC_*` say; `enabled` when an issuer and a client id are set."""

    issuer: str = ""
    client_id: str = ""
    client_secret: str = ""
    name: str = DEFAULT_NAME
    role_claim: str = ""
    roles: Mapping[str, str] = field(default_factory=dict)
    allowed_domains: tuple[str, ...] = ()

    @property
    def enabled(self) -> bool:
        return bool(self.issuer and self.client_id)

    @property
    def origin(self) -> str:
        """scheme://host[:port] of the issuer, where the sign-in's forms lead ("" when off)."""
        if not self.enabled:
            return ""
        parts = urlsplit(self.issuer)
        return f"{parts.scheme}://{parts.netloc}"

    def role_for(self, groups: object) -> str:
        """The role the claim's groups give: the first role of ROLES that a group maps to, else member."""
        names = [groups] if isinstance(groups, str) else groups if isinstance(groups, list) else []
        mapped = {self.roles[name] for name in names if isinstance(name, str) and name in self.roles}
        return next((role for role in ROLES if role in mapped), DEFAULT_ROLE)

    def domain_allowed(self, email: str) -> bool:
        """Whether an e-mail address may sign in: any, when no domains are listed."""
        domain = email.rpartition("@")[2].strip().lower()
        return not self.allowed_domains or domain in self.allowed_domains


def redirect_uri(base_url: str) -> str:
    """The redirect URI to register at the identity provider."""
    return f"{base_url.rstrip('/')}/{SSO_PATH}{PROVIDER_ID}/login/callback/"


def parse_roles(text: str) -> dict[str, str]:
    """`group=role,group=role` (e.g. `lodestar-admins=admin,lodestar-editors=editor`) as a dict."""
    roles: dict[str, str] = {}
    for item in text.split(","):
        if not item.strip():
            continue
        group, equals, role = item.rpartition("=")
        group, role = group.strip(), role.strip()
        if not equals or not group:
            raise SsoSettingError(f"{item.strip()!r}: expected group=role, e.g. lodestar-admins=admin")
        if role not in ROLES:
            raise SsoSettingError(f"{item.strip()!r}: the role must be one of {', '.join(ROLES)}")
        roles[group] = role
    return roles


def parse_domains(text: str) -> tuple[str, ...]:
    """`example.com, example.org` as a tuple of lower-case domains."""
    domains = tuple(item.strip().lower().lstrip("@") for item in text.split(",") if item.strip())
    for domain in domains:
        if "." not in domain or "@" in domain or " " in domain:
            raise SsoSettingError(f"{domain!r}: expected a domain such as example.com")
    return domains


def read_config(environ: Mapping[str, str]) -> SsoConfig:
    """The single sign-on settings of the environment. Raises SsoSettingError naming the variable."""

    def get(name: str) -> str:
        return environ.get(name, "").strip()

    issuer = get("LODESTAR_OIDC_ISSUER").rstrip("/")
    if issuer and not issuer.startswith(("https://", "http://")):
        raise SsoSettingError(f"LODESTAR_OIDC_ISSUER={issuer!r}: expected the issuer's URL, https://…")
    client_id = get("LODESTAR_OIDC_CLIENT_ID")
    if bool(issuer) != bool(client_id):
        raise SsoSettingError("LODESTAR_OIDC_ISSUER and LODESTAR_OIDC_CLIENT_ID go together: set both or neither")
    try:
        roles = parse_roles(get("LODESTAR_OIDC_ROLES"))
    except SsoSettingError as error:
        raise SsoSettingError(f"LODESTAR_OIDC_ROLES: {error}") from None
    try:
        domains = parse_domains(get("LODESTAR_OIDC_ALLOWED_DOMAINS"))
    except SsoSettingError as error:
        raise SsoSettingError(f"LODESTAR_OIDC_ALLOWED_DOMAINS: {error}") from None
    role_claim = get("LODESTAR_OIDC_ROLE_CLAIM")
    if roles and not role_claim:
        role_claim = "groups"
    return SsoConfig(
        issuer=issuer,
        client_id=client_id,
        client_secret=get("LODESTAR_OIDC_CLIENT_SECRET"),
        name=get("LODESTAR_OIDC_NAME") or DEFAULT_NAME,
        role_claim=role_claim,
        roles=roles,
        allowed_domains=domains,
    )


def allauth_providers(config: SsoConfig) -> dict[str, object]:
    """django-allauth's SOCIALACCOUNT_PROVIDERS for the configured provider (none when not configured)."""
    apps = []
    if config.enabled:
        apps.append(
            {
                "provider_id": PROVIDER_ID,
                "name": config.name,
                "client_id": config.client_id,
                "secret": config.client_secret,
                "settings": {"server_url": config.issuer, "oauth_pkce_enabled": True},
            }
        )
    return {
        "openid_connect": {
            "provider_class": "lodestar.accounts.oidc.Provider",
            "OAUTH_PKCE_ENABLED": True,
            "APPS": apps,
        }
    }
