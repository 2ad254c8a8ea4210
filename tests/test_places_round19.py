"""Issue 12, round 19 (places): how a name is used decides whether it goes on the map: a name
the gazetteer lacks that the article uses as an organisation is never placed (``org-use``); a
region's name lies in the state the article is about (``region-state``); a word inside a longer
title-case name is no small town (``name-part``). Texts written for the project."""

from __future__ import annotations

from newsgraph.extractors.place_uses import used_as_org
from place_helpers import mentions as _mentions


def test_an_unresolved_firm_is_not_placed(nlp, place_rules_off):
    text = (
        "Pfizer will merge with Dublin-based Marvania in a deal announced in Chicago on Monday. "
        "The president will come from Marvania."
    )
    m = _mentions(nlp(text))
    assert "Marvania" not in m and m["Chicago"].admin1 == "Illinois"
    place_rules_off("org-use")
    assert "unresolved" in _mentions(nlp(text))["Marvania"].rule


def test_organisation_uses(nlp):
    doc = nlp("Marvania's shareholders approved the plan. Ostrel Inc sued. Officials in Kharkiv met.")
    toks = [t.text for t in doc]
    assert used_as_org(doc, toks.index("Marvania"), toks.index("Marvania") + 1)
    assert used_as_org(doc, toks.index("Ostrel"), toks.index("Ostrel") + 1)
    assert not used_as_org(doc, toks.index("Kharkiv"), toks.index("Kharkiv") + 1)


def test_a_region_lies_in_the_state_the_article_is_about(nlp, place_rules_off):
    text = (
        "The campaign went from Manhattan to California on Monday. His Central Valley district "
        "voted for him, and so did San Francisco and much of California."
    )
    valley = _mentions(nlp(text))["Central Valley"]
    assert valley.admin1 == "California" and valley.geonameid is None
    place_rules_off("region-state")
    assert _mentions(nlp(text))["Central Valley"].admin1 == "New York"


def test_a_region_is_no_other_name_of_a_city(nlp, place_rules_off):
    text = (
        "Lawmakers in California are fighting over water. Growers in Fresno and Sacramento say "
        "the Central Valley needs more of it, and the governor of California agreed on Tuesday."
    )
    assert _mentions(nlp(text))["Central Valley"].name == "Central Valley"
    place_rules_off("region-state")
    assert _mentions(nlp(text))["Central Valley"].name == "Santa Maria"


def test_a_word_inside_a_title_case_name_is_no_town(nlp, place_rules_off):
    text = "In Concord, the most loyal members of the Party Unity My Way club met on Monday with voters from New Hampshire and Maine."
    assert "Unity" not in _mentions(nlp(text))
    text2 = "The most dedicated PUMAs (Party Unity My Way) voted in Concord, New Hampshire, and in Maine."
    assert "Unity" not in _mentions(nlp(text2))
    place_rules_off("name-part")
    assert _mentions(nlp(text))["Unity"].admin1 == "New Hampshire"
    assert _mentions(nlp(text2))["Unity"].admin1 == "New Hampshire"


def test_a_town_named_after_a_locative_stays(nlp):
    m = _mentions(nlp("Voters met in Unity on Monday, a town in New Hampshire."))
    assert m["Unity"].admin1 == "New Hampshire"


def test_a_party_is_no_place(nlp, place_rules_off):
    text = "Nadia Kessler, a lawmaker from Germany's Green Party, filed a lawsuit in Berlin on Monday."
    assert "Green Party" not in _mentions(nlp(text))
    place_rules_off("org-use")
    assert "unresolved" in _mentions(nlp(text))["Green Party"].rule


def test_a_building_lies_where_the_text_says(nlp, place_rules_off):
    text = (
        "Voters in Ohio, Texas and Iowa watched as the doors swung open at the Flint Center in "
        "Cupertino, Calif., on Tuesday."
    )
    assert _mentions(nlp(text))["Flint Center"].admin1 == "California"
    place_rules_off("in-before-contains")
    assert _mentions(nlp(text))["Flint Center"].admin1 == "Michigan"


def test_a_plural_demonym_is_the_country(nlp, place_rules_off):
    text = "Trucks crossed into China at Horgos, a border post known as Khorgos to the Kazakhs, and drove on to Almaty."
    kazakhs = _mentions(nlp(text))["Kazakhs"]
    assert kazakhs.name == "Kazakhstan" and kazakhs.feature == "country"
    place_rules_off("plural-demonym")
    assert _mentions(nlp(text))["Kazakhs"].geonameid is None


def test_a_description_is_no_place_name(nlp, place_rules_off):
    text = (
        "The company opened a copper mine near the northern Kazakh city of Aktogay last year, officials in Almaty said."
    )
    assert "Kazakh city" not in _mentions(nlp(text))
    place_rules_off("lower-head")
    assert "Kazakh city" in _mentions(nlp(text))
