"""What `ecf2 serve` does before serving on the embedded default."""

from __future__ import annotations

from collections.abc import Callable

from ecf2.adapters.db.migrations import upgrade_to_head
from ecf2.container import Container


def prepare_embedded_database(container: Container, echo: Callable[[str], object]) -> None:
    settings = container.settings()
    upgrade_to_head(settings.database_url)
    echo("Database migrated to the head revision.")
