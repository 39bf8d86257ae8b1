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
    )
    _refuse_unsafe_production(settings)
    _require_real_trs(settings)
    return settings


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
