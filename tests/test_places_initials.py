"""Initials of a country or a division the article names are that place (issue 12, seventh
round): texts written for the project."""

from __future__ import annotations

import pytest

from newsgraph.extractors.places import _initials
from place_helpers import mentions as _mentions


@pytest.mark.parametrize(
    "name,want",
    [
        ("South Africa", "SA"),
        ("Democratic Republic of the Congo", "DRC"),
        ("Papua New Guinea", "PNG"),
        ("Guinea-Bissau", "GB"),
        ("Kenya", ""),
    ],
)
def test_initials(name, want):
    assert _initials(name) == want


def test_initials_after_the_demonym(nlp):
    doc = nlp("Millions of South Africans depend on mining. That SA holds unparalleled reserves of platinum is known.")
    m = _mentions(doc)
    assert m["SA"].name == "South Africa" and m["SA"] is m["South Africans"]


def test_initials_after_the_full_name(nlp):
    m = _mentions(nlp("New Zealand's prime minister visited Fiji on Monday. NZ aid will rise, she said."))
    assert m["NZ"].name == "New Zealand"


def test_initials_of_two_places_of_the_article_are_left_alone(nlp):
    m = _mentions(nlp("South Africa and South Australia signed a trade deal. SA officials welcomed it."))
    assert "SA" not in m


def test_initials_inside_a_longer_name_are_left_alone(nlp):
    m = _mentions(nlp("Officers of the SA Police Service arrested two men in Johannesburg, South Africa."))
    assert "SA" not in m


def test_no_initials_without_the_place(nlp):
    m = _mentions(nlp("Police in SA said the suspect fled. The suspect was arrested in Durban."))
    assert "SA" not in m
