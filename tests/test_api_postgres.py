"""The HTTP API over a PostgreSQL store filled by the real ingest of the founding articles."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_store import ingest_examples
from diplograph.serve.app import create_app

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def client(pg_server):
    url = ingest_examples(pg_server.create_database())
    app = create_app(url, "tok")
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("url", [
    "/api/stats", "/api/issues", "/api/event-types", "/api/actors", "/api/documents", "/api/documents?q=absurd",
    "/api/documents?actor=RUS&issue=peace_talks", "/api/documents/seed-000", "/api/events?actor=RUS&type=REJECT",
    "/api/quotes?speaker=peskov", "/api/positions?issue=peace_talks&since=2023-04",
    "/api/analyses/timeline?actor=RUS", "/api/analyses/shifts", "/api/analyses/contradictions",
    "/api/analyses/negotiation?parties=UKR,RUS", "/api/analyses/network", "/api/analyses/series?format=csv",
])
def test_reads(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]


def test_contradiction_and_ids(client):
    found = client.get("/api/analyses/contradictions?actor=RUS&issue=peace_talks").json()["data"]
    assert len(found) == 1
    pid = found[0]["for"][0]["evidence"]["id"]
    assert client.get(f"/api/positions/{pid}").json()["holder"] == "RUS"
    for url, status in [("/api/positions/2147483647", 404), ("/api/positions/2147483648", 422),
                        ("/api/documents/2147483647", 404), ("/api/documents/2147483648", 404),
                        ("/api/events?since=2023-02-29", 400)]:
        assert client.get(url).status_code == status, url
