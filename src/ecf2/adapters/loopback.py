"""Serving a fake external service (TRS, DfE Sign-in) on loopback, on a background thread,
for tests and the embedded default."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import uvicorn


def serve_on_loopback(
    app: Any,
    name: str,
    health_path: str = "/health",
    host: str = "127.0.0.1",
    port: int = 0,
    startup_timeout: float = 10.0,
) -> tuple[str, Callable[[], None]]:
    """Serve `app` with uvicorn on a daemon thread; port 0 picks a free port.

    Returns once it answers `health_path`: its base URL and a function that stops it."""
    sock = _bound_socket(host, port)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name=name, daemon=True)
    thread.start()
    base_url = _base_url(host, sock.getsockname()[1])

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout=5)
        sock.close()

    try:
        _wait_until_answering(f"{base_url}{health_path}", thread, name, startup_timeout)
    except Exception:
        stop()
        raise
    return base_url, stop


def _bound_socket(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _base_url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def _wait_until_answering(url: str, thread: threading.Thread, name: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError(f"The {name} server stopped while starting")
        try:
            if httpx.get(url, timeout=0.5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise TimeoutError(f"The {name} server did not answer at {url} within {timeout}s")
