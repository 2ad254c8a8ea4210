"""The one output shape of newsgraph.

Every part of newsgraph (CLI, store, server, runners) writes and reads these records.
The JSON form is documented in ``docs/output.md`` and validated by
``newsgraph/schema/record.schema.json``.

Offsets (``start``/``end``) are Python string indices into the article ``text``
(``text[start:end]`` is the span), so every record can be checked against its source.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Optional

SCHEMA_VERSION = "1"

_ATOMS = (str, int, float, bool, type(None))
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(obj: Any) -> Any:
    """``dataclasses.asdict`` (the same dicts, lists and values), without its deep copy of every
    string and number: a string, number, bool or None is returned as it is (``copy.deepcopy``
    returns those unchanged too), other values as ``asdict`` makes them."""
    if type(obj) in _ATOMS:
        return obj
    cls = type(obj)
    names = _FIELD_NAMES.get(cls)
    if names is None and is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(obj))
    if names is not None:
        return {n: _plain(getattr(obj, n)) for n in names}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return cls(*[_plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return cls(_plain(v) for v in obj)
    if isinstance(obj, dict):
        return cls((_plain(k), _plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


# what a recipient the sentence does not name is shown with (``Event.recipient_basis``)
RECIPIENT_BASIS_NOTES = {
    "domestic": "guess: no target named, the actor's own country",
    "clause-country": "no target named: a country the clause names",
    "sentence-country": "no target named: a country the sentence names",
}


def shown_recipient(name: Optional[str], basis: Optional[str]) -> Optional[str]:
    """A recipient as a person reads it: its name (or country code), with a note in brackets when
    the sentence names no target (``USA (guess: no target named, the actor's own country)``)."""
    if not name:
        return name
    note = RECIPIENT_BASIS_NOTES.get(basis or "")
    return f"{name} ({note})" if note else name


def shown_mention(text: Optional[str]) -> Optional[str]:
    """A speaker mention as a speaker may be shown when it resolved to no entity: as written,
    but None for a bare pronoun or relative word ("it", "they", "who": ``pronoun`` in
    data/en/quotes/speakers.tsv), which names no one (issue 11, round 10); a phrase ending in
    a relative word ("a smuggler who") without that word (round 11)."""
    if not text or not text.strip():
        return None
    from .lexicon import table

    rows = [r for r in table("quotes/speakers.tsv", columns=("word", "class")) if r["class"] == "pronoun"]
    if text.strip().lower() in {r["word"] for r in rows}:
        return None
    # "a smuggler who" (a relative word's antecedent up to the word, round 11): the phrase
    head, _, last = text.strip().rpartition(" ")
    if head and last.lower() in {r["word"] for r in rows if (r.get("note") or "").strip() == "relative"}:
        return head.rstrip(" ,")
    return text


@dataclass
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class SentenceRef:
    start: int
    end: int


@dataclass
class Entity:
    """A person, organisation or other actor, resolved across the article.

    ``name`` is the fullest form met in the article; ``mentions`` lists every place it is
    referred to (names, surnames, titles, pronouns).
    """

    id: str
    name: str
    type: str  # PERSON | ORG | GPE | NORP | OTHER
    country: Optional[str] = None  # ISO 3166-1 alpha-3 (or IGO code)
    roles: list[str] = field(default_factory=list)
    sector: Optional[str] = None  # CAMEO agent code (GOV, MIL, ...) when known
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Quote:
    """A statement (or other attribution) and who it is attributed to."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue_type: str  # speech | other
    speaker: Optional[str]  # entity id
    speaker_mention: Optional[Span]
    cue: Optional[Span]
    addressee: Optional[Span]
    via: Optional[Span]
    date: Optional[str]
    sentence: SentenceRef
    rule: str = ""  # why it was extracted: the pattern that matched
    # where ``date`` comes from: the id of the time expression ("T3"), and None when that
    # expression is in the statement's own clause, else how it was inferred ("paragraph": the
    # nearest earlier time expression of the paragraph; "speaker": the same speaker's statement
    # just before). See docs/times.md.
    date_time: Optional[str] = None
    date_inferred: Optional[str] = None
    # how often a record of this kind is right (0..1), calibrated on PolNeAR train per path;
    # records below the default threshold are not output (docs/quotes.md)
    confidence: float = 1.0
    # the earlier statements of the article this one answers (docs/responses.md): each
    # {"quote": "Q3", "cue": {"start", "end", "text"}, "stance": support|reject|clarify|other, "rule"}
    responds_to: list = field(default_factory=list)
    # the content's segments, in order, as {"start", "end"}: one for an ordinary quote (its
    # whole extent), several when an attribution interrupts the content ("And that, Mr. Novak
    # said, was in the works": "And that" and "was in the works"); ``text`` is then the parts
    # joined by PART_JOINER (docs/output.md). Records written before it existed have none:
    # they read as one part.
    parts: list = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [{"start": self.start, "end": self.end}]


# what a quote's text puts between the segments of a discontinuous content ("And that ... was
# in the works"): the attribution between them is left out
PART_JOINER = " ... "


def parts_text(text: str, parts: list) -> str:
    """A quote's content as a reader sees it: its parts' words joined by PART_JOINER."""
    return PART_JOINER.join(text[p["start"] : p["end"]] for p in parts)


@dataclass
class TimeExpr:
    id: str
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: Optional[str]  # TIMEX3-style value, e.g. 2024-03-05, 2024-W10, 2024-03, P3D
    rule: str = ""
    # the unit of the value: time | day | week | weekend | month | season | quarter | half | year |
    # decade | century (for durations and sets, the unit counted or repeated); None for
    # PRESENT_REF / PAST_REF / FUTURE_REF and unresolved values
    granularity: Optional[str] = None
    # exact | approximate | range | unresolved (see docs/times.md)
    resolution: str = "unresolved"
    # id of the time expression the value was resolved against ("T2": "the next day", a quote's
    # "tomorrow" anchored to when it was said); None = the publication date or no anchor needed
    anchor: Optional[str] = None
    # a stated range ("from Monday to Wednesday", "12 to 18 months"): [first value, last value]
    range: Optional[list[str]] = None


@dataclass
class Place:
    id: str
    name: str
    geonameid: Optional[int]
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    admin1: Optional[str]
    feature: str  # country | admin | city | other
    population: Optional[int]
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    rule: str = ""  # how the first mention was found: ner:GPE, gazetteer, demonym, embedded, ...
    confidence: float = 1.0  # 0..1: how sure newsgraph is that this is a place and the right entry
    reason: str = (
        ""  # why this entry was chosen among the candidates: "qualifier: Texas", "article frame: USA/Texas", ...
    )


@dataclass
class Event:
    id: str
    type: str  # PLOVER event type
    mode: Optional[str]
    contexts: list[str]
    actor: Optional[str]
    recipient: Optional[str]
    actor_country: Optional[str]
    actor_sector: Optional[str]
    recipient_country: Optional[str]
    recipient_sector: Optional[str]
    date: Optional[str]
    place: Optional[str]
    quad: Optional[str]
    cameo_root: Optional[str]
    trigger: Span
    sentence: SentenceRef
    quote: Optional[str] = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    rule: str = ""
    actor_mention: Optional[Span] = None  # the words naming the actor in the event's sentence
    recipient_mention: Optional[Span] = None
    confidence: Optional[float] = None  # in [0, 1]; null only in records written before it existed
    # how the recipient was found: named | clause-country | sentence-country | domestic (a guess);
    # None when there is no recipient (docs/events.md)
    recipient_basis: Optional[str] = None


@dataclass
class Record:
    """Everything newsgraph extracted from one article."""

    id: str
    text: str
    source_path: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    # what was repaired in the input text before extraction ("ftfy: encode latin-1", ...);
    # offsets are into the repaired text, which is ``text``
    repairs: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    model: Optional[str] = None
    newsgraph_version: Optional[str] = None
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # (``asdict``'s output, in less than half its time)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        """Rebuild a Record from its JSON form (as written by ``to_dict``)."""

        def span(x):
            return Span(**x) if x else None

        def sent(x):
            return SentenceRef(**x)

        known = {f.name for f in fields(cls)}
        base = {
            k: v for k, v in d.items() if k in known and k not in ("entities", "quotes", "events", "places", "times")
        }
        rec = cls(**base)
        rec.entities = [
            Entity(**{**e, "mentions": [Span(**m) for m in e.get("mentions", [])]}) for e in d.get("entities", [])
        ]
        rec.quotes = [
            Quote(
                **{
                    **q,
                    "speaker_mention": span(q.get("speaker_mention")),
                    "cue": span(q.get("cue")),
                    "addressee": span(q.get("addressee")),
                    "via": span(q.get("via")),
                    "sentence": sent(q["sentence"]),
                }
            )
            for q in d.get("quotes", [])
        ]
        rec.events = [
            Event(
                **{
                    **e,
                    "trigger": Span(**e["trigger"]),
                    "sentence": sent(e["sentence"]),
                    "actor_mention": span(e.get("actor_mention")),
                    "recipient_mention": span(e.get("recipient_mention")),
                }
            )
            for e in d.get("events", [])
        ]
        rec.places = [
            Place(**{**p, "mentions": [Span(**m) for m in p.get("mentions", [])]}) for p in d.get("places", [])
        ]
        rec.times = [TimeExpr(**t) for t in d.get("times", [])]
        return rec


# ----------------------------------------------------------------------------- documentation
# What each field means and the JSON Schema constraints its type alone does not give. From these
# and the dataclasses above, ``scripts/make_schema.py`` writes ``schema/record.schema.json`` and
# the field tables of docs/output.md (``--check`` in CI: both in sync with this file; a field
# without an entry here fails it).


@dataclass(frozen=True)
class FieldDoc:
    """``doc``: the meaning (None: the field shares the docs/output.md row above); ``schema``: JSON
    Schema keywords added to the ones its type gives (replacing them when they hold ``type``,
    ``enum`` or ``anyOf``); ``shown``: the type as docs/output.md shows it, when not the one its
    type gives; ``required``: False for a field records written before it existed may lack."""

    doc: Optional[str]
    schema: Optional[dict] = None
    shown: Optional[str] = None
    required: bool = True


DATE = {"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}, {"type": "null"}]}
UNIT = {"minimum": 0, "maximum": 1}
PLOVER_TYPES = [
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
GRANULARITIES = [
    "time",
    "hour",
    "minute",
    "second",
    "day",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
    None,
]

FIELD_DOCS: dict[str, dict[str, FieldDoc]] = {
    "Span": {
        "start": FieldDoc("offset of the first character in the article `text`", {"minimum": 0}),
        "end": FieldDoc("offset after the last character", {"minimum": 0}),
        "text": FieldDoc("`text[start:end]` of the article"),
    },
    "SentenceRef": {
        "start": FieldDoc("offset of the sentence's first character"),
        "end": FieldDoc("offset after its last character"),
    },
    "Record": {
        "id": FieldDoc("for a file: its file name; for a JSONL line: its `id` (else its `url`, else `FILE:LINE`)"),
        "text": FieldDoc(
            "the article text the offsets refer to (for HTML: the main text extracted by trafilatura), "
            "after the input contract's repairs: a lone surrogate becomes U+FFFD and a NUL character a "
            'space (one for one), and mojibake ("PeÃ±a" for "Peña") is repaired with ftfy '
            '(docs/store.md, "Sources")'
        ),
        "source_path": FieldDoc("the file it was read from"),
        "url": FieldDoc(
            "from the input (JSONL fields, HTML metadata); a `.txt` file's title is the headline on its "
            'first line (docs/store.md, "Plain text files"), and that line stays in `text`'
        ),
        "title": FieldDoc(None),
        "published": FieldDoc(
            "publication date: relative dates are resolved against it, and stay null without it; from "
            "the input, else (a `.txt` or `.html` file) the date written in the file name",
            DATE,
            shown="`YYYY-MM-DD`/null",
        ),
        "source": FieldDoc(
            "the outlet: from the input (a JSONL field, an HTML page's site name), else `--source`, else "
            "(a `.txt` or `.html` file) the word its file name opens with before its date "
            '(`wash-post_2016-09-26_x.txt`: wash-post; docs/store.md, "Plain text files")'
        ),
        "repairs": FieldDoc(
            'what the input contract repaired or read besides the text, one line each ("text: 1 lone '
            'surrogate replaced by U+FFFD", "text: mojibake repaired by ftfy (encode latin-1, decode '
            'utf-8)", "title: the headline on the first line (the text keeps it)", "published: '
            '2016-09-26, read from the file name (no date given)"); empty for clean input'
        ),
        "entities": FieldDoc("below", shown="lists"),
        "quotes": FieldDoc(None),
        "events": FieldDoc(None),
        "places": FieldDoc(None),
        "times": FieldDoc(None),
        "model": FieldDoc("the spaCy pipeline used, e.g. `en_core_web_sm-3.8.0`"),
        "newsgraph_version": FieldDoc("the newsgraph version that produced the record"),
        "schema_version": FieldDoc("the version of this shape"),
    },
    "Entity": {
        "id": FieldDoc("`E1`, `E2`, ...: what quotes and events refer to"),
        "name": FieldDoc('the fullest form met in the article ("Anna Novak", not "Novak")'),
        "type": FieldDoc('`PERSON`, `ORG`, `GPE`, `NORP` or `OTHER` (unnamed sources such as "an unnamed official")'),
        "country": FieldDoc(
            "ISO 3166-1 alpha-3, or an IGO code (`NATO`, `UN`, `EU`...), from the article's own "
            'descriptors ("German Chancellor ..." -> `DEU`) or a built-in table; null when unknown'
        ),
        "roles": FieldDoc('descriptions the article gives ("spokesman", "envoy to NATO")'),
        "sector": FieldDoc("CAMEO agent code (`GOV`, `MIL`, `DIP`, `REB`, ...) when coded, else null"),
        "mentions": FieldDoc("every place the entity is referred to: names, surnames, titles, pronouns"),
    },
    "Quote": {
        "id": FieldDoc("`Q1`, `Q2`, ...: what events refer to"),
        "text": FieldDoc(
            "the reported content (quote marks excluded) and its extent; a content in several `parts`: the parts "
            'joined by " ... " (the attribution between them left out), from the first part\'s start to the '
            "last part's end"
        ),
        "start": FieldDoc(None),
        "end": FieldDoc(None),
        "kind": FieldDoc(
            "`direct` (in quote marks), `indirect` (reported speech), `mixed` (reported speech "
            "containing a quoted phrase)",
            {"enum": ["direct", "indirect", "mixed"]},
        ),
        "cue_type": FieldDoc(
            '`speech` (said, told, warned, according to...) or `other` (a poll "found", a report '
            '"shows", X "believes"/"wants"); keep to `speech` for statements only',
            {"enum": ["speech", "other"]},
        ),
        "speaker": FieldDoc("entity id of who said it, or null when unattributed"),
        "speaker_mention": FieldDoc('the words the attribution points at ("he", "the ministry", "Novak")'),
        "cue": FieldDoc('the attribution words ("said", "according to", "quoted ... as saying")'),
        "addressee": FieldDoc('who it was said to, or where ("reporters", "in a call with journalists"), else null'),
        "via": FieldDoc('the outlet that reported it second-hand ("the agency quoted an aide as saying"), else null'),
        "date": FieldDoc(
            "ISO date it was said, resolved from the governing time expression against `published`; "
            "null when unknown, never guessed from today's date",
            DATE,
        ),
        "sentence": FieldDoc("the sentence (or sentences) holding the attribution"),
        "rule": FieldDoc("the pattern that made the record ([quotes.md](quotes.md#the-rules-rule-field))"),
        "date_time": FieldDoc("id of the time expression (`times`) the date comes from, or null"),
        "date_inferred": FieldDoc(
            "null when that expression is in the statement's own clause (\"told reporters late "
            'Tuesday"); else how the date was inferred: `paragraph` (the nearest earlier time '
            "expression of the paragraph) or `speaker` (what the same speaker said or did just "
            "before, in this or the previous paragraph). See [times.md](times.md)",
            {"enum": ["paragraph", "speaker", None]},
        ),
        "confidence": FieldDoc(
            "how likely the record is an attribution with its content where it is, in [0, 1], "
            "calibrated on PolNeAR train per path; records below the documented threshold are not "
            "output, and in a store are no statements "
            "([quotes.md](quotes.md#confidence-and-threshold))",
            UNIT,
        ),
        "responds_to": FieldDoc(
            'the earlier statements of the article this one answers, each `{"quote": "Q1", "cue": {"start", '
            '"end", "text"}, "stance": "reject", "rule": "response:frame=dismissed:target=nearest-request:'
            "cue=previous-sentence\"}`: the answered quote's id, the words that show the link, the stance (`support`, "
            "`reject`, `clarify`, `other`) and how it was found; an empty list when it answers nothing (absent in "
            "records written before it existed). See [responses.md](responses.md)",
            {
                "description": "the earlier statements of this article that this one answers (docs/responses.md); "
                "absent in records written before it existed",
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["quote", "cue", "stance", "rule"],
                    "additionalProperties": False,
                    "properties": {
                        "quote": {"type": "string", "description": "the answered quote's id"},
                        "cue": {"$ref": "#/$defs/span"},
                        "stance": {"enum": ["support", "reject", "clarify", "other"]},
                        "rule": {"type": "string"},
                    },
                },
            },
            shown="list of objects",
            required=False,
        ),
        "parts": FieldDoc(
            'the content\'s segments in order, each `{"start", "end"}`: one (the whole `start`..`end`) for an '
            "ordinary quote, two or more when an attribution interrupts the content (`And that, Mr. Novak said, "
            'was in the works`: `And that` and `was in the works`; `"We will stay," she said, "until it is '
            'done."`: both quoted pieces); `start`/`end` are then the whole extent, attribution included, and '
            '`text` is the parts joined by " ... " (`And that ... was in the works`). Absent in records written '
            "before it existed (one part: `start`..`end`). See [quotes.md](quotes.md)",
            {
                "description": "the content's segments in order (one for an ordinary quote); absent in records "
                "written before it existed",
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["start", "end"],
                    "additionalProperties": False,
                    "properties": {
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0},
                    },
                },
            },
            shown="list of objects",
            required=False,
        ),
    },
    "Event": {
        "id": FieldDoc("`V1`, `V2`, ..."),
        "type": FieldDoc("PLOVER event type: " + ", ".join(PLOVER_TYPES), {"enum": PLOVER_TYPES}, shown="string"),
        "mode": FieldDoc("PLOVER mode (e.g. `phone` for CONSULT) and context labels"),
        "contexts": FieldDoc(None),
        "actor": FieldDoc("entity ids"),
        "recipient": FieldDoc(None),
        "actor_country": FieldDoc("ISO alpha-3 or IGO code"),
        "actor_sector": FieldDoc("CAMEO agent codes (GOV, MIL, DIP, REB, COP, ...)"),
        "recipient_country": FieldDoc("as `actor_country`, for the recipient"),
        "recipient_sector": FieldDoc("as `actor_sector`, for the recipient"),
        "date": FieldDoc("ISO date of the event, or null", DATE),
        "place": FieldDoc("place id where it happened, or null"),
        "quad": FieldDoc(
            "`verbal cooperation`, `material cooperation`, `verbal conflict`, `material conflict`",
            {"enum": ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict", None]},
            shown="string/null",
        ),
        "cameo_root": FieldDoc("the CAMEO root code PLOVER maps back to, for GDELT-style tooling"),
        "trigger": FieldDoc("the words that signal the event and its sentence"),
        "sentence": FieldDoc(None),
        "quote": FieldDoc("the quote id when the event is a statement"),
        "negated": FieldDoc(
            '"did not attack", "could be a guarantor", "will attend next year\'s summit" (an act '
            "stated as future and not coded as an intention): flagged, and left out of default "
            "exports"
        ),
        "hypothetical": FieldDoc(None),
        "future": FieldDoc(None),
        "rule": FieldDoc("why it was extracted: the table entry or pattern, how actor and recipient were coded"),
        "actor_mention": FieldDoc(
            "the words that name the actor / recipient in the event's sentence (`{start, end, "
            "text}`; a pronoun when the sentence names it only so), or null when only the "
            "context gives its country"
        ),
        "recipient_mention": FieldDoc(None),
        "confidence": FieldDoc(
            "the coder's confidence in [0, 1] (0: a gate rejected it, the reason is in `rule`); "
            "exports, queries, the timeline and the network keep events at or above the documented "
            "threshold by default ([events.md](events.md#confidence-and-threshold); "
            "`--min-confidence`). Null only in records written before it existed",
            UNIT,
        ),
        "recipient_basis": FieldDoc(
            "how the recipient was found: `named` (the sentence names it: `recipient_mention`), "
            "`clause-country` or `sentence-country` (no target named; a country the event's clause or "
            "sentence names), `domestic` (no target named: the actor's own country, CAMEO's coding of a "
            "domestic act, a guess shown as one); null when there is no recipient or in records written "
            "before it existed",
            {"enum": ["named", "clause-country", "sentence-country", "domestic", None]},
            shown="string/null",
            required=False,
        ),
    },
    "Place": {
        "id": FieldDoc("`P1`, `P2`, ...: what events refer to"),
        "name": FieldDoc("the GeoNames entry the place names resolve to"),
        "geonameid": FieldDoc(None),
        "lat": FieldDoc(None),
        "lon": FieldDoc(None),
        "country": FieldDoc("ISO alpha-3 country; first-level division code"),
        "admin1": FieldDoc(None),
        "feature": FieldDoc("`country`, `admin`, `city` or `other`", {"enum": ["country", "admin", "city", "other"]}),
        "population": FieldDoc("from the gazetteer"),
        "aliases": FieldDoc(None),
        "mentions": FieldDoc("every span naming it"),
        "rule": FieldDoc(
            "how its first mention was found (`ner:GPE`, `gazetteer`, `demonym`, `embedded`, ...; "
            "`unresolved; located ...` for names the gazetteer lacks)"
        ),
        "confidence": FieldDoc(
            "0 to 1: that the name is a place here and the chosen entry is the right one (how it "
            "was found times the score margin over the best entry elsewhere)",
            UNIT,
        ),
        "reason": FieldDoc(
            "why this entry was chosen: `only candidate`, `qualifier: Texas`, `same name qualified in "
            "the article (...)`, `dateline`, `article frame: USA/Texas`, `most prominent of N (...)`, "
            "`not in the gazetteer; placed at ...`"
        ),
    },
    "TimeExpr": {
        "id": FieldDoc("`T1`, `T2`, ...: what quotes (`date_time`) and other times (`anchor`) refer to"),
        "start": FieldDoc("the expression's offsets and words"),
        "end": FieldDoc(None),
        "text": FieldDoc(None),
        "type": FieldDoc("`DATE`, `TIME`, `DURATION` or `SET` (TIMEX3 types)"),
        "value": FieldDoc(
            "TIMEX3-style value resolved against `published`: `2024-03-05`, `2024-03-05T22:00`, "
            "`2024-W10`, `2024-W10-WE`, `2024-03`, `2024-Q3`, `2024`, `199` (a decade), `P3D`, `PT4H`, "
            "`PXM`, `XXXX-WXX-2` (every Tuesday), `PAST_REF`; null when it cannot be resolved"
        ),
        "rule": FieldDoc("the pattern that matched"),
        "granularity": FieldDoc(
            "the unit of the value: `time`, `day`, `week`, `weekend`, `month`, `season`, "
            "`quarter`, `half`, `year`, `decade`, `century` (for durations and sets the unit "
            "counted or repeated, `hour`/`minute`/`second` too); null for "
            "`PRESENT_REF`/`PAST_REF`/`FUTURE_REF` and null values",
            {"enum": GRANULARITIES},
            shown="string/null",
        ),
        "resolution": FieldDoc(
            "`exact` (the value is what the text says, at its granularity), `approximate` (hedged "
            'or vague: "about two years ago", "two weeks ago" as a day, "recently", `PXM`), '
            "`range` (one end of a stated range, see `range`), `unresolved` (value null: no "
            "publication date, nothing to anchor on)",
            {"enum": ["exact", "approximate", "range", "unresolved"]},
            shown="string",
        ),
        "anchor": FieldDoc(
            'id of the time expression the value was read from ("the next day", "a year earlier", a '
            'quote\'s "yesterday" read from the day it was said); null = the publication date, or no '
            "anchor needed"
        ),
        "range": FieldDoc(
            'for both ends of a stated range ("from Monday to Wednesday", "between 1985 and 1987", '
            '"March 3-5") and for a duration range ("12 to 18 months"): `[first value, last value]`; '
            "else null",
            {"anyOf": [{"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}, {"type": "null"}]},
        ),
    },
}
