"""Issue 12, round 15 (places): texts written for the project."""

from __future__ import annotations

from newsgraph.dateline import datelines


def _mentions(doc):
    return {m.text: p for p in doc._.places for m in p.mentions}


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
