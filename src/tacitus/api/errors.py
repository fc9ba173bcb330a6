"""One error shape for every failure: ``{"error": {"code", "message"}}`` with a 4xx status.

User input never produces a 500: malformed JSON, a missing field, a bad date, a negative
limit and an unknown id are all answered here with a code a client can switch on and a
message that says how to fix the request. A 500 means a bug in tacitus, and says so.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from tacitus.errors import ConfigError, InputError, StoreError, TacitusError

_log = logging.getLogger("tacitus.api")

#: Status codes Starlette raises by itself, mapped to this API's error codes.
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
    503: "unavailable",
}


class ApiError(Exception):
    """An error answered with ``status`` and ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
        super().__init__(message)


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": {"code": code, "message": message}}


def error_response(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message), status_code=status, headers=headers)


def _field_name(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    problems: list[str] = []
    code = "invalid_request"
    for err in exc.errors():
        kind = str(err.get("type", ""))
        loc = err.get("loc", ())
        if kind == "json_invalid":
            return "malformed_json", f"the request body is not valid JSON ({err.get('msg', '')}); send a JSON object"
        field = _field_name(loc)
        if tuple(loc) == ("body",) and kind in {"model_attributes_type", "dict_type", "model_type"}:
            return "malformed_json", (
                'the request body must be a JSON object (Content-Type: application/json); for example {"text": "..."}'
            )
        if kind == "missing":
            problems.append(f"{field!r} is required")
        elif kind == "extra_forbidden":
            problems.append(f"{field!r} is not a known field; remove it")
        else:
            problems.append(f"{field!r}: {err.get('msg', 'invalid value')}")
    return code, "; ".join(problems) + "; see /openapi.json for the expected request"


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception the app can raise into the one error shape."""

    async def on_api_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, exc.message, exc.headers)

    async def on_validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        code, message = _validation_message(exc)
        return error_response(400 if code == "malformed_json" else 422, code, message)

    async def on_http(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        message = str(exc.detail)
        if exc.status_code == 404:
            message = "no such endpoint; see /api/docs for the list"
        elif exc.status_code == 405:
            message = f"this endpoint does not accept that method ({exc.detail}); see /api/docs"
        return error_response(exc.status_code, code, message, getattr(exc, "headers", None))

    async def on_input(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, InputError)
        return error_response(422, "invalid_input", f"{exc.problem}; {exc.fix}")

    async def on_store(_: Request, exc: Exception) -> JSONResponse:
        return error_response(503, "store_unavailable", str(exc))

    async def on_tacitus(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500 if isinstance(exc, ConfigError) else 422, "tacitus_error", str(exc))

    async def on_bug(_: Request, exc: Exception) -> JSONResponse:
        _log.exception("unexpected error", exc_info=exc)
        return error_response(500, "internal_error", "tacitus failed on this request (a bug); please report it")

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(InputError, on_input)
    app.add_exception_handler(StoreError, on_store)
    app.add_exception_handler(TacitusError, on_tacitus)
    app.add_exception_handler(Exception, on_bug)
