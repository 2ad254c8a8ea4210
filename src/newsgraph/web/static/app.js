/* newsgraph: shared helpers for the pages. No framework.
 *
 * Safety rule for every script here: data from articles is untrusted. It only ever reaches
 * the page as text (textContent, createTextNode, setAttribute on non-event attributes) and
 * never through innerHTML or string-built markup. Page data comes from a
 * <script type="application/json"> block written by the server with Jinja's tojson filter.
 */
"use strict";

const NG = (function () {
  const SVGNS = "http://www.w3.org/2000/svg";
  const SAFE_ATTR = /^(class|id|href|title|role|tabindex|aria-[a-z-]+|data-[a-z0-9-]+|label|x|y|x1|x2|y1|y2|cx|cy|r|d|width|height|viewBox|fill|stroke|stroke-width|stroke-opacity|fill-opacity|opacity|transform|text-anchor|dominant-baseline|marker-end|points|rx|ry|preserveAspectRatio|orient|markerWidth|markerHeight|refX|refY|markerUnits|vector-effect|font-size|font-weight|type|value|name)$/;

  function setAttrs(node, attrs) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (!SAFE_ATTR.test(k)) throw new Error("attribute not allowed: " + k);
      if (k === "href" && !/^(\/|#|https?:\/\/)/.test(String(v))) continue; // no javascript: URLs
      node.setAttribute(k, String(v));
    }
    return node;
  }

  function append(node, kids) {
    for (const kid of kids) {
      if (kid === null || kid === undefined || kid === false) continue;
      if (Array.isArray(kid)) append(node, kid);
      else if (kid instanceof Node) node.appendChild(kid);
      else node.appendChild(document.createTextNode(String(kid)));
    }
    return node;
  }

  /** el("a", {href: "/x"}, "text", child...) -> HTML element; strings become text nodes. */
  function el(tag, attrs, ...kids) {
    return append(setAttrs(document.createElement(tag), attrs), kids);
  }

  /** svg("circle", {cx: 1}) -> SVG element. */
  function svg(tag, attrs, ...kids) {
    return append(setAttrs(document.createElementNS(SVGNS, tag), attrs), kids);
  }

  function data(id) {
    const node = document.getElementById(id || "page-data");
    return node ? JSON.parse(node.textContent) : null;
  }

  // A fixed palette: the same key always gets the same colour on a page (keys sorted first).
  const PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f",
    "#ff9da7", "#1f3b73", "#8cd17d", "#d4a6c8", "#499894", "#f1ce63", "#86bcb6", "#79706e"];
  function colours(keys) {
    const map = {};
    [...keys].sort().forEach((k, i) => { map[k] = PALETTE[i % PALETTE.length]; });
    return map;
  }

  let tipNode = null;
  function tip(evt, lines) {
    if (!tipNode) { tipNode = el("div", {class: "tip", role: "tooltip"}); document.body.appendChild(tipNode); }
    if (!lines) { tipNode.style.display = "none"; return; }
    tipNode.replaceChildren(...lines.map((l, i) => i === 0 ? el("b", {}, l) : el("div", {}, l)));
    tipNode.style.display = "block";
    const x = Math.min(evt.clientX + 14, window.innerWidth - 330);
    tipNode.style.left = x + "px";
    tipNode.style.top = (evt.clientY + 14) + "px";
  }

  function legend(container, colourMap, counts) {
    container.replaceChildren(...Object.keys(colourMap).sort().map((k) => {
      const sw = el("i"); sw.style.background = colourMap[k];
      return el("span", {}, sw, k, counts && counts[k] !== undefined ? " (" + counts[k] + ")" : "");
    }));
  }

  return {el, svg, data, colours, tip, legend, SVGNS};
})();
