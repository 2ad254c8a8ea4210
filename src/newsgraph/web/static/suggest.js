/* Speaker autocomplete: as the user types, the datalist offers the actors whose name (or a
 * word of it) starts with the text, most present first; picking one puts "Name · USA · #57"
 * in the field, and the server reads the id after "#". */
"use strict";
(function () {
  const input = document.querySelector("input[name=speaker][list]");
  const list = document.getElementById(input ? input.getAttribute("list") : "");
  if (!input || !list) return;
  let timer = null, last = "";
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    // /api/suggest takes 1 to 100 characters: a longer text is no name to complete (asking would be a 422)
    if (q.length < 2 || q.length > 100 || q.includes("#") || q === last) return;
    timer = setTimeout(() => {
      last = q;
      fetch("/api/suggest?q=" + encodeURIComponent(q) + "&limit=12", {headers: {Accept: "application/json"}})
        .then((r) => (r.ok ? r.json() : {results: []}))
        .then((d) => {
          list.replaceChildren(...d.results.map((a) => NG.el("option", {value: a.value}, a.n_articles + " articles")));
        })
        .catch(() => {});
    }, 150);
  });
})();
