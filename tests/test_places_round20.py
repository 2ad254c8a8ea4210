"""Issue 12, round 20 (places, the lead's user trial): a city's one-word name right after a
lower-case "the" that heads its phrase names a neighbourhood or a landform, not the city
(``the-name``); "The Hague" keeps its article. Texts written for the project."""

from __future__ import annotations

from place_helpers import mentions as _mentions


def test_the_name_is_no_city_abroad(nlp, place_rules_off):
    text = "SANTA BARBARA, Calif. - The club meets on the Mesa every Friday, and its members run the farm market."
    mesa = _mentions(nlp(text)).get("Mesa")
    assert mesa is None or (mesa.geonameid is None and mesa.admin1 != "Arizona")
    place_rules_off("the-name")
    assert _mentions(nlp(text))["Mesa"].admin1 == "Arizona"


def test_a_city_named_with_the_and_a_modifier_stay_cities(nlp):
    m = _mentions(
        nlp("Delegates met in the Hague on Tuesday, a week after the Paris attacks, and flew to Mesa, Arizona.")
    )
    assert m["Hague"].country == "NLD"
    assert m["Paris"].country == "FRA"
    assert m["Mesa"].admin1 == "Arizona"
