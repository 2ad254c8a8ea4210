"""Round 19 of newsgraph_entities (docs/entities.md, "Round 19"): a name the model tags as a body
or a place that the article tells as a person's (``told-person``). Texts written for the project."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.extractors import entities


@pytest.fixture(scope="module")
def ent_nlp():
    from newsgraph.pipeline import load_nlp

    return load_nlp(components=["newsgraph_entities"])


def parsed(nlp, words, pos, tags, deps, heads, ents):
    """A Doc with the given parse and entities (label, start, end), the model left out (lemmas:
    the lower-case words, "said" -> "say")."""
    return Doc(
        nlp.vocab,
        words=words,
        pos=pos,
        tags=tags,
        deps=deps,
        heads=heads,
        lemmas=["say" if w == "said" else w.lower() for w in words],
        ents=["O"] * len(words) if not ents else _iob(len(words), ents),
    )


def _iob(n, ents):
    out = ["O"] * n
    for label, s, e in ents:
        out[s] = f"B-{label}"
        for i in range(s + 1, e):
            out[i] = f"I-{label}"
    return out


def test_role_in_apposition_tells_a_person(ent_nlp):
    # "Nefzi , a professor , said he left ."
    doc = parsed(
        ent_nlp,
        ["Nefzi", ",", "a", "professor", ",", "said", "he", "left", "."],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
        ["NNP", ",", "DT", "NN", ",", "VBD", "PRP", "VBD", "."],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"],
        [5, 0, 3, 0, 0, 5, 7, 5, 5],
        [("GPE", 0, 1)],
    )
    assert entities._told_as_persons(doc) == {"nefzi"}


def test_age_in_apposition_tells_a_person(ent_nlp):
    # "Lages , 39 , said ."
    doc = parsed(
        ent_nlp,
        ["Lages", ",", "39", ",", "said", "."],
        ["PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PUNCT"],
        ["NNP", ",", "CD", ",", "VBD", "."],
        ["nsubj", "punct", "appos", "punct", "ROOT", "punct"],
        [4, 0, 0, 0, 4, 4],
        [("ORG", 0, 1)],
    )
    assert entities._told_as_persons(doc) == {"lages"}


def test_speaker_going_on_with_he_tells_a_person(ent_nlp):
    # "Adel Nefzi said he left ." tagged ORG
    doc = parsed(
        ent_nlp,
        ["Adel", "Nefzi", "said", "he", "left", "."],
        ["PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
        ["NNP", "NNP", "VBD", "PRP", "VBD", "."],
        ["compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
        [1, 2, 2, 4, 2, 2],
        [("ORG", 0, 2)],
    )
    assert entities._told_as_persons(doc) == {"nefzi"}


@pytest.mark.parametrize(
    "words,pos,tags,deps,heads,ents",
    [
        # "Acme said it left ." : a body goes on with "it"
        (
            ["Acme", "said", "it", "left", "."],
            ["PROPN", "VERB", "PRON", "VERB", "PUNCT"],
            ["NNP", "VBD", "PRP", "VBD", "."],
            ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            [1, 1, 3, 1, 1],
            [("ORG", 0, 1)],
        ),
        # "Ohio , 66 delegates , votes ." : a plural noun in apposition is no person's role
        (
            ["Ohio", ",", "delegates", ",", "votes", "."],
            ["PROPN", "PUNCT", "NOUN", "PUNCT", "VERB", "PUNCT"],
            ["NNP", ",", "NNS", ",", "VBZ", "."],
            ["nsubj", "punct", "appos", "punct", "ROOT", "punct"],
            [4, 0, 0, 0, 4, 4],
            [("GPE", 0, 1)],
        ),
        # "Springfield said he left ." : a place the subject of "said ... he" is a hometown, not told
        (
            ["Springfield", "said", "he", "left", "."],
            ["PROPN", "VERB", "PRON", "VERB", "PUNCT"],
            ["NNP", "VBD", "PRP", "VBD", "."],
            ["nsubj", "ROOT", "nsubj", "ccomp", "punct"],
            [1, 1, 3, 1, 1],
            [("GPE", 0, 1)],
        ),
    ],
)
def test_bodies_and_places_stay(ent_nlp, words, pos, tags, deps, heads, ents):
    doc = parsed(ent_nlp, words, pos, tags, deps, heads, ents)
    assert entities._told_as_persons(doc) == set()


def test_name_tagged_a_place_becomes_the_person(ent_nlp):
    text = "Nefzi, a chemistry professor and a member of the board, said he never saw him."
    doc = ent_nlp(text)
    if any(e.label_ == "PERSON" for e in doc.ents):
        pytest.skip("this model tags the name a person by itself")
    people = {e.name for e in doc._.entities if e.type == "PERSON"}
    assert "Nefzi" in people
    entities.SPEAKER_RULES_OFF.add("told-person")
    try:
        off = {e.name for e in ent_nlp(text)._.entities if e.type == "PERSON"}
    finally:
        entities.SPEAKER_RULES_OFF.discard("told-person")
    assert "Nefzi" not in off


def test_census_first_names_give_gender():
    entities.SPEAKER_RULES_OFF.discard("census-names")
    assert entities.lexicon().first_names.get("brianna") == "f"
    assert entities.lexicon().first_names.get("cedric") == "m"
    # words, names of both sexes and names left out by hand are not read as first names
    for word in ("april", "violet", "andrea", "nikita", "roosevelt", "malik"):
        assert word not in entities.lexicon().first_names
    entities.SPEAKER_RULES_OFF.add("census-names")
    try:
        assert "brianna" not in entities.lexicon().first_names
    finally:
        entities.SPEAKER_RULES_OFF.discard("census-names")


def test_she_finds_the_woman_a_census_name_tells(ent_nlp):
    text = 'Cedric Walsh met Brianna Cole at the town hall on Monday.\n\n"The vote was fair," she said.'

    def she(off):
        entities.SPEAKER_RULES_OFF.update(off)
        try:
            doc = ent_nlp(text)
            t = next(t for t in doc if t.lower_ == "she")
            ent = entities.entity_for_span(doc, t.idx, t.idx + len(t))
        finally:
            entities.SPEAKER_RULES_OFF.difference_update(off)
        return ent.name if ent is not None else None

    assert she(()) == "Brianna Cole"
    assert she(("census-names",)) != "Brianna Cole"  # (no gender known for "Brianna" without the file)
