/* Map page: event and quote places over an offline basemap (Natural Earth 1:110m country
 * shapes shipped in static/countries-110m.geojson), drawn as SVG in an equirectangular
 * projection. Zoom and pan change the SVG viewBox: mouse wheel or pinch, drag, the + / − / fit
 * buttons, and the keyboard (arrows pan, + and − zoom, 0 fits) when the map has focus.
 * Circles keep their size on screen; their area grows with the count; colour by count
 * (five classes) or by the most frequent event type; low-confidence places are dashed. */
"use strict";
(function () {
  const page = NG.data();
  const box = document.getElementById("map-chart");
  if (!page || !box) return;
  const W = 1000, H = 500;  // drawing units; the SVG scales to the box
  const px = (lon) => (lon + 180) / 360 * W, py = (lat) => (90 - lat) / 180 * H;
  const pts = [...page.points].sort((a, b) => (b.events + b.quotes) - (a.events + a.quotes));
  const maxN = Math.max(1, ...pts.map((p) => p.events + p.quotes));
  const COUNT_COLOURS = ["#fdd49e", "#fdae6b", "#f16913", "#d94801", "#7f2704"];
  const bins = (() => {  // five classes on a square-root scale of the count
    const out = [];
    for (let i = 1; i <= 5; i++) out.push(Math.max(1, Math.round(maxN * (i / 5) ** 2)));
    return [...new Set(out)];
  })();
  const typeCol = NG.colours([...new Set(pts.map((p) => p.type || "quotes only"))]);
  let mode = "count";
  let view = fit();

  function fit() {
    if (!pts.length) return {x: 0, y: 0, w: W, h: H};
    let x0 = Math.min(...pts.map((p) => px(p.lon))), x1 = Math.max(...pts.map((p) => px(p.lon)));
    let y0 = Math.min(...pts.map((p) => py(p.lat))), y1 = Math.max(...pts.map((p) => py(p.lat)));
    let w = Math.max(70, (x1 - x0) * 1.4), h = Math.max(35, (y1 - y0) * 1.4);
    if (w / h > W / H) h = w * H / W; else w = h * W / H;
    w = Math.min(w, W); h = Math.min(h, H);
    return clamp({x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w: w, h: h});
  }
  function clamp(v) {
    v.w = Math.max(8, Math.min(W, v.w)); v.h = v.w * H / W;
    v.x = Math.max(0, Math.min(W - v.w, v.x)); v.y = Math.max(0, Math.min(H - v.h, v.y));
    return v;
  }
  function colour(p) {
    if (mode === "type") return typeCol[p.type || "quotes only"];
    const n = p.events + p.quotes;
    const i = bins.findIndex((b) => n <= b);
    return COUNT_COLOURS[(i < 0 ? bins.length - 1 : i) + (5 - bins.length)];
  }

  const svg = NG.svg("svg", {class: "chart", role: "img", tabindex: 0, preserveAspectRatio: "xMidYMid meet",
    "aria-label": "Map of " + pts.length + " places. Arrow keys pan, plus and minus zoom, 0 fits to the places."});
  const gCountries = NG.svg("g"), gPts = NG.svg("g"), gLabels = NG.svg("g");
  svg.append(NG.svg("rect", {class: "ocean", x: 0, y: 0, width: W, height: H}), gCountries, gPts, gLabels);
  box.replaceChildren(svg);

  function apply() {
    svg.setAttribute("viewBox", `${view.x.toFixed(2)} ${view.y.toFixed(2)} ${view.w.toFixed(2)} ${view.h.toFixed(2)}`);
    const k = view.w / W;  // circles and labels keep their screen size
    for (const [c, p] of circles) c.setAttribute("r", (k * (4 + 14 * Math.sqrt((p.events + p.quotes) / maxN))).toFixed(3));
    for (const [t, p] of labels) {
      t.setAttribute("x", (px(p.lon) + 7 * k).toFixed(2)); t.setAttribute("y", (py(p.lat) - 7 * k).toFixed(2));
      t.style.fontSize = (12 * k).toFixed(3) + "px"; t.style.strokeWidth = (3 * k).toFixed(3) + "px";
    }
  }
  const circles = [], labels = [];
  function drawPoints() {
    gPts.replaceChildren(); gLabels.replaceChildren(); circles.length = 0; labels.length = 0;
    for (const p of pts) {
      const c = NG.svg("circle", {cx: px(p.lon).toFixed(2), cy: py(p.lat).toFixed(2), r: 1, fill: colour(p),
        class: "pt" + (p.low_confidence ? " low" : "")});
      const lines = [p.name + (p.country ? " (" + p.country + ")" : ""),
        p.events + " event" + (p.events === 1 ? "" : "s") + ", " + p.quotes + " quote" + (p.quotes === 1 ? "" : "s"),
        p.type ? "mostly " + p.type : "", p.confidence !== null ? "confidence " + p.confidence.toFixed(2) + (p.low_confidence ? " (uncertain)" : "") : "",
        p.events ? "click for the events there" : "click for the statements naming it"];
      c.addEventListener("mousemove", (e) => NG.tip(e, lines.filter(Boolean)));
      c.addEventListener("mouseleave", (e) => NG.tip(e, null));
      c.addEventListener("click", () => { if (!moved) window.location.href = p.href; });
      gPts.appendChild(c);
      circles.push([c, p]);
    }
    for (const p of pts.slice(0, 15)) {
      const t = NG.svg("text", {class: "label"}, p.name);
      gLabels.appendChild(t);
      labels.push([t, p]);
    }
    apply();
    legend();
  }
  function legend() {
    const keys = document.getElementById("map-keys");
    if (!keys) return;
    const items = [];
    if (mode === "type") {
      for (const [t, c] of Object.entries(typeCol).sort()) items.push([c, t]);
    } else {
      let lo = 1;
      bins.forEach((b, i) => { items.push([COUNT_COLOURS[i + (5 - bins.length)], lo === b ? String(b) : lo + "–" + b]); lo = b + 1; });
    }
    const kids = items.map(([c, t]) => { const sw = NG.el("i", {class: "round"}); sw.style.background = c; return NG.el("span", {}, sw, t); });
    const low = NG.el("i", {class: "round low"}); low.style.background = "#fdae6b";
    kids.push(NG.el("span", {}, low, "uncertain place (confidence below " + page.low_confidence + ")"));
    kids.push(NG.el("span", {}, "circle area: events + quotes (largest " + maxN + ")"));
    keys.replaceChildren(NG.el("span", {}, mode === "type" ? "Colour: main event type" : "Colour: events + quotes"), ...kids);
  }

  function zoom(f, cx, cy) {
    const ax = cx === undefined ? view.x + view.w / 2 : cx, ay = cy === undefined ? view.y + view.h / 2 : cy;
    const w = Math.max(8, Math.min(W, view.w * f));
    const s = w / view.w;
    view = clamp({x: ax - (ax - view.x) * s, y: ay - (ay - view.y) * s, w: w, h: w * H / W});
    apply();
  }
  function toMap(e) {
    const r = svg.getBoundingClientRect();
    // preserveAspectRatio meet: the drawing is letterboxed inside the element
    const s = Math.min(r.width / view.w, r.height / view.h);
    const ox = (r.width - view.w * s) / 2, oy = (r.height - view.h * s) / 2;
    return [view.x + (e.clientX - r.left - ox) / s, view.y + (e.clientY - r.top - oy) / s, s];
  }
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const [mx, my] = toMap(e);
    zoom(e.deltaY > 0 ? 1.25 : 0.8, mx, my);
  }, {passive: false});
  let drag = null, moved = false;
  const active = new Map();
  svg.addEventListener("pointerdown", (e) => {
    active.set(e.pointerId, [e.clientX, e.clientY]);
    drag = {x: e.clientX, y: e.clientY, v: Object.assign({}, view), dist: null};
    moved = false;
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag || !active.has(e.pointerId)) return;
    active.set(e.pointerId, [e.clientX, e.clientY]);
    const [, , s] = toMap(e);
    if (active.size === 2) {  // pinch
      const [[ax, ay], [bx, by]] = [...active.values()];
      const d = Math.hypot(ax - bx, ay - by);
      if (drag.dist) { zoom(drag.dist / d); moved = true; }
      drag.dist = d;
      return;
    }
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
    if (!moved) return;
    if (!svg.hasPointerCapture(e.pointerId)) svg.setPointerCapture(e.pointerId);
    view = clamp({x: drag.v.x - dx / s, y: drag.v.y - dy / s, w: view.w, h: view.h});
    apply();
  });
  const end = (e) => { active.delete(e.pointerId); if (!active.size) drag = null; };
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointercancel", end);
  svg.addEventListener("keydown", (e) => {
    const step = view.w * 0.1;
    const moves = {ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step]};
    if (moves[e.key]) { view = clamp({x: view.x + moves[e.key][0], y: view.y + moves[e.key][1], w: view.w, h: view.h}); apply(); }
    else if (e.key === "+" || e.key === "=") zoom(0.8);
    else if (e.key === "-") zoom(1.25);
    else if (e.key === "0") { view = fit(); apply(); }
    else return;
    e.preventDefault();
  });
  const on = (id, f) => { const b = document.getElementById(id); if (b) b.addEventListener("click", f); };
  on("zoom-in", () => zoom(0.7));
  on("zoom-out", () => zoom(1.4));
  on("zoom-fit", () => { view = view.w < W ? {x: 0, y: 0, w: W, h: H} : fit(); apply(); });
  const sel = document.getElementById("map-colour");
  if (sel) sel.addEventListener("change", () => { mode = sel.value; drawPoints(); });

  drawPoints();
  fetch(page.basemap).then((r) => r.json()).then((geo) => {
    const hit = new Set(page.countries || []);
    for (const f of geo.features) {
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      let d = "";
      for (const poly of polys) for (const ring of poly) {
        d += ring.map((c, i) => (i ? "L" : "M") + px(c[0]).toFixed(1) + "," + py(c[1]).toFixed(1)).join("") + "Z";
      }
      const p = NG.svg("path", {d: d, class: "country" + (hit.has(f.properties.iso3) ? " hit" : "")});
      p.addEventListener("mousemove", (e) => NG.tip(e, [f.properties.name || "?"]));
      p.addEventListener("mouseleave", (e) => NG.tip(e, null));
      gCountries.appendChild(p);
    }
  }).catch((err) => { box.appendChild(NG.el("p", {class: "notice"}, "Basemap could not be loaded: " + err)); });
})();
