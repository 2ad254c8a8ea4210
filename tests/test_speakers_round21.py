"""Issue 11, round 21: speakers (invented sentences, one group per rule; docs/quotes.md
"Round 21").

Each rule has a name in ``entities.SPEAKER_RULES_OFF``; a test switches it off to show what it
changes."""

from __future__ import annotations

from speaker_helpers import quote_starting as _q
from speaker_helpers import speaker_of as _speaker_of

# ---------------------------------------------------------------- cue-first21

CLUB = (
    "Amy Allen and Keith Moore started the supper club in 2019.\n\n"
    '"We wanted people to meet," Moore said. Said Allen, "Suddenly, the evening becomes memorable." '
    'Explained Keith, "We like to run long events, with a first course and a second course." '
    '"It keeps people at the table."\n\n'
    'Added Mayor Jane Novak: "The club is good for the town and for the farmers."'
)


def test_a_cue_first_inversion_gives_the_quotation_its_speaker(extract, without):
    rec = extract(CLUB)
    assert _speaker_of(rec, "Suddenly, the evening") == "Amy Allen"
    assert _q(rec, "Suddenly, the evening").cue.text == "Said"
    assert _speaker_of(rec, "We like to run") == "Keith Moore"
    assert _speaker_of(rec, "It keeps people") == "Keith Moore"  # (goes on with the new speaker)
    assert _speaker_of(rec, "The club is good") == "Jane Novak"
    without("cue-first21")
    rec = extract(CLUB)
    assert not any(q.text.startswith("Suddenly, the evening") for q in rec.quotes)
    assert _speaker_of(rec, "We like to run") != "Keith Moore" or _q(rec, "We like to run").cue.text != "Explained"


def test_said_before_a_name_is_no_first_name_in_a_cue_first_inversion(extract, without):
    names = {e.name for e in extract(CLUB).entities}
    assert "Said Allen" not in names
    without("cue-first21")
    assert "Said Allen" in {e.name for e in extract(CLUB).entities}


def test_said_as_a_first_name_stays_a_name(extract):
    text = 'Said Hamdan, a teacher, spoke at the meeting. "The school needs a new roof," Hamdan said.'
    rec = extract(text)
    assert "Said Hamdan" in {e.name for e in rec.entities}
    assert _speaker_of(rec, "The school needs") == "Said Hamdan"


# ---------------------------------------------------------------- first-told21

BROTHERS = (
    "A brother's lesson\n\n"
    "Paul Varga seldom speaks of his brother Teddy, who died in 1990.\n\n"
    "Teddy was a pilot. Teddy loved the sky, and Teddy left the family firm at 30. "
    "Teddy Varga was the eldest son.\n\n"
    'Mr. Varga said that their father "could be harsh." "For me, it worked," Mr. Varga said.'
)


def test_a_surname_is_not_the_relative_the_writer_calls_by_first_name(extract, without):
    rec = extract(BROTHERS)
    assert _speaker_of(rec, "that their father") == "Paul Varga"
    assert _speaker_of(rec, "For me, it worked") == "Paul Varga"
    without("first-told21")
    assert _speaker_of(extract(BROTHERS), "For me, it worked") == "Teddy Varga"


COUPLE = (
    "Old friends on the trail\n\n"
    "Nina Ortiz, 68, has known the candidate since sixth grade. She came with her husband, Tom, "
    "and Tom Ortiz drove the car. Tom handed out leaflets all day.\n\n"
    '"We live in Chicago," Ortiz said. "We came because she is a good friend."'
)


def test_a_surname_is_not_the_husband_told_apart_by_first_name(extract, without):
    assert _speaker_of(extract(COUPLE), "We live in Chicago") == "Nina Ortiz"
    without("first-told21")
    assert _speaker_of(extract(COUPLE), "We live in Chicago") == "Tom Ortiz"


def test_a_first_name_with_no_kinship_noun_tells_no_one_apart(extract, without):
    text = (
        "The race tightens\n\n"
        "Nina Ortiz and Tom Ortiz both run for the council. Tom spoke first, and Tom spoke well.\n\n"
        '"We will fix the roads," Ortiz said.'
    )
    on = _speaker_of(extract(text), "We will fix")
    without("first-told21")
    assert _speaker_of(extract(text), "We will fix") == on


# ---------------------------------------------------------------- go-on-named21

REPLIED = (
    "Tom Reyes toured the steel plant in Ohio on Monday.\n\n"
    '"Should the plant close?" a reporter can be heard asking Reyes after the tour.\n\n'
    '"There should be more orders, not fewer," the businessman replied. "We should hire, and today we can do it."\n\n'
    '"I would certainly keep it open, absolutely," he added.'
)


def test_he_adds_to_a_description_the_article_names(extract, without):
    assert _speaker_of(extract(REPLIED), "There should be more") == "Tom Reyes"
    assert _speaker_of(extract(REPLIED), "I would certainly") == "Tom Reyes"
    without("go-on-named21")
    assert _speaker_of(extract(REPLIED), "I would certainly") is None


def test_she_does_not_add_to_a_man_named_since(extract):
    text = REPLIED.replace("he added", "she added")
    assert _speaker_of(extract(text), "I would certainly") != "Tom Reyes"


# ---------------------------------------------------------------- set-off21

SET_OFF = (
    "The council met on Monday.\n\n"
    'The row began after Ms. Novak, asked about the budget, had said, "We will not cut the schools this year."\n\n'
    "It grew when Tom Reyes, pressed by reporters on the vote, said that the mayor had misled the council."
)


def test_a_name_before_a_set_off_participle_clause_is_the_speaker(extract, without):
    rec = extract(SET_OFF)
    assert _speaker_of(rec, "We will not cut") == "Novak"
    assert _speaker_of(rec, "that the mayor had misled") == "Tom Reyes"
    assert not any(q.text.startswith("The row began") for q in rec.quotes)
    without("set-off21")
    rec = extract(SET_OFF)
    assert _speaker_of(rec, "We will not cut") is None


# ---------------------------------------------------------------- two-named21

TWO = (
    "Rep. Tom Reyes and Rep. Anna Novak wrote to the attorney general on Monday asking for a new inquiry. "
    '"You seem to have picked a new standard out of thin air," the two lawmakers wrote.'
)


def test_the_two_lawmakers_are_the_two_named_before(extract, without):
    assert _speaker_of(extract(TWO), "You seem to have") == "Tom Reyes and Anna Novak"
    without("two-named21")
    assert _speaker_of(extract(TWO), "You seem to have") is None


def test_the_three_lawmakers_are_not_two_named_before(extract):
    text = TWO.replace("the two lawmakers", "the three lawmakers")
    assert _speaker_of(extract(text), "You seem to have") is None
