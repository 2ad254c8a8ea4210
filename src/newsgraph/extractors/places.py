"""Places: detect place names and resolve them to gazetteer entries with coordinates.

The spaCy component ``newsgraph_places`` (after entities and times) leaves a list of
``record.Place`` on ``doc._.places``, one per distinct resolved location with all its mentions.

Detection
  - the model's GPE, LOC and FAC entities ("the" and a possessive "'s" stripped; "Paris,
    Texas" split at the comma);
  - NORP entities and other capitalised words that are country demonyms ("Ukrainian",
    "Russian forces", "Britons") count as mentions of the country (rule ``demonym``);
  - capitalised word sequences found in the gazetteer that the model missed or mislabelled
    (a city labelled ORG, an upper-case dateline "KHARKIV"), with guards against common words
    ("March", "Police") and never over a person: a span the entities component (or the model)
    calls a PERSON is skipped, so "Jordan" the person is no place;
  - places named inside an organisation's name ("University of California", "Air Zimbabwe")
    (rule ``embedded``; ``place_for_span`` never uses these or demonyms).

Resolution (:func:`_score`) prefers, in order of weight: a qualifier right after the name
("Paris, Texas", "Portland, Maine"), the countries and first-level divisions the article is
about (counted from its other place mentions: "Georgia" is the US state in an article about
Atlanta and the country in one about Tbilisi), nearby places, the feature type (country >
division > city; national capitals get a bonus), then population.

Names the gazetteer lacks (streets, buildings: "Barclays Center") become places without a
GeoNames id, placed at the article's main resolved city (rule ``unresolved:near:...``) so they
can still go on a map; their ``feature`` is ``other``.

Public helpers for later components::

    place_for_span(doc, start_char, end_char) -> "P3" | None   # where the event happened
    countries_mentioned(doc) -> ["UKR", "RUS"]                  # alpha-3, most mentioned first
"""

from __future__ import annotations

import logging
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Optional

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from ..dateline import datelines
from ..gazetteer import (
    ABBREV,
    ALT,
    DATA_DIR,
    DEMONYM,
    NAME,
    Entry,
    get_gazetteer,
    haversine_km,
    norm,
    places_words,
)
from ..record import Place, Span
from .doc_cache import (
    children,
    doc_memo,
    doc_span,
    doc_text,
    doc_tokens,
    doc_words,
    gc_paused,
    sent_of,
    span_text,
    subtree,
)
from .place_uses import definite_city, org_headed, regions_in_named_divisions, used_as_org

log = logging.getLogger(__name__)

# Rules that a test or a measurement can switch off by name (``_RULES_OFF.add("kin-name")``):
# "kin-name" (a relative's or a nickname's name is no place), "dateline-place" (a dateline's
# place the gazetteer lacks is still a place), "title-not-state" ("Ms. Conway" is no
# Mississippi), "acronym-line" (a short upper-case word is a town only at a line's start),
# "surname" (a word of a person's full name is no small town), "org-alt-name" (an organisation
# named by a town's old or foreign name only is the organisation: "Hamas", not Hamm),
# "listed-division" ("Colorado, Oklahoma and Vermont": the state, not Oklahoma City),
# "day-name" ("Super Tuesday" is no place), "part-of-place" ("the Southern District of New
# York" lies in New York's country, not Israel), "local-town" (a small town right after a locative
# preposition that the model does not tag, "at Wana", or calls an organisation after "in" or
# "near", "a clinic in Runyenjes", is a place when it lies in the article's country),
# "lone-town" (a town under 200,000 in a country no other place of the article names, in an
# article framed in another country, found inside a name or by the gazetteer scan, is a
# homonym: "Orange Drugs Ltd" in a Nigerian story), "name-demonym" (a demonym opening a law's,
# an event's or a work's name is the country: "the Armenian Genocide"), "code-after-name" (a
# state code after a comma qualifies only a capitalised name: "I got, OK?" is no Oklahoma),
# "loc-facility" (a model LOC with a facility's head whose only gazetteer entries are small towns
# or other names of towns is the facility: "Central Park" is no Bethpage, New York),
# "heading-word" (a capitalised word of a title-case headline or a short subheading is no town
# without the model's word, a locative or the name in the running text: "FBI Spring Into
# Action"), "foreign-qualifier" (a name after "City," that is only a town abroad is a division of
# the city's country the gazetteer lacks: "Calamba City, Laguna"); round 19 (``place_uses``):
# "org-use" (a name the gazetteer lacks that the article uses as an organisation is not placed:
# "Allergan's shareholders"), "region-state" (a region's name lies in the state the article is
# about: "Central Valley"), "name-part" (a word inside a title-case name let in by a major
# namesake is no small town: "Party Unity My A--"), "in-before-contains" (a name the gazetteer
# lacks is placed at the city named right after it before one named inside it: "the Flint Center
# in Cupertino"), "lower-head" (a model GPE the gazetteer lacks that ends in a lower-case word is
# a description: "the Kazakh city of"), "plural-demonym" ("the Kazakhs" is Kazakhstan),
# "bracket-state" (a state's short form in brackets after a name: "Sen. Rand Paul (Ky.)"); round
# 20: "the-name" (a city's name after a lower-case "the" that heads its phrase is no city: "on the
# Mesa"; "The Hague" keeps its article in the gazetteer); round 21: "heading-town21" (a town
# found in a title-case headline, no major place, no locative before it and its name nowhere in
# the running text, is the headline's capitals: "New Hope For Nafta Deal"), "dateline-part21" (a
# place inside a longer dateline name that does not lie in the dateline's division is a word of
# that name: "CAMP MURRAY, Wash." is no Murray, Utah), "far-town21" (a town the model never tagged,
# 500 km from every other place of a local story, is a local namesake: "in LaFayette" in a Walker
# County, Ga. story is no Lafayette, Louisiana).
_RULES_OFF: set[str] = set()


PLACE_LABELS = {"GPE", "LOC", "FAC"}
NEVER_PLACE_LABELS = {
    "PERSON",
    "DATE",
    "TIME",
    "MONEY",
    "QUANTITY",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "LAW",
    "WORK_OF_ART",
    "EVENT",
    "PRODUCT",
}
CONNECTORS = {"of", "de", "del", "la", "le", "upon", "on", "am", "and", "da", "do", "dos", "das", "el", "al", "-"}
DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "upstate",
    "downtown",
    "greater",
    "mainland",
    "rural",
}
# Capitalised words that are gazetteer names somewhere but almost never places in news text.
COMMON_CAPITALISED = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "president",
    "minister",
    "police",
    "government",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "mount",
    "lake",
    "university",
    "college",
    "school",
    "hospital",
    "church",
    "street",
    "road",
    "avenue",
    "city",
    "state",
    "county",
    "district",
    "river",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "news",
    "post",
    "times",
    "star",
    "sun",
    "mirror",
    "guardian",
    "herald",
    "union",
    "republic",
    "kingdom",
    "island",
    "islands",
    "bay",
    "beach",
    "park",
    "valley",
    "hill",
    "hills",
    "day",
    "new",
    "old",
    "great",
    "little",
    "god",
    "christ",
    "jesus",
    "allah",
    "satan",
    "lucifer",
    "earth",  # the planet ("the Earth's climate", "planet Earth"), not Earth, Texas
    "trump",
    "obama",
    "biden",
    "putin",
    "will",
    "man",
    "home",
    "house",
    "court",
    "office",
    "party",
    "congress",
    "senate",
    "parliament",
    "army",
    "navy",
    "council",
    "commission",
    "committee",
    "department",
    "ministry",
    "agency",
    "bank",
    "fund",
    "group",
    "company",
    "media",
    "press",
    "tv",
    "radio",
    "online",
    "internet",
    "facebook",
    "twitter",
    "google",
    "apple",
    "amazon",
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "halloween",
    "olympic",
    "olympics",
    "cup",
    "league",
    "premier",
    "division",
    "club",
    "team",
    "fc",
    "united",
    "town",
    "village",
    "national",
    "international",
    "federal",
    "royal",
    "general",
    "governor",
    "mayor",
    "senator",
    "judge",
    "justice",
    "chief",
    "officer",
    "director",
    "secretary",
    "captain",
    "colonel",
    "major",
    "sergeant",
    "professor",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "lady",
    "sir",
    "pope",
    "bishop",
    "father",
    "mother",
    "brother",
    "sister",
    "son",
    "daughter",
    "wife",
    "husband",
}
# Words that may stand before "county"/"state" to qualify a US division ("Orange County")
# how strongly each feature is preferred when nothing else decides
FEATURE_BONUS = {"country": 3.0, "admin": 2.0, "city": 0.0, "other": 1.5}
REGION_BONUS = 5.0  # regions, seas, landmarks: no population to weigh them
CAPITAL_BONUS = 3.2
QUALIFIER_BONUS = 7.0
CONTEXT_COUNTRY_BONUS = 2.5
CONTEXT_ADMIN_BONUS = 1.5
ADMIN_SHARE_FULL = 0.25  # a division with this share of the other names' evidence gives the full bonus
NEAR_BONUS = 1.5
WORLD_CITY = 1_000_000  # a city this big, by its own name, takes no penalty for lying abroad
FRAME_COUNTRY_PENALTY = 2.0  # a namesake abroad when most of the article is in one country (times its share)
DATELINE_WEIGHT = 3.0  # an opening dateline counts as three mentions for the article's frame
SETTLE_STEPS = 12  # at most this many names settled one at a time after the two passes
ALT_SHADOW_PENALTY = 2.0  # an alternate city name when another place has this exact name


@dataclass
class _Cand:
    start: int  # char offsets
    end: int
    ts: int  # token offsets
    te: int
    text: str
    source: str  # ner | gazetteer | demonym | embedded | org | person-override | same-name | initials | dateline
    label: str
    entries: tuple = ()
    best: Optional[Entry] = None
    score: float = 0.0
    qualified: bool = False  # resolved with a qualifier right after it ("Paris, Texas")
    margin: float = 99.0  # score of the best entry minus the best entry elsewhere (> 161 km away)
    reason: str = ""  # why best was chosen
    dateline: bool = False  # the place of an opening dateline ("BEIRUT (AP) -")
    local: bool = False  # a small town right after a locative preposition: kept only in the article's country
    name_part: bool = False  # a word inside a longer title-case name, let in by a major namesake ("name-part")
    within: Optional[Entry] = None  # the division an unresolved region lies in ("region-state")
    unplaced: bool = False  # no place for it on the map ("region-state")


def _span_cand(doc: Doc, s: int, e: int, source: str, label: str, entries: tuple) -> _Cand:
    """A candidate over tokens s..e, with their character offsets and text."""
    toks = doc_tokens(doc)
    return _Cand(toks[s].idx, toks[e - 1].idx + len(toks[e - 1]), s, e, span_text(doc, s, e), source, label, entries)


PERSON_NOUNS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "official",
    "officials",
    "staff",
    "staffer",
    "staffers",
    "chief",
    "chiefs",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "counsel",
    "lawyer",
    "lawyers",
    "source",
    "sources",
    "press",
    "correspondent",
    "reporter",
    "reporters",
    "analyst",
    "analysts",
    "trader",
    "traders",
    "banker",
    "bankers",
    "insider",
    "insiders",
    "secretary",
    "director",
    "team",
    "communications",
    "doctor",
    "physician",
    "veteran",
    "veterans",
}


INSTITUTIONS = places_words("institutions.txt")
CIVIC_HEADS = places_words("civic_heads.txt")
BUILDING_HEADS = places_words("building_heads.txt")
BUILDING_PREPS = places_words("building_preps.txt")
STORM_WORDS = places_words("storm_words.txt")


# ----------------------------------------------------------------------------- the component


@Language.factory(
    "newsgraph_places",
    default_config={"min_population": 500, "demonyms": True, "embedded": True, "index_path": None},
    requires=["doc.ents", "doc._.entities", "token.pos", "token.dep"],
    assigns=["doc._.places", "doc._.place_mentions"],
)
def make_places(
    nlp: Language, name: str, min_population: int, demonyms: bool, embedded: bool, index_path: Optional[str]
) -> PlacesComponent:
    return PlacesComponent(min_population, demonyms, embedded, index_path)


class PlacesComponent:
    def __init__(self, min_population=500, demonyms=True, embedded=True, index_path=None):
        self.min_population = min_population
        self.demonyms = demonyms
        self.embedded = embedded
        self.index_path = index_path
        self._gaz = None

    @property
    def gazetteer(self):
        if self._gaz is None:  # lazily: opened (and built, the first time ever) on the first doc
            self._gaz = get_gazetteer(self.index_path, self.min_population)
        return self._gaz

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        try:
            places, mentions = extract_places(doc, self.gazetteer, demonyms=self.demonyms, embedded=self.embedded)
        except Exception as e:  # a bug here must not cost the article its quotes and events
            log.warning(
                "places failed on a %d-character text: %s: %s",
                len(doc.text),
                type(e).__name__,
                e,
                exc_info=log.isEnabledFor(logging.DEBUG),
            )
            places, mentions = [], []
        doc._.places = places
        doc._.place_mentions = mentions
        return doc


# ----------------------------------------------------------------------------- detection


def _person_char_ranges(doc: Doc, ents) -> list[tuple[int, int]]:
    out = [(e.start_char, e.end_char) for e in ents if e.label_ == "PERSON"]
    gpe_abbrevs = {
        (e.start_char, e.end_char)
        for e in ents
        if e.label_ == "GPE" and e.text.isupper() and len(e) == 1 and len(e.text) <= 3
    }
    for ent in doc._.entities or []:
        if getattr(ent, "type", None) == "PERSON":
            for m in ent.mentions:
                if (m.start, m.end) in gpe_abbrevs:
                    continue  # a country code the model calls a GPE ("US") is no person's mention
                # a description ends at its head: "the editor in chief of Baseball Toronto" is a
                # person up to "editor", and Toronto stays a place
                cut = _PREP_RE.search(m.text)
                out.append((m.start, m.start + cut.start()) if cut else (m.start, m.end))
    return out


_PREP_RE = re.compile(r"\s(?:of|in|at|from|for|with|on)\s")


class _PersonEnds:
    """Where person mentions end (character offsets, sorted), so that :func:`_overlaps` is a
    binary search: an article with thousands of names and places stays linear."""

    def __init__(self, ranges):
        self.ends = sorted(b for a, b in ranges)


def _overlaps(persons: _PersonEnds, s, e) -> bool:
    """Whether a person mention ends inside s..e: a name ("Jordan", "Michael Jordan") or the head
    of a description, not a place that only modifies it ("the Russian president")."""
    ends = persons.ends
    i = bisect_right(ends, s)
    return i < len(ends) and ends[i] <= e


class _Spans:
    """Intervals [start, end) sorted by start, with the running maximum of their ends: whether
    any of them overlaps a query interval in O(log n) (start < query end and end > query start)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, b in spans]
        self.max_end = []
        m = None
        for _, b in spans:
            m = b if m is None or b > m else m
            self.max_end.append(m)

    def overlaps(self, s, e) -> bool:
        i = bisect_left(self.starts, e)  # intervals starting before e
        return i > 0 and self.max_end[i - 1] > s


def _is_cap(tok) -> bool:
    return _cap_word(tok.text)


def _cap_word(t: str) -> bool:
    return bool(t) and t[0].isupper() and (t[0].isalpha() or any(c.isalpha() for c in t))


def _cap_indices(doc: Doc) -> list[int]:
    """The indices of the capitalised words (``_cap_word``), in order (made once per Doc: read
    it, do not change it): the scans that look only at names walk these, not every token."""
    memo = doc_memo(doc)
    got = memo.get("places.cap_indices")
    if got is None:
        got = memo["places.cap_indices"] = [i for i, w in enumerate(doc_words(doc)) if w[:1].isupper() and _cap_word(w)]
    return got


def _strip_span(doc: Doc, s: int, e: int) -> tuple[int, int]:
    toks = doc_tokens(doc)
    while s < e and (toks[s].lower_ in ("the", "a", "an") or toks[s].is_punct or toks[s].is_space):
        s += 1
    while e > s and (toks[e - 1].lower_ in ("'s", "’s", "'") or toks[e - 1].is_punct or toks[e - 1].is_space):
        e -= 1
    return s, e


_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
_TITLE_FORMS = frozenset(("ms", "mr", "mrs", "dr"))  # titles that are also a state's short form


def _lookup(gaz, doc: Doc, s: int, e: int) -> tuple:
    # (one word's text is the word: no slice of the Doc's text)
    text = doc_words(doc)[s] if 0 <= s and e == s + 1 and e <= len(doc) else span_text(doc, s, e)
    entries = gaz.lookup(text)
    if entries and any(x.kind == ABBREV for x in entries):
        toks = doc_tokens(doc)
        # abbreviations ("L.A.", "Calif.", "UK") only as written, two-letter ones ("TX", "Pa.") and
        # short forms ("Herts") only as a qualifier after a comma: "La", "Mo", "Ms." are no places
        comma = s > 0 and (
            toks[s - 1].text == ","
            or (  # "Gainesville, Va.", "Sen. Ben Sasse, R-Neb."
                toks[s - 1].text == "-" and s > 1 and toks[s - 2].text in ("R", "D", "I")
            )
            or (  # "Sen. Rand Paul (Ky.)": a member's state in brackets after the name
                "bracket-state" not in _RULES_OFF
                and toks[s - 1].text == "("
                and s > 1
                and _is_cap(toks[s - 2])
                and e < len(toks)
                and toks[e].text == ")"
            )
        )
        short = len(norm(text).replace(" ", "")) <= 2
        dotted_caps = "." in text and text.replace(".", "").isupper()  # "D.C.", "N.Y."
        if not (comma or dotted_caps or (("." in text or text.isupper()) and not short)):
            entries = tuple(x for x in entries if x.kind != ABBREV)
        elif (
            "title-not-state" not in _RULES_OFF
            and text.lower().rstrip(".") in _TITLE_FORMS
            and e < len(toks)
            and _is_cap(toks[e])
        ):
            # "In a brief interview, Ms. Conway said": a person's title before a name, even after
            # a comma, is no state ("Ms." is a short form of Mississippi)
            entries = tuple(x for x in entries if x.kind != ABBREV)
    return entries


def _full_names(doc: Doc) -> set:
    """Single words that the article also uses inside a longer person's name ("Jordan" in
    "Michael Jordan"), from the model's PERSON entities and the entities component (built once
    per Doc and entity list: read it, do not change it)."""
    memo = doc_memo(doc)
    got = memo.get("places.full_names")
    if got is not None and got[0] is doc._.entities:
        return got[1]
    out = _build_full_names(doc)
    memo["places.full_names"] = (doc._.entities, out)
    return out


def _build_full_names(doc: Doc) -> set:
    out: set[str] = set()
    for e in doc.ents:
        if e.label_ == "PERSON" and len(e) > 1:
            out.update(t.lower_ for t in e if _is_cap(t))
    for ent in doc._.entities or []:
        if getattr(ent, "type", None) == "PERSON":
            for m in ent.mentions:
                if " " in m.text.strip():
                    out.update(w.lower().strip(".,'’s") for w in m.text.split())
    return out


def _person_demonym(doc: Doc, gaz, s: int, e: int) -> tuple:
    """The demonym entries of a PERSON entity that is a people's name and nothing else: a
    plural ("Africans", "Saint Lucians"), or a name of several words or a word before a
    lower-case noun ("Saint Lucian beaches"); not a word after a title or one the article uses in
    a longer name ("Mr. English", "Bill English")."""
    toks = doc_tokens(doc)
    found = _lookup(gaz, doc, s, e)
    if not found or any(x.kind != DEMONYM for x in found):
        return ()
    last = toks[e - 1]
    plural = last.text.endswith("s") and last.tag_ in ("NNPS", "NNS")
    before_noun = e < len(doc) and toks[e].is_lower and toks[e].pos_ == "NOUN"
    if not (plural or before_noun):
        return ()
    if e - s == 1:
        prev = toks[s - 1].lower_.rstrip(".") if s > 0 else ""
        if prev in TITLE_ABBREVS or prev in PERSON_TITLES or toks[s].lower_ in _full_names(doc):
            return ()
    return found


def _person_overrides(doc: Doc, gaz, ents) -> list[_Cand]:
    """PERSON entities that are a place: a name of several words that is exactly a country, a
    first-level division or a city of a million ("Tamil Nadu on Saturday moved ..."), and a single
    word that the article never uses in a longer person's name, no title precedes, and that is a
    country, a division or a city of 100,000 ("Federal University of Technology, Owerri", "the
    Rajasthan assembly"), or any town after a locative preposition ("driving to Castlegar"): the
    model's label is wrong."""
    toks = doc_tokens(doc)
    out = []
    full = None
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        s, e = _strip_span(doc, ent.start, ent.end)
        if s >= e or not all(_is_cap(t) or t.lower_ in CONNECTORS for t in toks[s:e]):
            continue
        dem = _person_demonym(doc, gaz, s, e)
        if dem:
            # "Saint Lucian beaches", "for Africans": the model's PERSON is a people's name
            out.append(_span_cand(doc, s, e, "demonym", "NORP", dem))
            continue
        if e - s >= 2:
            entries = tuple(
                x
                for x in _lookup(gaz, doc, s, e)
                if (
                    x.kind == NAME
                    and (
                        x.feature == "country"
                        or (x.feature == "admin" and x.admin1 == x.name)
                        or (x.feature == "city" and x.population >= 1_000_000)
                    )
                )
                or (x.kind == ALT and x.feature == "admin" and x.admin1 == x.name and toks[e - 1].lower_ == "state")
            )
        else:
            if full is None:
                full = _full_names(doc)
            prev = toks[s - 1].lower_.rstrip(".") if s > 0 else ""
            if (
                toks[s].lower_ in full
                or toks[s].lower_ in FIRST_NAMES
                or prev in TITLE_ABBREVS
                or prev in PERSON_TITLES
                or toks[s].text.isupper()
                or toks[s].lower_ in _titled_names(doc)  # "Obama" after "President Obama"
            ):
                continue
            found = tuple(x for x in _lookup(gaz, doc, s, e) if x.kind == NAME)
            entries = tuple(
                x
                for x in found
                if x.feature in ("country", "admin", "city")
                and x.population >= 100_000
                and (x.feature != "admin" or x.admin1 == x.name)
            )
            if not entries and (_spatial_before(doc, s) or _residence_of(doc, s, e)):
                entries = tuple(x for x in found if x.feature == "city")
                if e < len(toks) and toks[e].pos_ == "NOUN" and toks[e].is_lower:
                    entries = ()  # "in the Obama administration": a name that modifies a noun
        if entries:
            out.append(_span_cand(doc, s, e, "person-override", "PERSON", entries))
    return out


# titles before which a capitalised word is a person's name, never a place's ("President Obama";
# not "Saint", "King", "Prince", "Lord", "Lady", "General": "St. Louis", "Prince George's County")
_NAME_TITLES = frozenset(("mr", "mrs", "ms", "miss", "dr", "president", "senator", "sen", "rep", "gov", "governor"))


def _titled_names(doc: Doc) -> set:
    """Lower-cased words the article writes right after a person's title ("President Obama",
    "Mr. Sperling"): the name of a person, whom a bare mention elsewhere names too (read once per
    Doc: read it, do not change it)."""
    memo = doc_memo(doc)
    got = memo.get("places.titled")
    if got is None:
        toks = doc_tokens(doc)
        words = doc_words(doc)
        got = memo["places.titled"] = {
            toks[j].lower_ for j in _cap_indices(doc) if j > 0 and words[j - 1].lower().rstrip(".") in _NAME_TITLES
        }
    return got


def _aged(toks: list, e: int) -> bool:
    """A name ending at token e is followed by a person's age: ", 44," / ", 44." / ", 44 ;"."""
    return (
        e + 2 < len(toks)
        and toks[e].text == ","
        and toks[e + 1].text.isdigit()
        and len(toks[e + 1].text) <= 3
        and 0 < int(toks[e + 1].text) < 120
        and toks[e + 2].text in (",", ".", ";", ")")
    )


def _residence_of(doc: Doc, s: int, e: int) -> bool:
    """A town in a person's residence apposition: "Miss Abdhou, of Hayes, was not ...", "John
    Ross, 54, of Dunmore." (", of" after a name or an age, the town closing the apposition)."""
    toks = doc_tokens(doc)
    if s < 3 or toks[s - 1].lower_ != "of" or toks[s - 2].text != ",":
        return False
    before = toks[s - 3]
    if not (before.ent_type_ == "PERSON" or before.like_num):
        return False
    return e >= len(doc) or toks[e].text in (",", ".", ";", "\u2014", "-")


_PERSON_CUES: Optional[tuple] = None


def _person_cues() -> tuple:
    """(kinship nouns, nickname openers as word tuples) from ``data/en/places/person_cues.tsv``."""
    global _PERSON_CUES
    if _PERSON_CUES is None:
        from ..lexicon import table

        rows = table("places/person_cues.tsv", columns=("word", "class"))
        kin = frozenset(r["word"] for r in rows if r["class"] == "kin")
        nick = tuple(tuple(r["word"].split()) for r in rows if r["class"] == "nickname")
        _PERSON_CUES = (kin, nick)
    return _PERSON_CUES


def _kin_name(toks: list, s: int, e: int) -> bool:
    """The name over tokens s..e is a person's or a pet's, named as a relative or by a nickname:
    right after a kinship noun ("her daughter Georgia", "holding her baby, Chicago,"), in a list of
    names after one ("her daughters North and Chicago"), or after "known as" in a person's
    apposition ("Mohanna Abdhou, 20, known as Montana,"). Not when the name modifies a noun after
    it ("her son, Austin police said")."""
    last = toks[e - 1]
    if last.head.i >= e and last.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    kin, nick = _person_cues()
    for seq in nick:
        k = s - len(seq)
        if k >= 2 and tuple(t.lower_ for t in toks[k:s]) == seq and toks[k - 1].text == ",":
            j = k - 2
            while j >= 0 and (toks[j].like_num or toks[j].text == ","):
                j -= 1
            if j >= 0 and toks[j].ent_type_ == "PERSON":
                return True
    i, steps = s - 1, 0
    while i >= 0 and steps < 10:
        w = toks[i]
        if w.lower_ in kin and w.text.islower():
            return True
        if not (w.text in (",", "&") or w.lower_ == "and" or _is_cap(w)):
            return False
        i, steps = i - 1, steps + 1
    return False


def _read_first_column(path) -> set:
    try:
        with open(path, encoding="utf-8") as f:
            return {line.split("\t")[0].strip().lower() for line in f if line.strip() and not line.startswith("#")}
    except OSError:
        return set()


_ENTITY_DATA = DATA_DIR.parent / "entities"
# first names and role titles of the entities component's word lists: a first name is no town
# ("Michael O'Leary"), a word after a title is a person ("Commander Peshawar" is not)
FIRST_NAMES = _read_first_column(_ENTITY_DATA / "first_names.txt")
PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "judge",
    "justice",
    "senator",
    "coach",
    "captain",
    "general",
    "pope",
    "father",
    "saint",
    "st",
    "uncle",
    "aunt",
    "commander",
} | _read_first_column(_ENTITY_DATA / "titles.txt")


def _qualified_overrides(doc: Doc, gaz, toks: list) -> list[_Cand]:
    """ "Nelson, B.C.", "Paris, Texas", "Gary, IN": a capitalised name right before a comma and a
    division that holds a town of that name is that town, whatever the model called it (a
    person named Nelson, an organisation)."""
    out: list[Any] = []
    words = doc_words(doc)
    for k in range(1, len(toks) - 1):
        if words[k] != "," or not _is_cap(toks[k + 1]):
            continue
        divs = ()
        for qe in range(min(k + 4, len(doc)), k + 1, -1):
            if (_is_cap(doc_tokens(doc)[qe - 1]) or doc_tokens(doc)[qe - 1].text == ".") and all(
                _is_cap(t) or t.lower_ in CONNECTORS or t.text == "." for t in doc_tokens(doc)[k + 1 : qe]
            ):
                divs = tuple(x for x in _lookup(gaz, doc, k + 1, qe) if x.feature == "admin" and x.admin1 == x.name)
                if divs:
                    break
        if not divs:
            continue
        found = False
        for ns in range(max(0, k - 3), k):
            if not all(
                _is_cap(t) or (t.lower_ in CONNECTORS and ns < i) for i, t in enumerate(doc_span(doc, ns, k), ns)
            ):
                continue
            if not _is_cap(doc_tokens(doc)[ns]) or doc_tokens(doc)[ns].lower_ in ("the", "a", "an"):
                continue
            entries = _lookup(gaz, doc, ns, k)
            same = {x.gid for x in _lookup(gaz, doc, k + 1, qe)}
            if any(x.gid in same for x in entries):
                break  # "Washington, D.C.": the qualifier is the place itself
            if any(
                x.feature == "city" and any(x.country == d.country and x.admin1_code == d.admin1_code for d in divs)
                for x in entries
            ):
                out.append(
                    _Cand(
                        doc_tokens(doc)[ns].idx,
                        doc_tokens(doc)[k - 1].idx + len(doc_tokens(doc)[k - 1]),
                        ns,
                        k,
                        span_text(doc, ns, k),
                        "qualified",
                        "GPE",
                        entries,
                    )
                )
                found = True
                break
        if found:  # and the qualifier itself, whatever the model called it ("CA" an organisation)
            out.append(
                _Cand(
                    doc_tokens(doc)[k + 1].idx,
                    doc_tokens(doc)[qe - 1].idx + len(doc_tokens(doc)[qe - 1]),
                    k + 1,
                    qe,
                    span_text(doc, k + 1, qe),
                    "qualified",
                    "GPE",
                    divs,
                )
            )
    return out


FACILITY_HEADS = {
    "school",
    "university",
    "college",
    "academy",
    "hospital",
    "church",
    "cathedral",
    "mosque",
    "temple",
    "stadium",
    "arena",
    "airport",
    "center",
    "centre",
    "mall",
    "park",
    "hall",
    "library",
    "hotel",
    "museum",
    "station",
    "bridge",
    "street",
    "road",
    "avenue",
    "square",
    "market",
    "club",
    "prison",
    "jail",
    "camp",
    "base",
    "embassy",
    "consulate",
    "palace",
    "castle",
    "court",
    "courthouse",
    "theatre",
    "theater",
    "zoo",
    "garden",
    "gardens",
    "plaza",
    "tower",
    "building",
    "farm",
    "port",
    "railroad",
    "railway",
    "drive",
    "lane",
    "boulevard",
    "highway",
    "terminal",
    "racecourse",
    "cemetery",
    "chapel",
    "pier",
    "harbour",
    "dam",
    "mine",
    "plant",
    "factory",
}
LOCATIVE_PREPS = {
    "at",
    "in",
    "near",
    "outside",
    "inside",
    "from",
    "to",
    "into",
    "toward",
    "towards",
    "across",
    "behind",
    "opposite",
    "by",
    "around",
    "within",
    "beside",
    "through",
}


def _facility_as_place(doc: Doc, ent) -> bool:
    """An organisation named as a location: a facility head noun ("... High School") right after a
    locative preposition ("at", "outside", "near"); or a building's name (``BUILDING_HEADS``) that
    is no subject, possessor or "of" phrase ("was a Carnegie Library built in 1902")."""
    toks = doc_tokens(doc)
    if ent[-1].lower_ not in FACILITY_HEADS:
        return False
    i = ent.start - 1
    while i >= 0 and toks[i].lower_ in ("the", "a", "an"):
        i -= 1
    if i >= 0 and toks[i].lower_ in LOCATIVE_PREPS:
        # not a source: "according to the Pew Research Center"
        return not (toks[i].lower_ == "to" and i > 0 and toks[i - 1].lower_ == "according")
    return _building_named(doc, ent, i)


def _building_named(doc: Doc, ent, before: int) -> bool:
    toks = doc_tokens(doc)
    s = ent.start + (ent[0].lower_ in ("the", "a", "an"))
    head = ent[-1]
    if head.lower_ not in BUILDING_HEADS or ent.end - s < (3 if head.lower_ == "church" else 2):
        return False
    if not all(_is_cap(t) or t.lower_ in CONNECTORS for t in toks[s : ent.end]):
        return False
    if ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "compound"):
        return False  # "St Mary's Hospital said", "the Royal Hospital's board"
    if ent.end < len(doc) and toks[ent.end].lower_ in ("'s", "\u2019s"):
        return False
    if ent.root.dep_ == "pobj":
        prep = ent.root.head
        if prep.lower_ not in BUILDING_PREPS or (prep.lower_ == "to" and prep.head.lemma_.lower() == "accord"):
            return False  # "a poll by the Pew Research Center", "data from the National Hurricane Center"
    return not (before >= 0 and toks[before].lower_ == "of")  # "the director of the City Hospital"


def _place_possessive(doc: Doc, gaz, s: int, i: int, e: int) -> bool:
    """Token i is the "'s" of a known place that opens a facility's name (tokens s..e): "Derry's
    Altnagelvin Hospital", "London's Heathrow Airport"; a country, a division or a town of 15,000,
    not a saint's name ("St John's Hospital")."""
    toks = doc_tokens(doc)
    if toks[i].lower_ not in ("'s", "\u2019s") or i <= s or i + 1 >= e or not _is_cap(toks[i + 1]):
        return False
    if toks[s].lower_.rstrip(".") in ("st", "saint") or not all(_is_cap(t) for t in toks[s:i]):
        return False
    return any(
        x.kind == NAME and (x.feature in ("country", "admin") or (x.feature == "city" and x.population >= 15_000))
        for x in _lookup(gaz, doc, s, i)
    )


def _ner_candidates(doc: Doc, gaz, persons, demonyms: bool, ents, person_words: set) -> list[_Cand]:
    toks = doc_tokens(doc)
    out: list[_Cand] = []
    covered: set[int] = set()  # tokens an earlier candidate took ("LOUIS" after "ST." + "LOUIS")
    for ent in ents:
        if ent.start in covered:
            continue
        label = ent.label_
        if label == "ORG" and _facility_as_place(doc, ent):
            label = "FAC"  # "a shooting at Marjory Stoneman Douglas High School": the school is where
        if label not in PLACE_LABELS and not (demonyms and label == "NORP"):
            continue
        s, e = _strip_span(doc, ent.start, ent.end)
        if s >= e or _overlaps(persons, toks[s].idx, toks[e - 1].idx + len(toks[e - 1])):
            continue
        if _aged(toks, e):
            # "his two sons, Lachlan, 44, and James": a person's age after the name; blocked, so
            # that no gazetteer scan takes the name either
            out.append(_span_cand(doc, s, e, "blocked", label, ()))
            for k in range(s, e):
                covered.add(k)
            continue
        # split "Paris, Texas" / "Kharkiv region, Ukraine" at commas into parts, and "Asia-Pacific"
        # at its hyphens when the whole is no place of the gazetteer and every part is a known one
        hyphens = _hyphen_split(doc, gaz, s, e) if label in ("LOC", "GPE") else set()
        parts, cur = [], s
        for i in range(s, e):
            if toks[i].text == "," or i in hyphens:
                parts.append((cur, i))
                cur = i + 1
            elif label == "FAC" and _place_possessive(doc, gaz, cur, i, e):
                parts.append((cur, i))  # "Derry's Altnagelvin Hospital": Derry, and the hospital
                cur = i + 1
        parts.append((cur, e))
        for ps, pe in parts:
            ps, pe = _strip_span(doc, ps, pe)
            if ps >= pe:
                continue
            entries = _lookup(gaz, doc, ps, pe)
            if not entries and label != "NORP":
                # "northern Syria", "the Kharkiv region": drop direction words and generic heads
                s2, e2 = ps, pe
                while s2 < e2 - 1 and toks[s2].lower_ in DIRECTIONS:
                    s2 += 1
                while e2 - 1 > s2 and toks[e2 - 1].lower_ in (
                    "region",
                    "province",
                    "oblast",
                    "area",
                    "state",
                    "governorate",
                    "district",
                ):
                    e2 -= 1
                if (s2, e2) != (ps, pe):
                    # only a well-known place: "northern Syria" is Syria, "East Yorkshire" no Yorkshire, Virginia
                    entries = tuple(
                        x
                        for x in _lookup(gaz, doc, s2, e2)
                        if x.feature in ("country", "admin", "other") or x.population >= 100_000
                    )
                    if entries:
                        ps, pe = s2, e2
            if not entries and label != "NORP" and pe == e:
                # "Boa" + "Vista": a name the model cut short
                for pe2 in range(min(pe + 3, len(doc)), pe, -1):
                    if _is_cap(toks[pe2 - 1]) and all(
                        (_is_cap(t) and not t.ent_type_ == "PERSON")
                        or (t.text == "." and t.idx == toks[k - 1].idx + len(toks[k - 1]))
                        for k, t in enumerate(doc_span(doc, pe, pe2), pe)
                    ):  # "ST" "." "LOUIS"
                        more = tuple(x for x in _lookup(gaz, doc, ps, pe2) if x.kind == NAME)
                        if more:
                            entries, pe = more, pe2
                            break
            if entries and label != "NORP" and pe == e:
                # "U.S." + "Virgin Islands": a longer name the model cut short, when the gazetteer
                # has the whole of it as a name
                for pe2 in range(min(pe + 3, len(doc)), pe, -1):
                    if _is_cap(toks[pe2 - 1]) and all(
                        (_is_cap(t) and t.ent_type_ not in NEVER_PLACE_LABELS)
                        or (t.text in ("-", "\u2013") and not toks[k - 1].whitespace_ and not t.whitespace_)
                        for k, t in enumerate(doc_span(doc, pe, pe2), pe)
                    ):  # "Guinea" + "-" + "Bissau"
                        more = tuple(x for x in _lookup(gaz, doc, ps, pe2) if x.kind == NAME)
                        if more:
                            entries, pe = more, pe2
                            break
            if (
                (
                    label == "FAC"
                    or (label == "LOC" and toks[pe - 1].lower_ in FACILITY_HEADS and "loc-facility" not in _RULES_OFF)
                )
                and entries
                and all(
                    x.feature == "city"
                    and (x.population < 15_000 or (x.kind == ALT and toks[pe - 1].lower_ in FACILITY_HEADS))
                    for x in entries
                )
            ):
                # "Broadway", "Washington Square": a street or square, not a small town of that name
                # nor, with a facility's head, another name of a bigger one (Franklin Square, New
                # York); so is a model LOC with a facility's head ("Central Park" is no Bethpage,
                # switch "loc-facility")
                entries = ()
            if (
                pe - ps == 1
                and entries
                and all(x.kind == ALT and x.feature == "city" and x.population < 15_000 for x in entries)
            ):
                entries = ()  # "Newcomers": only an alternate name of a small town (Newcomerstown)
            if pe - ps == 1 and (toks[ps].lower_ in COMMON_CAPITALISED or toks[ps].lower_ in DIRECTIONS):
                continue  # "South", "Central" alone are not places
            if (
                label == "GPE"
                and pe - ps == 1
                and entries
                and not _is_major(entries)
                and _in_name(doc, ps, pe)
                and not _spatial_before(doc, ps)
            ):
                person_words.add(toks[ps].lower_)
                continue  # "Seergeoh Villanueva": the model's GPE is a surname
            if label == "NORP":
                entries = tuple(x for x in entries if x.kind == DEMONYM or x.feature == "country")
                if not entries:
                    continue
                if _head_after(doc, pe):  # "French Quarter", "Latin Quarter": a name, not the demonym
                    c = _Cand(
                        toks[ps].idx,
                        toks[pe].idx + len(toks[pe]),
                        ps,
                        pe + 1,
                        span_text(doc, ps, pe + 1),
                        "head",
                        "LOC",
                        (),
                    )
                    if _keep_unresolved(doc, c):
                        out.append(c)
                        covered.update(range(ps, pe + 1))
                    continue
                src = "demonym"
            else:
                src = "ner"
            if (
                not entries
                and label != "NORP"
                and pe - ps == 1
                and "plural-demonym" not in _RULES_OFF
                and len(toks[ps].text) > 3
                and toks[ps].text.endswith("s")
                and _is_cap(toks[ps])
            ):
                # "to the Kazakhs": the plural of a country's demonym the gazetteer lacks
                entries = tuple(
                    x for x in gaz.lookup(toks[ps].text[:-1]) if x.kind == DEMONYM and x.feature == "country"
                )
                if entries:
                    label, src = "NORP", "demonym"
            if not entries and label != "NORP":
                # "North State" + "Street": the head noun the model left out
                if pe < len(doc) and toks[pe].lower_ in FACILITY_HEADS and _is_cap(toks[pe]) and pe == e:
                    pe += 1
                c = _Cand(
                    toks[ps].idx,
                    toks[pe - 1].idx + len(toks[pe - 1]),
                    ps,
                    pe,
                    span_text(doc, ps, pe),
                    src,
                    label,
                    (),
                )
                if not _keep_unresolved(doc, c):
                    # not a place of its own ("Manchester City", "Politics Ukraine"): the places inside it
                    inner = _inner_places(doc, gaz, ps, pe, label)
                    c.source = "blocked"  # and no gazetteer scan over the rest of it ("Aston Villa")
                    out.extend(inner or [c])
                    continue
            out.append(
                _Cand(
                    toks[ps].idx,
                    toks[pe - 1].idx + len(toks[pe - 1]),
                    ps,
                    pe,
                    span_text(doc, ps, pe),
                    src,
                    label,
                    entries,
                )
            )
            covered.update(range(ps, pe))
    return out


def _hyphen_split(doc: Doc, gaz, s: int, e: int) -> set:
    """The hyphen tokens to split a model's LOC or GPE at ("Asia-Pacific", "Asian-Pacific
    region": Asia, Pacific) when the gazetteer lacks the whole name and every part between the
    hyphens names a country, a division, a continent or a sea ("Guinea-Bissau" stays whole)."""
    toks = doc_tokens(doc)
    cuts = [i for i in range(s + 1, e - 1) if toks[i].text in ("-", "\u2013") and not toks[i].whitespace_]
    if not cuts or _lookup(gaz, doc, s, e):
        return set()
    bounds = [s] + [c + 1 for c in cuts]
    ends = cuts + [e]
    for ps, pe in zip(bounds, ends):
        if pe <= ps or not _is_cap(toks[ps]):
            return set()
        if not any(x.feature in ("country", "admin", "other") for x in _lookup(gaz, doc, ps, min(pe, ps + 1))):
            return set()
    return set(cuts)


def _inner_places(doc: Doc, gaz, s: int, e: int, label: str) -> list:
    """Known places named inside s..e (longest first, left to right): countries, divisions and
    cities of 100,000 or more (15,000 for a name of several words): "Buffalo" in "Buffalo
    Bisons", "Greece" and "Italy" in a run-on "Greece Italy"."""
    toks = doc_tokens(doc)
    out = []
    i = s
    while i < e:
        found = None
        if _is_cap(toks[i]):
            for j in range(e, i, -1):
                if not _is_cap(toks[j - 1]):
                    continue
                entries = tuple(
                    x
                    for x in _lookup(gaz, doc, i, j)
                    if (x.kind in (NAME, ALT) and x.feature in ("country", "admin"))
                    or (x.kind == NAME and x.feature == "city" and x.population >= (100_000 if j - i == 1 else 15_000))
                )
                if (
                    entries
                    and not (j - i == 1 and toks[i].lower_ in COMMON_CAPITALISED)
                    and (_is_major(entries) or not _in_name(doc, i, j))
                ):
                    found = (j, entries)
                    break
        if found:
            j, entries = found
            out.append(
                _Cand(
                    toks[i].idx,
                    toks[j - 1].idx + len(toks[j - 1]),
                    i,
                    j,
                    span_text(doc, i, j),
                    "embedded",
                    label,
                    entries,
                )
            )
            i = j
        else:
            if i == s and not out:
                dem = _name_demonym(doc, gaz, s, e)  # "the Armenian Genocide": Armenia
                if dem is not None:
                    out.append(dem)
            i += 1
    return out


# entity labels whose names open with a people's demonym that GeoWebNews and readers take as a
# mention of the country ("the Armenian Genocide", "the Ukrainian Law on ...", "Chinese Human
# Rights Defenders" tagged LAW, "Hungarian Rhapsody"); names the model tags ORG or NORP are read
# by the gazetteer scan already
_NAME_DEMONYM_LABELS = {"LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "FAC"}


def _name_demonym(doc: Doc, gaz, s: int, e: int) -> Optional[_Cand]:
    """A country's or continent's demonym as the first word of a longer name s..e that is no
    place of its own ("the Armenian Genocide", "the Ukrainian Law on Prevention of Corruption"):
    a ``demonym`` mention of that country (switch ``name-demonym``)."""
    if "name-demonym" in _RULES_OFF:
        return None
    toks = doc_tokens(doc)
    s, e = _strip_span(doc, s, e)
    for i in range(s, e - 1):  # the name's first word, or the first of a name inside it after "of the"
        if i > s and toks[i - 1].lower_ not in ("the", "of"):
            continue
        if not _is_cap(toks[i]) or toks[i].text.isupper() or not _is_cap(toks[i + 1]):
            continue
        entries = _lookup(gaz, doc, i, i + 1)
        if entries and all(x.kind == DEMONYM and x.feature in ("country", "other") for x in entries):
            return _Cand(toks[i].idx, toks[i].idx + len(toks[i]), i, i + 1, toks[i].text, "demonym", "NORP", entries)
    return None


def _name_demonyms(doc: Doc, gaz, taken: list, ents) -> list:
    """``_name_demonym`` over the model's entities of ``_NAME_DEMONYM_LABELS`` whose tokens no
    other candidate took (a FAC the gazetteer lacks is read by ``_inner_places``)."""
    out = []
    for ent in ents:
        if ent.label_ not in _NAME_DEMONYM_LABELS or ent.label_ == "FAC" or any(taken[ent.start : ent.end]):
            continue
        c = _name_demonym(doc, gaz, ent.start, ent.end)
        if c is not None:
            out.append(c)
            taken[c.ts] = True
    return out


def _head_after(doc: Doc, e: int) -> bool:
    """A capitalised place head word right after token e-1 ("French Quarter", "Arabian Sea"): the
    words before it are part of a longer name."""
    toks = doc_tokens(doc)
    return e < len(doc) and toks[e].lower_ in NAME_HEADS and _is_cap(toks[e]) and not toks[e].text.isupper()


# head words that make a demonym part of a place's name ("Latin Quarter", "Persian Gulf"); not
# "State", "Region" ("Chinese State Councilor", "Kurdish Region" stay the demonym)
NAME_HEADS = {
    "quarter",
    "sea",
    "ocean",
    "gulf",
    "river",
    "delta",
    "desert",
    "peninsula",
    "island",
    "islands",
    "isles",
    "mountains",
    "basin",
    "plateau",
    "coast",
    "strait",
    "channel",
    "lake",
    "valley",
}


def _lower_words(doc: Doc, toks: list) -> set:
    """The words the article writes in lower case somewhere (built once per Doc: read it, do
    not change it)."""
    memo = doc_memo(doc)
    got = memo.get("places.lower_words")
    if got is None:
        # (the words' strings, made once per Doc: no Token attribute read per token; a word in
        # lower case is its own ``lower_``, and ``is_alpha`` is ``str.isalpha``)
        got = memo["places.lower_words"] = {w for w in doc_words(doc) if w.islower() and w.isalpha()}
    return got


def _common_word(doc: Doc, tok, lower_words: set) -> bool:
    low = tok.lower_
    if low in COMMON_CAPITALISED or low in DIRECTIONS:
        return True
    if tok.text.isupper() and len(low) > 3:  # an upper-case dateline or headline word: "KHARKIV"
        return False
    return low in STOP_WORDS or low in lower_words or (len(low) < 3 and not tok.text.isupper())


TITLE_ABBREVS = {
    "sen",
    "sens",
    "rep",
    "reps",
    "gov",
    "govs",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "cmdr",
    "adm",
    "maj",
    "pres",
    "supt",
    "insp",
    "det",
    "rev",
    "fr",
    "atty",
    "amb",
    "cpl",
    "pvt",
    "cdr",
}


def _is_major(entries) -> bool:
    """A country, a first-level division or a city of 100,000 or more among the entries."""
    return any(
        x.feature == "country"
        or (x.feature == "admin" and x.admin1 == x.name)
        or (x.feature == "city" and x.population >= 100_000)
        for x in entries
    )


def _in_name(doc: Doc, i: int, e: int) -> bool:
    """Whether tokens i..e sit inside a longer capitalised name that is no place: a title-case
    word right before or after that is neither a connector, a title nor a place word ("Seergeoh
    Villanueva", "Adrian Walker"; not "Kharkiv Mayor", "Dallas Police")."""

    def name_word(t):
        if _is_initial(t):
            return True  # a middle initial: "George W. Bush", "John F. Kennedy"
        return (
            _is_cap(t)
            and t.pos_ == "PROPN"
            and not t.text.isupper()
            and t.lower_ not in COMMON_CAPITALISED
            and t.lower_ not in DIRECTIONS
            and t.lower_ not in FACILITY_HEADS
            and t.lower_ not in GEO_HEADS
        )

    before = doc_tokens(doc)[i - 1] if i > 0 else None
    after = doc_tokens(doc)[e] if e < len(doc) else None
    return bool(
        (before is not None and name_word(before) and not before.is_sent_start)
        or (after is not None and name_word(after))
    )


def _in_title_run(toks: list, i: int, e: int) -> bool:
    """Tokens i..e stand between two capitalised words of running text ("Party Unity My A--"):
    the middle of a title-case name."""
    return (
        i > 0
        and e < len(toks)
        and _is_cap(toks[i - 1])
        and not toks[i - 1].is_sent_start
        and _is_cap(toks[e])
        and not toks[i - 1].text.isupper()
        and not toks[e].text.isupper()
    )


_NOT_NAME_POS = frozenset(("ADJ", "VERB", "ADV", "INTJ", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ"))


def _is_initial(t) -> bool:
    return len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."


def _around_initial(toks: list, i: int) -> bool:
    """Token i is a first name before a middle initial and a capitalised word ("George W. Bush"),
    or the word after such an initial ("Bush")."""
    n = len(toks)
    if i + 2 < n and _is_initial(toks[i + 1]) and _is_cap(toks[i + 2]) and not _is_initial(toks[i]):
        return True
    return i >= 2 and _is_initial(toks[i - 1]) and _is_cap(toks[i - 2]) and not _is_initial(toks[i - 2])


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Token i opens its sentence, or follows only quote marks or brackets that do ('"Nice try')."""
    toks = doc_tokens(doc)
    j = i
    while j > 0 and not toks[j].is_sent_start and (toks[j - 1].is_quote or toks[j - 1].is_bracket):
        j -= 1
    return bool(toks[j].is_sent_start)


_HEADING_SHORT = 4  # a line of at most this many words is a subheading ("Young entrepreneur.")


def _heading_line(doc: Doc, char: int) -> bool:
    """Whether the line holding ``char`` is a heading: a line of three or more words whose words
    of four letters or more are all capitalised (a title-case headline; "FBI Spring Into
    Action"), or a line of at most ``_HEADING_SHORT`` words ("Young entrepreneur."); not one in
    capitals (a dateline: "KHARKIV, Ukraine"). Lines are read once per Doc (round 18, switch
    ``heading-word``)."""
    memo = doc_memo(doc)
    lines = memo.get("places.heading_lines")
    text = doc_text(doc)
    if lines is None:
        lines = memo["places.heading_lines"] = []
        pos = 0
        for line in text.split("\n"):
            words = re.findall(r"[^\W\d_][\w'\u2019.-]*", line)
            long = [w for w in words if len(w) >= 4]
            if words and not line.isupper():
                titled = len(words) >= 3 and long and all(w[:1].isupper() for w in long)
                short = len(words) <= _HEADING_SHORT and "," not in line and ":" not in line
                if titled or short:
                    lines.append((pos, pos + len(line)))
            pos += len(line) + 1
    k = bisect_right(lines, (char, len(text) + 1)) - 1
    return k >= 0 and lines[k][0] <= char < lines[k][1]


def _heading_town(doc: Doc, c: _Cand, text: str) -> bool:
    """A town the model found in a title-case headline or a short subheading, no major place,
    with no locative before it and its name nowhere in the running text: the headline's capitals
    ("New Hope For Nafta Deal As High-Level Talks Begin" is no New Hope, Minnesota). Round 21,
    switch ``heading-town21``; the gazetteer scan has its own ``heading-word``."""
    if c.source not in ("ner", "gazetteer") or c.best is None or c.best.feature != "city" or c.dateline or c.qualified:
        return False
    if _is_major([c.best]) or _spatial_before(doc, c.ts) or not _heading_line(doc, c.start):
        return False
    for m in re.finditer(re.escape(c.text), text):
        if m.start() != c.start and not _heading_line(doc, m.start()):
            return False
    return True


def _named_in_body(doc: Doc, i: int) -> bool:
    """Whether token i's word stands capitalised elsewhere in the article, in no heading line and
    not opening a sentence ("Riverdale" of a headline, then "in Riverdale" in the text)."""
    toks = doc_tokens(doc)
    word = toks[i].text
    for k, w in enumerate(doc_words(doc)):
        if w == word and k != i and not toks[k].is_sent_start and not _heading_line(doc, toks[k].idx):
            return True
    return False


def _spatial_before(doc: Doc, i: int) -> bool:
    """A locative preposition right before token i (skipping "the")."""
    toks = doc_tokens(doc)
    j = i - 1
    while j >= 0 and toks[j].lower_ in ("the", "a", "an"):
        j -= 1
    return j >= 0 and toks[j].lower_ in SPATIAL_PREPS


_IN_PREPS = {"in", "near", "inside", "outside", "into", "around", "within", "throughout"}


def _local_town(doc: Doc, i: int, e: int, lower_words: set) -> bool:
    """Token i (one word, i..e) right after a locative preposition, no article between ("at
    Wana"; not "at the Crown"), no common word, no capitalised word after it: it may be a
    small town, kept later only when it lies in a country the article's other places name
    (``_drop_foreign_local_towns``)."""
    if "local-town" in _RULES_OFF or e - i != 1 or i == 0:
        return False
    toks = doc_tokens(doc)
    tok = toks[i]
    return (
        toks[i - 1].lower_ in SPATIAL_PREPS
        and not tok.text.isupper()
        and not _common_word(doc, tok, lower_words)
        and not (e < len(toks) and _is_cap(toks[e]))
    )


def _drop_foreign_local_towns(cands: list[_Cand]) -> list[_Cand]:
    """A small town found only by the locative preposition before it stays when it lies in a
    country that the article's other places name at least twice, or in its most named one, and,
    when they name divisions of that country twice, in one of those ("at Wana" in an article
    about Pakistan; not a Jordanian village in a story about Ohio, nor a Texan one in a story
    about Virginia)."""
    if not any(c.local for c in cands):
        return cands
    others = [c.best for c in cands if not c.local and c.best is not None and c.best.country]
    by_country = Counter(x.country for x in others)
    keep = {k for k, n in by_country.items() if n >= 2}
    if by_country:
        keep.add(by_country.most_common(1)[0][0])
    # where the article's places name a division of that country twice, the town lies in one
    by_admin = Counter((x.country, x.admin1) for x in others if x.feature in ("city", "admin") and x.admin1)
    admins = {k for k, n in by_admin.items() if n >= 2}
    return [
        c
        for c in cands
        if not c.local
        or (
            c.best is not None
            and c.best.country in keep
            and ((c.best.country, c.best.admin1) in admins or not any(k[0] == c.best.country for k in admins))
        )
    ]


LONE_TOWN_MAX_POPULATION = 200_000


def _lone_towns_abroad(cands: list[_Cand]) -> list[_Cand]:
    """A town or division under 200,000 people read in a country that no other place of the
    article names, in an article whose places name one country three times or more, is a
    homonym when the model did not tag it as a place: a word of a firm's or an event's name
    found inside it or by the gazetteer scan ("Orange Drugs Ltd", "the Ministry of Business,
    Enterprise and Cooperatives", "57th Independence anniversary" in a Nigerian or Mauritian
    story are no US cities; "Think Tank" no Pakistani town; the "Carolina Panthers" no Puerto
    Rican municipality). Dropped. A town the model tags as a place in one of its mentions stays
    ("trips to Saipan" in a US story: a territory with its own country code), and so do a
    qualified name and a dateline's place."""
    resolved = [(c.source, c.best) for c in cands if c.best is not None and c.best.country]
    by_country = Counter(b.country for _, b in resolved)
    if not by_country or by_country.most_common(1)[0][1] < 3:
        return cands
    gids_by_country: dict = defaultdict(set)
    for _, b in resolved:
        gids_by_country[b.country].add(b.gid)
    main = by_country.most_common(1)[0][0]
    tagged = {b.gid for src, b in resolved if src == "ner"}  # the model's place, in any mention
    out = []
    for c in cands:
        x = c.best
        if (
            x is not None
            and x.feature in ("city", "admin")
            and x.country
            and x.country != main
            and x.population < LONE_TOWN_MAX_POPULATION
            and gids_by_country[x.country] == {x.gid}
            and not c.qualified
            and not c.dateline
            and x.gid not in tagged
        ):
            continue
        out.append(c)
    return out


FAR_TOWN_KM = 500.0


def _far_lone_towns(cands: list[_Cand]) -> None:
    """A town under 200,000 people that the model never tagged as a place (found by the
    gazetteer scan or under a person's tag), whose reading lies more than ``FAR_TOWN_KM`` from
    every other place the article resolves in the same country, with two or more such places
    all within ``FAR_TOWN_KM`` of one another: a local town the gazetteer lacks, named after a
    bigger homonym far away ("in LaFayette" in a Walker County, Ga. story is not Lafayette,
    Louisiana). Left unresolved, placed in the article's frame. A qualified name and a
    dateline's place keep their reading. Round 21, switch ``far-town21``."""
    resolved = [
        (c, c.best, (c.best.lat, c.best.lon))
        for c in cands
        if c.best is not None and c.best.lat is not None and c.best.lon is not None
    ]
    tagged = {x.gid for c, x, _ in resolved if c.source == "ner"}
    for c, x, here in resolved:
        if (
            x.feature != "city"
            or x.population >= LONE_TOWN_MAX_POPULATION
            or x.gid in tagged
            or c.qualified
            or c.dateline
            or c.source not in ("gazetteer", "person-override")
        ):
            continue
        others = {o.gid: p for _, o, p in resolved if o.gid != x.gid and o.country == x.country}
        if len(others) < 2:
            continue
        if any(haversine_km(*here, *p) <= FAR_TOWN_KM for p in others.values()):
            continue
        if any(haversine_km(*a, *b) > FAR_TOWN_KM for a in others.values() for b in others.values()):
            continue
        c.best = None
        c.reason = (
            f"a town far from every other place of the article: a local namesake (far-town21; not {x.name}, {x.admin1})"
        )
        if c.label not in ("GPE", "LOC", "FAC"):
            c.label = "GPE"


def _country_named(doc: Doc, gaz, s: int, e: int) -> bool:
    """The entity (tokens s..e, "the" stripped) is exactly a country's name: "across Mauritius"
    that the model calls a product."""
    s, e = _strip_span(doc, s, e)
    return s < e and any(x.kind == NAME and x.feature == "country" for x in _lookup(gaz, doc, s, e))


_DOTTED_COMPOUND = re.compile(r"((?:[A-Z]\.){2,})[-\u2013](?=[A-Za-z])")


def _scan_candidates(
    doc: Doc, gaz, taken: list[bool], persons, demonyms: bool, embedded: bool, ents, toks, person_words: set
) -> list[_Cand]:
    """Capitalised word sequences that the gazetteer knows, outside the model's place entities."""
    ent_label: list[Optional[str]] = [None] * len(doc)
    ent_span: list[tuple[int, int]] = [(0, 0)] * len(doc)  # (set for every token of an entity)
    for ent in ents:
        for i in range(ent.start, ent.end):
            ent_label[i] = ent.label_
            ent_span[i] = (ent.start, ent.end)
    lower_words = _lower_words(doc, toks)
    dw = doc_words(doc)
    out = []
    n = len(doc)
    i = 0
    for i0 in _cap_indices(doc):  # (the names' first words; a word not capitalised opens none)
        if i0 < i:
            continue  # (inside a name taken already)
        i = i0
        if taken[i]:
            i += 1
            continue
        tok = toks[i]
        if (
            ent_label[i] in NEVER_PLACE_LABELS
            and ent_label[i] != "MONEY"
            and not (ent_label[i] == "PRODUCT" and _country_named(doc, gaz, *ent_span[i]))
        ) or (tok.lower_ in ("the", "a", "an")):
            i += 1
            continue
        m = _DOTTED_COMPOUND.match(tok.text)
        if m:
            # "U.S.-led", "U.N.-brokered", "U.S.-China": the tokenizer keeps the compound whole
            entries = tuple(x for x in gaz.lookup(m[1]) if x.feature in ("country", "other"))
            if entries:
                out.append(
                    _Cand(tok.idx, tok.idx + len(m[1]), i, i + 1, m[1], "gazetteer", ent_label[i] or "", entries)
                )
                taken[i] = True
            i += 1
            continue
        best = None
        # longest capitalised run (connector words allowed inside) that the gazetteer knows
        j = i
        run_end = i
        while (
            j < n
            and j - i < 6
            and not taken[j]
            and (
                ent_label[j] not in NEVER_PLACE_LABELS
                or ent_label[j] == ent_label[i] == "MONEY"
                or (ent_label[i] == "PRODUCT" and ent_span[j] == ent_span[i])
            )
        ):
            if _cap_word(dw[j]):
                run_end = j + 1
            elif not ((toks[j].lower_ in CONNECTORS or toks[j].lower_ in ("'s", "’s")) and j > i):
                break  # ("Democratic People's Republic of Korea": a possessive inside a name)
            j += 1
        for e in range(run_end, i, -1):
            if not _cap_word(dw[e - 1]):
                continue
            entries = _lookup(gaz, doc, i, e)
            if entries:
                best = (e, entries)
                break
        if not best:
            i += 1
            continue
        e, entries = best
        if (
            e - i == 1
            and tok.lower_.rstrip(".") in TITLE_ABBREVS
            and (tok.text.endswith(".") or (e < n and toks[e].text == "."))
        ):
            i = e  # "Sens. Tom Udall", "Gen. Lee": a title, not Sens or Gen
            continue
        if (
            e - i == 1
            and tok.lower_ in GEO_HEADS
            and i > 0
            and _is_cap(toks[i - 1])
            and not tok.is_sent_start
            and not tok.text.isupper()
        ):
            i = e  # "French Quarter", "Niger Delta": the head of a longer name, not "Quarter" or "Delta"
            continue
        s_char, e_char = tok.idx, toks[e - 1].idx + len(toks[e - 1])
        if _overlaps(persons, s_char, e_char):
            i = e
            continue
        label = ent_label[i]
        name_part = False
        is_dem = any(x.kind == DEMONYM for x in entries) and not any(
            x.kind in (NAME, ALT) and x.feature in ("country", "admin") for x in entries
        )
        top = max(entries, key=lambda x: (x.feature in ("country", "admin"), x.population))
        single = e - i == 1
        upper = tok.text.isupper() and len(tok.text) > 3
        if (
            single
            and tok.text.replace(".", "").isupper()
            and any(x.feature in ("country", "other") and x.kind != NAME for x in entries)
        ):
            upper = True  # "US", "UK", "EU", "UAE": abbreviations, not the words "us", "uk"
        if (
            e - i == 1
            and tok.text.isupper()
            and len(tok.text) <= 4
            and all(x.feature == "city" for x in entries)
            and not (
                e < n
                and toks[e].text in (",", "(", "-", "—", "–", ":")
                and ("acronym-line" in _RULES_OFF or tok.idx == 0 or doc_text(doc)[tok.idx - 1] == "\n")
            )
        ):
            # "CHU", "PAP": an acronym, unless it opens a dateline at a line's start ("ROME, May 2
            # -"); "the ... Arrivals program, or DACA, is" is an acronym (an old name of Dhaka)
            i = e
            continue
        if (
            all(x.kind == ABBREV and x.feature == "admin" for x in entries)
            and "." not in tok.text
            and (
                i == 0
                or toks[i - 1].text != ","
                or (i >= 2 and not _is_cap(toks[i - 2]) and "code-after-name" not in _RULES_OFF)
            )
        ):
            # a state or province code only as a qualifier of a name: "Gary, IN", "Nelson, BC"; not
            # "this is all I got, OK?" (switch "code-after-name")
            i = e
            continue
        if is_dem:
            if not demonyms:
                i = e
                continue
            if e < n and not taken[e] and _head_after(doc, e):  # "French Quarter": a name, not the demonym
                out.append(
                    _Cand(s_char, toks[e].idx + len(toks[e]), i, e + 1, span_text(doc, i, e + 1), "head", "LOC", ())
                )
                for k in range(i, e + 1):
                    taken[k] = True
                i = e + 1
                continue
            entries = tuple(x for x in entries if x.kind == DEMONYM)
            src = "demonym"
        elif (
            single
            and _common_word(doc, tok, lower_words)
            and not (upper and tok.lower_ not in DIRECTIONS and tok.lower_ not in COMMON_CAPITALISED)
        ):
            i = e
            continue
        elif label == "MONEY":
            # the currency's country ("15 billion US dollars")
            entries = tuple(x for x in entries if x.feature == "country")
            if not entries:
                i = e
                continue
            src = "embedded"
        elif label == "ORG" or label == "NORP":
            span = ent_span[i]
            whole = _strip_span(doc, *span) == (i, e)
            strong = any(
                x.feature == "country"
                or (x.feature == "admin" and x.admin1 == x.name)
                or (x.feature == "city" and x.population >= 100_000)
                or (x.feature == "other" and x.kind in (NAME, ALT, ABBREV))
                for x in entries
            )
            local = False
            if whole and not strong and _spatial_before(doc, i) and label == "ORG" and not tok.text.isupper():
                # "near Dewsbury", "moved to Thornhill": a town the model called an organisation
                strong = any(x.feature == "city" and x.kind == NAME and x.population >= 5_000 for x in entries)
                if not strong and toks[i - 1].lower_ in _IN_PREPS and _local_town(doc, i, e, lower_words):
                    # "a clinic in Runyenjes": a smaller town, kept if in the article's country ("at",
                    # "to" and "from" introduce institutions too: "a professor at Yale")
                    entries = tuple(x for x in entries if x.feature == "city" and x.kind == NAME)
                    strong = local = bool(entries)
            if (
                not strong
                and label == "ORG"
                and e < n
                and norm(toks[e].text) in CIVIC_HEADS
                and not _common_word(doc, tok, lower_words)
            ):
                # "the Beverly Hills Police Department": a town's own body names the town
                strong = any(x.feature == "city" and x.kind == NAME and x.population >= 5_000 for x in entries)
            if (
                whole
                and strong
                and "org-alt-name" not in _RULES_OFF
                and all(x.kind == ALT and x.feature == "city" and x.population < 1_000_000 for x in entries)
                and not _spatial_before(doc, i)
            ):
                # "Hamas used civilian sites": an organisation whose name is only an old or foreign
                # name of a town (Hamm) is the organisation; a big city's ("Kiev said") stays
                i = e
                continue
            if whole and strong and not (single and _common_word(doc, tok, lower_words)):
                src = "org"  # the model called a place an organisation ("Kharkiv said ...", "to Great Yarmouth")
                if local:
                    out.append(_Cand(s_char, e_char, i, e, span_text(doc, i, e), src, label, entries, local=True))
                    taken[i] = True
                    i = e
                    continue
            elif embedded and strong and not whole:
                src = "embedded"
                # "the Party Unity My Way club": a major namesake let the word in; a place only if read as that
                name_part = (
                    single
                    and "name-part" not in _RULES_OFF
                    and _in_title_run(toks, i, e)
                    and not _spatial_before(doc, i)
                )
                # an old or foreign name of a city does not name it inside an organisation's name
                # ("Sine Qua Non" is no Sanandaj); a short form of its name does ("Paranaque" for
                # Paranaque City)
                short = norm(span_text(doc, i, e))
                entries = tuple(
                    x
                    for x in entries
                    if not (x.kind == ALT and x.feature == "city" and not norm(x.name).startswith(short))
                )
                if not entries:
                    i = e
                    continue
            else:
                i = e
                continue
        else:
            # no entity label (or a label that can hold places): common words were dropped above;
            # small towns need the model's word for it
            if single and not upper:
                if (tok.pos_ in _NOT_NAME_POS and _opens_sentence(doc, i)) or _around_initial(toks, i):
                    # "Liberal and conservative economists", "Nice try": a capital only for the
                    # sentence; "George W. Bush": a person's name around a middle initial
                    i = e
                    continue
                entries = tuple(x for x in entries if x.kind != ALT or x.feature != "city")
                # a town's name with accents the word lacks (or has elsewhere): "Hit" is not Hīt,
                # "Come" not Comé, "Papá" not Pápa; a big city keeps its English spelling
                low = tok.text.lower()
                entries = tuple(
                    x
                    for x in entries
                    if not (x.kind == NAME and x.feature == "city" and x.population < 100_000 and x.name.lower() != low)
                )
                if not entries:  # only an old or foreign name of some town: "Big" (Biga), "Market"
                    i = e
                    continue
                top = max(entries, key=lambda x: (x.feature in ("country", "admin"), x.population))
                if not _spatial_before(doc, i):
                    if not _is_major(entries) and _in_name(doc, i, e):
                        person_words.add(tok.lower_)  # "Seergeoh Villanueva": part of a person's name
                        i = e
                        continue
                    # "Party Unity My A--": let in by a division abroad; a place only if read as that
                    name_part = "name-part" not in _RULES_OFF and (_in_name(doc, i, e) or _in_title_run(toks, i, e))
                if (
                    "heading-word" not in _RULES_OFF
                    and not _is_major(entries)
                    and not _spatial_before(doc, i)
                    and _heading_line(doc, tok.idx)
                    and not _named_in_body(doc, i)
                ):
                    # "... Made The FBI Spring Into Action", "Young entrepreneur.": a title-case
                    # headline or a short subheading capitalises every word or its first; a
                    # town's name there needs the model's word, a locative before it, or the same
                    # name written in the article's running text
                    i = e
                    continue
            if tok.lower_ in person_words and not _spatial_before(doc, i):
                i = e
                continue
            if top.feature == "city" and top.population < (15_000 if single else 5_000):
                if single and not label and _local_town(doc, i, e, lower_words) and tok.lower_ not in person_words:
                    # "an Agriculture Park at Wana": a small town, kept if in the article's country
                    towns = tuple(x for x in entries if x.feature == "city" and x.kind == NAME)
                    if towns:
                        out.append(
                            _Cand(s_char, e_char, i, e, span_text(doc, i, e), "gazetteer", "", towns, local=True)
                        )
                        taken[i] = True
                i = e
                continue
            if (
                top.feature in ("admin", "other")
                and out
                and out[-1].te == i
                and run_end > e
                and toks[run_end - 1].lower_ in FACILITY_HEADS
                and all(_is_cap(t) for t in toks[e:run_end])
            ):
                # "Seoul Central District Court": after a place, before a facility's head, a
                # division's name is part of the building's name, not Israel's Central District
                i = e
                continue
            if top.feature == "other" and top.population == 0 and single and not any(x.kind == NAME for x in entries):
                i = e
                continue
            src = "gazetteer"
        out.append(_Cand(s_char, e_char, i, e, span_text(doc, i, e), src, label or "", entries, name_part=name_part))
        for k in range(i, e):
            taken[k] = True
        i = e
    return out


# ----------------------------------------------------------------------------- resolution


def _base_score(x: Entry) -> float:
    s = math.log10(x.population + 10)
    s += FEATURE_BONUS.get(x.feature, 0.0)
    if x.feature == "admin" and 0 < x.population < 1_000_000:
        s -= 1.5  # a small division (a Jamaican parish) does not outrank a big city (Manchester)
    if x.feature == "admin" and x.admin1 != x.name:
        s -= 1.5  # a county: less likely than a division or city of the same name
    if x.capital:
        s += CAPITAL_BONUS
    if x.kind == ALT:
        s -= 1.0
    elif x.kind == ABBREV:
        s -= 0.3
    if x.feature in ("other", "admin") and x.population == 0:
        s += REGION_BONUS  # a region, sea, landmark or historic county from data/places/regions.tsv
    return s


def _qualifier(doc: Doc, c: _Cand, by_tok: dict) -> Optional[_Cand]:
    """The place right after "Name," ("Paris, Texas") or in "Name (Texas)"."""
    i = c.te
    if i < len(doc) and doc_tokens(doc)[i].text in (",", "("):
        return by_tok.get(i + 1)
    return None


def _contains(q: Entry, x: Entry) -> bool:
    if q.feature == "country":
        return x.country == q.country and x.gid != q.gid
    if q.feature == "admin":
        return x.country == q.country and x.admin1_code == q.admin1_code and x.gid != q.gid
    return False


def _entry_score(x: Entry, has_name: bool) -> float:
    """The entry's score before context; an alternate name of a city counts less when another
    place has this exact name ("Southold" is the town, not an old name of South Bend)."""
    s = _base_score(x)
    if has_name and x.kind == ALT and x.feature == "city":
        s -= ALT_SHADOW_PENALTY
    return s


_CELL = 1.4  # degrees: the side of the grid cells that find a city's neighbours (150 km < 1.4 degrees of latitude)
_LON_CELLS = math.ceil(360 / _CELL)
_KM_PER_DEGREE = 111.19  # of latitude, rounded down: no two points closer in latitude are farther apart


def _cell(lat: float, lon: float) -> tuple:
    return int(math.floor(lat / _CELL)), int(math.floor((lon + 180.0) / _CELL)) % _LON_CELLS


class _ArticleEvidence:
    """All the place evidence of an article (mentions, weighted; a dateline counts three times),
    summed once per pass: per country, per first-level division, and the resolved cities on a
    grid, so that each name's frame (:class:`_Frame`) costs only as much as its own mentions."""

    def __init__(self, total: Counter):
        self.total = total
        self.country: Counter = Counter()
        self.admin: Counter = Counter()
        self.grid: dict = defaultdict(list)
        for ev, w in total.items():
            if ev[1]:
                self.country[ev[1]] += w
            if ev[2]:
                self.admin[ev[2]] += w
            if ev[5] and ev[3] is not None:
                self.grid[_cell(ev[3], ev[4])].append(ev)
        self.weight = sum(total.values())
        self.ranked = [cc for cc, _ in self.country.most_common()]


class _Frame:
    """The article's geographic frame as one name sees it: how much of the place evidence of the
    article's *other* names (a name is no evidence for itself) lies in each country and each
    first-level division, and which of their cities lie near a place."""

    def __init__(self, art: _ArticleEvidence, own: Counter):
        self.art = art
        self.own = own
        self.own_country: Counter = Counter()
        self.own_admin: Counter = Counter()
        for ev, w in own.items():
            if ev[1]:
                self.own_country[ev[1]] += w
            if ev[2]:
                self.own_admin[ev[2]] += w
        self.total = art.weight - sum(own.values())
        self._main: Optional[tuple] = None

    def country_weight(self, cc) -> float:
        return self.art.country[cc] - self.own_country[cc]

    def admin_weight(self, key) -> float:
        return self.art.admin[key] - self.own_admin[key]

    def country_share(self, cc) -> float:
        return self.country_weight(cc) / self.total if self.total else 0.0

    def main_country(self) -> tuple:
        """(alpha-3, share) of the country the article is about: at least 60% of its place
        evidence and three mentions' worth; else (None, 0). (Such a country outweighs all others
        together, so no tie can decide it.)"""
        if self._main is None:
            best, best_w = None, 0.0
            for cc in self.art.ranked:  # the heaviest country this name has no evidence in
                if cc not in self.own_country:
                    best, best_w = cc, self.art.country[cc]
                    break
            for cc in self.own_country:
                w = self.country_weight(cc)
                if w > best_w:
                    best, best_w = cc, w
            share = best_w / self.total if self.total else 0.0
            self._main = (best, share) if best is not None and share >= 0.6 and best_w >= 3 else (None, 0.0)
        return self._main

    def near_city(self, x: Entry, km: float = 150.0) -> bool:
        """Whether another name's city (not x itself) lies within ``km`` of x."""
        lat, lon = x.lat, x.lon
        if lat is None or lon is None:
            return False
        lat_c, lon_c = _cell(lat, lon)
        top = min(90.0, abs(lat) + _CELL)
        lon_cells: Iterable[int]
        if top >= 89.0:
            lon_cells = range(_LON_CELLS)
        else:
            span = math.ceil(km / (111.0 * math.cos(math.radians(top))) / _CELL) + 1
            lon_cells = (
                range(_LON_CELLS)
                if 2 * span + 1 >= _LON_CELLS
                else [(lon_c + d) % _LON_CELLS for d in range(-span, span + 1)]
            )
        total, own = self.art.total, self.own
        for la in (lat_c - 1, lat_c, lat_c + 1):
            for lo in lon_cells:
                for ev in self.art.grid.get((la, lo), ()):
                    if (
                        ev[0] != x.gid
                        and abs(ev[3] - lat) < _CELL
                        and abs(ev[3] - lat) * _KM_PER_DEGREE < km  # (a lower bound of the distance)
                        and total[ev] - own.get(ev, 0) > 0
                        and haversine_km(lat, lon, ev[3], ev[4]) < km
                    ):
                        return True
        return False


def _context_score(x: Entry, frame: _Frame) -> float:
    """What the article's other place names say for entry x: its country's share of them (and a
    namesake abroad loses when most of the article is in one country: a Texas story's "Paris" is
    Paris, Texas), a division they lie in, a city of theirs within 150 km."""
    s = 0.0
    if x.country:
        s += CONTEXT_COUNTRY_BONUS * frame.country_share(x.country)
        main, share = frame.main_country()
        if main and x.country != main and not (x.feature == "city" and x.population >= WORLD_CITY and x.kind == NAME):
            # an article about one country: its towns before namesakes abroad; but a city of a
            # million by its own name is no namesake ("trained in Montreal" in a Connecticut
            # story is not the Wisconsin village of 800, "the Paris terror attacks" not Paris, Texas)
            s -= FRAME_COUNTRY_PENALTY * share
    if x.feature != "country" and x.admin1_code and not (x.feature == "admin" and x.admin1 == x.name):
        k = (x.country, x.admin1_code)
        aw = frame.admin_weight(k)
        if aw > 0:
            # in proportion to the division's share of the article's other place names, in full
            # from ADMIN_SHARE_FULL: a state named once among a dozen in a campaign story does not
            # make "Cleveland" its village of 1,500 (Wisconsin) rather than the city in Ohio
            share = aw / frame.total if frame.total else 1.0
            s += CONTEXT_ADMIN_BONUS * min(1.0, share / ADMIN_SHARE_FULL)
    if x.feature == "city" and x.lat is not None and frame.near_city(x):
        s += NEAR_BONUS
    return s


def _far(a: Entry, b: Entry) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return a.gid != b.gid
    return haversine_km(a.lat, a.lon, b.lat, b.lon) > 161


def _evidence(cands, keys):
    """(gid, country, admin key, lat, lon, is city) -> weight, over all mentions and per name."""
    total: Counter = Counter()
    by_key: dict = defaultdict(Counter)
    for c, k in zip(cands, keys):
        if c.best is None:
            continue
        x = c.best
        w = 0.5 if c.source in ("demonym", "embedded") else (DATELINE_WEIGHT if c.dateline else 1.0)
        akey = (x.country, x.admin1_code) if x.feature in ("admin", "city") and x.admin1_code else None
        ev = (x.gid, x.country, akey, x.lat, x.lon, x.feature == "city")
        total[ev] += w
        by_key[k][ev] += w
    return total, by_key


def _resolve(doc: Doc, cands: list[_Cand]) -> None:
    by_tok = {c.ts: c for c in cands}
    keys = [norm(c.text) for c in cands]
    has_name = [any(x.kind == NAME for x in c.entries) for c in cands]
    escore: dict = {}  # (id of an entry, has_name) -> _entry_score: the same in every mention and pass

    def entry_score(x: Entry, hn: bool) -> float:
        k = (id(x), hn)  # (the entries live in the candidates throughout)
        got = escore.get(k)
        if got is None:
            got = escore[k] = _entry_score(x, hn)
        return got

    plain = []  # the entry each mention would get on its own, without context
    for c, hn in zip(cands, has_name):
        c.best = max(c.entries, key=lambda x: entry_score(x, hn)) if c.entries else None
        plain.append(c.best)

    def scored_entries(c, ck, hn, frame, context, q=None) -> list:
        if q is None:
            q = _qualifier(doc, c, by_tok)
        scored = []
        c.qualified = False
        for x in c.entries:
            sc = entry_score(x, hn)
            if q is not None and q.entries and any(_contains(qe, x) for qe in q.entries):
                sc += QUALIFIER_BONUS
                c.qualified = True
            ctx = context.get((ck, x.gid))
            if ctx is None:
                ctx = _context_score(x, frame)
                context[(ck, x.gid)] = ctx
            scored.append((sc + ctx, x))
        if c.qualified and q is not None:
            c.reason = f"qualifier: {q.text}"
        return scored

    def choose(c, scored) -> None:
        best_s, best = max(scored, key=lambda t: t[0])
        rival = max((sc for sc, x in scored if _far(x, best)), default=None)
        c.best, c.score = best, best_s
        c.margin = best_s - rival if rival is not None else 99.0

    chosen_in: list = []  # the entries chosen in each pass
    for _ in range(2):  # two passes, so context from resolved names feeds the rest
        total, by_key = _evidence(cands, keys)
        art = _ArticleEvidence(total)
        context: dict = {}  # (name key, gid) -> context score; the same for every mention of a name
        frames: dict = {}
        # the mentions of one name with the same entries and the same qualifier (or none) score
        # alike: each such group is scored once per pass
        alike: dict = {}
        for c, ck, hn in zip(cands, keys, has_name):
            if not c.entries:
                continue
            q = _qualifier(doc, c, by_tok)
            mk = (ck, hn, id(c.entries), id(q))
            got = alike.get(mk)
            if got is not None:
                c.qualified, c.best, c.score, c.margin = got[0], got[1], got[2], got[3]
                if c.qualified:
                    c.reason = got[4]
                continue
            frame = frames.get(ck)
            if frame is None:  # other names only: a name is no evidence for itself
                frame = frames[ck] = _Frame(art, by_key.get(ck) or Counter())
            choose(c, scored_entries(c, ck, hn, frame, context, q))
            alike[mk] = (c.qualified, c.best, c.score, c.margin, c.reason)
        chosen_in.append([c.best.gid if c.best is not None else None for c in cands])
    # Names that chose each other's namesakes flip between the passes ("Lafayette" and "Franklin"
    # in a Louisiana article: each pass reads the other's previous choice, so the pair swaps
    # between Louisiana and Tennessee for ever). Those names are settled one at a time: the one
    # that gains most by another entry, given the others' current choices, takes it, until no
    # name gains (a few steps; only names that changed in the second pass take part).
    unstable = sorted({keys[i] for i, (a, b) in enumerate(zip(*chosen_in)) if a != b})
    members: dict = defaultdict(list)  # name key -> its mentions that have entries
    for c, k, hn in zip(cands, keys, has_name):
        if k in unstable and c.entries and c.best is not None:
            members[k].append((c, hn))
    for _ in range(min(2 * len(unstable), SETTLE_STEPS)):
        total, by_key = _evidence(cands, keys)
        art = _ArticleEvidence(total)
        best_gain, best_moves = 1e-6, None
        for ck in unstable:
            frame = _Frame(art, by_key.get(ck) or Counter())
            context = {}
            moves, gain = [], 0.0
            for c, hn in members[ck]:
                scored = scored_entries(c, ck, hn, frame, context)
                now = next(sc for sc, x in scored if x.gid == c.best.gid)
                gain += max(sc for sc, _ in scored) - now
                moves.append((c, scored))
            if gain > best_gain:
                best_gain, best_moves = gain, moves
        if best_moves is None:
            break
        for c, scored in best_moves:
            choose(c, scored)
    for c, x0 in zip(cands, plain):
        if c.best is None or c.qualified:
            continue
        if len(c.entries) == 1 or c.margin >= 99:
            c.reason = "only candidate" if len(c.entries) == 1 else "one place of this name"
        elif x0 is not None and c.best.gid != x0.gid:
            c.reason = "article frame: " + "/".join(
                filter(None, (c.best.country, c.best.admin1 if c.best.feature != "country" else None))
            )
        else:
            c.reason = f"most prominent of {len(c.entries)} ({c.best.feature}, population {c.best.population:,})"
    # a state the article names another way ("CAMP MURRAY, Wash.", "Olympia, WA"): the bare name
    # is the state too (not the capital "Washington", not a city "New York")
    named_states = {
        c.best.gid: c.text
        for c, k in zip(cands, keys)
        if c.best is not None and c.best.feature == "admin" and c.best.admin1 == c.best.name and k != norm(c.best.name)
    }
    # one sense per article: a name qualified once ("Paris, Texas") means that place throughout
    chosen: dict = {}
    for c, k in zip(cands, keys):
        if c.qualified and c.best is not None:
            chosen.setdefault(k, (c.best, c.reason))
    for c, k in zip(cands, keys):
        state = next((x for x in c.entries if x.gid in named_states), None)
        if state is not None and not c.qualified and k == norm(state.name):
            c.best = state
            c.reason = f"the state, which the article also names as {named_states[state.gid]!r}"
            c.margin = max(c.margin, 3.0)
            continue
        if k in chosen and not c.qualified and any(x.gid == chosen[k][0].gid for x in c.entries):
            c.best = next(x for x in c.entries if x.gid == chosen[k][0].gid)
            c.qualified = True
            c.reason = "same name qualified in the article (" + chosen[k][1] + ")"
            c.margin = max(c.margin, QUALIFIER_BONUS)

    # a division and a big city of the same name: the city, unless the text says "state" (anywhere in
    # the article: "Washington state" once makes every "Washington" the state)
    def says_state(c):
        after = doc_tokens(doc)[c.te].lower_ if c.te < len(doc) else ""
        before = span_text(doc, c.ts - 2, c.ts).lower() if c.ts >= 2 else ""
        return (
            after == "state"
            or before.endswith("state of")
            or (c.ts > 0 and doc_tokens(doc)[c.ts - 1].lower_ == "upstate")
        )

    state_keys = {k for c, k in zip(cands, keys) if says_state(c)}
    # ... or lists it with other divisions, once ("won Colorado, Oklahoma and Vermont")
    listed_keys = (
        {
            k
            for c, k in zip(cands, keys)
            if c.best is not None
            and c.best.feature == "admin"
            and c.best.admin1 == c.best.name
            and _listed_with_division(doc, cands, c)
        }
        if "listed-division" not in _RULES_OFF
        else set()
    )
    # ... or names the state another way ("CAMP MURRAY, Wash.", "Olympia, WA"): then the bare
    # name is the state too; and "central Washington" is a region of the state, not of the city
    for c, k in zip(cands, keys):
        if c.best is None or c.best.feature != "admin" or c.best.admin1 != c.best.name or k in state_keys:
            continue
        if k != norm(c.best.name):
            continue  # "Wash." itself
        if c.best.gid in named_states:
            c.reason = f"the state, which the article also names as {named_states[c.best.gid]!r}"
            continue
        if c.ts > 0 and doc_tokens(doc)[c.ts - 1].lower_ in DIRECTIONS:
            c.reason = f"a part of the state ('{doc_tokens(doc)[c.ts - 1].text} {c.text}')"
            continue
        q = _qualifier(doc, c, by_tok)
        if c.qualified:
            continue
        cities = [
            x
            for x in c.entries
            if x.feature == "city" and x.country == c.best.country and x.population >= 500_000 and x.kind in (NAME, ALT)
        ]
        if cities and q is None and k in listed_keys:
            c.reason = "the division, which the article lists with other divisions"
            continue
        if cities and q is None:
            c.best = max(cities, key=lambda x: x.population)
            c.reason = "a big city over the division of the same name (the text does not say 'state')"
            c.margin = min(c.margin, 1.0)


_LIST_GAP = re.compile(r"\s*(?:,|,?\s*(?:and|or|&))\s*")


def _plain_division(c: _Cand) -> bool:
    """The mention is a first-level division and names no big city too ("Colorado", "New
    Jersey"; not "New York", "Washington")."""
    return (
        c.best is not None
        and c.best.feature == "admin"
        and c.best.admin1 == c.best.name
        and not any(x.feature == "city" and x.population >= 500_000 for x in c.entries)
    )


def _listed_with_division(doc: Doc, cands: list[_Cand], c: _Cand) -> bool:
    """The mention stands in a list next to a division that names no big city ("won Colorado,
    Oklahoma and Vermont", "in Texas and Oklahoma", "New York and New Jersey"): list items are of
    one kind, so it is the division too, not the big city of its name."""
    text = doc_text(doc)
    k = next((i for i, d in enumerate(cands) if d is c), None)
    if k is None:
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(cands):
            d = cands[j]
            gap = text[d.end : c.start] if j < k else text[c.end : d.start]
            if _LIST_GAP.fullmatch(gap) and _plain_division(d):
                return True
    return False


def _merge_same_place_qualifiers(doc: Doc, cands: list[_Cand], text: str) -> list[_Cand]:
    """ "Washington, D.C.", "Kyiv, Kiev": a name whose qualifier is the same place is one mention."""
    out: list[_Cand] = []
    skip = set()
    for k, c in enumerate(cands):
        if k in skip:
            continue
        nxt = cands[k + 1] if k + 1 < len(cands) else None
        if (
            nxt is not None
            and c.best is not None
            and nxt.best is not None
            and c.best.gid == nxt.best.gid
            and c.te < len(doc)
            and doc_tokens(doc)[c.te].text == ","
            and nxt.ts == c.te + 1
        ):
            c.end, c.te, c.text = nxt.end, nxt.te, text[c.start : nxt.end]
            skip.add(k + 1)
        out.append(c)
    return out


STREET_HEADS = {
    "street",
    "avenue",
    "road",
    "boulevard",
    "drive",
    "lane",
    "highway",
    "way",
    "place",
    "parkway",
    "terrace",
    "st",
    "ave",
    "rd",
    "blvd",
    "square",  # "Washington Square" in New Orleans, "Manchester Square" in London
}
GEO_HEADS = {
    "river",
    "lake",
    "sea",
    "ocean",
    "bay",
    "gulf",
    "island",
    "islands",
    "mountain",
    "mountains",
    "mount",
    "hill",
    "hills",
    "valley",
    "delta",
    "coast",
    "desert",
    "peninsula",
    "canal",
    "creek",
    "forest",
    "strait",
    "channel",
    "falls",
    "reservoir",
    "harbour",
    "harbor",
    "beach",
    "plateau",
    "basin",
    "estate",
    "square",
    "quarter",
    "neighbourhood",
    "neighborhood",
    "township",
    "village",
    "county",
    "parish",
    "borough",
    "district",
    "province",
    "region",
    "state",
    "territory",
    "park",
    "reserve",
    "area",
}
PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "community",
    "suburb",
    "district",
    "province",
    "region",
    "county",
    "state",
    "island",
    "neighbourhood",
    "neighborhood",
    "area",
    "capital",
    "outskirts",
    "municipality",
    "hamlet",
    "parish",
    "borough",
    "settlement",
    "camp",
    "port",
    "enclave",
    "territory",
    "republic",
    "streets",
    "corner",
    "headquarters",
    "centre",
    "center",
    "heart",
    "north",
    "south",
    "east",
    "west",
}


def _spatial(doc: Doc, c: _Cand) -> bool:
    """Whether the text treats the name as a location: a locative preposition before it ("in
    Earlsheaton", "at the Rogers Centre"), "the town of X", or the opening dateline."""
    toks = doc_tokens(doc)
    if c.dateline:
        return True
    i = c.ts - 1
    while (
        i >= 0
        and (
            toks[i].lower_ in ("the", "a", "an", "'s", "’s")
            or toks[i].pos_ in ("ADJ", "NUM")
            or (toks[i].pos_ == "PROPN" and _is_cap(toks[i]))
        )
        and c.ts - i < 4
    ):
        i -= 1
    if i < 0:
        return False
    w = toks[i].lower_
    if w == "to" and toks[i].head.lemma_ in APPOINTING_VERBS:
        return False  # "naming Mike Lee to the Supreme Court": a seat, not a destination
    if w in SPATIAL_PREPS:
        return True
    return w == "of" and i > 0 and toks[i - 1].lower_ in PLACE_NOUNS


APPOINTING_VERBS = {"name", "nominate", "appoint", "elect", "promote", "reappoint", "confirm"}


SPATIAL_PREPS = {
    "in",
    "at",
    "near",
    "outside",
    "inside",
    "from",
    "to",
    "into",
    "toward",
    "towards",
    "across",
    "around",
    "within",
    "beside",
    "through",
    "between",
    "along",
    "throughout",
}


# "on the Mesa", "atop the Mesa": a place's surface ("the-name"); not in SPATIAL_PREPS, as "on" is
# mostly about a topic or a day
_SURFACE_PREPS = {"on", "atop", "above", "below", "over"}


def _keep_unresolved(doc: Doc, c: _Cand) -> bool:
    """A name the gazetteer lacks is kept as a place (street, building, landmark) when it looks
    like one: the model's FAC or LOC with a place head noun ("Royal Street", "Nile Delta", "Rogers
    Centre"), or any such entity in a spatial context ("a farm at Rathbeggan"). Model GPEs that
    no gazetteer knows are mostly names of people, firms and products ("Coincheck", "Yulia")."""
    toks = doc_tokens(doc)
    if not any(_is_cap(t) for t in toks[c.ts : c.te]):
        return False  # "veranda", "mosques"
    if c.te - c.ts == 1 and toks[c.ts].text.isupper() and not c.dateline:
        return False  # "ICON", "OT": acronyms and headline words
    if (
        "lower-head" not in _RULES_OFF
        and c.label == "GPE"
        and toks[c.te - 1].is_alpha
        and toks[c.te - 1].text.islower()
    ):
        return False  # "the northern Kazakh city of Aktogay": a description, not a place's name
    nxt = toks[c.te] if c.te < len(doc) else None
    if nxt is not None and (
        nxt.lower_ in ("'s", "’s") or (nxt.pos_ == "NOUN" and nxt.text.islower() and nxt.lower_ not in GEO_HEADS)
    ):
        if not (c.label in ("FAC", "LOC") and toks[c.te - 1].lower_ in FACILITY_HEADS | GEO_HEADS):
            return False  # "the Skripal affair", "Tchaikovsky's concerto": a modifier, not a location
    if c.label in ("FAC", "LOC") and any(
        t.lower_ in FACILITY_HEADS or t.lower_ in GEO_HEADS for t in toks[c.ts : c.te] if _is_cap(t)
    ):
        return True
    return _spatial(doc, c)


def _storm_name(tok) -> bool:
    """A single word that names a storm: "Hurricane Harvey", "Typhoon Haiyan", the names listed
    after "three hurricanes: Harvey, Irma and Maria", and names coordinated with those."""
    for _ in range(4):
        if any(c.dep_ == "compound" and c.lower_ in STORM_WORDS for c in children(tok)):
            return True  # "Hurricane Harvey"
        h = tok.head
        if h == tok:
            return False
        if tok.dep_ in ("appos", "compound") and h.lower_ in STORM_WORDS:
            return True  # "hurricanes: Harvey", "storm Ophelia"
        if tok.dep_ != "conj" or h.pos_ != "PROPN" or len(subtree(h)) > 12 + len(subtree(tok)):
            return False
        tok = h  # "Irma" and "Maria" after "Harvey"
    return False


def _institution(doc: Doc, c: _Cand) -> bool:
    """A seat of power or an industry named for what it does ("the White House said", "Kremlin
    spokesman", "Wall Street fell"), not where: an institution name outside a spatial context,
    or before a person noun ("White House aides")."""
    if norm(c.text) not in INSTITUTIONS:
        return False
    nxt = doc_tokens(doc)[c.te] if c.te < len(doc) else None
    if nxt is not None and nxt.lower_ in PERSON_NOUNS:
        return True
    return not _spatial(doc, c)


def _mark_datelines(doc: Doc, cands: list, text: str) -> None:
    """Flag the place (and its qualifier) of each dateline (``newsgraph.dateline``: "BEIRUT
    (AP) -", "CAMP MURRAY, Wash. -"): they weigh three mentions in the article's frame."""
    spans = []
    for d in datelines(text):
        spans.append(d.place)
        if d.qualifier:
            spans.append(d.qualifier)
    if not spans:
        return
    for c in cands:
        if any(a <= c.start and c.end <= b for a, b in spans):
            c.dateline = True


def _surname_of_person(doc: Doc, c: _Cand, full: set) -> bool:
    """A single word that the article also uses inside a person's full name ("Marco Rubio ... a
    Rubio sign", "Winston Churchill ... Winston") is that person, not a small town of the name: not
    a country, a first-level division or a city of 100,000, and not after a locative preposition
    ("flew to Jackson"); bare mentions spread by one sense per article have their own test."""
    return (
        c.te - c.ts == 1
        and c.source in ("ner", "gazetteer", "org", "embedded")
        and doc_tokens(doc)[c.ts].lower_ in full
        and bool(c.entries)
        and not _is_major(c.entries)
        and all(x.feature == "city" for x in c.entries)
        and not _spatial_before(doc, c.ts)
        and not (c.te < len(doc) and doc_tokens(doc)[c.te].lower_ in PLACE_NOUNS)  # "the Riverdale area"
    )


def _drop_dateline_parts(cands: list, text: str) -> list:
    """A place found inside a longer dateline name ("MURRAY" of "CAMP MURRAY, Wash. -") none of
    whose readings lies in the dateline's qualifying division is a word of that name, not the
    town elsewhere (Murray, Utah): dropped, so that the dateline's whole name is kept unresolved
    and placed in its division (``_dateline_places``). Round 21, switch ``dateline-part21``."""
    drop = set()
    for d in datelines(text):
        if not d.qualifier:
            continue
        a, b = d.place
        divs = [x for c in cands if (c.start, c.end) == d.qualifier for x in c.entries if x.feature == "admin"]
        if not divs:
            continue
        for c in cands:
            if (
                a <= c.start
                and c.end <= b
                and (c.start, c.end) != (a, b)
                and not any(x.country == v.country and x.admin1_code == v.admin1_code for x in c.entries for v in divs)
            ):
                drop.add(id(c))
    return [c for c in cands if id(c) not in drop] if drop else cands


def _dateline_places(doc: Doc, cands: list, text: str) -> list[_Cand]:
    """The place of a dateline that no other candidate covers, because the gazetteer lacks it
    ("CAMP MURRAY, Wash. -", "SOUTH WAZIRISTAN, April 5 (APP):"): a place all the same, kept
    unresolved and placed by its qualifier or the article's other places. Only a dateline with a
    qualifier, a date or an agency ("UPDATE:" alone is no dateline's place), and no person's
    name ("JOHN SMITH, Associated Press -")."""
    out = []
    for d in datelines(text):
        if not (d.qualifier or d.date or d.agency):
            continue
        a, b = d.place
        if any(c.start < b and a < c.end for c in cands):
            continue
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or any(t.ent_type_ == "PERSON" for t in span):
            continue
        c = _span_cand(doc, span.start, span.end, "dateline", "GPE", ())
        c.dateline = True
        out.append(c)
    return out


def _dominant_point(cands: list[_Cand]) -> Optional[Entry]:
    """The place the article is mostly about: its most mentioned city, else division, else country."""
    for feat in ("city", "admin", "country"):
        cnt = Counter(
            c.best.gid for c in cands if c.best is not None and c.best.feature == feat and c.source != "demonym"
        )
        if cnt:
            gid = cnt.most_common(1)[0][0]
            return next(c.best for c in cands if c.best is not None and c.best.gid == gid)
    return None


ANCHOR_WINDOW = 400  # characters back to look for the place an unknown name is near


def _party_state(doc: Doc, ts: int) -> bool:
    """A state in a party-state designation ("Sen. Mike Lee (R-Utah)"): the member's constituency,
    not where the next building stands."""
    toks = doc_tokens(doc)
    return ts > 1 and toks[ts - 1].text == "-" and toks[ts - 2].text in ("R", "D", "I")


class _Anchors:
    """Where to put a name the gazetteer lacks ("Royal Street", "Old Town Manassas"): a known
    place named inside it that the article also names, else the nearest city or division named
    just before it in the same paragraph, else the article's main place. Built once per article
    (the places resolved, the running end of the mentions), so each look-up is a binary search."""

    def __init__(self, doc: Doc, cands: list[_Cand], gaz, default: Optional[Entry], text: str):
        self.doc, self.gaz, self.default, self.text = doc, gaz, default, text
        self.resolved = {d.best.gid: d.best for d in cands if d.best is not None and d.source != "demonym"}
        self.cands = cands
        self.by_start = {d.ts: d for d in cands}
        self.max_end = []  # running maximum of the mentions' ends, in order of start
        self.last_ok = []  # index of the last city or division mention up to each index (-1: none)
        m, last = -1, -1
        for k, d in enumerate(cands):
            m = max(m, d.end)
            self.max_end.append(m)
            if (
                d.best is not None
                and d.source != "demonym"
                and d.best.feature in ("city", "admin")
                and not _party_state(doc, d.ts)
            ):
                last = k
            self.last_ok.append(last)
        cnt: Counter[str] = Counter()  # weights: 1 a mention, 0.5 a demonym or embedded name
        for d in cands:
            if d.best is not None and d.best.country:
                cnt[d.best.country] += 0.5 if d.source in ("demonym", "embedded") else 1.0  # type: ignore[assignment]
        top = cnt.most_common(1)
        self.main = top[0][0] if top and top[0][1] >= 3 and top[0][1] >= 0.6 * sum(cnt.values()) else None

    def _named_after(self, c: _Cand) -> Optional[Entry]:
        """The city or division named right after the name, after "in" or a comma ("the
        Crossroads Correctional Center in Shelby", "Bambino Gesu Hospital in Rome")."""
        doc = self.doc
        if c.te + 1 < len(doc) and doc_tokens(doc)[c.te].lower_ in ("in", ","):
            d = self.by_start.get(c.te + 1)
            if (
                d is not None
                and d.best is not None
                and d.source != "demonym"
                and d.best.feature in ("city", "admin")
                and not _party_state(doc, d.ts)
            ):
                return d.best
        return None

    def __call__(self, c: _Cand) -> tuple:
        doc = self.doc
        n = c.te - c.ts
        if "in-before-contains" not in _RULES_OFF:
            got = self._named_after(c)
            if got is not None:  # "the Flint Center in Cupertino": where the text says it is
                return got, "in"
        for size in range(n - 1, 0, -1):
            for s in range(c.ts, c.te - size + 1):
                if not _is_cap(doc_tokens(doc)[s]) or not _is_cap(doc_tokens(doc)[s + size - 1]):
                    continue
                for x in self.gaz.lookup(span_text(doc, s, s + size)):
                    if x.gid in self.resolved and x.feature in ("city", "admin"):
                        return self.resolved[x.gid], "contains"
        # a well-known place named inside it ("British Embassy Tokyo"), or a town of the country
        # the article is about ("Old Town Manassas"); a lake or river only by a city ("Lake
        # Manassas"; the Mississippi River is not the state)
        natural = doc_tokens(doc)[c.te - 1].lower_ in NAME_HEADS
        if doc_tokens(doc)[c.te - 1].lower_ in STREET_HEADS:
            n = 0  # "Hampton Avenue": a street is named after a place, not in it
        inside: list = []  # (is a city, words, entry): a city named inside beats a division
        for size in range(n - 1, 0, -1):
            for s in range(c.ts, c.te - size + 1):
                first, last = doc_tokens(doc)[s], doc_tokens(doc)[s + size - 1]
                if not _is_cap(first) or not _is_cap(last):
                    continue
                if size == 1 and (
                    first.text.isupper()
                    or first.lower_ in COMMON_CAPITALISED
                    or first.lower_ in DIRECTIONS
                    or first.lower_ in FIRST_NAMES
                    or first.lower_ in FACILITY_HEADS
                    or first.lower_ in GEO_HEADS
                ):
                    continue  # "KCOM", "Royal", "George" (St George's Chapel), "Street", "Delta"
                if s > 0 and doc_tokens(doc)[s - 1].lower_.rstrip(".") in ("st", "saint"):
                    continue
                if (
                    first.lower_.rstrip(".") in ("st", "saint")
                    and s + size < len(doc)
                    and doc_tokens(doc)[s + size].lower_
                    in (
                        "'s",
                        "\u2019s",
                    )
                ):
                    continue  # "St John's Hospital": a saint's name, not the town of St John
                found = self.gaz.lookup(span_text(doc, s, s + size))
                if any(x.feature == "country" for x in found):
                    continue  # "Embassy of the Republic of Armenia" is not in Armenia (nor in Armenia, Colombia)
                good = [
                    x
                    for x in found
                    if x.kind == NAME
                    and (x.feature == "city" if natural else x.feature in ("city", "admin"))
                    and (
                        _is_major([x])
                        or (x.country == self.main and x.feature in ("city", "admin") and x.population >= 15_000)
                    )
                ]
                inside += [(x.feature == "city", size, _base_score(x), x) for x in good]
        if inside:
            # "Seoul Central District Court": Seoul, not the Israeli Central District
            return max(inside, key=lambda t: t[:3])[3], "contains"
        got = self._named_after(c)
        if got is not None:
            return got, "in"
        # the mentions before the first one that ends after c starts; the last city or division
        # among them, when it is within the window and the paragraph
        j = bisect_right(self.max_end, c.start)
        k = self.last_ok[j - 1] if j > 0 else -1
        if k >= 0:
            d = self.cands[k]
            if c.start - d.end <= ANCHOR_WINDOW and "\n\n" not in self.text[d.end : c.start]:
                return d.best, "near"
        return self.default, "in-article"


def _same_name_mentions(doc: Doc, cands: list[_Cand], person_words: set, toks: list, ents: list) -> list[_Cand]:
    """Bare mentions of a name the article already reads as a place: one sense per article.
    "driving to Nelson" makes "Nelson residents" and "the Nelson office" the town too, though
    the model calls those persons; "in Riverdale" is the town although "Riverdale Luke Oil" is a
    person's name to the model. A mention is taken only whole (no capitalised word right before
    or after it: "Nelson Mandela", "Harare's Third Street" stays the entity's), never after a
    title, never a word the article uses in lower case or in a longer person's name unless a
    locative preposition precedes it ("in Riverdale"), and never an institution ("the White
    House said"). A name the gazetteer lacks spreads only as a street or a natural feature
    ("Royal Street"), not as a firm or a school the model called a place."""
    seeds: dict = {}  # first token text -> [(token texts, seed)]
    taken = [False] * len(doc)
    for c in cands:
        for k in range(c.ts, c.te):
            taken[k] = True
        if c.source in ("demonym", "embedded") or c.te <= c.ts or c.local:
            continue
        if (
            not c.entries
            and doc_tokens(doc)[c.te - 1].lower_ not in STREET_HEADS
            and doc_tokens(doc)[c.te - 1].lower_ not in GEO_HEADS
        ):
            continue  # a name the gazetteer lacks spreads only when it says it is a street or a river
        words = tuple(t.text for t in doc_tokens(doc)[c.ts : c.te])
        if not all(_is_cap(t) for t in doc_tokens(doc)[c.ts : c.te]) or doc_tokens(doc)[c.ts].text.isupper():
            continue
        if len(words) == 1 and not words[0][1:].islower():
            continue  # "PoP", "KwaZulu": an acronym or a name that spreads badly
        group = seeds.setdefault(words[0], [])
        if all(w != words for w, _ in group):
            group.append((words, c))
    if not seeds:
        return []
    full = _full_names(doc)
    lower_words = _lower_words(doc, toks)
    ent_of = {k: ent for ent in ents for k in range(ent.start, ent.end)}
    out: list[_Cand] = []
    dw = doc_words(doc)
    for i in _cap_indices(doc):  # (a seed's words are all capitalised)
        for words, seed in seeds.get(dw[i], ()):
            tok = toks[i]
            e = i + len(words)
            if e > len(toks) or any(taken[k] for k in range(i, e)):
                continue
            if tuple(t.text for t in toks[i:e]) != words:
                continue
            prev = toks[i - 1] if i > 0 else None
            nxt = toks[e] if e < len(toks) else None
            source = "same-name"
            if nxt is not None and (_is_cap(nxt) or nxt.text in ("-", "\u2013")):
                # a longer name: the place embedded in an organisation's name the model tags
                # ("the Suffolk County Times", "MLA for Nelson-Creston"); never a person's ("Nelson Mandela")
                ent = ent_of.get(i)
                if nxt.lower_ in STREET_HEADS:
                    continue  # "Marion Avenue Baptist Church": a street named after a place, not in it
                if not seed.entries or ent is None or ent.label_ not in ("ORG", "FAC") or ent.start > i or ent.end <= e:
                    continue
                source = "embedded"
            if prev is not None and not tok.is_sent_start:
                if prev.lower_.rstrip(".") in TITLE_ABBREVS or prev.lower_ in PERSON_TITLES:
                    continue
                if _is_cap(prev) and prev.lower_ not in STOP_WORDS:
                    continue  # a word of a longer name
                if prev.text in ("'s", "\u2019s") or prev.text in ("-", "\u2013"):
                    continue
            single = len(words) == 1
            spatial = _spatial_before(doc, i)
            low = tok.lower_
            if single and (low in COMMON_CAPITALISED or low in lower_words or low in STOP_WORDS):
                continue
            if single and (low in full or low in person_words) and not spatial:
                continue
            c = _Cand(
                tok.idx,
                doc_tokens(doc)[e - 1].idx + len(doc_tokens(doc)[e - 1]),
                i,
                e,
                span_text(doc, i, e),
                source,
                seed.label,
                seed.entries,
            )
            if _institution(doc, c) or (single and _storm_name(tok)):
                continue
            out.append(c)
            for k in range(i, e):
                taken[k] = True
    return out


def _initials(name: str) -> str:
    """ "SA" for "South Africa", "DRC" for "Democratic Republic of the Congo": the first letters
    of a name's capitalised words ("" for a name of one word)."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_INITIALS_RE = re.compile(r"(?:[A-Z]\.){2,4}|[A-Z]{2,4}")


def _initials_mentions(doc: Doc, cands: list[_Cand], gaz, toks: list) -> list[_Cand]:
    """Upper-case initials of a country or a first-level division the article names in full or
    by its demonym ("South Africans ... That SA holds unparalleled reserves"): the same place,
    whatever the model calls them. Only whole ("SA" not before or after another capitalised
    word), only initials of one such place of the article ("SA" is not read when the article
    names both South Africa and South Australia), and only a token no other mention holds."""
    by_initials: dict = {}
    taken = [False] * len(doc)
    for c in cands:
        for k in range(c.ts, c.te):
            taken[k] = True
        for x in c.entries:
            if x.feature == "country" or (x.feature == "admin" and x.admin1 == x.name):
                ini = _initials(x.name)
                if len(ini) >= 2:
                    by_initials.setdefault(ini, {})[x.gid] = x
    if not by_initials:
        return []
    out: list[_Cand] = []
    dw = doc_words(doc)
    for i in _cap_indices(doc):  # (initials are capitalised words)
        w = dw[i]
        if not 2 <= len(w) <= 8:
            continue  # (what _INITIALS_RE can match, told without the pattern)
        ini = w.replace(".", "") if _INITIALS_RE.fullmatch(w) else ""
        found = by_initials.get(ini)
        if not found or len(found) != 1 or taken[i]:
            continue
        tok = toks[i]
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if (prev is not None and _is_cap(prev) and not tok.is_sent_start and prev.lower_ not in STOP_WORDS) or (
            nxt is not None and _is_cap(nxt)
        ):
            continue  # "SA Police Service", "ANC SA": part of a longer name
        (x,) = found.values()
        entry = gaz.get(x.gid) or x
        out.append(_Cand(tok.idx, tok.idx + len(tok), i, i + 1, tok.text, "initials", "GPE", (entry,)))
    return out


def extract_places(doc: Doc, gaz, demonyms: bool = True, embedded: bool = True):
    """(places, mentions) for a Doc: ``record.Place`` list and the internal mention table."""
    if not len(doc):
        return [], []
    ents = list(doc.ents)
    toks = doc_tokens(doc)
    persons = _person_char_ranges(doc, ents)
    overrides = _person_overrides(doc, gaz, ents)
    by_person = _Spans((o.ts, o.te) for o in overrides)
    overrides += [c for c in _qualified_overrides(doc, gaz, toks) if not by_person.overlaps(c.ts, c.te)]
    if overrides:
        over_chars = _Spans((c.start, c.end) for c in overrides)
        persons = [r for r in persons if not over_chars.overlaps(r[0], r[1])]
    person_ends = _PersonEnds(persons)
    person_words: set = set()  # surnames met in a longer name ("Seergeoh Villanueva")
    over_toks = _Spans((o.ts, o.te) for o in overrides)
    cands = overrides + [
        c
        for c in _ner_candidates(doc, gaz, person_ends, demonyms, ents, person_words)
        if not over_toks.overlaps(c.ts, c.te)
    ]
    taken = [False] * len(doc)
    for c in cands:
        for k in range(c.ts, c.te):
            taken[k] = True
    cands = [c for c in cands if c.source != "blocked"]
    cands += _scan_candidates(doc, gaz, taken, person_ends, demonyms, embedded, ents, toks, person_words)
    if demonyms:
        cands += _name_demonyms(doc, gaz, taken, ents)
    if person_words:  # "Deen and Villanueva": a surname met in a full name earlier or later
        cands = [
            c
            for c in cands
            if not (
                c.te - c.ts == 1
                and doc_tokens(doc)[c.ts].lower_ in person_words
                and c.source in ("ner", "gazetteer", "org")
                and c.entries
                and not any(x.feature in ("country", "admin") for x in c.entries)
                and not _spatial_before(doc, c.ts)
            )
        ]
    cands.sort(key=lambda c: c.start)
    for c in cands:  # "W.Va" + ".": the abbreviation's own full stop belongs to the mention
        if (
            c.te < len(doc)
            and doc_tokens(doc)[c.te].text == "."
            and doc_tokens(doc)[c.te].idx == c.end
            and "." in c.text
            and any(x.kind == ABBREV for x in c.entries)
        ):
            c.te, c.end, c.text = c.te + 1, c.end + 1, c.text + "."
    cands = [c for c in cands if not (c.te - c.ts == 1 and _storm_name(doc_tokens(doc)[c.ts]))]
    text = doc_text(doc)  # (doc.text rebuilds the string on every call)
    _mark_datelines(doc, cands, text)
    if "dateline-part21" not in _RULES_OFF:  # "CAMP MURRAY, Wash. -" is no Murray, Utah
        cands = _drop_dateline_parts(cands, text)
    if "dateline-place" not in _RULES_OFF:
        cands = sorted(cands + _dateline_places(doc, cands, text), key=lambda c: c.start)
    cands = [c for c in cands if not _institution(doc, c)]
    cands = sorted(cands + _same_name_mentions(doc, cands, person_words, toks, ents), key=lambda c: c.start)
    cands = sorted(cands + _initials_mentions(doc, cands, gaz, toks), key=lambda c: c.start)
    if "kin-name" not in _RULES_OFF:  # "her daughters North and Chicago": persons, not places
        cands = [
            c
            for c in cands
            if c.source in ("demonym", "embedded", "qualified", "initials", "dateline")
            or not _kin_name(toks, c.ts, c.te)
        ]
    if "day-name" not in _RULES_OFF:  # "the Super Tuesday contests": a day's name, no place
        cands = [
            c
            for c in cands
            if c.entries or c.source != "ner" or not (c.te < len(doc) and doc_tokens(doc)[c.te].text in _WEEKDAYS)
        ]
    if "surname" not in _RULES_OFF:  # "holding a Rubio sign" in an article about Marco Rubio
        full = _full_names(doc)
        cands = [c for c in cands if not _surname_of_person(doc, c, full)]
    _resolve(doc, cands)
    if any(c.name_part for c in cands):  # "Party Unity": a major namesake let the word in, a town won
        cands = [
            c
            for c in cands
            if not (c.name_part and c.best is not None and c.best.feature == "city" and not _is_major([c.best]))
        ]
    if "the-name" not in _RULES_OFF:  # "meets on the Mesa" in a Santa Barbara story is no Mesa, Arizona
        for c in cands:
            if (
                c.best is not None
                and c.best.feature == "city"
                and c.source in ("ner", "org", "gazetteer")
                and not c.qualified
                and not c.dateline
                and c.te - c.ts == 1
                and definite_city(doc, c.ts, c.te, c.text, c.best.name)
            ):
                c.best = None
                c.reason = "a city's name after 'the' names no city (the-name)"
                if c.label == "ORG" and (_spatial_before(doc, c.ts) or toks[c.ts - 2].lower_ in _SURFACE_PREPS):
                    c.label = "LOC"  # "atop the Mesa": a neighbourhood or a landform, placed unresolved
    if "heading-town21" not in _RULES_OFF:  # "New Hope For Nafta Deal": a headline's capitals
        cands = [c for c in cands if not _heading_town(doc, c, text)]
    if "region-state" not in _RULES_OFF:  # "the state's Central Valley" in a California story
        regions_in_named_divisions(doc, cands, NAME_HEADS | GEO_HEADS, _entry_score)
    if "foreign-qualifier" not in _RULES_OFF:
        _foreign_qualifiers(doc, cands)
    cands = _drop_foreign_local_towns(cands)
    if "lone-town" not in _RULES_OFF:  # "Orange Drugs Ltd" in a Nigerian story is no Texan city
        cands = _lone_towns_abroad(cands)
    if "far-town21" not in _RULES_OFF:  # "in LaFayette" in a Walker County, Ga. story is no Lafayette, La.
        _far_lone_towns(cands)
    if "part-of-place" not in _RULES_OFF:  # "the Southern District of New York" is not in Israel
        cands = _drop_parts_abroad(doc, cands)
    cands = _merge_same_place_qualifiers(doc, cands, text)
    anchor = _dominant_point(cands)
    anchor_for = _Anchors(doc, cands, gaz, anchor, text)

    places: list[Place] = []
    by_key: dict = {}
    mentions = []
    org_use: dict = {}  # name key -> used as an organisation ("org-use")
    for c in cands:
        key: tuple[str, Any]
        if c.best is not None:
            key = ("g", c.best.gid)
        else:
            if c.label not in ("FAC", "LOC", "GPE") or c.unplaced:
                continue
            key = ("u", norm(c.text))
        p = by_key.get(key)
        if p is None:
            if c.best is not None:
                anchored: tuple = (None, "")
            elif c.within is not None:
                anchored = (c.within, "within")
            else:
                anchored = anchor_for(c)
                if (
                    "org-use" not in _RULES_OFF
                    and c.label in ("GPE", "LOC")
                    and c.source == "ner"
                    and not c.entries
                    and not c.dateline
                    and anchored[1] != "contains"
                ):
                    if key not in org_use:
                        org_use[key] = org_headed(doc, c.te) or (c.label == "GPE" and used_as_org(doc, c.ts, c.te))
                    if org_use[key]:
                        continue  # "Allergan's shareholders": a firm the model called a GPE, not a place
            p = _new_place(f"P{len(places) + 1}", c, anchored)
            by_key[key] = p
            places.append(p)
        p.mentions.append(Span(c.start, c.end, c.text))
        if c.best is not None and len(p.mentions) > 1:
            conf = _confidence(c)
            if conf > p.confidence:  # the surest mention speaks for the place
                p.confidence, p.reason = conf, c.reason
        if c.text != p.name and c.text not in p.aliases:
            p.aliases.append(c.text)
        mentions.append((c.start, c.end, p.id, c.source, c.ts))
    return places, mentions


QUALIFIER_TOWN = 100_000  # a qualifier read as a town abroad smaller than this is a division


def _foreign_qualifiers(doc: Doc, cands: list[_Cand]) -> None:
    """ "Calamba City, Laguna": a name right after a city and a comma qualifies it, so it lies in
    the city's country; when the gazetteer knows it there by no name (a division it lacks: the
    Philippine provinces) and its best reading is a town abroad (Laguna, California), it is left
    unresolved, to be placed at the city it qualifies, and so are its other mentions. Not in a list ("Paris, London and
    Berlin"): nothing capitalised before the city's comma pair, and no "," or "and" after it
    (round 18, switch ``foreign-qualifier``)."""
    toks = doc_tokens(doc)
    n = len(toks)
    for k in range(len(cands) - 1):
        c, q = cands[k], cands[k + 1]
        x, y = c.best, q.best
        if (
            x is None
            or y is None
            or x.feature != "city"
            or y.feature != "city"
            or not x.country
            or y.country == x.country
            or y.population >= QUALIFIER_TOWN
            or c.te >= n
            or toks[c.te].text != ","
            or q.ts != c.te + 1
            or q.source == "demonym"
            or any(e.country == x.country for e in q.entries)
        ):
            continue
        if k > 0 and cands[k - 1].te + 1 == c.ts and toks[c.ts - 1].text == ",":
            continue  # (a list: "Berlin, Paris, Lyon")
        if q.te < n and (
            toks[q.te].lower_ in ("and", "or")
            or (
                toks[q.te].text == ","
                and q.te + 1 < n
                and (toks[q.te + 1].lower_ in ("and", "or") or any(d.ts == q.te + 1 for d in cands[k + 2 : k + 3]))
            )
        ):
            continue
        key = norm(q.text)
        for d in cands:  # (and its other mentions: "in Laguna" later is the same division)
            if d.best is not None and d.best.gid == y.gid and norm(d.text) == key:
                d.best = None
                d.reason = f"a division of {x.name}'s country the gazetteer lacks"
                if d.label not in ("FAC", "LOC", "GPE"):
                    d.label = "GPE"


def _drop_parts_abroad(doc: Doc, cands: list[_Cand]) -> list[_Cand]:
    """A place named as a part of another ("the Southern District of New York", "the Eastern
    Province of X"): ``A of B`` with B a place resolved right after "of". A lies in B's country,
    so a reading of A in another country is a homonym of the wrong country; with no reading in
    B's country the mention is dropped (B stays). A country as A is left alone."""
    toks = doc_tokens(doc)
    by_start = {c.ts: c for c in cands if c.best is not None}
    out = []
    for c in cands:
        b = by_start.get(c.te + 1)
        if (
            c.best is not None
            and b is not None
            and c.te < len(toks)
            and toks[c.te].lower_ == "of"
            and c.best.feature != "country"
            and b.best is not None
            and b.best.country
            and c.best.country
            and c.best.country != b.best.country
        ):
            continue
        out.append(c)
    return out


# how often a mention found this way is a place at all (checked on GeoWebNews' tuning half)
DETECTION_PRIOR = {
    "qualified": 0.97,
    "ner": 0.95,
    "demonym": 0.9,
    "org": 0.85,
    "person-override": 0.8,
    "same-name": 0.8,
    "initials": 0.8,
    "embedded": 0.8,
    "gazetteer": 0.75,
}


def _confidence(c: _Cand, how: str = "") -> float:
    """0..1: that the mention is a place (by how it was found) times that the chosen entry is the
    right one (by the score margin over the best entry more than 161 km away)."""
    if c.best is None:
        det = 0.6 if how in ("contains", "in") else 0.5
        return round(det * (0.9 if c.label in ("FAC", "LOC") else 0.8), 2)
    det = DETECTION_PRIOR.get(c.source, 0.7)
    if c.source == "ner" and c.label == "FAC":
        det = 0.85
    if c.source == "gazetteer" and c.te - c.ts > 1:
        det = 0.85
    if c.dateline:
        det = max(det, 0.95)  # "KHARKIV (Reuters) -"
    res = 1.0 if c.margin >= 99 else 1.0 - 0.5 * math.exp(-max(c.margin, 0.0) / 1.5)
    return round(det * res, 2)


def _unresolved_rule(c: _Cand) -> str:
    if c.source in ("same-name", "dateline"):
        return c.source
    return "pattern:Name Head" if c.source == "head" else f"ner:{c.label}"


def _new_place(pid: str, c: _Cand, anchored: tuple) -> Place:
    anchor, how = anchored
    x = c.best
    if x is not None:
        rule = {
            "ner": f"ner:{c.label}",
            "gazetteer": "gazetteer",
            "demonym": "demonym",
            "embedded": "embedded",
            "org": "gazetteer:ner-org",
            "person-override": "gazetteer:ner-person",
            "qualified": "pattern:City, State",
            "same-name": "same-name",
            "initials": "initials",
        }[c.source]
        rule += f"; {len(c.entries)} candidate(s)"
        return Place(
            id=pid,
            name=x.name,
            geonameid=x.geonameid,
            lat=x.lat,
            lon=x.lon,
            country=x.country,
            admin1=x.admin1 if x.feature != "country" else None,
            feature=x.feature,
            population=x.population or None,
            rule=rule,
            confidence=_confidence(c),
            reason=c.reason,
        )
    if anchor is not None:
        where = {
            "contains": "a place named inside it",
            "near": "the place named just before it",
            "in": "the place named right after it",
            "in-article": "the article's main place",
            "within": "the division the article names",
        }.get(how, how)
        return Place(
            id=pid,
            name=c.text,
            geonameid=None,
            lat=anchor.lat,
            lon=anchor.lon,
            country=anchor.country,
            admin1=anchor.admin1 if anchor.feature != "country" else None,
            feature="other",
            population=None,
            rule=f"{_unresolved_rule(c)}; unresolved; located {how}:{anchor.name}",
            confidence=_confidence(c, how),
            reason=f"not in the gazetteer; placed at {where}, {anchor.name}",
        )
    return Place(
        id=pid,
        name=c.text,
        geonameid=None,
        lat=None,
        lon=None,
        country=None,
        admin1=None,
        feature="other",
        population=None,
        rule=f"{_unresolved_rule(c)}; unresolved",
        confidence=_confidence(c),
        reason="not in the gazetteer; no place in the article to put it near",
    )


# ----------------------------------------------------------------------------- public helpers


def _mentions(doc: Doc) -> list:
    return doc._.place_mentions or []


_LAST_INDEX: Optional[tuple] = None  # (doc id, its mention and place lists, starts, mentions, places by id)


def _mention_index(doc: Doc) -> tuple:
    """(starts, mentions, places by id) of a Doc's place mentions that can be an event's place
    (no demonyms, no names inside organisations), sorted by start: built once per Doc, so an
    article with thousands of events asks in log time (the events component asks per event)."""
    global _LAST_INDEX
    mentions, places = _mentions(doc), doc._.places or []
    last = _LAST_INDEX
    if last is not None and last[0] == id(doc) and last[1] is mentions and last[2] is places:
        return last[3:]
    ms = sorted((m for m in mentions if m[3] not in ("demonym", "embedded")), key=lambda m: m[0])
    idx = ([m[0] for m in ms], ms, {p.id: p for p in places})
    _LAST_INDEX = (id(doc), mentions, places) + idx
    return idx


_CLAUSE_POS = {"VERB", "AUX"}


def place_for_span(doc: Doc, start_char: int, end_char: int) -> Optional[str]:
    """The place id where the event in that clause happened, else None.

    A place in a prepositional phrase attached to the trigger's verb ("shelling in Kharkiv",
    "protested outside the embassy in Warsaw") wins; else the place the span itself names; else
    the one place of the sentence that stands in a locative phrase ("forces operating in Iraq"),
    or the innermost of such places that contain each other ("in Bam, Iran": Bam). A place that
    is a verb's subject or object is an actor, not a location ("Poland would send"); demonyms and
    places inside organisation names never count.
    """
    starts, mentions, by_id = _mention_index(doc)
    if not mentions:
        return None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = sent_of(doc, span.start)
    in_sent = mentions[bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)]
    if not in_sent:
        return None
    trigger = span.root
    verb = trigger
    hops = 0
    while verb.pos_ not in _CLAUSE_POS and verb.i != verb.head.i and hops < 4:
        verb = verb.head
        hops += 1
    targets = {trigger.i, verb.i}
    best, best_d = None, 99
    for m in in_sent:
        tok = doc_tokens(doc)[m[4]]
        # walk up from the place through a preposition to the trigger or its verb, within the clause
        d, node, via_prep, ok = 0, tok, False, False
        while node.head.i != node.i and d < 8:
            if node.dep_ == "pobj" or node.head.pos_ == "ADP":
                via_prep = True
            node = node.head
            d += 1
            if node.i in targets:
                ok = True
                break
            if node.pos_ in _CLAUSE_POS:
                break
        if ok and via_prep and d < best_d:
            best, best_d = m[2], d
    if best:
        return best
    own = [m for m in in_sent if start_char <= m[0] < end_char]
    if own:  # the span asked about is itself a place ("shelled the city of Kharkiv")
        return own[0][2]
    # else the sentence's places in a locative phrase ("forces operating in Iraq", "near the town of
    # Samarra"); a place that is a verb's subject or object is an actor ("Poland would send"); not
    # for an event in an adverbial or relative clause ("met in Ankara a day after Turkey agreed")
    if verb.dep_ in ("advcl", "pcomp", "relcl", "acl"):
        return None
    ids = {m[2] for m in in_sent if _locative(doc_tokens(doc)[m[4]])}
    if len(ids) == 1:
        return next(iter(ids))
    # "in Bam, Iran", "Kharkiv in eastern Ukraine": places that all contain one of them are that one
    ps = [by_id[i] for i in ids if i in by_id]
    if ps and len(ps) == len(ids):
        rank = {"country": 0, "admin": 1, "city": 2, "other": 3}
        inner = max(ps, key=lambda p: (rank.get(p.feature, 3), p.geonameid is not None))
        if all(
            p is inner
            or (
                p.country == inner.country
                and (p.feature == "country" or (p.feature == "admin" and p.name == inner.admin1))
            )
            for p in ps
        ):
            return inner.id
    return None


def _locative(tok) -> bool:
    """Whether a place token stands in a locative prepositional phrase, directly or through a
    noun ("in Iraq", "near the town of Samarra", "in the capital city of Algiers")."""
    node, hops = tok, 0
    while node.head.i != node.i and hops < 5:
        if node.pos_ in _CLAUSE_POS:
            return False
        if node.dep_ == "pobj" and node.head.lower_ in SPATIAL_PREPS:
            return True
        if node.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "agent", "attr"):
            return False
        node, hops = node.head, hops + 1
    return False


def countries_mentioned(doc: Doc) -> list[str]:
    """Alpha-3 codes of the countries the article mentions or implies (a city's country counts),
    most mentioned first."""
    cnt: Counter = Counter()
    first: dict = {}
    for p in doc._.places or []:
        if p.country:
            cnt[p.country] += len(p.mentions) or 1
            first.setdefault(p.country, p.mentions[0].start if p.mentions else 0)
    return sorted(cnt, key=lambda k: (-cnt[k], first[k]))
