"""Keep dates of birth and National Insurance numbers out of the logs.

A TRS read sends them as query parameters, and httpx logs every request's URL at INFO.
They are checked against TRS and never kept (participants-and-schools §3.1), so the
request log shows them masked."""

from __future__ import annotations

import logging

import httpx

PRIVATE_PARAMETERS = ("dateOfBirth", "nationalInsuranceNumber")
MASK = "redacted"


def without_private_parameters(url: httpx.URL) -> httpx.URL:
    params = url.params
    for name in PRIVATE_PARAMETERS:
        if name in params:
            params = params.set(name, MASK)
    return url.copy_with(params=params)


class HidePrivateParameters(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                without_private_parameters(arg) if isinstance(arg, httpx.URL) else arg
                for arg in record.args
            )
        return True


def hide_private_parameters_in_httpx_logs() -> None:
    """Idempotent: the filter is added to httpx's logger once."""
    logger = logging.getLogger("httpx")
    if not any(isinstance(f, HidePrivateParameters) for f in logger.filters):
        logger.addFilter(HidePrivateParameters())
