"""Configuration from ECF2_* environment variables, read once and validated at start-up."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from attrs import frozen

EMBEDDED_DATABASE_URL = "sqlite:///ecf2.sqlite3"


class SettingsError(ValueError):
    """A setting is missing or malformed: start-up stops and names it."""


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    SANDBOX = "sandbox"
    PRODUCTION = "production"


class TrsMode(StrEnum):
    FAKE = "fake"
    REAL = "real"


class SignInMode(StrEnum):
    PERSONAS = "personas"
    DFE_SIGN_IN = "dfe_sign_in"


class EmailMode(StrEnum):
    # Emails are kept in the outbox table and go no further: for development and demos.
    OUTBOX = "outbox"
    NOTIFY = "notify"


# DfE Sign-in's public API expects this audience unless told otherwise (c.2).
DFE_SIGN_IN_API_AUDIENCE = "signin.education.gov.uk"


@frozen
class DfeSignInSettings:
    """Where DfE Sign-in is and who this service is to it (inductions-trs (c.1), (c.2))."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str
    api_url: str
    api_secret: str
    api_audience: str = DFE_SIGN_IN_API_AUDIENCE

    @property
    def post_logout_redirect_uri(self) -> str:
        """Where DfE Sign-in sends the user back to after signing them out (c.3)."""
        scheme, _, rest = self.redirect_uri.partition("://")
        return f"{scheme}://{rest.split('/', 1)[0]}/auth/dfe_sign_in/logout"


@frozen
class NotifySettings:
    api_key: str
    template_id: str
    base_url: str | None = None


@frozen
class Settings:
    env: Environment
    database_url: str
    secret_key: str
    host: str
    port: int
    trs_mode: TrsMode
    trs_url: str | None
    trs_api_key: str | None
    sign_in_mode: SignInMode
    time_travel_enabled: bool
    seed_demo_data: bool
    api_rate_limit_per_5_minutes: int
    # None until set: `ecf2 serve` then starts the fake DfE Sign-in (outside production).
    dfe_sign_in: DfeSignInSettings | None = None
    email_mode: EmailMode = EmailMode.OUTBOX
    notify: NotifySettings | None = None

    @property
    def embedded(self) -> bool:
        return self.database_url.startswith("sqlite")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        return _read(os.environ if environ is None else environ)


def _read(environ: Mapping[str, str]) -> Settings:
    value = _Reader(environ)
    env = value("ECF2_ENV", Environment, Environment.DEVELOPMENT)
    production = env is Environment.PRODUCTION
    database_url = value("ECF2_DATABASE_URL", _database_url, EMBEDDED_DATABASE_URL)
    settings = Settings(
        env=env,
        database_url=database_url,
        secret_key=value("ECF2_SECRET_KEY", _secret_key, None if production else "")
        or secrets.token_hex(32),
        host=value("ECF2_HOST", str, "127.0.0.1"),
        port=value("ECF2_PORT", _port, 8000),
        trs_mode=value("ECF2_TRS_MODE", TrsMode, TrsMode.REAL if production else TrsMode.FAKE),
        trs_url=value("ECF2_TRS_URL", _http_url, ""),
        trs_api_key=value("ECF2_TRS_API_KEY", str, "") or None,
        sign_in_mode=value(
            "ECF2_SIGN_IN_MODE",
            SignInMode,
            SignInMode.DFE_SIGN_IN if production else SignInMode.PERSONAS,
        ),
        time_travel_enabled=value("ECF2_TIME_TRAVEL", _boolean, env is Environment.SANDBOX),
        seed_demo_data=value("ECF2_SEED_DEMO_DATA", _boolean, database_url.startswith("sqlite")),
        api_rate_limit_per_5_minutes=value("ECF2_API_RATE_LIMIT", _positive_int, 1000),
        dfe_sign_in=_dfe_sign_in(value),
        email_mode=value("ECF2_EMAIL_MODE", EmailMode, EmailMode.OUTBOX),
        notify=_notify(value),
    )
    _refuse_unsafe_production(settings)
    _require_real_trs(settings)
    _require_dfe_sign_in(settings)
    _require_notify(settings)
    return settings


def _dfe_sign_in(value: _Reader) -> DfeSignInSettings | None:
    """All or nothing: with ECF2_DFE_SIGN_IN_ISSUER set, every other one must be too."""
    issuer = value("ECF2_DFE_SIGN_IN_ISSUER", _http_url, "")
    if not issuer:
        return None
    return DfeSignInSettings(
        issuer=issuer,
        client_id=value("ECF2_DFE_SIGN_IN_CLIENT_ID", str, None),
        client_secret=value("ECF2_DFE_SIGN_IN_CLIENT_SECRET", str, None),
        redirect_uri=value("ECF2_DFE_SIGN_IN_REDIRECT_URI", _http_url, None),
        api_url=value("ECF2_DFE_SIGN_IN_API_URL", _http_url, None),
        api_secret=value("ECF2_DFE_SIGN_IN_API_SECRET", str, None),
        api_audience=value("ECF2_DFE_SIGN_IN_API_AUDIENCE", str, DFE_SIGN_IN_API_AUDIENCE),
    )


def _notify(value: _Reader) -> NotifySettings | None:
    api_key = value("ECF2_NOTIFY_API_KEY", str, "")
    if not api_key:
        return None
    return NotifySettings(
        api_key=api_key,
        template_id=value("ECF2_NOTIFY_TEMPLATE_ID", str, None),
        base_url=value("ECF2_NOTIFY_BASE_URL", _http_url, "") or None,
    )


class _Reader:
    def __init__(self, environ: Mapping[str, str]) -> None:
        self._environ = environ

    def __call__(self, name: str, parse: Callable[[str], Any], default: Any) -> Any:
        raw = self._environ.get(name)
        if raw is None or raw.strip() == "":
            if default is None:
                raise SettingsError(f"{name} must be set")
            return default
        try:
            return parse(raw.strip())
        except (ValueError, TypeError) as error:
            raise SettingsError(f"{name} is not valid: {error}") from error


def _refuse_unsafe_production(settings: Settings) -> None:
    if settings.env is not Environment.PRODUCTION:
        return
    if settings.trs_mode is TrsMode.FAKE:
        raise SettingsError("ECF2_TRS_MODE=fake is refused in production")
    if settings.sign_in_mode is SignInMode.PERSONAS:
        raise SettingsError("ECF2_SIGN_IN_MODE=personas is refused in production")
    if settings.time_travel_enabled:
        raise SettingsError("ECF2_TIME_TRAVEL is refused in production")


def _require_real_trs(settings: Settings) -> None:
    # Only the fake TRS can be started on loopback by `ecf2 serve`; the real one must be named.
    if settings.trs_mode is not TrsMode.REAL:
        return
    if not settings.trs_url:
        raise SettingsError("ECF2_TRS_URL must be set when ECF2_TRS_MODE=real")
    if not settings.trs_api_key:
        raise SettingsError("ECF2_TRS_API_KEY must be set when ECF2_TRS_MODE=real")


def _require_dfe_sign_in(settings: Settings) -> None:
    # Outside production `ecf2 serve` starts a fake DfE Sign-in on loopback instead.
    needed = (
        settings.sign_in_mode is SignInMode.DFE_SIGN_IN and settings.env is Environment.PRODUCTION
    )
    if needed and settings.dfe_sign_in is None:
        raise SettingsError(
            "ECF2_DFE_SIGN_IN_ISSUER must be set when ECF2_SIGN_IN_MODE=dfe_sign_in"
        )


def _require_notify(settings: Settings) -> None:
    if settings.email_mode is EmailMode.NOTIFY and settings.notify is None:
        raise SettingsError("ECF2_NOTIFY_API_KEY must be set when ECF2_EMAIL_MODE=notify")


def _database_url(raw: str) -> str:
    if not raw.startswith(("sqlite:", "postgresql")):
        raise ValueError(f"expected a sqlite:/// or postgresql+psycopg:// URL, got {raw!r}")
    if raw.startswith("postgresql://"):
        return "postgresql+psycopg://" + raw.removeprefix("postgresql://")
    return raw


def _secret_key(raw: str) -> str:
    if len(raw) < 32:
        raise ValueError("must be at least 32 characters")
    return raw


def _port(raw: str) -> int:
    port = int(raw)
    if not 0 < port < 65536:
        raise ValueError(f"{port} is not a TCP port")
    return port


def _positive_int(raw: str) -> int:
    number = int(raw)
    if number <= 0:
        raise ValueError("must be a positive whole number")
    return number


def _http_url(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise ValueError(f"expected an http(s) URL, got {raw!r}")
    return raw.rstrip("/")


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _boolean(raw: str) -> bool:
    lowered = raw.lower()
    if lowered not in _TRUE | _FALSE:
        raise ValueError(f"expected true or false, got {raw!r}")
    return lowered in _TRUE
