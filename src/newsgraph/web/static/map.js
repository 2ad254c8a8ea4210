/* Map page: event and quote locations over an offline basemap (Natural Earth 1:110m country
 * shapes shipped in static/countries-110m.geojson). Plain equirectangular projection fitted
 * to the points, drawn as SVG. No tiles, no network beyond this server. */
"use strict";
(function () {
  const page = NG.data();
  const box = document.getElementById("map-chart");
  if (!page || !box) return;
  const W = Math.max(600, box.clientWidth || 1000), H = Math.round(W * 0.5);
  let world = false;

  function extent() {
    const pts = page.points;
    if (world || !pts.length) return [-180, 180, -60, 85];
    let lo0 = Math.min(...pts.map((p) => p.lon)), lo1 = Math.max(...pts.map((p) => p.lon));
    let la0 = Math.min(...pts.map((p) => p.lat)), la1 = Math.max(...pts.map((p) => p.lat));
    // pad, keep a minimum span and the chart's 2:1 aspect
    let cx = (lo0 + lo1) / 2, cy = (la0 + la1) / 2;
    let sx = Math.max(24, (lo1 - lo0) * 1.3), sy = Math.max(12, (la1 - la0) * 1.3);
    if (sx / sy > W / H) sy = sx * H / W; else sx = sy * W / H;
    sx = Math.min(sx, 360); sy = Math.min(sy, 180);
    cx = Math.max(-180 + sx / 2, Math.min(180 - sx / 2, cx));
    cy = Math.max(-90 + sy / 2, Math.min(90 - sy / 2, cy));
    return [cx - sx / 2, cx + sx / 2, cy - sy / 2, cy + sy / 2];
  }

  function draw(geo) {
    const [lo0, lo1, la0, la1] = extent();
    const k = Math.min(W / (lo1 - lo0), H / (la1 - la0));
    const ox = (W - (lo1 - lo0) * k) / 2, oy = (H - (la1 - la0) * k) / 2;
    const px = (lon) => ox + (lon - lo0) * k, py = (lat) => oy + (la1 - lat) * k;
    const chart = NG.svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img"});
    chart.appendChild(NG.svg("rect", {class: "ocean", x: 0, y: 0, width: W, height: H}));
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
      chart.appendChild(p);
    }
    const maxN = Math.max(1, ...page.points.map((p) => p.events + p.quotes));
    // big circles first so small ones stay clickable on top
    const pts = [...page.points].sort((a, b) => (b.events + b.quotes) - (a.events + a.quotes));
    for (const p of pts) {
      const n = p.events + p.quotes;
      const r = 4 + 16 * Math.sqrt(n / maxN);
      const c = NG.svg("circle", {cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1), r: r.toFixed(1),
        class: "pt" + (p.events ? "" : " quote")});
      c.addEventListener("mousemove", (e) => NG.tip(e, [p.name + (p.country ? " (" + p.country + ")" : ""),
        p.events + " event" + (p.events === 1 ? "" : "s") + ", " + p.quotes + " quote" + (p.quotes === 1 ? "" : "s"),
        p.events ? "click for the events there" : "click for the statements naming it"]));
      c.addEventListener("mouseleave", (e) => NG.tip(e, null));
      c.addEventListener("click", () => { window.location.href = p.href; });
      chart.appendChild(c);
    }
    // label the biggest places
    for (const p of pts.slice(0, 12)) {
      chart.appendChild(NG.svg("text", {x: (px(p.lon) + 7).toFixed(1), y: (py(p.lat) - 7).toFixed(1),
        class: "label"}, p.name));
    }
    box.replaceChildren(chart);
  }

  fetch(page.basemap).then((r) => r.json()).then((geo) => {
    draw(geo);
    const btn = document.getElementById("map-world");
    if (btn) btn.addEventListener("click", () => { world = !world; btn.textContent = world ? "Fit to places" : "Whole world"; draw(geo); });
  }).catch((err) => { box.replaceChildren(NG.el("p", {class: "notice"}, "Basemap could not be loaded: " + err)); });
})();
