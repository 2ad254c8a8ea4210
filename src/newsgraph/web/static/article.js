/* Article page: hovering or clicking a marked stretch of text (or an item in the side lists)
 * shows why that record was extracted: its kind, cue, rule and sentence. The server already
 * computed every text slice (Python offsets), so nothing here indexes into the article. */
"use strict";
(function () {
  const page = NG.data();
  if (!page) return;
  const panel = document.getElementById("why");
  const body = document.getElementById("why-body");
  const text = document.getElementById("article-text");
  let pinned = null;

  function mark(id) {
    for (const n of document.querySelectorAll(".sel")) n.classList.remove("sel");
    if (!id) return;
    for (const n of text.querySelectorAll("[data-r]")) {
      if (n.dataset.r.split(" ").includes(id)) n.classList.add("sel");
    }
  }

  function show(id) {
    const rec = page.records[id];
    if (!rec) return;
    const dl = NG.el("dl");
    for (const [label, value, href] of rec.why) {
      if (value === null || value === undefined || value === "") continue;
      dl.appendChild(NG.el("dt", {}, label));
      dl.appendChild(NG.el("dd", {}, href ? NG.el("a", {href: href}, value) : value));
    }
    body.replaceChildren(NG.el("h2", {}, rec.label), dl);
    panel.hidden = false;
    mark(id);
  }

  function first(node) {
    const holder = node.closest ? node.closest("[data-r]") : null;
    return holder ? [holder, holder.dataset.r.split(" ")[0]] : [null, null];
  }

  document.addEventListener("mouseover", (e) => {
    const [holder, id] = first(e.target);
    if (holder && !pinned) show(id);
  });
  document.addEventListener("click", (e) => {
    const [holder, id] = first(e.target);
    if (!holder || e.target.closest("a")) return;
    if (pinned === id) { pinned = null; return; }
    pinned = id;
    show(id);
    if (!text.contains(holder)) {
      const target = [...text.querySelectorAll("[data-r]")].find((n) => n.dataset.r.split(" ").includes(id));
      if (target) target.scrollIntoView({block: "center", behavior: "smooth"});
    }
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { pinned = null; mark(null); return; }
    if (e.key === "Enter" && e.target.matches && e.target.matches("li[data-r]")) e.target.click();
  });
  document.addEventListener("focusin", (e) => {
    const [holder, id] = first(e.target);
    if (holder && !pinned) show(id);
  });

  // A deep link (/articles/ID#Q19) opens on that record: marked, explained and scrolled to;
  // otherwise the first quote, so the panel is never empty.
  function fromHash() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (!id || !page.records[id]) return false;
    pinned = id;
    show(id);
    const target = [...text.querySelectorAll("[data-r]")].find((n) => n.dataset.r.split(" ").includes(id));
    if (target) target.scrollIntoView({block: "center"});
    return true;
  }
  window.addEventListener("hashchange", fromHash);
  if (!fromHash()) {
    const start = Object.keys(page.records).find((k) => k.startsWith("Q")) || Object.keys(page.records)[0];
    if (start) show(start);
  }
})();
