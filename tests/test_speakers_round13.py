"""Issue 11, round 13: speakers (invented sentences, one per rule; docs/quotes.md "Round 13")."""

from __future__ import annotations

from speaker_helpers import names_of
from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of


def test_words_of_a_quotation_taken_for_the_subject_are_no_speaker(extract, without, quote_rules_off):
    text = (
        '"They always say that is a conspiracy theory. Not a conspiracy theory, folks," Mark Ruiz said '
        'in Ohio while talking about the vote. "Millions and millions of people."'
    )
    assert _speaker_of(extract(text), "Millions and millions") == "Mark Ruiz"
    without("quoted-word")
    quote_rules_off("near-subject21")  # (round 21: the nearer of two subjects is the name, too)
    assert _q(extract(text), "Millions and millions").speaker_mention.text == "Not a conspiracy theory"
    text = '"Meh," wrote a supporter of the mayor who runs a fan account. "What does the council know about it?"'
    without()
    q = _q(extract(text), "What does the council")
    assert q.speaker is None and (q.speaker_mention is None or q.speaker_mention.text != "Meh")


def test_it_goes_on_with_the_body_just_quoted(extract, without):
    text = (
        'Tamil Nadu said the court had barred any extension. "It has not taken any steps," Tamil Nadu '
        'contended. It pointed out that "the government merely convened a meeting."'
    )
    rec = extract(text)
    q = _q(rec, "the government merely")
    assert names_of(rec).get(q.speaker) == "Tamil Nadu" and q.speaker_mention.text == "It"
    assert q.rule.endswith("+speaker=continues")
    without("it-continues")
    assert _q(extract(text), "the government merely").speaker is None


def test_the_people_who_follow_someone_are_not_that_someone(extract):
    text = (
        "Joe Madison, a talk radio host, recalled that the mayor was not taken as seriously by his "
        'show\'s listeners, who wondered if "she would be the token candidate in the race."'
    )
    rec = extract(text)
    q = _q(rec, "she would be the token")
    assert q.speaker is None and q.speaker_mention.text.startswith("his show's listeners")


def test_a_role_and_a_first_name_make_a_person_of_a_name_read_as_a_body(extract, without):
    text = (
        "GOP presidential candidate Carly Fiorina strode onstage. Instead, Fiorina opened by talking "
        'about her charity work. "There are two looks that people get," she told her audience.'
    )
    rec = extract(text)
    assert any(e.name == "Carly Fiorina" and e.type == "PERSON" for e in rec.entities)
    assert _speaker_of(rec, "There are two looks") == "Carly Fiorina"
    without("role-first-name")
    assert _q(extract(text), "There are two looks").speaker is None


def test_a_family_is_never_he(extract, without):
    text = 'Hillary Clinton spoke in Ohio on Monday. The Clintons left the hall early. "We will be back," he said.'
    assert _speaker_of(extract(text), "We will be back") is None
    without("family")
    assert _speaker_of(extract(text), "We will be back") == "Clintons"


def test_a_first_name_alone_has_its_gender(extract, without):
    text = 'Hillary left the hall early on Monday. "We will be back," he said.'
    assert _speaker_of(extract(text), "We will be back") is None
    without("first-gender")
    assert _speaker_of(extract(text), "We will be back") == "Hillary"


def test_a_pronoun_after_a_quotation_paragraph_is_the_subject_before_not_the_person_in_it(extract):
    text = (
        "She has been under fire for a private meeting last Monday with former President Tom Hale "
        "aboard her plane at the airport.\n\n"
        "Republican presidential candidate Mark Ruiz has repeatedly pointed to the case as the epitome "
        'of the "rigged system."\n\n'
        "\"What's going on is very big, for Tom Hale to go to the plane, then to have what happened. "
        "It's really amazing,\" he said at a Tuesday rally."
    )
    assert _speaker_of(extract(text), "What's going on") == "Mark Ruiz"


def test_a_pronoun_goes_on_with_the_last_person_quoted_when_no_one_was_named_since(extract):
    text = (
        "Governor Tom Hale signed the bill on Monday. Hale called it a victory, and Hale thanked the "
        'council. "It took years," said Peter Moss, a council member. "We are proud of it." But he '
        "agreed that the law would need changes soon."
    )
    assert _speaker_of(extract(text), "that the law would need") == "Peter Moss"
