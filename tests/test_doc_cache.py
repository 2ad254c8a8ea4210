"""doc_cache gives what spaCy gives (equal tokens and spans, in the same order), only without
making new objects on each read: checked on hand-built parses, one of them non-projective."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.extractors import doc_cache as dc


def _doc(nlp, words, heads, deps, sent_starts=None) -> Doc:
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=sent_starts)


def _check(doc: Doc) -> None:
    assert dc.doc_text(doc) == doc.text
    assert dc.doc_tokens(doc) == list(doc)
    assert [(s.start, s.end) for s in dc.doc_sents(doc)] == [(s.start, s.end) for s in doc.sents]
    for t in doc:
        s = dc.sent_of(doc, t.i)
        assert s == t.sent and (s.start, s.end) == (t.sent.start, t.sent.end)
        assert dc.subtree_ids(t) == [x.i for x in t.subtree]
        assert dc.subtree(t) == list(t.subtree)
        assert dc.children(t) == tuple(t.children)
        assert dc.doc_tokens(doc)[t.i] == t


def test_same_as_spacy_on_two_sentences():
    nlp = spacy.blank("en")
    # "Anna Novak said on Monday that talks resume . They met ."
    words = ["Anna", "Novak", "said", "on", "Monday", "that", "talks", "resume", ".", "They", "met", "."]
    heads = [1, 2, 2, 2, 3, 7, 7, 2, 2, 10, 10, 10]
    deps = ["compound", "nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "punct", "nsubj", "ROOT", "punct"]
    _check(_doc(nlp, words, heads, deps))


def test_same_as_spacy_on_a_non_projective_parse():
    nlp = spacy.blank("en")
    # a crossing arc: "A hearing is scheduled on the issue today" ("on the issue" on "hearing")
    words = ["A", "hearing", "is", "scheduled", "on", "the", "issue", "today"]
    heads = [1, 3, 3, 3, 1, 6, 4, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "npadvmod"]
    _check(_doc(nlp, words, heads, deps))


def test_a_new_doc_replaces_the_memory():
    nlp = spacy.blank("en")
    a = _doc(nlp, ["Kowal", "spoke", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"])
    b = _doc(nlp, ["Talks", "resumed", "today", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "npadvmod", "punct"])
    assert dc.doc_text(a) == a.text == "Kowal spoke . "
    assert dc.subtree_ids(a[1]) == [0, 1, 2]
    assert dc.doc_text(b) == b.text
    assert dc.subtree_ids(b[1]) == [0, 1, 2, 3]
    assert dc.children(a[1]) == (a[0], a[2])  # (back to the first Doc: built again for it)
    assert dc.doc_tokens(a)[0].doc is a


def test_noun_chunk_bounds_are_spacys():
    nlp = spacy.blank("en")
    # "Anna Novak and the minister met officials and reporters of the city in Kyiv ." with
    # coordinated subjects and objects and a nested "of" phrase
    words = ["Anna", "Novak", "and", "the", "minister", "met", "officials", "and", "reporters"]
    words += ["of", "the", "city", "in", "Kyiv", "."]
    heads = [1, 5, 1, 4, 1, 5, 5, 6, 6, 8, 11, 9, 6, 12, 5]
    deps = ["compound", "nsubj", "cc", "det", "conj", "ROOT", "dobj", "cc", "conj"]
    deps += ["prep", "det", "pobj", "prep", "pobj", "punct"]
    pos = ["PROPN", "PROPN", "CCONJ", "DET", "NOUN", "VERB", "NOUN", "CCONJ", "NOUN"]
    pos += ["ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    want = [(c.start, c.end) for c in doc.noun_chunks]
    assert want == [(0, 2), (3, 5), (6, 7), (8, 9), (10, 12), (13, 14)]
    assert dc.noun_chunk_bounds(doc) == want


def test_gc_paused_restores_the_collector_also_after_an_error():
    import gc

    from newsgraph.extractors.doc_cache import gc_paused

    seen = []

    @gc_paused
    def run(fail: bool) -> str:
        seen.append(gc.isenabled())
        if fail:
            raise ValueError("broken article")
        return "done"

    assert gc.isenabled()
    assert run(False) == "done"
    with pytest.raises(ValueError):
        run(True)
    assert seen == [False, False] and gc.isenabled()
    gc.disable()  # a caller that paused it itself keeps it paused
    try:
        run(False)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_components_leave_the_collector_running(nlp):
    import gc

    doc = nlp("The minister said on Monday that talks with Serbia would resume in Brussels.")
    assert gc.isenabled() and doc._.quotes is not None and doc._.events is not None


def test_doc_attr_is_the_tokens_attributes(nlp):
    for text in [
        "\u201cWe won't go,\u201d the U.S. envoy said on Monday in S\u00e3o Paulo.\n\nHe's there.",
        "",
        "Zyxqv blorf.",
    ]:
        doc = nlp.make_doc(text)
        for _name, proc in nlp.pipeline:
            doc = proc(doc)
        for attr in ("pos_", "lemma_", "dep_", "lower_", "tag_"):
            assert dc.doc_attr(doc, attr) == [getattr(t, attr) for t in doc], attr
