"""Settings for a CLI command: a bad value is a clear one-line error, not a traceback."""

from __future__ import annotations

import click

from ecf2.settings import Settings, SettingsError


def cli_settings() -> Settings:
    try:
        return Settings.from_environment()
    except SettingsError as error:
        raise click.ClickException(str(error)) from error
