"""Count the place error kinds of issue 12 on the public gold data (../shared/data).

    .venv/bin/python scripts/place_error_kinds.py            # the table for docs/places.md
    .venv/bin/python scripts/place_error_kinds.py --model md

GeoWebNews (``newsgraph eval gwn``'s scorer and its error kinds, ``ERROR_KINDS`` in
newsgraph.eval.gwn), per half (even: tuned on; odd: held out):

- us-place-abroad: a toponym in the USA resolved to another country (> 161 km off);
- state-abbrev: a US state abbreviation ("Calif.", "W.Va.", "TX") missed or > 161 km off;
- name-as-place: a spurious place on a name the model calls PERSON or ORG, or that the gold
  calls a Non_Toponym/Homonym (persons, firms, teams, shops named after places);
- building-as-country: a building or institution resolved to a country.

PLOVER gold records that name where the event happened (``eventLoc``, 48 sentences):

- event-place-wrong: the sentence's main event (the trigger highest in the parse, as ``newsgraph
  eval plover`` picks it) is placed at another place than the gold one;
- event-place-none: it has no place although the sentence names the gold one.

A place matches the gold ``eventLoc`` when one of its mentions, its name or an alias is the gold
name (case, accents and a leading "province of"/"town of" ignored), or the gold name is, in the
gazetteer, a name of that place (GeoNames id; "Algers" is Algiers) or of its country.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.eval import (
    gwn,  # noqa: E402
    plover,  # noqa: E402
)
from newsgraph.gazetteer import get_gazetteer, norm  # noqa: E402


def plover_event_places(nlp, path: Path) -> list[dict]:
    raw = plover._load_json_lenient(path.read_text(encoding="utf-8"))
    recs = [r for r in raw if r.get("text") and isinstance(r.get("eventLoc"), dict) and r["eventLoc"].get("name")]
    rows = []
    docs = list(nlp.pipe([r["text"] for r in recs], batch_size=32))
    for r, doc in zip(recs, docs):
        gold = r["eventLoc"]["name"]
        ev = plover.top_event(doc)
        evs = list(doc._.events or [])
        top = None
        if ev is not None:
            top = next((e for e in evs if e.trigger.text == ev["trigger"]), None)
        places = {p.id: p for p in doc._.places or []}
        p = places.get(top.place) if top is not None and top.place else None
        named = any(norm(m.text) == norm(gold) for q in places.values() for m in q.mentions)
        if p is None:
            status = "none" if named else "none-unnamed"
        else:
            g = norm(gold)
            for lead in ("province of ", "town of ", "city of ", "village of "):
                g = g[len(lead) :] if g.startswith(lead) else g
            keys = {norm(p.name)} | {norm(a) for a in p.aliases} | {norm(m.text) for m in p.mentions}
            found = get_gazetteer().lookup_key(g)
            ok = (
                g in keys
                or (p.geonameid is not None and any(x.gid == p.geonameid for x in found))
                or any(x.feature == "country" and x.country == p.country and p.feature == "country" for x in found)
            )
            status = "ok" if ok else "wrong"
        rows.append(
            {
                "id": r.get("id"),
                "gold": gold,
                "place": p.name if p else None,
                "trigger": top.trigger.text if top else None,
                "status": status,
                "text": r["text"],
            }
        )
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="list the PLOVER event-place errors")
    args = ap.parse_args(argv)
    from newsgraph.pipeline import load_nlp

    nlp = load_nlp(args.model)
    gaz = get_gazetteer()
    arts = gwn.read_gwn(args.data / "geowebnews" / "GWN.xml")
    preds = gwn.predict(arts, nlp)
    locate = gwn.CountryLocator(gaz)
    rows = [gwn.article_rows(a, p, locate, gaz) for a, p in zip(arts, preds)]
    halves = {
        "even": [r for a, rs in zip(arts, rows) if a.index % 2 == 0 for r in rs],
        "odd": [r for a, rs in zip(arts, rows) if a.index % 2 == 1 for r in rs],
    }
    print("| error kind | GeoWebNews even (tuned on) | GeoWebNews odd (held out) |")
    print("|---|---|---|")
    for k in gwn.ERROR_KINDS:
        print(f"| {k} | {gwn.count_kinds(halves['even'])[k]} | {gwn.count_kinds(halves['odd'])[k]} |")
    pr = plover_event_places(nlp, args.data / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt")
    n = len(pr)
    cnt = {s: sum(r["status"] == s for r in pr) for s in ("ok", "wrong", "none", "none-unnamed")}
    print(
        f"\nPLOVER records with a gold event place: {n}; main event placed right {cnt['ok']}, "
        f"at the wrong place (event-place-wrong) {cnt['wrong']}, at no place although the place is "
        f"found (event-place-none) {cnt['none']}, place not found at all {cnt['none-unnamed']}"
    )
    if args.show:
        for r in pr:
            if r["status"] != "ok":
                print(
                    f"  {r['status']:<13} gold {r['gold']!r:<20} got {r['place']!r:<20} trigger {r['trigger']!r}: "
                    f"{r['text'][:110]}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
