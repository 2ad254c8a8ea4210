"""A wire lede's speaker set off by commas between the reported clause and a cue the parser gave
no subject ("..., current House Majority Whip, Steve Scalise, said Wednesday in Rabat"): quotes
rule ``lede-name``. Hand-made parses, as the small model gives them for a real wire lede (the
name hung on the reported clause as an apposition of the office), so the test does not hang on
how the model parses made-up text."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extractors import quotes

WORDS = (
    "The ministry welcomes the plan in the region , current Senate Majority Whip , Anna Novak , said Friday .".split()
)
POS = "DET NOUN VERB DET NOUN ADP DET NOUN PUNCT ADJ PROPN PROPN PROPN PUNCT PROPN PROPN PUNCT VERB PROPN PUNCT".split()
HEADS = [1, 2, 17, 4, 2, 2, 7, 5, 2, 12, 12, 12, 2, 12, 15, 12, 2, 17, 17, 17]
DEPS = (
    "det nsubj ccomp det dobj prep det pobj punct amod compound compound npadvmod punct compound appos punct ROOT "
    "npadvmod punct"
).split()


def _doc(words=WORDS, pos=POS, ents=None):
    ents = ents or ["O"] * 10 + ["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-DATE", "O"]
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=HEADS, deps=DEPS, ents=ents)


def test_the_name_and_office_before_a_subjectless_cue_are_its_speaker():
    doc = _doc()
    got = quotes._name_before_cue(doc, doc[17])
    assert got is not None
    name, start = got
    assert name.text == "Novak" and doc[start].text == "current"  # the office is no part of what was said


def test_a_place_or_a_thing_before_the_cue_is_no_speaker():
    # "..., in the region, Senate Majority Whip, Warsaw, said": no person or body named
    ents = ["O"] * 10 + ["B-ORG", "O", "O", "O", "B-GPE", "I-GPE", "O", "O", "B-DATE", "O"]
    doc = _doc(ents=ents)
    assert quotes._name_before_cue(doc, doc[17]) is None


def test_no_reported_clause_before_the_name_no_speaker():
    # "In the region, current Senate Majority Whip, Anna Novak, said Friday": no clause of its own
    words = "In the the the the the the region , current Senate Majority Whip , Anna Novak , said Friday .".split()
    pos = (
        "ADP DET DET DET DET DET DET NOUN PUNCT ADJ PROPN PROPN PROPN PUNCT PROPN PROPN PUNCT VERB PROPN PUNCT".split()
    )
    doc = _doc(words=words, pos=pos)
    assert quotes._name_before_cue(doc, doc[17]) is None


def test_the_cue_gives_the_clause_before_the_office_to_the_name(quote_rules_off):
    doc = _doc()
    text = doc.text
    ctype, frames = quotes.CUES["say"]
    c = quotes._verb_cand(doc, text, doc[17], ctype, frames, doc[0:20])
    assert c is not None and text[c.speaker[0] : c.speaker[1]] == "Anna Novak"
    assert text[c.content[0] : c.content[1]] == "The ministry welcomes the plan in the region"
    quote_rules_off("lede-name")
    c = quotes._verb_cand(doc, text, doc[17], ctype, frames, doc[0:20])
    assert c is None or c.speaker is None  # (without the rule: no speaker, the office in the content)
