"""Hyphenated place names (issue 12, seventh round): texts written for the project."""

from __future__ import annotations

from place_helpers import mentions as _mentions


def test_a_compound_of_two_known_places_gives_both(nlp):
    m = _mentions(nlp("The summit discussed peace and development in Asia-Pacific and the world."))
    assert m["Asia"].name == "Asia" and m["Pacific"].name.startswith("Pacific")
    assert "Asia-Pacific" not in m


def test_a_country_the_model_cut_at_its_hyphen(nlp):
    m = _mentions(nlp("Guinea-Bissau held elections on Sunday."))
    assert m["Guinea-Bissau"].country == "GNB" and "Guinea" not in m and "Bissau" not in m


def test_an_old_name_of_a_city_inside_a_name_is_no_city(nlp):
    # "Sine" is an old name of Sanandaj, Iran
    m = _mentions(nlp("The dinner in Goleta, complete with Sine Qua Non and Torbreck bottles, was a success."))
    assert "Sine" not in m and m["Goleta"].country == "USA"
