"""A live blog's timestamp line is no speaker (quotes rule ``para-subj``). A hand-made parse, as
the small model gives it for a real live blog ("1:50 p.m." hung on the next paragraph's "said"
as a second subject), so the test does not hang on how the model parses made-up text."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.extractors import quotes


def _live_blog_doc():
    words = ["1:50", "p.m.", "\n\n", "Doctor", "Marek", "said", ":", "yes", "."]
    spaces = [True, False, False, True, True, False, True, False, False]
    heads = [1, 5, 1, 4, 5, 5, 5, 5, 5]
    deps = ["nummod", "nsubj", "dep", "compound", "nsubj", "ROOT", "punct", "dobj", "punct"]
    ents = ["B-TIME", "I-TIME", "O", "O", "B-PERSON", "O", "O", "O", "O"]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, ents=ents)


def test_a_timestamp_line_before_a_paragraph_is_not_its_speaker(quote_rules_off):
    doc = _live_blog_doc()
    who, _, how, _ = quotes._subject(doc[5])
    assert who is not None and who.text == "Marek" and how == "subj"
    quote_rules_off("para-subj")
    doc = _live_blog_doc()
    assert quotes._subject(doc[5])[0].text == "p.m."
