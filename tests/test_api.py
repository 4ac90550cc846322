"""HTTP API on a store filled by the real ingest of the founding articles: every endpoint, and bad
parameters (always a clear 4xx, never a 500)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api_store import ingest_examples
from diplograph.serve.app import create_app

TOKEN = "s3cret-test-token"


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url = ingest_examples(tmp_path_factory.mktemp("api") / "store.db")
    with TestClient(create_app(url, TOKEN), raise_server_exceptions=False) as c:
        yield c


def ok(client, url):
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    return r.json()


def test_meta(client):
    assert ok(client, "/api/health") == {"status": "ok"}
    stats = ok(client, "/api/stats")
    assert stats["counts"]["documents"] == 2
    assert stats["date_min"] == stats["date_max"] == "2023-04"
    issues = ok(client, "/api/issues")
    assert {"peace_talks", "troop_withdrawal"} <= {i["id"] for i in issues}
    assert client.get("/openapi.json").status_code == 200
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_documents_and_spans(client):
    page = ok(client, "/api/documents")
    assert page["total"] == 2 and {d["ext_id"] for d in page["items"]} == {"seed-000", "seed-001"}
    assert ok(client, "/api/documents?limit=1&offset=1")["items"][0]["id"] in {d["id"] for d in page["items"]}
    assert ok(client, "/api/documents?q=absurd")["total"] == 1
    assert ok(client, "/api/documents?since=2023-05")["total"] == 0
    doc = ok(client, "/api/documents/seed-001")
    assert doc["ext_id"] == "seed-001" and "absurd" in doc["text"]
    assert doc["sentences"] and all(doc["text"][s["start"]:s["end"]] == s["text"] for s in doc["sentences"])
    for span in doc["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(doc["text"])
        assert span["kind"] in {"mention", "quote", "event", "position"}
    for p in doc["items"]["positions"]:
        assert doc["text"][p["start"]:p["end"]] == p["evidence"]
    assert ok(client, f"/api/documents/{doc['id']}")["ext_id"] == "seed-001"


def test_items(client):
    positions = ok(client, "/api/positions?limit=1000")
    assert positions["total"] == len(positions["items"])
    for p in positions["items"]:
        assert p["stance"] in {"support", "oppose", "conditional"} and p["sentence"] and p["extractor"]
        assert ok(client, f"/api/positions/{p['id']}")["id"] == p["id"]
    if positions["items"]:
        holder = positions["items"][0]["holder"]
        assert all(p["holder"] == holder for p in ok(client, f"/api/positions?actor={holder}")["items"])
    assert ok(client, "/api/positions?issue=peace_talks&stance=oppose&since=2023&until=2023-04-30")["total"] >= 0
    for kind in ("events", "quotes"):
        page = ok(client, f"/api/{kind}?limit=5")
        assert page["limit"] == 5 and page["total"] >= len(page["items"])
        for it in page["items"]:
            assert ok(client, f"/api/{kind}/{it['id']}")["id"] == it["id"]
    ev = ok(client, "/api/events?type=reject&actor=rus")
    assert all(e["type"] == "REJECT" and isinstance(e["score"], float) for e in ev["items"])
    actors = ok(client, "/api/actors")
    assert actors["total"] == len(actors["items"])
    if actors["items"]:
        code = actors["items"][0]["code"]
        assert ok(client, f"/api/actors/{code.lower()}")["code"] == code


@pytest.mark.parametrize("name", ["timeline", "shifts", "contradictions", "network", "series"])
def test_analyses(client, name):
    res = ok(client, f"/api/analyses/{name}?actor=RUS")
    assert res["analysis"] == name and "data" in res and isinstance(res["rows"], list)
    csv = client.get(f"/api/analyses/{name}?format=csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")


def test_negotiation(client):
    res = ok(client, "/api/analyses/negotiation?parties=UKR,RUS")
    assert res["data"]["parties"] == ["UKR", "RUS"]
    for row in res["data"]["matrix"]:
        for cell in row["cells"].values():
            assert cell is None or all(e["text"] and e["doc_id"] for e in cell["evidence"])
    assert ok(client, "/api/analyses/timeline?actor=RUS&with=UKR&by=week")["params"]["with"] == "UKR"


@pytest.mark.parametrize("url,status", [
    ("/api/documents/999999", 404),
    ("/api/documents/no-such-doc", 404),
    ("/api/positions/999999", 404),
    ("/api/events/999999", 404),
    ("/api/quotes/999999", 404),
    ("/api/positions/abc", 422),
    ("/api/actors/XYZ", 404),
    ("/api/actors/R%20US", 400),
    ("/api/positions?since=2023-13", 400),
    ("/api/positions?since=yesterday", 400),
    ("/api/positions?until=2023-02-30", 400),
    ("/api/positions?since=2024&until=2023", 400),
    ("/api/positions?limit=0", 422),
    ("/api/positions?limit=100000", 422),
    ("/api/positions?limit=abc", 422),
    ("/api/positions?offset=-1", 422),
    ("/api/positions?stance=maybe", 422),
    ("/api/positions?issue=world_peace", 400),
    ("/api/positions?actor=%3Cscript%3E", 400),
    ("/api/events?type=HUG", 400),
    ("/api/events?modality=perhaps", 422),
    ("/api/quotes?direct=perhaps", 422),
    ("/api/documents?until=2023-1", 400),
    ("/api/analyses/timeline?by=fortnight", 422),
    ("/api/analyses/timeline?with=UKR", 400),
    ("/api/analyses/timeline?actor=UKR&with=ukr", 400),
    ("/api/analyses/shifts?format=xml", 422),
    ("/api/analyses/contradictions?since=2023-00", 400),
    ("/api/analyses/negotiation", 422),
    ("/api/analyses/negotiation?parties=UKR", 400),
    ("/api/analyses/negotiation?parties=UKR,UKR", 400),
    ("/api/analyses/network?dyads=RUS", 400),
    ("/api/analyses/network?dyads=RUS-RUS", 400),
    ("/api/analyses/series?by=hour", 422),
    ("/api/nothing-here", 404),
    ("/api/positions/99999999999999999999", 422),
    ("/api/events/-1", 422),
    ("/api/documents/99999999999999999999", 404),
    ("/api/documents/" + "9" * 600, 404),
    ("/api/documents/%00", 404),
    ("/api/documents?q=" + "x" * 300, 422),
    ("/api/documents?since=0000", 400),
    ("/api/positions?since=2023-04-31", 400),
    ("/api/analyses/shifts?since=2023-W01", 400),
    ("/api/analyses/network?dyads=A-B-C", 400),
    ("/api/actors/" + "A" * 100, 400),
])
def test_bad_parameters(client, url, status):
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert "detail" in r.json()


def test_empty_parameters_are_no_filter(client):
    assert ok(client, "/api/positions?actor=&issue=&since=&until=&outlet=")["total"] == \
        ok(client, "/api/positions")["total"]
    # LIKE wildcards are searched for literally
    assert ok(client, "/api/documents?q=%25_")["total"] == 0


def test_ingest_needs_token(client):
    body = {"documents": [{"id": "api-1", "date": "2023-04-20", "text": "Het Kremlin wijst het vredesplan af."}]}
    assert client.post("/api/ingest", json=body).status_code == 401
    assert client.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.get("/api/documents/api-1").status_code == 404


def test_ingest_with_token(client):
    # the text is the first paragraph of the founding article examples/seed-001.txt
    text = ("Het Kremlin staat niet negatief tegenover het telefoongesprek dat de Chinese en Oekraïense presidenten "
            "Xi Jinping en Volodymyr Zelensky woensdag hielden. Woordvoerder Dmitri Peskov zei desgevraagd dat "
            "Moskou \"alles dat een einde zou kunnen maken aan het conflict in Oekraïne\" verwelkomt.")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"documents": [{"id": "api-2", "date": "2023-04-27", "outlet": "Test", "text": text},
                          {"id": "api-3", "date": "not a date", "text": text + " Extra."}]}
    r = client.post("/api/ingest", json=body, headers=auth)
    assert r.status_code == 200, r.text
    res = r.json()
    assert res["stored"] == 2 and res["doc_ids"][0] and any("date" in p for p in res["problems"])
    doc = ok(client, "/api/documents/api-2")
    assert doc["outlet"] == "Test" and doc["date"] == "2023-04-27"
    again = client.post("/api/ingest", json=body, headers=auth).json()
    assert again["stored"] == 0 and again["existing"] == 2
    assert client.post("/api/ingest", json={"documents": []}, headers=auth).status_code == 422
    assert client.post("/api/ingest", json={"documents": [{"id": "x"}]}, headers=auth).status_code == 422
    assert client.post("/api/ingest", content=b"not json", headers=auth | {"Content-Type": "application/json"}
                       ).status_code == 422


def test_ingest_disabled_without_token(tmp_path):
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    with TestClient(create_app(url, None), raise_server_exceptions=False) as c:
        r = c.post("/api/ingest", json={"documents": [{"id": "a", "text": "x"}]},
                   headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403
        assert c.get("/api/documents").json()["total"] == 0


def test_reading_from_another_host_needs_the_token(tmp_path):
    url = f"sqlite:///{tmp_path / 'remote.db'}"
    app = create_app(url, TOKEN)
    with TestClient(app, client=("192.0.2.10", 40000), raise_server_exceptions=False) as remote:
        assert remote.get("/api/health").status_code == 200
        assert remote.get("/api/documents").status_code == 401
        assert remote.get("/api/documents", headers={"Authorization": "Bearer nope"}).status_code == 403
        assert remote.get("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert remote.get("/").status_code == 200  # the page itself; its API calls carry the token
    with TestClient(app, client=("127.0.0.1", 40000)) as local:
        assert local.get("/api/documents").status_code == 200


def test_event_type_filter(client):
    types = ok(client, "/api/event-types")
    assert len(types) == 16 and {"type", "quad", "score"} <= set(types[0])
    for t in ("REJECT", "CONSULT"):
        net = ok(client, f"/api/analyses/network?type={t.lower()}")["data"]
        assert all(set(e["types"]) == {t} for e in net["edges"])
        assert all(e["type"] == t for e in ok(client, f"/api/events?type={t}")["items"])
    assert client.get("/api/analyses/series?type=HUG").status_code == 400
