/* Network page: who consults, accuses, meets or quotes whom. Nodes are actors (sized by how
 * often they take part), edges are relations (coloured by type, width by count). Layout: a
 * small deterministic force simulation (nodes start on a circle), run a fixed number of steps
 * before drawing. */
"use strict";
(function () {
  const page = NG.data();
  const box = document.getElementById("network-chart");
  if (!page || !box || !page.nodes.length) return;
  const W = Math.max(340, box.clientWidth || 1000), H = W < 600 ? 480 : 560;
  const nodes = page.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / page.nodes.length;
    return Object.assign({}, n, {x: W / 2 + (W / 3) * Math.cos(a), y: H / 2 + (H / 3) * Math.sin(a), dx: 0, dy: 0});
  });
  const index = Object.fromEntries(nodes.map((n, i) => [n.id, i]));
  const edges = page.edges.filter((e) => e.source in index && e.target in index);
  const maxN = Math.max(1, ...nodes.map((n) => n.n));
  const radius = (n) => 5 + 15 * Math.sqrt(n.n / maxN);

  // Fruchterman-Reingold: repulsion k^2/d between all pairs, attraction d^2/k along edges,
  // gravity towards the centre (scaled so the nodes fill an ellipse of the chart's shape),
  // each move capped by a temperature that cools to zero. Deterministic: no randomness.
  const n = nodes.length, k = Math.sqrt((W * H) / Math.max(1, n)) * 0.55;
  const rx = W / 2.4, ry = H / 2.4;
  const gx = (Math.max(1, n - 1) * k * k) / (rx * rx) * 0.35, gy = (Math.max(1, n - 1) * k * k) / (ry * ry) * 0.35;
  let temp = W / 8;
  const STEPS = 300;
  for (let step = 0; step < STEPS; step++) {
    for (const a of nodes) { a.dx = 0; a.dy = 0; }
    for (let i = 0; i < n; i++) {
      const a = nodes[i];
      for (let j = i + 1; j < n; j++) {
        const b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy);
        if (d < 0.01) { dx = 0.01 * (j - i); dy = 0.01; d = Math.sqrt(dx * dx + dy * dy); }
        const f = (k * k) / d;
        a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = nodes[index[e.source]], b = nodes[index[e.target]];
      if (a === b) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * d) / k * (1 + Math.log(e.n) * 0.3);
      a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
    }
    for (const a of nodes) {
      a.dx += (W / 2 - a.x) * gx; a.dy += (H / 2 - a.y) * gy;
      const d = Math.sqrt(a.dx * a.dx + a.dy * a.dy) || 1, m = Math.min(d, temp);
      a.x += (a.dx / d) * m; a.y += (a.dy / d) * m;
      const r = radius(a) + 4;
      a.x = Math.max(r, Math.min(W - r - Math.min(130, W / 5), a.x)); a.y = Math.max(r + 4, Math.min(H - r - 4, a.y));
    }
    temp = Math.max(0.5, temp * 0.985);
  }

  const types = [...new Set(edges.map((e) => e.type))];
  const col = NG.colours(types);
  const maxE = Math.max(1, ...edges.map((e) => e.n));
  const chart = NG.svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, role: "group",
    "aria-label": "Network of " + nodes.length + " actors and " + edges.length + " relations; Tab moves between actors"});
  const defs = NG.svg("defs");
  for (const t of types) {
    const m = NG.svg("marker", {id: "arrow-" + types.indexOf(t), viewBox: "0 0 10 10", refX: 9, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: "auto", markerUnits: "userSpaceOnUse"},
      NG.svg("path", {d: "M0,0L10,5L0,10Z", fill: col[t]}));
    defs.appendChild(m);
  }
  chart.appendChild(defs);
  const edgeEls = [], nodeEls = [];
  // parallel edges between the same pair are bent apart
  const seen = {};
  for (const e of edges) {
    const a = nodes[index[e.source]], b = nodes[index[e.target]];
    const key = [e.source, e.target].sort().join("|");
    const k = (seen[key] = (seen[key] || 0) + 1) - 1;
    let d;
    if (a === b) {
      const r = radius(a);
      d = `M${a.x},${a.y - r}c30,-40 50,10 ${r},${r}`;
    } else {
      const dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
      const rb = radius(b) + 2, ex = b.x - dx / len * rb, ey = b.y - dy / len * rb;
      const bend = (k % 2 ? -1 : 1) * Math.ceil(k / 2) * 18 + (e.source < e.target ? 6 : -6);
      const mx = (a.x + ex) / 2 - dy / len * bend, my = (a.y + ey) / 2 + dx / len * bend;
      d = `M${a.x.toFixed(1)},${a.y.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`;
    }
    const p = NG.svg("path", {d: d, class: "edge", stroke: col[e.type],
      "stroke-width": (1 + 4 * Math.sqrt(e.n / maxE)).toFixed(1), "marker-end": `url(#arrow-${types.indexOf(e.type)})`});
    p.addEventListener("mousemove", (ev) => NG.tip(ev, [e.type, a.name + " \u2192 " + b.name, e.n + " time" + (e.n > 1 ? "s" : "")]));
    p.addEventListener("mouseleave", (ev) => NG.tip(ev, null));
    edgeEls.push([p, e]);
    chart.appendChild(p);
  }
  for (const n of nodes) {
    const deg = edges.filter((e) => e.source === n.id || e.target === n.id).length;
    const g = NG.svg("a", {class: "node", href: n.href, transform: `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`,
      "aria-label": n.name + (n.country ? " (" + n.country + ")" : "") + ": " + deg + " relation" + (deg === 1 ? "" : "s") + " shown"});
    g.appendChild(NG.svg("circle", {r: radius(n).toFixed(1), fill: n.country ? "#1f5fa8" : "#868e96"}));
    g.appendChild(NG.svg("text", {x: radius(n) + 3, y: 4}, n.name));
    g.addEventListener("mousemove", (ev) => NG.tip(ev, [n.name, (n.country || "no country") + " \u00b7 " + n.n + " relation" + (n.n > 1 ? "s" : ""), "click for the actor page"]));
    const focus = () => {
      for (const [p, e] of edgeEls) p.classList.toggle("dim", e.source !== n.id && e.target !== n.id);
      for (const [o, m] of nodeEls) {
        const linked = m.id === n.id || edges.some((e) => (e.source === n.id && e.target === m.id) || (e.target === n.id && e.source === m.id));
        o.classList.toggle("dim", !linked);
      }
    };
    const unfocus = () => {
      for (const [p] of edgeEls) p.classList.remove("dim");
      for (const [o] of nodeEls) o.classList.remove("dim");
    };
    g.addEventListener("mouseenter", focus);
    g.addEventListener("focus", focus);
    g.addEventListener("mouseleave", (ev) => { NG.tip(ev, null); unfocus(); });
    g.addEventListener("blur", unfocus);
    nodeEls.push([g, n]);
    chart.appendChild(g);
  }
  box.replaceChildren(chart);
  const counts = {};
  for (const e of edges) counts[e.type] = (counts[e.type] || 0) + e.n;
  NG.legend(document.getElementById("network-keys"), col, counts);
})();
