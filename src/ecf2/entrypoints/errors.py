"""Errors become GOV.UK pages on the web and the API's error envelope under /api."""

from __future__ import annotations

import logging

from litestar import Request, Response
from litestar.exceptions import HTTPException, NotFoundException
from litestar.response import Template
from litestar.status_codes import (
    HTTP_403_FORBIDDEN,
    HTTP_404_NOT_FOUND,
    HTTP_409_CONFLICT,
    HTTP_500_INTERNAL_SERVER_ERROR,
)

from ecf2.domain.shared.errors import ConcurrentUpdate, NotFound

logger = logging.getLogger("ecf2")


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _api_error(title: str, detail: str, status: int) -> Response[dict[str, object]]:
    return Response({"errors": [{"title": title, "detail": detail}]}, status_code=status)


def not_found(request: Request, _error: Exception) -> Response:
    if _is_api(request):
        return _api_error(
            "Resource not found", "Nothing could be found for the request", HTTP_404_NOT_FOUND
        )
    return Template("errors/not_found.html", status_code=HTTP_404_NOT_FOUND)


def conflict(request: Request, error: Exception) -> Response:
    if _is_api(request):
        return _api_error("Conflict", str(error), HTTP_409_CONFLICT)
    return Template("errors/conflict.html", context={"message": str(error)}, status_code=409)


def http_error(request: Request, error: HTTPException) -> Response:
    if error.status_code == HTTP_404_NOT_FOUND:
        return not_found(request, error)
    if _is_api(request):
        return _api_error("Bad request", str(error.detail), error.status_code)
    if error.status_code == HTTP_403_FORBIDDEN:
        return Template("errors/forbidden.html", status_code=HTTP_403_FORBIDDEN)
    return Response(str(error.detail), status_code=error.status_code, media_type="text/plain")


def server_error(request: Request, error: Exception) -> Response:
    logger.exception("Unhandled error on %s %s", request.method, request.url.path, exc_info=error)
    if _is_api(request):
        return _api_error(
            "Internal server error", "Something went wrong", HTTP_500_INTERNAL_SERVER_ERROR
        )
    return Template("errors/server_error.html", status_code=HTTP_500_INTERNAL_SERVER_ERROR)


EXCEPTION_HANDLERS = {
    NotFound: not_found,
    NotFoundException: not_found,
    ConcurrentUpdate: conflict,
    HTTPException: http_error,
    Exception: server_error,
}
