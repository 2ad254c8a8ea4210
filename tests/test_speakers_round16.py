"""Issue 11, round 16: speakers (invented sentences, one per rule; docs/quotes.md "Round 16: speakers").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes."""

from __future__ import annotations

from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_a_second_cue_hung_on_the_first_cues_clause_is_the_first_cues(extract, without):
    text = (
        "Housing officer Dana Keller agreed that there was a need for more checks and revealed that "
        "the council would hire extra staff."
    )
    assert _speaker_of(extract(text), "that the council would hire") == "Dana Keller"
    without("conj-content")
    assert _speaker_of(extract(text), "that the council would hire") is None


def test_a_second_cue_after_a_clause_of_another_tense_is_the_first_cues(extract, without):
    text = (
        "Asked about his fees, the Kowal campaign said he hasn't accepted any new gigs since June and "
        "suggested that the bigger question is whether sitting senators are wasting public money."
    )
    q = _q(extract(text), "that the bigger question")
    assert q.speaker_mention.text == "the Kowal campaign"
    without("conj-content")
    assert _q(extract(text), "that the bigger question").speaker_mention.text == "he"


def test_a_clause_with_a_subject_of_its_own_keeps_it(extract):
    # ("said France welcomed it and urged ...": the second cue is France's)
    text = "The minister said Portugal welcomed the deal and urged that the talks go on."
    assert _q(extract(text), "that the talks go on").speaker_mention.text == "Portugal"


def test_a_cue_coordinated_with_cite_is_its_subjects(extract, without):
    text = (
        "Beyond the camera footage, the affidavit cited interviews with Lena Ortiz and said that the officer "
        "had seen bruises on her arm."
    )
    assert _q(extract(text), "that the officer").speaker_mention.text == "the affidavit"
    without("cite-conj")
    assert _q(extract(text), "that the officer").speaker_mention.text != "the affidavit"


def test_the_name_opening_the_sentence_when_the_cue_has_no_subject(extract, without):
    text = (
        "Tom Reyes, whose latest start-up, Gridline, uses big data to help stores find suppliers, said "
        "the plan was very much in the spirit of the valley."
    )
    assert _speaker_of(extract(text), "the plan was") == "Tom Reyes"
    without("opening-name")
    assert _speaker_of(extract(text), "the plan was") is None


def test_the_name_after_a_dateline_opens_the_sentence(nlp):
    from newsgraph.dateline import datelines
    from newsgraph.extractors import speakers as S

    text = (
        "Novak Says New Library Will Tell of 'Hope and Work.'\n\nDENVER -- Governor Anna Novak, opening the "
        "new library on Saturday, said it would tell the story of the state."
    )
    doc = nlp(text)
    v = next(t for t in doc if t.text == "said")
    found = S._name_opening_sentence(doc, text, v)
    assert found is not None and found[0].name == "Anna Novak" and found[2].text == "Anna Novak"
    assert S._in_dateline(text.index("DENVER"), datelines(text))
    # (a name right before its cue, after a dateline the parse made the subject)
    text = "BOSTON, May 3 (AP) \u2014 Former Attorney General Anna Novak told delegates that the plan was wrong."
    doc = nlp(text)
    v = next(t for t in doc if t.text == "told")
    found = S._name_opening_sentence(doc, text, v)
    assert found is not None and found[0].name == "Anna Novak"
    # (another clause's subject between the name and the cue: no)
    text = "Anna Novak, the mayor believes, said the library would open."
    doc = nlp(text)
    v = next(t for t in doc if t.text == "said")
    assert S._name_opening_sentence(doc, text, v) is None


def test_it_after_a_text_was_sent_is_its_sender(extract, without):
    text = (
        "A coalition of nearly 40 groups - including two unions and a church - sent a letter this week "
        "urging the council to act. \u201cThe fact that it is already July and the council has failed to "
        "act shows an appalling indifference,\u201d it read."
    )
    q = _q(extract(text), "The fact that")
    assert q.speaker is None and q.speaker_mention.text == "A coalition of nearly 40 groups"
    without("it-sent")
    assert _q(extract(text), "The fact that").speaker_mention.text == "it"


def test_a_person_with_her_own_people_is_the_speaker(extract, without):
    text = "Senator Ada Brenner and her aides said the bill would pass."
    q = _q(extract(text), "the bill would pass")
    assert _speaker_of(extract(text), "the bill would pass") == "Ada Brenner"
    assert q.speaker_mention.text == "Senator Ada Brenner and her aides"
    without("coord-entourage")
    assert _speaker_of(extract(text), "the bill would pass") is None
    # (two people: neither alone)
    assert _speaker_of(extract("Brenner and Kowal said the bill would pass."), "the bill would pass") is None


def test_a_description_is_not_the_person_its_own_quotation_names(extract, without):
    text = (
        "Senator Anna Novak said on Monday that the vote was close.\n\n"
        "Tom Reyes blasted Novak and defended the mayor in a recent interview with the Herald.\n\n"
        "\u201cI just think what Novak has done on the budget is one of the worst things I have seen,\u201d the "
        "Senate minority leader said."
    )
    assert _speaker_of(extract(text), "I just think") == "Tom Reyes"
    without("quoted-description")
    assert _speaker_of(extract(text), "I just think") != "Tom Reyes"


def test_a_friend_or_relative_is_not_the_person_they_belong_to(extract):
    from newsgraph.extractors import speakers as S

    assert {"friend", "relatives", "neighbor", "colleagues", "family"} <= S._words("group")
    text = "Marta Lind, a mother of three, was also headed to Oslo, her friend said. Lind had been visiting her sister."
    q = _q(extract(text), "Marta Lind")
    assert q.speaker is None and q.speaker_mention.text == "her friend"


def test_he_added_after_an_unnamed_speaker_goes_on_with_that_speaker(extract, without):
    text = (
        "A representative for Mr. Reyes said the inquiry had nothing to do with the council. He added that "
        "at least 100 other people had attended the dinner."
    )
    q = _q(extract(text), "that at least 100")
    assert q.speaker is None and q.speaker_mention.text == "A representative for Mr. Reyes"
    without("added-unnamed")
    assert _q(extract(text), "that at least 100").speaker_mention.text == "He"
