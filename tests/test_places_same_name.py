"""One sense per article: bare mentions of a name the article reads as a place are the place
too (issue 12, sixth round): texts written for the project."""

from __future__ import annotations


def _starts(doc, name):
    return sorted(m.start for p in doc._.places for m in p.mentions if m.text == name)


def test_bare_mentions_of_a_town_the_article_names(nlp):
    text = (
        "Nelson residents will no longer drive to Castlegar for permits. The new office opened in "
        "Nelson on Monday, and the Nelson office will stay open on Saturdays."
    )
    doc = nlp(text)
    starts = [i for i in range(len(text)) if text.startswith("Nelson", i)]
    # the model calls "Nelson" a person's first name; "in Nelson" makes every bare mention the town
    assert _starts(doc, "Nelson") == starts
    place = next(p for p in doc._.places if p.name == "Nelson")
    assert place.admin1 == "British Columbia" and place.rule.startswith("same-name")


def test_a_street_named_again(nlp):
    doc = nlp(
        "Crews repaved Harmon Street in Dunmore on Tuesday. Harmon Street will reopen on Friday, the council said."
    )
    assert len(_starts(doc, "Harmon Street")) == 2
    street = next(p for p in doc._.places if p.name == "Harmon Street")
    assert street.lat is not None  # placed at Dunmore, which the article names


def test_not_inside_a_persons_name_nor_after_a_title(nlp):
    doc = nlp("Senator Jordan spoke in Jordan on Monday. Mr. Jordan said the trip was useful.")
    text = doc.text
    # only the country after "in": not the senator, not "Mr. Jordan"
    assert _starts(doc, "Jordan") == [text.index("in Jordan") + 3]


def test_not_an_institution(nlp):
    doc = nlp("Protesters gathered outside the White House on Sunday. The White House said the talks would resume.")
    assert _starts(doc, "White House") == [doc.text.index("White House")]


def test_not_a_name_the_gazetteer_lacks_unless_a_street(nlp):
    # "Brightwater Academy" is no street: its other mention does not spread as a place
    doc = nlp(
        "Pupils walked to Brightwater Academy in Dunmore on Monday. Brightwater Academy said classes resume on Friday."
    )
    assert _starts(doc, "Brightwater Academy") == [doc.text.index("Brightwater Academy")]


def test_inside_an_organisations_name(nlp):
    text = "Voters in Nelson backed the measure, said Mia Grant, MLA for Nelson-Creston."
    doc = nlp(text)
    # the riding the model tags as an organisation names the town (embedded, as GeoWebNews counts it)
    assert _starts(doc, "Nelson") == [text.index("Nelson"), text.index("Nelson-Creston")]


def test_never_inside_a_persons_name(nlp):
    doc = nlp("Nelson Mandela visited Nelson in 1995. Mandela said Nelson was beautiful.")
    assert doc.text.index("Nelson Mandela") not in _starts(doc, "Nelson")


def test_not_a_street_named_after_the_place(nlp):
    text = "Voters in Marion lined up early. Pastor Joseph Brown of the Marion Avenue Baptist Church said turnout was high."
    doc = nlp(text)
    assert text.index("Marion Avenue") not in _starts(doc, "Marion")
