"""Issue 12, round 16 (places): texts written for the project."""

from __future__ import annotations


def _mentions(doc):
    return {m.text: p for p in doc._.places for m in p.mentions}


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
