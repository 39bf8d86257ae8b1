"""The API's error bodies (lead-provider-api-v3 §1.7): every handler raises one of these
exceptions and the router turns it into the body lead providers expect."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TypeVar

from litestar import Request, Response
from litestar.status_codes import (
    HTTP_400_BAD_REQUEST,
    HTTP_401_UNAUTHORIZED,
    HTTP_404_NOT_FOUND,
    HTTP_422_UNPROCESSABLE_ENTITY,
)

from ecf2.domain.shared.errors import DomainError, NotFound
from ecf2.entrypoints.api.schemas import json_response

NOT_FOUND_DETAIL = "Nothing could be found for the provided details"
ACCESS_DENIED = {"error": "HTTP Token: Access denied"}
T = TypeVar("T")

# The names lead providers know fields by, longest first (§1.7, RECT:config/api_error_mappings.yml).
FIELD_NAMES = {
    "delivery_partner_api_id": "delivery_partner_id",
    "school_partnership_id": "partnership",
    "contract_period_year": "cohort",
    "declaration_api_id": "participant_declaration_id",
    "contract period": "cohort",
    "teacher_api_id": "participant_id",
    "evidence_type": "evidence_held",
    "teacher_type": "course_identifier",
    "api_id": "id",
}
_FIELD_PATTERN = re.compile("|".join(re.escape(name) for name in FIELD_NAMES))


def translated(text: str) -> str:
    return _FIELD_PATTERN.sub(lambda match: FIELD_NAMES[match.group(0)], text)


class ApiError(Exception):
    """An error with the API's `{"errors": [{"title", "detail"}]}` body."""

    status_code = HTTP_400_BAD_REQUEST
    title = "Bad request"

    def __init__(self, *details: str) -> None:
        super().__init__(*details)
        self.details = details

    def problems(self) -> list[tuple[str, str]]:
        return [(self.title, detail) for detail in self.details]


class BadRequest(ApiError):
    pass


class BadParameter(ApiError):
    title = "Bad parameter"


class ResourceNotFound(ApiError):
    status_code = HTTP_404_NOT_FOUND
    title = "Resource not found"

    def __init__(self) -> None:
        super().__init__(NOT_FOUND_DETAIL)


class Unprocessable(ApiError):
    """Validation failures, one (field, message) pair each; all are reported at once."""

    status_code = HTTP_422_UNPROCESSABLE_ENTITY

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self._problems = list(problems)
        super().__init__(*(message for _, message in self._problems))

    def problems(self) -> list[tuple[str, str]]:
        return self._problems


class AccessDenied(Exception):
    """No token, or one that matches no unrevoked token (§1.2)."""


def errors_body(problems: Iterable[tuple[str, str]]) -> dict[str, Any]:
    unique = dict.fromkeys((translated(title), translated(detail)) for title, detail in problems)
    return {"errors": [{"title": title, "detail": detail} for title, detail in unique]}


def found(view: T | None) -> T:
    """Anything outside the lead provider's scope is as unknown as a wrong id (§1.2)."""
    if view is None:
        raise ResourceNotFound()
    return view


def api_error(_request: Request[Any, Any, Any], error: ApiError) -> Response[bytes]:
    return json_response(errors_body(error.problems()), status_code=error.status_code)


def access_denied(_request: Request[Any, Any, Any], _error: AccessDenied) -> Response[bytes]:
    response = json_response(ACCESS_DENIED, status_code=HTTP_401_UNAUTHORIZED)
    response.headers["WWW-Authenticate"] = 'Token realm="Application"'
    return response


def not_found(request: Request[Any, Any, Any], _error: Exception) -> Response[bytes]:
    return api_error(request, ResourceNotFound())


def domain_error(request: Request[Any, Any, Any], error: DomainError) -> Response[bytes]:
    return api_error(request, Unprocessable([(error.field or "base", error.message)]))


EXCEPTION_HANDLERS: dict[type[Exception], Any] = {
    ApiError: api_error,
    AccessDenied: access_denied,
    NotFound: not_found,
    DomainError: domain_error,
}
