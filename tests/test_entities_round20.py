"""Round 20 of newsgraph_entities (docs/entities.md, "Round 20"): a whole name the model left
untagged, whose surname another person of the article has, is its own person (``missed-first``).
Texts written for the project."""

from __future__ import annotations

import pytest

from newsgraph.extractors import entities

TEXT = (
    "Senator assails rivals as he accepts nomination.\n\n"
    "CLEVELAND - Donald Trump painted a dark portrait of the nation on Thursday night.\n\n"
    "The speech followed an introduction by his daughter Ivanka Trump, who called him a fighter."
)


@pytest.fixture(scope="module")
def ent_nlp():
    from newsgraph.pipeline import load_nlp

    return load_nlp(components=["newsgraph_entities"])


def _people(doc):
    return {e.name: [m.text for m in e.mentions] for e in doc._.entities if e.type == "PERSON"}


def test_untagged_full_name_is_its_own_person(ent_nlp):
    doc = ent_nlp(TEXT)
    if any(e.text == "Donald Trump" for e in doc.ents):
        pytest.skip("this model tags the name by itself")
    people = _people(doc)
    assert people["Donald Trump"][0] == "Donald Trump"
    assert people["Ivanka Trump"] == ["Ivanka Trump"]
    entities.SPEAKER_RULES_OFF.add("missed-first")
    try:
        off = _people(ent_nlp(TEXT))
    finally:
        entities.SPEAKER_RULES_OFF.discard("missed-first")
    assert "Donald Trump" not in off
    assert off["Ivanka Trump"] == ["Trump", "Ivanka Trump"]


REPORTED = (
    "House Speaker Tom Blake told reporters on Tuesday that the plan was fair.\n\n"
    "Former candidate Sam Ortiz, who on Tuesday endorsed the governor, said Wednesday he agrees with the plan."
)


def _he_of(doc):
    at = doc.text.index(" he agrees") + 1
    return next(e.name for e in doc._.entities for m in e.mentions if m.start == at)


def test_pronoun_subject_of_a_reported_clause_may_be_the_reporter(ent_nlp):
    # "X, who ..., said he agrees": "he" is the subject of the reported clause, not the reporter of
    # a parenthetical ("Martinez, he said, wanted ..."), so it may be X (``reported-verb``)
    assert _he_of(ent_nlp(REPORTED)) == "Sam Ortiz"
    entities.SPEAKER_RULES_OFF.add("reported-verb")
    try:
        off = _he_of(ent_nlp(REPORTED))
    finally:
        entities.SPEAKER_RULES_OFF.discard("reported-verb")
    assert off == "Tom Blake"


def test_first_name_and_speaker_tells_a_person(ent_nlp):
    from test_entities_round19 import parsed

    # "Carla Venmore said Monday ." tagged ORG: a known first name, the subject of a speech verb
    args = (
        ["Carla", "Venmore", "said", "Monday", "."],
        ["PROPN", "PROPN", "VERB", "PROPN", "PUNCT"],
        ["NNP", "NNP", "VBD", "NNP", "."],
        ["compound", "nsubj", "ROOT", "npadvmod", "punct"],
        [1, 2, 2, 2, 2],
        [("ORG", 0, 2)],
    )
    assert entities._told_as_persons(parsed(ent_nlp, *args)) == {"venmore"}
    # "Carla Venmore said it would sell ." : a firm named after a person says "it"
    firm = (
        ["Carla", "Venmore", "said", "it", "sells", "."],
        ["PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
        ["NNP", "NNP", "VBD", "PRP", "VBZ", "."],
        ["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        [1, 2, 2, 4, 2, 2],
        [("ORG", 0, 2)],
    )
    assert entities._told_as_persons(parsed(ent_nlp, *firm)) == set()
    entities.SPEAKER_RULES_OFF.add("first-name-told")
    try:
        assert entities._told_as_persons(parsed(ent_nlp, *args)) == set()
    finally:
        entities.SPEAKER_RULES_OFF.discard("first-name-told")
