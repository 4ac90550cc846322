"""Shared request plumbing: the store, common filters, pagination and the bearer token."""

from __future__ import annotations

import hmac
from typing import Any

from fastapi import Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from diplograph.analyse.issues import issue_names
from diplograph.analyse.periods import BadDate, Filters
from diplograph.analyse.plover import quad_of

MAX_LIMIT = 1000
MAX_ID = 2_147_483_647  # larger ids cannot exist (and overflow 32-bit database integers)


def get_store(request: Request) -> Any:
    return request.app.state.store


def bad(detail: str) -> HTTPException:
    return HTTPException(status_code=400, detail=detail)


def check_issue(issue: str | None) -> str | None:
    issue = issue or None  # an empty parameter is no filter
    if issue is not None:
        names = issue_names()
        if issue not in names:
            raise bad(f"unknown issue {issue!r}; known: {', '.join(sorted(names))}")
    return issue


def check_type(type_: str | None) -> str | None:
    if not type_:
        return None
    t = type_.upper()
    if quad_of(t) in ("", "unknown"):
        raise bad(f"unknown event type {type_!r}: use a PLOVER type such as AGREE, CONSULT, REJECT")
    return t


def check_code(code: str | None, name: str = "actor") -> str | None:
    if code is None or code == "":
        return None
    code = code.strip().upper()
    if not code or len(code) > 50 or not all(c.isalnum() or c == "_" for c in code):
        raise bad(f"bad {name} code {code!r}: use a code such as RUS, UKR, NATO, HAMAS")
    return code


def filters(
    actor: str | None = Query(None, description="Actor code, e.g. RUS"),
    issue: str | None = Query(None, description="Issue id, e.g. peace_talks"),
    since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    outlet: str | None = Query(None, description="Outlet name"),
    type: str | None = Query(None, description="PLOVER event type, e.g. REJECT (events only)"),
) -> Filters:
    try:
        return Filters(actor=check_code(actor), issue=check_issue(issue), since=since or None,
                       until=until or None, outlet=outlet or None, type=check_type(type))
    except BadDate as exc:
        raise bad(str(exc)) from exc


class Paging:
    def __init__(self, limit: int = Query(50, ge=1, le=MAX_LIMIT, description=f"At most {MAX_LIMIT}"),
                 offset: int = Query(0, ge=0, le=10_000_000)) -> None:
        self.limit = limit
        self.offset = offset

    def page(self, items: list[Any]) -> dict[str, Any]:
        return {"total": len(items), "limit": self.limit, "offset": self.offset,
                "items": items[self.offset:self.offset + self.limit]}


_bearer = HTTPBearer(auto_error=False)


LOCAL_CLIENTS = {"127.0.0.1", "::1", "localhost", "testclient"}


def _check_bearer(request: Request, cred: HTTPAuthorizationCredentials | None, what: str) -> None:
    token = request.app.state.token
    if cred is None or not cred.credentials:
        raise HTTPException(401, f"{what} needs a bearer token", headers={"WWW-Authenticate": "Bearer"})
    if not token:
        raise HTTPException(403, f"{what} is disabled: the server was started without a token")
    if not hmac.compare_digest(cred.credentials.encode(), str(token).encode()):
        raise HTTPException(403, "wrong token")


def require_token(request: Request,
                  cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    """Writes need ``Authorization: Bearer <token>``: 401 without one, 403 with a wrong one or none configured."""
    _check_bearer(request, cred, "writing")


def require_read(request: Request,
                 cred: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> None:
    """Reading is open to clients on this machine; clients on other hosts need the bearer token."""
    host = request.client.host if request.client else ""
    if host in LOCAL_CLIENTS or host.startswith("127."):
        return
    _check_bearer(request, cred, "reading from another host")
