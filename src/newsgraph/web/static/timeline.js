/* Timeline page: events per day, stacked by PLOVER type, drawn as SVG. */
"use strict";
(function () {
  const page = NG.data();
  const box = document.getElementById("timeline-chart");
  if (!page || !box || !page.days.length) return;
  const W = Math.max(600, box.clientWidth || 1000), H = Number(box.dataset.height || 300);
  const M = {l: 40, r: 12, t: 12, b: 28};
  const days = page.days, types = page.types;
  const col = NG.colours(types);
  const by = {};  // day -> type -> n
  for (const [day, type, n] of page.counts) { (by[day] = by[day] || {})[type] = n; }
  const totals = days.map((d) => types.reduce((s, t) => s + ((by[d] || {})[t] || 0), 0));
  const top = Math.max(1, ...totals);
  const tick = Math.max(1, Math.ceil(top / 5));  // whole-number ticks
  const max = tick * Math.ceil(top / tick);
  const step = (W - M.l - M.r) / days.length;
  const bw = Math.max(1, Math.min(40, step * 0.8));
  // last day of the bucket starting at d (a day, a week from Monday, or a month)
  function bucketEnd(d) {
    if (page.unit === "day") return d;
    const dt = new Date(d + "T00:00:00Z");
    if (page.unit === "week") dt.setUTCDate(dt.getUTCDate() + 6);
    else { dt.setUTCMonth(dt.getUTCMonth() + 1); dt.setUTCDate(0); }
    return dt.toISOString().slice(0, 10);
  }
  const y = (v) => H - M.b - (v / max) * (H - M.t - M.b);

  const chart = NG.svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img"});
  // y axis with a few ticks
  for (let v = 0; v <= max; v += tick) {
    chart.appendChild(NG.svg("line", {x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: "#eef1f4"}));
    chart.appendChild(NG.svg("text", {x: M.l - 6, y: y(v) + 4, "text-anchor": "end"}, v));
  }
  const every = Math.max(1, Math.ceil(days.length / Math.floor((W - M.l) / 70)));
  days.forEach((d, i) => {
    const x = M.l + i * step + (step - bw) / 2;
    let acc = 0;
    for (const t of types) {
      const n = (by[d] || {})[t] || 0;
      if (!n) continue;
      const r = NG.svg("rect", {x: x, y: y(acc + n), width: bw, height: y(acc) - y(acc + n), fill: col[t]});
      r.addEventListener("mousemove", (e) => NG.tip(e, [(page.unit === "day" ? "" : page.unit + " of ") + d, t + ": " + n + " event" + (n > 1 ? "s" : ""), "click to list them"]));
      r.addEventListener("mouseleave", (e) => NG.tip(e, null));
      r.addEventListener("click", () => {
        const u = new URL(window.location.href);
        u.searchParams.set("since", d); u.searchParams.set("until", bucketEnd(d)); u.searchParams.set("type", t);
        window.location.href = u.pathname + u.search + "#events";
      });
      chart.appendChild(r);
      acc += n;
    }
    if (i % every === 0) {
      chart.appendChild(NG.svg("text", {x: x + bw / 2, y: H - M.b + 16, "text-anchor": "middle"}, d));
    }
  });
  chart.appendChild(NG.svg("line", {x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, stroke: "#b8c1cc"}));
  box.replaceChildren(chart);
  const counts = {};
  for (const [, t, n] of page.counts) counts[t] = (counts[t] || 0) + n;
  NG.legend(document.getElementById("timeline-keys"), col, counts);
})();
