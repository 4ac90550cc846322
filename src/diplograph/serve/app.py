"""The FastAPI application: JSON API under /api (OpenAPI at /docs) and the dashboard at /."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from diplograph import __version__ as VERSION
from diplograph.serve.deps import require_read
from diplograph.serve.routers import actors, analyses, documents, ingest, items, meta

HERE = Path(str(resources.files("diplograph").joinpath("serve")))


def create_app(db_url: str | None = None, token: str | None = None, store: Any = None) -> FastAPI:
    """The app over the store at ``db_url`` (or an open ``store``).

    Clients on this machine read freely; ``token`` (a bearer token) is needed for POST /api/ingest and
    for reading from other hosts.
    """
    owned = store is None
    if store is None:
        from diplograph.store import open_store

        store = open_store(db_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if app.state.pipeline is not None:
            app.state.pipeline.close()
        if owned:
            store.close()

    app = FastAPI(title="diplograph", version=VERSION, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Diplomatic events (PLOVER), quotes and positions from dated news, each with its "
                              "evidence: document, sentence and character offsets.")
    app.state.store = store
    app.state.token = token
    app.state.pipeline = None

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
                  for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    for r in (meta, documents, actors, items, analyses):
        app.include_router(r.router, dependencies=[Depends(require_read)])
    app.include_router(ingest.router)

    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, str]:
        """Liveness check (open to every client)."""
        return {"status": "ok"}

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=str(HERE / "templates"))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> Any:
        """Swagger UI from the vendored copy (works offline)."""
        return get_swagger_ui_html(openapi_url="/openapi.json", title="diplograph API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> Any:
        return templates.TemplateResponse(request, "index.html", {"version": VERSION})

    return app
