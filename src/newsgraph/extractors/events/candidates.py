"""Candidates: the tokens of a sentence that may trigger an event, and what they would code.

``sentence_candidates`` reads a sentence once: every token ``_candidate`` accepts (verbs through
``classification``, frame adjectives, event nouns as subjects), then the sentence patterns
("that is not for X to decide", a monitor's report of abuses, "X said Y is a crime", "X is out of
the question") and words of judgement ("Trump is a disgusting fraud": ``evaluative``), then frames absorb what they govern ("agreed to withdraw" is one AGREE) and set
the type of intentions and orders. A sentence no verb codes may fall back to its highest event
noun (``noun_fallback``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Optional

from spacy.tokens import Token

from ... import actors as actor_codes
from ..doc_cache import doc_attr, doc_lemma_lower
from .actors import _is_monitor
from .classification import _classify_verb, _threat_mode
from .ontology import COOPERATIVE, MATERIAL_CONFLICT
from .precision15 import under_fire_in_words
from .precision17 import conj_frame17
from .recall import extra_candidates
from .rules21 import need21
from .syntax import _actor_like, _by_agent, _depth, _frame_of, _obj, _subject
from .tables import (
    ADDRESSEE_NOUNS,
    CRITICISM_RECEIVERS,
    EVALUATIVE,
    EVALUATIVE_VERBS,
    FRAME_TYPES,
    INTENT_FRAMES,
    JUDGED_ACTS,
    MONITOR_VERBS,
    NEG_CALL_ADJS,
    NEGATING_FRAMES,
    NO_COMMENT_ACTS,
    NOUNS,
    PERSON_NOUNS,
    READY_ADJS,
    RULES_OFF,
    SPEECH_ACT_CUES,
    SPEECH_ACTS,
    SPEECH_VERBS,
    WILLING_ACTS,
    W,
)


@dataclass
class Candidate:
    """A token that may trigger an event and what it codes.

    ``source`` says where the reading comes from: ``lexicon`` (the tables and parse rules of
    ``classification``), ``petrarch`` / ``petrarch-verb`` (a PETRARCH2 pattern / a PETRARCH2 verb's
    default code), ``frame`` (a frame verb or adjective: "failed to", "ready to"), ``noun`` (an
    event noun as subject), ``noun-fallback`` (the highest event noun of a sentence no verb
    coded), ``pattern`` (a sentence pattern) or ``evaluative`` (a word of judgement said of someone,
    ``evaluative``). A pattern may fix the actor and the recipient
    tokens (``forced``); "not for X to decide" fixes only the recipient (``recipient_only``);
    ``must`` marks a demand ("X must"), never hypothetical or future.
    """

    tok: Token
    type: Optional[str]
    mode: Optional[str]
    rule: str
    source: str = "lexicon"
    actor: Optional[Token] = None
    recipient: Optional[Token] = None
    forced: bool = False
    recipient_only: bool = False
    must: bool = False

    @property
    def i(self) -> int:
        return self.tok.i

    def but(self, **changes) -> Candidate:
        return replace(self, **changes)


def _speaker(cue: Token) -> Optional[Token]:
    """Who says what ``cue`` reports: its subject, or for a participle or a coordinated verb
    with none ("chimed in on Twitter, saying that ..."), the subject of the verb it hangs on."""
    spk = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if spk is None and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head.pos_ in ("VERB", "AUX"):
        spk = next((c for c in cue.head.children if c.dep_ == "nsubj"), None)
    return spk


# subjects of a reported clause that are the speaker's own side or no actor
_NOT_TARGETS = frozenset(("i", "we", "me", "us", "it", "this", "that", "there", "you", "which", "what", "who"))
_DOUBT_AUX = frozenset(("could", "might", "may", "would", "can"))


def speech_act(tok: Token) -> Optional[Candidate]:
    """ "X said Y lied" / "X said Y needs to ...": the reported clause headed by ``tok`` makes the
    saying an act (``speech_acts.tsv``). ACCUSE is triggered by the cue verb, REQUEST by the verb
    of necessity (as "X said Y must ..."); the speaker acts on the clause's subject."""
    if tok.dep_ != "ccomp":  # (before ``tok.head``: a new Token object for every token)
        return None
    cue = tok.head
    if cue.lemma_.lower() not in SPEECH_ACT_CUES:
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _DOUBT_AUX) for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (
        subj is None
        or subj.pos_ == "PRON"
        or subj.lower_ in _NOT_TARGETS
        or not (_actor_like(subj) or subj.lemma_.lower() in ADDRESSEE_NOUNS)
    ):
        return None
    lem = tok.lemma_.lower()
    hit = None
    if ("verb", lem) in SPEECH_ACTS:
        hit = ("verb", lem)
    elif need21(tok):  # "Trump has to clean this up", "has got to resign" (round 21: rules21.py)
        hit = ("need", "need")
    elif lem in ("need", "have", "ought") and ("need", lem) in SPEECH_ACTS:
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if x is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children):
            hit = ("need", lem)
    else:
        obj = _obj(tok)
        if obj is not None and ("object", obj.lemma_.lower()) in SPEECH_ACTS:
            hit = ("object", obj.lemma_.lower())
        elif lem == "be":
            pred = next((c for c in tok.children if c.dep_ in ("attr", "acomp")), None)
            if (
                pred is not None
                and ("predicate", pred.lemma_.lower()) in SPEECH_ACTS
                and pred.lemma_.lower() not in EVALUATIVE
            ):
                hit = ("predicate", pred.lemma_.lower())
    if hit is None:
        return None
    speaker = _speaker(cue)
    if speaker is None or speaker.i == subj.i:
        return None
    typ, mode = SPEECH_ACTS[hit]
    rule = f"speech:{cue.lemma_.lower()} X {hit[0]} {hit[1]}"
    if typ == "REQUEST":
        return Candidate(tok, typ, mode, rule, "pattern", speaker, subj, forced=True, must=True)
    return Candidate(cue, typ, mode, rule, "pattern", speaker, subj, forced=True)


_COPULAS = frozenset(("be", "seem", "look", "become", "remain", "sound", "appear"))
_PERSONAL = frozenset(("he", "she", "they", "him", "her", "them", "you", "his", "their", "your"))
_CONTRACTED_BE = frozenset(("'s", "’s", "'re", "’re", "'m", "’m"))
_UNKNOWN = frozenset(("it", "this", "that", "these", "those", "which", "what"))


def _judged(subj: Optional[Token]) -> tuple[Optional[Token], bool]:
    """(who a judgement on ``subj`` is aimed at, whether it may be said at all): an actor ("Trump
    is a fraud"), a person spoken of ("he is unfit"), the owner of an act ("Wells Fargo's
    behaviour was outrageous", "the decision of the council"); "it"/"this" or an act with no owner
    named ("the deal is a disgrace": words.tsv judged_acts): no target, but a judgement; the
    speaker's own side or a thing that is no act ("the weather was insane"): none."""
    if subj is None:
        return None, False
    low = subj.lower_
    if low in _UNKNOWN:
        return None, True
    if low in _PERSONAL or _actor_like(subj):
        return subj, True
    if subj.pos_ == "PRON":
        return None, False  # "I", "we": the speaker's own side
    for c in subj.children:
        if c.dep_ == "poss" and (c.lower_ in _PERSONAL or _actor_like(c)):
            return c, True
        if c.dep_ == "prep" and c.lower_ == "of":
            o = next((g for g in c.children if g.dep_ == "pobj"), None)
            if o is not None and _actor_like(o):
                return o, True
    if subj.lemma_.lower() in JUDGED_ACTS or subj.lower_ in JUDGED_ACTS:
        return None, True  # "the deal is a disgrace": an act judged, its author unnamed here
    return None, False


def _cue_of(tok: Token) -> Optional[Token]:
    """The speech verb that reports the clause ``tok`` stands in ("'It's gutless leadership,'
    Warren said": "said"), within a few steps up the parse, or None."""
    t = tok
    for _ in range(5):
        if t.head == t:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_ACT_CUES:
            return t.head
        if t.dep_ not in ("conj", "xcomp", "ccomp", "advcl", "attr", "acomp", "dobj", "pobj", "prep", "amod", "nsubj"):
            return None
        t = t.head
    return None


def _someone(t: Token) -> bool:
    """A person or a body, or a thing someone owns ("his conduct", "whose property"), that an
    inquiry or a charge can be aimed at; switched off with "precision16"."""
    if "precision16" in RULES_OFF:
        return True
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    return any(
        x is not None
        and (
            _actor_like(x)
            or x.lower_ in _PERSONAL
            or x.lower_ in ("who", "whose", "i", "we", "my", "our")
            or x.lemma_.lower() in PERSON_NOUNS
        )
        for x in (t, owner)
    )


def evaluative(tok: Token, quoted: frozenset | set = frozenset()) -> Optional[Candidate]:
    """Criticism told only through a word of judgement (``evaluative.tsv``): "Trump is a disgusting
    fraud", "It's gutless leadership," Warren said, "Trump's reckless encouragement of violence",
    "he has spread hate", "A real disgrace." (a quotation's fragment). ACCUSE disapprove, triggered
    by the word; the speaker (the subject of the speech verb that reports the clause, else the
    quotation's speaker) acts on who is judged (``_judged``). Said in nobody's voice (an opinion
    piece), only when the one judged is an actor the text names or a person spoken of."""
    lem = tok.lemma_.lower()
    cls = EVALUATIVE.get(lem) or EVALUATIVE.get(tok.lower_)
    if cls is None or tok.pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
        return None
    if tok.dep_ == "conj" and (tok.head.lemma_.lower() in EVALUATIVE or tok.head.lower_ in EVALUATIVE):
        return None  # "shameful and disgraceful": one judgement, read at the first word
    p = tok  # the phrase the word stands for
    mod = tok.head if tok.dep_ == "conj" and tok.head.dep_ == "amod" else tok  # "frequent and reckless"
    if mod.dep_ == "amod" and mod.head.pos_ in ("NOUN", "PROPN"):
        if cls != "adj":
            return None
        p = mod.head  # "a disgusting fraud", "reckless encouragement"
        if p.lemma_.lower() in EVALUATIVE and p.i != tok.i:
            return None  # read at the noun itself
    elif tok.dep_ in ("compound", "amod", "nmod", "poss"):
        return None  # "fraud charges", "corruption allegations": a subject matter, no judgement
    if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in list(tok.children) + list(p.children)):
        return None
    target, ok, how = None, False, ""
    verb = p.head
    if p.dep_ in ("attr", "acomp") and (
        verb.lemma_.lower() in _COPULAS or verb.pos_ == "AUX" or verb.lower_ in _CONTRACTED_BE
    ):
        if any(c.dep_ == "neg" for c in verb.children):
            return None  # "is not a disgrace"
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)
        # no subject the parser found ("..., is insane," Sanders said): a judgement of what was said
        target, ok = _judged(subj) if subj is not None else (None, True)
        how = "predicate"
    elif p.dep_ in ("dobj", "pobj") and (
        verb.lemma_.lower() in EVALUATIVE_VERBS
        or verb.lower_ == "in"  # "traffics in lies"
        and verb.head.lemma_.lower() in EVALUATIVE_VERBS
    ):
        v = verb if verb.lemma_.lower() in EVALUATIVE_VERBS else verb.head
        if cls == "label" and v.lemma_.lower() not in ("represent", "make") or any(c.dep_ == "neg" for c in v.children):
            return None
        target, ok = _judged(next((c for c in v.children if c.dep_ == "nsubj"), None))
        how = "spread"
        verb = v
        if ("object", p.lemma_.lower()) in SPEECH_ACTS and _cue_of(v) is not None:
            return None  # "charged that the minister spreads lies": the speech act (``speech_act``)
    elif cls != "label" and any(c.dep_ == "poss" for c in p.children) and (p is not tok or cls == "conduct"):
        owner = next(c for c in p.children if c.dep_ == "poss")
        if owner.lower_ in ("my", "our") or not (owner.lower_ in _PERSONAL or _actor_like(owner)):
            return None
        target, ok, how = owner, True, "owned"
    elif p.dep_ == "ROOT" and p.pos_ in ("NOUN", "ADJ", "PROPN") and (tok.i in quoted or cls != "adj"):
        target, ok, how = None, True, "fragment"  # "A real disgrace."
    elif (
        p.dep_ == "ROOT" and p is not tok and _actor_like(p) and not any(c.pos_ in ("VERB", "AUX") for c in p.children)
    ):
        target, ok, how = p, True, "fragment"  # a headline: "Derelict Obama and Clinton"
    if not ok:
        return None
    cue = _cue_of(verb if how in ("predicate", "spread") else p)
    speaker = _speaker(cue) if cue is not None else None
    if speaker is not None and target is not None and speaker.i == target.i:
        return None
    if cue is None and tok.i not in quoted:
        # nobody says it: an opinion piece's voice, only about an actor the text names or a person
        # spoken of ("He has spread hate", "his hateful words")
        if target is None or not (target.lower_ in _PERSONAL or target.pos_ != "PRON" and _actor_like(target)):
            return None
    return Candidate(
        tok, "ACCUSE", "disapprove", f"evaluative:{lem} ({how})", "evaluative", speaker, target, forced=True
    )


def _candidate(tok: Token, attrs: Optional[tuple[str, str, str]] = None) -> Optional[Candidate]:
    """What ``tok`` would trigger, or None; ``attrs``: its ``(lemma_, pos_, dep_)`` when the
    caller has them (read from the Doc's lists, ``doc_attr``)."""
    # (the token's attributes read once: every token of every sentence comes here)
    lemma, pos, dep = attrs if attrs is not None else (tok.lemma_, tok.pos_, tok.dep_)
    lem = lemma.lower()
    # "Russia said Sudan must return the helicopter": a demand by the speaker on the subject
    if (
        dep == "ccomp"
        and tok.head.lemma_.lower() in SPEECH_VERBS | {"demand", "insist"}
        and any(c.lower_ in ("must", "should") and c.dep_ == "aux" for c in tok.children)
        # "should have known", "must have been": a reproach or a guess about the past, no demand (round 11)
        and not any(c.dep_ == "aux" and c.lower_ in ("have", "'ve", "ve") for c in tok.children)
    ):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        speaker = _speaker(tok.head)
        if (
            subj is not None
            and speaker is not None
            and subj.lower_ not in ("we", "i", "it")
            and (
                subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                or subj.pos_ == "PROPN"
                or subj.lemma_.lower() in actor_codes.ROLE_NOUNS
                or subj.lemma_.lower() in ADDRESSEE_NOUNS
            )
        ):
            return Candidate(
                tok,
                "REQUEST",
                None,
                f"pattern:{tok.head.lemma_} X must",
                "pattern",
                speaker,
                subj,
                forced=True,
                must=True,
            )
    if pos == "VERB" and lem == "fail":
        # "failed to reach agreement": a failed cooperation is a rejection (CAMEO 12)
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        inner: Optional[tuple] = _classify_verb(x) if x is not None and x.pos_ == "VERB" else None
        if inner and inner[0] and (inner[0] in COOPERATIVE or inner[0] == "AGREE"):
            return Candidate(tok, "REJECT", None, f"frame:fail to ({inner[2]})", "frame")
        return None
    if pos == "VERB" and lem == "prepare":
        # "the army prepared to resume shelling": readiness to use force is a show of force
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        while x is not None and x.lemma_.lower() in ("resume", "start", "begin", "launch", "continue"):
            nx = next((c for c in x.children if c.dep_ in ("xcomp", "dobj")), None)
            if nx is None:
                break
            x = nx
        inner = _classify_verb(x) if x is not None and x.pos_ == "VERB" else None
        inner = inner or (NOUNS[x.lemma_.lower()] + ("",) if x is not None and x.lemma_.lower() in NOUNS else None)
        if inner and inner[0] in ("ASSAULT", "MOBILIZE"):
            return Candidate(tok, "MOBILIZE", "troops", "frame:prepare to use force", "frame")
        return None
    if lem in ("come", "be", "remain") and pos in ("VERB", "AUX"):
        # "Russian troops came under attack from Chechen rebels": the subject is the target
        on = next(
            (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        if on is not None and lem in ("be", "remain") and NOUNS.get(on.lemma_.lower(), ("",))[0] == "PROTEST":
            m = "hunger" if any(c.lower_ == "hunger" for c in on.children) else NOUNS[on.lemma_.lower()][1]
            return Candidate(tok, "PROTEST", m, f"pattern:be on {on.lemma_.lower()}", "pattern")  # "on hunger strike"
        under = next(
            (
                g
                for c in tok.children
                if c.dep_ == "prep" and c.lower_ == "under"
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if under is not None:
            ul = under.lemma_.lower()
            tm = ("ASSAULT", "firearms") if ul in ("fire", "gunfire") else NOUNS.get(ul)
            if tm and tm[0] in ("ASSAULT", "ACCUSE", "COERCE", "THREATEN", "SANCTION"):
                src = next(
                    (
                        g
                        for c in list(tok.children) + list(under.children)
                        if c.dep_ == "prep" and c.lower_ in ("from", "by")
                        for g in c.children
                        if g.dep_ == "pobj"
                    ),
                    None,
                )
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and tm[0] == "ASSAULT" and under_fire_in_words(subj, under, src):
                    tm = ("ACCUSE", "disapprove")  # "came under attack by dozens of women" (round 15)
                if subj is not None and tm[0] == "ACCUSE" and src is None and not _someone(subj):
                    return None  # "The cause of both fires is under investigation": an inquiry into a thing (round 16)
                if subj is not None:
                    return Candidate(tok, tm[0], tm[1], f"pattern:come under {ul}", "pattern", src, subj, forced=True)
    if pos == "VERB" and lem in CRITICISM_RECEIVERS:
        # "X faced heavy criticism from Y", "the plan drew condemnation from Y": Y accuses X
        obj = _obj(tok)
        if obj is not None and NOUNS.get(obj.lemma_.lower(), ("",))[0] == "ACCUSE":
            src = next(
                (
                    g
                    for c in list(obj.children) + list(tok.children)
                    if c.dep_ == "prep" and c.lower_ in ("from", "by")
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            subj, _ = _subject(tok)
            if subj is not None and subj.lower_ in ("that", "which", "who") and dep == "relcl":
                subj = tok.head  # "a caravan camp that has drawn criticism from Trump": the antecedent
            return Candidate(
                tok,
                "ACCUSE",
                NOUNS[obj.lemma_.lower()][1],
                f"pattern:{lem} {obj.lemma_.lower()} from X",
                "pattern",
                src,
                subj,
                forced=True,
            )
    if (
        lemma == "be"
        and pos == "AUX"
        and dep in ("ROOT", "ccomp", "conj")
        and any(
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in W.custody_nouns for g in c.children)
            for c in tok.children
        )
    ):
        held = next((c for c in tok.children if c.dep_ == "nsubj"), None)  # "two persons are in custody"
        return Candidate(
            tok, "COERCE", "arrest", "lexicon:be in custody", "lexicon", recipient=held, recipient_only=held is not None
        )
    if lem == "face" and pos == "VERB" and dep not in ("amod", "compound", "nmod"):
        charge = _obj(tok)
        if charge is not None and charge.lemma_.lower() in W.charge_nouns:
            # "she faces charges": charged (guidelines 3) by an actor the act implies; she is the recipient
            held = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            return Candidate(
                tok,
                "COERCE",
                "arrest",
                f"lexicon:face {charge.lemma_.lower()}",
                "lexicon",
                recipient=held,
                recipient_only=held is not None,
            )
    if pos == "VERB" and dep in ("amod", "compound", "nmod"):
        return None  # "the disputed area", "a wanted man": participles used as adjectives
    if pos in ("VERB",) or (pos == "AUX" and lemma != "be" and dep == "ROOT"):
        res = _classify_verb(tok)
        if res and res[0]:
            return Candidate(tok, res.type, res.mode, res.rule, res.source)
        return None
    if pos == "ADJ" and lem in READY_ADJS:
        # "is ready to host talks": the intention to do what follows
        x = next((c for c in tok.children if c.dep_ == "xcomp"), None)
        if x is not None:
            inner = _classify_verb(x) if x.pos_ in ("VERB", "AUX") else None
            t = inner[0] if inner and inner[0] else None
            if t is not None:
                assert inner is not None  # t is read from inner
                return Candidate(
                    tok,
                    "AGREE" if t in COOPERATIVE or t == "AGREE" else "THREATEN",
                    None,
                    f"frame:{lemma} to ({inner[2]})",
                    "frame",
                )
            if x.pos_ == "VERB" and x.lemma_.lower() in WILLING_ACTS:
                # "willing to freeze its nuclear programme": an intention to give something up (CAMEO 03)
                return Candidate(tok, "AGREE", None, f"frame:{lemma} to {x.lemma_.lower()}", "frame")
        return None
    if pos in ("NOUN", "PROPN") and lem in NOUNS and tok.ent_type_ not in ("DATE", "TIME"):
        h = tok.head
        # event noun as subject of a non-event verb ("shelling continued", "protests erupted")
        if dep in ("nsubj",) and h.pos_ == "VERB" and h.lemma_ != "be" and _classify_verb(h) is None:
            if (
                any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in tok.children)
                and lem not in ("shelling", "fighting", "bombing")
                and _by_agent(tok) is None
            ):
                return None  # "the talks ended": an event told before (unless "the arrest of X by Y")
            t, m = NOUNS[lem]
            return Candidate(tok, t, m, f"noun:{lem} (subject)", "noun")
        # "could be a guarantor": predicate noun of a copula
        if dep == "attr" and h.lemma_ == "be" and lem in ("guarantor", "mediator"):
            return Candidate(tok, "AGREE", None, f"noun:be {lem}", "noun")
        # "killed in the attack": an event noun in a prepositional phrase of a non-event verb
        return None
    return None


def noun_fallback(stoks: list, title_toks: set) -> Optional[Candidate]:
    """The candidate of the event noun highest in the parse of a sentence no verb coded;
    not a negated one ("no talks"), a modifier ("the protest movement"), or a quoted title."""
    best = None
    if not stoks:
        return None
    doc, s0 = stoks[0].doc, stoks[0].i  # (``stoks`` is the run doc[s0:s0 + len(stoks)])
    pos, dep = doc_attr(doc, "pos_"), doc_attr(doc, "dep_")  # (read before a Token is touched)
    for i in range(s0, s0 + len(stoks)):
        if i in title_toks or pos[i] not in ("NOUN", "PROPN") or dep[i] in ("compound", "amod", "nmod"):
            continue
        t = stoks[i - s0]
        if t.ent_type_ in ("DATE", "TIME") or t.is_upper and len(t) > 1:
            continue  # "in March" is a month; an all-capitals word is a heading
        lem = t.lemma_.lower()
        if t.i >= 2 and t.nbor(-1).tag_ == "HYPH" and f"{t.nbor(-2).lower_}-{t.lower_}" in NOUNS:
            lem = f"{t.nbor(-2).lower_}-{t.lower_}"
        if lem not in NOUNS or lem in (
            "violence",
            "war",
            "alert",
            "emergency",
            "offer",
            "promise",
            "commitment",
            "treaty",
            "ties",
            "agreement",
            "deal",
            "accord",
        ):
            continue  # too general to name an event by itself
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in t.children):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in (
            "at",
            "during",
            "after",
            "before",
            "since",
            "following",
            "amid",
            "despite",
            "until",
            "under",
            "about",
            "like",
        ):
            continue  # the setting or time of something else ("at a rally", "after the bombing", "under investigation")
        if t.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "ROOT", "attr"):
            continue
        v = t.head
        while v.pos_ not in ("VERB", "AUX") and v.i != v.head.i:
            v = v.head
        if any(c.dep_ == "neg" for c in v.children) or any(c.lower_ == "comment" for c in t.subtree):
            continue  # "did not respond to requests for comment"
        if (
            t.dep_ == "pobj"
            and t.head.lower_ in ("on", "about", "over")
            and (t.head.head.lemma_.lower() in NO_COMMENT_ACTS or t.head.head.lemma_.lower() in ("question", "ask"))
        ):
            continue  # "had no comment on the attack", "asked about the arrests": a topic, not a report
        if t.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those") for c in t.children
        ):
            continue  # "the talks ended": an event told before
        d = _depth(t)
        if best is None or d < best[0]:
            best = (d, t, lem)
    if best is None:
        return None
    t, lem = best[1], best[2]
    ty, m = NOUNS[lem]
    return Candidate(t, ty, m, f"noun:{lem} (sentence fallback)", "noun-fallback")


_CANDIDATE_POS = frozenset({"VERB", "AUX", "ADJ", "NOUN", "PROPN"})


def sentence_candidates(stoks: list, title_toks: set, published: Optional[str], quoted: frozenset | set = frozenset()):
    """(candidates that are events of their own, {frame token index: the act it governs}) for
    one sentence's tokens, skipping quoted titles; ``quoted``: the tokens inside quotation marks."""
    from .actors import _recipient  # here: actors imports nothing of this module

    cands: list[Candidate] = []
    absorbed: set[int] = set()
    inner_of: dict[int, Token] = {}
    if not stoks:
        return cands, inner_of
    # the sentence's words' attributes as lists (doc_attr), read before a Token is touched:
    # ``stoks`` is the run of tokens doc[s0:s0 + len(stoks)]
    doc, s0 = stoks[0].doc, stoks[0].i
    pos, dep, lemma = doc_attr(doc, "pos_"), doc_attr(doc, "dep_"), doc_attr(doc, "lemma_")
    lemma_low = doc_lemma_lower(doc)
    s1 = s0 + len(stoks)
    for i in range(s0, s1):
        if i in title_toks or (pos[i] not in _CANDIDATE_POS and dep[i] != "ccomp"):
            continue  # (every reading of ``_candidate`` asks for one of these first)
        c = _candidate(stoks[i - s0], (lemma[i], pos[i], dep[i]))
        if c:
            cands.append(c)
    # special statement pattern: "that is not for X to decide" -> REJECT
    for i in range(s0, s1):
        if lemma_low[i] not in ("decide", "determine", "say", "dictate", "judge"):
            continue
        tok = stoks[i - s0]
        if dep[i] in ("advcl", "xcomp", "ccomp", "relcl", "acl") and any(
            c.dep_ == "mark" and c.lower_ == "for" for c in tok.children
        ):
            head = tok.head
            if head.lemma_ == "be" and any(c.dep_ == "neg" for c in head.children):
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                cands.append(
                    Candidate(
                        head,
                        "REJECT",
                        None,
                        "pattern:not for X to decide",
                        "pattern",
                        recipient=subj,
                        recipient_only=subj is not None,
                    )
                )
    # "Amnesty International said troops tortured detainees": a monitor's report of abuses by
    # others is an accusation (CAMEO 112); the reported act stays an event of its own
    for c in list(cands):
        tok, h = c.tok, c.tok.head
        if c.type in MATERIAL_CONFLICT and tok.dep_ in ("ccomp",) and h.lemma_.lower() in MONITOR_VERBS:
            spk = next((x for x in h.children if x.dep_ == "nsubj"), None)
            doer = next((x for x in tok.children if x.dep_ in ("nsubj",)), None)
            if spk is not None and doer is not None and _actor_like(doer) and _is_monitor(spk, published):
                cands.append(
                    Candidate(h, "ACCUSE", "allege", "pattern:monitor reports abuse", "pattern", spk, doer, forced=True)
                )
    # "Belgrade said the NATO strikes were a crime": calling an act or actor names is disapproval
    for i in range(s0, s1):
        if lemma[i] != "be" or dep[i] != "ccomp":
            continue
        tok = stoks[i - s0]
        if tok.head.lemma_.lower() in SPEECH_VERBS and not any(c.dep_ == "neg" for c in tok.children):
            pred = next((c for c in tok.children if c.dep_ in ("attr", "acomp")), None)
            bsubj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            spk = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if (
                pred is not None
                and bsubj is not None
                and spk is not None
                and bsubj.pos_ != "PRON"
                and pred.lemma_.lower() not in EVALUATIVE  # read as a word of judgement (evaluative)
                and (
                    pred.lemma_.lower() in NEG_CALL_ADJS
                    or any(c.lemma_.lower() in NEG_CALL_ADJS for c in pred.children if c.dep_ in ("amod", "compound"))
                )
            ):
                cands.append(
                    Candidate(
                        tok.head,
                        "ACCUSE",
                        "disapprove",
                        "pattern:say X is <negative>",
                        "pattern",
                        spk,
                        bsubj,
                        forced=True,
                    )
                )
    # "X said Y lied", "X said Y needs to ...": a speech act told through what was said
    for i in range(s0, s1):
        if dep[i] != "ccomp" or i in title_toks:
            continue
        tok = stoks[i - s0]
        sa = speech_act(tok)
        if sa is not None and not any(x.i == sa.i for x in cands):
            cands = [x for x in cands if x.i != tok.i]  # "said the US violated the rules": the charge
            cands.append(sa)
    # "Trump is a disgusting fraud", "It's gutless leadership," Warren said: a word of judgement
    lower = doc_attr(doc, "lower_")
    for i in range(s0, s1):
        if (lemma_low[i] not in EVALUATIVE and lower[i] not in EVALUATIVE) or i in title_toks:
            continue  # (``evaluative`` reads only the words of its table)
        if any(x.i == i for x in cands):
            continue
        ev = evaluative(stoks[i - s0], quoted)
        if ev is not None:
            cands.append(ev)
    # round 14 (recall): praise said of someone, a verb whose preposition makes it an act, a
    # quoted "X must" (recall.py)
    if "recall14" not in RULES_OFF:
        cands = extra_candidates(
            stoks,
            title_toks,
            quoted,
            cands,
            lambda r: Candidate(
                r.tok, r.type, r.mode, r.rule, r.source, r.actor, r.recipient, forced=True, must=r.must
            ),
        )
    # "argued that the lower court wrongly dismissed the suit", "Obama foolishly withdrew our
    # forces": an act told with a word of wrongdoing (words.tsv wrongdoing_adverbs) is told as a
    # charge (guidelines 2.3 and 4): an ACCUSE by who tells it of who did it, triggered by the cue
    # that reports it (else by the word); the act itself is only alleged and not coded
    for j, c in enumerate(cands):
        adv = next(
            (x for x in c.tok.children if x.dep_ == "advmod" and x.lower_ in W.wrongdoing_adverbs),
            None,
        )
        if adv is None or c.type in (None, "ACCUSE") or c.tok.pos_ not in ("VERB", "AUX"):
            continue
        subj, passive = _subject(c.tok)
        doer = _by_agent(c.tok) if passive else subj
        if c.tok.dep_ in ("amod", "acl", "relcl"):
            doer = _by_agent(c.tok)  # "those wrongfully imprisoned": the noun is who suffered it
        cue = _cue_of(c.tok)
        spk = _speaker(cue) if cue is not None else None
        cands[j] = Candidate(
            cue if cue is not None else adv,
            "ACCUSE",
            "allege" if cue is not None else "disapprove",
            f"pattern:{adv.lower_} {c.tok.lemma_.lower()} (wrongdoing told)",
            "pattern",
            spk,
            doer,
            forced=True,
        )
    # "removing the sanctions is out of the question", "talks are not an option": ruling an act out
    for i in range(s0, s1):
        if lemma[i] != "be":
            continue
        tok = stoks[i - s0]
        act = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("csubj", "nsubj") and (c.i in {x.i for x in cands} or c.lemma_.lower() in NOUNS)
            ),
            None,
        )
        if act is None:
            continue
        out_q = any(
            c.lower_ == "out"
            and any(g.lower_ == "of" and any(q.lemma_.lower() == "question" for q in g.children) for g in c.children)
            for c in tok.children
        )
        no_opt = any(c.dep_ == "neg" for c in tok.children) and any(
            c.dep_ == "attr" and c.lemma_.lower() in ("option", "alternative") for c in tok.children
        )
        if out_q or no_opt:
            spk = (
                next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
                if (tok.dep_ == "ccomp" and tok.head.lemma_.lower() in SPEECH_VERBS)
                else None
            )
            cands = [x for x in cands if x.i != act.i]
            cands.append(
                Candidate(
                    tok,
                    "REJECT",
                    None,
                    "pattern:X is ruled out",
                    "pattern",
                    spk,
                    _recipient(act, "REJECT"),
                    forced=True,
                )
            )
    # frames absorb what they govern
    cand_toks = {c.i for c in cands}
    for c in cands:
        tok = c.tok
        frame = _frame_of(tok)
        by_conj = False
        if frame is None:
            # round 17: the second of two coordinated acts a frame governs ("to lead, step up
            # the fight") is absorbed too, without typing the frame
            frame = conj_frame17(tok)
            by_conj = frame is not None
        while (
            frame is not None
            and frame.i not in cand_toks
            and frame.lemma_.lower() not in READY_ADJS
            and frame.lemma_.lower() not in NEGATING_FRAMES
            and frame.lemma_.lower() not in FRAME_TYPES
        ):
            frame = _frame_of(frame)
        if (
            frame is not None
            and frame.i in cand_toks
            and (frame.lemma_.lower() in FRAME_TYPES or frame.lemma_.lower() in READY_ADJS)
        ):
            absorbed.add(tok.i)
            if not by_conj:
                inner_of.setdefault(frame.i, tok)
    cand_type = {c.i: c.type for c in cands}

    def cand_at(i: int) -> Optional[Candidate]:
        return next((x for x in cands if x.i == i), None)

    for j, c in enumerate(cands):  # "threatened to attack": what is threatened gives the mode
        if c.type == "THREATEN" and c.mode is None and c.i in inner_of:
            ic = cand_at(inner_of[c.i].i)
            if ic:
                cands[j] = c.but(mode=_threat_mode(ic.type, ic.mode))
    final: list[Optional[Candidate]] = []
    for c in cands:
        tok = c.tok
        if tok.i in absorbed:
            continue
        if tok.dep_ in ("advcl", "conj") and tok.tag_ == "VBG" and cand_type.get(tok.head.i) == c.type:
            continue  # "struck targets, killing 12": one attack
        final.append(c)
    for j, c in enumerate(final):
        assert c is not None  # only final[j] itself is set to None below
        tok = c.tok
        inner = inner_of.get(tok.i)
        if tok.lemma_.lower() == "prepare" and inner is None:
            final[j] = None
            continue
        if inner is not None and tok.lemma_.lower() in INTENT_FRAMES and c.type == "AGREE":
            ic = cand_at(inner.i)
            if ic and (ic.type in MATERIAL_CONFLICT or ic.type == "THREATEN"):
                final[j] = c.but(
                    type="THREATEN", mode=_threat_mode(ic.type, ic.mode), rule=f"{c.rule} + {ic.rule} (intent to harm)"
                )
                continue
        if inner is not None and tok.lemma_.lower() in ("order", "force", "compel") and c.type == "REQUEST":
            ic = cand_at(inner.i)
            if ic and ic.type in MATERIAL_CONFLICT:
                final[j] = c.but(type=ic.type, mode=ic.mode, rule=f"{c.rule} + {ic.rule} (an order carried out)")
        if (
            inner is not None
            and c.type == "REQUEST"
            and not c.forced
            and c.recipient is None
            and inner.lemma_.lower()
            in ("support", "back", "recognize", "recognise", "endorse", "help", "assist", "aid")
        ):
            # "urged the European Community to support the PLO": rallying support for a third
            # party (CAMEO 053), aimed at that party
            beneficiary = _obj(inner)
            if beneficiary is not None and _actor_like(beneficiary):
                final[j] = c.but(
                    type="SUPPORT",
                    mode=None,
                    rule=f"{c.rule} + {inner.lemma_.lower()} (rally support)",
                    actor=_subject(tok)[0],
                    recipient=beneficiary,
                    forced=True,
                )
    return [c for c in final if c is not None], inner_of
