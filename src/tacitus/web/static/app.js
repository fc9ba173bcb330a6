// tacitus dashboard: plain ES module, no dependencies, nothing loaded from the network.
// Text from the store is always put in the page with textContent (never innerHTML);
// the reader's HTML comes from the server's templates, which escape every piece of text.

const SVG = "http://www.w3.org/2000/svg";

// PLOVER v0.8 event types, grouped by quad so colours tell cooperation from conflict.
const TYPES = [
  ["AGREE", "VERBAL_COOPERATION"], ["CONSULT", "VERBAL_COOPERATION"], ["SUPPORT", "VERBAL_COOPERATION"],
  ["CONCEDE", "VERBAL_COOPERATION"],
  ["COOPERATE", "MATERIAL_COOPERATION"], ["AID", "MATERIAL_COOPERATION"], ["RETREAT", "MATERIAL_COOPERATION"],
  ["REQUEST", "VERBAL_CONFLICT"], ["ACCUSE", "VERBAL_CONFLICT"], ["REJECT", "VERBAL_CONFLICT"],
  ["THREATEN", "VERBAL_CONFLICT"],
  ["PROTEST", "MATERIAL_CONFLICT"], ["SANCTION", "MATERIAL_CONFLICT"], ["MOBILIZE", "MATERIAL_CONFLICT"],
  ["COERCE", "MATERIAL_CONFLICT"], ["ASSAULT", "MATERIAL_CONFLICT"],
];
const TYPE_COLOURS = {
  AGREE: "#1b7837", CONSULT: "#5aae61", SUPPORT: "#a6dba0", CONCEDE: "#d9f0d3",
  COOPERATE: "#2166ac", AID: "#4393c3", RETREAT: "#92c5de",
  REQUEST: "#fdb863", ACCUSE: "#e08214", REJECT: "#b35806", THREATEN: "#fee0b6",
  PROTEST: "#d6604d", SANCTION: "#b2182b", MOBILIZE: "#f4a582", COERCE: "#67001f", ASSAULT: "#40004b",
};
const QUAD_COLOURS = {
  verbal_cooperation: "#5aae61", material_cooperation: "#2166ac",
  verbal_conflict: "#e08214", material_conflict: "#b2182b",
};
const PAGE = 50;

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs = {}, text = null) {
  const node = document.createElement(tag);
  // Styles go through the CSSOM: the Content-Security-Policy blocks style attributes.
  for (const [k, v] of Object.entries(attrs)) if (k === "style") node.style.cssText = v; else node.setAttribute(k, v);
  if (text !== null) node.textContent = text;
  return node;
}

function svg(tag, attrs = {}, text = null) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== null) node.textContent = text;
  return node;
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function status(message, isError = false) {
  const node = $("#status");
  node.textContent = message;
  node.classList.toggle("error", isError);
}

async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.json();
  if (!res.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : res.statusText);
  return body;
}

function currentFilters() {
  const form = new FormData($("#filters"));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

function withParams(path, filters, extra = {}) {
  const params = new URLSearchParams(filters);
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const q = params.toString();
  return q ? `${path}?${q}` : path;
}

function names(refs) {
  return (refs || []).map((r) => r.text + (r.country ? ` [${r.country}${r.sector ? "/" + r.sector : ""}]` : "")).join(", ") || "–";
}

// ---------------------------------------------------------------- timeline
function drawTimeline(rows) {
  const box = $("#timeline");
  clear(box);
  const legend = $("#timeline-legend");
  clear(legend);
  if (!rows.length) {
    box.append(el("p", { class: "empty" }, "No dated events for these filters."));
    return;
  }
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const types = TYPES.map(([t]) => t).filter((t) => rows.some((r) => r.event === t));
  const byPeriod = new Map(periods.map((p) => [p, new Map()]));
  for (const r of rows) byPeriod.get(r.period).set(r.event, (byPeriod.get(r.period).get(r.event) || 0) + r.events);
  const totals = periods.map((p) => [...byPeriod.get(p).values()].reduce((a, b) => a + b, 0));
  const max = Math.max(...totals, 1);
  const W = 800, H = 220, left = 34, bottom = 34, top = 8;
  const plotW = W - left - 8, plotH = H - bottom - top;
  const bw = plotW / periods.length;
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "timeline-svg" });
  for (const frac of [0, 0.5, 1]) {
    const y = top + plotH * (1 - frac);
    chart.append(svg("line", { x1: left, x2: W - 8, y1: y, y2: y, class: "grid" }));
    chart.append(svg("text", { x: left - 4, y: y + 4, class: "axis", "text-anchor": "end" }, Math.round(max * frac)));
  }
  const labelEvery = Math.ceil(periods.length / 12);
  periods.forEach((p, i) => {
    let y = top + plotH;
    for (const t of types) {
      const n = byPeriod.get(p).get(t) || 0;
      if (!n) continue;
      const h = (n / max) * plotH;
      y -= h;
      const rect = svg("rect", {
        x: left + i * bw + 1, y, width: Math.max(bw - 2, 1), height: h, fill: TYPE_COLOURS[t] || "#999",
        class: "bar", "data-type": t, "data-period": p,
      });
      rect.append(svg("title", {}, `${p} ${t}: ${n}`));
      rect.addEventListener("click", () => setFilter({ type: t }));
      chart.append(rect);
    }
    if (i % labelEvery === 0) {
      chart.append(svg("text", { x: left + i * bw + bw / 2, y: H - bottom + 14, class: "axis", "text-anchor": "middle" }, p.slice(0, 7)));
    }
  });
  box.append(chart);
  for (const t of types) {
    const item = el("button", { type: "button", class: "key", "data-type": t });
    item.append(el("span", { class: "swatch", style: `background:${TYPE_COLOURS[t]}` }), document.createTextNode(t));
    item.addEventListener("click", () => setFilter({ type: t }));
    legend.append(item);
  }
}

// ---------------------------------------------------------------- network
function drawNetwork(rows) {
  const box = $("#network");
  clear(box);
  const edges = rows.filter((r) => r.actor_country && r.recipient_country && r.actor_country !== r.recipient_country);
  if (!edges.length) {
    box.append(el("p", { class: "empty" }, "No actor-to-recipient events between coded countries."));
    return;
  }
  const weight = new Map();
  for (const e of edges) {
    weight.set(e.actor_country, (weight.get(e.actor_country) || 0) + e.events);
    weight.set(e.recipient_country, (weight.get(e.recipient_country) || 0) + e.events);
  }
  const nodes = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 24).map(([id]) => id);
  const keep = new Set(nodes);
  const W = 420, H = 420, cx = W / 2, cy = H / 2, R = 160;
  const pos = new Map(nodes.map((id, i) => {
    const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    return [id, [cx + R * Math.cos(a), cy + R * Math.sin(a)]];
  }));
  const maxEvents = Math.max(...edges.map((e) => e.events), 1);
  const maxWeight = Math.max(...weight.values());
  const radius = (id) => 5 + 10 * Math.sqrt(weight.get(id) / maxWeight);
  const chart = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "network-svg" });
  const defs = svg("defs");
  for (const [quad, colour] of Object.entries(QUAD_COLOURS)) {
    const marker = svg("marker", { id: `arrow-${quad}`, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" });
    marker.append(svg("path", { d: "M0 0L10 5L0 10z", fill: colour }));
    defs.append(marker);
  }
  chart.append(defs);
  for (const e of edges) {
    if (!keep.has(e.actor_country) || !keep.has(e.recipient_country)) continue;
    const quads = Object.keys(QUAD_COLOURS).map((q) => [q, e[q] || 0]).sort((a, b) => b[1] - a[1]);
    const quad = quads[0][0];
    const [x1, y1] = pos.get(e.actor_country);
    const [x2, y2] = pos.get(e.recipient_country);
    // Bend each edge to its right so A->B and B->A stay apart.
    const mx = (x1 + x2) / 2 + (y2 - y1) * 0.15, my = (y1 + y2) / 2 - (x2 - x1) * 0.15;
    // Stop the arrow at the recipient's circle, not its centre.
    const gap = radius(e.recipient_country) + 2, dx = mx - x2, dy = my - y2, len = Math.hypot(dx, dy) || 1;
    const ex = x2 + (dx / len) * gap, ey = y2 + (dy / len) * gap;
    const path = svg("path", {
      d: `M${x1} ${y1}Q${mx} ${my} ${ex} ${ey}`, class: "edge", stroke: QUAD_COLOURS[quad],
      "stroke-width": 1 + 5 * (e.events / maxEvents), "marker-end": `url(#arrow-${quad})`,
      "data-from": e.actor_country, "data-to": e.recipient_country,
    });
    const detail = quads.filter(([, n]) => n).map(([q, n]) => `${q.replace("_", " ")} ${n}`).join(", ");
    path.append(svg("title", {}, `${e.actor_country} → ${e.recipient_country}: ${e.events} events (${detail})`));
    path.addEventListener("click", () => setFilter({ actor: e.actor_country, country: "" }));
    chart.append(path);
  }
  for (const id of nodes) {
    const [x, y] = pos.get(id);
    const g = svg("g", { class: "node", "data-country": id, transform: `translate(${x} ${y})` });
    g.append(svg("circle", { r: radius(id) }));
    // Labels sit outside the circle, away from the edges that run through the middle.
    const ux = (x - cx) / R, uy = (y - cy) / R, off = radius(id) + 4;
    const anchor = Math.abs(ux) < 0.3 ? "middle" : ux < 0 ? "end" : "start";
    g.append(svg("text", { x: ux * off, y: uy * off + (uy > 0.3 ? 10 : uy < -0.3 ? -2 : 4), "text-anchor": anchor }, id));
    g.append(svg("title", {}, `${id}: ${weight.get(id)} events as actor or recipient`));
    g.addEventListener("click", () => setFilter({ country: id }));
    chart.append(g);
  }
  box.append(chart);
  const legend = el("div", { class: "chart-legend" });
  for (const [quad, colour] of Object.entries(QUAD_COLOURS)) {
    const item = el("span", { class: "key" });
    item.append(el("span", { class: "swatch", style: `background:${colour}` }), document.createTextNode(quad.replace("_", " ")));
    legend.append(item);
  }
  box.append(legend);
}

// ---------------------------------------------------------------- map
function drawMap(answer) {
  const box = $("#map");
  clear(box);
  const chart = svg("svg", { viewBox: "0 0 360 180", role: "img", class: "map-svg" });
  chart.append(svg("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }));
  chart.append(svg("image", { href: "/static/world-110m.svg", x: 0, y: 0, width: 360, height: 180 }));
  const places = answer.items;
  const maxN = Math.max(1, ...places.map((p) => p.events));
  // Biggest first, so small places stay visible on top.
  for (const p of places) {
    const types = Object.entries(p.types).sort((a, b) => b[1] - a[1]);
    const dot = svg("circle", {
      cx: p.lon + 180, cy: 90 - p.lat, r: 1.5 + 3.5 * Math.sqrt(p.events / maxN), class: "point",
      fill: TYPE_COLOURS[types[0][0]] || "#333", "data-name": p.name || "",
    });
    dot.append(svg("title", {}, `${p.name || "?"}${p.country ? " (" + p.country + ")" : ""}: ${p.events} events (${types.map(([t, n]) => `${t} ${n}`).join(", ")})`));
    dot.addEventListener("click", () => setFilter({ country: p.country || "" }));
    chart.append(dot);
  }
  box.append(chart);
  const located = places.reduce((n, p) => n + p.events, 0);
  const note = places.length
    ? `${places.length} places, ${located} located events of ${answer.scanned}${answer.truncated ? " scanned (the first ones only)" : ""}.`
    : "No located events for these filters.";
  box.append(el("p", { class: "note" }, note));
}

// ---------------------------------------------------------------- events and articles
let eventsOffset = 0;
let articlesOffset = 0;

function eventRow(e) {
  const tr = el("tr", { class: "event-row", "data-article": e.article_id, tabindex: "0" });
  tr.append(el("td", {}, e.date || e.published || ""));
  const type = el("td");
  type.append(el("span", { class: `tag type-${String(e.event).toLowerCase()}`, style: `background:${TYPE_COLOURS[e.event] || "#999"}` }, e.event));
  if (e.negated) type.append(el("small", {}, " negated"));
  tr.append(type, el("td", {}, names(e.actors)), el("td", {}, names(e.recipients)));
  tr.append(el("td", { class: "evidence" }, e.trigger ? e.trigger.text : ""), el("td", {}, e.outlet || ""));
  const open = () => openArticle(e.article_id, `ev-${e.event_id}`);
  tr.addEventListener("click", open);
  tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(); });
  return tr;
}

async function loadEvents(filters, append, gen) {
  if (!append) eventsOffset = 0;
  const page = await getJSON(withParams("/api/events", filters, { limit: PAGE, offset: eventsOffset }));
  if (gen !== undefined && gen !== refreshGen) return page; // a newer refresh owns the table
  const body = $("#events-table tbody");
  if (!append) clear(body);
  for (const e of page.items) body.append(eventRow(e));
  eventsOffset += page.count;
  $("#more-events").hidden = !page.more;
  if (!append && !page.count) {
    const tr = el("tr");
    tr.append(el("td", { colspan: "6", class: "empty" }, "No events for these filters."));
    body.append(tr);
  }
  return page;
}

async function loadArticles(filters, append, gen) {
  if (!append) articlesOffset = 0;
  const page = await getJSON(withParams("/api/articles", filters, { limit: PAGE, offset: articlesOffset }));
  if (gen !== undefined && gen !== refreshGen) return page;
  const list = $("#articles");
  if (!append) clear(list);
  const outlets = $("#outlet-list");
  for (const a of page.items) {
    const li = el("li", { class: "article-item", "data-id": a.id });
    const link = el("a", { href: `/articles/${encodeURIComponent(a.id)}` }, a.title || a.id);
    link.addEventListener("click", (ev) => { ev.preventDefault(); openArticle(a.id); });
    li.append(link, el("small", {}, ` ${a.outlet || ""} ${a.published || ""} · ${a.n_events} events · ${a.n_quotes} quotes`));
    list.append(li);
    if (a.outlet && ![...outlets.options].some((o) => o.value === a.outlet)) outlets.append(el("option", { value: a.outlet }));
  }
  articlesOffset += page.count;
  $("#more-articles").hidden = !page.more;
  if (!append && !page.count) list.append(el("li", { class: "empty" }, "No articles for these filters."));
}

async function openArticle(id, anchor = null) {
  const box = $("#reader");
  box.setAttribute("aria-busy", "true");
  try {
    const res = await fetch(`/fragments/article/${encodeURIComponent(id)}`);
    if (!res.ok) throw new Error((await res.json()).error.message);
    // The fragment is rendered by the server's autoescaping templates: article text is escaped there.
    box.innerHTML = await res.text();
    box.dataset.article = id;
    const target = anchor ? document.getElementById(anchor) : null;
    (target || box).scrollIntoView({ block: "nearest" });
    if (target && target.nextElementSibling) target.nextElementSibling.classList.add("focus");
  } catch (err) {
    clear(box);
    box.append(el("p", { class: "error" }, `Could not open the article: ${err.message}`));
  } finally {
    box.removeAttribute("aria-busy");
  }
}

// ---------------------------------------------------------------- wiring
function setFilter(values) {
  const form = $("#filters");
  for (const [k, v] of Object.entries(values)) form.elements[k].value = v;
  refresh();
}

// Each refresh takes a number; answers to an older one are dropped, so a slow response
// can never overwrite what a newer filter asked for.
let refreshGen = 0;

async function refresh() {
  const gen = ++refreshGen;
  const filters = currentFilters();
  history.replaceState(null, "", filters.toString() ? `?${filters}` : location.pathname);
  if (document.body.dataset.hasStore !== "yes") {
    status("No store attached: start the server with --db to browse a corpus. You can still analyze a text below.");
    document.body.dataset.ready = "yes";
    return;
  }
  status("Loading…");
  document.body.dataset.ready = "no";
  document.body.classList.add("loading");
  try {
    const [timeline, dyads, places] = await Promise.all([
      getJSON(withParams("/api/stats/timeline", filters, { interval: "month" })),
      getJSON(withParams("/api/stats/dyads", filters, { limit: 500 })),
      getJSON(withParams("/api/stats/places", filters)),
      loadEvents(filters, false, gen),
      loadArticles(filters, false, gen),
    ]);
    if (gen !== refreshGen) return;
    drawTimeline(timeline.items);
    drawNetwork(dyads.items);
    drawMap(places);
    status(filters.toString() ? `Filtered by ${[...filters.keys()].join(", ")}.` : "");
  } catch (err) {
    if (gen === refreshGen) status(`Could not load: ${err.message}`, true);
  } finally {
    if (gen === refreshGen) {
      document.body.classList.remove("loading");
      document.body.dataset.ready = "yes";
    }
  }
}

async function fillCountries() {
  if (document.body.dataset.hasStore !== "yes") return;
  try {
    const page = await getJSON("/api/actors?limit=1000");
    const list = $("#country-list");
    for (const c of [...new Set(page.items.map((a) => a.country).filter(Boolean))].sort()) list.append(el("option", { value: c }));
  } catch {
    // The datalist is a convenience; the filter still takes any typed code.
  }
}

async function analyzeText(ev) {
  ev.preventDefault();
  const form = new FormData(ev.target);
  const body = { text: String(form.get("text") || "") };
  if (form.get("published")) body.published = String(form.get("published"));
  const box = $("#reader");
  try {
    const res = await fetch("/fragments/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error((await res.json()).error.message);
    box.innerHTML = await res.text();
    box.scrollIntoView({ block: "nearest" });
  } catch (err) {
    clear(box);
    box.append(el("p", { class: "error" }, `Could not analyze: ${err.message}`));
  }
}

function init() {
  const select = $("#filters select[name=type]");
  for (const [t] of TYPES) select.append(el("option", { value: t }, t));
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params.entries()) if ($("#filters").elements[k]) $("#filters").elements[k].value = v;
  $("#filters").addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
  // The form's fields are cleared after this handler runs, hence the timeout; the page is
  // marked busy at once so nobody reads the old results as the new ones.
  $("#filters").addEventListener("reset", () => {
    document.body.dataset.ready = "no";
    setTimeout(refresh, 0);
  });
  $("#more-events").addEventListener("click", () => loadEvents(currentFilters(), true));
  $("#more-articles").addEventListener("click", () => loadArticles(currentFilters(), true));
  $("#analyze-form").addEventListener("submit", analyzeText);
  fillCountries();
  refresh();
}

init();
