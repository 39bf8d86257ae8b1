"""The `ecf2` command as an operator uses it."""

from __future__ import annotations

import hashlib

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import select

from ecf2.adapters.db.contracts_rows import ApiTokenRow
from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import build_container
from ecf2.domain.contracts import LeadProvider
from ecf2.entrypoints.cli import main
from ecf2.entrypoints.startup import refuse_pending_migrations
from ecf2.settings import Settings


@pytest.fixture
def runner(tmp_path, monkeypatch) -> CliRunner:
    url = f"sqlite:///{tmp_path}/cli.sqlite3"
    monkeypatch.setenv("ECF2_DATABASE_URL", url)
    upgrade_to_head(url)
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    with container.uow() as uow:
        uow.lead_providers.add(LeadProvider(name="Teach First"))
        uow.commit()
    runner = CliRunner()
    runner.container = container
    return runner


def _stored_digests(container) -> list[str]:
    with container.session_factory()() as session:
        return list(session.scalars(select(ApiTokenRow.token_digest)))


def test_a_new_token_is_printed_once_and_only_its_digest_is_stored(runner):
    result = runner.invoke(main, ["api-token", "issue", "Teach First"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert len(token) == 32
    assert _stored_digests(runner.container) == [hashlib.sha256(token.encode()).hexdigest()]


def test_revoking_says_how_many_tokens_were_revoked(runner):
    runner.invoke(main, ["api-token", "issue", "Teach First"])
    result = runner.invoke(main, ["api-token", "revoke", "Teach First"])
    assert result.exit_code == 0
    assert "Revoked 1 API token of Teach First." in result.output


def test_an_unknown_lead_provider_is_a_clear_error_not_a_traceback(runner):
    result = runner.invoke(main, ["api-token", "issue", "Nobody"])
    assert result.exit_code == 1
    assert "There is no lead provider called Nobody" in result.output
    assert "Traceback" not in result.output


def test_a_malformed_setting_stops_the_command_naming_it(runner, monkeypatch):
    monkeypatch.setenv("ECF2_PORT", "eighty")
    result = runner.invoke(main, ["serve"])
    assert result.exit_code == 1
    assert "ECF2_PORT is not valid" in result.output


def test_a_shared_database_behind_its_migrations_stops_start_up(tmp_path):
    url = f"sqlite:///{tmp_path}/behind.sqlite3"
    container = build_container(Settings.from_environment({"ECF2_DATABASE_URL": url}))
    with pytest.raises(click.ClickException, match="run `ecf2 db upgrade` first"):
        refuse_pending_migrations(container)
