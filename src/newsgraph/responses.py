"""Responses within an article: which statement answers which (docs/responses.md).

The engine, on plain quotes (Quote objects or their dicts), without spaCy: the pipeline runs it
as the component ``newsgraph_responses`` (extractors/responses.py), the store for responses
across the articles of a story (store/storyindex.py).

Precision first: a link is made only when the article has a **cue** that shows it, a response
frame followed by a reference to an earlier statement:

- "The Kremlin **dismissed the call**. 'That is not for Warsaw to decide,' Orlov said."
- "Berger **welcomed Kowal's proposal**: 'A ceasefire now would save lives,' he said."
- "**Asked about Kowal's remarks**, Zielinska said the minister had meant ..."

The frames (``data/en/responses/frames.tsv``: "dismissed", "welcomed", "asked about", ...),
the reactions after a reference (``reactions.tsv``: "drew criticism"), the nouns that refer to
a statement (``nouns.tsv``: "remarks", "call", "proposal", ...) and the words that give an
answer's stance (``stance_words.tsv``) are data; this module is the engine (docs/responses.md
"How newsgraph finds links" has the whole of it):

1. **Cue**: a frame before a reference ("dismissed the call"), its passive ("His comments were
   derided by"), a reaction after a reference ("This view has drawn criticism"), in the
   answer's sentence outside any statement's words or in the sentence before when that one
   reports no statement (then for the first statement of the next sentence, if attributed);
   or a **reference alone** with a possessor or a name ("Trump's comments are based on his
   opinion", "Comments like Trump's"), inside the answer's own words only. A frame whose
   words before it name another speaker (and not the answer's) is that speaker's: skipped.
   A frame right before the words it names ("jabbed back at complaints from his counterpart
   that ...", "was attacked by Clinton for suggesting ...") answers those words (**inline**,
   any cue type; their speaker's first full report when they repeat it); a statement whose own
   speech verb is one of answering (``verbs.tsv``: "shot back", "responded") answers the
   statement just before it; and an answer's speaker going on in the next sentence without a
   cue of his own answers the same statements (**run**).
2. **Which statement is answered**: the possessor or pronoun resolved through the entities'
   mentions ("the president's", "His"), or a name matched against the speakers: of that
   speaker's earlier statements, the one sharing most content words with the words after the
   cue, else the first (its first full report); a cue that describes the statement ("charge
   that ...") with no statement fitting the description: no link. A bare "the call" points to
   the nearest earlier statement that asked ("called for", "urged"); a bare "the remarks", in
   the answer's own sentence only, to the nearest earlier attributed speaker other than the
   answer's (the first of that speaker's run). No earlier statement: no link.
3. **Stance**: the frame's or reaction's own (dismissed: reject; welcomed: support;
   clarified: clarify), or for neutral frames ("asked about", "responding to") the answer's
   words: "meant", "out of context" -> clarify; "nonsense", "not for" -> reject; "agree" ->
   support; else other. A reference alone with none of those words is a rebuttal (reject):
   naming another's words unasked is, in news, mostly disputing them (51 of the 72 links of
   the tune half reject).

Each link is ``{"quote": "Q3", "cue": {"start", "end", "text"}, "stance": ..., "rule": ...}``
on the answering quote's ``responds_to``; the rule names the frame and how the answered
statement was found (``response:frame=dismissed:target=nearest-speaker:cue=previous-sentence``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, Optional

from .lexicon import table

STANCES = ("support", "reject", "clarify", "other")
ASK_NOUNS = {"call", "appeal", "demand", "request"}
ASK_CUES = {
    "call",
    "called",
    "calls",
    "calling",
    "urge",
    "urged",
    "urges",
    "demand",
    "demanded",
    "demands",
    "ask",
    "asked",
    "asks",
    "appeal",
    "appealed",
}
DETERMINERS = r"the|that|this|those|these|his|her|their|its|such|a|an"
REF_DETERMINERS = r"that|this|those|these|such"
PRONOUNS = {"his", "her", "their", "its"}
# not content words for choosing the answered statement (responses._choose); cut to five letters
STOP_WORDS = {
    w[:5]
    for w in (
        "that this those these there their they them then than with about from into over after "
        "before would could should have has been were will what when which while said says saying "
        "also just more most some such only very like other others"
    ).split()
}
# a frame in the answer's sentence more characters than this away from the answer's words is
# another clause's (the passive "His comments were derided by Armin Laschet, the leader of the
# opposition in North-Rhine Westphalia, who suggested that" is 93)
MAX_GAP = 120
# an answer's run: the same speaker's next statements without a cue of their own answer the same
# statements when they are at most this many sentences after the answer
RUN_SENTENCES = 1
# the words after a cue that say what the statement was about: "Trump's comments about Israel"
ABOUT = re.compile(r"[^.;:!?\n]{0,80}")
# ... when they describe it ("Sanders' charge that she has been weak on climate", "his call for a
# ban"): then a statement of that speaker must share a content word with them, else the article
# does not report the statement described and there is no link
DESCRIBED = re.compile(r",?\s+(?:that|about|on|over|regarding|concerning|for)\s", re.I)
POSSESSOR = r"(?:[Tt]he\s+)?(?-i:(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)['’]s?|(?:the\s+)?[a-z]+['’]s"
NAME = r"(?-i:(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*)"
# between a cue and the words right after it: "Clinton's assertion that 90 percent ...": those
# words are the content of the statement the cue names, not an answer to it
CONTENT_GAP = re.compile(r"\s*(?:,\s*)?(?:that\s+|:\s*)?[\"'“‘]*\s*")
# ... also with its speaker between: "complaints from his American counterpart that ..."
INLINE_GAP = re.compile(
    r"\s*(?:(?:from|by|of)\s+(?!\w+ing\b)[^,.;:!?\"“”]{1,60}?\s*)?(?:,\s*)?(?:that\s+|:\s*)?[\"'“‘]*\s*"
)


class _Tables(NamedTuple):
    stance_of: dict[str, str]
    by_noun: re.Pattern[str]
    by_person: re.Pattern[str]
    stance_words: dict[str, list[re.Pattern[str]]]
    by_ref: re.Pattern[str]
    by_passive: re.Pattern[str]
    by_reaction: re.Pattern[str]
    reaction_stance: dict[str, str]
    noun_stance: dict[str, str]
    verb_stance: dict[str, str]
    by_passive_for: re.Pattern[str]
    by_verb: re.Pattern[str]
    echo_frames: frozenset[str]  # frames aimed at a person, not at his words ("a swipe at Trump")
    noun_words: frozenset[
        str
    ]  # the statement nouns and their plurals: by_noun, by_ref, by_passive, by_reaction need one


# a statement that opens by reporting someone else's words: "Donald Trump says he's qualified ..."
REPORTS_ANOTHER = re.compile(
    r"[\"'“‘]*(?:[A-Z][\w.\-]*\s+){1,3}(?:says|said|claims|claimed|thinks|believes|wants\s+you\s+to\s+believe)\b"
)
# a day between the words of a frame: "jabbed back on Monday at complaints"
WHEN = r"(?:(?:on|late|early|last)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?"


def _phrase_alt(phrases: Iterable[str]) -> str:
    sep = rf"\s+(?:{WHEN}\s+)?"
    return "|".join(sep.join(map(re.escape, f.split())) for f in sorted(phrases, key=len, reverse=True))


def _stance_in(*allowed: str):
    """A row check for a table's ``stance`` column: one of ``allowed``."""
    words = ", ".join(allowed[:-1]) + " or " + allowed[-1]
    return lambda r: None if r["stance"] in allowed else f"stance must be {words}, not {r['stance']!r}"


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    frames = table(
        "responses/frames.tsv",
        columns=("frame", "stance", "to_person"),
        key=("frame",),
        check=lambda r: (
            _stance_in("reject", "support", "clarify", "answer")(r)
            or (
                None
                if r["to_person"] in ("", "yes", "echo")
                else f"to_person must be yes, echo or empty, not {r['to_person']!r}"
            )
        ),
    )
    noun_rows = table(
        "responses/nouns.tsv",
        columns=("noun", "alone", "stance"),
        key=("noun",),
        check=lambda r: (
            None
            if r["alone"] in ("", "yes") and r["stance"] in ("", "reject")
            else f"alone must be yes or empty and stance reject or empty, not {r['alone']!r}, {r['stance']!r}"
        ),
    )
    verbs = table(
        "responses/verbs.tsv",
        columns=("verb", "stance"),
        key=("verb",),
        check=_stance_in("reject", "support", "clarify", "answer"),
    )
    nouns = [r["noun"] for r in noun_rows]
    alone = [r["noun"] for r in noun_rows if r["alone"] == "yes"]
    words = table(
        "responses/stance_words.tsv",
        columns=("phrase", "stance"),
        key=("phrase",),
        check=_stance_in("reject", "support", "clarify"),
    )
    reactions = table(
        "responses/reactions.tsv",
        columns=("phrase", "stance"),
        key=("phrase",),
        check=_stance_in("reject", "support", "answer"),
    )
    stance_of = {r["frame"].lower(): r["stance"] for r in frames}
    frame_alt = _phrase_alt(stance_of)
    person_frames = _phrase_alt(r["frame"] for r in frames if r["to_person"] in ("yes", "echo"))
    # single-word frames may stand in the passive ("His comments were derided by ...")
    passive_alt = _phrase_alt(f for f in stance_of if " " not in f)
    noun_alt = "|".join(re.escape(n) + "s?" for n in sorted(nouns, key=len, reverse=True))
    # frame, then (determiner | possessor), up to two words, a statement noun
    by_noun = re.compile(
        rf"\b(?P<frame>{frame_alt})\s+(?:(?P<det>{DETERMINERS})\s+)?(?:(?P<who>{POSSESSOR})\s+)?"
        rf"(?:[\w\-]+\s+){{0,2}}?(?P<noun>{noun_alt})\b",
        re.I,
    )
    # frames of person: a bare name ("hit back at Trump")
    by_person = re.compile(rf"\b(?P<frame>{person_frames})\s+(?P<who>(?:[A-Z][\w.\-]*\s+){{0,3}}[A-Z][\w.\-]*)\b")
    alone_alt = "|".join(re.escape(n) + "s?" for n in sorted(alone, key=len, reverse=True))
    # a reference alone: a possessor before the noun ("Trump's comments") or a name after it
    # ("comments like Trump's", "the remarks by Obama"); not a bare demonstrative ("those
    # remarks": whose, the article does not say, and on the tune half and an audit of 200
    # other articles such links were mostly wrong)
    by_ref = re.compile(
        rf"\b(?:(?P<who>{POSSESSOR})\s+(?:[\w\-]+\s+){{0,2}}?(?P<noun>{alone_alt})\b"
        rf"|(?P<pnoun>{alone_alt})\s+(?:by|from|like)\s+(?P<after>{NAME})(?:['’]s)?\b)",
        re.I,
    )
    # a determiner or possessor first ("His comments", "the remarks", "Trump's comments")
    ref = (
        rf"(?:(?:(?P<det>{DETERMINERS})\s+(?:(?P<who>{POSSESSOR})\s+)?|(?P<who2>{POSSESSOR})\s+)"
        rf"(?:[\w\-]+\s+){{0,2}}?)"
    )
    # the passive of a frame: "His comments were quickly derided by ..."
    by_passive = re.compile(
        rf"\b{ref}(?P<noun>{noun_alt})\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+"
        rf"(?:\w+ly\s+)?(?P<frame>{passive_alt})\b",
        re.I,
    )
    # the passive of a frame with its agent and the words it is about: "Trump was attacked by
    # Hillary Clinton for suggesting that he would remain neutral": the words after "for" are the
    # statement answered, the agent's next statements the answer
    by_passive_for = re.compile(
        rf"\b(?:was|were|is|are|has\s+been|have\s+been|had\s+been)\s+(?:\w+ly\s+)?(?P<frame>{passive_alt})\s+"
        rf"(?:(?:on|last|this)\s+\w+\s+)?by\s+(?P<who>[^.;:!?\"“”]{{1,150}}?)\s+for\s+(?=\w+ing\b)",
        re.I,
    )
    # a reaction after the reference: "This view has drawn criticism", "the remarks sparked outrage"
    reaction_stance = {r["phrase"].lower(): r["stance"] for r in reactions}
    by_reaction = re.compile(
        rf"\b{ref}(?P<noun>{noun_alt})\s+(?:(?:has|have|had|quickly|also)\s+)?(?P<frame>{_phrase_alt(reaction_stance)})\b",
        re.I,
    )
    stance_words: dict[str, list[re.Pattern[str]]] = {"clarify": [], "reject": [], "support": []}
    for r in words:
        stance_words[r["stance"]].append(
            re.compile(r"\b" + r"\s+".join(map(re.escape, r["phrase"].split())) + r"\b", re.I)
        )
    noun_stance = {r["noun"].lower(): r["stance"] for r in noun_rows if r["stance"]}
    verb_stance = {" ".join(r["verb"].lower().split()): r["stance"] for r in verbs}
    return _Tables(
        stance_of,
        by_noun,
        by_person,
        stance_words,
        by_ref,
        by_passive,
        by_reaction,
        reaction_stance,
        noun_stance,
        verb_stance,
        by_passive_for,
        re.compile(rf"(?P<verb>{_phrase_alt(verb_stance)})\b", re.I),
        frozenset(" ".join(r["frame"].lower().split()) for r in frames if r["to_person"] == "echo"),
        frozenset(w for n in nouns for w in (n.lower(), n.lower() + "s")),
    )


def _get(x: Any, k: str) -> Any:
    """Field ``k`` of a record object or of its dict."""
    return x.get(k) if isinstance(x, dict) else getattr(x, k)


def _span(x: Any) -> tuple[int, int]:
    """(start, end) of a sentence reference (every quote has one: record.Quote.sentence)."""
    return (_get(x, "start"), _get(x, "end"))


def answer_stance(text: str, default: str = "other") -> str:
    """The stance the answer's words give (stance_words.tsv: clarify, then reject, then support),
    else ``default``."""
    words = _tables()[3]
    for stance in ("clarify", "reject", "support"):
        if any(p.search(text) for p in words[stance]):
            return stance
    return default


def _capitalised(who: str) -> bool:
    w = re.sub(r"^(?:the)\s+", "", who.strip(), flags=re.I)
    return w[:1].isupper()


def _name_matches(who: str, name: Optional[str]) -> bool:
    """'Kowal' / 'Jan Kowal' / 'the Kremlin' against a speaker's name."""
    if not name:
        return False
    w = re.sub(r"['’]s?$", "", who.strip())
    w = re.sub(r"^(?:the)\s+", "", w, flags=re.I)
    wt = [t.casefold() for t in re.findall(r"[\w\-]+", w) if t[:1].isupper()]
    nt = {t.casefold() for t in re.findall(r"[\w\-]+", name)}
    # the whole name, or its last word (a surname after a title: "Mr. Obama", "Sen. Cruz")
    return bool(wt) and (set(wt) <= nt or wt[-1] in nt)


_NOUN_KINDS = frozenset(("passive", "reaction", "noun", "reference"))  # the kinds whose pattern needs a noun
_LETTERS = re.compile(r"[a-z]+")
_FOLDS = frozenset("\u017f\u212a\u0131\u0130")  # non-ASCII letters that re.I matches with ASCII ones


def _has_noun(t: _Tables, text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` may hold a statement noun ("comments", "remarks") as a word:
    most sentences hold none, and then the patterns built on one cannot match. A set lookup of
    the sentence's words, far quicker than any pattern; never False where a pattern could match
    (the patterns want the noun as a whole word)."""
    seg = text[start:end]
    if not seg.isascii() and any(c in _FOLDS for c in seg):
        return True
    return not t.noun_words.isdisjoint(_LETTERS.findall(seg.lower()))


def find_cues(
    text: str, start: int, end: int, skip: Sequence[tuple[int, int]], own: Optional[tuple[int, int]] = None
) -> list[dict]:
    """Response cues in text[start:end] outside the spans in ``skip`` (statements' words). A
    reference alone ("Trump's comments") may also be inside ``own`` (the answer's own words).
    Each cue: start, end, text, frame, stance, who (the possessor or name, if any), who_span,
    pronoun_span (a possessive determiner: "his comments"), noun."""
    t = _tables()
    seg = text[start:end]
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    kinds = (
        (t.by_passive_for, "passive_for"),
        (t.by_passive, "passive"),
        (t.by_reaction, "reaction"),
        (t.by_noun, "noun"),
        (t.by_person, "person"),
        (t.by_ref, "reference"),
    )
    # most sentences hold no statement noun ("comments", "remarks"): then the four patterns built
    # on one cannot match, and the search for a noun is far quicker than theirs
    has_noun = _has_noun(t, text, start, end)
    for rx, kind in kinds:
        if not has_noun and kind in _NOUN_KINDS:
            continue
        for m in rx.finditer(seg):
            s, e = start + m.start(), start + m.end()
            gd = m.groupdict()
            fs = start + (m.start("frame") if kind in ("noun", "person") else m.start())
            if any(a < e and s < b for a, b in skip if kind != "reference" or (a, b) != own) or any(
                a < e and s < b for a, b in taken
            ):
                continue
            if kind == "reference" and (own is None or not (own[0] < e and s < own[1])):
                continue  # a reference alone counts inside the answer's own words only
            who_group = next((g for g in ("who", "who2", "after") if gd.get(g)), None)
            who = gd.get(who_group) if who_group else None
            who_span = (start + m.start(who_group), start + m.end(who_group)) if who_group else None
            det = (gd.get("det") or "").lower()
            det_span = (start + m.start("det"), start + m.end("det")) if det in PRONOUNS else None
            noun = gd.get("noun") or gd.get("pnoun")
            if kind == "reference":
                frame, stance = "reference", "answer"
            elif kind == "reaction":
                frame = re.sub(r"\s+", " ", m.group("frame").lower())
                stance = t.reaction_stance[frame]
            else:
                frame = re.sub(r"\s+", " ", re.sub(rf"\s+{WHEN}(?=\s)", "", m.group("frame")).lower())
                stance = t.stance_of[frame]
            # "asked about Trump" is a person frame; a capitalised sentence start of the frame is fine
            if who and kind == "person" and who.split()[0].lower() in ("the", "a", "an"):
                continue
            out.append(
                {
                    "start": fs,
                    "end": e,
                    "text": text[fs:e],
                    "frame": frame if kind != "passive" else f"{frame} (passive)",
                    "kind": kind,
                    "stance": stance,
                    "who": who,
                    "who_span": who_span,
                    "pronoun_span": det_span,
                    "det": det or None,
                    "about": _about(text, e, end),
                    "described": bool(DESCRIBED.match(text, e, end)),
                    "noun": noun.lower() if noun else None,
                    "echo": kind == "person" and frame in t.echo_frames,
                }
            )
            taken.append((s, e))
    return sorted(out, key=lambda c: c["start"])


def link_responses(text: str, quotes: list, entities: Iterable = (), sentences: Sequence[tuple[int, int]] = ()) -> int:
    """Set ``responds_to`` on the quotes of one article (Quote objects or their dicts, in text
    order); returns the number of links. ``sentences``: the article's sentence spans (for cues
    in the sentence before an answer); without them only same-sentence cues are used."""
    entities = list(entities)
    names = {_get(e, "id"): _get(e, "name") for e in entities}
    mentions = _mentions(entities)
    speech = [q for q in quotes if _get(q, "cue_type") == "speech"]
    speakers = {_get(q, "speaker") for q in speech} - {None}
    for q in quotes:
        if isinstance(q, dict):
            q["responds_to"] = []
        else:
            q.responds_to = []
    if len(speech) < 2:
        return 0
    skip = [(_get(q, "start"), _get(q, "end")) for q in speech]
    sents = sorted(set(sentences)) or sorted({_span(_get(q, "sentence")) for q in quotes})
    by_sent: dict = {}
    for q in speech:
        by_sent.setdefault(_span(_get(q, "sentence")), []).append(q)
    n = 0
    given: set = set()  # previous-sentence cues already given to a statement
    # a frame right before the words it names ("jabbed back at complaints from his American
    # counterpart that China's glut ...", "rejected Trump's claim that ..."): those words, a
    # statement of any kind (the quotes component may report them as a non-speech attribution),
    # are the statement answered, by the other statements of that sentence or the next
    inline = _inline_contents(text, quotes, skip)
    inline_ids = {id(c) for c in inline.values()}
    prev_links: Optional[tuple[Any, list, Optional[int]]] = None  # (speaker, links, sentence) of the last answer
    for q in speech:
        ss, se = _span(_get(q, "sentence"))
        own = (_get(q, "start"), _get(q, "end"))
        cue_sent = ss  # where the cue's sentence starts
        cues = [(c, "same-sentence") for c in find_cues(text, ss, se, skip, own)]
        first_of_sentence = next((o for o in by_sent[(ss, se)] if id(o) not in inline_ids), None) is q
        # a cue in the sentence before: only for an answer with a speaker ("people who have
        # responded to Sanders' call" then an unattributed clause is no answer)
        if not cues and first_of_sentence and sents and _get(q, "speaker") is not None:
            prev = [s for s in sents if s[1] <= ss]
            if prev:
                ps, pe = prev[-1]
                if (
                    not any(ps <= _get(o, "start") < pe for o in speech if id(o) not in inline_ids)
                    and (ps, pe) not in given
                ):
                    cues = [
                        (c, "previous-sentence") for c in find_cues(text, ps, pe, skip) if c["kind"] != "reference"
                    ]  # a reference alone stays in its sentence
                    if cues:
                        given.add((ps, pe))
                        cue_sent = ps
        links = []
        for cue, where in cues:
            if cue["end"] <= own[0] and CONTENT_GAP.fullmatch(text[cue["end"] : own[0]]):
                continue  # "Clinton's assertion that ...": the statement the cue names, not an answer
            if cue["kind"] == "passive_for":
                if not _is_agent(cue, q, names, mentions):
                    continue  # "Trump was attacked by Clinton for ...": only Clinton's words answer
            elif cue["kind"] != "reference" and _said_by_another(cue, cue_sent, q, mentions, speakers):
                continue
            gap = cue["start"] - own[1] if cue["start"] >= own[1] else own[0] - cue["end"]
            if cue["kind"] != "reference" and where == "same-sentence" and gap > MAX_GAP:
                continue  # "He defended Trump's remarks when ..., and has not ..., stating that ...":
                # the answer belongs to another clause
            cue["answer_text"] = _get(q, "text")
            named = inline.get(cue["start"])
            if named is q:
                named = None  # the words after the cue are the answer's own: the cue names another's
            if named is not None:
                if _get(named, "start") > own[0] or (
                    _get(named, "speaker") is not None and _get(named, "speaker") == _get(q, "speaker")
                ):
                    continue
                target, how = _first_report(named, speech), "inline"
            else:
                target, how = _target(q, cue, speech, names, mentions, where)
            if target is None:
                continue
            stance = (
                cue["stance"]
                if cue["stance"] != "answer"
                else answer_stance(_get(q, "text"), "reject" if cue["frame"] == "reference" else _noun_stance(cue))
            )
            links.append(
                {
                    "quote": _get(target, "id"),
                    "cue": {"start": cue["start"], "end": cue["end"], "text": cue["text"]},
                    "stance": stance,
                    "rule": f"response:frame={cue['frame'].replace(' ', '_')}:target={how}:cue={where}",
                }
            )
        if not links:
            links = _verb_link(text, q, speech, sents)
        seen: set[str] = set()
        unique = []  # one link per answered quote: the first
        for x in links:
            if x["quote"] not in seen:
                seen.add(x["quote"])
                unique.append(x)
        links = unique
        si = _sent_at(sents, own[0])  # where its words start (its sentence may be the "she said." after them)
        if links:
            prev_links = (_get(q, "speaker"), links, si)
        elif prev_links is not None and not cues:  # a cue of its own that gave no link: no run
            spk, plinks, psi = prev_links
            if (
                spk is not None
                and _get(q, "speaker") == spk
                and si is not None
                and psi is not None
                and si - psi <= RUN_SENTENCES
            ):
                # the same speaker goes on, in the answer's sentence or the next, with no cue of
                # his own ("Guardian stopped short of endorsing Clinton's criticisms. He said ...
                # And the mayor said ..."): his words answer the same statements
                links = [{**x, "rule": x["rule"] + ":run"} for x in plinks if ":frame=reference:" not in x["rule"]]
            prev_links = None
        if isinstance(q, dict):
            q["responds_to"] = links
        else:
            q.responds_to = links
        n += len(links)
    return n


def _is_agent(cue: dict, q: Any, names: dict, mentions: Sequence) -> bool:
    """Whether the agent of a passive frame ("by Hillary Clinton") is the answer's speaker."""
    spk = _get(q, "speaker")
    if spk is None:
        return False
    ws = cue.get("who_span")
    if ws and any(eid == spk for s, e, eid in mentions if ws[0] <= s and e <= ws[1]):
        return True
    return _name_matches(cue.get("who") or "", names.get(spk))


def _first_report(named: Any, speech: list) -> Any:
    """The first full report of a statement the frame names: an earlier statement of the same
    speaker sharing three content words or more with it ("for suggesting in past interviews that
    he would remain neutral" after his promise "to be 'neutral' in negotiations between Israel and
    the Palestinians"), else the named words themselves."""
    spk = _get(named, "speaker")
    if spk is None:
        return named
    words = _content_words(_get(named, "text"))
    for o in speech:
        if _get(o, "start") >= _get(named, "start"):
            break
        if _get(o, "speaker") == spk and len(words & _content_words(_get(o, "text"))) >= 3:
            return o
    return named


def _noun_stance(cue: dict) -> str:
    """The default stance of an answer through a neutral frame: the noun's ("charge": reject), else other."""
    noun = (cue.get("noun") or "").lower()
    st = _tables().noun_stance
    return st.get(noun) or st.get(noun[:-1] if noun.endswith("s") else noun) or "other"


def _verb_of(text: str, q: Any) -> Optional[tuple[str, int, int]]:
    """(verb, start, end) when the statement's own cue is a verb of answering (verbs.tsv:
    "shot back", "responded"), else None."""
    c = _get(q, "cue")
    if c is None:
        return None
    cs = _get(c, "start")
    m = _tables().by_verb.match(text, cs)
    if m is None:
        return None
    return re.sub(r"\s+", " ", re.sub(rf"\s+{WHEN}(?=\s)", "", m.group("verb"))).lower(), cs, m.end()


def _verb_link(text: str, q: Any, speech: list, sents: Sequence[tuple[int, int]]) -> list[dict]:
    """A statement whose own cue is a verb of answering ('"Jeb wants to be a tough guy tonight,"
    Trump shot back') answers the statement reported just before it: in the same sentence or the
    one before, by another known speaker, not a question."""
    v = _verb_of(text, q)
    spk = _get(q, "speaker")
    if v is None or spk is None:
        return []
    verb, cs, ce = v
    i = next(k for k, o in enumerate(speech) if o is q)
    if i == 0:
        return []
    prev = speech[i - 1]
    ps = _get(prev, "speaker")
    if ps is None or ps == spk or _asks_question(text, prev):
        return []
    si, pi = _sent_index(sents, _span(_get(q, "sentence"))[0]), _sent_index(sents, _span(_get(prev, "sentence"))[0])
    if si is None or pi is None or si - pi > 1:
        return []
    stance = _tables().verb_stance[verb]
    if stance == "answer":
        stance = answer_stance(_get(q, "text"), "other")
    return [
        {
            "quote": _get(prev, "id"),
            "cue": {"start": cs, "end": ce, "text": text[cs:ce]},
            "stance": stance,
            "rule": f"response:frame={verb.replace(' ', '_')}_(verb):target=previous-statement:cue=own-verb",
        }
    ]


def _asks_question(text: str, q: Any) -> bool:
    """Whether a statement is a question: its cue is "asked", or its words end in a question mark."""
    c = _get(q, "cue")
    if c is not None and _get(c, "text").lower() in ("asked", "asks", "ask", "asking", "wondered", "questioned"):
        return True
    return _get(q, "text").rstrip(" '\"”’").endswith("?")


def _sent_at(sents: Sequence[tuple[int, int]], pos: int) -> Optional[int]:
    """The index of the sentence holding character ``pos``."""
    for i, (s, e) in enumerate(sents):
        if s <= pos < e:
            return i
    return None


def _sent_index(sents: Sequence[tuple[int, int]], start: int) -> Optional[int]:
    """The index of the sentence starting at ``start``."""
    for i, (s, _) in enumerate(sents):
        if s == start:
            return i
    return None


def _inline_contents(text: str, quotes: list, skip: Sequence[tuple[int, int]]) -> dict[int, Any]:
    """{cue start: quote} for each frame followed by a statement noun and, right after it, the
    words of a statement ("dismissed Trump's claim that the vote was rigged": the quote of "the
    vote was rigged", of any cue type)."""
    t = _tables()
    out: dict[int, Any] = {}
    starts = sorted(((_get(q, "start"), q) for q in quotes), key=lambda x: x[0])
    for ss, se in sorted({_span(_get(q, "sentence")) for q in quotes}):
        has_noun = _has_noun(t, text, ss, se)
        for rx, group in ((t.by_noun, "frame"), (t.by_passive_for, None)):
            if rx is t.by_noun and not has_noun:
                continue  # (by_noun needs a statement noun)
            for m in rx.finditer(text, ss, se):
                cs, ce = (m.start(group) if group else m.start()), m.end()
                if any(a < ce and cs < b for a, b in skip):
                    continue
                for qs, q in starts:
                    if qs >= ce and qs < se and INLINE_GAP.fullmatch(text, ce, qs):
                        out.setdefault(cs, q)
                        break
    return out


def open_cues(text: str, quotes: list, entities: Iterable = ()) -> list[tuple[Any, dict]]:
    """(quote, cue) for the statements whose own sentence has a cue naming a speaker ("rejected
    Sorokin's claim") whose words the article does not report: the story may (responses
    across articles, newsgraph.store.storyindex). Quotes that already answer something are left out."""
    names = {_get(e, "id"): _get(e, "name") for e in entities}
    speech = [q for q in quotes if _get(q, "cue_type") == "speech"]
    skip = [(_get(q, "start"), _get(q, "end")) for q in speech]
    out = []
    for q in speech:
        if _get(q, "responds_to") if isinstance(q, dict) else getattr(q, "responds_to", None):
            continue
        ss, se = _span(_get(q, "sentence"))
        for cue in find_cues(text, ss, se, skip, (_get(q, "start"), _get(q, "end"))):
            who = cue.get("who")
            if not who or not _capitalised(who) or cue["kind"] == "passive_for":
                continue  # the agent of "was attacked by X for ..." answers; he is not answered
            if any(_name_matches(who, names.get(_get(o, "speaker"))) for o in speech):
                continue  # the article reports that speaker: answered (or not) within it
            if _name_matches(who, names.get(_get(q, "speaker"))):
                continue  # names the answer's own speaker
            out.append((q, cue))
            break
    return out


def _said_by_another(cue: dict, sent_start: int, answer: Any, mentions: Sequence, speakers: set) -> bool:
    """Whether the frame's words before it name another speaker of the article and not the
    answer's ("Clinton and the DNC rejected the allegation." then Devine's words): the frame
    is that speaker's, not the answer's."""
    before = {eid for s, e, eid in mentions if sent_start <= s and e <= cue["start"]}
    spk = _get(answer, "speaker")
    return spk not in before and bool(before & (speakers - {spk}))


def _mentions(entities: Iterable) -> list[tuple[int, int, Any]]:
    """(start, end, entity id) of every mention of the article's entities (names, titles, pronouns)."""
    out = []
    for e in entities:
        for m in _get(e, "mentions") or ():
            out.append((_get(m, "start"), _get(m, "end"), _get(e, "id")))
    return out


def _entity_at(mentions: list[tuple[int, int, Any]], span: Optional[tuple[int, int]]) -> Any:
    """The entity one of whose mentions overlaps ``span`` ("the president's" -> Obama), or None."""
    if span is None:
        return None
    for s, e, eid in mentions:
        if s < span[1] and span[0] < e:
            return eid
    return None


def _target(
    answer: Any,
    cue: dict,
    speech: list,
    names: dict,
    mentions: Sequence[tuple[int, int, Any]] = (),
    where: str = "same-sentence",
) -> tuple[Any, str]:
    """The statement a cue points to, among those reported before the answer."""
    a_start = _get(answer, "start")
    a_speaker = _get(answer, "speaker")
    earlier = [q for q in speech if _get(q, "start") < min(a_start, cue["start"]) and q is not answer]
    if not earlier:
        return None, ""
    who = cue.get("who")
    # the possessor or pronoun resolved through the article's entities ("the president's
    # comments", "his remarks"): that speaker's first statement, or nothing
    ent = _entity_at(list(mentions), cue.get("who_span") or cue.get("pronoun_span"))
    if ent is not None:
        named = [q for q in earlier if _get(q, "speaker") == ent]
        if named and ent != a_speaker:
            chosen = _choose(named, cue)
            return (chosen, "resolved-speaker") if chosen is not None else (None, "")
        if named and cue["stance"] == "clarify" and cue["kind"] == "noun":
            # a walk-back of one's own words: "he seemed to paper over his past statements about
            # neutrality, promising that ..." (clarify frames only)
            chosen = _choose(named, cue)
            return (chosen, "own-words") if chosen is not None else (None, "")
        return None, ""
    if who and _capitalised(who):
        named = [q for q in earlier if _name_matches(who, names.get(_get(q, "speaker")))]
        if named and _get(named[0], "speaker") != a_speaker:
            chosen = _choose(named, cue)
            return (chosen, "named-speaker") if chosen is not None else (None, "")
        return None, ""  # names someone whose words the article does not report
    if who or cue.get("pronoun_span"):
        return None, ""  # "the president's comments" not resolved: whose, unknown
    if cue["kind"] != "person" and not cue.get("det"):
        return None, ""  # "dismissed criticism", "accusations of sexism": no statement in particular
    others = [q for q in earlier if _get(q, "speaker") is None or _get(q, "speaker") != a_speaker]
    if not others:
        return None, ""
    if (cue.get("noun") or "").rstrip("s") in ASK_NOUNS:  # "the call": the nearest statement that asked
        asks = [q for q in others if _asks(q)]
        if asks:
            spk = _get(asks[-1], "speaker")
            run = [q for q in asks if _get(q, "speaker") == spk] if spk is not None else asks[-1:]
            return run[0], "nearest-request"
    if _get(earlier[-1], "speaker") == a_speaker and a_speaker is not None:
        return None, ""  # "He echoed that promise": the latest statement is his own
    last = others[-1]
    spk = _get(last, "speaker")
    if spk is None or where != "same-sentence":
        # an unattributed statement, or a bare "the allegation" a sentence away: on the tune
        # half and two audits of 200 other articles such links were mostly wrong
        return None, ""
    run = [q for q in others if _get(q, "speaker") == spk]
    return _prefer_ask(run, cue), "nearest-speaker"


def _about(text: str, at: int, end: int) -> str:
    """The words right after a cue, to the end of its clause: what the statement referred to
    was about ("Trump's comments about Israel")."""
    m = ABOUT.match(text, at, end)
    return text[at : m.end()] if m else ""


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, cut to five (a crude stem: "generals" ~ "general")."""
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w\-]{3,}", text)} - STOP_WORDS


def _choose(cands: list, cue: dict) -> Any:
    """Of one speaker's statements, the one the cue's own words point to ("Trump's assertion
    there are generals who agree with him": the statement about generals): the statement
    sharing most content words with the words after the cue (``cue["about"]``), the first
    such; but None when the cue describes the statement ("Sanders' charge that she has been
    weak on climate change") and none of them fits the description. Without words after the
    cue, the statement sharing two or more content words with the answer's own words ("Kral,
    who backed Novak's position": the statement Kral's words echo); else the first statement
    (its first full report), or for a "call", the first that asks. A frame aimed at the person
    rather than at his words ("in another shot aimed at Trump", ``to_person`` echo in
    frames.tsv) points to the statement the answer's words echo most (one content word or
    more), else to none."""
    if cue.get("echo"):
        words = _content_words(cue.get("answer_text") or "") - _content_words(cue.get("who") or "")
        scores = [len(words & _content_words(_get(q, "text"))) for q in cands]
        if not scores or max(scores) == 0:
            return None
        return _own_first([q for q, sc in zip(cands, scores) if sc == max(scores)])
    about = _content_words(cue.get("about") or "")
    if about:
        scores = [len(about & _content_words(_get(q, "text"))) for q in cands]
        own = [sc if not REPORTS_ANOTHER.match(_get(q, "text")) else 0 for q, sc in zip(cands, scores)]
        if max(own) > 0:  # the speaker's own claims first, then his reports of others'
            scores = own
        if max(scores) > 0:
            return _own_first([q for q, sc in zip(cands, scores) if sc == max(scores)])
        if cue.get("described"):
            return None
    words = _content_words(cue.get("answer_text") or "") - _content_words(cue.get("who") or "")
    if words and len(cands) > 1:
        scores = [len(words & _content_words(_get(q, "text"))) for q in cands]
        if max(scores) >= 2:
            return _own_first([q for q, sc in zip(cands, scores) if sc == max(scores)])
    return _prefer_ask(cands, cue)


def _own_first(cands: list) -> Any:
    """The first of ``cands`` that is the speaker's own claim, not his report of another's
    ("Donald Trump says he's qualified ...," Clinton said), else the first."""
    return next((q for q in cands if not REPORTS_ANOTHER.match(_get(q, "text"))), cands[0])


def _asks(q: Any) -> bool:
    c = _get(q, "cue")
    return c is not None and _get(c, "text").lower() in ASK_CUES


def _prefer_ask(cands: list, cue: dict) -> Any:
    """The first of ``cands``; for a "call"/"appeal" cue, the first whose cue is a verb of asking."""
    if (cue.get("noun") or "").rstrip("s") in ASK_NOUNS:
        for q in cands:
            if _asks(q):
                return q
    return _own_first(cands)
