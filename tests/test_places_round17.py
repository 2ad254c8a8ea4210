"""Issue 12, round 17 (places): texts written for the project."""

from __future__ import annotations

import pytest

from newsgraph.gazetteer import country_points, haversine_km


def _mentions(doc):
    return {m.text: p for p in doc._.places for m in p.mentions}


def test_the_country_table_holds_geonames_points():
    pts = country_points()
    assert len(pts) >= 190
    assert pts["JPN"] == pytest.approx((35.68536, 139.75309))
    assert pts["CAN"] == pytest.approx((60.10867, -113.64258))
    assert pts["IND"] == pytest.approx((22.0, 79.0))
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in pts.values())


def test_a_country_is_pinned_at_its_geonames_point(nlp):
    m = _mentions(nlp("Trade ministers from Japan, Canada and India met in Geneva on Tuesday."))
    for name, (lat, lon) in {"Japan": (35.685, 139.753), "Canada": (60.109, -113.643), "India": (22.0, 79.0)}.items():
        assert m[name].feature == "country"
        assert haversine_km(m[name].lat, m[name].lon, lat, lon) < 1
