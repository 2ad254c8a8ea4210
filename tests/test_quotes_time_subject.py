"""Round 21 (the lead's user trial and the seed 34 audit, issue 11): a date, a time or a number as
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
