"""Round 14, recall: events told through what was said that the other candidate readers miss.

Each function reads one sentence token and returns a ``Reading`` or None; ``extra_candidates``
runs them over a sentence after the other readers (``candidates.sentence_candidates``) and adds
what they find at tokens no other reader took. The knowledge is data: ``words.tsv`` lists
praise_words, praise_naming_verbs, praise_as_verbs (round 14 block) and ``verb_objects.tsv``
rows of a verb and its preposition ("railed against", "went after": the round 14 block).

- ``praise``: praise told through a word of approval ("Clinton is a champion for working
  families," the senator said; "called Clinton a champion"; "described the kingdom as a leading
  contributor of stability"): SUPPORT (PLOVER SUPPORT, CAMEO 051 praise or endorse), the speaker
  acting on who is praised, as ``candidates.evaluative`` reads criticism. Only when someone says
  it (a speech verb reports the clause, or it stands in a quotation) and who is praised is an
  actor the text names or a person spoken of, never the speaker's own side.
- ``verb_prep``: a verb whose preposition makes it an act ("railed against Trump", "has gone
  after Trump"): a ``verb_objects.tsv`` row of the verb and the preposition, with an actor as
  the preposition's object.
- ``quoted_demand``: "X must / should / has to V" said inside a quotation, X an actor the text
  names: a REQUEST by the quotation's speaker of X (as "X said Y must ..." is), not when X is
  the speaker's own side, nor "should have" (a reproach about the past).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple, Optional

from spacy.tokens import Token

from ... import actors as actor_codes
from .. import doc_cache
from ..doc_cache import doc_attr
from .rules21 import target21
from .syntax import _actor_like
from .tables import ADDRESSEE_NOUNS, NOUNS, OBJECT_RULES, SPEECH_ACT_CUES, W


class Reading(NamedTuple):
    """What a reader found; ``candidates`` makes its ``Candidate`` of it (forced actor and
    recipient; ``must``: a demand, never hypothetical or future)."""

    tok: Token
    type: str
    mode: Optional[str]
    rule: str
    source: str
    actor: Optional[Token]
    recipient: Optional[Token]
    must: bool = False


# who a word of praise may be said of: a person spoken of (not the speaker's own side)
_PERSONAL = frozenset(("he", "she", "they", "him", "her", "them"))
_COPULAS = frozenset(("be", "seem", "look", "become", "remain", "sound", "appear"))
_CONTRACTED_BE = frozenset(("'s", "’s", "'re", "’re"))
_NEGATORS = frozenset(("not", "n't", "never", "no", "hardly"))


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in t.children)


def _cue_above(t: Token) -> Optional[Token]:
    """The speech verb that reports the clause headed by ``t`` ("says the senator is a champion":
    "says"; "I think Clinton is ..." under a said: "said"), within a few steps up, or None."""
    for _ in range(4):
        if t.head.i == t.i:
            return None
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_ACT_CUES:
            return t.head
        if t.dep_ not in ("ccomp", "conj", "parataxis"):
            return None
        t = t.head
    return None


def _subject_of(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _praised(t: Optional[Token]) -> bool:
    """Who a word of praise may be aimed at: an actor the text names or a person spoken of."""
    if t is None:
        return False
    if t.lower_ in _PERSONAL:
        return True
    return t.pos_ != "PRON" and _actor_like(t)


def _speaker_of(cue: Token) -> Optional[Token]:
    spk = _subject_of(cue)
    if spk is None and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head.pos_ in ("VERB", "AUX"):
        spk = _subject_of(cue.head)
    return spk


def praise(tok: Token, quoted: frozenset | set = frozenset()):
    """A word of praise (``words.tsv`` praise_words) said of someone: SUPPORT, the speaker acting
    on who is praised. Three ways it is said: the predicate of a reported or quoted clause ("the
    Ohio native is a dedicated advocate for children", Clinton says), the object's complement
    of a naming verb ("called Clinton a champion"), or after "as" ("described the kingdom as a
    leading contributor")."""
    lem = tok.lemma_.lower()
    if lem not in W.praise_words and tok.lower_ not in W.praise_words or tok.pos_ not in ("ADJ", "NOUN", "VERB"):
        return None
    if tok.dep_ == "conj" and (tok.head.lemma_.lower() in W.praise_words or tok.head.lower_ in W.praise_words):
        return None  # "a longtime, dedicated advocate": one praise, read at the first word
    p = tok
    if tok.dep_ in ("amod", "conj", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        p = tok.head  # "a dedicated advocate", "the superior candidate", "a tireless advocate" (parsed a compound)
    elif tok.dep_ in ("poss", "nmod", "nsubj", "dobj"):
        return None  # "the champion's title", "heroes were honoured": no judgement of someone
    if _negated(tok) or _negated(p):
        return None
    verb = p.head
    target: Optional[Token] = None
    speaker: Optional[Token] = None
    trigger = tok
    how = ""
    if p.dep_ in ("attr", "acomp") and (
        verb.lemma_.lower() in _COPULAS or verb.pos_ == "AUX" or verb.lower_ in _CONTRACTED_BE
    ):
        if _negated(verb) or any(c.dep_ == "aux" and c.lower_ in ("could", "might", "would") for c in verb.children):
            return None
        target = _subject_of(verb)
        cue = _cue_above(verb)
        if cue is None and tok.i not in quoted:
            return None  # nobody says it: a description, not praise
        speaker = _speaker_of(cue) if cue is not None else None
        how = "predicate"
    elif p.dep_ == "oprd" and verb.lemma_.lower() in W.praise_naming_verbs:
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        speaker, trigger, how = _subject_of(verb), verb, "called"
    elif (
        p.dep_ == "pobj"
        and p.head.lower_ == "as"
        and p.head.head.pos_ == "VERB"
        and p.head.head.lemma_.lower() in W.praise_as_verbs
    ):
        verb = p.head.head
        target = next((c for c in verb.children if c.dep_ == "dobj"), None)
        speaker, trigger, how = _subject_of(verb), verb, "described as"
    else:
        return None
    if not _praised(target) or target is None:
        return None
    if speaker is not None and (speaker.i == target.i or speaker.lower_ in ("i", "we") and how != "predicate"):
        return None
    if trigger is not tok and _negated(trigger):
        return None
    return Reading(trigger, "SUPPORT", None, f"praise:{lem} ({how})", "evaluative", speaker, target)


def verb_prep(tok: Token):
    """A verb whose preposition makes it an act (a ``verb_objects.tsv`` row of the verb and the
    preposition: "railed against Trump", "has gone after Trump"), when the preposition's object
    is an actor; only the verbs the other readers leave uncoded come here."""
    if tok.pos_ != "VERB":
        return None
    if tok.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None  # "a reason to go after the EPA": an act only thought of
    lem = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        row = OBJECT_RULES.get((lem, c.lower_))
        if row is None or row[0] != "ACCUSE":
            continue
        o = next((g for g in c.children if g.dep_ == "pobj"), None)
        if o is None or not (_praised(o) or target21(o)):  # (round 21: "railed against the moderators")
            return None
        return Reading(tok, row[0], row[1], f"lexicon:{lem} {c.lower_}", "lexicon", _subject_of(tok), o)
    return None


def quoted_demand(tok: Token, quoted: frozenset | set = frozenset()):
    """ "X must stop ...", said inside a quotation: a REQUEST by the speaker of X, X an actor the
    text names (a name, a role word, "all sides"), not the speaker's own side."""
    if tok.i not in quoted or tok.pos_ not in ("VERB", "AUX"):
        return None
    aux = [c.lower_ for c in tok.children if c.dep_ == "aux"]
    if not any(a in ("must", "should") for a in aux) or any(a in ("have", "'ve", "ve") for a in aux):
        return None  # "should have known": a reproach or a guess about the past (round 11)
    if _negated(tok) or tok.dep_ in ("relcl", "advcl", "acl") or tok.lemma_.lower() in SPEECH_ACT_CUES:
        return None  # "the Ministry must confirm that ...": a statement's formula, no demand
    subj = _subject_of(tok)
    if subj is None or subj.pos_ == "PRON" or subj.i not in quoted:
        return None
    if not (
        subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
        or subj.pos_ == "PROPN"
        or subj.lemma_.lower() in actor_codes.ROLE_NOUNS
        or subj.lemma_.lower() in ADDRESSEE_NOUNS
    ):
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subj.children):
        return None  # "our government must ...": the speaker's own side
    return Reading(tok, "REQUEST", None, "pattern:quoted X must", "pattern", None, subj, must=True)


def failing_told(tok: Token, taken: set[int]):
    """ "X said Y failed to ...", "say the police have failed her", "argue that the EPA
    overstepped its authority": a failing told of someone (``words.tsv`` failing_verbs) is the
    speaker's ACCUSE allege of them, triggered by the cue (as ``candidates.speech_act``); not when
    another reader took the verb ("failed to reach agreement" is a REJECT frame), nor when the
    clause is negated or doubted, nor of the speaker's own side."""
    if tok.dep_ != "ccomp" or tok.i in taken or tok.lemma_.lower() not in W.failing_verbs:
        return None
    cue = tok.head
    if cue.lemma_.lower() not in SPEECH_ACT_CUES or _negated(tok):
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would", "can", "will") for c in tok.children):
        return None
    subj = _subject_of(tok)
    if subj is None or subj.pos_ == "PRON" or not (_actor_like(subj) or subj.lemma_.lower() in ADDRESSEE_NOUNS):
        return None
    speaker = _speaker_of(cue)
    if speaker is None or speaker.i == subj.i:
        return None
    return Reading(
        cue,
        "ACCUSE",
        "allege",
        f"speech:{cue.lemma_.lower()} X verb {tok.lemma_.lower()}",
        "pattern",
        speaker,
        subj,
    )


def frame_request(tok: Token):
    """ "ordered the exchange to improve its operations", "advised the party leaders to learn ...":
    a verb of asking (``words.tsv`` asking_frames) with an actor as object and a to-infinitive is a
    REQUEST of that actor, even when what is asked codes no event (the frame then has nothing to
    absorb, and the verb alone is only a PETRARCH2 default code, which is not trusted)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in W.asking_frames or _negated(tok):
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or not _praised(obj):
        return None
    x = next((c for c in tok.children if c.dep_ in ("xcomp", "ccomp")), None)
    if x is None or not any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children):
        return None
    subj = _subject_of(tok)
    if subj is None or not (_praised(subj) or subj.lower_ in ("i", "we", "who")):
        return None  # "it could encourage Sanders to stay", "a tyranny that encourages people to ...": no one asks
    return Reading(tok, "REQUEST", None, f"frame:{tok.lemma_.lower()} X to", "frame", subj, obj)


_STANCE_PREPS = frozenset(("of", "about", "over", "toward", "towards", "at", "with", "on", "by", "in", "to"))


def _target_of(n: Token) -> Optional[Token]:
    """Who a stance on ``n`` is aimed at: ``n`` when it is an actor or a person spoken of, else
    the owner of the act it names ("the governor's handling", "the handling of the council")."""
    if _praised(n):
        return n
    if not (n.lemma_.lower() in W.judged_acts or n.lower_ in W.judged_acts or n.lemma_.lower() in W.stance_targets):
        return None  # "concerned about Glenrock's future": no act of its owner
    for c in n.children:
        if c.dep_ == "poss" and (c.lower_ in ("his", "her", "their") or c.pos_ != "PRON" and _praised(c)):
            return c  # "supportive of her bid" (not "frustrated by their inability": no act)
        if c.dep_ == "prep" and c.lower_ == "of":
            o = next((g for g in c.children if g.dep_ == "pobj"), None)
            if o is not None and _praised(o):
                return o
        if c.dep_ == "acl":  # "the replies provided to the committee by Mamo"
            a = next((g for g in c.children if g.dep_ == "agent"), None)
            o = next((g for g in a.children if g.dep_ == "pobj"), None) if a is not None else None
            if o is not None and _praised(o):
                return o
    return None


def stance(tok: Token):
    """ "Senator Hart was sharply critical of the governor's handling", "the boss was scathing
    about Air Zimbabwe", "Obama's aides were complimentary of Hart": a stance adjective
    (``words.tsv`` critical_stance_adjs: ACCUSE disapprove; approving_stance_adjs: SUPPORT) as
    the predicate of its subject, aimed through a preposition at an actor or an actor's act.
    The subject holds the stance (it acts); not when negated."""
    # ("disappointed", "satisfied": participles the parser may read as a passive verb)
    passive_form = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
    if not passive_form and (not (tok.pos_ == "ADJ" or tok.tag_ == "VBN") or tok.dep_ not in ("acomp", "attr", "conj")):
        return None
    lem = tok.lower_ if tok.tag_ == "VBN" else tok.lemma_.lower()
    if lem in W.critical_stance_adjs:
        typ, mode = "ACCUSE", "disapprove"
    elif lem in W.approving_stance_adjs:
        typ, mode = "SUPPORT", None
    else:
        return None
    verb = tok if passive_form else tok.head
    if tok.dep_ == "conj" and not passive_form:
        verb = verb.head
    if not (passive_form or verb.lemma_.lower() in _COPULAS or verb.pos_ == "AUX") or _negated(verb) or _negated(tok):
        return None
    if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "would", "may") for c in verb.children):
        return None
    subj = _subject_of(verb)
    if subj is None or subj.lower_ in ("i", "we", "it", "this", "that", "which"):
        return None
    target = None
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in _STANCE_PREPS and (c.lower_ != "to" or typ == "SUPPORT"):
            # ("critical to his success" is importance, "grateful to X" thanks)
            o = next((g for g in c.children if g.dep_ == "pobj"), None)
            target = _target_of(o) if o is not None else None
            break
    if target is None or target.i == subj.i:
        return None
    return Reading(tok, typ, mode, f"stance:{lem}", "lexicon", subj, target)


def _pobj_of(t: Token, preps: tuple) -> Optional[Token]:
    return next(
        (g for c in t.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"),
        None,
    )


def praise_noun(tok: Token):
    """ "received the endorsement of LeBron James", "cited his endorsements from 88 generals",
    "unveiled a list of endorsements from 95 retired generals": a noun of praise (``words.tsv``
    praise_nouns) with who gives it ("from"/"of"/"by" an actor) is that giver's SUPPORT of who
    has it (its owner, else the subject of the verb it is the object of)."""
    if tok.pos_ != "NOUN" or (tok.lemma_.lower() not in W.praise_nouns and tok.lower_ not in W.praise_nouns):
        return None
    if tok.dep_ in ("compound", "amod") or any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children):
        return None
    if tok.i >= 2 and tok.nbor(-1).text == "-" and tok.nbor(-2).lower_ in ("non", "anti", "un"):
        return None  # "Cruz's non-endorsement of Trump": none given
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None and _pobj_of(tok, ("of",)) is not None:
        return None  # "Cruz's endorsement of Trump": the owner gives, "of" names who is endorsed (the lexicon's noun)
    holder = tok  # the phrase that stands in the clause: "a list of endorsements" -> "list"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
        holder = tok.head.head
    verb = holder.head if holder.dep_ in ("dobj", "nsubjpass") else None
    giver = _pobj_of(tok, ("from", "of", "by")) or (_pobj_of(verb, ("from",)) if verb is not None else None)
    if giver is None or not _praised(giver):
        return None
    if verb is not None and (_negated(verb) or verb.pos_ not in ("VERB", "AUX")):
        return None
    receiver = owner if owner is not None and owner.lower_ not in ("my", "our") else None
    if receiver is None and verb is not None:
        receiver = _subject_of(verb)
        if receiver is not None and not _praised(receiver):
            receiver = None
    if receiver is not None and receiver.i == giver.i:
        return None
    return Reading(tok, "SUPPORT", None, f"pattern:{tok.lemma_.lower()} from X", "pattern", giver, receiver)


_DEMANDED = frozenset(("you", "they", "he", "she", "them"))
_IMPERATIVE_LEAD = frozenset(("do", "n't", "not", "please", "just", "now", "so", "and", "then"))


def _imperative(tok: Token) -> bool:
    """ "Don't shoot him", "Release him now": a bare verb that opens its sentence with no subject."""
    if tok.tag_ != "VB" or tok.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    for t in tok.sent:
        if t.i == tok.i:
            return True
        if not (t.is_punct or t.is_space or t.lower_ in _IMPERATIVE_LEAD):
            return False
    return False


def demanded_act(tok: Token, type_: Optional[str], rule: str, quoted: frozenset | set):
    """An act another reader coded, said in a quotation as what someone must or should do
    ("'You should resign,' she said", "they should release him", "the governor must resign") or
    as an order ("'Don't shoot him,' she says"): a REQUEST by the speaker of who is to act (the
    act itself is not done: PLOVER REQUEST, guidelines 4). Not of the speaker's own side ("we
    must"), nor "should have" (a reproach about the past)."""
    if tok.pos_ not in ("VERB", "AUX") or type_ in (None, "REQUEST"):
        return None
    in_quote = tok.i in quoted
    if not in_quote and _cue_above(tok) is None:
        return None  # (a quotation opened in an earlier sentence: "..., they should release him," she said)
    aux = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if in_quote and _imperative(tok):
        return Reading(tok, "REQUEST", None, f"pattern:quoted order + {rule}", "pattern", None, None, must=True)
    if not any(a in ("must", "should") for a in aux) or any(a in ("have", "'ve", "ve") for a in aux):
        return None
    if tok.dep_ in ("relcl", "advcl", "acl", "xcomp") or _negated(tok):
        return None
    subj = _subject_of(tok)
    if subj is None or in_quote and subj.i not in quoted:
        return None
    low = subj.lower_
    if not (
        (low in _DEMANDED if in_quote else low in ("you", "they"))  # "she said he should ...": maybe herself
        or subj.pos_ != "PRON"
        and (
            subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
            or subj.pos_ == "PROPN"
            or subj.lemma_.lower() in actor_codes.ROLE_NOUNS
            or subj.lemma_.lower() in ADDRESSEE_NOUNS
        )
    ):
        return None
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in subj.children):
        return None
    passive = subj.dep_ == "nsubjpass"
    return Reading(
        tok, "REQUEST", None, f"pattern:quoted X must + {rule}", "pattern", None, None if passive else subj, must=True
    )


_MEETING_PREPS = frozenset(("in", "during", "after", "following", "at", "from"))


def meeting_noun(tok: Token):
    """ "In a meeting with top Chinese diplomat Yang Jiechi, Moon said ...", "following his talks
    with Lavrov", "travelled to Nashville for talks with CoreCivic": a noun of meeting
    (``nouns.tsv`` CONSULT rows) in a phrase that tells when or why something else was done, with
    the other party after "with", is a CONSULT: its owner, else the subject of the clause the
    phrase hangs on, meets that party. Not a meeting ahead, planned or called for ("ahead of talks
    with", "called for talks with": only the prepositions of a meeting held, or "for" after a
    verb of travel)."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or NOUNS.get(tok.lemma_.lower(), ("",))[0] != "CONSULT":
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "any") for c in tok.children):
        return None
    prep = tok.head
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or _negated(verb):
        return None
    if not (prep.lower_ in _MEETING_PREPS or prep.lower_ == "for" and verb.lemma_.lower() in W.travel_verbs):
        return None
    other = _pobj_of(tok, ("with",))
    if other is None or not _praised(other) or other.lemma_.lower() in W.press_nouns:
        return None  # "during a meeting with reporters": a briefing, no consultation
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    actor = owner if owner is not None else _subject_of(verb)
    if actor is None or actor.i == other.i or actor.lower_ in ("it", "this", "that", "which"):
        return None
    return Reading(tok, "CONSULT", None, f"lexicon:{prep.lower_} {tok.lemma_.lower()} with", "lexicon", actor, other)


def denial(tok: Token, quoted: frozenset | set = frozenset()):
    """ "the office said the objections were 'baseless'", "called the charges unsubstantiated and
    fabricated": a charge or claim (``words.tsv`` deniable_claims) called false (false_words) by
    someone is their REJECT of it (a denial, PLOVER REJECT; CAMEO 12), aimed at who made it (its
    owner, or "by"/"from" X) when the sentence names them. Only when someone says it (a speech
    verb reports the clause, a quotation, or the subject of the naming verb); not when negated."""
    lem = tok.lemma_.lower()
    if (lem not in W.false_words and tok.lower_ not in W.false_words) or tok.pos_ not in ("ADJ", "VERB", "NOUN"):
        return None
    if tok.dep_ == "conj" and (tok.head.lemma_.lower() in W.false_words or tok.head.lower_ in W.false_words):
        return None  # "unsubstantiated and fabricated": one denial
    verb = tok.head
    if _negated(tok) or _negated(verb):
        return None
    if tok.dep_ in ("acomp", "attr") and (verb.lemma_.lower() in _COPULAS or verb.pos_ == "AUX"):
        claim = _subject_of(verb)
        cue = _cue_above(verb)
        if cue is None and tok.i not in quoted:
            return None
        speaker, trigger, how = (_speaker_of(cue) if cue is not None else None), tok, "predicate"
    elif tok.dep_ == "oprd" and verb.lemma_.lower() in W.naming_verbs:
        claim = next((c for c in verb.children if c.dep_ == "dobj"), None)
        speaker, trigger, how = _subject_of(verb), verb, "called"
    else:
        return None
    if claim is None or (claim.lemma_.lower() not in W.deniable_claims and claim.lower_ not in W.deniable_claims):
        return None
    maker = next((c for c in claim.children if c.dep_ == "poss" and _praised(c)), None) or _pobj_of(
        claim, ("by", "from")
    )
    if maker is not None and not _praised(maker):
        maker = None
    return Reading(
        trigger, "REJECT", None, f"pattern:{claim.lemma_.lower()} called {lem} ({how})", "pattern", speaker, maker
    )


# the parts of speech some reader of ``extra_candidates`` starts from (a token of another part of
# speech is read only as a "ccomp" by ``failing_told`` or as a "VBN" by ``stance``)
_READER_POS = frozenset(("VERB", "AUX", "ADJ", "NOUN"))


@lru_cache(maxsize=1)
def _accuse_prep_verbs() -> frozenset:
    """The verbs of a ``verb_objects.tsv`` ACCUSE row (``verb_prep`` codes no other verb)."""
    return frozenset(v for (v, _), row in OBJECT_RULES.items() if row[0] == "ACCUSE")


def _may_start(i: int, pos: str, tag: str, dep: str, lem: str, low: str, quoted: frozenset | set) -> bool:
    """Whether some reader of ``extra_candidates`` may take token ``i`` (its part of speech,
    tag, dependency, lower-case lemma and word): each reader's own first test, read from the
    Doc's lists before a Token is touched. A reader that starts from other words adds its test
    here (``tests/test_speed21.py`` checks this against the readers on made-up sentences)."""
    return (
        lem in W.praise_words  # praise
        or low in W.praise_words
        or lem in W.false_words  # denial
        or low in W.false_words
        or pos == "VERB"
        and (lem in _accuse_prep_verbs() or lem in W.asking_frames)  # verb_prep, frame_request
        or i in quoted
        and pos in ("VERB", "AUX")  # quoted_demand
        or dep == "ccomp"
        and lem in W.failing_verbs  # failing_told
        or (low if tag == "VBN" else lem) in W.critical_stance_adjs  # stance
        or (low if tag == "VBN" else lem) in W.approving_stance_adjs
        or pos == "NOUN"
        and (
            lem in W.praise_nouns or low in W.praise_nouns or NOUNS.get(lem, ("",))[0] == "CONSULT"
        )  # praise_noun, meeting_noun
    )


def extra_candidates(stoks: list, title_toks: set, quoted: frozenset | set, cands: list, make) -> list:
    """``cands`` with the round 14 readings of a sentence added at tokens no other reader took;
    a PETRARCH2 verb default (not trusted) gives way to a frame of asking (``frame_request``).
    ``make(reading)`` builds the candidate (``candidates.Candidate``; passed in: this module does
    not import ``candidates``)."""
    out = []
    for c in cands:  # an act said as what someone must do, or ordered: the demand (``demanded_act``)
        r0 = demanded_act(c.tok, c.type, c.rule, quoted) if c.source not in ("petrarch-verb", "evaluative") else None
        out.append(make(r0) if r0 is not None else c)
    taken = {c.i for c in out if c.source != "petrarch-verb"}
    if not stoks:
        return out
    doc, s0 = stoks[0].doc, stoks[0].i  # (``stoks`` is the run doc[s0:s0 + len(stoks)])
    pos, tag, dep = doc_attr(doc, "pos_"), doc_attr(doc, "tag_"), doc_attr(doc, "dep_")
    lemma_low, lower = doc_cache.doc_lemma_lower(doc), doc_attr(doc, "lower_")
    for i in range(s0, s0 + len(stoks)):
        if pos[i] not in _READER_POS and tag[i] != "VBN" and dep[i] != "ccomp":
            continue  # (no reader below takes such a token: each one's first test asks for these)
        if i in title_toks or i in taken:
            continue
        if not _may_start(i, pos[i], tag[i], dep[i], lemma_low[i], lower[i], quoted):
            continue  # (round 21, speed: no reader below starts from this word)
        tok = stoks[i - s0]
        r = (
            praise(tok, quoted)
            or denial(tok, quoted)
            or verb_prep(tok)
            or quoted_demand(tok, quoted)
            or failing_told(tok, taken)
        )
        if r is None:
            r = frame_request(tok) or stance(tok) or praise_noun(tok)
        if r is None and cands:  # (a sentence no other reader coded: the noun fallback reads its noun)
            r = meeting_noun(tok)
        if r is not None and r.tok.i not in taken:
            out = [x for x in out if x.i != r.tok.i]
            out.append(make(r))
            taken.add(r.tok.i)
    return out
