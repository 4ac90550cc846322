"""Reports: per document its actors, events, quotes and positions, each with its evidence sentence."""

from __future__ import annotations

import html
from typing import Any

from markupsafe import Markup

from diplograph.store.repository import Store


def collect(store: Store, *, actor: str | None = None, since: str | None = None, until: str | None = None,
            outlet: str | None = None, only_findings: bool = False, limit: int | None = None,
            doc: str | None = None) -> list[dict[str, Any]]:
    """The documents to report on, oldest first, each with ``actors`` (code, name, mentions) and its findings.

    ``doc`` (store id or external id) restricts the report to one document.
    """
    if doc is not None:
        one = store.document(doc)
        docs = [one] if one else []
    else:
        docs = store.documents(actor=actor, since=since, until=until, outlet=outlet, limit=limit)
    names = {a["code"]: a["name"] for a in store.actors()}
    out = []
    for summary in sorted(docs, key=lambda d: (d["date"] or "", d["id"])):
        d = store.document(summary["id"])
        if d is None:
            continue
        if only_findings and not (d["events"] or d["quotes"] or d["positions"]):
            continue
        counts: dict[str, int] = {}
        for mt in d["mentions"]:
            if mt["actor"] and mt["kind"] != "source" and mt.get("participant", True):
                counts[mt["actor"]] = counts.get(mt["actor"], 0) + 1
        for e in d["events"]:
            for c in e["actors"] + e["recipients"]:
                counts.setdefault(c, 0)
        for q in d["quotes"]:
            if q["actor"]:
                counts.setdefault(q["actor"], 0)
        for p in d["positions"]:
            counts.setdefault(p["holder"], 0)
        d["actors"] = [{"code": c, "name": names.get(c), "mentions": n}
                       for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        out.append(d)
    return out


def render(store: Store, fmt: str = "markdown", **filters: Any) -> str:
    """The report as Markdown or as a self-contained HTML page."""
    docs = collect(store, **filters)
    if fmt != "html":
        return render_markdown(docs)
    if filters.get("doc"):
        return render_html(docs)
    from diplograph.analyse.report_html import render_html_report

    return render_html_report(store, actor=filters.get("actor"), since=filters.get("since"),
                              until=filters.get("until"), documents_html=Markup(render_html_sections(docs)),
                              documents_css=Markup(_DOC_CSS))


def _where(d: dict[str, Any]) -> str:
    parts = [d["date"] or "date unknown", d["outlet"] or "", f"{d['source']}" + (f":{d['line']}" if d["line"] else ""),
             d["lang"] or ""]
    if d["duplicate_of"]:
        parts.append(f"duplicate of document {d['duplicate_of']} (similarity {d['similarity']:.2f})")
    return " · ".join(p for p in parts if p)


def _dyad(e: dict[str, Any]) -> str:
    s = ", ".join(e["actors"]) or "?"
    if e["recipients"]:
        s += " → " + ", ".join(e["recipients"])
    return s


def _event_label(e: dict[str, Any]) -> str:
    label = e["type"] + (f" ({e['mode']})" if e["mode"] else "")
    extra = [e["modality"]] if e["modality"] and e["modality"] != "asserted" else []
    if e["condition"]:
        extra.append(f"if: {e['condition']}")
    if e["event_date"] and e["event_date"] != e["doc_date"]:
        extra.append(e["event_date"])
    return label + (" [" + "; ".join(extra) + "]" if extra else "")


def _md(s: str | None) -> str:
    return " ".join((s or "").split()).replace("*", "\\*").replace("_", "\\_")


def render_markdown(docs: list[dict[str, Any]]) -> str:
    lines = ["# diplograph report", "", f"{len(docs)} documents.", ""]
    for d in docs:
        lines += [f"## {_md(d['title'] or d['ext_id'])}", "", f"`{d['ext_id']}` · {_md(_where(d))}", ""]
        if d["actors"]:
            lines.append("**Actors:** " + ", ".join(
                f"{a['code']}" + (f" ({_md(a['name'])})" if a["name"] else "") + (f" ×{a['mentions']}"
                                                                               if a["mentions"] else "")
                for a in d["actors"]))
            lines.append("")
        for title, items, fmt in (("Events", d["events"], _md_event), ("Quotes", d["quotes"], _md_quote),
                                  ("Positions", d["positions"], _md_position)):
            if not items:
                continue
            lines += [f"### {title}", ""]
            lines += [fmt(it) for it in items]
            lines.append("")
        if not (d["events"] or d["quotes"] or d["positions"]):
            lines += ["_No events, quotes or positions found._", ""]
    return "\n".join(lines).rstrip() + "\n"


def _evidence(it: dict[str, Any], key: str = "evidence") -> str:
    sent = it.get("sentence") or it.get(key) or ""
    return f"> {_md(sent)} (chars {it['start']}–{it['end']}, original {it['orig_start']}–{it['orig_end']})"


def _md_event(e: dict[str, Any]) -> str:
    return f"- **{_event_label(e)}** {_dyad(e)}  \n  {_evidence(e)}"


def _md_quote(q: dict[str, Any]) -> str:
    who = _md(q["speaker"] or "unknown speaker") + (f" ({q['actor']})" if q["actor"] else "")
    kind = "direct" if q["direct"] else "indirect"
    return f"- **{who}**, {kind}: “{_md(q['text'])}”  \n  {_evidence(q)}"


def _md_position(p: dict[str, Any]) -> str:
    cond = f" if {_md(p['condition'])}" if p["condition"] else ""
    return f"- **{p['holder']}** {p['stance']} {p['issue']}{cond}  \n  {_evidence(p)}"


# -- HTML ------------------------------------------------------------------------------------------

_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-top:1px solid #ccc;padding-top:1rem}.meta{color:#666;font-size:.9rem}
.ev{margin:.3rem 0 .8rem}.sent{color:#444;font-size:.92rem;border-left:3px solid #ddd;padding-left:.6rem}
mark{background:#fff1a8}.tag{font-weight:600}.none{color:#888;font-style:italic}"""
# The same rules for the document sections inside the analyses page (which has its own page style).
_DOC_CSS = """.doc .meta{color:#6b7383;font-size:.9rem}.doc h3{font-size:14px;margin:10px 0 4px}
.doc .sent{color:#444;font-size:.92rem;border-left:3px solid #ddd;padding-left:.6rem}
.doc mark{background:#fff1a8}.doc .tag{font-weight:600}.doc .none{color:#888;font-style:italic}"""


def _mark(it: dict[str, Any]) -> str:
    """The evidence sentence with the item's span highlighted."""
    sent, ss = it.get("sentence"), it.get("sentence_start")
    if not sent or ss is None:
        return html.escape(it.get("evidence") or it.get("text") or "")
    a = max(0, min(len(sent), it["start"] - ss))
    b = max(a, min(len(sent), it["end"] - ss))
    return html.escape(sent[:a]) + "<mark>" + html.escape(sent[a:b]) + "</mark>" + html.escape(sent[b:])


def render_html_sections(docs: list[dict[str, Any]]) -> str:
    """One HTML section per document: actors, then events, quotes and positions with highlighted evidence."""
    e = html.escape
    parts: list[str] = []
    for d in docs:
        parts.append(f"<section class='doc' id='doc-{d['id']}'><h2>{e(d['title'] or d['ext_id'])}</h2>"
                     f"<p class='meta'><code>{e(d['ext_id'])}</code> · {e(_where(d))}</p>")
        if d["actors"]:
            parts.append("<p><span class='tag'>Actors:</span> " + ", ".join(
                f"<abbr title='{e(a['name'] or '')}'>{e(a['code'])}</abbr>" for a in d["actors"]) + "</p>")
        if d["events"]:
            parts.append("<h3>Events</h3>")
            for ev in d["events"]:
                parts.append(f"<div class='ev'><span class='tag'>{e(_event_label(ev))}</span> {e(_dyad(ev))}"
                             f"<div class='sent'>{_mark(ev)}</div></div>")
        if d["quotes"]:
            parts.append("<h3>Quotes</h3>")
            for q in d["quotes"]:
                who = e(q["speaker"] or "unknown speaker") + (f" ({e(q['actor'])})" if q["actor"] else "")
                kind = "direct" if q["direct"] else "indirect"
                parts.append(f"<div class='ev'><span class='tag'>{who}</span>, {kind}: “{e(q['text'])}”"
                             f"<div class='sent'>{_mark(q)}</div></div>")
        if d["positions"]:
            parts.append("<h3>Positions</h3>")
            for p in d["positions"]:
                cond = f" if {e(p['condition'])}" if p["condition"] else ""
                parts.append(f"<div class='ev'><span class='tag'>{e(p['holder'])}</span> {e(p['stance'])} "
                             f"{e(p['issue'])}{cond}<div class='sent'>{_mark(p)}</div></div>")
        if not (d["events"] or d["quotes"] or d["positions"]):
            parts.append("<p class='none'>No events, quotes or positions found.</p>")
        parts.append("</section>")
    return "\n".join(parts)


def render_html(docs: list[dict[str, Any]]) -> str:
    """A self-contained HTML page of the documents alone (no analyses)."""
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'><title>diplograph report</title>"
            f"<style>{_CSS}</style></head><body><h1>diplograph report</h1><p>{len(docs)} documents.</p>\n"
            + render_html_sections(docs) + "\n</body></html>\n")
