"""Issue 10, round 14: precision rules read from fresh whole political articles.

Each function reads one kind of event a PLOVER coder would not sign, and says why (the reason
goes into ``Event.rule``); the knowledge is in ``words.tsv`` (the "# round 14 (precision)" block):

``irrealis``          acts only proposed, opposed, preferred or considered: "pressed for the United
                      States to carry out airstrikes", "opposes sending Americans to fight",
                      "his calls for banning Muslims" (hypothetical);
``no_object``         "give no support to": a light verb's decisive object with "no" (negated);
``background``        history told as background: an act dated a year or more before the
                      article ("In 2008, he complained"), "who once mocked", an act in a clause
                      under a past perfect ("had been imposed after militants killed ...");
``other_sense``       a verb in another sense: "will take over as the senior official" (a post),
                      "commitment to racial justice" (a value), "warning against her waging a
                      campaign" (advice), a candidate's trip at home ("visited the memorial",
                      "toured Ohio") is no CONSULT;
``us_party_country``  a party or candidate of the US parties ("Republican presidential candidate
                      Donald Trump met with Mexican President ...") is USA whatever country the
                      article or the sentence is about;
``name_not_demonym``  a demonym word inside a name ("Mark Cuban", "Americans for Prosperity")
                      names no country.

Off switch for before/after measures: ``"precision14"`` in ``tables.RULES_OFF``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, KeysView
from datetime import date, timedelta
from typing import Optional

from spacy.tokens import Token

from ..doc_cache import children, doc_memo, sent_of
from .tables import NOUNS, OBJECT_RULES, RULES_OFF, VERBS, W

# an act dated at least this long before the article is history told as background
BACKGROUND_DAYS = 365

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d\d))?(?:-(\d\d))?$")


def _to(t: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children(t))


def _for_subject(t: Token) -> bool:
    """ "for the United States to carry out airstrikes", "for Washington to oppose": a
    to-infinitive with its own subject opened by "for" (spaCy: mark "for", or "for" as the
    token before the subject)."""
    if not _to(t):
        return False
    kids = children(t)
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids):
        return True
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    first = min(x.i for x in subj.subtree)
    return first > 0 and t.doc[first - 1].lower_ == "for"


def irrealis(tok: Token) -> Optional[str]:
    """Why the act ``tok`` is not reported as done (None when it is). Walks up coordination."""
    if "precision14" in RULES_OFF:
        return None
    t = tok
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") and _for_subject(t):
            return "an act in a 'for X to' clause (proposed, hoped or pressed for)"
        h = t.head
        if h.i == t.i:
            return None
        hl = h.lemma_.lower()
        # "opposes sending Americans to fight", "don't like being arrested", "has been considering
        # announcing": a gerund or infinitive under a verb of stance or preference
        if (
            t.dep_ in ("xcomp", "ccomp", "dobj", "csubj")
            and h.pos_ in ("VERB", "AUX")
            and hl in W.stance_verbs
            and (t.tag_ == "VBG" or _to(t) or any(c.dep_ == "auxpass" and c.tag_ == "VBG" for c in children(t)))
        ):
            return f"an act under '{h.lemma_}' (a stance or a preference)"
        # "his calls for banning Muslims", "a push for deporting": an act a demand asks for
        if t.dep_ in ("pcomp", "pobj") and t.tag_ == "VBG" and h.lower_ == "for" and h.head.i != h.i:
            n = h.head
            if n.pos_ == "NOUN" and (n.lower_ in W.demand_nouns or n.lemma_.lower() in W.demand_nouns):
                return f"an act a '{n.text}' asks for"
        # "lashed out at Turkey for having shot down a Russian bomber", "criticized Scalia for
        # questioning affirmative action": the act blamed is alleged; the blame is the event
        gerund = t.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "having" for c in children(t))
        if t.dep_ in ("pcomp", "pobj") and gerund and h.lower_ == "for" and h.head.i != h.i:
            v = h.head
            if v.pos_ in ("NOUN", "PROPN") and v.dep_ in ("pobj", "dobj") and v.head.i != v.i:
                v = v.head.head if v.dep_ == "pobj" else v.head
            if v.pos_ == "VERB" and (
                VERBS.get(v.lemma_.lower(), ("",))[0] == "ACCUSE" or v.lemma_.lower() in W.blame_verbs
            ):
                return f"an act blamed under '{v.lemma_}' (alleged)"
        # "is bowing out of continuing the proxy war", "refrained from criticizing": an act given up
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and h.lower_ in ("of", "from") and h.head.i != h.i:
            v = h.head
            if v.lower_ == "out" and v.head.i != v.i:
                v = v.head
            if v.lemma_.lower() in W.quitting_verbs:
                return f"an act given up ('{v.lemma_}')"
        # "careful not to anger Sanders by urging him to quit": the means of a negated act
        if t.dep_ == "pcomp" and t.tag_ == "VBG" and h.lower_ == "by" and h.head.i != h.i:
            v = h.head
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in children(v)):
                return "the means of an act not done"
        if t.dep_ == "pcomp" and h.dep_ == "prep" and h.lower_ == "by" and h.head.pos_ in ("VERB", "AUX"):
            t = h.head  # "respond to the massacre by recognizing ...": the means goes with its act
            continue
        if t.dep_ == "ccomp" and (h.tag_ == "VBG" or _to(h)):
            # "has been considering announcing that he will not endorse": what a non-finite
            # verb reports is as (un)real as that verb
            t = h
            continue
        if (
            t.dep_ == "ccomp"
            and t.i != tok.i
            and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children(t))
        ):
            return "what a condition reports"
        if t.dep_ not in ("conj", "xcomp") and not (t.dep_ == "advcl" and _to(t)):
            if t.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in children(h)):
                return "what a condition reports ('if ... announced')"
            return None
        t = h
    return None


def no_object(tok: Token) -> bool:
    """ "insist that they give no support to Nusra fighters": the object that decides the event
    (a verb+object row, an event noun) is determined by "no"."""
    if "precision14" in RULES_OFF or tok.pos_ != "VERB":
        return False
    lem = tok.lemma_.lower()
    for c in children(tok):
        if c.dep_ != "dobj":
            continue
        ol = c.lemma_.lower()
        if (lem, ol) in OBJECT_RULES or (lem, c.lower_) in OBJECT_RULES or ol in NOUNS:
            return any(g.dep_ == "det" and g.lower_ == "no" for g in children(c))
    return False


def _date_end(value: Optional[str]) -> Optional[date]:
    """The last day of a date value (YYYY, YYYY-MM, YYYY-MM-DD)."""
    m = _DATE_RE.match(value or "")
    if m is None:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            return date(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            return (date(y + 1, 1, 1) if mo == 12 else date(y, mo + 1, 1)) - timedelta(days=1)
        return date(y, 12, 31)
    except ValueError:
        return None


def _published(published: Optional[str]) -> Optional[date]:
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _clause_verbs(tok: Token) -> list[Token]:
    """The trigger and the verbs it hangs on within its clause (to-infinitives, coordination)."""
    out = [tok]
    t = tok
    for _ in range(3):
        if (
            t.dep_ in ("xcomp", "conj")
            or t.dep_ == "advcl"
            and (
                _to(t)
                # a participle with no subject or conjunction of its own shares its verb's time
                or t.tag_ == "VBG"
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children(t))
            )
        ):
            t = t.head
            out.append(t)
            continue
        if t.tag_ == "VBG" and t.dep_ in ("pcomp", "pobj") and t.head.dep_ == "prep":
            # "In 2008, he complained about the United States' backing independence for Kosovo"
            v = t.head.head
            if v.pos_ in ("VERB", "AUX"):
                t = v
                out.append(t)
                continue
        break
    return out


def _year_on_clause(tok: Token, times, pub: date) -> Optional[str]:
    """A date expression attached to the trigger's clause (through its noun and preposition
    phrases: "In the Hard Hat Riot of 1970, construction workers joined bankers to assault")
    whose period ended a year or more before the article."""
    doc = tok.doc
    sent = sent_of(doc, tok.i)
    a, b = sent.start_char, sent.end_char
    times = [tx for tx in times if a <= tx.start < b and getattr(tx, "type", None) == "DATE"]
    if not times:
        return None
    verbs = {t.i for t in _clause_verbs(tok)}
    if tok.dep_ in ("relcl", "acl"):
        verbs.add(tok.head.i)  # "the 2011 raid that killed Osama bin Laden"
    for tx in times:
        end = _date_end(getattr(tx, "value", None))
        if end is None or (pub - end).days < BACKGROUND_DAYS:
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        r = span.root
        for _ in range(8):
            if r.i in verbs:
                return tx.text
            if r.pos_ in ("VERB", "AUX") or r.head.i == r.i:
                break
            # (through a time phrase and the noun phrases it sits in; not up from an argument of
            # the verb: "criticized Obama's 2011 intervention" dates the intervention, not the
            # criticism)
            if r.dep_ not in ("pobj", "prep", "npadvmod", "nummod", "compound", "nmod", "appos"):
                break
            r = r.head
    return None


def _habit_over_years(tok: Token, times) -> bool:
    """ "Utah has long been loyal to Republicans, supporting the party's candidates ... for over four
    decades": a duration of years on the clause tells a habit, not one act."""
    doc = tok.doc
    sent = sent_of(doc, tok.i)
    a, b = sent.start_char, sent.end_char
    times = [
        tx
        for tx in times
        if a <= tx.start < b
        and getattr(tx, "type", None) == "DURATION"
        and getattr(tx, "granularity", None) in W.habit_units
    ]
    if not times:
        return False
    verbs = {t.i for t in _clause_verbs(tok)}
    for tx in times:
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        r = span.root
        for _ in range(4):
            if r.i in verbs:
                # "for four decades", "over the past 20 years"; not "in two years" (a time ahead)
                return any(x.lower_ in ("for", "over") for x in doc[max(span.start - 2, 0) : span.start])
            if r.pos_ in ("VERB", "AUX") or r.head.i == r.i:
                break
            r = r.head
    return False


def generic_class(tok: Token) -> bool:
    """ "first-time offenders convicted of battery are often sent to courses", "illegal immigrants
    convicted of crimes won't be permitted to stay": a participle describing a bare plural noun
    (no article, owner, number or demonstrative) names a class of people, not one act done."""
    if "precision14" in RULES_OFF or tok.dep_ != "acl" or tok.tag_ != "VBN":
        return False
    h = tok.head
    if h.tag_ != "NNS":
        return False
    return not any(c.dep_ in ("det", "poss", "nummod", "predet") for c in children(h)) and h.dep_ != "pobj"


def background(tok: Token, published: Optional[str], times) -> Optional[str]:
    """Why the act ``tok`` is history told as background (guidelines 9: "a separate, earlier
    episode ... is not coded"), or None."""
    if "precision14" in RULES_OFF:
        return None
    pub = _published(published)
    if pub is not None:
        # (not the event's date as such: the times component may date a clause from another
        # phrase of the sentence, "said on Tuesday he wants to attack ... the 1995 tax return")
        y = _year_on_clause(tok, times or [], pub)
        if y is not None:
            return f"history told as background ('{y}')"
    kids = children(tok)
    if pub is not None and _habit_over_years(tok, times or []):
        return "a habit over years, not one act"
    if tok.tag_ in ("VBD", "VBN") and any(c.dep_ == "advmod" and c.lower_ in W.background_adverbs for c in kids):
        return "history told as background ('once')"
    # "the state of emergency, which had been imposed after Islamist militants killed 130 people":
    # an act in a time clause under a past perfect, or a past perfect in a relative clause
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in W.background_marks for c in kids):
        h = tok.head
        if h.dep_ in ("relcl", "advcl", "acl") and any(c.dep_ == "aux" and c.lower_ == "had" for c in children(h)):
            return "an aside under a past perfect"
    if tok.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in kids):
        return "a past perfect in a relative clause"
    if generic_class(tok):
        return "a class of people described, not one act"
    return None


def other_sense(
    tok: Token, type_: str, actor_country: Optional[str], obj_country: Optional[str], via_pronoun: bool = False
) -> Optional[str]:
    """Why the trigger ``tok`` is not in its event sense here, or None. ``obj_country``: the
    country of the visited place (for a trip at home; not judged when the actor is only a
    pronoun's reading, ``via_pronoun``, nor for a visit to a capital)."""
    if "precision14" in RULES_OFF:
        return None
    lem = tok.lemma_.lower()
    kids = children(tok)
    # "will take over as the senior official", "the new team took over in mid-August": a post taken
    if lem == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in kids):
        if not any(c.dep_ == "dobj" for c in kids):
            return "taking up a post, not a takeover"
    # "Senior officials disagree on what these troops will be doing": a difference of views with no
    # other party named, no accusation
    if lem in W.disagree_verbs and not any(
        c.dep_ in ("prep", "dobj") and (c.lower_ == "with" or c.dep_ == "dobj") for c in kids
    ):
        return "a disagreement with no other party"
    # "citing an instance in which a Marine was found guilty": an example cited
    if tok.dep_ == "relcl" and tok.head.lemma_.lower() in W.example_nouns:
        return "an example cited, not the article's act"
    # "the Democratic Party's commitment to racial justice": a value, no act promised
    if tok.pos_ == "NOUN" and type_ == "AGREE" and tok.lemma_.lower() in W.commitment_nouns:
        to = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "to"), None)
        if to is not None and not any(g.tag_ == "VBG" for g in children(to)) and not _to(tok):
            return "a commitment to a value, no act promised"
    # "are warning against her waging a Trump-only campaign": advice about another party's act
    if type_ == "THREATEN" and lem in W.warning_verbs:
        against = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "against"), None)
        if against is not None and (
            any(g.dep_ == "pcomp" or g.tag_ == "VBG" for g in children(against))
            # "warning against the senator waging a campaign": the parser may hang the gerund on the verb
            or any(c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > against.i for c in kids)
        ):
            return "a warning against an act, advice, not a threat"
    # "Clinton visited the National Law Enforcement Officers Memorial", "toured Ohio": a trip to a
    # place, or within the actor's own country, is campaigning or a tour, no consultation
    if type_ == "CONSULT" and lem in W.trip_verbs:
        o = next((c for c in kids if c.dep_ == "dobj"), None)
        if o is not None:
            if o.ent_type_ in ("FAC", "LOC") or o.lemma_.lower() in W.visited_place_nouns:
                return "a visit to a place, no other party"
            if (
                o.ent_type_ == "GPE"
                and actor_country
                and obj_country == actor_country
                and not via_pronoun
                and not _capital(o.text, obj_country)
            ):
                return "a trip within the actor's own country"
    return None


def _capital(word: str, country: Optional[str]) -> bool:
    from ...countries import country_info

    info = country_info(country) if country else None
    return bool(info and (info.get("capital") or "").lower() == word.lower())


def _party_word(words: list[str]) -> bool:
    """A US party word in a phrase ("Republican presidential candidate", "GOP", "Sen. X (D-Vt.)"),
    not in another country's party name ("Christian Democrats", "Social Democratic")."""
    for k, w in enumerate(words):
        if w in W.us_party_words and not (k > 0 and words[k - 1].lower() in W.other_party_modifiers):
            return True
        if re.fullmatch(r"\(?[RD]-[A-Z][A-Za-z.]{0,4}\)?", w):
            return True
    return False


def us_party_country(phrase: str, roles: list[str], country: Optional[str], rule: str, us_named: bool = True) -> bool:
    """Whether an actor whose country is only a guess from the context (the article's, the
    sentence's, a place's, the entities component's) is named as a member of a US party, and so
    is USA (a US candidate meeting Mexico's president in Mexico is still American). ``us_named``:
    whether the article names the USA at all (Nigeria's "Peoples Democratic Party" is no US party)."""
    if (
        "precision14" in RULES_OFF
        or not us_named
        or country in (None, "USA")
        or "text:country" in rule
        or "table:country" in rule
    ):
        return False
    words = re.findall(r"[\w'’.()-]+", phrase)
    if _party_word(words):
        return True
    return any(_party_word(re.findall(r"[\w'’.()-]+", r)) for r in roles if r)


def name_not_demonym(words: list[str], in_person_names: Collection[str]) -> bool:
    """Whether the country a phrase was coded with comes only from a demonym word that is part of
    a name: a person's surname the article gives with a first name ("Cuban" after "Mark Cuban"),
    or an organisation named "<Demonyms> for/of <Name>" ("Americans for Prosperity")."""
    if "precision14" in RULES_OFF:
        return False
    from ... import actors as actor_codes

    ws = [w for w in words if w.lower() not in ("the", "a", "an")]
    if len(ws) == 1 and ws[0] in in_person_names and not ws[0].isupper():
        return True
    if len(ws) >= 3 and ws[0][:1].isupper() and ws[1] in ("for", "of") and ws[2][:1].isupper():
        # the name opens with the demonym, and what follows names no country itself
        first = actor_codes.code_words([ws[0]])
        return bool(first.country) and not actor_codes.code_words(ws[2:]).country
    return False


def full_names(doc) -> dict[str, str]:
    """Surname -> the person's full name as the article first gives it ("Lazio" -> "Rick Lazio"),
    read once per Doc (read it, do not change it)."""
    memo = doc_memo(doc)
    out = memo.get("events.full_names")
    if out is None:
        out = memo["events.full_names"] = {}
        for e in doc.ents:
            if e.label_ == "PERSON" and len(e) >= 2 and e[-1].text[:1].isupper():
                out.setdefault(e[-1].text, e.text)
    return out


def surname_not_table_place(word: str, country: Optional[str], names: dict[str, str], date: Optional[str]) -> bool:
    """Whether a bare word the actor table codes with a country is the surname of a person the
    article names in full, whose full name the table does not give that country ("Lazio" after
    "Rick Lazio" is no Italian region, "Bondi" after "Pam Bondi" no Italian politician)."""
    if "precision14" in RULES_OFF or word not in names or word.isupper():
        return False
    from ... import actors as actor_codes

    full_name = names[word].lower()
    full = actor_codes.table_lookup(full_name, date)
    if full is not None:
        return full.country != country
    person = actor_codes.surname_index().get(word.lower())
    if person is not None:
        # the table's person of that surname: the same person unless the first names differ
        # (round 13's namesake rule decides "Christie" vs Perry Christie)
        return person.split()[0] != full_name.split()[0] and person != full_name
    return True  # the table's entry is a place or a body ("Lazio", a region of Italy)


def person_surnames(doc) -> KeysView[str]:
    """The last words of the persons' names the article gives with a first name ("Mark Cuban"
    -> "Cuban"): a bare mention of one is the person, not a demonym (the keys of ``full_names``)."""
    return full_names(doc).keys()


def through_quantity(n: Optional[Token]) -> Optional[Token]:
    """ "launching a new round of attacks": the noun a quantity word counts (words.tsv
    quantity_of_nouns), else ``n`` itself."""
    if "precision14" in RULES_OFF or n is None or n.lemma_.lower() not in W.quantity_of_nouns:
        return n
    of = next((c for c in children(n) if c.dep_ == "prep" and c.lower_ == "of"), None)
    g = next((x for x in children(of) if x.dep_ == "pobj"), None) if of is not None else None
    return g if g is not None else n


def person_on(n: Optional[Token], person_nouns: frozenset) -> bool:
    """ "continued his assault on Mr. Bush": an attack noun aimed "on"/"against" a person (a
    verbal attack, even in a sentence that names a war)."""
    if "precision14" in RULES_OFF or n is None:
        return False
    for c in children(n):
        if c.dep_ == "prep" and c.lower_ in ("on", "against"):
            for g in children(c):
                if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or g.lemma_.lower() in person_nouns):
                    return True
    return False


def _wins_office(v: Token) -> bool:
    """ "if elected", "if he wins", "if he wins the White House", "once she becomes president",
    "if he takes office"; not "if the bill becomes law" (a threat on a condition stays a threat)."""
    lem = v.lemma_.lower()
    if lem == "elect":
        return True
    if lem not in W.campaign_condition_verbs:
        return False
    objs = [c for c in children(v) if c.dep_ in ("dobj", "attr", "oprd")]
    if not objs:
        return lem == "win"
    return any(o.lemma_.lower() in W.office_nouns or o.lemma_.lower() in W.campaign_prizes for o in objs)


def campaign_promise(tok: Token) -> Optional[str]:
    """ "vowed to break up the big banks if he wins the White House", "if elected, he would impose
    tariffs", "as president, I will ...": an act promised or threatened on the condition of winning
    an election (words.tsv campaign_condition_verbs, office_nouns) is a campaign promise, not coded
    (guidelines 4: "if elected, I will ..."). Read on the trigger, the act it governs and the
    verbs above it in its clause."""
    if "precision14" in RULES_OFF:
        return None
    verbs = [tok] + [c for c in children(tok) if c.dep_ in ("xcomp", "ccomp")]
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp", "conj") or t.head.i == t.i:
            break
        t = t.head
        verbs.append(t)
    for v in verbs:
        for c in children(v):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "once", "when") for m in children(c)):
                if _wins_office(c):
                    return f"a campaign promise ('{c.text}')"
            if c.dep_ == "advcl" and c.tag_ == "VBN" and c.lemma_.lower() == "elect":
                return f"a campaign promise ('{c.text}')"  # "If elected," parsed with no mark
            if c.dep_ == "prep" and c.lower_ == "as":
                if any(g.dep_ == "pobj" and g.lemma_.lower() in W.office_nouns for g in children(c)):
                    return "a campaign promise ('as president')"
    return None


def _named_actor(t: Token) -> bool:
    return t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "NORP") or t.ent_type_ in ("PERSON", "ORG")


def _owner(n: Token) -> Optional[Token]:
    for c in children(n):
        if c.dep_ == "poss" and c.pos_ != "PRON" and _named_actor(c):
            return c
    return None


def named_target(tok: Token) -> Optional[Token]:
    """The target of a statement (ACCUSE, REJECT, SUPPORT) that its own phrases leave unnamed,
    from another phrase of the sentence that names it: the owner of what the verb it hangs on
    goes into ("dove deeper into Donald Trump's record Tuesday, launching a new round of
    attacks"), or the source of a report, a claim or a story rejected ("dismissed a report in
    Politico", words.tsv report_nouns). None when there is none: no guess."""
    if "precision14" in RULES_OFF:
        return None
    kids = children(tok)
    obj = next((c for c in kids if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in W.report_nouns:
        for c in children(obj):
            if c.dep_ == "prep" and c.lower_ in ("in", "by", "from"):
                for g in children(c):
                    if g.dep_ == "pobj" and _named_actor(g):
                        return g
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "mark") for c in kids):
        v = tok.head
        for c in children(v):
            nouns = [c] if c.dep_ == "dobj" else []
            if c.dep_ == "prep" and c.lower_ in ("into", "at", "on", "against", "about"):
                nouns = [g for g in children(c) if g.dep_ == "pobj"]
            for n in nouns:
                if n.ent_type_ == "PERSON":
                    return n
                o = _owner(n)
                if o is not None:
                    return o
    return None
