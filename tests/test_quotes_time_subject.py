"""Round 21 (the lead's user trial and the seed 34 and 35 audits, issue 11): a date, a time or a number as
the subject of a speech verb is no source ("2017 roared to life, reminding everyone how ...");
the record is not a statement (``time-subject21``). Texts written for the project."""

from __future__ import annotations

TEXT = (
    "After a record drought, 2017 roared to life, reminding everyone how powerful these storms can be. "
    "The agency said the season would be busy."
)


def _kinds(nlp):
    return {q.text: q.cue_type for q in nlp(TEXT)._.quotes}


def test_a_year_reminding_is_no_statement(nlp, quote_rules_off):
    kinds = _kinds(nlp)
    assert kinds["how powerful these storms can be"] == "other"
    assert kinds["the season would be busy"] == "speech"
    quote_rules_off("time-subject21")
    assert _kinds(nlp)["how powerful these storms can be"] == "speech"


DATELINE = (
    "Novak hits back over tariffs.\n\nWashington (AFP) – Democrat Anna Novak has taken a swipe at her "
    'Republican rival Tom Baker over tariffs, saying that "loud threats" do more harm than good.'
)


def _speakers(nlp):
    doc = nlp(DATELINE)
    names = {e.id: e.name for e in doc._.entities}
    return {names.get(q.speaker) for q in doc._.quotes if q.cue_type == "speech"}


def test_a_dateline_is_no_subject_beside_the_name_before_the_verb(nlp, quote_rules_off):
    """``near-subject21``: the parse gives the verb two subjects, the dateline's "Washington" and
    "Democrat Anna Novak"; the nearer one, a name, is the speaker."""
    assert _speakers(nlp) == {"Anna Novak"}
    quote_rules_off("near-subject21")
    assert _speakers(nlp) == {"Washington"}
