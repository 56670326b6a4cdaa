// dipgraph view: draws the JSON in #dipgraph-data with vis-network. Every piece of text from the data is
// written with textContent (never innerHTML), so article text cannot become markup.
(function () {
  "use strict";
  const D = JSON.parse(document.getElementById("dipgraph-data").textContent);
  const S = { lang: "both", types: new Set(D.types.map((t, i) => i)), from: "", to: "",
              undated: true, negated: true, focus: null, visible: [] };
  const TIP_EVENTS = 6, PANEL_EVENTS = 200, FADED = "rgba(200,196,186,0.35)";
  const big = !D.physics;  // a precomputed layout: a big graph, drawn lighter and without physics
  const dense = D.edges.length > 1500;
  // Above this many edges every DataSet update costs vis-network about a second (it revisits every edge):
  // no hover (tooltips come on click) and a highlight by selection instead of dimming the rest.
  const heavy = D.edges.length > 10000;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function $(id) { return document.getElementById(id); }

  // ---- nodes and edges -------------------------------------------------------------------------
  function label(n) {
    if (!n.ar || S.lang === "en") return n.en;
    if (S.lang === "ar") return n.ar;
    return n.en + "\n" + n.ar;
  }
  function nodeItem(n, i) {
    const kind = D.kinds[n.kind] || D.kinds.person;
    const item = { id: i, label: label(n), shape: kind.shape, size: n.size, dim: false,
      borderWidth: n.focus ? 3.5 : 1.2, font: { size: 14, face: D.font, color: "#2b2b2b", strokeWidth: 3,
      strokeColor: "rgba(251,250,247,0.9)" },
      color: { background: kind.colour, border: kind.border,
               highlight: { background: "#fff", border: "#222" }, hover: { background: "#fff", border: "#222" } } };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function bends() {  // parallel edges between one pair fan out instead of overlapping
    const groups = new Map();
    D.edges.forEach((e, i) => {
      const key = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(i);
    });
    const smooth = new Array(D.edges.length).fill(false);
    groups.forEach((members) => {
      if (members.length < 2) return;
      members.forEach((i, j) => {
        const r = (j - (members.length - 1) / 2) * 0.22;
        if (r === 0) return;
        const flip = D.edges[i].from > D.edges[i].to;
        smooth[i] = { enabled: true, type: (r > 0) !== flip ? "curvedCW" : "curvedCCW", roundness: Math.abs(r) };
      });
    });
    return smooth;
  }
  function allNegated(e) { return e.events.every((k) => D.events[k].flags.includes("negated")); }
  // Edge colours carry no opacity of their own: the network-wide opacity applies, so dimming the whole graph
  // around a highlighted neighbourhood is one setOptions call plus updates of the few edges that stay lit.
  const EDGE_OPACITY = dense ? 0.45 : 0.85, DIM_OPACITY = 0.07;
  function edgeColour(e) { const c = D.types[e.type].colour; return { color: c, highlight: c, hover: c }; }
  function edgeItem(e, i, smooth) {
    return { id: i, from: e.from, to: e.to, smooth: smooth[i],
      arrows: e.directed ? { to: { enabled: true, scaleFactor: 0.55 } } : "",
      color: edgeColour(e), dashes: e.via || allNegated(e) ? [5, 5] : false,
      font: { size: 11, color: "#6b665c", strokeWidth: 3, strokeColor: "#fbfaf7", align: "middle" },
      width: 1, label: "" };
  }
  const smooth = bends();
  const nodes = new vis.DataSet(D.nodes.map(nodeItem));
  const edges = new vis.DataSet(D.edges.map((e, i) => edgeItem(e, i, smooth)));

  // ---- filters: only items whose state changes are updated (a DataSet update is not free at 50,000) ----
  const shown = { edge: D.edges.map(() => ""), node: D.nodes.map(() => true) };
  function eventVisible(ev) {
    if (!S.types.has(ev.type)) return false;
    if (!S.negated && ev.flags.includes("negated")) return false;
    if (!ev.d0) return S.undated;
    if (S.from && ev.d1 < S.from) return false;
    if (S.to && ev.d0 > S.to) return false;
    return true;
  }
  function applyFilters() {
    S.visible = D.events.map(eventVisible);
    const live = D.nodes.map((n) => n.focus || n.solo.some((j) => S.visible[j]));
    const edgeUpdates = [];
    D.edges.forEach((e, i) => {
      let k = 0;
      for (const j of e.events) if (S.visible[j]) k += 1;
      if (k) { live[e.from] = true; live[e.to] = true; }
      const state = String(k);
      if (state === shown.edge[i]) return;
      shown.edge[i] = state;
      edgeUpdates.push({ id: i, hidden: k === 0, label: k > 1 ? state : "", width: 1 + Math.log2(Math.max(k, 1)) * 1.3 });
    });
    const nodeUpdates = [];
    live.forEach((on, i) => { if (on !== shown.node[i]) { shown.node[i] = on; nodeUpdates.push({ id: i, hidden: !on }); } });
    if (edgeUpdates.length) edges.update(edgeUpdates);
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    $("counts").textContent = live.filter(Boolean).length + " actors · " + S.visible.filter(Boolean).length +
      " of " + D.events.length + " events shown";
    if (S.focus !== null) highlight(S.focus);
  }

  // ---- highlight a neighbourhood ---------------------------------------------------------------
  let lit = [];  // edges drawn at full opacity over a dimmed graph
  const dimmed = D.nodes.map(() => false);
  function neighbourhood(i) {
    const near = new Set([i]), links = [];
    D.edges.forEach((e, k) => {
      if ((e.from === i || e.to === i) && shown.edge[k] !== "0") { near.add(e.from); near.add(e.to); links.push(k); }
    });
    return { near, links };
  }
  function dimNodes(near) {
    const updates = [];
    D.nodes.forEach((n, k) => {
      const dim = near !== null && !near.has(k);
      if (dim === dimmed[k]) return;
      dimmed[k] = dim;
      const item = nodeItem(n, k);
      updates.push({ id: k, dim, color: dim ? { background: "#f1efe9", border: FADED } : item.color,
                     font: Object.assign({}, item.font, { color: dim ? "#c4bfb3" : "#2b2b2b" }) });
    });
    if (updates.length) nodes.update(updates);
  }
  function lightEdges(links, opacity) {
    const updates = lit.map((k) => ({ id: k, color: edgeColour(D.edges[k]), lit: false }));
    links.forEach((k) => updates.push({ id: k, color: Object.assign(edgeColour(D.edges[k]), { opacity: 1 }), lit: true }));
    network.setOptions({ edges: { color: { opacity } } });
    if (updates.length) edges.update(updates);
    lit = links;
  }
  function highlight(i) {
    S.focus = i;
    if (heavy) { network.selectNodes([i], true); return; }
    const { near, links } = neighbourhood(i);
    dimNodes(near);
    lightEdges(links, DIM_OPACITY);
  }
  function clearHighlight() {
    S.focus = null;
    if (heavy) { network.unselectAll(); return; }
    dimNodes(null);
    lightEdges([], EDGE_OPACITY);
  }

  // ---- text of events --------------------------------------------------------------------------
  function typeName(t) { return D.types[t].en; }
  function isoText(ev) {
    if (!ev.d0) return "";
    return ev.d0 === ev.d1 ? ev.d0 : ev.d0 + " – " + ev.d1;
  }
  function direction(ev) {
    if (ev.sym || !ev.src) return ev.who.join(" ↔ ");
    return ev.src + " → " + (ev.tgt.length ? ev.tgt.join(", ") : "?");
  }
  function eventBlock(ev, withLinks, withType) {
    const box = el("div", "ev");
    const head = el("div");
    head.append(el("bdi", "when", ev.date || "undated"));  // bdi: an Arabic date must not reorder the line
    if (ev.d0) head.append(" ", el("span", "iso", "(" + isoText(ev) + ")"));
    if (withType) head.append(" · " + typeName(ev.type));
    const who = el("div");
    who.append(el("bdi", null, direction(ev)));
    box.append(head, who);
    if (ev.via.length) box.append(el("div", "muted", "via " + ev.via.join(", ")));
    const extra = [];
    if (ev.count > 1) extra.push(ev.count + " times");
    if (ev.reports > 1) extra.push(ev.reports + " reports");
    if (ev.loc) extra.push("in " + ev.loc);
    if (ev.attr) extra.push("according to " + ev.attr);
    if (ev.flags.length || extra.length) {
      const flags = el("div");
      ev.flags.forEach((f) => flags.append(el("span", "flag " + f, f)));
      if (extra.length) flags.append(el("span", "muted", extra.join(" · ")));
      box.append(flags);
    }
    ev.ev.forEach((item) => {
      const quote = el("blockquote", null, item.t);
      quote.dir = item.rtl ? "rtl" : "ltr";
      box.append(quote);
      const art = D.articles[item.a];
      if (art) box.append(sourceLine(art, withLinks));
    });
    return box;
  }
  function sourceLine(art, withLinks) {
    const line = el("div", "source", "— ");
    const name = withLinks && art.url ? el("a", null, art.title) : el("span", null, art.title);
    if (withLinks && art.url) { name.href = art.url; name.target = "_blank"; name.rel = "noopener noreferrer"; }
    name.dir = "auto";
    line.append(name);
    if (art.date) line.append(", " + art.date);
    return line;
  }
  function edgeCard(k, limit, withLinks) {
    const e = D.edges[k], card = el("div", "card");
    const a = D.nodes[e.from].en, b = D.nodes[e.to].en;
    const shown = e.events.filter((j) => S.visible[j]);
    card.append(el("h3", null, a + (e.directed ? " → " : " ↔ ") + b));
    card.append(el("div", "sub", typeName(e.type) + (e.via ? " (through an intermediary)" : "") + " · " +
      shown.length + (shown.length === 1 ? " event" : " events")));
    shown.slice(0, limit).forEach((j) => card.append(eventBlock(D.events[j], withLinks, false)));
    if (shown.length > limit) card.append(el("div", "more", "and " + (shown.length - limit) + " more" +
      (withLinks ? "" : " (click the edge to list them)")));
    return card;
  }
  function nodeCard(i, limit, withLinks) {
    const n = D.nodes[i], card = el("div", "card");
    const h = el("h3", null, n.en);
    if (n.ar) { const ar = el("bdi", "ar gap", n.ar); ar.dir = "rtl"; h.append(ar); }
    card.append(h);
    const byType = new Map();  // type -> counterpart -> visible events
    D.edges.forEach((e) => {
      if (e.from !== i && e.to !== i) return;
      const k = e.events.filter((j) => S.visible[j]).length;
      if (!k) return;
      const arrow = e.directed ? (e.from === i ? "→ " : "← ") : "";
      const other = arrow + D.nodes[e.from === i ? e.to : e.from].en + (e.via ? " (via)" : "");
      if (!byType.has(e.type)) byType.set(e.type, new Map());
      byType.get(e.type).set(other, (byType.get(e.type).get(other) || 0) + k);
    });
    const parts = [n.kind + (n.country ? ", " + n.country : ""), n.n + " events in all"];
    if (!n.known) parts.push("not in the actor table");
    card.append(el("div", "sub", parts.join(" · ")));
    byType.forEach((others, t) => {
      const list = [...others].sort((a, b) => b[1] - a[1]);
      const text = list.slice(0, 8).map(([name, k]) => name + (k > 1 ? " ×" + k : "")).join(", ");
      card.append(el("div", null, typeName(t) + ": " + text + (list.length > 8 ? ", and " + (list.length - 8) + " more" : "")));
    });
    const solo = n.solo.filter((j) => S.visible[j]);
    solo.slice(0, limit).forEach((j) => card.append(eventBlock(D.events[j], withLinks, true)));
    if (solo.length > limit) card.append(el("div", "more", "and " + (solo.length - limit) + " more"));
    return card;
  }

  // ---- tooltip and details panel ---------------------------------------------------------------
  const tip = $("tip");
  function showTip(card, pointer) {
    tip.replaceChildren(card);
    tip.hidden = false;
    const box = $("graph").getBoundingClientRect();
    let x = box.left + pointer.x + 14, y = box.top + pointer.y + 14;
    const w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth - 8) x = Math.max(8, box.left + pointer.x - w - 14);
    if (y + h > window.innerHeight - 8) y = Math.max(8, window.innerHeight - h - 8);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  function showDetails(card) { $("details").replaceChildren(card); }

  // ---- controls --------------------------------------------------------------------------------
  function buildTypeControls() {
    const counts = D.types.map(() => 0);
    D.events.forEach((ev) => { counts[ev.type] += 1; });
    D.types.forEach((t, i) => {
      if (!counts[i]) return;
      const row = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = String(i); box.dataset.type = t.id;
      box.addEventListener("change", () => { if (box.checked) S.types.add(i); else S.types.delete(i); applyFilters(); });
      const swatch = el("span", "swatch"); swatch.style.borderColor = t.colour;
      const ar = el("span", "ar", t.ar); ar.dir = "rtl";
      row.append(box, swatch, el("span", null, t.en), ar, el("span", "count", counts[i]));
      $("types").append(row);
    });
    const setAll = (on) => {
      $("types").querySelectorAll("input").forEach((b) => {
        b.checked = on; if (on) S.types.add(Number(b.value)); else S.types.delete(Number(b.value));
      });
      applyFilters();
    };
    $("types-all").addEventListener("click", () => setAll(true));
    $("types-none").addEventListener("click", () => setAll(false));
  }
  function buildKindLegend() {
    const used = new Set(D.nodes.map((n) => n.kind));
    Object.entries(D.kinds).forEach(([name, k]) => {
      if (!used.has(name)) return;
      const row = el("div"), mark = el("span", "kind-mark");
      mark.style.background = k.colour; mark.style.borderColor = k.border;
      mark.style.borderRadius = k.shape === "dot" ? "50%" : "0";
      if (k.shape === "diamond") mark.style.transform = "rotate(45deg) scale(.8)";
      row.append(mark, el("span", null, name + " (" + k.shape + ")"));
      $("kinds").append(row);
    });
    $("kinds").append(el("div", "muted", "size: number of events · arrow: direction · dashed: through an " +
      "intermediary or negated · number on an edge: events"));
  }
  function buildDateControls() {
    const days = D.events.filter((e) => e.d0);
    if (days.length) {
      const lo = days.reduce((m, e) => (e.d0 < m ? e.d0 : m), days[0].d0);
      const hi = days.reduce((m, e) => (e.d1 > m ? e.d1 : m), days[0].d1);
      [$("date-from"), $("date-to")].forEach((box) => { box.min = lo; box.max = hi; });
      $("date-from").placeholder = lo; $("date-to").placeholder = hi;
    }
    $("date-from").addEventListener("change", (e) => { S.from = e.target.value; applyFilters(); });
    $("date-to").addEventListener("change", (e) => { S.to = e.target.value; applyFilters(); });
    $("undated").addEventListener("change", (e) => { S.undated = e.target.checked; applyFilters(); });
    $("negated").addEventListener("change", (e) => { S.negated = e.target.checked; applyFilters(); });
  }
  function findActor(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const names = (n) => [n.en, n.ar, n.key].filter(Boolean).map((s) => s.toLowerCase());
    let hit = D.nodes.findIndex((n) => names(n).includes(q));
    if (hit < 0) hit = D.nodes.findIndex((n) => names(n).some((s) => s.includes(q)));
    return hit < 0 ? null : hit;
  }
  function selectActor(i) {
    highlight(i);
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: false });
    showDetails(nodeCard(i, PANEL_EVENTS, true));
  }
  function buildSearch() {
    const list = $("actor-names");
    D.nodes.forEach((n) => {
      list.append(Object.assign(el("option"), { value: n.en }));
      if (n.ar) list.append(Object.assign(el("option"), { value: n.ar }));
    });
    const run = () => {
      const i = findActor($("search").value);
      $("search-msg").textContent = i === null && $("search").value.trim() ? "no actor matches" : "";
      if (i !== null) selectActor(i);
    };
    $("search").addEventListener("change", run);
    $("search").addEventListener("keydown", (e) => { if (e.key === "Enter") run(); });
    $("clear").addEventListener("click", () => {
      $("search").value = ""; clearHighlight(); network.unselectAll();
    });
    document.querySelectorAll("#lang input").forEach((r) => r.addEventListener("change", () => {
      S.lang = r.value;
      nodes.update(D.nodes.map((n, i) => ({ id: i, label: label(n) })));
    }));
  }
  function buildHeader() {
    document.body.style.setProperty("--font", D.font);
    D.notes.forEach((text) => $("notes").append(el("p", null, text)));
    if (D.timeline) { const a = $("timeline-link"); a.href = D.timeline; a.hidden = false; }
    if (!D.nodes.length) $("graph").append(el("p", "muted", "No events to show."));
  }

  // ---- the network -----------------------------------------------------------------------------
  const options = {
    autoResize: true,
    layout: { improvedLayout: D.physics && D.nodes.length < 150, randomSeed: 7 },
    interaction: { hover: !heavy, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.8, color: { opacity: EDGE_OPACITY } },
    nodes: { scaling: { label: { drawThreshold: 6 } } },
    physics: D.physics
      ? { enabled: true, solver: "forceAtlas2Based",
          forceAtlas2Based: { gravitationalConstant: -60, springLength: 120, springConstant: 0.06, avoidOverlap: 0.4 },
          stabilization: { enabled: true, iterations: 600, updateInterval: 50, fit: true } }
      : { enabled: false },
  };
  buildHeader();
  buildTypeControls();
  buildKindLegend();
  buildDateControls();
  applyFilters();
  const network = new vis.Network($("graph"), { nodes, edges }, options);
  buildSearch();

  network.on("hoverEdge", (p) => showTip(edgeCard(p.edge, TIP_EVENTS, false), p.pointer.DOM));
  network.on("hoverNode", (p) => showTip(nodeCard(p.node, 3, false), p.pointer.DOM));
  network.on("blurEdge", hideTip);
  network.on("blurNode", hideTip);
  network.on("dragStart", hideTip);
  network.on("zoom", hideTip);
  network.on("click", (p) => {
    hideTip();
    if (p.nodes.length) { selectActor(p.nodes[0]); return; }
    if (p.edges.length) {
      showDetails(edgeCard(p.edges[0], PANEL_EVENTS, true));
      if (heavy) showTip(edgeCard(p.edges[0], TIP_EVENTS, false), p.pointer.DOM);
      return;
    }
    clearHighlight();
  });

  function fit() { network.fit({ animation: false, maxZoomLevel: 1.6 }); }  // small graphs may zoom in past 1
  function ready() {
    if (window.dipgraphReady) return;
    window.dipgraphReady = true;
    document.body.dataset.ready = "1";
  }
  if (D.physics && D.nodes.length) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });  // a settled layout stays put
      fit();
      network.once("afterDrawing", ready);
      network.redraw();
    });
  } else {
    fit();
    network.once("afterDrawing", ready);
    network.redraw();
  }
  window.dipgraph = { network, nodes, edges, data: D, state: S, applyFilters, highlight, clearHighlight, findActor,
                      selectActor, fit };
})();
