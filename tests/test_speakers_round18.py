"""Issue 11, round 18: speakers (invented sentences, one per rule; docs/quotes.md "Round 18: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes."""

from __future__ import annotations

from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_a_text_obtained_by_an_outlet_is_not_the_outlets(extract, without):
    text = "The letter, obtained by the Harlow Gazette, warned that the agency would run out of money by October."
    assert _speaker_of(extract(text), "that the agency") is None
    assert _q(extract(text), "that the agency").speaker_mention.text == "The letter"
    without("obtained18")
    assert _speaker_of(extract(text), "that the agency") == "Harlow Gazette"


def test_a_text_an_outlet_obtained_before_is_not_the_outlets(extract, without):
    text = "The Harlow Gazette obtained the memo on Tuesday. The memo said the plant would close in March."
    assert _speaker_of(extract(text), "the plant would") is None
    without("obtained18")
    assert _speaker_of(extract(text), "the plant would") == "Harlow Gazette"


def test_a_text_sent_by_a_body_is_still_the_bodys(extract):
    text = "The Kowal Group sent a letter to the council on Monday. The letter warned that the plan would fail."
    assert _speaker_of(extract(text), "that the plan") == "Kowal Group"


def test_a_title_phrase_with_its_holders_name_inside_is_that_person(extract, without):
    text = (
        "In a related interview, NSC deputy director for grassroots sports Ramon Luis B. Dizon IV, said the "
        "clinics are some of the programs of the council."
    )
    assert _speaker_of(extract(text), "the clinics") == "Ramon Luis B. Dizon IV"
    without("title-name18")
    assert _speaker_of(extract(text), "the clinics") != "Ramon Luis B. Dizon IV"


def test_a_title_of_a_body_then_its_holder_after_a_comma_is_that_person(extract):
    text = (
        "MINISTER of Defense, Brigadier General Ibrahim K. Bello (rtd) has said under President Amadu Garba, "
        "5,000 soldiers had been trained for the border."
    )
    assert _speaker_of(extract(text), "5,000 soldiers") == "Ibrahim K. Bello"


def test_an_adviser_for_a_named_person_is_not_that_person(extract):
    text = "A senior adviser for Gov. Robert Hale IV said the governor would sign the bill on Friday."
    assert _speaker_of(extract(text), "the governor would") is None


def test_it_of_a_passive_cue_is_no_one(extract, without):
    text = "The Harlow Group is a large firm. It was reported on Monday that the mayor would resign."
    assert _speaker_of(extract(text), "that the mayor") is None
    assert _q(extract(text), "that the mayor").speaker_mention is None
    without("it-passive18")
    assert _speaker_of(extract(text), "that the mayor") == "Harlow Group"


def test_he_after_a_report_closed_by_its_speaker_goes_on_with_that_speaker(extract):
    text = (
        "Tom Brenner has raised more money than any rival this year. Brenner also leads in the polls, and "
        "Brenner has a plan.\nBrenner is also winning support from donors, who gave him $3 million. That could "
        'carry him through the early primaries, which he is expected to win, Okafor said. "He is gaining '
        'ground every week," he said.'
    )
    assert _speaker_of(extract(text), "He is gaining") == "Okafor"


def test_a_name_after_an_opening_phrase_speaks_for_a_cue_with_no_subject(extract):
    # (the rule, opening-phrase18, reads the parse that hangs the name inside the opening phrase;
    # this sentence's parse does not, and the record must stay the senator's either way)
    text = (
        "Troubled by the protests in Oregon, Senator Ada Brenner, the minority leader, said that she would "
        "call the governor on Monday and that the party faced a test."
    )
    rec = extract(text)
    q = next(q for q in rec.quotes if "would call" in q.text)
    assert {e.id: e.name for e in rec.entities}.get(q.speaker) == "Ada Brenner"


def test_a_quotation_with_its_own_name_and_cue_after_it_is_that_speakers(extract):
    text = (
        "In talks with donors, Mr. Kowal expressed surprise at the mayor's handling of the budget. At times "
        "last year, people close to the senator said, the mere mention of the mayor could make him fume. "
        "''They were rivals, but also friends,'' Ada Brenner, the senator's former chief of staff, said of "
        "their years in the capital. ''They respected each other.''"
    )
    assert _speaker_of(extract(text), "They were rivals") == "Ada Brenner"


def test_a_quotation_that_ends_its_sentence_is_not_the_next_cues(extract):
    text = (
        "At the camp, Tomas Lindqvist, 25, and his wife, Marta Vance, 27, pleaded for understanding.\n"
        "''We are farmers,'' Ms. Vance said. ''We are not soldiers.'' Mr. Lindqvist said: ''We left because "
        "of the war. We want to work.''"
    )
    assert _speaker_of(extract(text), "We are not soldiers") == "Marta Vance"
