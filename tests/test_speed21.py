"""Round 21 (speed): the event candidates, the events' subject memory and the quote component's
idiom checks read the Doc's lists of attributes (``doc_cache.doc_attr``, ``doc_lemma_lower``)
instead of a Token's attributes; ``doc_attr`` looks a string not met before up once; the
round 14 readers (``recall.extra_candidates``) are asked only at words one of them starts from
(``recall._may_start``). Each test shows the same output with the lists and with the Token
reads they replace, and with every reader asked everywhere. Sentences written for the project."""

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
    # sentences no verb codes: the noun fallback reads them
    "There were clashes near the border on Sunday. The Qarvani army's shelling of the town in March "
    "had no end, and the PROTESTS of the Velmora farmers went on.",
]


READER_TEXTS = TEXTS + [
    "The senator railed against the Qarvani regime, and the office called the charges baseless and "
    "fabricated. \u201cVelmora must release the prisoners,\u201d she said.",
    "Zorvic said the minister failed to stop the violence. Reyes urged Lopez to run and was "
    "disappointed with the ruling; his endorsement of Ruiz came after talks with the mayor.",
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

    def read():
        sents = [toks[s.start : s.end] for s in dc.doc_sents(doc)]
        return [cm.sentence_candidates(st, set(), "2024-03-06") for st in sents], [
            cm.noun_fallback(st, set()) for st in sents
        ]

    fast = read()
    monkeypatch.setattr(cm, "doc_attr", _slow_attr)
    monkeypatch.setattr(cm, "doc_lemma_lower", _slow_lemma_lower)
    assert read() == fast


@pytest.mark.parametrize("text", READER_TEXTS)
def test_records_with_the_lists_are_those_with_the_tokens(extract, monkeypatch, text):
    import newsgraph.extractors.events as ev
    from newsgraph.extractors import quotes
    from newsgraph.extractors.events import candidates as cm
    from newsgraph.extractors.events import recall

    fast = dataclasses.asdict(extract(text, published="2024-03-06"))
    for mod in (ev, cm, quotes, recall):
        monkeypatch.setattr(mod, "doc_attr", _slow_attr)
    for mod in (cm, dc):  # (recall reads it as doc_cache.doc_lemma_lower)
        monkeypatch.setattr(mod, "doc_lemma_lower", _slow_lemma_lower)
    monkeypatch.setattr(recall, "_may_start", lambda *a: True)  # every reader asked at every word
    slow = dataclasses.asdict(extract(text, published="2024-03-06"))
    assert fast == slow
    assert fast["events"] or fast["quotes"]  # (the sentences do make records)


@pytest.mark.parametrize("text", READER_TEXTS)
def test_no_reader_takes_a_word_the_prefilter_skips(nlp, text):
    from newsgraph.extractors.events import recall

    doc = _parsed(nlp, text)
    toks = dc.doc_tokens(doc)
    quoted = {t.i for t in toks}  # (every token may be quoted: the widest reading of quoted_demand)
    taken: set[int] = set()
    started = 0
    for t in toks:
        low, lem = t.lower_, t.lemma_.lower()
        if recall._may_start(t.i, t.pos_, t.tag_, t.dep_, lem, low, quoted):
            started += 1
            continue
        for reader in (recall.praise, recall.denial, recall.quoted_demand):
            assert reader(t, quoted) is None, (reader.__name__, t.text)
        assert recall.failing_told(t, taken) is None, t.text
        for reader in (recall.verb_prep, recall.frame_request, recall.stance, recall.praise_noun, recall.meeting_noun):
            assert reader(t) is None, (reader.__name__, t.text)
    assert started
