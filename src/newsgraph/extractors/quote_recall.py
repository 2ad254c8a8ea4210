"""Round 21: recall rules for reported content (docs/quotes.md, "Round 21: recall").

Each rule is a kind of language read on PolNeAR train misses (never dev), under a switch name
ending in 21 that ``quotes._RULES_OFF`` turns off. They change where a content starts or ends;
the record's confidence is computed by the confidence model as for any other record of its path.

- ``whconj21``: an object or prepositional object followed by a coordinated how/why/what clause
  that the parse hung on the verb ('will talk about the border and how migrants slip through'):
  the clause is the second thing talked about, part of the content.
- ``passive21``: a cue verb that takes an object, in the passive with an agent ('The meeting was
  first reported by the Examiner'): the passive subject is what was reported on, the agent the
  source (a new path, ``indirect:passive``, cue type other).
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from .cue_table import word_class


def _last_word(doc: Doc, a: int, b: int) -> Optional[Token]:
    try:
        span = doc.char_span(a, b, alignment_mode="expand")
    except IndexError:
        return None
    if span is None or len(span) == 0:
        return None
    end = span[-1]
    while end.i > span.start and (end.is_punct or end.is_space):
        end = doc[end.i - 1]
    return end


def wh_conj_end(doc: Doc, text: str, a: int, b: int, rule: str, sent_end: int) -> int:
    """``whconj21``: the end of a content that goes on with '(,) and/or how|why|what ... <clause>'
    hung outside it by the parse; ``b`` when there is none. Only for a content that names what
    was spoken of (an object or a prepositional object)."""
    if not rule.startswith(("indirect:obj", "indirect:prep-", "indirect:learned-obj", "indirect:learned-about")):
        return b
    end = _last_word(doc, a, b)
    if end is None or end.i + 2 >= len(doc):
        return b
    k = end.i + 1
    if doc[k].text == ",":
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("and", "or") or doc[k + 1].lower_ not in word_class("wh"):
        return b
    wh = doc[k + 1]
    top = wh
    while top.head.i != top.i and top.head.i > k:
        top = top.head
    if a <= top.head.idx < b or top.dep_ != "conj" or top.pos_ not in ("VERB", "AUX"):
        return b  # (a clause hung inside the content was cut on purpose; only a coordinated clause)
    last = top.right_edge
    while last.i > top.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    e = last.idx + len(last.text)
    if e > sent_end or "\n" in text[b:e] or any(t.lemma_ in ("say", "tell") for t in doc[wh.i : last.i + 1]):
        return b
    return e


def passive_object(
    v: Token, subj: Optional[Token], frames: frozenset, skip: frozenset
) -> Optional[tuple[Token, Token]]:
    """``passive21``: '(The meeting) was first reported by (the Examiner)', '(Her attacks) were
    echoed by (O'Malley)': a cue verb that takes an object, in the passive with an agent; the
    passive subject is what was reported on (the content), the agent the source. (content head,
    agent) or None. Not a pronoun subject ('it was reported by ...': the content is elsewhere),
    nor a verb of ``skip`` ('was told by': the subject heard it)."""
    if (
        subj is None
        or subj.dep_ != "nsubjpass"
        or subj.head.i != v.i
        or "obj" not in frames
        or v.lemma_.lower() in skip
        or subj.pos_ == "PRON"
        or subj.tag_ in ("WDT", "WP")
        or not any(c.dep_ == "auxpass" for c in v.children)
    ):
        return None
    agent = next((c for c in v.children if c.dep_ == "agent" and c.i > v.i), None)
    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if pobj is None or pobj.ent_type_ in ("DATE", "TIME"):
        return None
    return subj, pobj
