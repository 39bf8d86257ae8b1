"""GET /api/v3/openapi.yaml and /api/v3/openapi.json: the document, for anyone (no token),
made from this app's routes the first time it is asked for."""

from __future__ import annotations

from typing import Any

import msgspec
import yaml
from litestar import Litestar, Request, Response, get

from ecf2.entrypoints.api.openapi.document import openapi_document

YAML = "application/yaml; charset=utf-8"
JSON = "application/json; charset=utf-8"


class _Dumper(yaml.SafeDumper):
    """Writes shared parts out in full each time, without YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def document_of(app: Litestar) -> dict[str, Any]:
    if "openapi_document" not in app.state:
        app.state.openapi_document = openapi_document(app.routes)
    document: dict[str, Any] = app.state.openapi_document
    return document


@get("/api/v3/openapi.yaml", sync_to_thread=False, include_in_schema=False)
def openapi_yaml(request: Request[Any, Any, Any]) -> Response[str]:
    text = yaml.dump(document_of(request.app), Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    return Response(text, media_type=YAML)


@get("/api/v3/openapi.json", sync_to_thread=False, include_in_schema=False)
def openapi_json(request: Request[Any, Any, Any]) -> Response[bytes]:
    return Response(msgspec.json.encode(document_of(request.app)), media_type=JSON)


OPENAPI_ROUTES = [openapi_yaml, openapi_json]
