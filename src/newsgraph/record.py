"""The one output shape of newsgraph.

Every part of newsgraph (CLI, store, server, runners) writes and reads these records.
The JSON form is documented in ``docs/output.md`` and validated by
``newsgraph/schema/record.schema.json``.

Offsets (``start``/``end``) are Python string indices into the article ``text``
(``text[start:end]`` is the span), so every record can be checked against its source.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Optional

SCHEMA_VERSION = "1"


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
    reason: str = ""  # why this entry was chosen among the candidates: "qualifier: Texas", "article frame: USA/Texas", ...


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
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        """Rebuild a Record from its JSON form (as written by ``to_dict``)."""

        def span(x):
            return Span(**x) if x else None

        def sent(x):
            return SentenceRef(**x)

        known = {f.name for f in fields(cls)}
        base = {k: v for k, v in d.items() if k in known and k not in
                ("entities", "quotes", "events", "places", "times")}
        rec = cls(**base)
        rec.entities = [Entity(**{**e, "mentions": [Span(**m) for m in e.get("mentions", [])]})
                        for e in d.get("entities", [])]
        rec.quotes = [Quote(**{**q, "speaker_mention": span(q.get("speaker_mention")),
                               "cue": span(q.get("cue")), "addressee": span(q.get("addressee")),
                               "via": span(q.get("via")), "sentence": sent(q["sentence"])})
                      for q in d.get("quotes", [])]
        rec.events = [Event(**{**e, "trigger": Span(**e["trigger"]), "sentence": sent(e["sentence"]),
                               "actor_mention": span(e.get("actor_mention")),
                               "recipient_mention": span(e.get("recipient_mention"))})
                      for e in d.get("events", [])]
        rec.places = [Place(**{**p, "mentions": [Span(**m) for m in p.get("mentions", [])]})
                      for p in d.get("places", [])]
        rec.times = [TimeExpr(**t) for t in d.get("times", [])]
        return rec
