"""What each quote refers to, found once when an article is stored (table ``quote_refs``), so
the map and the network read it with an index instead of parsing whole records:

- ``place``: a place named in the quote's sentence (the map's quote places);
- ``named``: an actor named inside the quote, other than its speaker (the network's MENTIONS);
- ``via``: the actor (outlet or agency) that relays the quote (the network's QUOTES).
"""

from __future__ import annotations


def _inside(m: dict, a: int, b: int) -> bool:
    return a <= m.get("start", -1) and m.get("end", 10**12) <= b


def quote_refs(record: dict) -> list[dict]:
    """``[{"qid", "ref", "role"}, ...]`` for a record dict (``Record.to_dict()``)."""
    out: list[dict] = []
    ents = record.get("entities") or []
    places = [p for p in record.get("places") or [] if p.get("lat") is not None and p.get("lon") is not None]
    for q in record.get("quotes") or []:
        qs, qe = q.get("start"), q.get("end")
        if not isinstance(qs, int) or not isinstance(qe, int):
            continue
        sent = q.get("sentence") or {}
        a, b = min(qs, sent.get("start", qs)), max(qe, sent.get("end", qe))
        seen = set()
        for p in places:
            if any(_inside(m, a, b) for m in p.get("mentions") or []) and p["id"] not in seen:
                seen.add(p["id"])
                out.append({"qid": q["id"], "ref": p["id"], "role": "place"})
        speaker = q.get("speaker")
        for e in ents:
            if e["id"] != speaker and any(_inside(m, qs, qe) for m in e.get("mentions") or []):
                out.append({"qid": q["id"], "ref": e["id"], "role": "named"})
        via = q.get("via")
        if via:
            for e in ents:
                if e["id"] != speaker and any(
                    m["start"] < via["end"] and via["start"] < m["end"] for m in e.get("mentions") or []
                ):
                    out.append({"qid": q["id"], "ref": e["id"], "role": "via"})
                    break
    return out
