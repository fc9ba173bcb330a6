"""The REST API and the offline dashboard (``tacitus serve``).

>>> from tacitus.api import ApiConfig, create_app     # doctest: +SKIP
>>> app = create_app(ApiConfig(db=Path("tacitus.duckdb")))
"""

from tacitus.api.app import DEFAULT_MAX_BODY_BYTES, MAX_LIMIT, ApiConfig, create_app
from tacitus.api.errors import ApiError
from tacitus.api.serve import serve, serve_config

__all__ = ["DEFAULT_MAX_BODY_BYTES", "MAX_LIMIT", "ApiConfig", "ApiError", "create_app", "serve", "serve_config"]
