/* diplograph dashboard: a small single-page app over the JSON API (no framework, works offline). */
"use strict";

const FILTER_KEYS = ["q", "actor", "issue", "outlet", "type", "since", "until", "by"];
const STANCE_VALUE = { support: 1, conditional: 0.5, mixed: 0, oppose: -1 };
const STANCE_COLOR = { support: "#1b7f3b", conditional: "#a86400", oppose: "#b3261e", mixed: "#6d3fa0" };
const PALETTE = ["#1f4e8c", "#d1495b", "#00798c", "#edae49", "#66a182", "#8d5a97", "#30638e", "#e76f51",
  "#2a9d8f", "#6c757d"];
const main = document.getElementById("main");
const meta = { actors: [], issues: [], issueNames: {}, stats: null };
let charts = [];
let cy = null;

/* ---------- helpers ---------- */

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
    "'": "&#39;" })[c]);
}

function parseHash() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  const parts = path.split("/").filter(Boolean);
  return { view: parts[0] || "overview", arg: parts[1] ? decodeURIComponent(parts[1]) : null,
    params: new URLSearchParams(query || "") };
}

function filterParams(params) {
  const out = new URLSearchParams();
  for (const k of FILTER_KEYS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}

function hashFor(view, params, extra = {}) {
  const p = filterParams(params);
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  const q = p.toString();
  return "#/" + view + (q ? "?" + q : "");
}

function docHref(ref) {
  return `#/doc/${encodeURIComponent(ref.doc_id)}?item=${ref.kind}:${ref.id}`;
}

async function api(path, params) {
  const url = "/api/" + path + (params && [...params].length ? "?" + params.toString() : "");
  const headers = { Accept: "application/json" };
  const token = localStorage.getItem("diplograph-token");
  if (token) headers.Authorization = "Bearer " + token;
  const r = await fetch(url, { headers });
  const body = await r.json().catch(() => ({}));
  if (r.status === 401 || (r.status === 403 && token)) {
    const err = new Error(body.detail || "a token is needed");
    err.needsToken = true;
    throw err;
  }
  if (!r.ok) {
    const d = body.detail;
    const msg = Array.isArray(d) ? d.map((e) => `${(e.loc || []).slice(-1)[0]}: ${e.msg}`).join("; ") : d;
    throw new Error(msg || `${r.status} ${r.statusText}`);
  }
  return body;
}

function apiParams(params, keys, extra = {}) {
  const p = new URLSearchParams();
  for (const k of keys) if (params.get(k)) p.set(k, params.get(k));
  for (const [k, v] of Object.entries(extra)) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  return p;
}

const ANALYSIS_KEYS = ["actor", "issue", "outlet", "type", "since", "until"];

function stance(s) {
  return s ? `<span class="stance stance-${esc(s)}">${esc(s)}</span>` : "";
}

function issueName(id) {
  return meta.issueNames[id] || id;
}

function scoreHtml(v) {
  if (v === null || v === undefined) return "";
  const cls = v < 0 ? "score-neg" : v > 0 ? "score-pos" : "";
  return `<span class="${cls}">${Number(v).toFixed(1)}</span>`;
}

/** An evidence link: where the item was found, and its sentence; a click opens the article at it. */
function evLink(ref, label = "", stanceName = "") {
  const where = [ref.date, ref.outlet, ref.doc_name || ref.doc_ext_id || ("doc " + ref.doc_id)]
    .filter(Boolean).map(esc).join(" · ");
  const cls = stanceName ? ` stance-border-${esc(stanceName)}` : "";
  return `<a class="ev${cls}" data-testid="evidence-link" href="${docHref(ref)}"><span class="meta">${label ? label +
    " · " : ""}${where}</span>${esc(ref.text || ref.sentence || ref.evidence)}</a>`;
}

function setMain(html) {
  for (const c of charts) c.destroy();
  charts = [];
  if (cy) { cy.destroy(); cy = null; }
  main.innerHTML = html;
}

function showError(err) {
  if (err.needsToken) {
    setMain(`<form class="panel" id="token-form"><h3>Access token</h3>
      <p>Reading from another machine needs the server's token (<code>--token</code> / DIPLOGRAPH_TOKEN).</p>
      <p class="error">${esc(err.message)}</p>
      <input name="token" type="password" size="40" autocomplete="off"> <button class="primary">Use token</button></form>`);
    main.querySelector("#token-form").addEventListener("submit", (e) => {
      e.preventDefault();
      localStorage.setItem("diplograph-token", e.target.elements.token.value.trim());
      location.reload();
    });
    return;
  }
  setMain(`<div class="panel"><h3>Could not load this view</h3><p class="error">${esc(err.message)}</p></div>`);
}

/** A table with client-side sorting; columns: {key, label, html(row), value(row)}. */
function table(columns, rows, opts = {}) {
  const t = document.createElement("table");
  t.className = "data " + (opts.className || "");
  if (opts.testid) t.dataset.testid = opts.testid;
  const head = document.createElement("tr");
  columns.forEach((c) => {
    const th = document.createElement("th");
    th.textContent = c.label;
    th.addEventListener("click", () => {
      const asc = !th.classList.contains("sorted-asc");
      head.querySelectorAll("th").forEach((x) => x.classList.remove("sorted-asc", "sorted-desc"));
      th.classList.add(asc ? "sorted-asc" : "sorted-desc");
      const val = c.value || ((r) => r[c.key]);
      rows.sort((a, b) => {
        const x = val(a), y = val(b);
        const cmp = typeof x === "number" && typeof y === "number" ? x - y : String(x ?? "").localeCompare(String(y ?? ""));
        return asc ? cmp : -cmp;
      });
      fill();
    });
    head.appendChild(th);
  });
  const thead = document.createElement("thead");
  thead.appendChild(head);
  t.appendChild(thead);
  const tbody = document.createElement("tbody");
  t.appendChild(tbody);
  function fill() {
    tbody.innerHTML = "";
    if (!rows.length) {
      tbody.innerHTML = `<tr><td colspan="${columns.length}" class="muted">Nothing found.</td></tr>`;
      return;
    }
    for (const r of rows) {
      const tr = document.createElement("tr");
      if (opts.href) {
        tr.className = "clickable";
        tr.addEventListener("click", (e) => { if (e.target.tagName !== "A") location.hash = opts.href(r); });
      }
      tr.innerHTML = columns.map((c) => `<td class="${c.cls || ""}">${c.html ? c.html(r) : esc(r[c.key])}</td>`).join("");
      tbody.appendChild(tr);
    }
  }
  fill();
  return t;
}

function mount(selector, el) {
  const box = main.querySelector(selector);
  box.innerHTML = "";
  box.appendChild(el);
}

function itemRef(it, kind) {
  return { kind, id: it.id, doc_id: it.doc_id, doc_name: it.doc_ext_id, date: it.date, outlet: it.outlet,
    text: it.sentence || it.evidence || it.text };
}

/* ---------- sidebar ---------- */

async function loadMeta() {
  const [actors, issues, stats, types] = await Promise.all([api("actors", new URLSearchParams({ limit: 1000 })),
    api("issues"), api("stats"), api("event-types")]);
  meta.actors = actors.items;
  meta.issues = issues;
  meta.stats = stats;
  meta.issueNames = Object.fromEntries(issues.map((i) => [i.id, i.name]));
  const form = document.getElementById("filters");
  const fillSel = (name, options) => {
    const sel = form.elements[name];
    sel.innerHTML = '<option value="">any</option>' + options.map(([v, l]) => `<option value="${esc(v)}">${esc(l)}</option>`).join("");
  };
  fillSel("actor", meta.actors.map((a) => [a.code, a.name ? `${a.code} — ${a.name}` : a.code]));
  fillSel("issue", meta.issues.map((i) => [i.id, `${i.name} (${i.positions})`]));
  fillSel("outlet", stats.outlets.map((o) => [o, o]));
  fillSel("type", types.map((t) => [t.type, `${t.type} (${t.score > 0 ? "+" : ""}${t.score})`]));
}

function syncForm(params) {
  const form = document.getElementById("filters");
  for (const k of FILTER_KEYS) {
    const el = form.elements[k];
    const v = params.get(k) || (k === "by" ? "month" : "");
    if (el.tagName === "SELECT" && v && ![...el.options].some((o) => o.value === v)) {
      el.insertAdjacentHTML("beforeend", `<option value="${esc(v)}">${esc(v)}</option>`);
    }
    el.value = v;
  }
  document.querySelectorAll("#nav a").forEach((a) => {
    const view = a.dataset.view;
    a.href = hashFor(view === "overview" ? "" : view, params);
    a.classList.toggle("active", view === parseHash().view);
  });
}

document.getElementById("filters").addEventListener("submit", (e) => {
  e.preventDefault();
  const form = e.target;
  const err = document.getElementById("filter-error");
  for (const k of ["since", "until"]) {
    if (!form.elements[k].checkValidity()) { err.textContent = `${k}: use YYYY, YYYY-MM or YYYY-MM-DD`; return; }
  }
  err.textContent = "";
  const { view, arg, params } = parseHash();
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = form.elements[k].value.trim();
    if (v && !(k === "by" && v === "month")) p.set(k, v);
  }
  for (const k of ["tab", "parties"]) if (params.get(k)) p.set(k, params.get(k));
  const target = view === "doc" ? "items" : view;
  location.hash = "#/" + (target === "overview" ? "" : target) + (arg && view !== "doc" ? "/" + arg : "") +
    ([...p].length ? "?" + p : "");
});

document.getElementById("reset").addEventListener("click", () => {
  const { view } = parseHash();
  location.hash = "#/" + (view === "overview" || view === "doc" ? "" : view);
});

/* ---------- views ---------- */

async function viewOverview(params) {
  const s = meta.stats;
  const c = s.counts;
  setMain(`<h1>Overview</h1>
    <div class="cards">${[["documents", c.documents], ["events", c.events], ["quotes", c.quotes],
      ["positions", c.positions], ["actors", c.actors], ["period", s.date_min === s.date_max ? (s.date_min || "?") : `${s.date_min || "?"} – ${s.date_max || "?"}`]]
      .map(([l, n]) => `<div class="card"><div class="n${String(n).length > 8 ? " small" : ""}">${esc(n)}</div><div class="l">${esc(l)}</div></div>`).join("")}</div>
    <div class="grid2">
      <section class="panel"><h3>Actors</h3><div id="actors"></div></section>
      <section class="panel"><h3>Contradictions</h3><div id="contra" class="muted">Loading…</div>
        <h3 style="margin-top:16px">Latest documents</h3><div id="docs"></div></section>
    </div>`);
  mount("#actors", table([
    { key: "code", label: "Actor", html: (a) => `<span class="code">${esc(a.code)}</span> ${esc(a.name || "")}` },
    { key: "mentions", label: "Mentions" }, { key: "events", label: "Events" },
    { key: "quotes", label: "Quotes" }, { key: "positions", label: "Positions" },
  ], meta.actors.slice(), { href: (a) => hashFor("timeline", new URLSearchParams({ actor: a.code })) }));
  const [contra, docs] = await Promise.all([
    api("analyses/contradictions", apiParams(params, ANALYSIS_KEYS, { by: params.get("by") })),
    api("documents", apiParams(params, ["actor", "issue", "outlet", "since", "until", "q"], { limit: 10 })),
  ]);
  main.querySelector("#contra").outerHTML = contradictionList(contra.data.slice(0, 5));
  mount("#docs", docTable(docs.items));
}

function docTable(items) {
  return table([
    { key: "date", label: "Date", cls: "nowrap" }, { key: "title", label: "Title", html: (d) => esc(d.title || d.ext_id) },
    { key: "outlet", label: "Outlet" }, { key: "events", label: "Ev." }, { key: "positions", label: "Pos." },
    { key: "quotes", label: "Quotes" },
  ], items, { href: (d) => `#/doc/${d.id}`, testid: "documents-table" });
}

const ITEM_TABS = {
  positions: {
    label: "Positions", kind: "position",
    columns: [
      { key: "date", label: "Date", cls: "nowrap" },
      { key: "holder", label: "Holder", html: (p) => `<span class="code">${esc(p.holder)}</span>` },
      { key: "issue", label: "Issue", html: (p) => esc(issueName(p.issue)) },
      { key: "stance", label: "Stance", html: (p) => stance(p.stance) + (p.condition ? `<div class="muted">if ${esc(p.condition)}</div>` : "") },
      { key: "outlet", label: "Outlet", html: (p) => esc(p.outlet || p.doc_ext_id) },
      { key: "sentence", label: "Evidence", cls: "evidence" },
    ],
    extra: (params) => ({ q: params.get("q") }),
  },
  events: {
    label: "Events", kind: "event",
    columns: [
      { key: "date", label: "Date", cls: "nowrap" },
      { key: "actors", label: "Actor", html: (e) => `<span class="code">${esc(e.actors.join(", "))}</span>`, value: (e) => e.actors.join() },
      { key: "type", label: "Type", html: (e) => `<span class="chip">${esc(e.type)}${e.mode ? "/" + esc(e.mode) : ""}</span>` +
        (e.modality && e.modality !== "asserted" ? ` <span class="muted">${esc(e.modality)}</span>` : "") },
      { key: "recipients", label: "Recipient", html: (e) => `<span class="code">${esc(e.recipients.join(", "))}</span>`, value: (e) => e.recipients.join() },
      { key: "score", label: "Score", html: (e) => scoreHtml(e.score) },
      { key: "sentence", label: "Evidence", cls: "evidence" },
    ],
    extra: (params) => ({ q: params.get("q") }),
  },
  quotes: {
    label: "Quotes", kind: "quote",
    columns: [
      { key: "date", label: "Date", cls: "nowrap" },
      { key: "speaker", label: "Speaker", html: (q) => esc(q.speaker || "?") + (q.actor ? ` <span class="code">${esc(q.actor)}</span>` : "") },
      { key: "direct", label: "Direct", html: (q) => (q.direct ? "direct" : "reported") },
      { key: "text", label: "Quote", cls: "evidence", html: (q) => "“" + esc(q.text) + "”" },
      { key: "outlet", label: "Outlet", html: (q) => esc(q.outlet || q.doc_ext_id) },
    ],
    extra: (params) => ({ q: params.get("q") }),
  },
  documents: { label: "Documents" },
};

async function viewItems(params) {
  const tab = ITEM_TABS[params.get("tab")] ? params.get("tab") : "positions";
  const offset = Math.max(0, parseInt(params.get("offset") || "0", 10) || 0);
  const limit = 50;
  const tabs = Object.entries(ITEM_TABS).map(([k, t]) =>
    `<a href="${hashFor("items", params, { tab: k })}" class="${k === tab ? "active" : ""}">${t.label}</a>`).join("");
  setMain(`<h1>Items</h1><div class="tabs">${tabs}</div><div class="pager" id="pager"></div><div id="list"></div>`);
  let page;
  const keys = ["actor", "issue", "outlet", "since", "until", "q"].concat(tab === "events" ? ["type"] : []);
  if (tab === "documents") {
    page = await api("documents", apiParams(params, keys, { limit, offset }));
    mount("#list", docTable(page.items));
  } else {
    const t = ITEM_TABS[tab];
    page = await api(tab, apiParams(params, keys, { limit, offset }));
    mount("#list", table(t.columns.map((c) => ({ ...c })), page.items,
      { href: (it) => docHref(itemRef(it, t.kind)), testid: `${tab}-table` }));
  }
  const prev = offset > 0 ? `<a href="${hashFor("items", params, { tab, offset: Math.max(0, offset - limit) })}">← previous</a>` : "";
  const next = offset + limit < page.total ? `<a href="${hashFor("items", params, { tab, offset: offset + limit })}">next →</a>` : "";
  main.querySelector("#pager").innerHTML = `${page.total} found · showing ${page.total ? offset + 1 : 0}–${Math.min(offset + limit, page.total)} ${prev} ${next}`;
}

async function viewTimeline(params) {
  if (!params.get("actor")) {
    setMain(`<h1>Timeline</h1><div class="panel"><p>Choose an actor in the filters (or click one):</p>
      <p>${meta.actors.slice(0, 30).map((a) => `<a class="chip" href="${hashFor("timeline", params, { actor: a.code })}">${esc(a.code)}</a>`).join(" ")}</p></div>`);
    return;
  }
  const p = apiParams(params, ANALYSIS_KEYS, { by: params.get("by"), with: params.get("with") });
  const res = await api("analyses/timeline", p);
  const d = res.data;
  const title = d.dyad ? `${d.dyad[0]} ↔ ${d.dyad[1]}` : d.actor;
  const others = meta.actors.filter((a) => a.code !== d.actor).slice(0, 20);
  setMain(`<h1>Timeline: ${esc(title)}${d.issue ? " on " + esc(issueName(d.issue)) : ""}</h1>
    <div class="panel"><p class="muted">Stance per issue (line colour) and period (support = 1, conditional = ½, oppose = −1;
      the mean when several reports; the point is filled with the stance colour). Click a point to list its evidence. Dyad with:
      ${others.map((a) => `<a class="chip" href="${hashFor("timeline", params, { with: a.code })}">${esc(a.code)}</a>`).join(" ")}
      ${d.dyad ? `<a href="${hashFor("timeline", params)}">(actor only)</a>` : ""}</p>
      <div class="chart-box"><canvas id="stance-chart"></canvas></div></div>
    <div class="panel"><h3>Events per period</h3><div class="chart-box" style="height:200px"><canvas id="event-chart"></canvas></div></div>
    <div class="panel"><h3 id="bucket-title">All items</h3><div id="tl-items"></div></div>`);
  const lanes = d.lanes.filter((l) => l !== "events");
  const cell = (period, lane) => d.buckets.find((b) => b.period === period && b.lane === lane);
  const bucketStance = (b) => {
    const kinds = new Set(b.items.map((it) => it.stance));
    return kinds.size === 1 ? [...kinds][0] : "mixed";
  };
  const datasets = lanes.map((lane, i) => ({
    label: issueName(lane), lane, borderColor: PALETTE[i % PALETTE.length], backgroundColor: PALETTE[i % PALETTE.length],
    spanGaps: true, tension: 0.2, pointRadius: 7, pointHoverRadius: 9, pointBorderWidth: 3,
    pointBackgroundColor: d.periods.map((per) => { const b = cell(per, lane); return b ? STANCE_COLOR[bucketStance(b)] : "#fff"; }),
    data: d.periods.map((per) => {
      const b = cell(per, lane);
      if (!b) return null;
      const vals = b.items.map((it) => STANCE_VALUE[it.stance] ?? 0);
      return vals.reduce((a, x) => a + x, 0) / vals.length;
    }),
  }));
  const showBucket = (period, lane) => {
    const items = d.items.filter((it) => it.period === period && (!lane || it.lane === lane));
    main.querySelector("#bucket-title").textContent = `${lane ? issueName(lane) : "All items"} · ${period}`;
    renderTimelineItems(items);
  };
  charts.push(new Chart(main.querySelector("#stance-chart"), {
    type: "line", data: { labels: d.periods, datasets },
    options: { maintainAspectRatio: false, animation: false,
      scales: { y: { min: -1.5, max: 1.5, ticks: { stepSize: 0.5, callback: (v) => ({ 1: "support", 0.5: "conditional", 0: "mixed", "-1": "oppose" })[v] ?? "" } } },
      onClick: (_, els) => { if (els.length) { const e = els[0]; showBucket(d.periods[e.index], datasets[e.datasetIndex].lane); } } },
  }));
  const evBuckets = d.periods.map((per) => cell(per, "events"));
  charts.push(new Chart(main.querySelector("#event-chart"), {
    type: "bar",
    data: { labels: d.periods, datasets: [{ label: "events", data: evBuckets.map((b) => (b ? b.count : 0)),
      backgroundColor: evBuckets.map((b) => (!b ? "#ccc" : b.mean_score < 0 ? "#b3261e" : "#1b7f3b")) }] },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { display: false },
      tooltip: { callbacks: { afterLabel: (ctx) => { const b = evBuckets[ctx.dataIndex]; return b ? `mean PLOVER score ${b.mean_score}` : ""; } } } },
      onClick: (_, els) => { if (els.length) showBucket(d.periods[els[0].index], "events"); } },
  }));
  renderTimelineItems(d.items);
}

function renderTimelineItems(items) {
  mount("#tl-items", table([
    { key: "period", label: "Period", cls: "nowrap" },
    { key: "lane", label: "Issue", html: (i) => esc(i.lane === "events" ? "events" : issueName(i.lane)) },
    { key: "summary", label: "Item", html: (i) => (i.stance ? stance(i.stance) + " " : "") + esc(i.summary) },
    { key: "outlet", label: "Outlet", html: (i) => esc(i.evidence.outlet || i.evidence.doc_name), value: (i) => i.evidence.outlet || i.evidence.doc_name },
    { key: "evidence", label: "Evidence", cls: "evidence", html: (i) => esc(i.evidence.text), value: (i) => i.evidence.text },
  ], items, { href: (i) => docHref(i.evidence), testid: "timeline-table" }));
}

function defaultParties(params) {
  if (params.get("parties")) return params.get("parties");
  const withPos = meta.actors.filter((a) => a.positions > 0).sort((a, b) => b.positions - a.positions);
  const codes = withPos.map((a) => a.code);
  if (codes.includes("UKR") && codes.includes("RUS")) return "UKR,RUS";
  return codes.slice(0, 2).join(",");
}

async function viewNegotiation(params) {
  const parties = defaultParties(params);
  setMain(`<h1>Negotiation space</h1>
    <form class="panel" id="parties-form">Parties (two or more codes):
      <input name="parties" value="${esc(parties)}" size="30"> <button class="primary">Show</button>
      <span class="muted">Each cell: the party's prevailing stance on the issue, its conditions and preconditions; click a cell for the evidence.</span></form>
    <div id="neg"></div>`);
  main.querySelector("#parties-form").addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = hashFor("negotiation", params, { parties: e.target.elements.parties.value.replace(/\s+/g, "") });
  });
  if (parties.split(",").filter(Boolean).length < 2) {
    main.querySelector("#neg").innerHTML = '<p class="muted">Not enough parties with positions yet.</p>';
    return;
  }
  const res = await api("analyses/negotiation", apiParams(params, ["issue", "outlet", "type", "since", "until"], { parties }));
  const d = res.data;
  const blockedIssues = new Set(d.blocks.flatMap((b) => [b.issue, b.precondition_issue].filter(Boolean)));
  const rows = d.matrix.map((row) => {
    const cells = d.parties.map((p, j) => {
      const c = row.cells[p];
      if (!c) return `<td class="cell muted">—</td>`;
      const cond = c.conditions.map((x) => `<span class="cond">if ${esc(x)}</span>`).join("");
      const pre = c.preconditions.map((x) => `<span class="chip">precondition: ${esc(issueName(x))}</span>`).join("");
      const derived = c.derived_from ? `<span class="cond">rejects it (${esc(c.derived_from)} event)</span>` : "";
      return `<td class="cell ${esc(c.stance)}" data-issue="${esc(row.issue)}" data-party="${j}">${stance(c.stance)}${derived}
        <span class="muted">${Object.entries(c.stances).map(([k, n]) => `${n} ${k}`).join(" · ")}</span>${cond}${pre}</td>`;
    }).join("");
    return `<tr class="${blockedIssues.has(row.issue) ? "blocking" : ""}"><td><b>${esc(issueName(row.issue))}</b></td>${cells}
      <td class="status status-${esc(row.status)}">${esc(row.status.replace("_", " "))}</td></tr>`;
  }).join("");
  const blocks = d.blocks.map((b) => `<div class="panel block" data-testid="block">
      <h3>${b.kind === "precondition" ? "Precondition meets red line" : "Divergence"}: ${esc(issueName(b.issue))}
        ${b.precondition_issue ? "← " + esc(issueName(b.precondition_issue)) : ""}</h3>
      <p>${esc(b.explanation)}</p>
      <div class="versus"><div><h2>${esc(b.party)}</h2>${evLink(b.evidence, stance(b.evidence.stance), b.evidence.stance)}</div>
      <div><h2>${esc(b.against)}</h2>${b.against_evidence.map((e) => evLink(e, e.stance ? stance(e.stance) : `<span class="chip">${esc(e.type)}</span>`, e.stance || "oppose")).join("")}</div></div>
    </div>`).join("");
  main.querySelector("#neg").innerHTML = `<div class="panel"><table class="data matrix" data-testid="matrix">
      <thead><tr><th>Issue</th>${d.parties.map((p) => `<th>${esc(p)}</th>`).join("")}<th>Status</th></tr></thead>
      <tbody>${rows || `<tr><td colspan="${d.parties.length + 2}" class="muted">No positions of these parties.</td></tr>`}</tbody></table>
      <div id="cell-evidence"></div></div>
    <h2>What blocks agreement (${d.blocks.length})</h2>${blocks || '<p class="muted">Nothing found.</p>'}`;
  main.querySelectorAll("td.cell[data-issue]").forEach((td) => td.addEventListener("click", () => {
    const row = d.matrix.find((r) => r.issue === td.dataset.issue);
    const party = d.parties[+td.dataset.party];
    const c = row.cells[party];
    main.querySelector("#cell-evidence").innerHTML = `<h2>${esc(party)} on ${esc(issueName(row.issue))}</h2>` +
      c.evidence.map((e) => evLink(e, (e.stance ? stance(e.stance) : `<span class="chip">${esc(e.type)}</span>`) +
        (e.condition ? " if " + esc(e.condition) : ""), e.stance || "oppose")).join("");
  }));
}

async function viewNetwork(params) {
  const res = await api("analyses/network", apiParams(params, ANALYSIS_KEYS));
  const d = res.data;
  setMain(`<h1>Actor network</h1>
    <div class="grid2" style="grid-template-columns: minmax(0,2fr) minmax(0,1fr)">
      <div><div id="cy"></div><p class="muted">Arrows: actor → recipient; width: number of events; colour: mean PLOVER
        score (red conflict, green cooperation); gold border: mediator. Click an arrow for its evidence.</p></div>
      <div><div class="panel"><h3>Mediators</h3>${d.mediators.length ? d.mediators.map((m) => `<div><b class="code">${esc(m.mediator)}</b>
          talks with both ${esc(m.dyad[0])} and ${esc(m.dyad[1])}${evLink(m.with_a[0], "with " + esc(m.dyad[0]))}${evLink(m.with_b[0], "with " + esc(m.dyad[1]))}</div>`).join("")
          : '<p class="muted">None found: no actor is reported talking with both sides of a conflict dyad.</p>'}
          <h3>Conflict dyads</h3><p>${d.dyads.map((x) => `<span class="chip">${esc(x[0])}–${esc(x[1])}</span>`).join(" ") || '<span class="muted">none</span>'}</p></div>
        <div class="panel" id="edge-panel"><p class="muted">Select an arrow.</p></div></div>
    </div>
    <div class="panel"><h3>Edges</h3><div id="edges"></div></div>`);
  const color = (s) => (s < -0.5 ? "#b3261e" : s > 0.5 ? "#1b7f3b" : "#8a93a3");
  const showEdge = (e) => {
    main.querySelector("#edge-panel").innerHTML = `<h3>${esc(e.source)} → ${esc(e.target)}</h3>
      <p>${e.count} events · mean score ${scoreHtml(e.mean_score)}</p>` +
      e.evidence.map((x) => evLink(x, `<span class="chip">${esc(x.type)}${x.mode ? "/" + esc(x.mode) : ""}</span>`)).join("");
  };
  if (d.nodes.length) {
    cy = cytoscape({
      container: main.querySelector("#cy"),
      elements: [
        ...d.nodes.map((n) => ({ data: { id: n.id, label: n.id, size: 24 + 6 * Math.sqrt(n.events_out + n.events_in), mediator: n.mediator ? 1 : 0 } })),
        ...d.edges.map((e, i) => ({ data: { id: "e" + i, source: e.source, target: e.target, w: 1 + 2 * Math.sqrt(e.count), c: color(e.mean_score), idx: i } })),
      ],
      style: [
        { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#1f4e8c",
          color: "#1d2330", "font-size": 12, "text-valign": "bottom", "text-margin-y": 4 } },
        { selector: "node[mediator = 1]", style: { "border-width": 4, "border-color": "#e0a800" } },
        { selector: "edge", style: { width: "data(w)", "line-color": "data(c)", "target-arrow-color": "data(c)",
          "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.85 } },
        { selector: "edge:selected", style: { opacity: 1, "overlay-opacity": 0.15 } },
      ],
      layout: { name: d.nodes.length > 2 ? "cose" : "circle", animate: false, padding: 30 },
      wheelSensitivity: 0.3,
    });
    cy.on("tap", "edge", (ev) => showEdge(d.edges[ev.target.data("idx")]));
    cy.on("tap", "node", (ev) => { location.hash = hashFor("timeline", params, { actor: ev.target.id() }); });
  } else {
    main.querySelector("#cy").innerHTML = '<p class="muted" style="padding:16px">No events with a recipient yet.</p>';
  }
  mount("#edges", table([
    { key: "source", label: "From", html: (e) => `<span class="code">${esc(e.source)}</span>` },
    { key: "target", label: "To", html: (e) => `<span class="code">${esc(e.target)}</span>` },
    { key: "count", label: "Events" }, { key: "mean_score", label: "Mean score", html: (e) => scoreHtml(e.mean_score) },
    { key: "types", label: "Types", html: (e) => Object.entries(e.types).map(([k, v]) => `<span class="chip">${esc(k)}×${v}</span>`).join(""), value: (e) => Object.keys(e.types).join() },
  ], d.edges.slice(), { href: (e) => docHref(e.evidence[0]) }));
}

function contradictionList(items) {
  if (!items.length) return '<p class="muted">None found.</p>';
  return items.map((c) => `<div class="panel" data-testid="contradiction">
    <h3><span class="code">${esc(c.holder)}</span> on ${esc(issueName(c.issue))} · ${esc(c.period)}
      <span class="chip">${esc(c.severity)}</span> <span class="chip">${c.same_outlet === null ? "outlet unknown" : c.same_outlet ? "same outlet" : "different outlets"}</span>
      ${c.same_document ? '<span class="chip">same article</span>' : ""}</h3>
    <div class="versus"><div>${c.for.map((x) => evLink(x.evidence, stance(x.stance), x.stance)).join("")}</div>
      <div>${c.against.map((x) => evLink(x.evidence, stance(x.stance), x.stance)).join("")}</div></div></div>`).join("");
}

async function viewConflicts(params) {
  const p = apiParams(params, ANALYSIS_KEYS, { by: params.get("by") });
  const [contra, shifts] = await Promise.all([api("analyses/contradictions", p), api("analyses/shifts", p)]);
  const shiftHtml = shifts.data.length ? shifts.data.map((s) => `<div class="panel" data-testid="shift">
      <h3><span class="code">${esc(s.holder)}</span> on ${esc(issueName(s.issue))}: ${stance(s.from_stance)} → ${stance(s.to_stance)}
        <span class="chip">${esc(s.direction)}</span> <span class="muted">${esc(s.from_period)} → ${esc(s.to_period)}</span></h3>
      <div class="versus"><div><h2>Last before</h2>${evLink(s.before.evidence, stance(s.before.stance), s.before.stance)}</div>
      <div><h2>First after</h2>${evLink(s.after.evidence, stance(s.after.stance), s.after.stance)}</div></div></div>`).join("")
    : '<p class="muted">None found.</p>';
  setMain(`<h1>Contradictions &amp; shifts</h1>
    <p class="muted">A contradiction: one actor reported with opposite stances on one issue within one period.
      A shift: the actor's prevailing stance changes from one period to the next.</p>
    <div class="grid2"><section><h2>Contradictions (${contra.data.length})</h2>${contradictionList(contra.data)}</section>
    <section><h2>Shifts (${shifts.data.length})</h2>${shiftHtml}</section></div>`);
}

async function viewSeries(params) {
  const p = apiParams(params, ANALYSIS_KEYS, { by: params.get("by") });
  const res = await api("analyses/series", p);
  const rows = res.data;
  const csv = "/api/analyses/series?" + new URLSearchParams([...p, ["format", "csv"]]).toString();
  setMain(`<h1>Event series</h1>
    <div class="panel"><p class="muted">Events per directed dyad and period, with the mean PLOVER score.
      <a href="${esc(csv)}" download data-testid="csv">Download CSV</a></p>
      <div class="chart-box"><canvas id="series-chart"></canvas></div></div>
    <div class="panel"><div id="series-table"></div></div>`);
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const dyads = {};
  for (const r of rows) (dyads[`${r.source}→${r.target}`] ||= []).push(r);
  const top = Object.entries(dyads).sort((a, b) => b[1].reduce((s, r) => s + r.count, 0) - a[1].reduce((s, r) => s + r.count, 0)).slice(0, 8);
  charts.push(new Chart(main.querySelector("#series-chart"), {
    type: "bar",
    data: { labels: periods, datasets: top.map(([k, rs], i) => ({ label: k, backgroundColor: PALETTE[i % PALETTE.length],
      data: periods.map((per) => (rs.find((r) => r.period === per) || { count: 0 }).count) })) },
    options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, title: { display: true, text: "events" } } } },
  }));
  mount("#series-table", table([
    { key: "source", label: "From", html: (r) => `<span class="code">${esc(r.source)}</span>` },
    { key: "target", label: "To", html: (r) => `<span class="code">${esc(r.target)}</span>` },
    { key: "period", label: "Period", cls: "nowrap" }, { key: "count", label: "Events" },
    { key: "mean_score", label: "Mean score", html: (r) => scoreHtml(r.mean_score) },
    { key: "total_score", label: "Total", html: (r) => scoreHtml(r.total_score) },
    { key: "verbal_cooperation", label: "Verbal coop." }, { key: "material_cooperation", label: "Material coop." },
    { key: "verbal_conflict", label: "Verbal conflict" }, { key: "material_conflict", label: "Material conflict" },
  ], rows.slice(), { href: (r) => docHref(r.evidence[0]) }));
}

/* ---------- article view ---------- */

async function viewDoc(arg, params) {
  const d = await api("documents/" + encodeURIComponent(arg));
  const sel = params.get("item") || "";
  const [selKind, selId] = sel.split(":");
  const spans = d.spans;
  const selected = spans.find((s) => s.kind === selKind && String(s.id) === selId) || null;
  const selSentence = selected ? d.sentences.find((s) => s.index === selected.sentence) : null;
  // cut the text at every span and sentence boundary; each segment knows which items cover it
  const cuts = new Set([0, d.text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  for (const s of d.sentences) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].filter((x) => x >= 0 && x <= d.text.length).sort((a, b) => a - b);
  let html = "";
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    const sent = d.sentences.find((s) => s.start <= a && s.end >= b);
    const cls = ["seg", ...new Set(cover.map((s) => "hl-" + s.kind))];
    if (cover.length) cls.push("hl");
    if (selected && selected.start <= a && selected.end >= b) cls.push("hl-selected");
    if (selSentence && sent && sent.index === selSentence.index) cls.push("sent-selected");
    const items = cover.filter((s) => s.kind !== "mention").map((s) => `${s.kind}:${s.id}`).join(" ");
    const title = cover.map((s) => s.label).join("\n");
    html += `<span class="${cls.join(" ")}"${items ? ` data-items="${items}"` : ""}${sent ? ` data-sent="${sent.index}"` : ""}${title ? ` title="${esc(title)}"` : ""}>${esc(d.text.slice(a, b))}</span>`;
  }
  const order = ["position", "event", "quote"];
  const list = order.flatMap((k) => spans.filter((s) => s.kind === k)).map((s) => {
    const item = (d.items[s.kind + "s"] || []).find((x) => x.id === s.id) || {};
    const extra = s.kind === "position" ? stance(item.stance) + (item.condition ? ` <span class="muted">if ${esc(item.condition)}</span>` : "")
      : s.kind === "event" ? scoreHtml(item.score) + (item.modality && item.modality !== "asserted" ? ` <span class="muted">${esc(item.modality)}</span>` : "")
      : s.kind === "quote" ? `<div class="muted">“${esc(item.text)}”</div>` : "";
    const isSel = selected && s.kind === selected.kind && s.id === selected.id;
    return `<div class="it${isSel ? " selected" : ""}" data-item="${s.kind}:${s.id}"><span class="kind">${s.kind}</span>
      <div><b>${esc(s.label)}</b> ${extra}</div><div class="muted" style="font-size:11px">${esc(item.extractor || "")}</div></div>`;
  }).join("");
  const selItem = selected ? (d.items[selected.kind + "s"] || []).find((x) => x.id === selected.id) : null;
  const selBox = selected ? `<div class="panel selected-box" data-testid="selected-item"><span class="kind">${selected.kind}</span>
      <h3>${esc(selected.label)} ${selItem && selItem.stance ? stance(selItem.stance) : ""}</h3>
      <div>Sentence ${selected.sentence ?? "?"}, characters ${selected.start}–${selected.end}${selItem ? ` · ${esc(selItem.extractor)}` : ""}</div>
      <blockquote data-testid="selected-sentence">${esc(selSentence ? selSentence.text : d.text.slice(selected.start, selected.end))}</blockquote></div>` : "";
  setMain(`<h1>${esc(d.title || d.ext_id)}</h1>
    <p class="muted">${[d.date, d.outlet, d.ext_id, d.lang].filter(Boolean).map(esc).join(" · ")}
      ${d.url ? ` · <a href="${esc(d.url)}" target="_blank" rel="noopener">source</a>` : ""} · ${d.positions} positions · ${d.events} events · ${d.quotes} quotes</p>
    ${sel && !selected ? `<p class="error">Item ${esc(sel)} is not in this document.</p>` : ""}
    <div class="article"><div class="panel"><div class="text" data-testid="article-text">${html}</div></div>
      <aside>${selBox}<div class="panel items-list"><h3>Items in this article</h3>${list || '<p class="muted">None.</p>'}</div></aside></div>`);
  const go = (key) => { location.hash = `#/doc/${encodeURIComponent(arg)}?item=${key}`; };
  main.querySelectorAll(".items-list .it").forEach((el) => el.addEventListener("click", () => go(el.dataset.item)));
  main.querySelectorAll(".seg[data-items]").forEach((el) => el.addEventListener("click", () => {
    const keys = el.dataset.items.split(" ");
    const i = keys.indexOf(sel);
    go(keys[(i + 1) % keys.length]);
  }));
  const first = main.querySelector(".hl-selected");
  if (first) first.scrollIntoView({ block: "center" });
  const box = main.querySelector(".items-list");
  const selEl = box && box.querySelector(".it.selected");
  if (selEl) box.scrollTop = selEl.offsetTop - box.offsetTop - 60;
}

/* ---------- router ---------- */

const VIEWS = { overview: viewOverview, items: viewItems, timeline: viewTimeline, negotiation: viewNegotiation,
  network: viewNetwork, conflicts: viewConflicts, series: viewSeries };

async function route() {
  const { view, arg, params } = parseHash();
  syncForm(params);
  try {
    if (view === "doc" && arg) await viewDoc(arg, params);
    else await (VIEWS[view] || viewOverview)(params);
    main.dataset.view = view;
    main.dataset.ready = "1";
  } catch (err) {
    showError(err);
    main.dataset.ready = "1";
  }
}

window.addEventListener("hashchange", () => { main.dataset.ready = ""; route(); });
loadMeta().then(route).catch(showError);
