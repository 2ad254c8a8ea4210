"""Issue 12, round 21 (places, the lead's user trial): a town the model finds in a title-case
headline, with no locative before it and its name nowhere in the running text, is the
headline's capitals, not a place (``heading-town21``). Texts written for the project."""

from __future__ import annotations

from place_helpers import mentions as _mentions

HEADLINE = "New Hope For Port Deal As Ministers Meet\n\n"
BODY = (
    "OTTAWA - Canada and Mexico said on Thursday that ministers would meet in Washington next week "
    "to push for a deal on the port, after talks stalled in March."
)


def test_a_headline_town_absent_from_the_text_is_no_place(nlp, place_rules_off):
    m = _mentions(nlp(HEADLINE + BODY))
    assert "New Hope" not in m
    assert m["Washington"].country == "USA"  # the running text's places stay
    place_rules_off("heading-town21")
    assert _mentions(nlp(HEADLINE + BODY))["New Hope"].country == "USA"


def test_a_headline_town_the_text_names_stays(nlp):
    named = HEADLINE + BODY + " Residents of New Hope welcomed the news."
    assert "New Hope" in _mentions(nlp(named))
