"""Round 21 (speed): the event candidates, the events' subject memory and the quote component's
idiom checks read the Doc's lists of attributes (``doc_cache.doc_attr``, ``doc_lemma_lower``)
instead of a Token's attributes; ``doc_attr`` looks a string not met before up once. Each test
shows the same output with the lists and with the Token reads they replace. Sentences written for
the project."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.extractors import doc_cache as dc

TEXTS = [
    "BOSTON — Senator Maria Lopez introduced a bill on Tuesday. The governor of Ohio greeted her in "
    "Columbus, and she criticized him for his budget cuts. Police arrested two protesters.",
    "\u201cThat is not for Washington to decide,\u201d the Qarvani foreign minister said. Mayor Tom Reyes "
    "said the plan was a disgrace and urged the police to release the students.",
    "Removing the sanctions is out of the question, the ministry said. The army prepared to resume "
    "shelling, and Amnesty International said troops tortured detainees in Velmora.",
    "It's fair to say the talks failed. All told, the union held a rally and Zorvic officials "
    "praised the deal as a fine achievement.",
]


def _slow_attr(doc, name):
    return [getattr(t, name) for t in doc]


def _slow_lemma_lower(doc):
    return [t.lemma_.lower() for t in doc]


def _parsed(nlp, text):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if not name.startswith("newsgraph_") or name == "newsgraph_sentence_bounds":
            doc = proc(doc)
    return doc


def test_doc_attr_looks_up_words_not_met_before(nlp):
    dc._STRINGS.clear()  # every word is new to the shared table now
    doc = _parsed(nlp, "Zyxqv blorfed the Qarvani envoys in Velmora on Thursday.")
    for attr in ("pos_", "lemma_", "dep_", "lower_", "tag_"):
        assert dc.doc_attr(doc, attr) == _slow_attr(doc, attr), attr
    assert dc.doc_lemma_lower(doc) == _slow_lemma_lower(doc)
    other = _parsed(nlp, "Blorf zyxqv said nothing.")  # a second Doc: its own lists
    assert dc.doc_attr(other, "lower_") == _slow_attr(other, "lower_")
    assert dc.doc_lemma_lower(other) == _slow_lemma_lower(other)


@pytest.mark.parametrize("text", TEXTS)
def test_candidates_from_the_lists_are_those_from_the_tokens(nlp, monkeypatch, text):
    from newsgraph.extractors.events import candidates as cm

    doc = _parsed(nlp, text)
    toks = dc.doc_tokens(doc)
    for tok in toks:  # the attributes passed in are the token's own
        assert cm._candidate(tok, (tok.lemma_, tok.pos_, tok.dep_)) == cm._candidate(tok)
    fast = [cm.sentence_candidates(toks[s.start : s.end], set(), "2024-03-06") for s in dc.doc_sents(doc)]
    monkeypatch.setattr(cm, "doc_attr", _slow_attr)
    monkeypatch.setattr(cm, "doc_lemma_lower", _slow_lemma_lower)
    slow = [cm.sentence_candidates(toks[s.start : s.end], set(), "2024-03-06") for s in dc.doc_sents(doc)]
    assert fast == slow


@pytest.mark.parametrize("text", TEXTS)
def test_records_with_the_lists_are_those_with_the_tokens(extract, monkeypatch, text):
    import newsgraph.extractors.events as ev
    from newsgraph.extractors import quotes
    from newsgraph.extractors.events import candidates as cm

    fast = dataclasses.asdict(extract(text, published="2024-03-06"))
    for mod in (ev, cm, quotes):
        monkeypatch.setattr(mod, "doc_attr", _slow_attr)
    monkeypatch.setattr(cm, "doc_lemma_lower", _slow_lemma_lower)
    slow = dataclasses.asdict(extract(text, published="2024-03-06"))
    assert fast == slow
    assert fast["events"] or fast["quotes"]  # (the sentences do make records)
