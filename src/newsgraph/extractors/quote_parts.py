"""A quote's content in parts: one statement whose words an attribution interrupts (round 20).

Readers, and PolNeAR's annotators, read ``And that, Mr. Novak said, was in the works`` as one
statement whose content is two segments, ``And that`` and ``was in the works``, the attribution
left out; and ``"We will stay," she said, "until the work is done."`` as one quotation. The quote
rules (``quotes.py``) find the part after the attribution (an indirect ``parataxis`` content) or
each quoted piece as its own record; the rules here join them into one ``Quote`` with several
``parts`` (``record.Quote.parts``; its ``text`` is the parts joined by ``" ... "``). They run on
the quotes component's finished records (after the speakers, the confidence and the dates), so
they change nothing else a record holds.

Switches (in ``quotes._RULES_OFF``, passed in as ``rules_off``):

- ``across20``: an indirect or mixed content right after a parenthetical attribution (``, X
  said,`` / ``, she explained,`` / ``, according to X,``) whose sentence opens with words the
  content's clause governs (the parse: every word of the opening that hangs outside it hangs on
  a word of the content, none on the cue) gets that opening as its first part.
- ``split20`` (on since the round 20 merge; a name in ``OFF_BY_DEFAULT`` is off unless in
  ``ON``): a
  quotation split by its attribution (``"A," X said, "B."`` / ``"A," said X.
  "b..."``), two direct records of one speaker whose second is the first's continuation
  (``direct:quote-cue-more`` or ``direct:continued``), is one record of two parts when B goes on
  with A's sentence: B opens lower-case, or A ends with a comma and the attribution with a comma
  (not a full stop).

docs/quotes.md, "Round 20".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Optional

from spacy.tokens import Doc

from ..record import Quote, SentenceRef, parts_text

_QUOTE_MARKS = '"\u201c\u201d\u2018\u2019`'
# the attribution between two parts: a speaker, a cue and a few words (a time, an addressee);
# no sentence end, no quotation mark, no line break
_ATTR_MAX_WORDS = 14
_OPENING_MAX_WORDS = 30
# speaker words that report nothing a reader would call a statement's source inside a clause
_WORD_RE = re.compile(r"\w")


# rules written and measured but off unless switched on (``ON``): ``split20`` joins two records
# PolNeAR pairs both already, so it lowers train precision by their count (docs/quotes.md
# "Round 20"); the lead's call
OFF_BY_DEFAULT: frozenset = frozenset()  # (split20 was off on its branch; the lead switched it on, round 20)
ON: set[str] = set()


def join_parts(doc: Doc, text: str, quotes: list[Quote], rules_off: Iterable[str] = ()) -> list[Quote]:
    """The quotes with an interrupted content joined into parts (the rules above); the ids
    renumbered in order when any record was joined."""
    off = set(rules_off) | (OFF_BY_DEFAULT - ON)
    changed = False
    if "across20" not in off:
        for q in quotes:
            if _across(doc, text, q, quotes) or _across_after(doc, text, q, quotes):
                changed = True
    if "split20" not in off:
        joined = _join_split(text, quotes)
        if len(joined) != len(quotes):
            quotes, changed = joined, True
    if changed:
        for i, q in enumerate(quotes, 1):
            q.id = f"Q{i}"
    return quotes


# ---------------------------------------------------------------- across20


def _token_at(doc: Doc, i: int):
    """The token holding character ``i`` (or the next one), else None."""
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        t = doc[mid]
        if t.idx + len(t.text) <= i:
            lo = mid + 1
        else:
            hi = mid
    return doc[lo] if lo < len(doc) else None


def _across(doc: Doc, text: str, q: Quote, quotes: list[Quote]) -> bool:
    """Give ``q`` the opening of its sentence as a first part when a parenthetical attribution
    splits the two (``And that, Mr. Novak said, was in the works``); True when it did."""
    if q.kind not in ("indirect", "mixed") or len(q.parts) > 1 or q.cue is None:
        return False
    marks = [s for s in (q.cue, q.speaker_mention) if s is not None]
    lo, hi = min(s.start for s in marks), max(s.end for s in marks)
    if hi > q.start:
        return False
    # the content may open with the attribution's own tail ("the mayor said on Monday, would
    # open ..." -> "on Monday,"): the content starts after it
    cstart = _after_cue_tail(doc, text, q)
    # the attribution: ", <speaker and cue and a few words>, " right before the content
    head = text[:lo].rstrip()
    if not head.endswith(","):
        return False
    comma = len(head) - 1
    between = text[comma:cstart]
    if "\n" in between or any(c in _QUOTE_MARKS for c in between):
        return False
    gap = text[hi:cstart].strip()
    if not gap.endswith(",") or any(c in ".;:!?()[]\u2014\u2013" for c in gap) or gap.count(",") > 1:
        return False
    if any(c in ".;:!?()" for c in text[comma + 1 : lo]):
        return False  # (a description before the speaker's name may stand there: "the chairman, Mr. Novak")
    if len(between.split()) > _ATTR_MAX_WORDS:
        return False
    # the opening: the words right before the comma that the content's clause governs (each
    # climbs, through words before the comma, to a word of the content), back to the first that
    # does not (or the sentence's first word, not before the paragraph)
    span = _opening(doc, text, comma, cstart, q.end, q.cue.start, q.cue.end)
    if span is None:
        return False
    start, end = span
    opening = text[start:end]
    if not _WORD_RE.search(opening) or len(opening.split()) > _OPENING_MAX_WORDS:
        return False
    if any(c in _QUOTE_MARKS for c in opening) or any(c in ";:\u2014" for c in opening):
        return False
    for o in quotes:
        if o is q:
            continue
        if any(p["start"] < end and start < p["end"] for p in o.parts) or (
            o.cue is not None and o.cue.start < end and start < o.cue.end
        ):
            return False  # another statement or its cue in the opening
    q.parts = [{"start": start, "end": end}, {"start": cstart, "end": q.end}]
    q.start = start
    q.text = parts_text(text, q.parts)
    q.rule += "+across20"
    return True


def _across_after(doc: Doc, text: str, q: Quote, quotes: list[Quote]) -> bool:
    """The other side of ``_across``: a content that stops at the attribution (``This campaign``
    in ``This campaign, he says, is different.``) gets the rest of its clause after it as a second
    part, when the cue hangs (parenthetically) on a word after the attribution whose subject or
    phrase the content is; True when it did."""
    if q.kind not in ("indirect", "mixed") or len(q.parts) > 1 or q.cue is None:
        return False
    marks = [s for s in (q.cue, q.speaker_mention) if s is not None]
    lo, hi = min(s.start for s in marks), max(s.end for s in marks)
    if lo < q.end or text[q.end : lo].strip() != ",":
        return False
    rest = text[hi:]
    comma2 = rest.find(",")
    if comma2 < 0:
        return False
    gap = rest[:comma2]
    if "\n" in gap or any(c in _QUOTE_MARKS or c in ".;:!?()[]\u2014\u2013" for c in gap) or len(gap.split()) > 4:
        return False
    p2s = hi + comma2 + 1
    while p2s < len(text) and text[p2s].isspace():
        p2s += 1
    cue_tok = _token_at(doc, q.cue.start)
    if cue_tok is None or cue_tok.dep_ != "parataxis":
        return False
    h = cue_tok.head
    if h.idx < p2s or h.sent.start != cue_tok.sent.start:
        return False
    # the content's words hang on that word (through the content)
    first = _token_at(doc, q.start)
    if first is None:
        return False
    for t in doc[first.i :]:
        if t.idx >= q.end:
            break
        top, seen = t, 0
        while seen < 50 and top.head.i != top.i and q.start <= top.head.idx < q.end:
            top, seen = top.head, seen + 1
        if not t.is_punct and top.head.i != h.i:
            return False
    tail = [t for t in h.subtree if t.idx >= p2s]
    if not tail or any(t.idx >= q.cue.start and t.idx < hi for t in tail):
        return False
    p2e = max(t.idx + len(t.text) for t in tail)
    part2 = text[p2s:p2e]
    if "\n" in part2 or any(c in _QUOTE_MARKS for c in part2) or not _WORD_RE.search(part2):
        return False
    for o in quotes:
        if o is not q and (
            any(p["start"] < p2e and p2s < p["end"] for p in o.parts)
            or (o.cue is not None and o.cue.start < p2e and p2s < o.cue.end)
        ):
            return False
    q.parts = [{"start": q.start, "end": q.end}, {"start": p2s, "end": p2e}]
    q.end = p2e
    q.text = parts_text(text, q.parts)
    q.rule += "+across20"
    return True


def _after_cue_tail(doc: Doc, text: str, q: Quote) -> int:
    """Where ``q``'s content really starts: after a phrase closed by a comma that opens it and
    hangs on the cue (``on Monday,`` in ``the mayor said on Monday, would open ...``), else its
    start."""
    comma = text.find(",", q.start, min(q.end, q.start + 60))
    if comma < 0 or q.cue is None or any(c in _QUOTE_MARKS for c in text[q.start : comma]):
        return q.start
    first = _token_at(doc, q.start)
    if first is None or first.idx >= comma:
        return q.start
    for t in doc[first.i :]:
        if t.idx >= comma:
            break
        h, seen = t, 0
        while seen < 50 and h.head.i != h.i and q.start <= h.idx < comma:
            h, seen = h.head, seen + 1
        if not (q.cue.start <= h.idx < q.cue.end):
            return q.start
    j = comma + 1
    while j < q.end and text[j].isspace():
        j += 1
    return j if j < q.end else q.start


def _opening(doc: Doc, text: str, comma: int, ca: int, cb: int, cue_a: int, cue_b: int) -> Optional[tuple[int, int]]:
    """The character span of the words before ``comma`` that the content ``ca``..``cb`` governs:
    walking back from the comma, a word belongs when climbing its heads through words before the
    comma (in its sentence) reaches a word of the content (never the cue's words); the walk stops
    at the first word that does not, at the sentence's start or at a line break."""
    tok = _token_at(doc, comma)
    if tok is None or tok.idx != comma:
        return None
    sent_start = tok.sent.start
    nl = text.rfind("\n", 0, comma)
    first = None
    i = tok.i - 1
    while i >= sent_start and doc[i].idx > nl:
        t = doc[i]
        seen = 0
        h = t
        while seen < 50:
            seen += 1
            if h.head.i == h.i:
                h = None
                break
            h = h.head
            if ca <= h.idx < cb or not (doc[sent_start].idx <= h.idx < comma):
                break
        if h is None or not (ca <= h.idx < cb) or cue_a <= h.idx < cue_b:
            break
        first = t
        i -= 1
    if first is None:
        return None
    start = first.idx
    while start < comma and (text[start].isspace() or text[start] in _QUOTE_MARKS or text[start] in ",-"):
        start += 1
    end = comma
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


# ---------------------------------------------------------------- split20


def _join_split(text: str, quotes: list[Quote]) -> list[Quote]:
    out: list[Quote] = []
    for q in quotes:
        prev = out[-1] if out else None
        if prev is not None and _continues(text, prev, q):
            prev.parts = prev.parts + q.parts
            prev.end = q.end
            prev.text = parts_text(text, prev.parts)
            prev.confidence = max(prev.confidence, q.confidence)
            prev.sentence = SentenceRef(
                min(prev.sentence.start, q.sentence.start), max(prev.sentence.end, q.sentence.end)
            )
            prev.rule += "+split20"
            continue
        out.append(q)
    return out


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is not None or b.speaker is not None:
        return a.speaker == b.speaker
    if a.speaker_mention is None or b.speaker_mention is None:
        return False
    return a.speaker_mention.start == b.speaker_mention.start


def _continues(text: str, a: Quote, b: Quote) -> bool:
    """``b`` is the rest of ``a``'s quotation after its attribution (``"A," X said, "b ..."``)."""
    if (
        a.kind != "direct"
        or b.kind != "direct"
        or a.cue is None
        or not b.rule.startswith(("direct:quote-cue-more", "direct:continued"))
    ):
        return False
    if not (a.end <= a.cue.start and a.cue.end <= b.start) or not _same_speaker(a, b):
        return False
    between = text[a.end : b.start]
    if "\n" in between or len(between.split()) > _ATTR_MAX_WORDS:
        return False
    # exactly one closing and one opening mark between the two: nothing else quoted there
    if sum(c in _QUOTE_MARKS for c in between) != 2:
        return False
    first = next((c for c in text[b.start : b.end] if c.isalpha()), "")
    if first.islower():
        return True
    attribution = between.strip().strip(_QUOTE_MARKS).rstrip()
    return text[a.start : a.end].rstrip().endswith(",") and attribution.endswith(",")
