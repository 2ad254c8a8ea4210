"""``newsgraph eval gwn``: place detection and resolution on GeoWebNews (Gritta et al. 2019).

Gold: ``GWN.xml`` (200 news articles). A gold toponym is an annotation whose type is in the
GeoWebNews toponym taxonomy: the literal types (Literal, Mixed, Coercion, Literal_Modifier,
Embedded_Literal) and the associative ones (Metonymic, Non_Literal_Modifier, Embedded_Non_Lit,
Demonym, Language). ``Literal_Expression``/``Non_Lit_Expression`` (generic words such as
"city") are never places; ``Non_Toponym`` (names of things that contain a place, "Air
Zimbabwe") and ``Homonym`` (a place name used for something else, "Iceland" the shop) are
the taxonomy's non-toponyms and are left out too, unless ``--types all`` asks for every
non-expression type.

Scores:
- toponym precision/recall/F1: a predicted mention matches a gold toponym when their spans
  overlap, one to one (largest overlap first);
- accuracy@161km: among matched toponyms whose gold has coordinates, the share whose resolved
  coordinates are within 161 km (100 miles) of the gold ones (a prediction without
  coordinates counts as wrong); also the median error in km, and the same accuracy below
  country level (predictions that are cities, divisions or named spots: a country's or an
  ocean's point is a convention, and countryinfo's differ from GeoNames' by 160-1,000 km for
  Japan, Canada, India).

GeoWebNews has no train/dev split: the report gives the even-indexed articles (used for
tuning), the odd-indexed ones (held out) and all. Gold offsets that do not match the text
(a few in two articles) are skipped and counted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

LITERAL_TYPES = {"Literal", "Mixed", "Coercion", "Literal_Modifier", "Embedded_Literal"}
ASSOCIATIVE_TYPES = {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit", "Demonym", "Language"}
NON_TOPONYM_TYPES = {"Non_Toponym", "Homonym"}
EXPRESSION_TYPES = {"Literal_Expression", "Non_Lit_Expression"}
TOPONYM_TYPES = LITERAL_TYPES | ASSOCIATIVE_TYPES
KM = 161.0


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    type: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class Predicted:
    start: int
    end: int
    text: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    place: str = ""
    country: Optional[str] = None
    feature: str = ""
    rule: str = ""
    confidence: Optional[float] = None
    reason: str = ""
    ner: str = ""  # the model's entity label over the mention ("" when none)
    geonameid: Optional[int] = None  # the resolved entry's GeoNames id, when it has one


@dataclass
class GoldArticle:
    index: int
    file: str
    text: str
    toponyms: list = field(default_factory=list)
    bad_offsets: list = field(default_factory=list)
    # the taxonomy's names of things (Non_Toponym, Homonym) when they are not scored: they tell a
    # spurious prediction of a person's, firm's or building's name from others
    non_toponyms: list = field(default_factory=list)


def _f(x) -> Optional[float]:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def read_gwn(path, types=TOPONYM_TYPES) -> list[GoldArticle]:
    """Articles with their gold toponyms of the given types. Toponyms whose offsets do not
    match the text are kept apart in ``bad_offsets``."""
    root = ET.parse(str(path)).getroot()
    out = []
    for idx, a in enumerate(root.iter("article")):
        text = a.findtext("text") or ""
        art = GoldArticle(idx, a.get("file", str(idx)), text)
        for t in a.iter("toponym"):
            typ = (t.findtext("type") or "").strip()
            if typ not in types and typ not in NON_TOPONYM_TYPES:
                continue
            name = t.findtext("extractedName") or ""
            try:
                s, e = int(t.findtext("start") or ""), int(t.findtext("end") or "")
            except (TypeError, ValueError):
                if typ in types:
                    art.bad_offsets.append((name, None, None))
                continue
            if text[s:e] != name:
                if typ in types:
                    art.bad_offsets.append((name, s, e))
                continue
            gid = t.findtext("geonamesID")
            g = GoldToponym(
                s,
                e,
                name,
                typ,
                _f(t.findtext("latitude")),
                _f(t.findtext("longitude")),
                int(gid) if gid and gid.isdigit() else None,
            )
            (art.toponyms if typ in types else art.non_toponyms).append(g)
        out.append(art)
    return out


def match(gold: list, pred: list) -> list[tuple[int, int]]:
    """One-to-one overlap matching, largest overlap first: [(gold index, pred index)]."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                pairs.append((-ov, abs(g.start - p.start), i, j))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def score(gold_docs: list[list], pred_docs: list[list]) -> dict:
    """Pure scoring: per-article lists of GoldToponym and Predicted -> counts and rates."""
    from ..gazetteer import haversine_km

    tp = fp = fn = 0
    dists = []
    correct = with_coords = 0
    local_ok = local_n = 0  # below country level: cities, divisions, named spots
    # far off, yet resolved to the gold's own GeoNames entry: the entity is right and only the
    # point that stands for it differs (a country's or a state's point is a convention)
    same_entry_far = 0
    per_doc = []
    by_type: dict = {}
    for gold, pred in zip(gold_docs, pred_docs):
        m = match(gold, pred)
        dtp = len(m)
        dfp, dfn = len(pred) - dtp, len(gold) - dtp
        tp, fp, fn = tp + dtp, fp + dfp, fn + dfn
        matched_g = {i for i, _ in m}
        for i, g in enumerate(gold):
            bt = by_type.setdefault(g.type, [0, 0])
            bt[1] += 1
            bt[0] += i in matched_g
        dcorrect = dwith = 0
        for i, j in m:
            g, p = gold[i], pred[j]
            if g.lat is None or g.lon is None:
                continue
            with_coords += 1
            dwith += 1
            if p.lat is None or p.lon is None:
                dists.append(20_000.0)
                continue
            d = haversine_km(g.lat, g.lon, p.lat, p.lon)
            dists.append(d)
            local = p.feature in ("city", "admin") or (p.feature == "other" and p.country is not None)
            local_n += local
            if d <= KM:
                correct += 1
                dcorrect += 1
                local_ok += local
            elif g.geonameid is not None and getattr(p, "geonameid", None) == g.geonameid:
                same_entry_far += 1
        per_doc.append({"tp": dtp, "fp": dfp, "fn": dfn, "acc_n": dwith, "acc_ok": dcorrect})
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": p,
        "recall": r,
        "f1": f,
        "acc161": correct / with_coords if with_coords else 0.0,
        "acc_n": with_coords,
        "same_entry_far": same_entry_far,
        "acc161_local": local_ok / local_n if local_n else 0.0,
        "acc_local_n": local_n,
        "median_km": statistics.median(dists) if dists else None,
        "per_doc": per_doc,
        "recall_by_type": {k: v[0] / v[1] for k, v in sorted(by_type.items())},
        "count_by_type": {k: v[1] for k, v in sorted(by_type.items())},
    }


def predict(articles: list[GoldArticle], nlp) -> list[list[Predicted]]:
    out = []
    for doc in nlp.pipe((a.text for a in articles), batch_size=16):
        preds = []
        for p in doc._.places or []:
            for m in p.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                ner = next((t.ent_type_ for t in span if t.ent_type_), "") if span is not None else ""
                preds.append(
                    Predicted(
                        m.start,
                        m.end,
                        m.text,
                        p.lat,
                        p.lon,
                        p.name,
                        p.country,
                        p.feature,
                        p.rule,
                        getattr(p, "confidence", None),
                        getattr(p, "reason", ""),
                        ner,
                        getattr(p, "geonameid", None),
                    )
                )
        out.append(preds)
    return out


# ----------------------------------------------------------------------------- error dump and kinds

# The place error kinds of issue 12, as GeoWebNews can show them (see docs/places.md):
ERROR_KINDS = {
    "us-place-abroad": "a toponym in the USA resolved to another country (> 161 km off)",
    "state-abbrev": "a US state abbreviation ('Calif.', 'W.Va.', 'TX') missed or resolved > 161 km off",
    "name-as-place": "a person's, firm's or team's name taken as a place (spurious; the model says PERSON/ORG "
    "or the gold calls it a Non_Toponym/Homonym)",
    "building-as-country": "a building or institution (gold Coercion, Non_Toponym or Homonym) resolved to a country",
}
INSTITUTION_HEADS = {
    "university",
    "college",
    "institute",
    "school",
    "house",
    "hospital",
    "center",
    "centre",
    "hall",
    "museum",
    "academy",
    "church",
    "stadium",
    "airport",
    "station",
    "foundation",
    "council",
    "court",
    "capitol",
    "office",
    "building",
    "tower",
}


class CountryLocator:
    """The country (alpha-3) of a gold point: its GeoNames id in the gazetteer, else the country
    outline (countryinfo's GeoJSON) that contains the point, else None."""

    def __init__(self, gaz=None):
        self.gaz = gaz
        self._shapes = None

    def _load(self):
        import countryinfo

        shapes = []
        for c in countryinfo.all_countries():
            i = c.info()
            a3 = (i.get("ISO") or {}).get("alpha3")
            geo = i.get("geoJSON") or {}
            for f in geo.get("features") or []:
                g = f.get("geometry") or {}
                polys = [g["coordinates"]] if g.get("type") == "Polygon" else g.get("coordinates") or []
                for poly in polys:
                    ring = poly[0]
                    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
                    shapes.append((a3, min(xs), max(xs), min(ys), max(ys), ring))
        self._shapes = shapes

    def __call__(self, lat, lon, gid=None) -> Optional[str]:
        if gid and self.gaz is not None:
            e = self.gaz.get(gid)
            if e is not None and e.country:
                return e.country
        if lat is None or lon is None:
            return None
        if self._shapes is None:
            self._load()
        for a3, x0, x1, y0, y1, ring in self._shapes:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and _inside(lon, lat, ring):
                return a3
        return None


def _inside(x, y, ring) -> bool:
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _is_state_abbrev(text: str, gaz) -> bool:
    from ..gazetteer import ABBREV

    return gaz is not None and any(
        x.kind == ABBREV and x.feature == "admin" and x.country == "USA" for x in gaz.lookup(text)
    )


def article_rows(art: GoldArticle, pred: list, locate=None, gaz=None) -> list[dict]:
    """One row per gold toponym (status ok | far | missed | unscored: matched, gold without
    coordinates) and per prediction that matched nothing (status spurious), each with the error
    kind it counts for (``ERROR_KINDS``) or None: what ``--dump`` writes."""
    from ..gazetteer import haversine_km

    text = art.text
    half = "even" if art.index % 2 == 0 else "odd"

    def ctx(s, e):
        return text[max(0, s - 60) : s] + "[[" + text[s:e] + "]]" + text[e : e + 60]

    def pinfo(p):
        return {
            "start": p.start,
            "end": p.end,
            "text": p.text,
            "place": p.place,
            "country": p.country,
            "feature": p.feature,
            "lat": p.lat,
            "lon": p.lon,
            "rule": p.rule,
            "confidence": p.confidence,
            "reason": p.reason,
            "ner": p.ner,
            "geonameid": p.geonameid,
        }

    m = match(art.toponyms, pred)
    by_gold = {i: j for i, j in m}
    used = {j for _, j in m}
    rows = []
    for i, g in enumerate(art.toponyms):
        j = by_gold.get(i)
        p = pred[j] if j is not None else None
        km = None
        if p is None:
            status = "missed"
        elif g.lat is None or g.lon is None:
            status = "unscored"
        elif p.lat is None or p.lon is None:
            status = "far"
        else:
            km = round(haversine_km(g.lat, g.lon, p.lat, p.lon), 1)
            status = "ok" if km <= KM else "far"
        kind = None
        gold_cc = locate(g.lat, g.lon, g.geonameid) if (locate and status == "far") else None
        if status in ("missed", "far") and _is_state_abbrev(g.text, gaz):
            kind = "state-abbrev"
        elif status == "far" and gold_cc == "USA" and p is not None and p.country != "USA":
            kind = "us-place-abroad"
        elif status == "far" and g.type == "Coercion" and p is not None and p.feature == "country":
            kind = "building-as-country"
        rows.append(
            {
                "article": art.index,
                "file": art.file,
                "half": half,
                "row": "gold",
                "start": g.start,
                "end": g.end,
                "text": g.text,
                "type": g.type,
                "lat": g.lat,
                "lon": g.lon,
                "geonameid": g.geonameid,
                "gold_country": gold_cc,
                "status": status,
                "km": km,
                "error_kind": kind,
                "prediction": pinfo(p) if p is not None else None,
                "context": ctx(g.start, g.end),
            }
        )
    for j, p in enumerate(pred):
        if j in used:
            continue
        names = [g for g in art.non_toponyms if g.start < p.end and p.start < g.end]
        kind = None
        if p.feature == "country" and any(
            g.text.split()[-1].lower() in INSTITUTION_HEADS or g.type == "Coercion"
            for g in names
            if len(g.text) > len(p.text)
        ):
            kind = "building-as-country"
        elif names or p.ner in ("PERSON", "ORG"):
            kind = "name-as-place"
        rows.append(
            {
                "article": art.index,
                "file": art.file,
                "half": half,
                "row": "prediction",
                "start": p.start,
                "end": p.end,
                "text": p.text,
                "status": "spurious",
                "error_kind": kind,
                "gold_names": [(g.text, g.type) for g in names],
                "prediction": pinfo(p),
                "context": ctx(p.start, p.end),
            }
        )
    return rows


def count_kinds(rows: list[dict]) -> dict:
    """{kind: count} over dump rows, every kind present (0 when none)."""
    out = {k: 0 for k in ERROR_KINDS}
    for r in rows:
        if r.get("error_kind"):
            out[r["error_kind"]] += 1
    return out


def default_data() -> Path:
    root = Path(__file__).resolve().parents[3]
    return root.parent / "shared" / "data" / "geowebnews" / "GWN.xml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data", type=Path, default=None, metavar="FILE", help="GWN.xml (default ../shared/data/geowebnews/GWN.xml)"
    )
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N articles")
    parser.add_argument("--model", default=None, metavar="M", help="spaCy pipeline ('sm' default, 'md')")
    parser.add_argument(
        "--types",
        choices=["toponyms", "all"],
        default="toponyms",
        help="toponyms: the GeoWebNews literal + associative types (default); "
        "all: every non-expression type, Non_Toponym and Homonym included",
    )
    parser.add_argument(
        "--split",
        choices=["tune", "report", "all"],
        default="all",
        help="which articles to run: tune (even indices, tuned on), report (odd, held out: read as "
        "totals only) or all (default; prints all three rows)",
    )
    parser.add_argument("--worst", type=int, default=5, metavar="N", help="show the N worst articles")
    parser.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="print up to N missed, spurious and far-off toponyms (for error analysis)",
    )
    parser.add_argument(
        "--dump",
        metavar="FILE",
        default=None,
        help="write every gold toponym and every unmatched prediction, with how it scored "
        "(ok, far, missed, spurious), the distance, the place's rule, confidence and reason "
        "and its error kind, as JSON lines (for reading errors; read the even half)",
    )


def _line(name: str, s: dict) -> str:
    med = f"{s['median_km']:.0f}" if s["median_km"] is not None else "-"
    return (
        f"{name:<12} P {s['precision']:.3f}  R {s['recall']:.3f}  F1 {s['f1']:.3f}  "
        f"acc@161km {s['acc161']:.3f} (n={s['acc_n']}, median {med} km; below country level "
        f"{s['acc161_local']:.3f}, n={s['acc_local_n']})  tp {s['tp']} fp {s['fp']} fn {s['fn']}; "
        f"far off on the gold's own GeoNames entry {s.get('same_entry_far', 0)}"
    )


def run(args) -> int:
    from ..gazetteer import haversine_km
    from ..pipeline import ModelError, load_nlp

    path = args.data or default_data()
    if not Path(path).is_file():
        print(f"newsgraph eval gwn: no GeoWebNews file at {path} (give --data FILE)", file=sys.stderr)
        return 2
    types = TOPONYM_TYPES if args.types == "toponyms" else (TOPONYM_TYPES | NON_TOPONYM_TYPES)
    try:
        articles = read_gwn(path, types)
    except ET.ParseError as e:
        print(f"newsgraph eval gwn: {path} is not valid XML: {e}", file=sys.stderr)
        return 2
    if args.limit:
        articles = articles[: args.limit]
    which = getattr(args, "split", "all") or "all"
    if which != "all":
        articles = [a for a in articles if a.index % 2 == (0 if which == "tune" else 1)]
    try:
        nlp = load_nlp(args.model)
    except ModelError as e:
        print(f"newsgraph eval gwn: {e}", file=sys.stderr)
        return 2
    t0 = time.time()
    preds = predict(articles, nlp)
    secs = time.time() - t0
    bad = [(a.index, b) for a in articles for b in a.bad_offsets]
    print(
        f"GeoWebNews: {len(articles)} articles, {sum(len(a.toponyms) for a in articles)} gold toponyms "
        f"({args.types}), model {nlp.meta.get('name')}, {secs:.1f} s"
    )
    if bad:
        arts = sorted({i for i, _ in bad})
        print(
            f"skipped {len(bad)} gold toponym(s) whose offsets do not match the text, in article(s) "
            f"{', '.join(map(str, arts))}: " + "; ".join(f"{b[0]!r}@{b[1]}" for _, b in bad[:8])
        )
    splits = [
        ("even (tune)", [i for i, a in enumerate(articles) if a.index % 2 == 0]),
        ("odd (held)", [i for i, a in enumerate(articles) if a.index % 2 == 1]),
        ("all", list(range(len(articles)))),
    ]
    if which != "all":
        splits = [sp for sp in splits[:2] if sp[1]]
    for name, idx in splits:
        s = score([articles[i].toponyms for i in idx], [preds[i] for i in idx])
        print(_line(name, s))
    s = score([a.toponyms for a in articles], preds)
    print(
        "recall by gold type: "
        + ", ".join(f"{k} {v:.2f} ({s['count_by_type'][k]})" for k, v in s["recall_by_type"].items())
    )
    from ..gazetteer import get_gazetteer

    gaz = get_gazetteer()
    locate = CountryLocator(gaz)
    rows = [article_rows(a, p, locate, gaz) for a, p in zip(articles, preds)]
    kinds = {name: count_kinds([r for i in idx for r in rows[i]]) for name, idx in splits}
    print(f"error kinds ({' / '.join(name.split()[0] for name, _ in splits)}):")
    for k, desc in ERROR_KINDS.items():
        print(f"  {k:<20} " + " ".join(f"{kinds[name][k]:>4}" for name, _ in splits) + f"   {desc}")
    if getattr(args, "dump", None):
        import json

        with open(args.dump, "w", encoding="utf-8") as f:
            for rs in rows:
                for r in rs:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {sum(len(rs) for rs in rows)} rows to {args.dump}")
    if args.worst:
        order = sorted(
            range(len(articles)),
            key=lambda i: (
                -(s["per_doc"][i]["fp"] + s["per_doc"][i]["fn"] + s["per_doc"][i]["acc_n"] - s["per_doc"][i]["acc_ok"])
            ),
        )
        print(f"worst {args.worst} articles (fp + fn + far-off):")
        for i in order[: args.worst]:
            d = s["per_doc"][i]
            print(
                f"  article {articles[i].index} (file {articles[i].file}): tp {d['tp']} fp {d['fp']} "
                f"fn {d['fn']} far-off {d['acc_n'] - d['acc_ok']}/{d['acc_n']}"
            )
    if args.errors:
        missed: list[tuple] = []
        spurious: list[tuple] = []
        far: list[tuple] = []
        for a, pred in zip(articles, preds):
            m = match(a.toponyms, pred)
            mg, mp = {i for i, _ in m}, {j for _, j in m}
            missed += [(a.index, g.text, g.type) for i, g in enumerate(a.toponyms) if i not in mg]
            spurious += [(a.index, p.text, p.place) for j, p in enumerate(pred) if j not in mp]
            for i, j in m:
                g, p = a.toponyms[i], pred[j]
                if g.lat is None or g.lon is None:
                    continue
                d = haversine_km(g.lat, g.lon, p.lat, p.lon) if p.lat is not None and p.lon is not None else None
                if d is None or d > KM:
                    far.append((a.index, g.text, p.place, (g.lat, g.lon), (p.lat, p.lon), d and round(d)))
        for title, errs in (("missed", missed), ("spurious", spurious), ("far-off", far)):
            print(f"{title} ({len(errs)}):")
            for row in errs[: args.errors]:
                print("  ", *row)
    return 0
