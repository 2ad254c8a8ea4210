"""Round 18 of newsgraph_entities (docs/entities.md, "Round 18"): a person's name without the
headline or sentence words the model swept in front of it (``name-lead``), and descriptions
not given to the wrong person by the elegant-variation rule (``desc-fit``). Texts written for
the project."""

from __future__ import annotations

import pytest

from newsgraph.extractors import entities


@pytest.fixture(scope="module")
def ent_nlp():
    from newsgraph.pipeline import load_nlp

    return load_nlp(components=["newsgraph_entities"])


def people(nlp, text, off=()):
    entities.SPEAKER_RULES_OFF.update(off)
    try:
        doc = nlp(text)
    finally:
        entities.SPEAKER_RULES_OFF.difference_update(off)
    return {e.name: e for e in doc._.entities if e.type == "PERSON"}


@pytest.mark.parametrize(
    "text",
    [
        "Dairy Farmers Rip Maria Lopez As A 'Fraud.'\n\nWASHINGTON - Maria Lopez spoke on Monday.",
        "Union Leader Endorses Maria Lopez.\n\nMaria Lopez thanked the union on Monday.",
        "Can farmers Trust Maria Lopez?\n\nMaria Lopez says they can.",
        "Candidates Maria Lopez, Tom Reyes and Ann Cole also joined the call.",
        "THE WEEK'S POLLS\n-Maria Lopez leads over Tom Reyes in Ohio. [Gallup]\n-Tom Reyes trails in Iowa.",
    ],
)
def test_name_without_headline_words(ent_nlp, text):
    assert "Maria Lopez" in people(ent_nlp, text)
    assert not [n for n in people(ent_nlp, text) if n.endswith("Maria Lopez") and n != "Maria Lopez"]


def test_name_lead_switch_restores_the_old_reading(ent_nlp):
    text = "Union Leader Endorses Maria Lopez.\n\nMaria Lopez thanked the union on Monday."
    assert "Endorses Maria Lopez" in people(ent_nlp, text, off={"name-lead"})


def test_names_that_keep_their_first_words(ent_nlp):
    found = people(ent_nlp, "Hillary Rodham Clinton spoke. Mary Ann Smith answered. Lin-Manuel Miranda sang.")
    assert {"Hillary Rodham Clinton", "Mary Ann Smith", "Lin-Manuel Miranda"} <= set(found)


def test_abbreviated_title_is_the_role_a_description_names(ent_nlp):
    text = (
        "Maria Lopez on Tuesday dismissed Ohio Gov. Tom Reyes as a weak leader, arguing that the "
        "Buckeye State governor has failed the state's farmers."
    )
    found = people(ent_nlp, text)
    assert "governor" not in found["Maria Lopez"].roles
    assert any(m.text == "the Buckeye State governor" for m in found["Tom Reyes"].mentions)
    assert "governor" in people(ent_nlp, text, off={"desc-fit"})["Maria Lopez"].roles


def test_description_not_the_subject_of_the_clause_above(ent_nlp):
    text = (
        "Maria Lopez said she would not work with Tom Reyes because the British prime minister "
        "had called her plan reckless."
    )
    assert "prime minister" not in people(ent_nlp, text)["Maria Lopez"].roles


def test_generic_and_staff_descriptions_are_no_named_person(ent_nlp):
    found = people(ent_nlp, "Maria Lopez is leading in the polls. The next president will face a divided Congress.")
    assert found["Maria Lopez"].roles == []
    found = people(
        ent_nlp,
        "Spokeswoman Ann Cole says the campaign will compete everywhere. The former Maryland governor "
        "has been stuck in single digits.",
    )
    assert found["Ann Cole"].roles == ["Spokeswoman"]


def test_elegant_variation_still_works(ent_nlp):
    found = people(ent_nlp, "Maria Lopez spoke in Ohio on Monday. The Vermont senator says she will stay in the race.")
    assert "senator" in found["Maria Lopez"].roles
