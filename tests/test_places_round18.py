"""Issue 12, round 18 (places): a title-case headline's or a short subheading's capitalised
word is no town without the model's word, a locative or the name in the running text (switch
``heading-word``). Texts written for the project."""

from __future__ import annotations

from newsgraph.extractors.places import _heading_line
from place_helpers import mentions as _mentions


def test_heading_lines(nlp):
    text = (
        "Why Voters Made The Governor Spring Into Action\n\nYoung farmer.\n\n"
        "KHARKIV, Ukraine - The governor called lawmakers back on Monday, and they came."
    )
    doc = nlp.make_doc(text)
    assert _heading_line(doc, text.index("Spring"))
    assert _heading_line(doc, text.index("Young"))
    assert not _heading_line(doc, text.index("KHARKIV"))
    assert not _heading_line(doc, text.index("lawmakers"))


def test_title_case_headline_word_is_no_town(nlp, place_rules_off):
    text = "Why Voters Made The Governor Spring Into Action\n\nThe governor called lawmakers back on Monday."
    assert "Spring" not in _mentions(nlp(text))
    place_rules_off("heading-word", "name-part", "heading-town21")  # (rounds 19, 21 too)
    assert _mentions(nlp(text))["Spring"].admin1 == "Texas"


def test_a_town_in_a_headline_the_model_finds_stays(nlp):
    m = _mentions(nlp("Mayor Says Pearland Ready For Storm\n\nThe mayor of Pearland spoke on Monday."))
    assert m["Pearland"].admin1 == "Texas"


def test_a_qualifier_the_gazetteer_lacks_lies_in_the_city_country(nlp, place_rules_off):
    text = "Farmers from Calamba City, Laguna, marched to Manila on Monday."
    laguna = _mentions(nlp(text))["Laguna"]
    assert laguna.country == "PHL" and laguna.geonameid is None and "unresolved" in laguna.rule
    place_rules_off("foreign-qualifier")
    assert _mentions(nlp(text))["Laguna"].country == "USA"


def test_a_list_of_cities_is_no_qualifier(nlp):
    m = _mentions(nlp("The band played Paris, London and Berlin last summer."))
    assert m["London"].country == "GBR" and m["Paris"].country == "FRA"
