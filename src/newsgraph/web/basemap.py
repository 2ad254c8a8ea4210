"""Build the offline basemap shipped with the web app (a development-time tool).

The map page draws country shapes from ``static/countries-110m.geojson``: Natural Earth's
1:110m Admin 0 boundaries (public domain), as redistributed in TopoJSON by the npm package
``world-atlas`` (ISC licence). This module turns that TopoJSON file into plain GeoJSON with
an ``iso3`` property per country, so the browser needs no TopoJSON decoder and no network::

    cd /tmp/wa && npm install world-atlas
    python -m newsgraph.web.basemap /tmp/wa/node_modules/world-atlas/countries-110m.json \
        src/newsgraph/web/static/countries-110m.geojson

It is not used at run time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional


def _decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Absolute lon/lat points for every arc (quantized arcs are delta-encoded)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        pts, x, y = [], 0, 0
        for p in arc:
            if tr:
                x, y = x + p[0], y + p[1]
                pts.append([x * tr["scale"][0] + tr["translate"][0], y * tr["scale"][1] + tr["translate"][1]])
            else:
                pts.append([p[0], p[1]])
        arcs.append(pts)
    return arcs


def _ring(indexes: list[int], arcs: list, digits: int) -> list[list[float]]:
    """Stitch arcs into one ring; a negative index ``~i`` is arc ``i`` reversed."""
    out: list[list[float]] = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        for k, p in enumerate(pts):
            if out and k == 0:
                continue  # shared end point of consecutive arcs
            out.append([round(p[0], digits), round(p[1], digits)])
    return out


def _jumps(ring: list) -> int:
    return sum(1 for a, b in zip(ring, ring[1:]) if abs(a[0] - b[0]) > 180)


def _cut_antimeridian(poly: list) -> list[list]:
    """A polygon whose rings cross the 180th meridian (an even number of jumps: Russia's
    Chukotka, Fiji) becomes two polygons, one each side, by clamping the far side's points
    onto the meridian; so a flat map draws no band across the world. Polar rings (one jump,
    Antarctica) are left alone."""
    if not any(_jumps(r) and _jumps(r) % 2 == 0 for r in poly):
        return [poly]
    east = [[p if p[0] >= 0 else [180.0, p[1]] for p in r] for r in poly]
    west = [[[-180.0, p[1]] if p[0] > 0 else p for p in r] for r in poly]
    return [east, west]


def _geometry(g: dict, arcs: list, digits: int) -> Optional[dict]:
    t = g.get("type")
    if t == "Polygon":
        polys = [[_ring(r, arcs, digits) for r in g["arcs"]]]
    elif t == "MultiPolygon":
        polys = [[_ring(r, arcs, digits) for r in poly] for poly in g["arcs"]]
    else:
        return None
    polys = [part for poly in polys for part in _cut_antimeridian(poly)]
    if len(polys) == 1:
        return {"type": "Polygon", "coordinates": polys[0]}
    return {"type": "MultiPolygon", "coordinates": polys}


def _iso3_tables() -> tuple[dict[str, str], Any]:
    import countryinfo

    from ..countries import country_code

    numeric = {}
    for c in countryinfo.all_countries():
        iso = c.info().get("ISO") or {}
        if iso.get("numeric") and iso.get("alpha3"):
            numeric[str(iso["numeric"]).zfill(3)] = iso["alpha3"]
    return numeric, country_code


def topojson_to_geojson(topo: dict, obj: str = "countries", digits: int = 2) -> dict:
    """A GeoJSON FeatureCollection of ``topo['objects'][obj]`` with name and iso3 properties."""
    arcs = _decode_arcs(topo)
    numeric, country_code = _iso3_tables()
    feats = []
    for g in topo["objects"][obj]["geometries"]:
        geom = _geometry(g, arcs, digits)
        if geom is None:
            continue
        name = (g.get("properties") or {}).get("name")
        iso3 = numeric.get(str(g.get("id") or "")) or (country_code(name) if name else None)
        feats.append({"type": "Feature", "properties": {"name": name, "iso3": iso3}, "geometry": geom})
    return {"type": "FeatureCollection", "features": feats}


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    topo = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    gj = topojson_to_geojson(topo)
    Path(argv[1]).write_text(json.dumps(gj, separators=(",", ":")), encoding="utf-8")
    print(f"{len(gj['features'])} countries -> {argv[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
