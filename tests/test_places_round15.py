"""Issue 12, round 15 (places): texts written for the project."""

from __future__ import annotations

from newsgraph.dateline import datelines
from place_helpers import mentions as _mentions


def test_relatives_named_after_a_kinship_noun_are_no_places(nlp, place_rules_off):
    text = "The singer shared a photo of her daughters Savannah and Chicago on Friday in Denver."
    assert set(_mentions(nlp(text))) == {"Denver"}
    m = _mentions(nlp("He was carrying his baby, Phoenix, when the storm reached Tulsa."))
    assert set(m) == {"Tulsa"}
    place_rules_off("kin-name")
    assert "Chicago" in _mentions(nlp(text))


def test_a_nickname_in_a_persons_apposition_is_no_place(nlp):
    m = _mentions(nlp("Daniel Okafor, 19, known as Montana, was stabbed near a shop in Croydon."))
    assert "Montana" not in m and "Croydon" in m


def test_places_after_a_relative_and_a_preposition_stay(nlp):
    m = _mentions(nlp("She moved with her children to Chicago and later to Austin."))
    assert m["Chicago"].country == "USA" and m["Austin"].country == "USA"


def test_a_dateline_place_the_gazetteer_lacks_is_placed_by_its_qualifier(nlp, place_rules_off):
    text = "FORT BRAMWELL, Wash. - Soldiers at the base trained for floods this week."
    m = _mentions(nlp(text))
    assert m["FORT BRAMWELL"].feature == "other" and m["FORT BRAMWELL"].admin1 == "Washington"
    assert m["FORT BRAMWELL"].rule.startswith("dateline; unresolved; located in:Washington")
    place_rules_off("dateline-place")
    assert "FORT BRAMWELL" not in _mentions(nlp(text))


def test_a_line_opening_word_without_qualifier_date_or_agency_is_no_place(nlp):
    m = _mentions(nlp("UPDATE: Officials in Ohio said the road would reopen on Monday."))
    assert set(m) == {"Ohio"}


def test_a_colon_right_after_the_agency_closes_a_dateline():
    (d,) = datelines("NORTH KORDOFAN, May 2 (APP):Officials said the road was open.")
    assert d.place == (0, 14) and d.agency is not None and d.dash == ":"
    assert datelines("NOTE:This is no dateline.") == []


def test_a_title_after_a_comma_is_no_state(nlp, place_rules_off):
    text = "In a long interview, Ms. Alvarez said the mill in Dayton, Ohio would stay open."
    m = _mentions(nlp(text))
    assert "Ms." not in m and m["Dayton"].admin1 == "Ohio"
    place_rules_off("title-not-state")
    assert _mentions(nlp(text))["Ms."].name == "Mississippi"


def test_a_state_short_form_after_a_comma_stays(nlp):
    m = _mentions(nlp("The council of Hattiesburg, Miss. voted on the plan."))
    assert m["Miss."].name == "Mississippi" and m["Hattiesburg"].admin1 == "Mississippi"


def test_an_acronym_with_a_comma_inside_a_line_is_no_town(nlp, place_rules_off):
    text = "Under the Deferred Action for Childhood Arrivals program, or DACA, students in Ohio stayed."
    assert set(_mentions(nlp(text))) == {"Ohio"}
    place_rules_off("acronym-line")
    assert "DACA" in _mentions(nlp(text))


def test_a_persons_surname_is_no_small_town(nlp, place_rules_off):
    text = "Senator Marco Rubio spoke in Tampa. A voter was holding a Rubio sign outside the school."
    assert set(_mentions(nlp(text))) == {"Tampa"}
    place_rules_off("surname")
    assert "Rubio" in _mentions(nlp(text))


def test_the_planet_is_no_town(nlp):
    m = _mentions(nlp("Warming will alter the Earth's climate, scientists in Norway said."))
    assert set(m) == {"Norway"}


def test_an_organisation_named_by_a_towns_old_name_only_is_no_town(nlp, place_rules_off):
    text = "Hamas fired rockets overnight, the army in Israel said."
    assert set(_mentions(nlp(text))) == {"Israel"}
    assert _mentions(nlp("Kiev said on Monday that the talks would resume."))["Kiev"].country == "UKR"
    place_rules_off("org-alt-name")
    assert _mentions(nlp(text))["Hamas"].country == "DEU"


def test_a_division_listed_with_divisions_is_no_big_city(nlp, place_rules_off):
    text = "The senator won primaries in Kansas, Oklahoma and Maine. He thanked voters in Oklahoma."
    m = [p for p in nlp(text)._.places if p.name.startswith("Oklahoma")]
    assert len(m) == 1 and m[0].feature == "admin" and len(m[0].mentions) == 2
    place_rules_off("listed-division")
    assert any(p.name == "Oklahoma City" for p in nlp(text)._.places)


def test_a_big_city_listed_with_another_big_city_stays(nlp):
    m = _mentions(nlp("The firm has offices in New York and Washington."))
    assert m["New York"].name == "New York City"


def test_a_days_name_is_no_place(nlp, place_rules_off):
    text = "Sanders won his latest victory in the Super Tuesday contests, reporters in Minnesota said."
    assert set(_mentions(nlp(text))) == {"Minnesota"}
    place_rules_off("day-name")
    assert "Super" in _mentions(nlp(text))
    assert "Paris" in _mentions(nlp("Officials met in Paris Monday to discuss the plan."))


def test_a_part_named_of_a_place_lies_in_that_places_country(nlp, place_rules_off):
    text = "Novak served as a prosecutor for the Southern District of New York, the mayor said in Chicago."
    m = _mentions(nlp(text))
    assert "Southern District" not in m and m["New York"].country == "USA"
    m = _mentions(nlp("Rockets hit the Southern District of Israel on Monday, the army said in Tel Aviv."))
    assert m["Southern District"].country == "ISR"  # a part of a place in its own country stays
    place_rules_off("part-of-place")
    assert _mentions(nlp(text))["Southern District"].country == "ISR"
