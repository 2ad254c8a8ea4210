"""From a candidate to a ``record.Event``: actor and recipient, flags, mode, place, date, quote."""

from __future__ import annotations

from dataclasses import replace
from typing import Optional, cast

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ... import actors as actor_codes
from ...record import Event, SentenceRef, Span
from ..doc_cache import doc_attr, subtree_ids
from ..places import place_for_span  # the components that run before this one
from ..times import date_for_span
from .actors import (
    CodedActor,
    _civil_actor,
    _code_actor,
    _context_country,
    _Ctx,
    _named_person,
    _ngo_like,
    _owner_told_before,
    _person_like,
    _phrase_country,
    _recipient,
    _recipient_country,
    _second_party,
)
from .candidates import Candidate
from .confidence import confidence, early_gate, features, gate, setting_of
from .flags import read_flags
from .ontology import CIVIL_SECTORS, COOPERATIVE, QUAD, STATE_SECTORS, SYMMETRIC_TYPES, cameo_root
from .precision import (
    background,
    campaign_promise,
    irrealis,
    named_target,
    no_object,
    other_sense,
    person_on,
    through_quantity,
    us_party_country,
)
from .precision15 import (
    campaigning,
    other_sense15,
    promise_describing,
    quoted_order,
    standing_stance,
    used_to,
    verbal_conflict,
)
from .precision16 import (
    alleged_act16,
    dated_by_when16,
    killing_not_riot16,
    other_sense16,
    own_side_meeting16,
    stance_described16,
    trip_home16,
    unrealised16,
    vote_intention16,
)
from .precision17 import (
    campaign_commitment17,
    declined_comment17,
    figurative_attack17,
    floor_taken17,
    historic17,
    interview_question17,
    nothing_to17,
    poll_answer17,
    statement_offered17,
    talk_alone17,
    voters_backing17,
)
from .precision18 import (
    generic_class18,
    impression18,
    no_sign18,
    own_apparatus18,
    poll_share18,
    proposal_to_nobody18,
    rally_behind18,
    warning_fact18,
)
from .precision19 import (
    campaign_rally19,
    foreign_story19,
    judged_thing19,
    judicial_dismissal19,
    life_stage19,
    owner_political19,
    person_country19,
    policy_stance19,
    standing_law19,
    stateless_group19,
    thanks19,
    won_by19,
)
from .precision20 import doubts20, home_guess20, untrusted20
from .recall19 import named_pair19
from .recall20 import object_antecedent20, political_pair20
from .recipients15 import named_target15
from .rules21 import named_person21
from .syntax import (
    NON_ACTOR_ENTS,
    _actor_like,
    _agent,
    _between_first,
    _by_agent,
    _left_subject,
    _obj,
    _subject,
    _told_as_count,
)
from .tables import (
    ARMED_HEADS,
    COMMITMENT_VERBS,
    CONTEXT_WORDS,
    DOCUMENT_NOUNS,
    HAZARD_HEADS,
    HEAVY_WEAPON_HEADS,
    IMPLIED_SECTORS,
    INANIMATE_HEADS,
    JUDGED_ACTS,
    LEADER_NOUNS,
    NOUNS,
    OBJECT_RULES,
    QUANTITY_HEADS,
    ROLE_SECTORS,
    RULES_OFF,
    SPEECH_VERBS,
    VERBAL_ACTOR_NOUNS,
    VERBAL_ATTACK_VERBS,
    WEAPON_MODES,
    W,
)


def _role_described(tok: Token) -> bool:
    """A verb in the present simple, in a relative clause on a noun in apposition ("Gerard Rice,
    a former IRA prisoner who leads anti-Orange protests"): a description of who someone is."""
    if tok.pos_ != "VERB" or tok.dep_ != "relcl" or tok.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.head.dep_ == "appos"


def _commitment(tok: Token, type_: str) -> bool:
    """A one-sided commitment told with a to-infinitive ("vowed to bring back jobs", "has pledged to
    bolster its military", "was ready to return fire": words.tsv commitment_verbs, ready_adjs): a
    stated intention, as a future act read as AGREE or THREATEN is (round 11)."""
    if type_ not in ("AGREE", "THREATEN"):
        return False
    lem = tok.lemma_.lower()
    if lem not in COMMITMENT_VERBS and lem not in W.ready_adjs:
        return False
    return any(
        c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children
    )


def _naming(tok: Token) -> bool:
    """ "called Yanukovych an outstanding leader", "called the remarks on 9/11 a new low": a verb of
    naming (words.tsv naming_verbs) with an object and a predicate noun (the parser's oprd, or an
    appos on the object when no "for"/"on" makes it a call for or on someone)."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if tok.lemma_.lower() not in W.naming_verbs or obj is None:
        return False  # "Palin called a delegate candidate": no object named, a phone call
    if any(c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ") for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in tok.children):
        return False
    return any(g.dep_ in ("appos", "oprd") and g.pos_ in ("NOUN", "ADJ") for g in obj.children)


def _mutual(tok: Token) -> bool:
    """A commitment parties make to each other: an act done together ("Trump and Ryan pledged to
    work together", "vowed to cooperate with"). (Coordinated subjects alone are not: "Clinton and
    Sanders have promised to build on Obama's legacy" is campaign talk.)"""
    return any(
        c.dep_ in ("xcomp", "advcl")
        and any(g.lower_ in ("together", "jointly") or g.dep_ == "prep" and g.lower_ == "with" for g in c.children)
        for c in tok.children
    )


def _warned_of_hazard(tok: Token) -> bool:
    """Whether the clause a warning verb reports has a hazard or a thing as its subject
    (words.tsv hazard_heads and inanimate_heads): "warned that the rains will cause landslides",
    "warned residents that prices would rise" (the clause may hang on the object in the parse)."""
    if tok.lemma_.lower() not in W.warning_verbs:
        return False
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "advcl")]
    clauses += [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ in ("acl", "relcl", "ccomp")]
    for cl in clauses:
        if not any(m.dep_ == "mark" and m.lower_ == "that" for m in cl.children) and cl.dep_ != "ccomp":
            continue
        for s in cl.children:
            if s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "NOUN":
                lem = s.lemma_.lower()
                if lem in HAZARD_HEADS or s.lower_ in HAZARD_HEADS or lem in INANIMATE_HEADS:
                    return True
    return False


def _warned_of_other(tok: Token) -> bool:
    """Whether a warning verb reports what another named party would do, or a judgement, rather
    than the speaker's own act (round 11): "He warns that Donald Trump would drive the party off
    the cliff" (a charge against Trump, no threat by the speaker), "warned the MPs that it would be
    counterproductive to enlist ..." (advice). Not when the other party is who would suffer
    (words.tsv consequence_verbs: "warned that the US would pay a heavy price" is a threat)."""
    if tok.lemma_.lower() not in W.warning_verbs:
        return False
    speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    clauses = [c for c in tok.children if c.dep_ == "ccomp"]
    clauses += [g for c in tok.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "ccomp"]
    for cl in clauses:
        if cl.lemma_.lower() in W.consequence_verbs:
            continue
        for s in cl.children:
            if s.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if s.lower_ == "it" and cl.lemma_ == "be" and any(c.dep_ in ("acomp", "attr") for c in cl.children):
                return True  # "it would be counterproductive": a judgement, no act
            other = s.pos_ == "PROPN" or s.ent_type_ in ("PERSON", "ORG", "NORP")
            if other and (speaker is None or s.lower_ != speaker.lower_):
                return True
    return False


def _campaign_struggle(tok: Token) -> bool:
    """A fight told as an effort (a to-infinitive: "fight to retain their edge") or for a person
    ("to fight for Clinton"), with no object fought."""
    if _obj(tok) is not None:
        return False
    if any(
        c.dep_ in ("xcomp", "advcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in tok.children
    ):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and any(g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lemma_.lower() in ROLE_SECTORS) for g in c.children)
        for c in tok.children
    )


def _poll_group(t: Optional[Token]) -> bool:
    """A phrase naming who a poll asked: "those surveyed", "respondents", "voters polled"
    (words.tsv poll_subjects), a share ("71 percent of Poles", "About 4 in 10")."""
    if t is None:
        return False
    sub = list(t.subtree)
    if any(x.lower_ in W.poll_subjects or x.lower_ in ("percent", "%") for x in sub):
        return True
    # "4 in 10", "six in ten": a share of those asked
    return any(
        x.lower_ == "in" and 0 < x.i - sub[0].i and x.nbor(-1).like_num and x.i + 1 <= sub[-1].i and x.nbor(1).like_num
        for x in sub
    )


def _poll_answer(tok: Token, subj: Optional[Token]) -> bool:
    """The act is what a poll's respondents answered: its subject names them, or its subject is a
    pronoun and the verb that reports the clause has them as subject ("those surveyed say ... they
    blame failures", "About 4 in 10 say they want the next president to ...")."""
    if _poll_group(subj):
        return True
    if subj is not None and subj.pos_ != "PRON":
        return False
    v = tok
    for _ in range(4):
        if v.head.i == v.i or v.dep_ not in ("ccomp", "conj", "xcomp", "advcl"):
            return False
        v = v.head
        if v.lemma_.lower() in SPEECH_VERBS or v.lemma_.lower() in ("want", "support", "oppose", "favor", "favour"):
            s2 = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if _poll_group(s2):
                return True
    return False


def _election_contest(tok: Token) -> bool:
    """A verb of conflict whose object, measure or "from"/"for" object is a contest word
    (words.tsv contest_words): "beat her 51% to 36%", "locked up the nomination", "block Trump
    from the nomination", "occupied a third tier" tell an election race, no attack or arrest."""
    heads = [c for c in tok.children if c.dep_ in ("dobj", "npadvmod", "attr")]
    heads += [
        g
        for c in tok.children
        # (round 13: "to beat Donald Trump in the general election", "forced out of the race": a
        # verb of winning or ousting, words.tsv contest_verbs)
        if c.dep_ == "prep"
        and (c.lower_ in ("from", "for") or c.lower_ in ("in", "of") and tok.lemma_.lower() in W.contest_verbs)
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if tok.lemma_.lower() in W.contest_verbs:  # "forced out of the race": "of" may hang on "out"
        heads += [
            x
            for c in tok.children
            if c.lower_ == "out"
            for g in c.children
            if g.dep_ == "prep" and g.lower_ == "of"
            for x in g.children
            if x.dep_ == "pobj"
        ]
    return any(h.lemma_.lower() in W.contest_words or h.lower_ in W.contest_words for h in heads)


def make_event(
    ctx: _Ctx,
    sent: SpacySpan,
    c: Candidate,
    speaker: Optional[CodedActor],
    quoted_toks: set,
    n: int,
    inner: Optional[Token] = None,
    named_actor: bool = False,
) -> Optional[Event]:
    """The event of candidate ``c`` (None when it is no event after all: a poll, a PETRARCH2 verb
    code with no actor the text names; ``named_actor``: also require an actor the text names)."""
    tok, type_, mode, rule = c.tok, c.type, c.mode, c.rule
    doc = ctx.doc
    lemma = tok.lemma_.lower()
    # ---- subject / actor
    if tok.pos_ == "NOUN" or tok.pos_ == "PROPN":
        subj, passive = None, False
        # "Russian shelling", "Israel's invasion": the noun's own modifiers
        for ch in tok.children:
            if ch.dep_ in ("poss", "amod", "compound") and (
                ch.ent_type_ in ("NORP", "GPE", "ORG") or ch.pos_ == "PROPN"
            ):
                if ch.dep_ == "compound" and ch.ent_type_ == "GPE" and _phrase_country(ch.text) is None:
                    continue  # "Paris attacks", "the Geneva talks": a city names where, not who (round 13)
                subj = ch
        if tok.dep_ == "attr":  # "Moscow could be a guarantor"
            subj = next((ch for ch in tok.head.children if ch.dep_ == "nsubj"), None)
        if subj is None:
            # "the arrest of the opposition leader by Malaysian police"
            subj = _by_agent(tok)
        if subj is None:
            # "talks between Iran and Iraq": the first party acts, the second is the recipient
            subj = _between_first(tok)
        if subj is None and c.source == "noun-fallback":
            # the noun of a clause no verb coded: the subject of the verb it hangs on acts
            v = tok.head
            while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
                v = v.head
            if v.pos_ in ("VERB", "AUX"):
                subj, passive = _subject(v)
                if passive:
                    subj, passive = _agent(v), False
    else:
        subj, passive = _subject(tok)
        if (
            subj is not None
            and tok.dep_ == "acl"
            and subj.i == tok.head.i
            and not _actor_like(subj)
            and subj.dep_ in ("dobj", "pobj")
            and subj.lemma_.lower() in DOCUMENT_NOUNS
        ):
            # "issued a statement condemning", "signed a decree expelling": the issuer acts
            v = subj.head if subj.dep_ == "dobj" else subj.head.head
            s2 = next((c for c in v.children if c.dep_ == "nsubj"), None)
            if s2 is not None:
                subj, passive = s2, False
        if subj is None:
            r = tok
            while r.dep_ in ("xcomp", "conj") and r.head.i != r.i:
                r = r.head
            if r.dep_ == "ROOT" and r.pos_ in ("VERB", "AUX"):
                subj = _left_subject(r)
        if (
            not passive and tok.tag_ == "VBN" and _agent(tok) is not None and (subj is None or subj.head.i != tok.i)
        ):  # "707 people shot and killed by police", "one captured by a dashboard camera": a
            passive = True  # participle with a by-agent is passive
        if (
            passive
            and lemma in ("commit", "determine", "prepare", "dedicate", "resolve", "oblige")
            and _agent(tok) is None
        ):
            passive = False
    if c.recipient_only:
        recipient_tok = c.recipient
        subj, passive = None, False
    elif c.forced:
        subj, recipient_tok, passive = c.actor, c.recipient, False
    else:
        recipient_tok = None
    if passive and type_ == "MOBILIZE" and _agent(tok) is None:
        passive = False  # "troops were deployed": the troops' side moves
    if passive:
        agent = _agent(tok)
        if recipient_tok is None:
            recipient_tok = subj
        subj = agent
    if (
        subj is not None
        and subj.lower_ in ("percent", "%")
        or subj is not None
        and any(ch.lower_ in ("percent", "%") for ch in subj.subtree)
    ):
        return None  # "71 percent of Poles support ...": a poll, not an event
    if _poll_answer(tok, subj):
        return None  # "those surveyed say they blame ...", "4 in 10 say they want ...": a poll (round 13)
    if (
        tok.dep_ == "xcomp"
        and tok.head.lemma_.lower() in ("stop", "cease", "halt", "suspend", "end", "quit")
        and (type_ in COOPERATIVE or type_ in ("AGREE", "CONSULT"))
    ):
        # "will stop cooperating with the inspectors": ending cooperation reduces relations (CAMEO 16)
        type_, mode = "SANCTION", "discontinue" if type_ in ("AID", "COOPERATE") else "withdraw"
        rule += f"; {tok.head.lemma_.lower()} + cooperation -> SANCTION"
    in_quote = tok.i in quoted_toks
    # ---- flags, before the type is final
    # every candidate is made with a type (cast: no check at run time)
    fl = read_flags(tok, cast(str, type_), mode, rule, pattern=c.source == "pattern", must=c.must)
    type_, mode, rule = fl.type, fl.mode, fl.rule
    negated, hypothetical, future = fl.negated, fl.hypothetical, fl.future
    if not c.forced and c.source != "pattern" and not (negated or hypothetical):
        # round 14: proposed, opposed, preferred acts; "give no support to"
        why = irrealis(tok) or (campaign_promise(tok) if fl.intention or type_ in ("AGREE", "THREATEN") else None)
        if not why and type_ != "REQUEST" and quoted_order(tok):
            why = "an order or a slogan quoted, not done"  # "the crowd chanted 'Lock her up!'" (round 15)
        if why:
            hypothetical = True
            rule += f"; {why}"
        elif no_object(tok):
            negated = True
            rule += "; its object is 'no ...'"
    # ---- actor
    if subj is None and tok.dep_ in ("nsubj",) and tok.pos_ == "NOUN":
        subj = None
    actor = _code_actor(
        ctx, subj, speaker if in_quote or (subj is not None and subj.lower_ in ("we", "i", "our")) else None
    )
    if actor is None and in_quote and speaker:
        actor = speaker.via("speaker:", "speaker", None, sent)
    if (
        type_ == "ASSAULT"
        and subj is not None
        and subj.lemma_.lower() in HEAVY_WEAPON_HEADS
        and mode in (None, "firearms", "explosives")
        and not any(c.lower_ == "suicide" for c in subj.children)
    ):
        mode = "heavy-weapons"  # "Israeli tanks fired ...", "warplanes struck ..."
    if type_ == "ASSAULT" and lemma in ("kill", "shoot", "murder", "gun", "slay") and mode in (None, "firearms"):
        # killing a leader or an official is an assassination (CAMEO 186)
        vic = _obj(tok) if not passive else recipient_tok
        if vic is not None and (
            vic.lemma_.lower() in LEADER_NOUNS
            or any(c.lemma_.lower() in LEADER_NOUNS for c in vic.children if c.dep_ in ("compound", "appos"))
        ):
            mode = "assassinate"
    if type_ == "ASSAULT" and mode is None:
        for t in sent:
            m2 = WEAPON_MODES.get(t.lemma_.lower())
            if m2:
                mode = m2
                rule += f"; mode from '{t.text}'"
                break
    # violence by civilians or protesters with no weapons named is a riot; so is their burning,
    # looting or seizing of property (CAMEO 145: protest violently), which the state's is not
    killing16 = False  # round 16: a killing by civilians who are no crowd is no riot
    crowd = (
        subj is not None
        and (subj.lemma_.lower() in QUANTITY_HEADS or any(c.dep_ == "nummod" for c in subj.children))
        and not (actor is not None and actor.sector in STATE_SECTORS | {"REB", "UAF", "MIL"})
    )
    if (
        (type_ == "ASSAULT" and mode in (None, "beat") or type_ == "COERCE" and mode == "seize")
        and actor is not None
        and (actor.sector in CIVIL_SECTORS or crowd and not actor.sector)
        and not (subj is not None and subj.lemma_.lower() in ARMED_HEADS | {"force"})
    ):  # "opposition forces" fight
        type_, mode = "PROTEST", "riot"
        rule += "; civilian violence -> PROTEST riot"
        killing16 = killing_not_riot16(lemma, crowd)
    # blocking roads is a protest unless the state does it
    civil = _civil_actor(actor, subj)
    if type_ == "ASSAULT" and lemma == "strike" and _obj(tok) is None and civil and actor is not None:
        type_, mode = "PROTEST", "boycott"  # "workers struck": a labour strike
    if (
        type_ == "COERCE"
        and lemma in ("block", "barricade", "blockade")
        and not (actor is not None and actor.sector in STATE_SECTORS or subj is not None and subj.ent_type_ == "GPE")
    ):
        type_, mode = "PROTEST", "obstruct"  # "rebels blocked the roads"; a state blocking is coercion
    elif type_ == "COERCE" and mode == "restrict" and civil and actor is not None:
        # "shopkeepers shut down their businesses": closing by civilians is a strike (CAMEO 143)
        type_, mode = "PROTEST", "boycott"
        rule += "; civilian restriction -> PROTEST"

    # "US air strikes against Iraq", "launched missile strikes": a strike with a weapon word on it is
    # an attack, not a walkout (words.tsv military_strike_modifiers; round 11)
    if type_ == "PROTEST":
        sn = tok if tok.pos_ == "NOUN" else _obj(tok) if tok.pos_ == "VERB" else None
        if (
            sn is not None
            and sn.lemma_.lower() == "strike"
            and any(c.dep_ in ("compound", "amod") and c.lower_ in W.military_strike_modifiers for c in sn.children)
        ):
            type_, mode = "ASSAULT", "heavy-weapons"
            rule += "; military strike -> ASSAULT"
    # verbal attacks between persons ("Trump attacked Clinton") are ACCUSE, never ASSAULT (guidelines 3)
    # a named person or a politician attacked "as" something, or a person attacked by one, is a
    # verbal attack even in a sentence about the military ("Trump attacked Clinton for her
    # support of military action"); armed and security actors and weapons as subject never are
    _vo = through_quantity(_obj(tok)) if tok.pos_ == "VERB" else None
    if (
        type_ == "ASSAULT"
        and (
            lemma in VERBAL_ATTACK_VERBS
            or _vo is not None
            and (
                _vo.lemma_.lower() in VERBAL_ATTACK_VERBS
                or _vo.lemma_.lower() in W.verbal_assault_nouns
                and person_on(_vo, VERBAL_ACTOR_NOUNS)
            )
        )
        and actor is not None
        and (
            actor.head_ent == "PERSON"
            or actor.sector in W.verbal_attack_sectors
            or _person_target(tok)
            and subj is not None
            and (subj.lemma_.lower() in VERBAL_ACTOR_NOUNS or subj.ent_type_ in ("PERSON", "ORG"))
            # (round 14: "continued his assault on Mr. Bush", told of a person by a pronoun)
            or person_on(_vo, VERBAL_ACTOR_NOUNS)
            and actor.sector not in ("MIL", "COP", "REB", "UAF", "SPY")
            and not (subj is not None and subj.lemma_.lower() in ARMED_HEADS | HEAVY_WEAPON_HEADS)
        )
        and (
            not any(t.lemma_.lower() in WEAPON_MODES or t.lower_ in CONTEXT_WORDS["military"] for t in sent)
            or (_person_target(tok) or person_on(_vo, VERBAL_ACTOR_NOUNS))
            and not (subj is not None and subj.lemma_.lower() in ARMED_HEADS | HEAVY_WEAPON_HEADS)
            and actor.sector not in ("MIL", "COP", "REB", "UAF", "SPY")
        )
    ):
        type_, mode = "ACCUSE", "disapprove"
        rule += "; verbal attack -> ACCUSE"
    elif type_ == "ASSAULT" and verbal_conflict(tok, sent, subj, actor.sector if actor is not None else None):
        # "stepped up their war of words", "candidates went on the attack" (round 15)
        type_, mode = "ACCUSE", "disapprove"
        rule += "; war of words -> ACCUSE"
    # "was arrested in Lebanon": the state where it happened acts
    if actor is None and passive and type_ in ("COERCE", "ACCUSE"):
        # "was put under investigation in Italy": the "in" may hang on the trigger's own phrase
        inner_preps = [
            g
            for ch in tok.children
            if ch.dep_ == "prep"
            for x in ch.children
            if x.dep_ == "pobj"
            for g in x.children
            if g.dep_ == "prep"
        ]
        for ch in list(tok.children) + inner_preps:
            if ch.dep_ == "prep" and ch.lower_ == "in":
                g = next((x for x in ch.children if x.dep_ == "pobj"), None)
                if g is not None and g.ent_type_ == "GPE":
                    loc = _code_actor(ctx, g)
                    if loc and loc.country:
                        actor = CodedActor(None, loc.country, "GOV", loc.start, loc.end, "location-state")
    # an actor the text names without a country ("President X", "students"): the country its
    # own phrase or, failing that, the sentence talks about (a domestic actor)
    group_of_known = subj is not None and any(
        c.lower_ in ("two", "both", "three", "all") and c.dep_ in ("nummod", "det", "predet") for c in subj.children
    )
    if group_of_known:  # "the two leaders" are parties named before, not the article's country
        pass
    elif subj is not None and actor is not None and not actor.country and _ngo_like(subj):
        pass  # "the Third World Water Forum", "Human Rights Watch": no country to guess
    elif actor is not None and not actor.country and subj is not None and "nonstate" not in actor.tags:
        # a person the text names takes no country from another phrase of the sentence (round 12)
        c2, how = _context_country(ctx, sent, subj, tok, other=recipient_tok, named=_named_person(ctx, actor))
        if c2:
            actor = actor.plus(how, c2)
    elif actor is None and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        c2, how = _context_country(ctx, sent, subj, tok, other=recipient_tok)
        if c2:
            actor = CodedActor(
                None, c2, None, subj.idx, subj.idx + len(subj), how, mention=(subj.idx, subj.idx + len(subj))
            )
    if recipient_tok is None and c.source != "evaluative":  # "is an insult to X": X is offended, not judged
        recipient_tok = _recipient(tok, type_)
    if recipient_tok is None and inner is not None:
        recipient_tok = _recipient(inner, type_)
    if (
        recipient_tok is None
        and subj is not None
        and (
            type_ in ("CONSULT", "AGREE", "SUPPORT", "COOPERATE")
            or lemma in ("clash", "fight", "exchange", "battle", "skirmish", "fighting", "clashes", "war", "gunbattle")
        )
    ):
        conj = next((c for c in subj.children if c.dep_ == "conj" and _actor_like(c)), None)
        if conj is not None:
            recipient_tok = conj
    if (
        recipient_tok is None
        and subj is not None
        and (
            type_ in SYMMETRIC_TYPES
            or lemma in ("clash", "fight", "exchange", "battle", "skirmish", "fighting", "clashes", "war", "gunbattle")
        )
    ):
        # compound actors: "Israeli and Palestinian leaders", "the leaders of Ghana and Togo",
        # "talks between Iran and Iraq": the second party is the recipient
        recipient_tok = _second_party(subj)
    if recipient_tok is None and type_ == "REQUEST":
        # who is asked, not what is asked for: "demanding action", "requested another month",
        # "requested 13 security personnel" name no addressee (round 13: a recipient read from the
        # wrong phrase is worse than none)
        ob = _obj(tok)
        recipient_tok = (
            ob
            if ob is not None
            and ob.lemma_.lower() not in NOUNS
            and (
                _person_like(ob)
                and not any(c.like_num for c in ob.children)
                or ob.lemma_.lower() in ROLE_SECTORS
                or ob.lemma_.lower() in actor_codes.ROLE_NOUNS
            )
            else None
        )
    if recipient_tok is None and type_ in ("ACCUSE", "REJECT", "SUPPORT"):
        # round 14: a target the sentence names in another phrase ("dove into Trump's record,
        # launching attacks", "dismissed a report in Politico") rather than a bare country
        recipient_tok = named_target(tok)
    how15 = ""  # round 15: a target the sentence names, before any country guess
    if recipient_tok is None and c.source != "evaluative":
        recipient_tok, how15 = named_target15(tok, type_)
    if (
        recipient_tok is not None
        and recipient_tok.lower_ in ("who", "whom", "which", "that")
        and recipient_tok.dep_ in ("nsubjpass", "dobj")
        and tok.dep_ == "relcl"
    ):
        recipient_tok = tok.head  # "Afgan Mukhtarli, who was sentenced ...": the antecedent is acted on
    if actor is None and subj is not None and subj.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        actor = _code_actor(ctx, tok.head)  # "the rebels, who attacked ...": the antecedent acts
        if actor is not None:
            actor = actor.plus("antecedent")
            if not actor.country and "nonstate" not in actor.tags:
                # "Gov. John Kasich of Ohio, a Republican who has refused ...": the antecedent's
                # country as any actor's (round 13: the table no longer reads "Republican" as DOM)
                c2, how = _context_country(
                    ctx, sent, tok.head, tok, other=recipient_tok, named=_named_person(ctx, actor)
                )
                if c2:
                    actor = actor.plus(how, c2)
    if actor is None and not passive and (subj is None or subj.pos_ == "PRON"):
        # no subject of its own ("a call for talks", a clause the parser cut loose): the subject of
        # the verb it hangs on, else the country the sentence or the article is about
        v, hops = tok.head, 0
        while v.i != v.head.i and hops < 4 and v.pos_ not in ("VERB", "AUX"):
            v, hops = v.head, hops + 1
        s2 = _subject(v)[0] if v.pos_ in ("VERB", "AUX") and v.i != tok.i else None
        if (
            s2 is not None
            and s2.pos_ != "PRON"
            and _actor_like(s2)
            and (recipient_tok is None or s2.i != recipient_tok.i)
            # "a former governor whose property was under investigation was dining ...": an act
            # told inside the subject's own phrase is not the subject's doing (round 16)
            and ("precision16" in RULES_OFF or tok.i not in subtree_ids(s2))
        ):
            actor = _code_actor(ctx, s2)
            if actor is not None:
                actor = actor.plus("governing-subject")
                if not actor.country:
                    c2, how = _context_country(ctx, sent, s2, tok, other=recipient_tok, named=_named_person(ctx, actor))
                    if c2:
                        actor = actor.plus(how, c2)

    if actor is None and type_ != "ASSAULT" and (not passive or _agent(tok) is None):
        # nobody named ("sanctions were imposed", "a call for talks"): the country the sentence,
        # else the article, is about (CAMEO coders' usual reading of an unnamed domestic actor)
        c2, how = _context_country(ctx, sent, tok, tok, other=recipient_tok, phrase=False)
        if c2:
            actor = CodedActor(None, c2, None, tok.idx, tok.idx + len(tok), "unnamed+" + how)
    # "he was arrested", "she was sentenced": the police's or a court's act (guidelines 5.1)
    if (
        type_ in ("COERCE", "ACCUSE")
        and lemma in IMPLIED_SECTORS
        and (actor is None or actor.mention is None and not actor.sector)
        # (done to someone: not "his campaign theme of questioning trade deals")
        and not (
            tok.tag_ == "VBG"
            and not passive
            and not (recipient_tok is not None and (_actor_like(recipient_tok) or recipient_tok.pos_ == "PRON"))
        )
    ):
        if actor is None:
            c2, how = _context_country(ctx, sent, tok, tok, other=recipient_tok, phrase=False)
            actor = CodedActor(None, c2, None, tok.idx, tok.idx + len(tok), "unnamed+" + how if c2 else "unnamed")
        actor = replace(
            actor, sector=IMPLIED_SECTORS[lemma], rule=actor.rule + "+implied-sector", tags=actor.tags | {"implied"}
        )
    actor = stateless_group19(ctx.text, actor)  # (round 19)
    # ---- the early gate (round 20): the actor is final here. A candidate that can never be shown
    # (no event: a PETRARCH2 verb code or a fallback noun with no actor the text names) or never
    # trusted (a PETRARCH2 verb code with no pattern, whatever it is done to: ``confidence.early_gate``)
    # is not built further: no recipient country, place, date, features or later gates. The coding of its
    # recipient still runs, as it did: it adds entities and mentions and moves the pronoun memory
    # that later events read (docs/events.md, round 20)
    dropped = (c.source == "petrarch-verb" and (actor is None or not actor.named(with_pronouns=True))) or (
        named_actor and (actor is None or not (actor.country or actor.sector) or not actor.named())
    )
    early = "" if dropped or "early-gate20" in RULES_OFF else early_gate(c.source) or ""
    light = (dropped or bool(early)) and "early-gate20" not in RULES_OFF  # (the switch: build every one in full)
    place_id = None
    if not light or type_ == "CONSULT" and mode is None and actor is not None and recipient_tok is not None:
        place_id = _place_of(ctx, tok, sent, recipient_tok if type_ in ("ASSAULT", "COERCE", "PROTEST") else None)[0]
    if type_ == "CONSULT" and mode is None and place_id and actor is not None:
        pc = next((p.country for p in (getattr(doc._, "places", None) or []) if p.id == place_id), None)
        rc = None
        if recipient_tok is not None:
            r0 = _code_actor(ctx, recipient_tok)
            rc = r0.country if r0 else None
        if pc and actor.country and rc:
            # meeting in one party's country is a visit, elsewhere a third-party meeting (CAMEO 042-044)
            mode = "visit" if pc in (actor.country, rc) else "third-party"
            rule += f"; mode from place ({pc})"
    recipient = _code_actor(ctx, recipient_tok) if recipient_tok is not None else None
    recipient = object_antecedent20(recipient_tok, lambda t: _code_actor(ctx, t)) or recipient  # (round 20)
    if recipient and actor and recipient.start == actor.start:
        recipient = None
    if how15 and recipient is not None:
        if actor is not None and (
            recipient.entity and recipient.entity == actor.entity or recipient.mention == actor.mention
        ):
            recipient, recipient_tok = None, None  # "mocked her record" read as the actor's own: as before
    judged = _obj(tok) if tok.pos_ == "VERB" else None
    if (
        recipient_tok is None
        and type_ in ("ACCUSE", "REJECT", "SUPPORT")
        and judged is not None
        and judged.lemma_.lower() in JUDGED_ACTS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in judged.children)
        and not any(c.dep_ in ("poss", "prep", "compound", "amod") for c in judged.children)
    ):
        # "called the plan reckless", "rejected the proposal": an act with no owner named here is
        # the act of the one who last told of it (the previous sentences' speaker)
        recipient = owner_political19(_owner_told_before(ctx, sent, actor))  # (round 19)
    elif (
        recipient is None
        and recipient_tok is not None
        and (_person_like(recipient_tok) or c.forced and recipient_tok.pos_ in ("NOUN", "PROPN"))
        and not (actor is not None and actor.mention and actor.mention[0] <= recipient_tok.idx < actor.mention[1])
    ):
        # "charged him", "sentenced the unemployed man": a target the text names but no table
        # codes keeps its words (its country may come from the clause or the actor below)
        recipient = CodedActor(
            None,
            None,
            None,
            recipient_tok.idx,
            recipient_tok.idx + len(recipient_tok),
            "mention",
            mention=(recipient_tok.idx, recipient_tok.idx + len(recipient_tok)),
        )
    if not light and recipient is not None and not recipient.country and recipient_tok is not None:
        c2, how = _context_country(ctx, sent, recipient_tok, tok, broad=False)
        if c2:
            recipient = recipient.plus(how, c2)
    # a generic "government forces" in an article about one country's conflict
    if (
        not light
        and recipient
        and not recipient.country
        and recipient.sector in ("GOV", "MIL", "COP")
        and actor
        and actor.country
        and actor.sector in ("REB", "OPP", "CVL")
    ):
        recipient = recipient.plus("domestic", actor.country)
    if not light and (recipient is None or not recipient.country) and actor is not None:
        # no recipient country in the text's own phrase: a country the event's clause names
        # ("in Kathmandu", "offensive against Iraq"), else, for a domestic act (arrests, protests,
        # curfews, releases ...), the actor's own country, as CAMEO coders do
        # a police or court act on a person the text names is done at home (guidelines 5.3)
        rc, how = _recipient_country(
            ctx,
            tok,
            subj,
            actor,
            type_,
            recipient is not None
            and (
                recipient.sector is not None
                or actor.sector in ("COP", "JUD")
                # a person the text names as the target, in an article about one country
                or recipient_tok is not None
                and (
                    _person_like(recipient_tok)
                    or recipient_tok.lemma_.lower() in VERBAL_ACTOR_NOUNS
                    or recipient_tok.pos_ == "PROPN"
                    and recipient_tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP")
                )
                and ctx.one_country(actor.country)
            ),
            # (what a request asks for, "urged restraint on both sides", still tells a target is
            # meant: no domestic guess; round 13)
            recipient is not None or type_ == "REQUEST" and _obj(tok) is not None,
            _named_person(ctx, recipient),
            recipient_tok,
        )
        rc, how = person_country19(
            rc, how, type_, _named_person(ctx, recipient), actor.country, ctx.one_country(actor.country)
        )
        rc, how = judged_thing19(rc, how, tok, type_) if recipient is None else (rc, how)
        rc, how = foreign_story19(
            rc, how, type_, recipient is not None, _named_person(ctx, recipient), ctx.home_country(actor.country)
        )
        rc, how = home_guess20(rc, how, type_, recipient is None)  # (round 20)
        if rc:
            if recipient is None:
                recipient = CodedActor(None, rc, None, tok.idx, tok.idx + len(tok), how)
            else:
                recipient = recipient.plus(how, rc)
    if (
        not light
        and type_ == "CONSULT"
        and mode is None
        and place_id
        and actor is not None
        and actor.country
        and recipient is not None
        and recipient.country
    ):
        pc = next((p.country for p in (getattr(doc._, "places", None) or []) if p.id == place_id), None)
        if pc:  # meeting in one party's country is a visit, elsewhere a third-party meeting
            mode = "visit" if pc in (actor.country, recipient.country) else "third-party"
            rule += f"; mode from place ({pc})"
    if how15 and recipient_tok is not None and recipient is not None:
        recipient = recipient.plus(how15)
    actor, recipient = _us_party(ctx, actor), _us_party(ctx, recipient)
    recipient = _not_self(ctx, sent, actor, recipient)
    recipient = stateless_group19(ctx.text, recipient)  # (round 19)
    if recipient is not None:
        rule += f"; recipient {recipient.rule}"
    # ---- the record
    start, end = tok.idx, tok.idx + len(tok)
    obj = _obj(tok)
    if tok.pos_ == "VERB" and obj is not None and obj.lemma_.lower() in NOUNS and 0 < obj.i - tok.i <= 4:
        end = obj.idx + len(obj)
    elif (
        tok.pos_ == "VERB"
        and obj is not None
        and (lemma, obj.lemma_.lower()) in OBJECT_RULES
        and 0 < obj.i - tok.i <= 6
    ):  # "expressing Moscow's concern", "imposed a diplomatic and trade embargo": the verb+object rule's words
        end = obj.idx + len(obj)
    if tok.lemma_ == "be":  # "is in custody": the copula's phrase names the state
        pp = next(
            (
                g
                for ch in tok.children
                if ch.dep_ == "prep" and 0 < ch.i - tok.i <= 2
                for g in ch.children
                if g.dep_ == "pobj" and g.i - ch.i <= 3
            ),
            None,
        )
        if pp is not None:
            end = pp.idx + len(pp)
    part = next((ch for ch in tok.children if ch.dep_ == "prt"), None)
    if part is not None and part.i == tok.i + 1:
        end = part.idx + len(part)
    # auxiliaries and negation belong to the trigger text ("did not attack", "will meet")
    aux = [ch for ch in tok.children if ch.dep_ in ("aux", "neg") and ch.i < tok.i and tok.i - ch.i <= 3]
    if aux:
        start = min(start, aux[0].idx)
    quote = _quote_for(ctx, start, end, tok)
    date = None
    if not light and date_for_span is not None:
        try:
            date = date_for_span(doc, start, end)
        except Exception:  # pragma: no cover
            date = None
    contexts = ctx.contexts.get(sent.start)
    if contexts is None:
        contexts = ctx.contexts[sent.start] = _contexts(sent)
    # A PETRARCH2 verb code without a pattern is only trusted, as PETRARCH itself did, when the
    # text names the actor ("linked", "exposed", "was fired" are no events by themselves); a
    # sentence's fallback noun is kept only with an actor the text names (``dropped`` above)
    if dropped:
        return None
    if actor is not None:
        rule += f"; actor {actor.rule}"

    def emit(rule: str, date: Optional[str], place: Optional[str], conf: float) -> Event:
        # the record, with the other fields as they stand when it is called (the early gate's
        # untrusted events and the fully built ones, round 20)
        return Event(
            id=f"V{n}",
            type=type_,
            mode=mode,
            contexts=contexts,
            actor=actor.entity if actor else None,
            recipient=recipient.entity if recipient else None,
            actor_country=actor.country if actor else None,
            actor_sector=actor.sector if actor else None,
            recipient_country=recipient.country if recipient else None,
            recipient_sector=recipient.sector if recipient else None,
            date=date,
            place=place,
            quad=QUAD[type_],
            cameo_root=cameo_root(type_, mode),
            trigger=Span(start, end, ctx.text[start:end]),
            sentence=SentenceRef(sent.start_char, sent.end_char),
            quote=quote.id if quote is not None else None,
            negated=negated,
            hypothetical=hypothetical and not negated,
            future=future,
            rule=rule,
            actor_mention=_mention(ctx, actor),
            recipient_mention=_mention(ctx, recipient),
            confidence=conf,
            recipient_basis=_recipient_basis(recipient),
        )

    if early:
        # never trusted, whatever its recipient, place or date: not built further (round 20)
        ctx.features.setdefault((start, type_), [f"src={c.source}", "gated"])
        return emit(f"{rule}; untrusted: {early}", None, None, 0.0)
    sent_rel = ctx.sentence_relevance(sent)
    # a commitment two parties make together ("Trump and Ryan pledged to work together") is made to each other
    promised = _commitment(tok, type_) and not _mutual(tok)
    feats = features(
        type_,
        c.source,
        lemma,
        tok.pos_,
        actor,
        recipient,
        sent_rel,
        ctx.relevance,
        in_quote,
        actor_codes.IGO_CODES,
        intention=fl.intention,
        promise=promised or fl.intention and type_ == "AGREE",
        setting=setting_of(tok),
    )
    feats += judicial_dismissal19(tok, type_, actor.sector if actor else None, subj) + policy_stance19(
        tok, type_
    )  # (round 19)
    feats += doubts20(tok, type_, recipient_tok)  # (round 20)
    feats = named_pair19(feats, type_, actor, recipient, _named_person(ctx, actor), _named_person(ctx, recipient))
    feats = political_pair20(feats, type_)  # (round 20: recall20.py)
    feats = named_person21(feats, type_, actor, ctx.entities)  # (round 21: rules21.py)
    # a general verb whose object decides what it codes ("launched a lawsuit", "held talks") is
    # not used generically: the gate reads the object's word
    olem = obj.lemma_.lower() if obj is not None and tok.pos_ == "VERB" and 0 < obj.i - tok.i <= 6 else None
    gate_word = olem if olem is not None and (olem in NOUNS or (lemma, olem) in OBJECT_RULES) else lemma
    untrusted = gate(type_, c.source, gate_word, actor, recipient, sent_rel, ctx.relevance, actor_codes.IGO_CODES)
    if (
        not untrusted
        and c.forced
        and c.source == "pattern"
        and type_ in ("REQUEST", "ACCUSE")
        and actor is not None
        and recipient is not None
        and recipient_tok is not None
        and recipient_tok.ent_type_ == "GPE"
        and actor.country
        and recipient.country == actor.country
    ):
        # "insisted that Malta needed to stand its ground", said by a Maltese minister: what the
        # speaker says his own country must do or did is no demand on, or charge against, another
        untrusted = "aimed at the speaker's own country"
    if (
        not untrusted
        and type_ == "PROTEST"
        and (lemma in W.campaign_rally_words or olem in W.campaign_rally_words)
        and (
            actor is not None
            and (actor.sector in W.campaign_rally_sectors or actor.head_ent == "PERSON")
            or subj is not None
            and (subj.ent_type_ == "PERSON" or subj.pos_ == "PROPN" and not subj.ent_type_)
        )
    ):
        # "Sanders held a rally Saturday": a rally a named person or a party holds is campaigning,
        # no protest (guidelines 3: "a campaign rally is not a PROTEST"; round 11); a rally by
        # "the city's political and religious leaders" against someone is a protest
        untrusted = "a campaign rally"
    if not untrusted and tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        # "getting all imprisoned Americans out": a participle used as an adjective describes a
        # state, no act reported (round 13)
        untrusted = "a participle describing a noun, not an act"
    if not untrusted and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _naming(tok.head):
        # "for not calling the Orlando nightclub attack an act of terrorism": an act named, not
        # reported (round 13)
        untrusted = "an act named, not reported"
    if not untrusted and _naming(tok) and (type_ in ("CONSULT", "REQUEST") or olem is not None and olem in NOUNS):
        # (round 13: also a light verb's event noun named: "calling the attack an act of terrorism")
        # "Manafort called Yanukovych an outstanding leader", "Priebus called Clinton's remarks a
        # new low": calling someone something is naming them, no call or request (round 11)
        untrusted = "naming: called X something"
    if (
        not untrusted
        and c.type == "CONSULT"
        and recipient is None
        and not group_of_known
        and not (subj is not None and any(ch.dep_ == "conj" and _actor_like(ch) for ch in subj.children))
    ):
        # "Republican leaders of the state House and Senate will meet Friday", "lawmakers will
        # convene": a meeting with nobody named on the other side is one party or body meeting
        # (a consultation needs two: PLOVER CONSULT)
        untrusted = "a meeting with no other party"
    if not untrusted and type_ == "THREATEN" and tok.pos_ == "VERB" and _warned_of_hazard(tok):
        # "officials are warning residents that oncoming rains will cause landslides": advice
        # about a hazard, no one's act threatened (round 9)
        untrusted = "a warning about a hazard, not a threat"
    if not untrusted and type_ == "THREATEN" and tok.pos_ == "VERB" and _warned_of_other(tok):
        untrusted = "a warning about another party's act or a judgement, not a threat"
    if not untrusted and _role_described(tok):
        # "said Gerard Rice, a former IRA prisoner who leads anti-Orange protests": what a person
        # does habitually, told to say who they are, is no act on a day (round 9)
        untrusted = "a role told of a person, not an act"
    if not untrusted and tok.pos_ == "VERB" and _told_as_count(tok):
        untrusted = "a count told as background, not one act"
    if (
        not untrusted
        and c.type == "ASSAULT"
        and type_ in ("ASSAULT", "THREATEN")
        and tok.pos_ == "VERB"
        and lemma in W.struggle_verbs
        and _campaign_struggle(tok)
        and not any(t.lemma_.lower() in WEAPON_MODES or t.lower_ in CONTEXT_WORDS["military"] for t in sent)
        and not (actor is not None and actor.sector in ("MIL", "COP", "REB", "UAF", "SPY"))
        and not (subj is not None and subj.lemma_.lower() in ARMED_HEADS)
    ):
        # "fight to retain their fundraising edge", "a political army ... to fight for Clinton": an
        # effort or a campaign, no attack (round 13)
        untrusted = "a struggle or a campaign, not an attack"
    if not untrusted and type_ in ("ASSAULT", "COERCE", "PROTEST") and tok.pos_ == "VERB" and _election_contest(tok):
        # "Sanders beat her 51% to 36%", "had locked up the nomination": a race (round 10)
        untrusted = "an election contest, not conflict"
    if not untrusted:
        untrusted = _precision_gate(ctx, tok, type_, actor)
    if not untrusted:
        # round 15: election and campaign activity (guidelines 2.2), a past habit ("used to")
        untrusted = (
            campaigning(tok, type_, subj, recipient_tok)
            or ("a past habit ('used to'), background" if used_to(tok) else "")
            or ("a standing attitude, not an act" if standing_stance(tok, type_) else "")
            or other_sense15(tok, type_)
            or ("a promise describing a thing, no commitment" if promise_describing(tok, type_) else "")
        )
    if not untrusted:
        # round 16: killings by private persons, one's own side met, alleged acts, acts not yet
        # done, other senses, trips at home, intentions to vote, stances told in a relative
        # clause, acts in a "when" clause on an old date (precision16.py)
        untrusted = (
            ("a killing by private persons, a crime or history, no riot" if killing16 else "")
            or own_side_meeting16(tok, type_, recipient_tok, recipient.sector if recipient is not None else None)
            or alleged_act16(tok)
            or unrealised16(tok)
            or other_sense16(tok, type_)
            or trip_home16(
                tok,
                type_,
                actor.country if actor is not None else None,
                ctx.place_country,
                actor is not None and "pronoun" in actor.tags,
            )
            or vote_intention16(tok, type_)
            or stance_described16(tok, type_)
            or dated_by_when16(tok, ctx.published, getattr(ctx.doc._, "times", None))
            or ""
        )
    if not untrusted:
        # round 17: poll answers, attacks on ideas, declining comment, statements offered, the
        # floor taken, commitments to run, interview questions, speaking alone, eras and decades
        # long past (precision17.py)
        untrusted = (
            poll_answer17(tok, type_)
            or figurative_attack17(tok, type_, recipient_tok)
            or declined_comment17(tok, type_)
            or statement_offered17(tok, type_)
            or floor_taken17(tok, type_)
            or campaign_commitment17(tok, type_)
            or interview_question17(tok, type_)
            or talk_alone17(tok, type_)
            or historic17(tok, ctx.published)
            or voters_backing17(tok, type_)
            or nothing_to17(tok)
            or ""
        )
    if not untrusted:
        # round 18: warnings that tell a fact, classes of people, a poll's shares, rallying behind a
        # candidate, acts there is no sign of, impressions of a feeling, one's own unit closed
        # (precision18.py)
        untrusted = (
            warning_fact18(tok, type_)
            or generic_class18(tok)
            or poll_share18(tok, type_)
            or rally_behind18(tok, type_)
            or no_sign18(tok)
            or impression18(tok, type_)
            or own_apparatus18(tok, type_)
            or proposal_to_nobody18(tok, type_)
            or ""
        )
    if not untrusted:
        # round 19: campaign rallies and thanks, acts as the means of a win, acts dated by a stage of
        # a life (precision19.py)
        untrusted = (
            campaign_rally19(type_, lemma, olem, _named_person(ctx, actor))
            or thanks19(tok, type_)
            or won_by19(tok)
            or life_stage19(tok)
            or standing_law19(tok, subj)
            or untrusted20(tok, type_)  # (round 20: precision20.py)
            or ""
        )
    if untrusted:
        rule += f"; untrusted: {untrusted}"
        feats = feats + ["gated"]
    ctx.features.setdefault((start, type_), feats)
    return emit(rule, date, place_id, 0.0 if untrusted else confidence(feats, ctx.confidence_model))


# how a recipient the sentence does not name was given its country (``_recipient_country``)
_UNNAMED_BASES = ("domestic", "clause-country", "sentence-country")


def _recipient_basis(recipient: Optional[CodedActor]) -> Optional[str]:
    """``named`` when the sentence names the recipient (an entity or its words), else how its
    country was found: ``clause-country``, ``sentence-country`` or ``domestic`` (the actor's own
    country, a guess); None when there is no recipient."""
    if recipient is None:
        return None
    if recipient.entity or recipient.mention is not None:
        return "named"
    last = recipient.rule.rsplit("+", 1)[-1]
    return last if last in _UNNAMED_BASES else "named"


def _precision_gate(ctx: _Ctx, tok: Token, type_: str, actor: Optional[CodedActor]) -> str:
    """Round 14: history told as background, a verb in another sense (precision.py); "" if none."""
    o = _obj(tok) if tok.pos_ == "VERB" else None
    return (
        background(tok, ctx.published, getattr(ctx.doc._, "times", None))
        or other_sense(
            tok,
            type_,
            actor.country if actor else None,
            ctx.place_country.get(o.idx) if o is not None else None,
            actor is not None and "pronoun" in actor.tags,
        )
        or ""
    )


def _not_self(
    ctx: _Ctx, sent: SpacySpan, actor: Optional[CodedActor], recipient: Optional[CodedActor]
) -> Optional[CodedActor]:
    """A recipient pronoun read as the actor itself ("Clinton's campaign has criticized him", "she
    called Sanders to congratulate him", both read as Clinton): a statement is aimed at someone
    else, the person the sentence names last before the pronoun, else nobody (round 14)."""
    if actor is None or recipient is None or "pronoun" not in recipient.tags or recipient.mention is None:
        return recipient
    same = bool(actor.entity) and recipient.entity == actor.entity
    if not same and recipient.entity and actor.mention:
        # "Clinton's campaign has criticized him" read as Clinton: the actor's own side
        ent = ctx.entities.get(recipient.entity)
        last = str(getattr(ent, "name", "") or "").split()[-1:] if ent is not None else []
        atext = ctx.text[actor.mention[0] : actor.mention[1]]
        same = bool(last) and any(f"{last[0]}{s}" in atext for s in ("'s", "’s"))
    if not same:
        return recipient
    pron_start = recipient.mention[0]
    toks = [t for t in sent if t.idx < pron_start]
    memory = (ctx.last_person, ctx.last_group)  # (coding a phrase moves the pronoun memory: keep it)
    try:
        for t in reversed(toks):
            if (t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and t.ent_type_ in ("", "ORG")) and not (
                t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN" and t.doc[t.i + 1].idx < pron_start
            ):
                if t.dep_ not in ("nsubj", "dobj", "pobj", "appos", "nsubjpass", "dative", "conj"):
                    continue
                other = _code_actor(ctx, t)
                if (
                    other is not None
                    and (other.entity is None or other.entity not in (actor.entity, recipient.entity))
                    and t.text not in ctx.text[actor.start : actor.end]
                ):
                    return other.plus("other-than-actor")
    finally:
        ctx.last_person, ctx.last_group = memory
    return recipient  # nobody else named: left as it was


def _us_party(ctx: _Ctx, coded: Optional[CodedActor]) -> Optional[CodedActor]:
    """A party or candidate named with a US party word, whose country was only guessed from the
    context, is American (round 14: precision.us_party_country)."""
    if coded is None or not coded.country:
        return coded
    ent = ctx.entities.get(coded.entity) if coded.entity else None
    roles = [str(r) for r in (getattr(ent, "roles", None) or [])]
    phrase = ctx.text[coded.mention[0] : coded.mention[1]] if coded.mention else ""
    if ent is not None:
        phrase += " " + str(getattr(ent, "name", ""))
    if us_party_country(phrase, roles, coded.country, coded.rule, "USA" in ctx.countries):
        return coded.plus("us-party", "USA")
    return coded


def _place_of(ctx: _Ctx, tok: Token, sent: SpacySpan, recipient_tok: Optional[Token]):
    """Place id (from the places component) for an event: "in/near/at X" on the trigger, or a
    place-like recipient ("shelled the city of Kharkiv")."""
    cands = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "near", "at", "outside", "around", "on", "into"):
            for g in c.children:
                if g.dep_ == "pobj":
                    cands.append(g)
    if recipient_tok is not None:
        cands.append(recipient_tok)
    for g in cands:
        span = [
            t
            for t in g.subtree
            if t.ent_type_ in ("GPE", "LOC", "FAC")
            or t.pos_ == "PROPN"
            and t.ent_type_ not in NON_ACTOR_ENTS
            and t.ent_type_ not in ("PERSON", "NORP")
        ]
        if not span:
            continue
        a, b = span[0].idx, span[-1].idx + len(span[-1])
        if place_for_span is not None:
            try:
                pid = place_for_span(ctx.doc, a, b)
            except Exception:  # pragma: no cover
                pid = None
            if pid:
                return pid, g
        return None, g
    if place_for_span is not None:
        # no place phrase on the trigger: the places component's reading of the clause (a place
        # phrase on its verb, else the sentence's one place: "Albanians in south Serbia are demanding")
        try:
            return place_for_span(ctx.doc, tok.idx, tok.idx + len(tok)), None
        except Exception:  # pragma: no cover
            return None, None
    return None, None


def _quote_for(ctx: _Ctx, start: int, end: int, cue_tok: Optional[Token]):
    for q in ctx.quotes:
        if q.start <= start and end <= q.end:
            return q
        cue = getattr(q, "cue", None)
        if cue_tok is not None and cue is not None and cue.start <= cue_tok.idx < cue.end:
            return q
    return None


def _contexts(sent: SpacySpan) -> list[str]:
    words = set(doc_attr(sent.doc, "lower_")[sent.start : sent.end])  # (read once per Doc, not per Token)
    return [k for k, ws in CONTEXT_WORDS.items() if words & ws]


def _mention(ctx: _Ctx, coded: Optional[CodedActor]) -> Optional[Span]:
    if coded is None or coded.mention is None:
        return None
    a, b = coded.mention
    return Span(a, b, ctx.text[a:b])


def _person_target(tok: Token) -> bool:
    """The act's object is a named person or a politician ("attacked Clinton", "pounding Trump
    as a con artist", "attacked her opponent as a fraud")."""
    o = _obj(tok)
    if o is None:
        return False
    return (
        o.ent_type_ == "PERSON"
        or o.lemma_.lower() in VERBAL_ACTOR_NOUNS
        or any(c.dep_ == "prep" and c.lower_ == "as" for c in list(o.children) + list(tok.children))
    )
