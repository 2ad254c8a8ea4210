"""A readable summary of a record, for ``newsgraph extract --format pretty``."""

from __future__ import annotations

import textwrap

from .record import Record, parts_text, shown_mention, shown_recipient
from .thresholds import event_passes


def _short(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _quote_lines(q, ents, text: str = "") -> list[str]:
    e = ents.get(q.speaker) if q.speaker else None
    who = e.name if e else (shown_mention(q.speaker_mention.text if q.speaker_mention else None) or "(unattributed)")
    extra = []
    if e and e.country:
        extra.append(e.country)
    if e and e.roles:
        extra.append(", ".join(e.roles[:2]))
    head = f"  - {who}" + (f" [{'; '.join(extra)}]" if extra else "")
    cue = q.cue.text if q.cue else "?"
    meta = [q.kind, f"cue '{cue}'"]
    if q.addressee:
        meta.append(f"to '{q.addressee.text}'")
    if q.via:
        meta.append(f"via '{q.via.text}'")
    if q.date:
        meta.append(q.date + (f" inferred from {q.date_inferred}" if getattr(q, "date_inferred", None) else ""))
    parts = getattr(q, "parts", None) or []
    if len(parts) > 1:
        meta.append(f"{len(parts)} parts, the attribution left out")
    # a content in parts reads as its parts joined by " ... " (record.parts_text)
    said = parts_text(text, parts) if len(parts) > 1 and text else q.text
    return [f"{head} ({', '.join(meta)}):", textwrap.indent(textwrap.fill(_short(said, 300), 92), "      ")]


def format_record(rec: Record) -> str:
    ents = {e.id: e for e in rec.entities}
    lines = [f"== {rec.title or rec.id}" + (f"  ({rec.published})" if rec.published else "")]
    # what was said first (speech cues, as the Statements page shows by default), then the other
    # attributions: beliefs, wishes, findings, polls, learned frames (cue_type other)
    said = [q for q in rec.quotes if q.cue_type == "speech"]
    other = [q for q in rec.quotes if q.cue_type != "speech"]
    for title, qs in (("Who said what", said), ("Other attributions (beliefs, findings, polls; not speech)", other)):
        if not qs:
            continue
        lines.append(f"{title} ({len(qs)}):")
        for q in qs:
            lines += _quote_lines(q, ents, rec.text or "")
    if not rec.quotes:
        lines.append("No quotations found.")
    shown = [ev for ev in rec.events if event_passes(getattr(ev, "confidence", None))]
    hidden = len(rec.events) - len(shown)
    if shown:
        lines.append(
            f"Who did what to whom ({len(shown)}"
            + (f"; {hidden} below the confidence threshold not shown" if hidden else "")
            + "):"
        )
        for ev in shown:
            a = ents[ev.actor].name if ev.actor in ents else (ev.actor_country or "?")
            r = ents[ev.recipient].name if ev.recipient in ents else (ev.recipient_country or "-")
            r = shown_recipient(r, getattr(ev, "recipient_basis", None)) or r
            flags = [f for f in ("negated", "hypothetical", "future") if getattr(ev, f)]
            place = next((p.name for p in rec.places if p.id == ev.place), None)
            conf = getattr(ev, "confidence", None)
            bits = [
                b for b in (ev.mode, ev.date, place, *flags, None if conf is None else f"confidence {conf:.2f}") if b
            ]
            lines.append(f"  - {ev.type}: {a} -> {r}  '{ev.trigger.text}'" + (f" ({', '.join(bits)})" if bits else ""))
    elif hidden:
        lines.append(f"No events at or above the confidence threshold ({hidden} below it not shown).")
    if rec.places:
        lines.append(
            "Places: "
            + "; ".join(
                f"{p.name} ({p.country or '?'}{'' if p.lat is None else f' {p.lat:.2f},{p.lon:.2f}'})"
                for p in rec.places
            )
        )
    if rec.times:
        lines.append("Times: " + "; ".join(f"'{t.text}' = {t.value}" for t in rec.times))
    return "\n".join(lines) + "\n"
