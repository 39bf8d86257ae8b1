"""The bridge from the dependency-injector container to Litestar: each provider is wrapped
in a plain function handed to `Provide`. No wiring, no @inject (STYLE.md §3.4)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dependency_injector import providers
from litestar.di import Provide

from ecf2.container import Container


def _from(provider: providers.Provider[Any]) -> Callable[[], Any]:
    def provide() -> Any:
        return provider()

    return provide


def dependencies(container: Container) -> dict[str, Provide]:
    return {
        "settings": Provide(_from(container.settings), sync_to_thread=False),
        "clock": Provide(_from(container.clock), sync_to_thread=False),
        "uow": Provide(_from(container.uow), sync_to_thread=False),
        "engine": Provide(_from(container.engine), sync_to_thread=False),
    }
