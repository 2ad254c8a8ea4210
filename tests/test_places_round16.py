"""Issue 12, round 16 (places): texts written for the project."""

from __future__ import annotations

from place_helpers import mentions as _mentions


def test_a_small_town_after_in_is_a_place_in_the_articles_country(nlp, place_rules_off):
    text = "Officials from Kenya opened a clinic in Runyenjes on Monday with staff from Nairobi."
    m = _mentions(nlp(text))
    assert m["Runyenjes"].country == "KEN" and m["Runyenjes"].rule.startswith("gazetteer:ner-org")
    place_rules_off("local-town")
    assert "Runyenjes" not in _mentions(nlp(text))


def test_a_small_town_abroad_after_in_is_no_place(nlp):
    m = _mentions(nlp("Officials from Ohio opened a clinic in Runyenjes on Monday with staff from Columbus."))
    assert "Runyenjes" not in m and m["Columbus"].country == "USA"


def test_an_institution_after_at_is_no_small_town(nlp):
    m = _mentions(nlp("Officials from Kenya met a professor at Runyenjes and staff from Nairobi on Monday."))
    assert "Runyenjes" not in m and m["Nairobi"].country == "KEN"


def test_a_firms_word_is_no_town_abroad_in_a_story_framed_elsewhere(nlp, place_rules_off):
    text = (
        "Lagos and Abuja hosted the fair. The chief executive of Orange Foods Ltd spoke in Lagos, "
        "and officials from Kano and Nigeria's trade ministry attended."
    )
    m = _mentions(nlp(text))
    assert "Orange" not in m and m["Kano"].country == "NGA"
    place_rules_off("lone-town")
    assert _mentions(nlp(text))["Orange"].country == "USA"


def test_a_town_abroad_the_model_tags_stays(nlp):
    text = "The senator flew from Ohio to Saipan, then to Columbus and Cleveland, and back to Ohio."
    m = _mentions(nlp(text))
    assert m["Saipan"].country == "MNP" and m["Cleveland"].country == "USA"
