"""Country names, variants and demonyms to ISO 3166-1 alpha-3 codes (and IGO codes).

Built once per process from the ``countryinfo`` package (names, alternative spellings,
demonyms, coordinates) plus the variants news text uses ("Britain", "U.S.", "Türkiye",
"Russian forces") and international organisations (NATO, UN, EU, ...).

    >>> country_code("German")
    'DEU'
    >>> country_code("the U.K.")
    'GBR'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

# Variants that countryinfo lacks or gets wrong for news text. Keys are matched after
# ``normalise`` (lower case, no accents, no dots, no leading "the").
EXTRA_NAMES = {
    "us": "USA",
    "usa": "USA",
    "united states": "USA",
    "united states of america": "USA",
    "america": "USA",
    "american": "USA",
    "americans": "USA",
    "washington": None,  # capital names are places, not countries
    "uk": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "united kingdom": "GBR",
    "british": "GBR",
    "england": "GBR",
    "english": None,
    "scotland": "GBR",
    "scottish": "GBR",
    "wales": "GBR",
    "welsh": "GBR",
    "northern ireland": "GBR",
    "russia": "RUS",
    "russian federation": "RUS",
    "russian": "RUS",
    "russians": "RUS",
    "turkey": "TUR",
    "turkiye": "TUR",
    "turkish": "TUR",
    "south korea": "KOR",
    "republic of korea": "KOR",
    "south korean": "KOR",
    "korea": "KOR",
    "north korea": "PRK",
    "north korean": "PRK",
    "dprk": "PRK",
    "iran": "IRN",
    "iranian": "IRN",
    "syria": "SYR",
    "syrian": "SYR",
    "vietnam": "VNM",
    "vietnamese": "VNM",
    "laos": "LAO",
    "laotian": "LAO",
    "czech republic": "CZE",
    "czechia": "CZE",
    "czech": "CZE",
    "moldova": "MDA",
    "moldovan": "MDA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "venezuelan": "VEN",
    "tanzania": "TZA",
    "palestine": "PSE",
    "palestinian": "PSE",
    "palestinians": "PSE",
    "palestinian territories": "PSE",
    "gaza": "PSE",
    "west bank": "PSE",
    "israeli": "ISR",
    "israelis": "ISR",
    "ukrainian": "UKR",
    "ukrainians": "UKR",
    "chinese": "CHN",
    "prc": "CHN",
    "taiwan": "TWN",
    "taiwanese": "TWN",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "congo": "COD",
    "drc": "COD",
    "dr congo": "COD",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "republic of congo": "COG",
    "macedonia": "MKD",
    "north macedonia": "MKD",
    "burma": "MMR",
    "myanmar": "MMR",
    "eswatini": "SWZ",
    "swaziland": "SWZ",
    "cape verde": "CPV",
    "cabo verde": "CPV",
    "east timor": "TLS",
    "timor-leste": "TLS",
    "vatican": "VAT",
    "holy see": "VAT",
    "emirati": "ARE",
    "uae": "ARE",
    "saudi": "SAU",
    "saudis": "SAU",
    "saudi arabia": "SAU",
    "filipino": "PHL",
    "philippine": "PHL",
    "dutch": "NLD",
    "holland": "NLD",
    "netherlands": "NLD",
    "swiss": "CHE",
    "french": "FRA",
    "german": "DEU",
    "germans": "DEU",
    "polish": "POL",
    "poles": "POL",
    "afghan": "AFG",
    "afghans": "AFG",
    "pakistani": "PAK",
    "indian": "IND",
    "iraqi": "IRQ",
    "kurdish": None,
    "kurds": None,
    "european": None,
    "arab": None,
    "african": None,
    "asian": None,
    "lebanese": "LBN",
    "libyan": "LBY",
    "yemeni": "YEM",
    "sudanese": "SDN",
    "south sudan": "SSD",
    "south sudanese": "SSD",
    "belarusian": "BLR",
    "belarus": "BLR",
    "kazakh": "KAZ",
    "georgian": "GEO",
    "armenian": "ARM",
    "azerbaijani": "AZE",
    "azeri": "AZE",
    "greek": "GRC",
    "hungarian": "HUN",
    "japanese": "JPN",
    "mexican": "MEX",
    "canadian": "CAN",
    "brazilian": "BRA",
    "egyptian": "EGY",
    "jordanian": "JOR",
    "qatari": "QAT",
    "kuwaiti": "KWT",
    "omani": "OMN",
    "bahraini": "BHR",
    "nigerian": "NGA",
    "kenyan": "KEN",
    "ethiopian": "ETH",
    "somali": "SOM",
    "malian": "MLI",
}

# International organisations, coded as CAMEO/PLOVER do.
IGOS = {
    "nato": "NATO",
    "north atlantic treaty organization": "NATO",
    "north atlantic alliance": "NATO",
    "un": "UN",
    "united nations": "UN",
    "u.n.": "UN",
    "un security council": "UN",
    "security council": "UN",
    "eu": "EU",
    "european union": "EU",
    "european commission": "EU",
    "brussels": None,
    "african union": "AU",
    "au": "AU",
    "arab league": "ARL",
    "osce": "OSCE",
    "asean": "ASEAN",
    "opec": "OPEC",
    "imf": "IMF",
    "world bank": "WB",
    "who": None,
    "world health organization": "WHO",
    "iaea": "IAEA",
    "international atomic energy agency": "IAEA",
    "red cross": "IRC",
    "icrc": "IRC",
    "international criminal court": "ICC",
    "icc": "ICC",
    "ecowas": "ECOWAS",
    "g7": "G7",
    "g20": "G20",
}

_NAME_RE = re.compile(r"[^\w\s'-]")


@lru_cache(maxsize=65536)  # (a pure function of the string; the coders ask for the same phrases again and again)
def normalise(text: str) -> str:
    """Lower case, accents and dots removed, whitespace folded, leading 'the' dropped."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("’", "'").replace(".", "").lower()
    t = _NAME_RE.sub(" ", t)
    t = re.sub(r"\s+", " ", t).strip()
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, dict]]:
    import countryinfo

    names: dict[str, Optional[str]] = {}
    info: dict[str, dict] = {}
    for c in countryinfo.all_countries():
        i = c.info()
        a3 = (i.get("ISO") or {}).get("alpha3")
        if not a3:
            continue
        info[a3] = {
            "name": i.get("name"),
            "latlng": i.get("latlng"),
            "demonym": i.get("demonym"),
            "capital": i.get("capital"),
            "alpha2": (i.get("ISO") or {}).get("alpha2"),
        }
        for v in [i.get("name"), i.get("nativeName"), i.get("demonym")] + list(i.get("altSpellings") or []):
            if not v or len(v) <= 3 and v.isupper():  # "DE"/"DEU" codes are not how articles name countries
                continue
            k = normalise(v)
            if k and k not in names:
                names[k] = a3
        dem = i.get("demonym")
        if dem:
            names.setdefault(normalise(dem) + "s", a3)
    names.update(EXTRA_NAMES)
    return {k: v for k, v in names.items() if v}, info


def country_code(text: str) -> Optional[str]:
    """ISO alpha-3 for a country name, variant or demonym ("German", "the U.K."), else None."""
    if not text:
        return None
    return _tables()[0].get(normalise(text))


def igo_code(text: str) -> Optional[str]:
    """Code of an international organisation ("NATO", "the United Nations"), else None."""
    if not text:
        return None
    return IGOS.get(normalise(text)) or IGOS.get(text.lower().strip())


def country_info(alpha3: str) -> Optional[dict]:
    """``{name, latlng, demonym, capital, alpha2}`` for an alpha-3 code."""
    return _tables()[1].get(alpha3)


def all_country_info() -> dict[str, dict]:
    """``{alpha3: {name, latlng, demonym, capital, alpha2}}`` for every country in the table."""
    return dict(_tables()[1])
