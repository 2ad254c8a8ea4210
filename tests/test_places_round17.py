"""Issue 12, round 17 (places): texts written for the project."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import country_points, haversine_km
from place_helpers import mentions as _mentions


def test_the_country_table_holds_geonames_points():
    pts = country_points()
    assert len(pts) >= 190
    assert pts["JPN"] == pytest.approx((35.68536, 139.75309))
    assert pts["CAN"] == pytest.approx((60.10867, -113.64258))
    assert pts["IND"] == pytest.approx((22.0, 79.0))
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in pts.values())


def test_a_country_is_pinned_at_its_geonames_point(nlp):
    m = _mentions(nlp("Trade ministers from Japan, Canada and India met in Geneva on Tuesday."))
    for name, (lat, lon) in {"Japan": (35.685, 139.753), "Canada": (60.109, -113.643), "India": (22.0, 79.0)}.items():
        assert m[name].feature == "country"
        assert haversine_km(m[name].lat, m[name].lon, lat, lon) < 1


def test_a_demonym_opening_a_law_or_event_name_is_the_country(nlp, place_rules_off):
    text = "The council welcomed the Ruritanian vote and the recognition of the Armenian Genocide."
    m = _mentions(nlp(text))
    assert m["Armenian"].country == "ARM" and m["Armenian"].rule.startswith("demonym")
    text = "Deputies amended Article 7 of the Ukrainian Law on Public Procurement on Friday."
    assert _mentions(nlp(text))["Ukrainian"].country == "UKR"
    place_rules_off("name-demonym")
    assert "Ukrainian" not in _mentions(nlp(text))


def test_a_demonym_inside_a_name_only_at_its_start(nlp):
    m = _mentions(nlp("She read The Road to Armenian Freedom and Other Essays last winter."))
    assert "Armenian" not in m


def test_a_state_code_after_a_comma_qualifies_only_a_name(nlp, place_rules_off):
    text = 'The mayor spoke in Tulsa, OK, on Monday. "That is all we have, OK?" she said later.'
    got = [(m.text, p.name) for p in nlp(text)._.places for m in p.mentions if m.text == "OK"]
    assert got == [("OK", "Oklahoma")]
    place_rules_off("code-after-name")
    got = [m.text for p in nlp(text)._.places for m in p.mentions if m.text == "OK"]
    assert got == ["OK", "OK"]


def test_news_regions_and_a_regions_demonym(nlp):
    text = "Voters across New England and the Deep South went to the polls, and a Middle Eastern envoy watched."
    m = _mentions(nlp(text))
    assert m["New England"].feature == "other" and m["New England"].lat > 40  # not a North Dakota village
    assert m["Deep South"].country == "USA" and m["Deep South"].feature == "other"
    assert m["Middle Eastern"].name == "Middle East" and m["Middle Eastern"].feature == "other"


def test_a_park_the_model_calls_a_location_is_no_town_of_another_name(nlp, place_rules_off):
    text = "Families were skating in Central Park on Sunday, officials in New York City said."
    m = _mentions(nlp(text))
    assert m["Central Park"].name == "Central Park" and m["Central Park"].rule.split(";")[0] == "ner:LOC"
    place_rules_off("loc-facility")
    assert _mentions(nlp(text))["Central Park"].name == "Bethpage"
