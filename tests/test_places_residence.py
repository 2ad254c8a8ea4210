"""A town in a person's residence apposition (issue 12, seventh round): texts written for the
project."""

from __future__ import annotations

from place_helpers import mentions as _mentions


def test_town_after_a_name_and_of(nlp):
    doc = nlp(
        "The victim was named as Mohanna Abdhou, 18. Miss Abdhou, of Hayes, was not a target, police in London said."
    )
    m = _mentions(doc)
    assert m["Hayes"].country == "GBR" and m["Hayes"].feature == "city"


def test_town_after_an_age_and_of(nlp):
    m = _mentions(nlp("John Ross, 54, of Dunmore, died at the scene, police in Pennsylvania said."))
    assert m["Dunmore"].admin1 == "Pennsylvania"


def test_a_firm_after_of_is_no_town(nlp):
    m = _mentions(nlp("The award went to Sarah Hayes, of Goldman Sachs, who spoke in London."))
    assert set(m) == {"London"}


def test_a_nigerian_state_the_model_tags_person(nlp):
    m = _mentions(nlp("The university honoured the Governor of Sokoto State, Alhaji Aminu Tambuwal, on Friday."))
    assert m["Sokoto State"].country == "NGA" and m["Sokoto State"].feature == "admin"


def test_demonyms_of_peoples_and_regions(nlp):
    m = _mentions(nlp("Gavrilo Princip was a Bosnian Serb. The cake has Sicilian lemon curd."))
    assert m["Bosnian"].country == "BIH" and m["Serb"].country == "SRB" and m["Sicilian"].name == "Sicily"
