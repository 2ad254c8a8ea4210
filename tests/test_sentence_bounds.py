"""Sentence bounds set before the parser (``newsgraph_sentence_bounds``): a dateline is a sentence
of its own, so the parser does not take its place for the lede's subject."""

from __future__ import annotations

from newsgraph import pipeline

# (made-up, in the shape of real wire ledes the small model parses with the dateline's place as
# the subject when nothing bounds it: the test with the switch off shows it)
LEDE = (
    "Rivals see an opening.\n\n"
    "BEDFORD, N.H. (AP) — Petr Dvorak's uneven debate performance just days before Tuesday's "
    "primary gave his rivals an opening.\n"
)


def _sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_the_component_runs_before_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index(pipeline.SENTENCE_BOUNDS) < names.index("parser")


def test_a_dateline_is_a_sentence_of_its_own(nlp):
    sents = _sents(nlp, LEDE)
    assert "BEDFORD, N.H. (AP) —" in sents and "Rivals see an opening." in sents, sents
    lede = next(s for s in sents if s.startswith("Petr Dvorak's"))
    assert lede.endswith("an opening."), sents


def _subjects(doc):
    return [t.text for t in doc if t.dep_ == "nsubj"]


def test_the_lede_subject_is_not_the_dateline(nlp):
    doc = nlp(LEDE)
    assert "BEDFORD" not in _subjects(doc) and "performance" in _subjects(doc), [(t.text, t.dep_) for t in doc]


def test_switched_off_the_dateline_is_the_subject(nlp):
    pipeline.BOUNDS_OFF.add("datelines")
    try:
        assert "BEDFORD" in _subjects(nlp(LEDE))
    finally:
        pipeline.BOUNDS_OFF.discard("datelines")


def test_a_transcript_label_is_no_dateline(nlp):
    doc = nlp.make_doc("Moderator asks.\n\nNOVAK: We will build the bridge by May.\n")
    pipeline.dateline_bounds(doc)
    assert not any(t.is_sent_start for t in doc if t.text == "We")


def test_a_datelines_place_is_no_body(extract, without):
    # alone in its sentence, the model tags "OSLO" a body: it is the dateline's place
    text = 'OSLO - Bernie Hale, the Ohio senator, met the king on Saturday. "It was an honor," the senator said.'
    assert not any("OSLO" in e.name for e in extract(text).entities)
    without("dateline-gpe")
    assert any(e.name == "OSLO" and e.type == "ORG" for e in extract(text).entities)


def test_a_spaced_dash_is_no_hyphen_before_a_demonym(extract):
    # "JERUSALEM - Israeli Prime Minister ...": the dateline's dash, not "Arab-Israeli"
    text = "Kowal rejects the plan.\n\nJERUSALEM - Israeli Prime Minister Jan Kowal will meet the envoy on Monday.\n"
    (e,) = [e for e in extract(text).entities if e.name == "Jan Kowal"]
    assert e.country == "ISR", (e.country, e.roles)
