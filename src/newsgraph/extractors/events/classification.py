"""Trigger classification: what PLOVER type and mode a verb token codes, from the tables and its
object, particle and prepositions (``classify_verb``), falling back to the PETRARCH2 CAMEO verb
patterns mapped to PLOVER."""

from __future__ import annotations

from typing import NamedTuple, Optional

from spacy.tokens import Token

from ... import actors as actor_codes
from .ontology import plover_from_cameo
from .precision15 import let_happen15, no_comment15, none_for_prep_object15
from .precision18 import called_out18
from .rules21 import criticism21, retort21
from .syntax import _actor_like, _lemma, _np_tokens, _obj, _preps, _subject
from .tables import (
    ABSTRACT_TARGETS,
    ACTOR_OBJECT_VERBS,
    AID_OBJECTS,
    DECISION_NOUNS,
    DENIABLE,
    DIPLOMAT_NOUNS,
    EFFORT_HEADS,
    ERGATIVE_VERBS,
    EXCLUSION_VERBS,
    FORCE_WORDS,
    INTENSIFIERS,
    INTERLOCUTOR_VERBS,
    INTRANSITIVE_EVENTS,
    LIGHT_VERBS,
    NEG_CALL_ADJS,
    NO_COMMENT_ACTS,
    NOUNS,
    OBJECT_RULES,
    OFFER_OBJECTS,
    PEOPLE_NOUNS,
    PETRARCH_STOP,
    QUANTITY_HEADS,
    SANCTION_VERBS,
    SPEECH_VERBS,
    TALK_NOUNS,
    TRAVEL_VERBS,
    TROOP_OBJECTS,
    VERBS,
    WORKER_NOUNS,
    W,
    petrarch_verbs,
)


class Verdict(NamedTuple):
    """What a trigger codes: type (None: no event, e.g. a ceasefire only mentioned), mode, the
    rule that fired (for ``Event.rule``), and where the rule comes from: ``lexicon`` (newsgraph's
    tables and parse rules), ``petrarch`` (a PETRARCH2 verb pattern with its object or
    preposition) or ``petrarch-verb`` (a PETRARCH2 verb's default code, trusted only with an
    actor the text names)."""

    type: Optional[str]
    mode: Optional[str]
    rule: str
    source: str = "lexicon"


PETRARCH_ROOTS_OK = {
    "04",
    "05",
    "06",
    "07",
    "08",
    "09",
    "10",
    "11",
    "12",
    "13",
    "14",
    "15",
    "16",
    "17",
    "18",
    "19",
    "20",
    "02",
    "03",
}


def _petrarch(tok: Token, obj: Optional[Token], preps: list[tuple[str, Optional[Token]]]):
    verbs, blocks = petrarch_verbs()
    lemma = tok.lemma_.lower()
    if tok.dep_ == "prep" or tok.tag_ == "VBG" and tok.dep_ in ("prep", "advmod", "acl") or lemma in PETRARCH_STOP:
        return None
    part = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    entry = verbs.get(f"{lemma} {part}") if part else None
    entry = entry or verbs.get(lemma)
    if not entry:
        return None
    bid, default = entry
    idx = blocks[bid]
    olem = (obj.lemma_.lower(), obj.lower_) if obj is not None else ()
    for prep, pobj in preps:
        plems = (pobj.lemma_.lower(), pobj.lower_) if pobj is not None else ("",)
        for o in olem or ("",):
            for pl in plems:
                code = idx.get((o, prep, pl))
                if code:
                    return code, f"petrarch:{lemma} {o} ({prep} {pl})".replace("  ", " "), "petrarch"
        code = idx.get(("", prep, ""))
        if code:
            return code, f"petrarch:{lemma} ({prep})", "petrarch"
    for o in olem:
        code = idx.get((o, "", ""))
        if code:
            return code, f"petrarch:{lemma} {o}", "petrarch"
    if (
        default
        and lemma not in PETRARCH_STOP
        and lemma not in SPEECH_VERBS
        and default[:2] in PETRARCH_ROOTS_OK
        and default[:2] != "03"
    ):
        return default, f"petrarch-verb:{lemma}", "petrarch-verb"
    return None


def _classify_verb(tok: Token) -> Optional[Verdict]:
    """What a verb token codes (``Verdict``), or None."""
    lemma = _lemma(tok)
    obj = _obj(tok)
    preps = _preps(tok)
    prep_words = {p for p, _ in preps}
    olem = obj.lemma_.lower() if obj is not None else None
    if obj is not None and olem in QUANTITY_HEADS:  # "deployed hundreds of riot police": what is counted
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            obj, olem = pobj, pobj.lemma_.lower()
    if obj is not None and obj.i >= 2 and obj.nbor(-1).tag_ == "HYPH":  # "a sit-in", "a cease-fire"
        hy = f"{obj.nbor(-2).lower_}-{obj.lower_}"
        if hy in NOUNS:
            olem = hy
    # verb + particle/object rules (a verb_objects.tsv NONE row gives no type: no event)
    t: Optional[str]
    part = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if called_out18(lemma, part, obj):
        return Verdict("ACCUSE", "disapprove", f"lexicon:{lemma} {part}")  # "calling him out" (round 18)
    if retort21(lemma, tok):
        return Verdict("ACCUSE", "disapprove", f"lexicon:{lemma} back (retort21)")  # "fired back at" (round 21)
    if lemma == "blow" and obj is not None and obj.lower_ in ("himself", "herself", "themselves"):
        return Verdict("ASSAULT", "suicide-attack", "lexicon:blow oneself up")
    if lemma in INTENSIFIERS and olem in NOUNS and olem not in ("security", "alert"):
        t, m = NOUNS[olem]  # "stepped up a crackdown", "intensified the shelling": the act itself
        return Verdict(t, m, f"lexicon:{lemma} {olem}")
    if (
        lemma in ("tell", "instruct", "direct", "want")
        and obj is not None
        and _actor_like(obj)
        and any(
            c.dep_ in ("xcomp", "ccomp") and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
            for c in tok.children
        )
    ):
        return Verdict("REQUEST", None, f"lexicon:{lemma} X to")  # "told Iraq to cooperate"
    if lemma == "want" and any(
        c.dep_ in ("ccomp", "xcomp")
        and any(a.lower_ == "to" and a.dep_ == "aux" for a in c.children)
        and any(g.dep_ == "nsubj" and _actor_like(g) for g in c.children)
        for c in tok.children
    ):
        return Verdict("REQUEST", None, "lexicon:want X to")  # "wants the court to order ...", parsed as a clause
    if part in ("off", "out") and lemma in ("call", "break", "pull", "walk") and olem in TALK_NOUNS:
        return Verdict("SANCTION", "withdraw", f"lexicon:{lemma} {part} talks")
    if lemma in EXCLUSION_VERBS and any(
        p == "from" and o is not None and o.lemma_.lower() in TALK_NOUNS for p, o in preps
    ):
        # "Sinn Fein was expelled from peace talks": shutting a party out of talks (guidelines 3)
        return Verdict("SANCTION", "expel", f"lexicon:{lemma} from talks")
    if part and olem and (f"{lemma} {part}", olem) in OBJECT_RULES:
        # a phrasal verb whose object decides: "has turned down a number of cases" (NONE: no event)
        t, m = OBJECT_RULES[(f"{lemma} {part}", olem)]
        return Verdict(t, m, f"lexicon:{lemma} {part} {olem}")
    if obj is None and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
        # "emails released by the State Department": the noun a participle describes is what the
        # verb acts on, for a NONE row too (round 13)
        if any(OBJECT_RULES.get((lemma, w), ("",))[0] is None for w in (tok.head.lemma_.lower(), tok.head.lower_)):
            return None
    if part is None and obj is None and tok.i + 1 < len(tok.doc):
        nxt = tok.nbor(1)
        if nxt.dep_ == "prep" and nxt.head.i == tok.i and OBJECT_RULES.get((lemma, nxt.lower_), ("",))[0] is None:
            return None  # a NONE row for the verb and the preposition right after it: "seized on the massacre"
        if nxt.dep_ == "prep" and nxt.head.i == tok.i and none_for_prep_object15(lemma, nxt, OBJECT_RULES):
            return None  # "asking for anonymity", "called for a voice vote": the row's object after "for" (round 15)
    if part and (lemma, part) in OBJECT_RULES:
        t, m = OBJECT_RULES[(lemma, part)]
        if lemma in ERGATIVE_VERBS and obj is None and not _subject(tok)[1]:
            return None  # "the restaurant closed down": what closed is the subject, no one closed it
        return Verdict(t, m, f"lexicon:{lemma} {part}")
    if (
        lemma in ("express", "voice", "offer")
        and olem in ("regret", "regrets", "remorse")
        and (
            "to" in prep_words
            or any(
                p == "for"
                and o is not None
                and any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our") for c in o.children)
                for p, o in preps
            )
        )
    ):
        return Verdict("SUPPORT", None, f"lexicon:{lemma} regret (apology)")  # CAMEO 055
    if obj is not None and obj.ent_type_ == "MONEY" and (lemma, olem) not in OBJECT_RULES:
        # "seeking $3 million in damages": the sum's kind is what is sought
        kind = next(
            (g for c in obj.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"),
            None,
        )
        for k in (kind.lemma_.lower(), kind.lower_) if kind is not None else ():
            if (lemma, k) in OBJECT_RULES:
                t, m = OBJECT_RULES[(lemma, k)]
                return Verdict(t, m, f"lexicon:{lemma} {k}")
    if olem and obj is not None and ((lemma, olem) in OBJECT_RULES or (lemma, obj.lower_) in OBJECT_RULES):
        t, m = OBJECT_RULES.get((lemma, olem)) or OBJECT_RULES[(lemma, obj.lower_)]
        return Verdict(t, m, f"lexicon:{lemma} {olem}")
    if lemma in SANCTION_VERBS and obj is not None:
        for st in obj.subtree:
            if (lemma, st.lemma_.lower()) in OBJECT_RULES or (lemma, st.lower_) in OBJECT_RULES:
                ty, m = OBJECT_RULES.get((lemma, st.lemma_.lower())) or OBJECT_RULES[(lemma, st.lower_)]
                return Verdict(ty, m, f"lexicon:{lemma} .. {st.lower_}")
    if obj is not None and olem == "law" and any(c.lower_ == "martial" for c in obj.children):
        return Verdict("COERCE", "martial-law", f"lexicon:{lemma} martial law")
    if (
        obj is not None
        and olem in ("message", "letter", "note", "expression", "gesture", "declaration")
        and any(
            g.lemma_.lower() in NOUNS
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        )
    ):
        # "a message of condolence", "a letter of protest": what the message carries
        obj = next(
            g
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in NOUNS
        )
        olem = obj.lemma_.lower()
        if (lemma, olem) in OBJECT_RULES:
            t, m = OBJECT_RULES[(lemma, olem)]
            return Verdict(t, m, f"lexicon:{lemma} .. {olem}")
    if obj is not None and (
        olem
        in (
            "day",
            "week",
            "month",
            "series",
            "round",
            "wave",
            "number",
            "lot",
            "couple",
            "string",
            "spate",
            "kind",
            "type",
            "form",
            "state",
        )
        or olem in QUANTITY_HEADS
    ):
        of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            obj, olem = pobj, pobj.lemma_.lower()
    if obj is not None and olem in EFFORT_HEADS and lemma in LIGHT_VERBS:
        # "launched a mediation effort", "began a bombing campaign": the event noun modifying the head
        mod = next((c for c in obj.children if c.dep_ in ("compound", "amod") and c.lemma_.lower() in NOUNS), None)
        if mod is not None:
            obj, olem = mod, mod.lemma_.lower()
    if part is None:
        # "pulled its troops out of Somalia", "walked out of the talks": the particle parsed as a
        # preposition or adverb
        p2 = next(
            (
                c.lower_
                for c in tok.children
                if c.dep_ in ("prep", "advmod")
                and c.lower_ in ("out", "back", "down", "up", "off", "over")
                and (lemma, c.lower_) in OBJECT_RULES
            ),
            None,
        )
        if p2:
            t, m = OBJECT_RULES[(lemma, p2)]
            return Verdict(t, m, f"lexicon:{lemma} .. {p2}")
    if obj is not None and olem == "game" and any(c.lower_ == "war" for c in obj.children) and lemma in LIGHT_VERBS:
        return Verdict("COOPERATE", None, f"lexicon:{lemma} war games")
    if obj is not None:
        # "held talks", "imposed a curfew": the noun decides
        if lemma in LIGHT_VERBS and olem in NOUNS:
            t, m = NOUNS[olem]
            if t == "MOBILIZE" and not any(
                x.lemma_.lower() in FORCE_WORDS or x.lower_ in FORCE_WORDS for x in tok.sent if x.i != obj.i
            ):
                return None  # "issued alerts over dust levels": a warning, no forces put on alert
            if olem == "strike" and any(c.lower_ == "hunger" for c in obj.children):
                m = "hunger"
            if olem in (
                "exercise",
                "exercises",
                "games",
                "manoeuvres",
                "maneuvers",
                "manoeuvre",
                "maneuver",
                "drills",
            ) and not (
                any(c.lower_ in ("joint", "combined", "bilateral", "multinational") for c in obj.children)
                or "with" in prep_words
                or any(p == "with" for c in obj.children if c.dep_ == "prep" for p in (c.lower_,))
            ):
                subj0, _ = _subject(tok)
                if subj0 is None or not any(c.dep_ == "conj" for c in subj0.children):
                    return Verdict("MOBILIZE", "troops", f"lexicon:{lemma} {olem} (show of force)")
            if lemma in ("announce", "declare") and t in ("CONSULT", "AID", "ASSAULT", "PROTEST"):
                pass
            else:
                if lemma in ("impose", "reimpose", "declare", "order") and t == "SANCTION":
                    return Verdict("SANCTION", None, f"lexicon:{lemma} {olem}")
                if (
                    t == "RETREAT"
                    and olem in ("ceasefire", "cease-fire", "truce", "armistice")
                    and lemma not in ("declare", "announce", "observe", "sign", "reach")
                ):
                    return Verdict("AGREE" if lemma in ("agree", "accept") else None, None, "")
                return Verdict(t, m, f"lexicon:{lemma} {olem}")
    # "call": phone call, call for, call on X to, call X reckless, call off
    if lemma == "call":
        # "called Governor Reyes on Monday": an "on" whose object is a day or a time is no "call
        # on" (round 12); "called on Monday for talks" still asks
        call_on = any(p in ("on", "upon") and not (g is not None and g.ent_type_ in ("DATE", "TIME")) for p, g in preps)
        # "called for the minister to resign": the parser may read "for" as the mark of a clause (round 13)
        for_clause = any(
            c.dep_ in ("advcl", "ccomp", "xcomp") and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
            for c in tok.children
        )
        if "for" in prep_words or call_on or for_clause:
            return Verdict("REQUEST", None, "lexicon:call for/on")
        oprd = next((c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp")), None)
        if oprd is not None and (
            oprd.lemma_.lower() in NEG_CALL_ADJS or any(t.lemma_.lower() in NEG_CALL_ADJS for t in oprd.subtree)
        ):
            return Verdict("ACCUSE", "disapprove", "lexicon:call X <negative>")
        # (the parser may read the called person alone as the predicate: "called Senator Hart on Monday")
        # (not the participle of naming: "a stream called Miracle Run", "a group called the Fund")
        if (
            obj is not None
            and obj.ent_type_ in ("PERSON", "GPE", "ORG", "NORP")
            and (
                oprd is None
                or oprd.i == obj.i
                and tok.tag_ != "VBN"
                # (the caller named or a pronoun: not "the organization called the Clinton Foundation")
                and (tok.head if tok.dep_ == "acl" else (_subject(tok)[0] or tok)).pos_ in ("PROPN", "PRON")
            )
        ):
            return Verdict("CONSULT", "phone", "lexicon:call X")
        return None
    if lemma == "speak" or lemma == "talk":
        phone = any(
            p in ("by", "over", "on")
            and o is not None
            and o.lemma_.lower() in ("phone", "telephone", "video", "videoconference", "videolink", "line")
            for p, o in preps
        )
        if phone:
            return Verdict("CONSULT", "phone", f"lexicon:{lemma} by phone")
        if "with" in prep_words:
            return Verdict("CONSULT", None, f"lexicon:{lemma} with")
        return None
    if any(
        p == "on"
        and o is not None
        and o.lemma_.lower() in ("alert", "standby")
        and (
            o.lower_ == "standby"
            or any(
                c.lower_ in ("high", "full", "maximum", "red", "heightened", "combat", "highest", "top")
                for c in o.children
            )
            or lemma in ("put", "place")
        )
        for p, o in preps
    ):
        return Verdict("MOBILIZE", "troops", f"lexicon:{lemma} on alert")
    if lemma in ("put", "place") and any(o is not None and o.lemma_.lower() in ("alert", "standby") for p, o in preps):
        return Verdict("MOBILIZE", "troops", f"lexicon:{lemma} on alert")
    if lemma in ("put", "place", "take", "keep", "hold") and any(
        p == "under"
        and o is not None
        and o.lemma_.lower() in ("investigation", "arrest", "surveillance", "detention", "probe")
        for p, o in preps
    ):
        o = next(o for p, o in preps if p == "under" and o is not None)
        t, m = (
            ("ACCUSE", "investigate")
            if o.lemma_.lower() in ("investigation", "probe", "surveillance")
            else ("COERCE", "arrest")
        )
        return Verdict(t, m, f"lexicon:{lemma} under {o.lemma_.lower()}")
    if lemma in ("travel", "fly", "go", "head") and "to" in prep_words:
        subj, _ = _subject(tok)
        if subj is not None and (
            subj.ent_type_ == "PERSON"
            or subj.lemma_.lower()
            in ("president", "minister", "delegation", "envoy", "leader", "secretary", "king", "premier")
        ):
            return Verdict("CONSULT", "visit", f"lexicon:{lemma} to")
    if lemma == "go" and any(p == "on" and o is not None and o.lemma_.lower() in NOUNS for p, o in preps):
        o = next(o for p, o in preps if p == "on" and o is not None and o.lemma_.lower() in NOUNS)
        t, m = NOUNS[o.lemma_.lower()]
        if any(c.lower_ == "hunger" for c in o.children):
            m = "hunger"
        return Verdict(t, m, f"lexicon:go on {o.lemma_.lower()}")
    if lemma == "take" and any(p == "to" and o is not None and o.lemma_.lower() == "street" for p, o in preps):
        return Verdict("PROTEST", "demo", "lexicon:take to the streets")
    if lemma in ("pull", "withdraw", "walk") and any(
        p in ("of", "from")
        and o is not None
        and o.lemma_.lower()
        in (
            "talk",
            "talks",
            "negotiation",
            "negotiations",
            "meeting",
            "summit",
            "conference",
            "dialogue",
            "mediation",
            "process",
        )
        for p, o in preps
    ):
        return Verdict("SANCTION", "withdraw", f"lexicon:{lemma} out of talks")
    if lemma == "find" and any(
        c.lower_ == "guilty" for c in tok.subtree if c.dep_ in ("oprd", "acomp", "xcomp", "ccomp")
    ):
        return Verdict("COERCE", "arrest", "lexicon:find guilty")  # a conviction, like a sentence (guidelines 3)
    if lemma == "indict":
        # indicting is COERCE (guidelines 3); an international tribunal's indictment is its accusation
        if any(
            g.lemma_.lower() in ("tribunal", "international", "hague", "icc", "icty", "ictr", "crimes")
            for c in tok.children
            if c.dep_ == "agent"
            for g in c.subtree
        ):
            return Verdict("ACCUSE", "allege", "lexicon:indict (tribunal)")
        return Verdict("COERCE", "arrest", "lexicon:indict")
    if lemma == "plead":
        # "pleaded guilty" admits the charge (CONCEDE, guidelines 2.3); "pleaded with X", "pleaded
        # for" asks; "pleaded anonymity", "pleaded not guilty" are neither
        if any(c.lower_ == "guilty" for c in tok.children) and not any(
            c.dep_ == "neg" for c in tok.subtree if c.head.lower_ == "guilty" or c.head.i == tok.i
        ):
            return Verdict("CONCEDE", None, "lexicon:plead guilty")
        if "with" in prep_words or "for" in prep_words or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            return Verdict("REQUEST", None, "lexicon:plead with/for")
        return None
    if lemma == "press":
        # "pressed charges" is an accusation; "pressed X to", "pressed for" a request; "pressed on",
        # "forces pressed into the enclave" move on
        if olem in ("charge", "charges", "claim", "claims", "case", "lawsuit"):
            return Verdict("ACCUSE", None, f"lexicon:press {olem}")
        if (
            "for" in prep_words
            or (obj is not None and _actor_like(obj))
            or any(c.dep_ == "xcomp" for c in tok.children)
        ):
            return Verdict("REQUEST", None, "lexicon:press X to")
        return None
    if (
        lemma == "receive"
        and obj is not None
        and (
            obj.ent_type_ == "PERSON"
            or olem
            in ("delegation", "envoy", "minister", "president", "ambassador", "visitor", "leader", "counterpart")
        )
    ):
        return Verdict("CONSULT", "visit", "lexicon:receive visitor")
    if lemma == "vote":
        return None  # voting, in elections or on bills, is not coded (guidelines 2.2)
    if (
        lemma == "question"
        and obj is not None
        and (
            obj.ent_type_ == "PERSON"
            or olem in ("suspect", "suspects", "detainee", "detainees", "official", "officials", "minister")
        )
    ):
        return Verdict("ACCUSE", "investigate", "lexicon:question X")
    if (
        lemma in ("arrive", "deploy", "enter", "land")
        and (sj := _subject(tok)[0]) is not None
        and any(t.lower_ in ("peacekeeping", "peacekeepers", "peace-keeping", "peacekeeper") for t in sj.subtree)
    ):
        return Verdict("AID", None, f"lexicon:peacekeepers {lemma}")
    if lemma in TRAVEL_VERBS and any(
        p == "for" and o is not None and NOUNS.get(o.lemma_.lower(), ("",))[0] == "CONSULT" for p, o in preps
    ):
        # "negotiators return to Geneva for talks", "flew to Cairo for consultations"
        return Verdict("CONSULT", None, f"lexicon:{lemma} for talks")
    if lemma == "arrive" and ("in" in prep_words or "at" in prep_words):
        subj, _ = _subject(tok)
        if subj is not None and (
            subj.ent_type_ == "PERSON"
            or subj.lemma_.lower()
            in ("president", "minister", "delegation", "envoy", "leader", "secretary", "king", "premier")
        ):
            return Verdict("CONSULT", "visit", "lexicon:arrive in")
        return None
    if lemma in (
        "send",
        "provide",
        "give",
        "deliver",
        "supply",
        "ship",
        "hand",
        "grant",
        "offer",
        "contribute",
        "dispatch",
        "rush",
    ):
        # what is sent decides; a noun inside "of"-phrases ("40 trucks of medical aid")
        if obj is not None:
            for nt in _np_tokens(obj):  # not into a clause on the object ("a letter urging ... forces")
                tl = nt.lemma_.lower()
                if (lemma, tl) in OBJECT_RULES:
                    ty, m = OBJECT_RULES[(lemma, tl)]
                    return Verdict(ty, m, f"lexicon:{lemma} {tl}")
        if lemma == "offer":
            if olem in W.advice_objects:
                return None  # "offered some pointed advice to Clinton": words, not an offer (an opinion)
            if (
                any(
                    c.dep_ == "xcomp"
                    or c.dep_ == "advcl"
                    and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                    for c in tok.children
                )
                or olem in OFFER_OBJECTS
                or olem in NOUNS
                or any(p in ("to", "for") and o is not None and _actor_like(o) for p, o in preps)
            ):
                return Verdict("AGREE", None, "lexicon:offer")  # to do something, something political, to someone
            return None  # "offered analysis", "offered advice"
        # "send 5,000 helmets to Ukraine": counted goods to a country are aid
        if (
            obj is not None
            and lemma != "hand"
            and any(c.dep_ == "nummod" for c in obj.children)
            and any(p == "to" and o is not None and o.ent_type_ == "GPE" for p, o in preps)
            and obj.ent_type_ not in ("PERSON", "NORP")
            and obj.lemma_.lower() not in PEOPLE_NOUNS
        ):
            return Verdict("AID", None, f"lexicon:{lemma} N goods to a country")
        return None
    if lemma in ("lift", "ease", "relax", "end", "cancel", "shorten", "remove") and obj is not None:
        for st in obj.subtree:
            if (lemma, st.lemma_.lower()) in OBJECT_RULES:
                ty, m = OBJECT_RULES[(lemma, st.lemma_.lower())]
                return Verdict(ty, m, f"lexicon:{lemma} {st.lemma_.lower()}")
    if (
        lemma in ("fight", "attack", "target", "strike", "kill", "capture", "occupy", "beat", "hit", "shoot", "bomb")
        and olem in ABSTRACT_TARGETS
    ):
        return None
    if (
        lemma == "strike"
        and obj is not None
        or lemma == "hit"
        and obj is not None
        and obj.ent_type_ in ("GPE", "FAC", "LOC")
    ):
        return Verdict("ASSAULT", "heavy-weapons", f"lexicon:{lemma} X")
    if lemma == "fire" and ("at" in prep_words or "on" in prep_words):
        if (
            olem in ("gas", "cannon", "bullet", "bullets", "grenade", "grenades")
            and obj is not None
            and any(c.lower_ in ("tear", "water", "rubber", "stun") for c in obj.children)
        ):
            return Verdict("ASSAULT", None, "lexicon:fire tear gas at")
        return Verdict("ASSAULT", "firearms", "lexicon:fire at")
    if lemma == "deny":
        if olem in DENIABLE:
            return Verdict("REJECT", None, f"lexicon:deny {olem}")
        if obj is None and any(c.dep_ == "ccomp" for c in tok.children) and not _subject(tok)[1]:
            # "she denied that she mishandled ...": denying an accusation is REJECT (guidelines
            # 4); what is denied stays negated
            return Verdict("REJECT", None, "lexicon:deny that")
        return None
    if lemma == "expel":
        if olem in ("diplomat", "diplomats", "ambassador", "envoy", "inspectors", "observers", "monitors"):
            return Verdict("SANCTION", "expel", f"lexicon:expel {olem}")
        return Verdict("COERCE", "deport", "lexicon:expel")
    if lemma == "charge" and "with" in prep_words and (obj is not None or _subject(tok)[1]):
        return Verdict("COERCE", "arrest", "lexicon:charge with")  # a criminal charge (guidelines 3)
    if lemma == "accept" and olem in ("refugee", "refugees", "migrants"):
        return Verdict("AID", None, "lexicon:accept refugees")
    if lemma in ("work", "cooperate") and any(ch.lower_ == "together" for ch in tok.children):
        return Verdict("COOPERATE", None, f"lexicon:{lemma} together")
    if lemma == "allow" and _sense_ok(tok, lemma, obj, prep_words):
        return Verdict("CONCEDE", None, "lexicon:allow X to")
    if (
        lemma in ("seize", "take", "occupy")
        and obj is not None
        and (
            obj.ent_type_ in ("GPE", "LOC", "FAC")
            or olem
            in (
                "town",
                "city",
                "village",
                "territory",
                "area",
                "region",
                "province",
                "stronghold",
                "base",
                "airport",
                "hill",
                "district",
                "capital",
                "port",
                "border",
                "outpost",
                "position",
                "positions",
                "bridge",
                "airfield",
                "crossing",
                "highway",
                "road",
                "garrison",
            )
        )
    ):
        return Verdict("ASSAULT", None, f"lexicon:{lemma} territory")
    if (
        lemma in ("release", "free")
        and obj is not None
        and not (
            _actor_like(obj)
            or obj.lower_ in ("him", "her", "them")  # "released him on a suspended sentence"
            or any(
                c.dep_ == "amod"
                and c.lower_ in ("kidnapped", "abducted", "detained", "captured", "jailed", "imprisoned")
                for c in obj.children
            )
            or olem
            in (
                "prisoner",
                "hostage",
                "detainee",
                "captive",
                "inmate",
                "suspect",
                "activist",
                "journalist",
                "soldier",
                "civilian",
                "people",
                "person",
                "man",
                "woman",
                "child",
                "crew",
                "sailor",
                "fund",
                "peacekeeper",
                "worker",
                "national",
                "citizen",
                "tourist",
                "hostage",
                "monitor",
                "observer",
                "priest",
                "missionary",
                "engineer",
                "doctor",
                "nurse",
                "pilot",
                "businessman",
                "executive",
                "teacher",
                "student",
                "bishop",
                "nun",
                "foreigner",
                "fisherman",
                "diplomat",
                "opponent",
                "funds",
                "asset",
                "assets",
                "property",
                "aid",
            )
        )
    ):
        return None  # "released a report", "released his tax returns"
    if lemma == "ask" and not (
        "for" in prep_words
        or any(c.dep_ in ("xcomp",) for c in tok.children)
        or (obj is not None and (olem in AID_OBJECTS or olem in NOUNS))
    ):
        return None  # "asked about", "asked whether": a question, not a request
    if lemma in ("take", "place", "put", "remand", "hold", "keep", "remain") and any(
        p in ("into", "in", "under", "on", "without")
        and o is not None
        and o.lemma_.lower() in W.custody_nouns
        and (p != "without" or lemma == "hold")
        for p, o in preps
    ):
        return Verdict("COERCE", "arrest", f"lexicon:{lemma} into custody")
    if lemma == "face" and olem in W.charge_nouns:
        return Verdict("COERCE", "arrest", f"lexicon:face {olem}")  # "faces charges": charged (guidelines 3)
    if (
        lemma == "strike"
        and obj is None
        and (sj := _subject(tok)[0]) is not None
        and (sj.lemma_.lower() in WORKER_NOUNS or actor_codes.ROLE_NOUNS.get(sj.lower_) in ("LAB", "EDU"))
    ):
        return Verdict("PROTEST", "boycott", "lexicon:workers strike")
    if (
        lemma in ("leave", "quit", "exit", "vacate", "evacuate", "abandon")
        and (obj is None or lemma != "evacuate")
        and (
            (sj := _subject(tok)[0]) is not None
            and sj.lemma_.lower()
            in TROOP_OBJECTS
            | {"troop", "soldier", "peacekeeper", "peacekeepers", "force", "unit", "contingent", "garrison"}
        )
    ):
        return Verdict("RETREAT", "withdraw", f"lexicon:troops {lemma}")
    if (
        lemma in ("close", "seal")
        and obj is not None
        and (
            obj.ent_type_ in ("GPE", "LOC")
            or olem in ("territory", "territories", "area", "region", "city", "town", "strip", "province", "frontier")
        )
    ):
        return Verdict("COERCE", "restrict", f"lexicon:{lemma} territory")
    if (
        lemma in ("order", "tell", "ask")
        and obj is not None
        and ("out" in prep_words or any(c.dep_ in ("advmod", "prt") and c.lower_ == "out" for c in tok.children))
    ):
        # "ordered the British high commissioner out of the country"
        if olem in DIPLOMAT_NOUNS or obj.lower_ in DIPLOMAT_NOUNS:
            return Verdict("SANCTION", "expel", f"lexicon:{lemma} diplomat out")
        return Verdict("COERCE", "deport", f"lexicon:{lemma} X out")
    if (
        lemma == "protest"
        and (sj := _subject(tok)[0]) is not None
        and (sj.ent_type_ in ("GPE",) or actor_codes.ROLE_NOUNS.get(sj.lower_) in ("GOV", "DIP"))
        and not any(c.dep_ == "prep" and c.lower_ in ("outside", "in", "at") for c in tok.children)
    ):
        return Verdict("ACCUSE", "disapprove", "lexicon:protest (a state's protest is verbal)")
    if lemma == "hack":  # "hacked off the hands", "hacked to death" vs "hacked into the computers" (cyber, CAMEO 176)
        if "into" in prep_words or olem in (
            "computer",
            "computers",
            "network",
            "networks",
            "server",
            "servers",
            "account",
            "accounts",
            "system",
            "systems",
            "website",
            "email",
        ):
            return Verdict("COERCE", "seize", "lexicon:hack into")
        if part in ("off", "up") or "to" in prep_words or obj is not None:
            return Verdict("ASSAULT", None, "lexicon:hack")
    if lemma == "blow" and obj is not None and obj.lower_ in ("himself", "herself", "themselves"):
        return Verdict("ASSAULT", "suicide-attack", "lexicon:blow oneself up")
    if (
        lemma == "receive"
        and obj is not None
        and (obj.lemma_.lower() in actor_codes.ROLE_NOUNS or obj.lower_ in actor_codes.ROLE_NOUNS)
        and actor_codes.ROLE_NOUNS.get(obj.lower_, actor_codes.ROLE_NOUNS.get(obj.lemma_.lower())) in ("GOV", "DIP")
    ):
        return Verdict("CONSULT", "visit", "lexicon:receive visitor")
    if (
        lemma in ("meet", "visit", "host", "receive")
        and obj is not None
        and not _actor_like(obj)
        and obj.ent_type_ not in ("GPE", "LOC", "FAC", "ORG")
        and lemma != "host"
    ):
        return None  # "meet sales targets", "visit the website"
    if lemma in VERBS and not _sense_ok(tok, lemma, obj, prep_words):
        return None
    if lemma in VERBS:
        t, m = VERBS[lemma]
        if t == "SUPPORT" and lemma == "welcome" and obj is not None and obj.ent_type_ == "PERSON":
            return Verdict("CONSULT", "visit", "lexicon:welcome X")
        if lemma == "host":
            return Verdict("CONSULT", "visit", "lexicon:host")
        return Verdict(t, m, f"lexicon:{lemma}")
    if criticism21(tok, lemma, obj):  # "trashed Comey", "savaged Rubio" (round 21: rules21.py)
        return Verdict("ACCUSE", "disapprove", f"lexicon:{lemma} (criticism21)")
    res = _petrarch(tok, obj, preps)
    if res:
        pm = plover_from_cameo(res[0])
        if pm:
            return Verdict(pm[0], pm[1], f"{res[1]} [CAMEO {res[0]}]", res[2])
    return None


def _threat_mode(t: Optional[str], m: Optional[str]) -> Optional[str]:
    """PLOVER THREATEN mode from the threatened act's type and mode (CAMEO 131-139 in CAMEO2PLOVER-2021)."""
    if t == "PROTEST" and m in ("boycott", "obstruct"):
        return "restrict"  # 1312 threaten to boycott, 1381 threaten blockade
    if t == "ASSAULT":
        return "violence"
    if t == "COERCE":
        return {"ban": "ban", "seize": "territory", "deport": "expel"}.get(m or "", "restrict")
    if t == "SANCTION":
        return "expel" if m == "expel" else "relations"
    if t == "PROTEST":
        return "relations"
    return None


MEASURE_NOUNS = W.measure_nouns


def _sense_ok(tok: Token, lemma: str, obj: Optional[Token], prep_words: set) -> bool:
    """Whether a general verb is used in its event sense here (guidelines 2.2, 3)."""
    if lemma in INTRANSITIVE_EVENTS and (obj is not None or any(c.dep_ == "ccomp" for c in tok.children)):
        return False  # "the loan demonstrates the EU's commitment", "demonstrated that ...": showing
    if lemma in ("agree", "concur"):
        # "agreed to withdraw", "agreed on a deal", "agreed to the plan" are agreements; "agreed
        # with Matthews about the winner", "agreed that regulation should ..." are opinions
        if (
            any(
                c.dep_ == "xcomp"
                or c.dep_ in ("advcl", "ccomp")
                and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
                for c in tok.children
            )
            or prep_words & {"on", "upon", "to"}
            or (obj is not None and obj.lemma_.lower() in NOUNS)
        ):
            return True
        subj, _ = _subject(tok)
        if subj is not None and any(c.dep_ == "conj" and _actor_like(c) for c in subj.children):
            return True  # "Syria and Lebanon agreed that ...": an agreement between them
        return (
            "with" not in prep_words
            and not any(c.dep_ == "ccomp" for c in tok.children)
            and subj is not None
            and (subj.tag_ in ("NNS", "NNPS") and _actor_like(subj))
        )
    if lemma in INTERLOCUTOR_VERBS:
        if "with" in prep_words or obj is not None and _actor_like(obj) and obj.ent_type_ != "":
            return True
        subj, _ = _subject(tok)
        return subj is not None and (
            any(c.dep_ == "conj" and _actor_like(c) for c in subj.children)
            or subj.tag_ in ("NNS", "NNPS")
            and _actor_like(subj)
        )
    if lemma in ACTOR_OBJECT_VERBS:
        if obj is None:
            return False
        if _actor_like(obj) or obj.lemma_.lower() in DECISION_NOUNS or obj.lower_ in DECISION_NOUNS:
            return True
        # "defended the right of Russian troops to ...": whose the thing is
        return any(
            g.dep_ == "pobj" and _actor_like(g)
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
        ) or any(c.dep_ == "poss" and _actor_like(c) and c.pos_ != "PRON" for c in obj.children)
    if lemma in ("decline", "refuse", "reject", "rebuff", "spurn", "dismiss"):
        # "rejected the offer", "refused to withdraw"; "the rate declined" is no refusal and
        # "declined to comment" no political rejection
        if any(
            c.dep_ == "xcomp"
            and c.lemma_.lower() in NO_COMMENT_ACTS
            and not any(g.dep_ == "dobj" or g.dep_ == "prep" and g.lower_ not in ("on", "about") for g in c.children)
            for c in tok.children
        ):
            return False  # "declined to comment (on the report)"; "refused to respond to the demands" is a rejection
        if no_comment15(tok):
            return False  # "declined to comment for this story", "declined to provide a list of venues" (round 15)
        if (
            obj is not None
            and lemma == "decline"
            and (obj.like_num or obj.lemma_.lower() in MEASURE_NOUNS or any(c.dep_ == "nummod" for c in obj.children))
        ):
            return False  # "the population declined an average of 11 a day", "shares declined 3 percent"
        return obj is not None or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) or _subject(tok)[1]
    if lemma in ("allow", "permit", "let"):
        # "allowed opposition leader X to campaign": permitting someone (CAMEO 08); "rules allow
        # ...", "allow the living to come out" are read by the actor; a bare "allow" is no event
        subj, _ = _subject(tok)
        if let_happen15(tok):
            return False  # "allowed it to happen": blame, no concession (round 15)
        if obj is not None and _actor_like(obj):
            return True  # letting someone in or act
        return any(c.dep_ in ("xcomp", "ccomp") for c in tok.children) and (
            obj is not None
            and _actor_like(obj)
            or subj is not None
            and (_actor_like(subj) or subj.pos_ == "PRON" and subj.lower_ not in ("which", "that", "what"))
            or any(
                c.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") and _actor_like(g) for g in c.children)
                for c in tok.children
            )
        )
    return True
