"""Writes src/newsgraph/schema/record.schema.json (the JSON Schema of one output record).

Edit here, run `python scripts/make_schema.py`, and update docs/output.md to match."""
import json
span = {"type": "object", "required": ["start", "end", "text"], "additionalProperties": False,
        "properties": {"start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0}, "text": {"type": "string"}}}
nspan = {"anyOf": [{"$ref": "#/$defs/span"}, {"type": "null"}]}
sent = {"type": "object", "required": ["start", "end"], "additionalProperties": False,
        "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}}
S = {"type": "string"}; NS = {"type": ["string", "null"]}; NI = {"type": ["integer", "null"]}; NN = {"type": ["number", "null"]}
date = {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "null"}]}
def obj(props, extra_ok=False):
    return {"type": "object", "required": list(props), "additionalProperties": extra_ok, "properties": props}
entity = obj({"id": S, "name": S, "type": S, "country": NS, "roles": {"type": "array", "items": S}, "sector": NS,
              "mentions": {"type": "array", "items": {"$ref": "#/$defs/span"}}})
quote = obj({"id": S, "text": S, "start": {"type": "integer"}, "end": {"type": "integer"},
             "kind": {"enum": ["direct", "indirect", "mixed"]}, "cue_type": {"enum": ["speech", "other"]},
             "speaker": NS, "speaker_mention": nspan, "cue": nspan, "addressee": nspan, "via": nspan,
             "date": date, "sentence": {"$ref": "#/$defs/sentence"}, "rule": S,
             "date_time": NS, "date_inferred": {"enum": ["paragraph", "speaker", None]},
             "confidence": {"type": "number", "minimum": 0, "maximum": 1}})
GRAN = ["time", "hour", "minute", "second", "day", "week", "weekend", "month", "season", "quarter", "half", "year",
        "decade", "century", None]
time = obj({"id": S, "start": {"type": "integer"}, "end": {"type": "integer"}, "text": S, "type": S, "value": NS, "rule": S,
            "granularity": {"enum": GRAN}, "resolution": {"enum": ["exact", "approximate", "range", "unresolved"]},
            "anchor": NS, "range": {"anyOf": [{"type": "array", "items": S, "minItems": 2, "maxItems": 2}, {"type": "null"}]}})
place = obj({"id": S, "name": S, "geonameid": NI, "lat": NN, "lon": NN, "country": NS, "admin1": NS,
             "feature": {"enum": ["country", "admin", "city", "other"]}, "population": NI,
             "aliases": {"type": "array", "items": S}, "mentions": {"type": "array", "items": {"$ref": "#/$defs/span"}}, "rule": S,
             "confidence": {"type": "number", "minimum": 0, "maximum": 1}, "reason": S})
PLOVER = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
event = obj({"id": S, "type": {"enum": PLOVER}, "mode": NS, "contexts": {"type": "array", "items": S},
             "actor": NS, "recipient": NS, "actor_country": NS, "actor_sector": NS, "recipient_country": NS,
             "recipient_sector": NS, "date": date, "place": NS,
             "quad": {"enum": ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict", None]},
             "cameo_root": NS, "trigger": {"$ref": "#/$defs/span"}, "sentence": {"$ref": "#/$defs/sentence"},
             "quote": NS, "negated": {"type": "boolean"}, "hypothetical": {"type": "boolean"}, "future": {"type": "boolean"}, "rule": S,
             "actor_mention": nspan, "recipient_mention": nspan,
             "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1}})
arr = lambda r: {"type": "array", "items": {"$ref": r}}
record = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://newsgraph.example/schema/record.schema.json",
    "title": "newsgraph article record",
    "description": "One article and everything newsgraph extracted from it. Offsets are Python string indices into text. See docs/output.md.",
    "type": "object",
    "required": ["id", "text", "source_path", "url", "title", "published", "source", "repairs", "entities", "quotes", "events", "places", "times", "model", "newsgraph_version", "schema_version"],
    "additionalProperties": False,
    "properties": {"id": S, "text": S, "source_path": NS, "url": NS, "title": NS, "published": date, "source": NS,
                   "repairs": {"type": "array", "items": S}, "entities": arr("#/$defs/entity"), "quotes": arr("#/$defs/quote"), "events": arr("#/$defs/event"),
                   "places": arr("#/$defs/place"), "times": arr("#/$defs/time"), "model": NS, "newsgraph_version": NS, "schema_version": S},
    "$defs": {"span": span, "sentence": sent, "entity": entity, "quote": quote, "time": time, "place": place, "event": event},
}
json.dump(record, open(__import__("pathlib").Path(__file__).parents[1] / "src/newsgraph/schema/record.schema.json", "w"), indent=1)
