"""Buildings the model tags ORG, and names the gazetteer lacks placed by the place named right
after them (issue 12, seventh round): texts written for the project."""

from __future__ import annotations

from place_helpers import mentions as _mentions


def test_a_building_that_is_no_subject_is_a_place(nlp):
    doc = nlp("Next door, on the corner of Main Street in Dunmore, was a Carnegie Library built in 1902.")
    m = _mentions(doc)
    assert "Carnegie Library" in m and m["Carnegie Library"].lat is not None


def test_a_building_placed_by_the_town_after_it(nlp):
    doc = nlp("The state extended its contract to run the Harlow Correctional Center in Shelby, Montana.")
    m = _mentions(doc)
    assert "Harlow Correctional Center" in m
    assert m["Harlow Correctional Center"].rule.endswith("located in:Shelby")


def test_an_institution_that_acts_stays_an_organisation(nlp):
    m = _mentions(nlp("St Mary's Hospital said on Monday that two patients had died in Leeds."))
    assert not any("Hospital" in t for t in m)


def test_a_denomination_is_no_building(nlp):
    m = _mentions(nlp("The pope spoke about the Catholic Church during his visit to Dublin."))
    assert not any("Church" in t for t in m)


def test_not_after_of(nlp):
    m = _mentions(nlp("She is the director of the Northfield Cancer Centre, officials in Derry said."))
    assert not any("Centre" in t for t in m)


def test_a_source_is_no_place(nlp):
    m = _mentions(nlp("According to the Pew Research Center, most voters in Ohio disagree."))
    assert not any("Center" in t for t in m) and "Ohio" in m


def test_a_facility_after_a_locative_preposition_stays_a_place(nlp):
    m = _mentions(nlp("He was treated at Mount Sinai Hospital and released on Monday."))
    assert "Mount Sinai Hospital" in m
