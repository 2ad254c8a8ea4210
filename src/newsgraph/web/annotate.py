"""Lay out one article for the article page: the text cut into segments, each segment knowing
which records cover it (quote, cue, speaker, place, time, event trigger), and for every record
the reasons it was extracted (kind, cue, rule, sentence).

All slicing happens here, in Python, with the record's own offsets (code points), so the
browser never indexes into the text (JavaScript strings count UTF-16 units and would drift on
emoji). The output is plain data; the template escapes every string it prints.
"""

from __future__ import annotations

from typing import Any, Optional

from ..record import parts_text, shown_mention, shown_recipient

# Which record a segment "is" when several cover it: the most specific first.
_PRIORITY = {"trig": 0, "cue": 1, "tm": 2, "pl": 3, "ent": 4, "q": 5}


def _sl(text: str, start: Any, end: Any) -> Optional[str]:
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
        return text[start:end]
    return None


def _sentence(text: str, sent: Optional[dict]) -> Optional[str]:
    if not sent:
        return None
    s = _sl(text, sent.get("start"), sent.get("end"))
    return " ".join(s.split()) if s else None


def actor_href(actor_ids: dict[str, int], eid: Optional[str]) -> Optional[str]:
    aid = actor_ids.get(eid) if eid else None
    return f"/actors/{aid}" if aid is not None else None


def layout(record: dict, actor_ids: dict[str, int], event_min_confidence: float = 0.0) -> dict[str, Any]:
    """``{"segments": [...], "records": {...}, "quotes": [...], "events": [...], "events_hidden":
    N}`` for a record dict (``Record.to_dict()``); ``actor_ids`` maps the record's entity ids to
    store actor ids. Events under ``event_min_confidence`` are neither marked nor listed (the
    timeline, the network and the exports leave them out too); ``events_hidden`` counts them."""
    text: str = record.get("text") or ""
    ents = {e["id"]: e for e in record.get("entities") or []}
    places = {p["id"]: p for p in record.get("places") or []}
    quotes_by_id = {q["id"]: q for q in record.get("quotes") or []}
    intervals: list[tuple[int, int, str, str, Optional[str]]] = []  # start, end, class, ref, href
    records: dict[str, dict] = {}

    def name_of(eid):
        e = ents.get(eid) if eid else None
        return e["name"] if e else None

    for e in ents.values():
        href = actor_href(actor_ids, e["id"])
        for m in e.get("mentions") or []:
            intervals.append((m["start"], m["end"], "ent", e["id"], href))
        records[e["id"]] = {
            "label": f"Entity {e['id']} \u00b7 {e.get('type') or ''}",
            "why": [
                ["Name", e.get("name"), href],
                ["Type", e.get("type"), None],
                ["Country", e.get("country"), None],
                ["Roles", ", ".join(e.get("roles") or []), None],
                ["Sector", e.get("sector"), None],
                ["Mentions", ", ".join(dict.fromkeys(m["text"] for m in e.get("mentions") or [])), None],
            ],
        }

    quote_list = []
    for q in quotes_by_id.values():
        kind = q.get("kind") or ""
        parts = [p for p in q.get("parts") or [] if _sl(text, p.get("start"), p.get("end")) is not None]
        # what was said: a content in parts reads as its parts joined by " ... " (the attribution
        # between them left out, record.parts_text)
        said = parts_text(text, parts) if len(parts) > 1 else q.get("text")
        # a content in parts ("And that, Mr. Novak said, was in the works"): each part is marked,
        # the attribution between them is not (records written before ``parts`` existed: one part)
        for part in q.get("parts") or [{"start": q["start"], "end": q["end"]}]:
            intervals.append((part.get("start"), part.get("end"), "q " + kind, q["id"], None))
        cue = q.get("cue") or None
        if cue:
            intervals.append((cue["start"], cue["end"], "cue", q["id"], None))
        spk = q.get("speaker")
        href = actor_href(actor_ids, spk)
        mention = q.get("speaker_mention") or None
        records[q["id"]] = {
            "label": f"Quote {q['id']} \u00b7 {kind}",
            "why": [
                ["Said", said, None],
                ["Speaker", name_of(spk) or shown_mention((mention or {}).get("text")) or "unknown", href],
                ["Named as", (mention or {}).get("text"), None],
                ["Cue", (cue or {}).get("text"), None],
                ["Cue type", q.get("cue_type"), None],
                ["Rule", q.get("rule"), None],
                ["To", (q.get("addressee") or {}).get("text"), None],
                ["Via", (q.get("via") or {}).get("text"), None],
                ["Date said", q.get("date"), None],
                [
                    "Date inferred from",
                    {"paragraph": "the paragraph", "speaker": "the same speaker before"}.get(
                        q.get("date_inferred") or "", q.get("date_inferred")
                    ),
                    None,
                ],
                ["Sentence", _sentence(text, q.get("sentence")), None],
            ],
        }
        quote_list.append(
            {
                "id": q["id"],
                "text": said,
                "kind": kind,
                "speaker": name_of(spk) or (mention or {}).get("text"),
                "href": href,
            }
        )

    for p in places.values():
        for m in p.get("mentions") or []:
            intervals.append((m["start"], m["end"], "pl", p["id"], None))
        coords = f"{p['lat']:.3f}, {p['lon']:.3f}" if p.get("lat") is not None and p.get("lon") is not None else None
        records[p["id"]] = {
            "label": f"Place {p['id']} \u00b7 {p.get('feature') or ''}",
            "why": [
                ["Name", p.get("name"), None],
                ["Country", p.get("country"), None],
                ["Region", p.get("admin1"), None],
                ["GeoNames", str(p["geonameid"]) if p.get("geonameid") else None, None],
                ["Lat, lon", coords, None],
                ["Population", f"{p['population']:,}" if p.get("population") else None, None],
                ["Rule", p.get("rule"), None],
            ],
        }

    for t in record.get("times") or []:
        intervals.append((t["start"], t["end"], "tm", t["id"], None))
        records[t["id"]] = {
            "label": f"Time {t['id']} \u00b7 {t.get('type') or ''}",
            "why": [
                ["Text", t.get("text"), None],
                ["Value", t.get("value"), None],
                ["Granularity", t.get("granularity"), None],
                ["Resolution", t.get("resolution"), None],
                ["Read from", t.get("anchor"), None],
                ["Range", " to ".join(t.get("range") or []) or None, None],
                ["Rule", t.get("rule"), None],
            ],
        }

    event_list = []
    hidden = 0
    for v in record.get("events") or []:
        if v.get("confidence") is not None and v["confidence"] < event_min_confidence:
            hidden += 1
            continue
        trig = v.get("trigger") or {}
        if trig:
            intervals.append((trig["start"], trig["end"], "trig", v["id"], None))
        flags = [f for f in ("negated", "hypothetical", "future") if v.get(f)]
        place = places.get(v.get("place")) if v.get("place") else None
        actor = name_of(v.get("actor")) or v.get("actor_country")
        recip = shown_recipient(name_of(v.get("recipient")) or v.get("recipient_country"), v.get("recipient_basis"))
        records[v["id"]] = {
            "label": f"Event {v['id']} \u00b7 {v.get('type')}",
            "why": [
                ["Type", v.get("type"), None],
                ["Mode", v.get("mode"), None],
                ["Actor", actor, actor_href(actor_ids, v.get("actor"))],
                ["Recipient", recip, actor_href(actor_ids, v.get("recipient"))],
                ["Trigger", trig.get("text"), None],
                ["Date", v.get("date"), None],
                ["Place", place["name"] if place else None, None],
                ["Contexts", ", ".join(v.get("contexts") or []), None],
                ["Quad", v.get("quad"), None],
                ["CAMEO root", v.get("cameo_root"), None],
                ["Flags", ", ".join(flags), None],
                ["Confidence", v.get("confidence"), None],
                ["In quote", v.get("quote"), None],
                ["Rule", v.get("rule"), None],
                ["Sentence", _sentence(text, v.get("sentence")), None],
            ],
        }
        event_list.append(
            {
                "id": v["id"],
                "type": v.get("type"),
                "actor": actor,
                "recipient": recip,
                "actor_href": actor_href(actor_ids, v.get("actor")),
                "recipient_href": actor_href(actor_ids, v.get("recipient")),
                "trigger": trig.get("text"),
                "date": v.get("date"),
                "place": place["name"] if place else None,
                "flags": flags,
            }
        )

    return {
        "segments": _segments(text, intervals),
        "records": records,
        "quotes": quote_list,
        "events": event_list,
        "events_hidden": hidden,
    }


def _segments(text: str, intervals) -> list[dict]:
    n = len(text)
    good = [
        (s, e, c, r, h) for s, e, c, r, h in intervals if isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n
    ]
    cuts = sorted({0, n, *(s for s, *_ in good), *(e for _, e, *_ in good)})
    starts: dict[int, list] = {}
    for iv in good:
        starts.setdefault(iv[0], []).append(iv)
    open_: list = []
    out: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:]):
        open_ = [iv for iv in open_ if iv[1] > a] + starts.get(a, [])
        if not open_:
            seg: dict[str, Any] = {"text": text[a:b], "cls": "", "refs": "", "href": None}
        else:
            ranked = sorted(open_, key=lambda iv: (_PRIORITY[iv[2].split()[0]], iv[1] - iv[0]))
            classes = list(dict.fromkeys(c for iv in ranked for c in iv[2].split()))
            refs = list(dict.fromkeys(iv[3] for iv in ranked))
            href = next((iv[4] for iv in ranked if iv[4]), None)
            seg = {"text": text[a:b], "cls": " ".join(classes), "refs": " ".join(refs), "href": href}
        prev = out[-1] if out else None
        if prev and (prev["cls"], prev["refs"], prev["href"]) == (seg["cls"], seg["refs"], seg["href"]):
            prev["text"] += seg["text"]
        else:
            out.append(seg)
    # each record's first segment carries its anchor (/articles/ID#Q19 scrolls there)
    seen: set = set()
    for seg in out:
        seg["anchors"] = [r for r in seg["refs"].split() if r not in seen]
        seen.update(seg["anchors"])
    return out
