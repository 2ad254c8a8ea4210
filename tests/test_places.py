"""Places: detection, resolution, the public helpers, and the cached gazetteer index."""
from __future__ import annotations

import pytest

from newsgraph.extractors.places import countries_mentioned, place_for_span
from newsgraph.gazetteer import (ALT, DEMONYM, NAME, Gazetteer, build_index, get_gazetteer, haversine_km,
                                 index_path, norm)


def _doc(nlp, text):
    return nlp(text)


def _by_mention(doc, text):
    for p in doc._.places:
        if any(m.text == text for m in p.mentions):
            return p
    return None


def test_kharkiv_resolves_with_coordinates(nlp):
    doc = _doc(nlp, "Russian forces kept up the shelling in Kharkiv on Tuesday, regional officials said.")
    p = _by_mention(doc, "Kharkiv")
    assert p is not None and p.country == "UKR" and p.feature == "city"
    assert haversine_km(p.lat, p.lon, 49.99, 36.23) < 30
    assert p.geonameid and p.population > 1_000_000
    assert p.id.startswith("P") and p.rule
    # the demonym counts as a mention of the country
    assert _by_mention(doc, "Russian").country == "RUS"
    assert countries_mentioned(doc)[:2] in (["UKR", "RUS"], ["RUS", "UKR"])


def test_paris_texas_versus_paris(nlp):
    doc = _doc(nlp, "The festival in Paris, Texas drew crowds from Dallas. Paris is a small town.")
    p = _by_mention(doc, "Paris")
    assert p.country == "USA" and p.admin1 == "Texas"
    assert len(p.mentions) == 2  # both mentions of the one place
    doc = _doc(nlp, "Paris is beautiful in spring, French officials said.")
    assert _by_mention(doc, "Paris").country == "FRA"


def test_person_named_jordan_is_no_place(nlp):
    doc = _doc(nlp, "Jordan Peterson spoke in Toronto on Monday. Jordan said he would return next year.")
    names = {p.name for p in doc._.places}
    assert "Toronto" in names
    assert "Jordan" not in names and all(p.country != "JOR" for p in doc._.places)
    doc = _doc(nlp, "King Abdullah of Jordan met officials in Amman.")
    assert _by_mention(doc, "Jordan").country == "JOR"


def test_georgia_state_or_country_by_context(nlp):
    us = _doc(nlp, "The storm hit Georgia. Atlanta and Savannah were flooded.")
    assert _by_mention(us, "Georgia").country == "USA"
    assert _by_mention(us, "Georgia").feature == "admin"
    caucasus = _doc(nlp, "Officials in Georgia said Tbilisi would not yield to Moscow.")
    assert _by_mention(caucasus, "Georgia").country == "GEO"
    assert _by_mention(caucasus, "Georgia").feature == "country"


def test_city_mislabelled_by_ner_and_dateline(nlp):
    doc = _doc(nlp, "Kharkiv said it would rebuild. The city council of Kharkiv met on Monday.")
    p = _by_mention(doc, "Kharkiv")
    assert p is not None and p.country == "UKR" and len(p.mentions) == 2
    doc = _doc(nlp, "KHARKIV (Reuters) - Protesters gathered outside the embassy in Warsaw on Monday.")
    assert _by_mention(doc, "KHARKIV").name == "Kharkiv"


def test_uk_variants_are_one_place(nlp):
    doc = _doc(nlp, "Britain and the U.K. are the same. The UK government said Great Britain would act.")
    gbr = [p for p in doc._.places if p.country == "GBR"]
    assert len(gbr) == 1
    assert {m.text for m in gbr[0].mentions} >= {"Britain", "U.K.", "UK"}
    assert gbr[0].lat is not None and 49 < gbr[0].lat < 60
    doc = _doc(nlp, "Türkiye said Turkish troops would stay.")
    assert {p.country for p in doc._.places} == {"TUR"}


def test_mentions_point_into_the_text(nlp):
    text = "Talks in Vienna and Geneva stalled, diplomats in Washington said."
    doc = _doc(nlp, text)
    assert doc._.places
    for p in doc._.places:
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


def test_place_for_span(nlp):
    text = "Russian forces continued shelling in Kharkiv on Tuesday, Ukrainian officials said."
    doc = _doc(nlp, text)
    i = text.index("shelling")
    assert place_for_span(doc, i, i + len("shelling")) == _by_mention(doc, "Kharkiv").id
    text = "Protesters gathered outside the embassy in Warsaw on Monday, police said."
    doc = _doc(nlp, text)
    i = text.index("gathered")
    assert place_for_span(doc, i, i + len("gathered")) == _by_mention(doc, "Warsaw").id
    # no place in that sentence
    text = "Talks were held in Vienna. The ministers met again later."
    doc = _doc(nlp, text)
    i = text.index("met")
    assert place_for_span(doc, i, i + 3) is None


def test_odd_text_does_not_crash(nlp):
    for text in ["", "   \n\n ", "a" * 500, "\"unbalanced quote in Paris", "IN THE HOUSE: KOBE IN LA"]:
        doc = nlp(text)
        assert isinstance(doc._.places, list)
        assert isinstance(countries_mentioned(doc), list)


def test_record_carries_places(nlp):
    from newsgraph.article import Article
    from newsgraph.pipeline import process

    art = Article(id="a1", text="Shelling in Kharkiv killed two, officials in Kyiv said.", published="2024-03-05")
    [rec] = list(process([art], nlp))
    assert {p.name for p in rec.places} >= {"Kharkiv", "Kyiv"}
    d = rec.to_dict()
    assert d["places"][0]["mentions"][0]["text"]


# ----------------------------------------------------------------------------- the index

def test_norm():
    assert norm("the U.K.") == "uk"
    assert norm("Türkiye") == "turkiye"
    assert norm("Saint-Denis") == "saint denis"


def test_index_build_and_lookup(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    path = index_path(15000)
    assert path.parent == tmp_path and "-v" in path.name and path.suffix == ".sqlite"
    # a small subset of cities keeps the build fast
    built = build_index(path, 15000, city_filter=lambda c: c["countrycode"] in ("UA", "GE"))
    assert built == path and path.exists()
    gaz = Gazetteer(path)
    kh = gaz.lookup("Kharkiv")
    assert kh and kh[0].country == "UKR" and kh[0].feature == "city" and kh[0].kind == NAME
    assert not gaz.lookup("Paris") or all(e.feature != "city" for e in gaz.lookup("Paris"))
    geo = {(e.country, e.feature) for e in gaz.lookup("Georgia")}
    assert ("GEO", "country") in geo and ("USA", "admin") in geo
    uk = gaz.lookup("Britain")
    assert uk[0].country == "GBR" and uk[0].kind == ALT
    assert any(e.kind == DEMONYM and e.country == "UKR" for e in gaz.lookup("Ukrainian"))
    assert gaz.lookup("Tbilisi")[0].capital
    assert gaz.meta()["min_population"] == "15000"
    # the process-wide opener reuses the built file
    assert get_gazetteer(path=path, min_population=15000).lookup("Kyiv")[0].country == "UKR"


def test_haversine():
    assert haversine_km(0, 0, 0, 0) == 0
    assert haversine_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=5)


def test_unwritable_cache_falls_back_to_temp(tmp_path, monkeypatch):
    import newsgraph.gazetteer as G

    bad = tmp_path / "readonly"
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(bad))
    monkeypatch.setattr(G.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    built = []

    def fake_build(path, min_population):
        if str(path).startswith(str(bad)):
            raise PermissionError(13, "read-only", str(path))
        build_index(path, min_population, city_filter=lambda c: c["countrycode"] == "UA")
        built.append(path)

    monkeypatch.setattr(G, "_build_locked", fake_build)
    monkeypatch.setattr(G, "_GAZ", {})
    gaz = G.get_gazetteer(min_population=15000)
    assert built and str(built[0]).startswith(str(tmp_path / "tmp"))
    assert gaz.lookup("Kharkiv")[0].country == "UKR"


def test_unknown_facility_is_located_by_context(nlp):
    text = "A gunman opened fire at Marjory Stoneman Douglas High School in Parkland, Florida, on Wednesday."
    doc = nlp(text)
    school = next(p for p in doc._.places if p.name.endswith("High School"))
    parkland = _by_mention(doc, "Parkland")
    assert parkland.admin1 == "Florida"
    assert school.geonameid is None and school.feature == "other" and "unresolved" in school.rule
    assert haversine_km(school.lat, school.lon, parkland.lat, parkland.lon) < 50
    i = text.index("opened")
    assert place_for_span(doc, i, i + len("opened")) in (school.id, parkland.id)
