"""Issue 10, round 18: precision rules read from fresh whole political articles.

Each function reads one kind of event a PLOVER coder would not sign (guidelines 2.2, 3 and 4) and
says why; the knowledge is in ``words.tsv`` (the "# round 18 (precision)" block). Read on
``scripts/events_unseen.py --polnear --step 20 --offset 24`` and ``--offset 25`` and on the round 17
blind audit table (``docs/audits/events-fresh-blind-round17.tsv``):

``warning_fact18``     a warning that tells a fact or a judgement, with nothing the speaker would do
                       ("'It is undermining our constitution,' he warned", "warned that the
                       Washington cartel is growing nervous"): criticism or a forecast, no threat;
``generic_class18``    an act told of a class of people in a participle on a bare plural ("people
                       convicted of non-violent crimes", "families of people killed by police
                       file lawsuits"): a generic statement, no act on a day;
``poll_share18``       what a share of a poll's public answered ("About 4 in 10 say they want the next
                       president to ...", "47% say the United States should ..."): an opinion;
``rally_behind18``     a candidate asking people to unite or rally behind him ("urges conservatives to
                       unite behind him"): campaigning (guidelines 2.2), no request of an actor;
``no_sign18``          an act in a clause on "no indication", "no sign", "no evidence" ("there is no
                       indication that prosecutors have convened a grand jury"): not done;
``impression18``       a feeling another person saw ("the White House seemed frustrated by the
                       opposition"): an impression, no act of disapproval;
``own_apparatus18``    closing one's own unit, programme or system ("shutting down an
                       intelligence-gathering unit", "shut its system down"): routine governing;
``must_act18``         (read by flags) an act under "must" that is no demand pattern ("said the
                       United States must increase its efforts to improve defenses, destroy terrorist
                       networks"): not done, hypothetical;
``link_line18``        (read by the component) a link label alone on its line ('"Related:"'): the
                       headline on the next line is part of the link.

Off switch for before/after measures: ``"precision18"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children, sent_of
from .tables import FORCE_WORDS, RULES_OFF, W

_VERBAL = ("ACCUSE", "SUPPORT", "REJECT", "REQUEST", "AGREE", "CONCEDE", "THREATEN")
_SHARE = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine)\s+(in|of|out of)\s+(10|ten)\b|\d\s*%|\bpercent\b"
)
_FIRST_PERSON = ("i", "we")


def _off() -> bool:
    return "precision18" in RULES_OFF


def _has_future_or_modal(v: Token) -> bool:
    """Whether the reported clause ``v`` (or a clause it governs) tells something that would or
    could happen: a modal or future auxiliary, "going to", a condition, a to-infinitive."""
    for c in children(v):
        if (c.dep_ == "aux" or c.tag_ == "MD") and (c.tag_ == "MD" or c.lower_ in W.future_auxes18):
            return True
        if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
            return True
        if c.dep_ in ("xcomp", "advcl", "ccomp", "conj") and c.pos_ in ("VERB", "AUX", "ADJ"):
            if any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c)) or _has_future_or_modal(c):
                return True
        if c.lower_ == "going":
            return True
    return False


def warning_fact18(tok: Token, type_: str) -> Optional[str]:
    """A THREATEN read from a warning verb (words.tsv warning_verbs) whose reported clause says
    nothing would or could happen, and is not the speaker's own ("we are coming"): a statement of
    fact or a judgement ("'It is undermining our constitution,' he warned"), no threat."""
    if _off() or type_ != "THREATEN" or tok.pos_ != "VERB" or tok.lemma_.lower() not in W.warning_verbs:
        return None
    kids = children(tok)
    clauses = [c for c in kids if c.dep_ == "ccomp"]
    clauses += [g for c in kids if c.dep_ == "dobj" for g in children(c) if g.dep_ == "ccomp"]
    if not clauses:
        # "warned of a ferocious battle ahead that could split the party": a forecast of what could
        # happen to someone, no act the speaker would do
        for p in kids:
            if p.dep_ == "prep" and p.lower_ in ("of", "about", "against"):
                for n in children(p):
                    if n.dep_ == "pobj" and any(
                        c.dep_ in ("relcl", "acl")
                        and any(a.tag_ == "MD" and a.lower_ in ("could", "might", "may") for a in children(c))
                        for c in children(n)
                    ):
                        return "a warning of what could happen, no threat"
        return None
    if any(c.dep_ in ("xcomp", "advcl") for c in kids):
        return None
    if any(
        t.lower_ in ("if", "unless", "or", "otherwise") and t.dep_ in ("mark", "cc", "advmod")
        for t in sent_of(tok.doc, tok.i)
    ):
        return None  # "warned that unless ...", "or else": a condition, the threat's form
    for cl in clauses:
        if cl.pos_ not in ("VERB", "AUX"):
            return None
        subj = next((c for c in children(cl) if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None or subj.lower_ in _FIRST_PERSON:
            return None
        if _has_future_or_modal(cl):
            return None
    return "a warning that tells a fact or a judgement, no threat"


def generic_class18(tok: Token) -> Optional[str]:
    """An act told in a participle on a bare plural that names a class of people (words.tsv
    class_nouns18: "people convicted of non-violent crimes", "families of people killed by
    police"): no determiner, number or owner makes them a group the article tells of."""
    if _off():
        return None
    t = tok
    for _ in range(3):  # "people shot and killed by police"
        if t.dep_ != "conj" or t.head.i == t.i:
            break
        t = t.head
    if t.dep_ != "acl" or t.tag_ != "VBN":
        return None
    n = t.head
    if n.tag_ != "NNS" or n.lower_ not in W.class_nouns18:
        return None
    if any(c.dep_ in ("det", "nummod", "poss", "quantmod", "predet") for c in children(n)):
        return None  # "the people detained", "121 people detained", "his people"
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.pos_ in ("NUM",):
        return None  # "dozens of people killed"
    if n.dep_ == "pobj" and n.head.lower_ == "of" and n.head.head.lemma_.lower() in W.quantity_nouns16:
        return None
    return "a class of people described, no act"


def _share_in(v: Token) -> bool:
    for c in children(v):
        if c.dep_ in ("nsubj", "nummod", "npadvmod", "quantmod"):
            words = " ".join(x.lower_ for x in c.subtree)
            if _SHARE.search(words):
                return True
    return False


def poll_share18(tok: Token, type_: str) -> Optional[str]:
    """A verbal act or a stance whose clause, or a clause it is reported in, has a share of a
    public as subject ("About 4 in 10 say they want ...", "47% say the US should ...",
    "60 percent of voters oppose ..."): a poll's answer, no act."""
    if _off() or type_ not in _VERBAL:
        return None
    t = tok
    for _ in range(4):
        if _share_in(t):
            return "what a share of a poll's public answered, an opinion"
        if t.head.i == t.i or t.dep_ not in ("ccomp", "xcomp", "conj", "acomp", "attr", "advcl"):
            break
        t = t.head
    return None


def rally_behind18(tok: Token, type_: str) -> Optional[str]:
    """A request to unite or rally behind someone (words.tsv rally_verbs18 with "behind",
    "around"): "urges conservatives to unite behind him", "asked Republicans to coalesce around
    Rubio": a candidate's campaign, no request of an actor."""
    if _off() or type_ != "REQUEST":
        return None
    for c in children(tok):
        if c.dep_ not in ("xcomp", "ccomp") or c.lemma_.lower() not in W.rally_verbs18:
            continue
        for p in children(c):
            if p.dep_ == "prep" and p.lower_ in ("behind", "around"):
                return "a campaign asking to rally behind a candidate"
    return None


def no_sign18(tok: Token) -> Optional[str]:
    """An act in a clause on a noun of evidence negated by "no" (words.tsv sign_nouns18): "there is
    no indication that prosecutors have convened a grand jury", "no sign that Russia withdrew"."""
    if _off():
        return None
    t = tok
    for _ in range(4):
        h = t.head
        if h.i == t.i:
            return None
        if t.dep_ in ("acl", "ccomp", "relcl") and h.pos_ == "NOUN" and h.lemma_.lower() in W.sign_nouns18:
            if any(c.dep_ in ("det", "neg") and c.lower_ in ("no", "not") for c in children(h)):
                return f"an act there is no {h.text} of, not done"
            return None
        if t.dep_ not in ("conj", "xcomp", "ccomp"):
            return None
        t = h
    return None


def impression18(tok: Token, type_: str) -> Optional[str]:
    """A critical or approving feeling (words.tsv critical_stance_adjs) told as what someone seemed
    or looked (words.tsv impression_verbs18): "the White House seemed 'rattled' and 'frustrated'
    by the rising opposition": an impression another person had, no act."""
    if _off() or type_ not in ("ACCUSE", "SUPPORT"):
        return None
    if tok.pos_ != "ADJ" and tok.tag_ != "VBN":
        return None  # ("appeared to blame the workers": a blame done, told with a hedge)
    t = tok
    if t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ not in ("acomp", "oprd", "attr"):
        return None
    if t.head.lemma_.lower() in W.impression_verbs18:
        return "a feeling someone seemed to have, no act"
    return None


def own_apparatus18(tok: Token, type_: str) -> Optional[str]:
    """Closing or shutting down one's own unit, programme or system (words.tsv apparatus_nouns18,
    or an object owned by "its"/"their"): "shutting down a controversial intelligence-gathering
    unit within the police department", "before the State Department shut its system down":
    routine governing, no coercion of anyone."""
    if _off() or type_ != "COERCE" or tok.lemma_.lower() not in W.closing_verbs18:
        return None
    objs = [c for c in children(tok) if c.dep_ in ("dobj", "nsubjpass")]
    for o in objs:
        if o.lemma_.lower() in W.apparatus_nouns18 or o.lower_ in W.apparatus_nouns18:
            return f"closing one's own {o.text}, routine governing"
        if any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in children(o)) and o.lemma_.lower() in (
            W.apparatus_nouns18 | {"system", "site", "website", "account"}
        ):
            return f"closing one's own {o.text}, routine governing"
    return None


def must_act18(modals: set[str], pattern: bool) -> bool:
    """An act under "must" read by no demand pattern (the pattern "X must" reads the demand):
    "Rubio said the United States must increase its efforts to improve defenses, destroy
    terrorist networks": what must be done is not done."""
    return not _off() and not pattern and "must" in modals


def link_alone18(stoks: list, j: int, m: int) -> bool:
    """Whether the line that ends at token ``m`` holds nothing after the link label's colon at
    token ``j`` but quote marks ('"Related:"' alone, the headline on the next line)."""
    if _off():
        return False
    return all(t.is_space or not t.text.strip("\"'“”‘’") for t in stoks[j + 1 : m + 1])


def yet_to18(tok: Token) -> bool:
    """An act in a to-infinitive under "has yet to", "is yet to" ("Trump has yet to apologize to the
    Khans", "had yet to endorse him"): not done (negated)."""
    if _off() or tok.dep_ != "xcomp" or tok.head.i == tok.i:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in children(tok)):
        return False
    h = tok.head
    return h.lemma_.lower() in ("have", "be") and any(c.lower_ == "yet" and c.dep_ == "advmod" for c in children(h))


def called_out18(lemma: str, part: Optional[str], obj: Optional[Token]) -> bool:
    """ "tripped up Rubio by calling him out for his reliance on talking points", "still calling out
    the Republicans": a phrasal verb of public criticism (words.tsv disapprove_phrasals18) is an
    ACCUSE (disapprove), not the REQUEST or CONSULT its verb reads alone; not with forces as object
    ("called out the National Guard" mobilises)."""
    if _off() or part is None or f"{lemma} {part}" not in W.disapprove_phrasals18:
        return False
    if obj is None:
        return True
    words = {obj.lemma_.lower(), obj.lower_} | {c.lower_ for c in children(obj) if c.dep_ == "compound"}
    return not (words & (FORCE_WORDS | {"guard", "guards", "reserves", "reservists"}))


def proposal_to_nobody18(tok: Token, type_: str) -> Optional[str]:
    """A plan or proposal unveiled with nobody it is put to ("Clinton unveiled a proposal to create
    a national Office of Immigrant Affairs"; words.tsv proposal_verbs18, proposal_nouns18): a
    candidate's or a government's policy told, no request of anyone (CAMEO 02/10 needs a target:
    "presented the plan to Congress" stays)."""
    if _off() or type_ != "REQUEST" or tok.lemma_.lower() not in W.proposal_verbs18:
        return None
    kids = children(tok)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in W.proposal_nouns18:
        return None
    if any(c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with", "before") for c in kids + children(obj)):
        return None
    return "a plan or proposal told with nobody it is put to, no request"
