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


def test_a_word_of_a_dateline_name_is_no_town_outside_its_division(nlp, place_rules_off):
    text = (
        "Storm Team Flies Out Again\n\nCAMP MURRAY, Wash. - Maj. Dana Reyes laughs that since taking over the "
        "team a year ago she has not unpacked her bag. The team flew to Guam on Monday."
    )
    m = _mentions(nlp(text))
    assert "MURRAY" not in m
    camp = m["CAMP MURRAY"]
    assert camp.country == "USA" and camp.admin1 == "Washington" and camp.geonameid is None
    place_rules_off("dateline-part21")
    assert _mentions(nlp(text))["MURRAY"].admin1 != "Washington"  # a Murray in another state


def test_a_dateline_town_in_its_division_stays(nlp):
    m = _mentions(nlp("SPRINGFIELD, Ill. - The governor signed the budget on Monday."))
    assert m["SPRINGFIELD"].admin1 == "Illinois"


def test_a_town_far_from_a_local_story_is_a_local_namesake(nlp, place_rules_off):
    text = (
        "Deputies of the Walker County (Ga.) Sheriff's Office and police in Chattanooga searched on Friday "
        "for two men who walked away from a road crew at noon in LaFayette. Both were caught near "
        "Chattanooga on Saturday."
    )
    town = _mentions(nlp(text))["LaFayette"]
    assert town.country == "USA" and town.geonameid is None and town.admin1 != "Louisiana"
    place_rules_off("far-town21")
    assert _mentions(nlp(text))["LaFayette"].admin1 == "Louisiana"
