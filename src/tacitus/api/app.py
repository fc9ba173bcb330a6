"""The FastAPI application: JSON endpoints, the dashboard pages, offline API docs.

Endpoints are thin: they parse the request, call one library function (the pipeline's
:class:`~tacitus.pipeline.Analyzer` or the store through :class:`~tacitus.api.corpus.CorpusView`)
and return its JSON. Every failure leaves through :mod:`tacitus.api.errors` in one shape.
"""

from __future__ import annotations

import hmac
import json
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel, ConfigDict, Field

from tacitus import __version__
from tacitus.api.corpus import CorpusView, Filters
from tacitus.api.errors import ApiError, install_error_handlers
from tacitus.api.guard import GuardMiddleware
from tacitus.api.reader import reader_context
from tacitus.errors import InputError
from tacitus.ingest import content_id, parse_date
from tacitus.model import SCHEMA, Article
from tacitus.pipeline import Analyzer
from tacitus.settings import Settings

WEB = Path(__file__).resolve().parent.parent / "web"

#: Request bodies above this many bytes are refused with 413 (documented in docs/api.md).
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
#: ``limit`` bounds for every list endpoint.
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 1_000_000
#: Events scanned for the map's place counts.
PLACE_SCAN = 20_000


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """How one app instance is set up. ``token`` guards the write endpoints when set."""

    db: Path | None = None
    token: str | None = None
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    #: Host headers the server answers to; None accepts any (see :class:`GuardMiddleware`).
    allowed_hosts: tuple[str, ...] | None = None
    #: Query answers kept per store state (0 turns the cache off); see :class:`tacitus.api.corpus.CorpusView`.
    cache_entries: int = 256
    settings: Settings = field(default_factory=Settings)


class _LazyAnalyzer:
    """Loads the Analyzer on first use (it costs seconds) and runs one analysis at a time.

    One at a time because spaCy pipelines are not documented as thread-safe, and the
    machine has few cores anyway; the lock is per app instance, not module state.
    """

    def __init__(self, settings: Settings, factory: Callable[[], Analyzer] | None) -> None:
        self._factory = factory or (lambda: Analyzer(settings))
        self._analyzer: Analyzer | None = None
        self.lock = threading.Lock()

    def get(self) -> Analyzer:
        if self._analyzer is None:
            self._analyzer = self._factory()
        return self._analyzer


class AnalyzeRequest(BaseModel):
    """One article to analyze. Only ``text`` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="The article text; offsets in the answer index into it.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD; anchors 'on Tuesday'.")
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    language: str = "en"


class IngestRequest(AnalyzeRequest):
    """One article to analyze and store. Without ``id`` the id is a hash of the text."""

    id: str | None = Field(None, max_length=200)


class IngestBatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    articles: list[IngestRequest] = Field(min_length=1, max_length=500)


def _article(body: AnalyzeRequest, article_id: str | None, where: str) -> Article:
    if not body.text.strip():
        raise ApiError(422, "empty_text", f"{where}: the 'text' field is empty; send the article text")
    published = _date(body.published, f"{where}.published") if body.published else None
    return Article(
        id=article_id or content_id(body.text),
        text=body.text,
        published=published,
        title=body.title,
        outlet=body.outlet,
        url=body.url,
        language=body.language,
        source=where,
    )


def _date(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return parse_date(value, name)
    except InputError as exc:
        raise ApiError(400, "bad_date", f"{name}: {exc.problem}; {exc.fix}") from None


def filters(
    country: Annotated[str | None, Query(description="Actor or recipient country (ISO alpha-3, IGO, ...)")] = None,
    actor: Annotated[str | None, Query(description="Acting actor: name, id or country code")] = None,
    recipient: Annotated[str | None, Query(description="Recipient actor: name, id or country code")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type, e.g. REQUEST")] = None,
    since: Annotated[str | None, Query(description="Earliest date, YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="Latest date, YYYY-MM-DD")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name")] = None,
    limit: Annotated[int | None, Query(description=f"Rows to return, 0..{MAX_LIMIT} (default {DEFAULT_LIMIT})")] = None,
    offset: Annotated[int | None, Query(description=f"Rows to skip, 0..{MAX_OFFSET}")] = None,
) -> Filters:
    """The store's filters from the query string, checked: bad values are 400s that say how to fix them."""
    lim = DEFAULT_LIMIT if limit is None else limit
    off = 0 if offset is None else offset
    if not 0 <= lim <= MAX_LIMIT:
        raise ApiError(400, "bad_limit", f"limit={lim} is out of range; use 0 to {MAX_LIMIT} and page with offset")
    if not 0 <= off <= MAX_OFFSET:
        raise ApiError(400, "bad_offset", f"offset={off} is out of range; use 0 to {MAX_OFFSET}")
    start, end = _date(since, "since"), _date(until, "until")
    if start and end and start > end:
        raise ApiError(400, "bad_date", f"since={start} is after until={end}; swap them")
    kind = _clean(type)
    return Filters(
        country=_clean(country),
        actor=_clean(actor),
        recipient=_clean(recipient),
        type=kind.upper() if kind else None,
        since=start,
        until=end,
        outlet=_clean(outlet),
        limit=lim,
        offset=off,
    )


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    if len(value) > 200:
        raise ApiError(400, "bad_filter", "a filter value is longer than 200 characters; shorten it")
    return value or None


FiltersDep = Annotated[Filters, Depends(filters)]


def _json(data: Any, status: int = 200) -> Response:
    """JSON straight from ``json.dumps``: the rows are plain JSON values already, and FastAPI's
    generic encoder costs more than the query on a page of events."""
    return Response(json.dumps(data, ensure_ascii=False), status_code=status, media_type="application/json")


def _page(items: list[dict[str, Any]], flt: Filters, more: bool) -> dict[str, Any]:
    return {"items": items, "limit": flt.limit, "offset": flt.offset, "count": len(items), "more": more}


def create_app(config: ApiConfig | None = None, analyzer: Callable[[], Analyzer] | None = None) -> FastAPI:
    """The API and dashboard. ``analyzer`` builds the Analyzer (tests pass a shared one)."""
    config = config or ApiConfig()
    corpus = (
        CorpusView(config.db, config.settings, cache_entries=config.cache_entries) if config.db is not None else None
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if corpus is not None:
            corpus.close()

    app = FastAPI(
        lifespan=lifespan,
        title="tacitus",
        version=__version__,
        description="Evidence-linked political events, quotes and framing from news text.",
        docs_url=None,  # FastAPI's Swagger UI loads from a CDN; /api/docs is an offline page instead
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    install_error_handlers(app)
    app.add_middleware(GuardMiddleware, max_body_bytes=config.max_body_bytes, allowed_hosts=config.allowed_hosts)
    templates = Environment(
        loader=FileSystemLoader(WEB / "templates"), autoescape=select_autoescape(default=True), auto_reload=False
    )
    lazy = _LazyAnalyzer(config.settings, analyzer)
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")

    def need_corpus() -> CorpusView:
        if corpus is None:
            raise ApiError(
                404, "no_store", "this server has no store; start it with `tacitus serve --db tacitus.duckdb`"
            )
        return corpus

    def check_token(request: Request) -> None:
        if config.token is None:
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), config.token.encode()):
            raise ApiError(
                401,
                "unauthorized",
                "this endpoint writes to the store; send 'Authorization: Bearer <TACITUS_API_TOKEN>'",
                headers={"WWW-Authenticate": "Bearer"},
            )

    def analyze(article: Article) -> dict[str, Any]:
        with lazy.lock:
            return lazy.get().analyze(article).to_dict(include_text=False)

    def render(name: str, **context: Any) -> HTMLResponse:
        return HTMLResponse(templates.get_template(name).render(version=__version__, **context))

    def load_article(article_id: str) -> dict[str, Any]:
        found = need_corpus().analysis(article_id)
        if found is None:
            raise ApiError(404, "not_found", f"no article with id {article_id!r}; list ids with /api/articles")
        return found

    @app.get("/api/health", tags=["meta"])
    def health() -> Response:
        """Liveness, versions, and the store's size when one is attached."""
        store: dict[str, Any] | None = None
        if corpus is not None:
            store = {"db": str(corpus.db), **corpus.summary()}
        return _json({"status": "ok", "version": __version__, "schema": SCHEMA, "store": store})

    @app.post("/api/analyze", tags=["analysis"])
    def analyze_text(body: AnalyzeRequest, include_text: bool = False) -> Response:
        """Analyze one article and return the ``tacitus.analysis/1`` JSON. Nothing is stored."""
        result = analyze(_article(body, "request", "request"))
        if include_text:
            result["article"]["text"] = body.text
        return _json(result)

    @app.post("/api/articles", tags=["store"], status_code=201, dependencies=[Depends(check_token)])
    def ingest_articles(body: IngestRequest | IngestBatch) -> Response:
        """Analyze and store one article (or ``{"articles": [...]}``). Needs the API token when one is set.

        Articles already stored (same id) are not analyzed again; the answer says which.
        """
        store = need_corpus()
        items = body.articles if isinstance(body, IngestBatch) else [body]
        articles = [_article(item, item.id, f"articles[{i}]") for i, item in enumerate(items)]
        present = store.existing_ids([a.id for a in articles])
        fresh = [a for a in articles if a.id not in present]
        with lazy.lock:
            analyses = [lazy.get().analyze(a) for a in fresh]
        written = store.write(analyses) if analyses else 0
        return _json({"stored": [a.id for a in fresh], "already_stored": sorted(present), "written": written}, 201)

    @app.get("/api/articles", tags=["store"])
    def list_articles(flt: FiltersDep) -> Response:
        """Stored articles (metadata and counts, no text), oldest first."""
        items, more = need_corpus().articles(flt)
        return _json(_page(items, flt, more))

    @app.get("/api/articles/{article_id:path}", tags=["store"])
    def get_article(article_id: str) -> Response:
        """One stored article: its analysis JSON with ``article.text``."""
        return _json(load_article(article_id))

    @app.get("/api/events", tags=["store"])
    def list_events(flt: FiltersDep) -> Response:
        """Events with their actors, recipients, date, place and evidence offsets, oldest first."""
        items, more = need_corpus().events(flt)
        return _json(_page(items, flt, more))

    @app.get("/api/quotes", tags=["store"])
    def list_quotes(flt: FiltersDep) -> Response:
        """Quotes: speaker, cue and content spans. ``actor``/``country`` filter on the speaker."""
        items, more = need_corpus().quotes(flt)
        return _json(_page(items, flt, more))

    @app.get("/api/actors", tags=["store"])
    def list_actors(flt: FiltersDep) -> Response:
        """Actors, one row per article they appear in, with their mention counts."""
        items, more = need_corpus().actors(flt)
        return _json(_page(items, flt, more))

    @app.get("/api/stats/timeline", tags=["stats"])
    def stats_timeline(
        flt: FiltersDep, interval: Annotated[str, Query(pattern="^(day|week|month|year)$")] = "month"
    ) -> Response:
        """Event counts per period and event type."""
        return _json({"interval": interval, "items": need_corpus().timeline(flt, interval)})

    @app.get("/api/stats/places", tags=["stats"])
    def stats_places(flt: FiltersDep) -> Response:
        """Event counts per location and event type, for the map (``limit``/``offset`` do not apply).

        At most the first 20,000 matching events are scanned; ``scanned`` says how many were.
        """
        items, scanned = need_corpus().places(flt, PLACE_SCAN)
        return _json({"items": items, "scanned": scanned, "truncated": scanned >= PLACE_SCAN})

    @app.get("/api/stats/dyads", tags=["stats"])
    def stats_dyads(flt: FiltersDep) -> Response:
        """Who acts on whom: event counts per (actor country, recipient country), by PLOVER quad."""
        items, more = need_corpus().dyads(flt)
        return _json(_page(items, flt, more))

    def story_list(min_articles: int, limit: int) -> list[dict[str, Any]]:
        from tacitus.store.stories import list_stories

        if not 1 <= min_articles <= 10_000 or not 0 <= limit <= MAX_LIMIT:
            raise ApiError(400, "bad_limit", f"use min_articles >= 1 and limit 0..{MAX_LIMIT}")
        return [r.to_dict() for r in list_stories(need_corpus().db, min_articles=min_articles, limit=limit)]

    def story_compare(story_id: str) -> dict[str, Any]:
        from tacitus.errors import StoreError
        from tacitus.store.stories import story_analyses
        from tacitus.stories import compare, default_outlet_files, load_outlets

        try:
            analyses = story_analyses(need_corpus().db, story_id)
        except StoreError as exc:
            raise ApiError(404, "not_found", str(exc)) from None
        return {"story": story_id, **compare(analyses, load_outlets(default_outlet_files()))}

    @app.get("/api/stories", tags=["stories"])
    def list_story_rows(min_articles: int = 1, limit: int = DEFAULT_LIMIT) -> Response:
        """Stories (articles across outlets on the same events), most outlets first.

        `tacitus stories --update` builds them from the stored articles.
        """
        return _json({"items": story_list(min_articles, limit)})

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def get_story(story_id: str) -> Response:
        """One story compared side by side per outlet: events reported and omitted, voices, loaded terms, tone."""
        return _json(story_compare(story_id))

    @app.get("/stories", include_in_schema=False)
    def stories_page(min_articles: int = 2) -> HTMLResponse:
        return render("stories.html", stories=story_list(min_articles, MAX_LIMIT), min_articles=min_articles)

    @app.get("/stories/{story_id}", include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        from tacitus.stories import compare_rows

        result = story_compare(story_id)
        return render("story.html", story=result, rows=compare_rows(result, top=12))

    @app.get("/", include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return render("index.html", has_store=corpus is not None)

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return render("docs.html", openapi=app.openapi())

    @app.get("/articles/{article_id:path}", include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        found = load_article(article_id)
        return render("article.html", page=True, **reader_context(found, found["article"]["text"]))

    @app.get("/fragments/article/{article_id:path}", include_in_schema=False)
    def article_fragment(article_id: str) -> HTMLResponse:
        found = load_article(article_id)
        return render("reader.html", **reader_context(found, found["article"]["text"]))

    @app.post("/fragments/analyze", include_in_schema=False)
    def analyze_fragment(body: AnalyzeRequest) -> HTMLResponse:
        result = analyze(_article(body, "request", "request"))
        return render("reader.html", **reader_context(result, body.text))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app
