"""Issue 11, round 17: speakers (invented sentences, one per rule; docs/quotes.md "Round 17: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes."""

from __future__ import annotations

from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_a_description_giving_an_age_is_the_person_named_before(extract, without):
    text = (
        "Mara Lindqvist held up a sign outside the hall. The 57-year-old teacher says she doesn't trust "
        "the mayor because her school lost its funding last year."
    )
    assert _speaker_of(extract(text), "she doesn't trust") == "Mara Lindqvist"
    without("age-description")
    assert _speaker_of(extract(text), "she doesn't trust") is None


def test_a_bare_age_after_a_quotation_is_the_person_named_before(extract):
    text = 'Tom Brandt spoke for ten minutes. "We will win this," said the 46-year-old. "Now we go to work."'
    assert _speaker_of(extract(text), "We will win") == "Tom Brandt"


def test_an_age_with_no_one_named_before_stays_unnamed(extract):
    text = "Police found the car near the river. The 23-year-old driver said he had lost control on the ice."
    assert _speaker_of(extract(text), "he had lost") is None


def test_a_text_filed_by_a_named_person_is_theirs(extract, without):
    text = (
        "The three partners intended to turn the site into a hotel, according to a lawsuit filed in Boston "
        "by Petra Novak, a former mayor of the town."
    )
    assert _speaker_of(extract(text), "The three partners") == "Petra Novak"
    without("owner-phrase")
    assert _speaker_of(extract(text), "The three partners") is None


def test_a_text_whose_makers_name_modifies_it_is_theirs(extract, without):
    text = (
        "A 2016 study by the Gallup Organization found young voters lean left. As another Gallup study "
        "from 2011 noted, the average age of voters in the city was 52."
    )
    assert _speaker_of(extract(text), "the average age") == "Gallup Organization"
    without("owner-phrase")
    assert _speaker_of(extract(text), "the average age") is None


def test_a_name_before_a_lawsuit_is_not_its_maker(extract):
    text = "The Harlow University lawsuit says students were misled by the seminars."
    assert _speaker_of(extract(text), "students were misled") is None


def test_people_for_or_to_a_person_are_not_that_person(extract, without):
    text = "It has happened before. Aides to Anna Kowal agree that her answer in the debate was the turning point."
    assert _speaker_of(extract(text), "that her answer") is None
    without("group-prep")
    assert _speaker_of(extract(text), "that her answer") == "Anna Kowal"


def test_strategists_for_two_people_are_neither(extract, without):
    text = (
        "It has happened before. Strategists for Anna Kowal and Ben Brenner all agree that her answer in "
        "the debate was the turning point."
    )
    assert _speaker_of(extract(text), "that her answer") is None
    without("group-prep")
    assert _speaker_of(extract(text), "that her answer") is not None


def test_they_goes_on_with_the_unnamed_people_just_quoted(extract, without):
    text = (
        "Military analysts say Mr. Kowal would see the folly of a long war. The gains of the last year, "
        "they said, could be kept by a settlement."
    )
    assert _q(extract(text), "could be kept").speaker_mention.text == "Military analysts"
    without("they-unnamed")
    assert _q(extract(text), "could be kept").speaker_mention.text == "they"


def test_they_after_one_named_person_stays_they(extract):
    text = "Mara Lindqvist said the plan was weak. They said the vote would be close."
    assert _q(extract(text), "the vote would").speaker_mention.text == "They"


def test_a_surname_the_tagger_made_a_modal_is_the_person(extract, without):
    text = "Prime Minister Theresa May spoke in London on Tuesday. May said Britain would leave the customs union next year."
    assert _speaker_of(extract(text), "Britain would leave") == "Theresa May"
    without("modal-name")
    assert _speaker_of(extract(text), "Britain would leave") is None


def test_a_participle_hung_on_a_reported_clause_is_the_reporters(extract, without):
    text = "Anna Kowal said Ben Brenner would lose the race, saying the polls had turned against him."
    assert _speaker_of(extract(text), "the polls had") == "Anna Kowal"
    without("participle-outer")
    assert _speaker_of(extract(text), "the polls had") == "Ben Brenner"


def test_a_participle_after_the_idea_that_is_the_subject_above(extract):
    text = (
        "Campaign manager Tom Brandt rejected the idea that the billionaire developer would be a drag on "
        "the ticket, saying the huge crowds prove that Kowal would energize the party."
    )
    assert _speaker_of(extract(text), "the huge crowds") == "Tom Brandt"


def test_a_name_in_a_relative_clause_on_the_speakers_is_not_theirs(extract, without):
    text = "Many of the two dozen county chairs that the Ledger interviewed predicted Kowal will win the state easily."
    assert _speaker_of(extract(text), "Kowal will win") is None
    without("relcl-name")
    assert _speaker_of(extract(text), "Kowal will win") == "Ledger"


def test_a_body_title_and_name_after_the_cue_is_the_person(extract, without):
    text = (
        "The search began again on Monday, said Malaysia's Department of Civil Aviation director-general "
        "Azharuddin Abdul Rahman."
    )
    assert _speaker_of(extract(text), "The search began") == "Azharuddin Abdul Rahman"
    without("body-title-name")
    assert _speaker_of(extract(text), "The search began") == "Department of Civil Aviation"


def test_the_acronym_is_the_body_named_before_it_in_brackets(extract, without):
    text = (
        "The Abu Dhabi-based International Renewable Energy Agency (IRENA) said in a statement that solar "
        "power grew by 32 percent. The amount of new hydro capacity was the lowest in a decade, the IRENA said."
    )
    assert _speaker_of(extract(text), "The amount of new") == "International Renewable Energy Agency"
    without("the-acronym")
    assert _speaker_of(extract(text), "The amount of new") is None


def test_a_name_with_party_brackets_opens_a_cue_with_no_subject(extract, without):
    text = (
        "Attorney General Roy Keller (D), the governor's opponent in the upcoming election, called Friday "
        'for releasing the videos, saying that openness "builds trust."'
    )
    assert _speaker_of(extract(text), "releasing the videos") == "Roy Keller"
    without("opening-bracket")
    assert _speaker_of(extract(text), "releasing the videos") is None
