/* Bar charts over time (volume of articles, quotes, events; an actor's activity), stacked by
 * series, drawn as SVG from a JSON block. Keyboard: the chart takes focus; Left/Right move
 * between buckets (announced in a live region), Enter lists the bucket's items. */
"use strict";
(function () {
  const KIND = {direct: "#d9a400", indirect: "#2f6db5", mixed: "#c4561d", unknown: "#868e96",
    said: "#1f5fa8", did: "#b01f55", "done to": "#6c757d", articles: "#1f5fa8"};

  function bucketEnd(unit, d) {
    if (unit === "day") return d;
    const dt = new Date(d + "T00:00:00Z");
    if (unit === "week") dt.setUTCDate(dt.getUTCDate() + 6);
    else { dt.setUTCMonth(dt.getUTCMonth() + 1); dt.setUTCDate(0); }
    return dt.toISOString().slice(0, 10);
  }

  function draw(box) {
    const page = NG.data(box.dataset.source);
    if (!page || !page.days.length) return;
    const what = box.dataset.what || "items";
    const clickable = what !== "items";
    const W = Math.max(320, box.clientWidth || 1000), H = Number(box.dataset.height || 220);
    const M = {l: 40, r: 12, t: 12, b: 28};
    const days = page.days, types = page.types;
    const pal = NG.colours(types);
    const col = {};
    for (const t of types) col[t] = KIND[t] || pal[t];
    const by = {};
    for (const [day, type, n] of page.counts) { (by[day] = by[day] || {})[type] = n; }
    const totals = days.map((d) => types.reduce((s, t) => s + ((by[d] || {})[t] || 0), 0));
    const top = Math.max(1, ...totals);
    const tick = Math.max(1, Math.ceil(top / 4));
    const max = tick * Math.ceil(top / tick);
    const step = (W - M.l - M.r) / days.length;
    const bw = Math.max(1, Math.min(40, step * 0.8));
    const y = (v) => H - M.b - (v / max) * (H - M.t - M.b);
    const cap = document.getElementById(box.dataset.caption);
    const label = (cap ? cap.textContent : "Chart") + ". Use the left and right arrow keys to read each " + page.unit +
      (clickable ? "; Enter lists its " + what + "." : ".");
    const chart = NG.svg("svg", {class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", tabindex: 0, "aria-label": label});
    for (let v = 0; v <= max; v += tick) {
      chart.appendChild(NG.svg("line", {x1: M.l, x2: W - M.r, y1: y(v), y2: y(v), stroke: "#e6e9ed"}));
      chart.appendChild(NG.svg("text", {x: M.l - 6, y: y(v) + 4, "text-anchor": "end"}, v));
    }
    function open(i, t) {
      if (!clickable) return;
      const d = days[i];
      const u = new URL(window.location.href);
      u.searchParams.set("since", d); u.searchParams.set("until", bucketEnd(page.unit, d));
      u.searchParams.delete("offset");
      if (t && what === "events") u.searchParams.set("type", t);
      window.location.href = u.pathname + u.search + (what === "events" ? "#events" : "");
    }
    function describe(i) {
      const d = days[i], parts = types.filter((t) => (by[d] || {})[t]).map((t) => t + " " + by[d][t]);
      return (page.unit === "day" ? "" : page.unit + " of ") + d + ": " + (totals[i] ? parts.join(", ") : "none");
    }
    const every = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor((W - M.l) / 75))));
    days.forEach((d, i) => {
      const x = M.l + i * step + (step - bw) / 2;
      let acc = 0;
      for (const t of types) {
        const n = (by[d] || {})[t] || 0;
        if (!n) continue;
        const r = NG.svg("rect", {x: x, y: y(acc + n), width: bw, height: y(acc) - y(acc + n), fill: col[t]});
        r.addEventListener("mousemove", (e) => NG.tip(e, [describe(i), clickable ? "click to list them" : ""]));
        r.addEventListener("mouseleave", (e) => NG.tip(e, null));
        if (clickable) { r.style.cursor = "pointer"; r.addEventListener("click", () => open(i, t)); }
        chart.appendChild(r);
        acc += n;
      }
      if (i % every === 0) chart.appendChild(NG.svg("text", {x: x + bw / 2, y: H - M.b + 16, "text-anchor": "middle"}, d));
    });
    chart.appendChild(NG.svg("line", {x1: M.l, x2: W - M.r, y1: H - M.b, y2: H - M.b, stroke: "#8a96a3"}));
    const cursor = NG.svg("rect", {class: "cursor", x: 0, y: M.t - 2, width: Math.max(bw, 3) + 4, height: H - M.t - M.b + 4});
    cursor.style.display = "none";
    chart.appendChild(cursor);
    const live = NG.el("div", {class: "visually-hidden", "aria-live": "polite"});
    let at = days.length - 1;
    function move(i) {
      at = Math.max(0, Math.min(days.length - 1, i));
      cursor.setAttribute("x", M.l + at * step + (step - bw) / 2 - 2);
      cursor.style.display = "";
      live.textContent = describe(at);
    }
    chart.addEventListener("focus", () => move(at));
    chart.addEventListener("blur", () => { cursor.style.display = "none"; });
    chart.addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft") { move(at - 1); e.preventDefault(); }
      else if (e.key === "ArrowRight") { move(at + 1); e.preventDefault(); }
      else if (e.key === "Home") { move(0); e.preventDefault(); }
      else if (e.key === "End") { move(days.length - 1); e.preventDefault(); }
      else if (e.key === "Enter") open(at, null);
    });
    box.replaceChildren(chart, live);
    const counts = {};
    for (const [, t, n] of page.counts) counts[t] = (counts[t] || 0) + n;
    const keys = document.getElementById(box.id + "-keys");
    if (keys) NG.legend(keys, col, counts);
  }

  for (const box of document.querySelectorAll(".bars")) draw(box);
})();
