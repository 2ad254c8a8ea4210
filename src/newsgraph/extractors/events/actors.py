"""Actors and recipients of an event: which mention, and its country and sector.

``_code_actor`` codes a head token's noun phrase (the text first: country names, demonyms, role
nouns; then the PETRARCH2 actor table via ``newsgraph.actors``; then pronouns, earlier mentions,
places and the entities component). ``_recipient`` finds the target token of a trigger;
``_context_country`` and ``_recipient_country`` fill countries the phrase leaves open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ... import actors as actor_codes
from ...countries import country_info
from ...countries import normalise as countries_normalise
from ...record import Span
from .. import speakers
from ..doc_cache import children, doc_tokens, doc_words, sent_of, subtree, subtree_ids
from ..entities import entity_for_span  # the components that run before this one
from ..places import countries_mentioned
from .ontology import CIVIL_SECTORS, DOMESTIC_TYPES, STATEMENT_TYPES
from .precision import full_names, name_not_demonym, person_surnames, surname_not_table_place
from .precision17 import owner_judged17
from .precision19 import homonym_tail19, reason_for19
from .relevance import Relevance, relevance
from .syntax import NON_ACTOR_ENTS, _actor_like, _first_conj_end, _np_bounds, _obj
from .tables import (
    AID_OBJECTS,
    DESTINATION_PREPS,
    FORCE_WORDS,
    FRAME_TYPES,
    INANIMATE_HEADS,
    INSTITUTIONS,
    MONITOR_WORDS,
    NEGATING_FRAMES,
    NGO_HEADS,
    NOUNS,
    PERSON_NOUNS,
    PLACE_PREPS,
    POLITY_NOUNS,
    QUANTITY_HEADS,
    ROLE_SECTORS,
    RULES_OFF,
    SPEECH_VERBS,
    TROOP_OBJECTS,
    VERBAL_ACTOR_NOUNS,
    W,
)


@dataclass(frozen=True)
class CodedActor:
    """An actor or recipient as coded: the entity id, country, sector, the character span of its
    phrase, the rule (how it was coded, for ``Event.rule``), ``tags``, the kinds of evidence
    behind it: ``text`` (its own phrase or the actor table), ``entity`` (the entities component),
    ``speaker`` (a quote's speaker), ``pronoun`` (a pronoun's antecedent), ``nonstate`` (a
    non-state actor of the table), and ``mention``: the character span, in the event's sentence,
    of the words that name it (the phrase, or the pronoun standing for it; None when only the
    context gives its country)."""

    entity: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    start: int
    end: int
    rule: str
    tags: frozenset = field(default=frozenset())
    mention: Optional[tuple[int, int]] = None
    head_ent: str = ""  # the spaCy entity label of the phrase's head ("GPE", "PERSON", ...)
    animate: bool = True  # False when the head cannot act ("the decision", "the videos": words.tsv inanimate_heads)

    def named(self, with_pronouns: bool = False) -> bool:
        """Whether the text names it (not only a country guessed from context)."""
        keys = {"text", "entity", "speaker"} | ({"pronoun"} if with_pronouns else set())
        return bool(self.tags & keys)

    def via(
        self,
        prefix: str,
        tag: Optional[str] = None,
        mention: Optional[tuple[int, int]] = None,
        sent: Optional[SpacySpan] = None,
    ) -> CodedActor:
        """The same actor reached another way ("speaker:", "pronoun:"): named in ``sent`` by its
        own mention when that lies in the sentence, else by ``mention`` (the pronoun)."""
        own = (
            self.mention
            if self.mention and sent is not None and sent.start_char <= self.mention[0] < sent.end_char
            else None
        )
        return replace(
            self, rule=prefix + self.rule, tags=self.tags | ({tag} if tag else set()), mention=own or mention
        )

    def plus(self, note: str, country: Optional[str] = None) -> CodedActor:
        """With a rule note appended and, when given, the country it filled."""
        return replace(self, rule=f"{self.rule}+{note}", country=country if country is not None else self.country)


def _rule_tags(rule: str) -> frozenset:
    """Tags from ``newsgraph.actors``' coding: a non-empty rule means the text or the table coded it."""
    tags = set()
    if rule:
        tags.add("text")
    if "table:nonstate" in rule:
        tags.add("nonstate")
    return frozenset(tags)


_NEWLINE_RE = re.compile("\n")


class _Ctx:
    """Per-document memory: names already coded, the last person/organisation seen, speakers."""

    confidence_model: Optional[dict] = None  # the events component's model (None: the shipped one)

    def __init__(self, doc: Doc):
        self.doc = doc
        self.published = getattr(doc._, "published", None)
        self.text = speakers.doc_text(doc)  # Doc.text joins every token: read it once per Doc
        self.names: dict[str, actor_codes.ActorCode] = {}
        self.last_person: Optional[CodedActor] = None
        self.last_group: Optional[CodedActor] = None
        self.last_speaker: Optional[CodedActor] = None
        self.quotes = list(getattr(doc._, "quotes", None) or [])
        # who each quotation's speaker mention names, as the quote component read it over the
        # article (speakers.py): (start, end, entity id)
        self.entities = {e.id: e for e in getattr(doc._, "entities", None) or []}
        self.speaker_spans = [
            (q.speaker_mention.start, q.speaker_mention.end, q.speaker)
            for q in self.quotes
            if q.speaker and q.speaker_mention is not None
        ]
        self.newlines = [m.start() for m in _NEWLINE_RE.finditer(self.text)]
        self.resolving = False  # coding the name a mention was resolved to (no second resolution)
        self.main_country: Optional[str] = None
        self.contexts: dict[int, list[str]] = {}
        self.place_country: dict[int, str] = {}  # character offset -> country of the place there
        for p in getattr(doc._, "places", None) or []:
            if getattr(p, "country", None):
                for m in p.mentions:
                    for i in range(m.start, m.end):
                        self.place_country[i] = p.country
        self.countries = set(self.place_country.values())  # every country the article's places are in
        # how many place mentions each country has (the country an article is mostly about)
        self.place_mentions: dict[str, int] = {}
        for p in getattr(doc._, "places", None) or []:
            if getattr(p, "country", None):
                self.place_mentions[p.country] = self.place_mentions.get(p.country, 0) + len(p.mentions)
        # places the article qualifies somewhere as "City, State" ("Paris, Texas"): offsets -> country
        self.qualified_country: dict[int, str] = {}
        text = self.text
        for p in getattr(doc._, "places", None) or []:
            if getattr(p, "country", None) and any(
                text[m.end : m.end + 2] == ", " and self.place_country.get(m.end + 2) for m in p.mentions
            ):
                for m in p.mentions:
                    for i in range(m.start, m.end):
                        self.qualified_country[i] = p.country
        self.relevance = relevance(doc_words(doc))  # how political the article is
        self.sent_relevance: dict[int, Relevance] = {}
        # features of each event's confidence, by (trigger start, type), for learning the model
        self.features: dict[tuple[int, str], list[str]] = doc.user_data.setdefault("newsgraph_event_features", {})

    def sentence_relevance(self, sent: SpacySpan) -> Relevance:
        r = self.sent_relevance.get(sent.start)
        if r is None:
            r = self.sent_relevance[sent.start] = relevance(doc_words(self.doc)[sent.start : sent.end])
        return r

    def one_country(self, country: Optional[str]) -> bool:
        """Whether the article names no country but ``country``: only then is an act with no
        target named taken as domestic (in an article about several countries it is a guess)."""
        return self.countries <= {country}

    def home_country(self, country: Optional[str]) -> bool:
        """Whether the article is mostly about ``country``: it names no other, or at least
        HOME_SHARE of its place mentions are in it (a state election story that mentions Mexico
        once is still about the USA)."""
        if self.one_country(country):
            return True
        n = sum(self.place_mentions.values())
        return bool(country) and n > 0 and self.place_mentions.get(country or "", 0) >= HOME_SHARE * n


# an article is about a country when at least this share of its place mentions are in it (round 8:
# 0.5 also coded "Russia would retaliate ... to countries" as RUS -> RUS in a story set in Britain)
HOME_SHARE = 2 / 3


def _is_capital(word: str, country: Optional[str]) -> bool:
    if not country:
        return False
    info = country_info(country)
    return bool(info and (info.get("capital") or "").lower() == word.lower())


def _code_actor(ctx: _Ctx, head: Optional[Token], speaker: Optional[CodedActor] = None) -> Optional[CodedActor]:
    """The coded actor whose head token is ``head`` (None when it cannot be coded)."""
    if head is None:
        return None
    doc = ctx.doc
    toks = doc_tokens(doc)  # (made once per Doc: no new Token object per read)
    low = head.lower_
    if head.pos_ == "PRON" or (low in actor_codes.PRONOUNS and not head.text.isupper()):  # "US" is no pronoun
        # "Hungary has said it will support": the pronoun is the one who speaks
        pron = (head.idx, head.idx + len(head))
        # an object pronoun inside what someone said is someone the speaker speaks of ("The chief
        # said officers arrested him"): never the speaker (round 6)
        obj_pron = head.dep_ in ("dobj", "pobj", "dative", "iobj", "oprd")
        said_by: Optional[Token] = None
        v = head.head
        for _ in range(4):
            if v.dep_ in ("ccomp", "xcomp", "conj", "acomp") and v.head != v:
                v = v.head
                if v.lemma_.lower() in SPEECH_VERBS or v.lemma_.lower() in FRAME_TYPES:
                    s = next((c for c in v.children if c.dep_ == "nsubj"), None)
                    if s is None and v.dep_ == "conj" and "shared-subject21" not in RULES_OFF:
                        # "The agency said it ... but noted it had opened an inquiry": a second
                        # verb with no subject of its own shares the first's; read on up (round 21)
                        continue
                    if obj_pron:
                        if v.lemma_.lower() not in SPEECH_VERBS:
                            continue  # "told police he threatened to stab them": the frame's clause is still told
                        said_by = s
                        break
                    if s is not None and s.pos_ != "PRON" and s is not head and _pronoun_agrees(low, s):
                        coded = _code_actor(ctx, s)
                        if coded:
                            return coded.via("reported-speaker:", "speaker", pron, head.sent)
                    break
            else:
                break
        if said_by is not None:
            return _spoken_of(ctx, head, said_by, pron)
        if low in ("we", "i", "us", "our", "my") and speaker:
            return speaker.via("speaker:", "speaker", pron, head.sent)
        if low in ("he", "she"):
            named = _resolved(ctx, head, None)
            if named is not None:
                return named  # the speaker the quote component read, or the previous sentence's subject
        if low in ("he", "she", "him", "her") and ctx.last_person:
            return ctx.last_person.via("pronoun:", "pronoun", pron)
        if low in ("it", "they", "them") and ctx.last_group:
            return ctx.last_group.via("pronoun:", "pronoun", pron)
        return None
    if low in ("who", "which", "that") and head.head != head:
        return None
    if head.lemma_.lower() in QUANTITY_HEADS or head.pos_ == "NUM":
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            head = pobj
    lo, hi = _np_bounds(head)
    hi = max(_first_conj_end(head, lo, hi), head.i + 1)
    # "Our forces": the speaker's country with the head noun's sector
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("our", "my")), None)
    # hyphenated names are one word ("al-Qaeda" is tokenised al / - / Qaeda)
    words: list[str] = []
    in_name_l: list[int] = []
    head_k = 0
    clause = _clause_ids(toks, head, lo, hi) if "clause-words20" not in RULES_OFF else set()
    for t in toks[lo:hi]:
        if t.i in clause:
            continue  # "Ted Cruz, who has blasted Trump's statements on Israel, and ...": not his country
        glue = words and (t.text == "-" or toks[t.i - 1].text == "-") and not toks[t.i - 1].whitespace_ and t.i > lo
        if glue:
            words[-1] += t.text
        else:
            words.append(t.text)
            if t.ent_type_ == "PERSON" and t.ent_iob_ == "I":
                in_name_l.append(len(words) - 1)
        if t.i == head.i:
            head_k = len(words) - 1
    code = actor_codes.code_words(words, ctx.published, head_k, tuple(in_name_l))
    if head.pos_ == "PROPN" and "table:" in code.rule and _namesake(ctx, head, words):
        # "Christie's endorsement" in an article about Chris Christie is not Perry Christie (BHS),
        # whom the table's surname index finds for the bare word: not his country (round 13). The
        # table's sector stays as the evidence that a public figure is named (the confidence reads
        # it; the country is what the event is coded with)
        code = actor_codes.ActorCode(
            None if "table:country" in code.rule else code.country,
            code.sector,
            "+".join(r for r in code.rule.split("+") if r != "table:country") + "+namesake",
        )
    if (
        len(words) == 1
        and head.pos_ == "PROPN"
        and "table:country" in code.rule
        and surname_not_table_place(words[0], code.country, full_names(ctx.doc), ctx.published)
    ):
        # "Lazio" after "Rick Lazio": the person, not the table's region or namesake (round 14)
        code = actor_codes.ActorCode(None, code.sector, code.rule.replace("table:country", "surname-not-table"))
    if "text:country" in code.rule and _demonym_in_name(ctx, words):
        # "Cuban said" after "Mark Cuban", "Americans for Prosperity": a name, no country (round 14)
        code = actor_codes.ActorCode(None, code.sector, code.rule.replace("text:country", "name-not-demonym"))
    rule = code.rule
    tags = set(_rule_tags(code.rule))
    if poss is not None and speaker and not code.country:
        code.country = speaker.country
        rule += "+speaker-country"
        tags.add("speaker")
    # a place name the table reads as a homonym abroad: where the article qualifies the place
    # as "City, State" ("Paris, Texas"), that place's country decides ("Paris police")
    if "table:country" in code.rule:
        for t in toks[lo:hi]:
            c = ctx.qualified_country.get(t.idx)
            if c and c != code.country:
                code.country = c
                rule += "+place-country(homonym)"
                break
    # a bare surname met earlier in full ("Kowal" after "Jan Kowal")
    if head.pos_ == "PROPN" and (not code.country or not code.sector) and low in ctx.names:
        prev = ctx.names[low]
        code.country = code.country or prev.country
        code.sector = code.sector or prev.sector
        rule += "+earlier-mention"
    # a place the places component resolved ("shelled Juba" -> SDN)
    if (
        not code.country
        and head.ent_type_ in ("GPE", "LOC", "FAC")
        and not any(t.lower_ == "ethnic" for t in toks[lo:hi])
    ):
        c = ctx.place_country.get(head.idx)
        if c:
            code.country = c
            rule += "+place-country"
    # a capital city as actor speaks for the government ("Damascus", "Moscow said")
    if (
        code.country
        and not code.sector
        and hi - lo == 1
        and head.ent_type_ == "GPE"
        and (_is_capital(head.text, code.country) or head.lower_ in ("kremlin",))
    ):
        code.sector = "GOV"
        rule += "+capital"
    ent_id = ent = None
    start, end = toks[lo].idx, toks[hi - 1].idx + len(toks[hi - 1])
    if entity_for_span is not None:
        try:
            ent = entity_for_span(doc, head.idx, head.idx + len(head))
        except Exception:  # pragma: no cover - the other component misbehaving must not stop us
            ent = None
        if ent is not None:
            ent_id = ent.id
            if (
                not code.country
                and getattr(ent, "country", None)
                and not any(t.lower_ == "ethnic" for t in toks[lo:hi])
            ):
                code.country = ent.country
                rule += "+entity-country"
                tags.add("entity")
            if not code.sector:
                for r in getattr(ent, "roles", []) or []:
                    sec = actor_codes.ROLE_NOUNS.get(str(r).lower().split()[-1]) if r else None
                    if sec:
                        code.sector = sec
                        rule += "+entity-role"
                        tags.add("entity")
                        break
            if code.sector and not getattr(ent, "sector", None):
                try:
                    ent.sector = code.sector
                except Exception:  # pragma: no cover
                    pass
    if not code.sector:  # political roles the general list leaves out ("nominee", "senator")
        for r in [t.lower_ for t in toks[lo:hi]] + [
            w.lower() for x in (getattr(ent, "roles", None) or []) for w in str(x).split()
        ]:
            if r in ROLE_SECTORS:
                code.sector = ROLE_SECTORS[r]
                rule += "+role-word"
                tags.add("text")
                break
    # remember names for later bare mentions (not those of a clause inside the phrase, round 20:
    # "Trump" in "Cruz, who has blasted Trump's statements" does not take Cruz's codes)
    for t in toks[lo:hi]:
        if t.pos_ == "PROPN" and (code.country or code.sector) and t.i not in clause:
            ctx.names.setdefault(t.lower_, actor_codes.ActorCode(code.country, code.sector))
    animate = not (head.pos_ == "NOUN" and (head.lemma_.lower() in INANIMATE_HEADS or head.lower_ in INANIMATE_HEADS))
    out = CodedActor(
        ent_id,
        code.country,
        code.sector,
        start,
        end,
        rule or "none",
        frozenset(tags),
        (start, end),
        head.ent_type_,
        animate,
    )
    if head.ent_type_ == "PERSON" or (
        head.pos_ == "PROPN"
        and code.sector in ("GOV", "DIP", "MIL", "OPP")
        and head.ent_type_ not in ("GPE", "ORG", "NORP")
    ):
        ctx.last_person = out
    elif (
        head.pos_ == "NOUN"
        and head.tag_ == "NN"
        and head.lemma_.lower() in PERSON_NOUNS
        and "described-person21" not in RULES_OFF
    ):
        # "pushed the young man to the ground. Officers then arrested him": the man described,
        # not the spokesman named before, is the "him" that follows (round 21)
        ctx.last_person = out
    elif code.country or code.sector:
        ctx.last_group = out
    if head.pos_ == "NOUN" or ent_id is None or not _named_entity(ctx.entities.get(ent_id)):
        out = _resolved(ctx, head, out) or out
    return out


def _demonym_in_name(ctx: _Ctx, words: list[str]) -> bool:
    """Whether a phrase's country comes only from a demonym inside a name (precision.name_not_demonym;
    the persons' surnames read once per article)."""
    return name_not_demonym(words, person_surnames(ctx.doc))


def _clause_ids(toks, head: Token, lo: int, hi: int) -> set:
    """Token indexes of the relative and participial clauses inside an actor phrase's bounds
    ("who has blasted Trump's statements on Israel"): they tell what the actor did, not who it is."""
    out: set = set()
    for t in toks[lo:hi]:
        if t.dep_ in ("relcl", "acl") and t.head.i != t.i and lo <= t.head.i < hi:
            out.update(x.i for x in t.subtree)
    return out


def _namesake(ctx: _Ctx, head: Token, words: list[str]) -> bool:
    """A bare surname the table's surname index reads as another person: the entities component
    gives the mention a fuller name whose first name is not the table person's ("Christie" for
    Chris Christie, not Perry Christie)."""
    names = [w for w in (actor_codes._norm(x) for x in words) if w and w not in actor_codes.NAME_TITLES]
    if len(names) != 1 or actor_codes.actor_table().get(names[0]):
        return False
    full = actor_codes.surname_index().get(names[0])
    if full is None or entity_for_span is None:
        return False
    try:
        ent = entity_for_span(ctx.doc, head.idx, head.idx + len(head))
    except Exception:  # pragma: no cover - the other component misbehaving must not stop us
        return False
    if ent is None or getattr(ent, "type", "") != "PERSON":
        return False
    fn = _fullest_name(ctx.doc, ent)
    if fn is None:
        return False
    given = [actor_codes._norm(w) for w in fn[0].text.split()]
    return len(given) >= 2 and given[-1] == names[0] and actor_codes._other_first_name(full, given[:-1])


def _spoken_of(ctx: _Ctx, head: Token, said_by: Token, pron: tuple[int, int]) -> Optional[CodedActor]:
    """An object pronoun in a clause reported by ``said_by``: the named person or group the
    entities component reads it as, unless that is the speaker; else None (left empty rather
    than guessed: the last person coded is often the speaker)."""
    spk_ent = None
    try:
        spk_ent = entity_for_span(ctx.doc, said_by.idx, said_by.idx + len(said_by))
        own = entity_for_span(ctx.doc, head.idx, head.idx + len(head))
    except Exception:  # pragma: no cover - the other component misbehaving must not stop us
        own = None
    spk_id = getattr(spk_ent, "id", None)
    if own is not None and getattr(own, "id", None) != spk_id and _named_entity(own):
        names = [m for m in own.mentions if m.text.lower() not in speakers.PRONOUN_WORDS and m.text[:1].isupper()]
        if names:
            m = max(names, key=lambda x: (len(x.text), -x.start))
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            coded = _code_name(ctx, span.root) if span is not None else None
            if coded is not None:
                return replace(coded.via("pronoun:", "pronoun", pron), entity=own.id, mention=pron)
    return None  # (the last person or group coded is a guess, often the speaker: left empty)


def _code_name(ctx: _Ctx, tok: Token) -> Optional[CodedActor]:
    """``_code_actor`` of the name a mention was resolved to, with no second resolution and no
    change to the memory of the last person and group coded (the text's order keeps that)."""
    saved = (ctx.last_person, ctx.last_group, ctx.resolving)
    ctx.resolving = True
    try:
        return _code_actor(ctx, tok)
    finally:
        ctx.last_person, ctx.last_group, ctx.resolving = saved


def _named_person(ctx: _Ctx, coded: Optional[CodedActor]) -> bool:
    """Whether ``coded`` is a person the text names: its head is a PERSON name, or the entities
    component reads its mention as a named person ("Trump", which spaCy may tag ORG)."""
    if coded is None:
        return False
    if coded.head_ent == "PERSON":
        return True
    ent = ctx.entities.get(coded.entity) if coded.entity else None
    return ent is not None and getattr(ent, "type", "") == "PERSON" and speakers.named(ent)


def _named_entity(ent) -> bool:
    return ent is not None and getattr(ent, "type", "") in ("PERSON", "ORG", "GPE") and speakers.named(ent)


def _resolved(ctx: _Ctx, head: Token, coded: Optional[CodedActor]) -> Optional[CodedActor]:
    """The actor a speaker, a description, a title or a pronoun stands for, read as the quote
    component reads speakers (``extractors/speakers.py``: one mechanism): the entity of the quote
    whose speaker mention holds ``head``, else, for a description or title ("the Senator", "the
    company"), ``speakers.stands_for``, for "he"/"she" ``speakers.antecedent``. The actor keeps
    its mention in the sentence (the words that name it there) and takes the named entity's id,
    and the country and sector its name codes where its own words gave none. None when nothing
    resolves it to a named entity other than ``coded``'s."""
    if ctx.resolving:
        return None
    doc = ctx.doc
    toks = doc_tokens(doc)  # (made once per Doc: no new Token object per read)
    ent, how = None, ""
    for a, b, eid in ctx.speaker_spans:
        if a <= head.idx < b:
            sp = doc.char_span(a, b, alignment_mode="expand")
            if sp is not None and sp.root.i == head.i:  # (the mention's head: not "supporters" of the speaker)
                ent, how = ctx.entities.get(eid), "quote-speaker"
            break
    if ent is None and head.pos_ in ("NOUN", "PROPN"):
        lo, hi = _np_bounds(head)
        sm = Span(toks[lo].idx, head.idx + len(head), ctx.text[toks[lo].idx : head.idx + len(head)])
        try:
            ent, how = speakers.stands_for(doc, head, sm, ctx.newlines), "description"
        except Exception:  # pragma: no cover - the other component misbehaving must not stop us
            ent = None
    if ent is None and head.pos_ == "PRON":
        ent, how = speakers.antecedent(doc, head), "antecedent"
    if ent is None or not _named_entity(ent) or coded is not None and coded.entity == ent.id:
        return None
    # code the entity's fullest name where the article gives it
    full = _fullest_name(doc, ent)
    if full is None or full[1] is None:
        return None
    named = _code_name(ctx, full[1].root)
    mention = (head.idx, head.idx + len(head)) if coded is None else coded.mention
    if coded is None:  # a pronoun
        if named is None:
            return None
        return replace(
            named,
            entity=ent.id,
            rule=f"pronoun:{how}:{named.rule}",
            tags=named.tags | {"pronoun"},
            mention=mention,
        )
    country = coded.country or (named.country if named else None) or getattr(ent, "country", None)
    sector = coded.sector or (named.sector if named else None) or getattr(ent, "sector", None)
    return replace(coded, entity=ent.id, country=country, sector=sector, rule=f"{coded.rule}+{how}")


def _fullest_name(doc: Doc, ent) -> Optional[tuple]:
    """(the mention, its span in the Doc or None) of the entity's longest capitalised name, the
    first of equals; None when every mention is a pronoun or lower case."""
    names = [m for m in ent.mentions if m.text.lower() not in speakers.PRONOUN_WORDS and m.text[:1].isupper()]
    if not names:
        return None
    m = max(names, key=lambda x: (len(x.text), -x.start))
    return m, doc.char_span(m.start, m.end, alignment_mode="expand")


def _owner_told_before(ctx: _Ctx, sent: SpacySpan, actor: Optional[CodedActor]) -> Optional[CodedActor]:
    """Whose act "the plan" is when its phrase names no owner ("Novak said her government would
    cut taxes. Her rival, Petr Dvorak, called the plan reckless"): the speaker of the nearest
    quotation in the two sentences before, when that is a named person or organisation other
    than the actor. None otherwise (no guess)."""
    doc = ctx.doc
    toks = doc_tokens(doc)  # (made once per Doc: no new Token object per read)
    lo = sent.start
    for _ in range(2):
        if lo == 0:
            break
        lo = sent_of(doc, lo - 1).start
    start = toks[lo].idx
    best = None
    for q in ctx.quotes:
        sm = q.speaker_mention
        if not q.speaker or sm is None or not (start <= sm.start < sent.start_char):
            continue
        if actor is not None and actor.entity == q.speaker:
            continue
        if best is None or sm.start > best.speaker_mention.start:
            best = q
    if best is None:
        return None
    ent = ctx.entities.get(best.speaker)
    if ent is None or not _named_entity(ent):
        return None
    full = _fullest_name(doc, ent)
    if full is None:
        return None
    m, span = full
    named = _code_name(ctx, span.root) if span is not None else None
    country = (named.country if named else None) or getattr(ent, "country", None)
    sector = (named.sector if named else None) or getattr(ent, "sector", None)
    if actor is not None and actor.entity is None and named is not None and named.start == actor.start:
        return None
    return CodedActor(
        ent.id, country, sector, m.start, m.end, "owner-told-before", frozenset({"speaker"}), None, head_ent=ent.type
    )


def _speaker_for(ctx: _Ctx, sent: SpacySpan, regions) -> Optional[CodedActor]:
    """Who speaks the quoted words in this sentence: the subject of its speech verb outside the
    quotation marks, else the last speaker seen."""
    inside: set[int] = set()
    for a, b, _ in regions:
        inside.update(range(a, b + 1))
    for t in sent:
        if t.i in inside or t.lemma_.lower() not in SPEECH_VERBS:
            continue
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.i not in inside:
            coded = _code_actor(ctx, subj)
            if coded:
                ctx.last_speaker = coded
                return coded
    return ctx.last_speaker


PERSON_TARGET_TYPES = {"COERCE", "ASSAULT", "ACCUSE", "REQUEST", "SUPPORT", "REJECT", "THREATEN", "RETREAT"}


def _recipient(tok: Token, kind_type: str) -> Optional[Token]:
    """The target of an event trigger."""
    if tok.dep_ == "nsubjpass" or any(c.dep_ == "nsubjpass" for c in tok.children):
        sp = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if sp is not None:
            return sp
    obj = _obj(tok)
    # "withdraw its troops", "recalled their ambassador": the actor's own people are no recipient
    own = obj is not None and (
        any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in obj.children)
        # (but a person acted on is the recipient whoever's they are: "questioned his father",
        # "attacked her opponent")
        and not (kind_type in PERSON_TARGET_TYPES and (_person_like(obj) or obj.lemma_.lower() in VERBAL_ACTOR_NOUNS))
        or kind_type == "MOBILIZE"
        and obj.lemma_.lower()
        in (TROOP_OBJECTS | {"troop", "warship", "ship", "tank", "jet", "reservist", "reservists"})
    )  # "massed troops on the border": the troops moved are the actor's
    # "urges conservatives to unite behind him": who is urged is the recipient, whatever they are
    # called (not a party named in what they are urged to do; round 13)
    if (
        kind_type == "REQUEST"
        and obj is not None
        and obj.pos_ in ("NOUN", "PROPN")
        and obj.lemma_.lower() not in NOUNS
        and any(
            c.dep_ in ("xcomp", "ccomp")
            and c.i > obj.i
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children
        )
    ):
        return obj
    # "which French President Hollande blamed for the attacks": the relative pronoun stands for its
    # antecedent, read as the object by the caller (round 13)
    if (
        obj is not None
        and obj.lower_ in ("which", "who", "whom")
        and tok.dep_ == "relcl"
        and tok.head.pos_ in ("NOUN", "PROPN")
    ):
        return obj
    if (
        obj is not None
        and not own
        and kind_type
        in (
            "ACCUSE",
            "ASSAULT",
            "COERCE",
            "SUPPORT",
            "CONSULT",
            "REQUEST",
            "SANCTION",
            "THREATEN",
            "PROTEST",
            "REJECT",
            "AID",
            "AGREE",
            "COOPERATE",
            "RETREAT",
            "CONCEDE",
            "MOBILIZE",
        )
    ):
        # objects that are actors; an event noun object is not a recipient
        if (
            obj.lemma_.lower() not in NOUNS
            and obj.lemma_.lower() not in AID_OBJECTS
            # "began a bombing campaign": an event noun's phrase is the act, no recipient (round 13)
            and not any(c.dep_ == "compound" and c.lemma_.lower() in NOUNS for c in obj.children)
            and (
                obj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")
                or obj.lemma_.lower() in actor_codes.ROLE_NOUNS
                or obj.pos_ == "PROPN"
                or any(
                    t.ent_type_ in ("GPE", "NORP", "ORG") and not owner_judged17(t, obj, kind_type)
                    for t in obj.doc[_np_bounds(obj)[0] : obj.i]
                )
                or kind_type in PERSON_TARGET_TYPES
                and (_person_like(obj) or obj.lemma_.lower() in VERBAL_ACTOR_NOUNS)
            )
        ):  # "charged him", "sentenced the man", "attacked her opponent"
            return obj
    # "Turkey has shelled a city in northeastern Syria": what is attacked is the target, whatever
    # it is (guidelines 5.2: a place attacked is a recipient; round 13)
    if (
        kind_type == "ASSAULT"
        and obj is not None
        and not own
        and obj.pos_ in ("NOUN", "PROPN")
        and obj.lemma_.lower() not in NOUNS
        and obj.ent_type_ not in NON_ACTOR_ENTS
        and not any(c.like_num for c in obj.children)
        # (not the act's own noun: "began a bombing campaign", "launched an offensive")
        and not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in NOUNS for c in obj.children)
        and tok.lemma_.lower() not in W.light_verbs
        and tok.lemma_.lower() not in ("begin", "start", "continue", "resume", "intensify", "escalate", "step")
    ):
        return obj
    preps = ("with", "against", "to", "on", "at", "from", "outside", "for", "into", "of")
    for c in tok.children:
        # (a particle with an object of its own is a preposition the parser misread: "called on police")
        if c.dep_ in ("prep", "dative", "prt") and c.lower_ in preps:
            for g in c.children:
                if (
                    g.dep_ == "pobj"
                    and g.ent_type_ not in NON_ACTOR_ENTS
                    and (
                        g.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
                        or g.pos_ == "PROPN"
                        or g.lemma_.lower() in actor_codes.ROLE_NOUNS
                        # "called on the UN organizations": a body named by its modifier
                        or g.pos_ == "NOUN"
                        and any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in g.doc[_np_bounds(g)[0] : g.i])
                    )
                ):
                    if c.lower_ == "for" and kind_type not in ("AID",):
                        continue
                    return g
        if c.dep_ == "dative":
            return c
    # "condemned Israel's raids on Lebanon", "rejected the U.S. proposal": a statement about an act
    # is aimed at whoever did it, not at the act's own target
    if (
        obj is not None
        and kind_type in ("ACCUSE", "SUPPORT", "REJECT")
        and obj.lemma_.lower() not in ("people", "government", "leader", "leaders")
    ):
        for c in obj.children:
            if (
                c.dep_ in ("poss", "amod", "compound", "nmod")
                and c.i < obj.i
                and c.lower_ not in ("its", "their", "his", "her", "our")
                and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"))
            ):
                return c
    # a statement about an act told in a phrase or a clause is aimed at whoever did it (round 13):
    # "expressing dismay at Mr. Trump's rough treatment", "complained that Mr. Trump's comments
    # were obscuring", "denounced the stance taken by the GOP's nominee"
    if kind_type in ("ACCUSE", "SUPPORT", "REJECT"):
        owner = _owner_of_judged(tok, obj)
        if owner is not None:
            return owner
    # the object's own phrase: "the attack on the convoy", "its border crossing with Syria";
    # (round 13) for a rejection, an accusation or an acceptance, who it came from: "rejected
    # criticism from Republican presidential candidate Donald Trump", "accepted an offer from Iran"
    obj_preps: tuple[str, ...] = ("on", "against", "with", "to", "for", "of", "between")
    if kind_type in ("REJECT", "ACCUSE", "AGREE"):
        obj_preps += ("from",)
    if obj is not None:
        for c in obj.children:
            if c.dep_ == "prep" and c.lower_ in obj_preps:
                for g in c.children:
                    if (
                        g.dep_ == "pobj"
                        and g.ent_type_ not in NON_ACTOR_ENTS
                        and (
                            g.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
                            or g.pos_ == "PROPN"
                            or g.lemma_.lower() in actor_codes.ROLE_NOUNS
                            # "imposed an embargo on a fellow US ally": the target of a measure
                            # or an attack the object names (round 13)
                            or c.lower_ in ("on", "against")
                            and obj.lemma_.lower() in NOUNS
                            and kind_type in ("SANCTION", "ASSAULT", "COERCE")
                            and g.pos_ == "NOUN"
                        )
                    ):
                        return g
    # "found former President Park guilty", "found him guilty": the subject of a small clause
    # with no verb of its own is who the act is done to (the parser reads it as a clause)
    for c in tok.children:
        if c.dep_ in ("ccomp", "oprd", "xcomp") and c.pos_ == "ADJ" and not any(g.pos_ == "AUX" for g in c.children):
            sj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            if sj is not None and (sj.lower_ in ("him", "her", "them") or _actor_like(sj) or _person_like(sj)):
                return sj
    # "demanded that the US cancel ...": the subject of the demanded/alleged clause
    # (not of a denial: "Sorokin denied that Russian troops had targeted ..." is about his own
    # side's act, aimed at whoever alleged it: words.tsv negating_frames)
    if kind_type in ("REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE") and (
        tok.lemma_.lower() not in NEGATING_FRAMES
    ):
        for c in tok.children:
            # ("called for the minister to resign": a clause the parser opens with "for"; round 13)
            if (
                c.dep_ == "ccomp"
                or c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
            ):
                sj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
                if sj is not None and sj.pos_ != "PRON" and (_actor_like(sj) or sj.lemma_.lower() in ROLE_SECTORS):
                    return sj  # (round 13: a role word such as "candidates" too)
    # "rejected an Indian proposal", "support Turkey's efforts": whose thing the object is (a
    # date is nobody's: "praised Thursday's protests", "rare Friday sessions")
    if obj is not None:
        for c in obj.children:
            if (
                c.dep_ in ("poss", "amod", "compound")
                and c.i < obj.i
                and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN")
                and c.ent_type_ not in NON_ACTOR_ENTS
            ):
                return c
    return None


def _owned_by(n: Token) -> Optional[Token]:
    """The named owner of a noun: "Mr. Trump's comments" -> Trump, "the stance taken by the
    GOP's nominee" -> nominee (not "its", "his": a pronoun owner is left alone)."""
    for c in n.children:
        if (
            c.dep_ == "poss"
            and c.i < n.i
            and c.pos_ != "PRON"
            and (c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN" or _actor_like(c))
            and c.ent_type_ not in NON_ACTOR_ENTS
        ):
            return c
    for c in n.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            ag = next((g for g in c.children if g.dep_ == "agent"), None)
            by = next((g for g in ag.children if g.dep_ == "pobj"), None) if ag is not None else None
            if by is not None and (_actor_like(by) or by.lemma_.lower() in ROLE_SECTORS):
                return by
    return None


def _owner_of_judged(tok: Token, obj: Optional[Token]) -> Optional[Token]:
    """Whose act a statement judges when no actor is its object: the owner of the noun after "at",
    "about", "over" or "against" (on the verb or its object), of the subject of its "that" clause, or
    of its object when a participle names the doer."""
    nouns: list[Token] = []
    for h in (tok, obj):
        if h is None:
            continue
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "about", "over", "against"):
                nouns += [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
    for c in tok.children:
        if c.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            nouns += [g for g in c.children if g.dep_ == "nsubj" and g.pos_ == "NOUN"]
    if obj is not None and obj.pos_ == "NOUN":
        nouns.append(obj)
    for n in nouns:
        if _actor_like(n) or n.lemma_.lower() in actor_codes.ROLE_NOUNS:
            continue  # an actor itself is read by the other rules
        o = _owned_by(n)
        if o is not None:
            return o
    return None


def _second_party(subj: Token) -> Optional[Token]:
    """The second of coordinated actors: 'Israel and Lebanon', 'Israeli and Palestinian leaders',
    'the leaders of Ghana and Togo'."""
    conj = next((c for c in subj.children if c.dep_ == "conj" and _actor_like(c)), None)
    if conj is not None:
        return conj
    for m in subj.children:
        if (
            m.dep_ in ("amod", "compound", "nmod")
            and m.i < subj.i
            and (m.ent_type_ in ("NORP", "GPE") or _countries_in([m]))
        ):
            conj = next(
                (c for c in m.children if c.dep_ == "conj" and (c.ent_type_ in ("NORP", "GPE") or _countries_in([c]))),
                None,
            )
            if conj is not None:
                return conj
        if m.dep_ == "prep" and m.lower_ in ("of", "from", "between"):
            g = next((x for x in m.children if x.dep_ == "pobj"), None)
            if g is not None and g.ent_type_ in ("NORP", "GPE", "ORG"):
                conj = next((c for c in g.children if c.dep_ == "conj" and _actor_like(c)), None)
                if conj is not None:
                    return conj
    return None


def _recipient_country(
    ctx: _Ctx,
    tok: Token,
    subj: Optional[Token],
    actor: CodedActor,
    type_: str,
    named_target: bool = False,
    any_target: bool = False,
    named_person: bool = False,
    target: Optional[Token] = None,
) -> tuple[Optional[str], str]:
    """Recipient country when the recipient's own phrase names none (``named_target``: the text
    names a recipient, e.g. "the opposition", without its country). A person the text names
    (``named_person``) takes no country from another phrase of the clause or the sentence ("Trump
    has faced criticism for his overtures to Russian President Putin" is no Russian); a country
    named only as a thing's modifier ("the Iraq war") is no statement's recipient, and one named
    as a place or a thing's modifier (``_not_a_party``) not the sentence's (round 12), unless it
    lies in the phrase of the recipient (``target``) itself. (A place in the clause stays: "agreed
    to extend the mandate of the force in Lebanon" is aimed at Lebanon, the PLOVER records say.)"""
    ex = set(range(actor.start, actor.end))  # character offsets of the actor phrase
    skip = set(subtree_ids(subj)) if subj is not None else set()
    reason: set[int] = set()  # "criticized Brown for his support of action in Iraq": the reason, no target
    if type_ in ("ACCUSE", "SUPPORT", "REJECT") or reason_for19(
        type_
    ):  # (not "called for a ceasefire in Ukraine", "aid for Ukraine"; round 19: a protest)
        for ch in children(tok):
            if ch.dep_ == "prep" and ch.lower_ == "for":
                reason.update(subtree_ids(ch))
    own = set(subtree_ids(target)) - (set(subtree_ids(tok)) - {target.i}) if target is not None else set()
    toks = [t for t in subtree(tok) if t.i not in skip and t.i not in reason and t.idx not in ex]
    if type_ in STATEMENT_TYPES:
        toks = [t for t in toks if t.i in own or not _not_a_party(t, frozenset())]
    if named_person:  # a named person: not the country of another party's phrase, nor of a thing's place
        toks = [
            t
            for t in toks
            if t.i in own or not (_other_party_word(t, own) or _not_a_party(t, PLACE_PREPS, on_verbs=False))
        ]
    c = _countries_in(toks)
    if c is None:
        c = next((ctx.place_country[t.idx] for t in toks if t.idx in ctx.place_country), None)
    if c and c != actor.country:
        return c, "clause-country"
    if (
        actor.country
        and actor.country not in actor_codes.IGO_CODES
        and (named_target or (type_ in DOMESTIC_TYPES and ctx.one_country(actor.country)))
    ):
        return actor.country, "domestic"
    # another country the sentence names, outside the actor's phrase and the reporting clause
    # ("Iraq agreed to the plan, the official Kuwaiti news agency said" names no target)
    sent = sent_of(tok.doc, tok.i)
    rep: set[int] = set()
    v = tok
    for _ in range(5):
        if v.head.i == v.i:
            break
        if v.head.lemma_.lower() in SPEECH_VERBS:
            for c0 in children(v.head):
                if c0.dep_ in ("nsubj", "nsubjpass"):
                    rep.update(subtree_ids(c0))
        v = v.head
    for t in children(sent.root):
        if t.dep_ in ("nsubj",) and sent.root.lemma_.lower() in SPEECH_VERBS and t.i not in skip:
            rep.update(subtree_ids(t))
    toks = [
        t
        for t in doc_tokens(tok.doc)[sent.start : sent.end]
        if t.i not in skip and t.idx not in ex and t.i not in rep and (t.i in own or not _not_a_party(t))
    ]
    if named_person:
        toks = [t for t in toks if t.i in own or not _other_party_word(t, own)]
    c = _countries_in(toks)
    if c and c != actor.country:
        return c, "sentence-country"
    if (
        actor.country
        and actor.country not in actor_codes.IGO_CODES
        and not any_target
        and type_ not in ("AGREE", "SUPPORT", "AID", "COOPERATE")
        and ctx.home_country(actor.country)
    ):  # a promise or help to nobody named: no guess
        return actor.country, "domestic"  # no target named and no other country: a domestic act
    return None, ""


@lru_cache(maxsize=65536)
def _phrase_country(g: str) -> Optional[str]:
    """The country or IGO a phrase of one to three words names, or None (read once per phrase)."""
    return "USA" if g in ("US", "U.S.", "U.S") else actor_codes._country_or_igo(countries_normalise(g))


def _countries_in(tokens) -> Optional[str]:
    toks = [t for t in tokens if t.is_alpha or t.text in ("U.S.", "U.N.", "U.K.")]
    for i, t in enumerate(toks):
        if (
            not (t.text[:1].isupper())
            or i > 0
            and toks[i - 1].lower_ == "ethnic"
            or (t.ent_type_ == "PERSON" and t.ent_iob_ == "I")
            or _after_first_name(t)
            or homonym_tail19(t)  # "Jersey" of "New Jersey" (round 19)
        ):
            continue
        if i + 1 < len(toks) and toks[i + 1].lower_ in actor_codes.FEATURE_NOUNS and toks[i + 1].text[:1].isupper():
            continue  # "the Indian Ocean", "the Arabian Sea" name no country
        for n in (3, 2, 1):
            words = [x.text for x in toks[i : i + n]]
            if len(words) < n:
                continue
            c = _phrase_country(" ".join(words))
            if c and n == 1 and t.dep_ != "amod" and t.text in person_surnames(t.doc):
                continue  # "Cuban said" after "Mark Cuban": the person, no demonym (round 14)
            if c:
                return c
    return None


def _after_first_name(t: Token) -> bool:
    """ "Mark Cuban": a demonym right after a person's first name is the surname (round 14; the
    parser may tag the name "Mark" alone and "Cuban" as a nationality)."""
    if t.i == 0 or not t.text[:1].isupper():
        return False
    p = t.doc[t.i - 1]
    return p.ent_type_ == "PERSON" and p.pos_ == "PROPN" and not p.whitespace_ == "" and p.ent_iob_ == "B"


_NP_DEPS = ("compound", "amod", "nmod", "poss", "conj", "appos", "flat", "cc")


def _party_noun(h: Token) -> bool:
    """Whether a noun phrase's head names people, a body or a polity ("officials", "the
    government", "Americans", "President Putin"), not a thing ("war", "language", "right")."""
    low = h.lemma_.lower()
    return (
        h.pos_ in ("PROPN", "PRON")
        or h.tag_ in ("NNS", "NNPS")  # a plural names people more often than things ("rulers", "factions")
        or h.ent_type_ in ("NORP", "PERSON", "ORG", "GPE")
        or low in PERSON_NOUNS
        or low in actor_codes.ROLE_NOUNS
        or h.lower_ in actor_codes.ROLE_NOUNS
        or low in FORCE_WORDS
        or low in POLITY_NOUNS
    )


def _other_party_word(t: Token, own: set[int]) -> bool:
    """Whether a country word ``t`` describes another party than the one whose tokens are ``own``
    ("Russian" in "overtures to Russian President Putin", said of Trump): the head of its noun
    phrase names people or a body and lies outside ``own``."""
    h = t
    for _ in range(6):
        if h.dep_ in _NP_DEPS and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            h = h.head
        else:
            break
    return h.i != t.i and h.i not in own and _party_noun(h)


def _not_a_party(t: Token, preps: frozenset = PLACE_PREPS | DESTINATION_PREPS, on_verbs: bool = True) -> bool:
    """Whether a country word ``t`` names no party of the sentence: it modifies a thing ("a
    Spanish-language ad", "the Iraq war", "Americans' right") or stands in a phrase of place or
    destination (``preps``: "the war in Iraq", "headed to Pakistan"). Such a country is where or
    what, not whose: it gives no country to another actor or recipient (round 12)."""
    h = t
    for _ in range(6):  # the head of the noun phrase the word is part of
        if h.dep_ in _NP_DEPS and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN", "ADJ"):
            h = h.head
        else:
            break
    if h.i != t.i and h.pos_ == "NOUN" and not _party_noun(h):
        return True
    for _ in range(4):  # through the noun phrases a place phrase holds ("near Macedonia's border with Bulgaria")
        if not (h.dep_ == "pobj" and h.head.dep_ in ("prep", "dative")):
            return False
        if h.head.lower_ in preps:  # (``on_verbs=False``: only a place inside a noun's phrase, "the war in Iraq")
            return on_verbs or h.head.head.pos_ in ("NOUN", "PROPN")
        h = h.head.head
        if h.pos_ not in ("NOUN", "PROPN"):
            return False
        for _ in range(6):
            if h.dep_ in _NP_DEPS and h.head.i != h.i and h.head.pos_ in ("NOUN", "PROPN", "ADJ"):
                h = h.head
            else:
                break
    return False


def _without(tokens, excluded: set[int]):
    return [t for t in tokens if t.i not in excluded]


def _excluded_under(
    tok: Token,
    preps=("to", "against", "with", "outside", "on", "from", "into", "toward", "towards", "over", "for"),
    depth: int = 0,
) -> set[int]:
    out: set[int] = set()
    for c in children(tok):
        if c.dep_ in ("xcomp", "ccomp") and depth < 3:
            # "threatened to deliver blows to the United States": the complement's targets too
            out.update(_excluded_under(c, preps, depth + 1))
            sj = next((g for g in children(c) if g.dep_ in ("nsubj", "nsubjpass")), None)
            if sj is not None:
                out.update(subtree_ids(sj))
        elif c.dep_ in ("prep", "dative") and c.lower_ in preps or c.dep_ in ("dobj", "obj", "attr"):
            out.update(subtree_ids(c))
        elif c.dep_ == "prep" and c.lower_ in ("at", "near"):
            g = next((x for x in children(c) if x.dep_ == "pobj"), None)
            if g is not None and g.lemma_.lower() in INSTITUTIONS:
                out.update(subtree_ids(c))
    return out


def _context_country(
    ctx: _Ctx,
    sent: SpacySpan,
    head: Token,
    trigger: Optional[Token] = None,
    broad: bool = True,
    other: Optional[Token] = None,
    phrase: bool = True,
    named: bool = False,
) -> tuple[Optional[str], str]:
    """Country for an actor the text names without one: from its whole phrase (relative clauses,
    "based in Trinidad", but not "envoy to NATO"), else the first country the sentence mentions
    outside the trigger's object and target phrases, else the article's main country (places
    component). ``broad=False`` stops after the phrase. A country the sentence names in a phrase
    of place or as a thing's modifier (``_not_a_party``) is no actor's; a person the text names
    (``named``) takes none from the sentence (round 12: "Sanders ... supporting the war in Iraq"
    is no Iraqi): its own words, its name's table entry or the article's country."""
    ex: set[int] = set()
    if phrase:  # "militias loyal to Jakarta", "rebels backed by Rwanda": whose side they are on
        for t in subtree(head):
            if (
                t.lemma_.lower() in ("loyal", "allied", "backed", "sponsored", "armed", "aligned", "funded")
                and t.i > head.i
            ):
                for c0 in children(t):
                    if c0.dep_ in ("prep", "agent") and c0.lower_ in ("to", "with", "by"):
                        g = next((x for x in children(c0) if x.dep_ == "pobj"), None)
                        c = _countries_in(subtree(c0)) or (
                            actor_codes.code_words([x.text for x in subtree(g)], ctx.published).country
                            if g is not None
                            else None
                        )
                        if c:
                            return c, "phrase-country"
    for t in subtree(head):
        if t.dep_ in ("prep", "dative") and t.lower_ in ("to", "against", "with", "toward", "towards"):
            ex.update(subtree_ids(t))
    if trigger is not None:  # "a camp that has drawn criticism from U.S. President Trump": the
        for ch in children(head):  # clause of the act itself says nothing about the head's country
            if ch.dep_ in ("relcl", "acl") and ch.left_edge.i <= trigger.i <= ch.right_edge.i:
                ex.update(subtree_ids(ch))
    c = _countries_in(_without(subtree(head), ex)) if phrase else None
    if c:
        return c, "phrase-country"
    if not broad:
        return None, ""
    ex = _excluded_under(trigger) if trigger is not None else set()
    if other is not None:  # the recipient's phrase says nothing about the actor's country
        ex.update(subtree_ids(other))
    # in reported speech the reporter's country says nothing about the actor's
    # ("the Ukrainian ministry said troops try to take the bridge")
    v = trigger
    for _ in range(4):
        if v is None or v.head == v:
            break
        if v.dep_ in ("ccomp", "advcl", "conj", "xcomp") and v.head.lemma_.lower() in SPEECH_VERBS:
            for c0 in children(v.head):
                if c0.dep_ in ("nsubj", "nsubjpass"):
                    ex.update(subtree_ids(c0))
            break
        v = v.head
    c = None if named else _countries_in([t for t in _without(sent, ex) if not _not_a_party(t)])
    if c:
        return c, "sentence-country"
    # the article's most mentioned country (places component), computed once per document
    if ctx.main_country is None:
        ctx.main_country = ""
        if countries_mentioned is not None:
            try:
                cm = countries_mentioned(ctx.doc)
            except Exception:  # pragma: no cover - the other component misbehaving must not stop us
                cm = None
            if cm and isinstance(cm[0], str):
                ctx.main_country = cm[0]
    return ctx.main_country or None, "article-country"


def _civil_actor(actor: Optional[CodedActor], subj: Optional[Token]) -> bool:
    """Civilians, protesters, workers: not a state, its forces or an armed group."""
    if actor is not None and actor.sector:
        return actor.sector in CIVIL_SECTORS
    if subj is None:
        return actor is None
    if subj.ent_type_ in ("GPE", "ORG", "PERSON") or subj.pos_ == "PRON" or subj.lemma_.lower() in POLITY_NOUNS:
        return False  # "A US state has revoked the licence": a polity, not civilians
    return subj.pos_ in ("NOUN", "PROPN")


def _ngo_like(subj: Token) -> bool:
    """A named organisation whose name says it is a civil-society body, not a state's."""
    lo, hi = _np_bounds(subj)
    words = [t for t in subj.doc[lo:hi] if t.pos_ == "PROPN"]
    return bool(words) and (
        subj.lower_ in NGO_HEADS
        and subj.pos_ == "PROPN"
        or any(t.lower_ in NGO_HEADS for t in words if t.i >= subj.i - 1)
    )


def _is_monitor(spk: Token, published: Optional[str]) -> bool:
    """A rights group, an IGO or its investigators: whose reports of abuses are accusations."""
    words = [t.text for t in spk.subtree]
    if any(w.lower() in MONITOR_WORDS for w in words):
        return True
    code = actor_codes.code_words(words, published)
    return bool(
        code.country
        and code.country in actor_codes.IGO_CODES
        or "nonstate" in _rule_tags(code.rule)
        and code.sector in (None, "NGO", "HRI")
    )


def _person_like(t: Token) -> bool:
    """A personal pronoun or a noun for people ("him", "the unemployed man", "five individuals")."""
    if t.pos_ == "PRON":
        return t.lower_ in ("him", "her", "them", "he", "she", "they", "us", "me")
    return t.pos_ in ("NOUN", "PROPN") and (t.ent_type_ in ("PERSON", "NORP") or t.lemma_.lower() in PERSON_NOUNS)


def _pronoun_agrees(pron: str, s: Token) -> bool:
    """Whether a pronoun can stand for the speaker ``s``: "Police say he refused" is not the
    police; "Hungary said it will" is Hungary, "the minister said she will" the minister."""
    if pron in ("he", "she", "him", "her", "his"):
        return s.ent_type_ == "PERSON" or (
            s.tag_ not in ("NNS", "NNPS")
            and s.ent_type_ not in ("ORG", "GPE", "NORP")
            and s.lower_ not in ("police", "government", "ministry", "army", "military")
        )
    if pron in ("it", "its"):
        return s.ent_type_ != "PERSON"
    return True
