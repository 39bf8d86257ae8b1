"""Rows, mappers and repositories for the payments context."""

from __future__ import annotations

from ecf2.adapters.db.repository import SqlRepository

REPOSITORIES: dict[str, type[SqlRepository]] = {}
