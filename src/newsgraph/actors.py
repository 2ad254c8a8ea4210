"""Code an actor phrase as a country (ISO alpha-3 or IGO code) and a CAMEO sector (GOV, MIL, ...).

The text comes first, the built-in table second:

1. descriptors in the phrase itself: country names and demonyms ("Polish Foreign Minister Jan
   Kowal" -> POL), international organisations ("NATO"), role nouns ("minister" -> GOV,
   "rebels" -> REB, "police" -> COP);
2. the actor table derived from the PETRARCH2 dictionaries (``data/actors/actors.json.gz``,
   built by ``scripts/build_actor_data.py``): names of people, institutions and places with
   their CAMEO codes and date ranges ("the Kremlin" -> RUS GOV, "Putin" -> RUS GOV after
   2000-05-07). The entry valid at the article's publication date is used; the table ends around
   2015, so whatever the article itself says (step 1) always wins over it.

    >>> code_phrase("Polish Foreign Minister Jan Kowal")
    ActorCode(country='POL', sector='GOV', rule='text:country+text:role')
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional

from . import lexicon
from .countries import IGOS, country_code, igo_code

# CAMEO IGO sub-codes -> the IGO codes newsgraph uses (countries.IGOS values).
IGO_SUBCODES = {
    "UNO": "UN",
    "WSTNAT": "NATO",
    "NAT": "NATO",
    "EUREEC": "EU",
    "EUR": "EU",
    "AFRAFU": "AU",
    "ARL": "ARL",
    "BUSOPC": "OPEC",
    "BUSIMF": "IMF",
    "UNODEVWBK": "WB",
    "UNOIAE": "IAEA",
    "SEAASN": "ASEAN",
    "WAFECW": "ECOWAS",
    "UNOHLHWHO": "WHO",
}
IGO_CODES = frozenset(v for v in IGOS.values() if v) | {"IGO", "ARL", "OAU"}
# IGO names missing from countries.IGOS (older names the news still uses)
EXTRA_IGOS = {
    "european community": "EU",
    "european economic community": "EU",
    "eec": "EU",
    "organization of african unity": "AU",
    "oau": "AU",
    "arab league": "ARL",
    "league of arab states": "ARL",
    "united nations security council": "UN",
    "world food program": "UN",
    "world food programme": "UN",
    "unhcr": "UN",
    "unicef": "UN",
    "un refugee agency": "UN",
    "european parliament": "EU",
    "warsaw pact": "IGO",
    "organization of american states": "IGO",
    "oas": "IGO",
    "asia-pacific economic cooperation": "IGO",
    "apec": "IGO",
    "commonwealth": "IGO",
    "gulf cooperation council": "IGO",
    "gcc": "IGO",
    "wto": "IGO",
    "world trade organization": "IGO",
    "csce": "IGO",
    "osce": "IGO",
    "ecomog": "ECOWAS",
    "unprofor": "UN",
    "unifil": "UN",
    "monuc": "UN",
    "unamsil": "UN",
    "unmik": "UN",
    "untac": "UN",
    "kfor": "NATO",
    "sfor": "NATO",
    "ifor": "NATO",
    "isaf": "NATO",
    "war crimes tribunal": "UN",
    "hague tribunal": "UN",
    "icty": "UN",
    "ictr": "UN",
    "international criminal tribunal": "UN",
    "international court of justice": "UN",
    "world court": "UN",
    "international criminal court": "IGO",
    "icc": "IGO",
}
ARABIC_ARTICLE = re.compile(r"(?:al|el|ad|ash|as|an|ar|at|az)-[A-Z]")  # "al-Qaeda" is a name
# geographic feature names after a demonym: "the Indian Ocean" is no actor of India
FEATURE_NOUNS = {
    "ocean",
    "sea",
    "gulf",
    "peninsula",
    "channel",
    "strait",
    "straits",
    "basin",
    "desert",
    "plateau",
    "delta",
    "river",
    "valley",
    "lake",
    "mountains",
    "hills",
    "subcontinent",
    "archipelago",
    "highlands",
    "lowlands",
}
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "ISM"}  # CAMEO prefixes that are not countries

SECTORS = {
    "GOV",
    "MIL",
    "DIP",
    "REB",
    "COP",
    "JUD",
    "OPP",
    "BUS",
    "MED",
    "CVL",
    "LEG",
    "ELI",
    "SPY",
    "UAF",
    "CRM",
    "EDU",
    "HLH",
    "LAB",
    "REF",
    "REL",
    "IGO",
    "NGO",
    "PTY",
    "AGR",
    "ENV",
    "INS",
    "MOD",
    "RAD",
    "HRI",
    "SEP",
}

# Role nouns newsgraph reads itself (checked before the PETRARCH agents table, which codes
# some of these unhelpfully, e.g. "spokesman" as MED).
ROLE_NOUNS = {
    "minister": "GOV",
    "ministry": "GOV",
    "government": "GOV",
    "president": "GOV",
    "premier": "GOV",
    "chancellor": "GOV",
    "cabinet": "GOV",
    "administration": "GOV",
    "authorities": "GOV",
    "authority": "GOV",
    "official": "GOV",
    "officials": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "secretary": "GOV",
    "king": "GOV",
    "queen": "GOV",
    "emir": "GOV",
    "leader": "GOV",
    "leaders": "GOV",
    "mayor": "GOV",
    "governor": "GOV",
    "office": "GOV",
    "kremlin": "GOV",
    "regime": "GOV",
    "junta": "MIL",
    "diplomat": "DIP",
    "diplomats": "DIP",
    "ambassador": "DIP",
    "envoy": "DIP",
    "embassy": "DIP",
    "consulate": "DIP",
    "negotiator": "DIP",
    "negotiators": "DIP",
    "counterpart": "GOV",
    "counterparts": "GOV",
    "mediator": "DIP",
    "mediators": "DIP",
    "delegation": "GOV",
    "army": "MIL",
    "military": "MIL",
    "troops": "MIL",
    "troop": "MIL",
    "soldier": "MIL",
    "soldiers": "MIL",
    "forces": "MIL",
    "force": "MIL",
    "navy": "MIL",
    "warships": "MIL",
    "tanks": "MIL",
    "aircraft": "MIL",
    "jets": "MIL",
    "artillery": "MIL",
    "general": "MIL",
    "commander": "MIL",
    "defence": "MIL",
    "defense": "MIL",
    "rebel": "REB",
    "rebels": "REB",
    "insurgents": "REB",
    "insurgent": "REB",
    "guerrillas": "REB",
    "guerrilla": "REB",
    "militants": "REB",
    "militant": "REB",
    "militia": "REB",
    "militiamen": "REB",
    "separatists": "REB",
    "fighters": "REB",
    "police": "COP",
    "policemen": "COP",
    "officers": "COP",
    "court": "JUD",
    "judge": "JUD",
    "judges": "JUD",
    "prosecutor": "JUD",
    "prosecutors": "JUD",
    "opposition": "OPP",
    "protesters": "OPP",
    "protestors": "OPP",
    "demonstrators": "OPP",
    "activists": "OPP",
    "dissidents": "OPP",
    "parliament": "LEG",
    "lawmakers": "LEG",
    "congress": "LEG",
    "senate": "LEG",
    "assembly": "LEG",
    "company": "BUS",
    "businessman": "BUS",
    "firm": "BUS",
    "bank": "BUS",
    "journalist": "MED",
    "journalists": "MED",
    "newspaper": "MED",
    "reporters": "MED",
    "agency": "MED",
    "civilians": "CVL",
    "civilian": "CVL",
    "people": "CVL",
    "residents": "CVL",
    "villagers": "CVL",
    "students": "EDU",
    "workers": "LAB",
    "refugees": "REF",
    "refugee": "REF",
    "peacekeepers": "MIL",
    "peacekeeper": "MIL",
    "nationals": "CVL",
    "citizens": "CVL",
    "tourists": "CVL",
    "crowd": "CVL",
    "crowds": "CVL",
    "mob": "CVL",
    "mobs": "CVL",
    "youths": "CVL",
    "tribesmen": "CVL",
    "strikers": "LAB",
    "miners": "LAB",
    "peasants": "AGR",
    "rioters": "OPP",
    "marchers": "OPP",
}
for _k, _v in list(ROLE_NOUNS.items()):  # lemmas are singular: "demonstrator", "activist"
    if _k.endswith("s") and not _k.endswith("ss") and _k[:-1] not in ROLE_NOUNS:
        ROLE_NOUNS[_k[:-1]] = _v
# "the opposition leader" is OPP, not GOV: a modifier noun that decides the sector.
STRONG_MODIFIERS = {
    "opposition": "OPP",
    "rebel": "REB",
    "police": "COP",
    "defence": "MIL",
    "defense": "MIL",
    "military": "MIL",
    "army": "MIL",
    "foreign": "GOV",
    "court": "JUD",
    "parliament": "LEG",
    "intelligence": "SPY",
}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "him", "her", "them", "us", "you", "this", "that"}


@dataclass
class ActorCode:
    country: Optional[str] = None
    sector: Optional[str] = None
    rule: str = ""


def _data_file(*parts: str):
    return resources.files("newsgraph").joinpath("data", *parts)


@lru_cache(maxsize=1)
def actor_table() -> dict[str, list[list[str]]]:
    """PETRARCH2-derived actor table: phrase -> [[CAMEO code, start YYYYMMDD, end YYYYMMDD], ...]."""
    with _data_file("actors", "actors.json.gz").open("rb") as f:
        return json.loads(gzip.decompress(f.read()))


@lru_cache(maxsize=1)
def agents_table() -> dict[str, str]:
    """PETRARCH2-derived agents: role noun phrase -> CAMEO sector ("minister" -> GOV)."""
    with _data_file("actors", "agents.json").open("r", encoding="utf-8") as f:
        return json.load(f)


# Old CAMEO country codes -> current ISO alpha-3 (the same reading as the demonyms above); CAMEO
# region codes name no country.
CAMEO_FIX = {
    "USR": "RUS",
    "TMP": "TLS",
    "YUG": "SRB",
    "FRY": "SRB",
    "KSV": "XKX",
    "DDR": "DEU",
    "CSK": "CZE",
    "ANG": "AGO",
    "SCG": "SRB",
}  # SCG: Serbia and Montenegro 2003-2006, coded by its larger part
CAMEO_REGIONS = {
    "MEA",
    "SAS",
    "WEU",
    "LAM",
    "EAF",
    "SEA",
    "AFR",
    "EUR",
    "ASA",
    "CAS",
    "EEU",
    "SAF",
    "WAF",
    "NAF",
    "SAM",
    "CFR",
    "NMR",
    "INT",
}


def split_cameo(code: str) -> ActorCode:
    """'RUSGOV' -> RUS/GOV; 'IGOUNO' -> UN; 'PSEREBHMS' -> PSE/REB; 'USRGOV' (USSR) -> RUS/GOV."""
    code = code.upper()
    head, rest = code[:3], code[3:]
    if head in CAMEO_REGIONS:
        return ActorCode(None, rest[:3] if rest[:3] in SECTORS else None, "table")
    head = CAMEO_FIX.get(head, head)
    if head == "IGO":
        for sub, igo in sorted(IGO_SUBCODES.items(), key=lambda kv: -len(kv[0])):
            if rest.startswith(sub):
                return ActorCode(igo, None, "table")
        return ActorCode("IGO", None, "table")
    if head in NON_STATE:
        sector = rest[:3] if rest[:3] in SECTORS else None
        return ActorCode(None, sector, "nonstate")
    if head in SECTORS:  # a bare agent code
        return ActorCode(None, head, "table")
    sector = rest[:3] if rest[:3] in SECTORS else None
    return ActorCode(head, sector, "table")


@lru_cache(maxsize=1)
def surname_index() -> dict[str, str]:
    """Last word of a multi-word table name -> that name, when no other name ends in it
    ("mandela" -> "nelson mandela"), so a bare surname finds its table entry."""
    seen: dict[str, Optional[str]] = {}
    tab = actor_table()
    for name in tab:
        parts = name.split()
        if len(parts) >= 2 and len(parts[-1]) >= 4 and parts[-1].isalpha():
            seen[parts[-1]] = name if parts[-1] not in seen else None
    # only names with a role (a sector) or dated offices. A place or a body coded with a bare
    # country ("gezi park" TUR, "dominic republican" DOM, "alto peru" BOL) is no one's surname:
    # "Republican", "Park" and "Peru" must not find it (round 13)
    return {
        k: v
        for k, v in seen.items()
        if v and any(len(r[0]) > 3 or r[1] or r[2] or split_cameo(r[0]).sector for r in tab[v])
    }


@lru_cache(maxsize=1)
def body_surnames() -> frozenset:
    """The keys of ``surname_index`` whose name is a body's, not a person's: no dated office and
    no first name as its first word ("guard" -> "revolutionary guard" IRN, "shell" -> "royal dutch
    shell", "times" -> "the times"). A bare word finds such a body's sector ("the Times": MED,
    "the National Guard": MIL) but not its country: the US National Guard is not Iran's
    Revolutionary Guard (round 19)."""
    tab = actor_table()
    firsts = lexicon.first_names()
    return frozenset(
        k for k, v in surname_index().items() if not any(r[1] or r[2] for r in tab[v]) and v.split()[0] not in firsts
    )


def table_lookup(phrase: str, date: Optional[str] = None, nearest: bool = True) -> Optional[ActorCode]:
    """The table entry for a phrase valid at ``date`` (YYYY-MM-DD), else its open/default entry,
    else (``nearest``) the country of its entry nearest in time."""
    tab = actor_table()
    rows = tab.get(phrase)
    if not rows and "-" in phrase:  # "al-Qaeda" / "al Qaeda" / "alqaeda"
        rows = tab.get(phrase.replace("-", " ")) or tab.get(phrase.replace("-", ""))
    if not rows:
        return None
    d = (date or "").replace("-", "")[:8]
    best = None
    for code, start, end in rows:
        if d and (start or end):
            if (not start or start <= d) and (not end or d <= end):
                return split_cameo(code)
        elif not start and not end:
            best = code
    if best is None and not d:  # no date: the most recent dated entry
        best = max(rows, key=lambda r: (r[1] or "", r[2] or "99999999"))[0]
    if best is None and d and nearest:
        # no entry at that date: the dates bound a person's offices, not their country, so the
        # entry nearest in time still tells the country ("Kim Jong Il" [PRKGOV >20041201] in 2000)
        def gap(r):
            start, end = r[1] or "00000000", r[2] or "99999999"
            return 0 if start <= d <= end else min(abs(int(start[:4]) - int(d[:4])), abs(int(end[:4]) - int(d[:4])))

        best = min(rows, key=gap)[0]
        c = split_cameo(best)
        return ActorCode(c.country, None, c.rule) if c.country else None
    return split_cameo(best) if best else None


NAME_TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "sgt",
    "adm",
    "sheikh",
    "rev",
    "prof",
    "sir",
    "lord",
    "lady",
    "dame",
    "mullah",
    "ayatollah",
    "imam",
    "father",
    "brig",
    "cmdr",
    "pres",
    "sen",
    "rep",
    "gov",
    "prime",
    "foreign",
    "defence",
    "defense",
    "interior",
    "deputy",
    "vice",
}


def _other_first_name(full: str, given: list[str]) -> bool:
    """The table name has given names the phrase does not share ("domagoj ivan milosevic" for
    "Slobodan Milosevic"); titles and demonyms ("russian president yeltsin") are no given names."""
    own = [w.strip(".") for w in full.split()[:-1]]
    given_set = {w.strip(".") for w in given}
    if any(w in given_set for w in own):
        return False
    return any(
        w not in ROLE_NOUNS and w not in NAME_TITLES and _country_or_igo(w) is None and w not in EXTRA_DEMONYMS
        for w in own
    )


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.strip(".")


# Demonyms and old names that newsgraph.countries does not know (lower case).
EXTRA_DEMONYMS = {
    "bosnian": "BIH",
    "bosnians": "BIH",
    "serb": "SRB",
    "serbs": "SRB",
    "croat": "HRV",
    "croats": "HRV",
    "argentine": "ARG",
    "argentinian": "ARG",
    "argentines": "ARG",
    "yugoslav": "SRB",
    "yugoslavia": "SRB",
    "soviet": "RUS",
    "soviets": "RUS",
    "ussr": "RUS",
    "chechen": "RUS",
    "chechens": "RUS",
    "slovenian": "SVN",
    "slovenians": "SVN",
    "uzbek": "UZB",
    "uzbeks": "UZB",
    "tajik": "TJK",
    "tajiks": "TJK",
    "kyrgyz": "KGZ",
    "kampuchea": "KHM",
    "kampuchean": "KHM",
    "zaire": "COD",
    "zairean": "COD",
    "rhodesia": "ZWE",
    "kosovar": "XKX",
    "kosovars": "XKX",
    "kosovo": "XKX",
    "ivorian": "CIV",
    "ivorians": "CIV",
    "east german": "DEU",
    "west german": "DEU",
    "east germany": "DEU",
    "west germany": "DEU",
    # older names and demonyms
    "czechoslovakia": "CZE",
    "czechoslovak": "CZE",
    "czechoslovaks": "CZE",
    "persia": "IRN",
    "persian": "IRN",
    "peking": "CHN",
    "zairian": "COD",
    "zairians": "COD",
    "zionist": "ISR",
    "the hague": "NLD",
    "afrikaner": "ZAF",
    "afrikaners": "ZAF",
    "boer": "ZAF",
    "boers": "ZAF",
    "tibetan": "CHN",
    "tibetans": "CHN",
    "sikh": "IND",
    "sikhs": "IND",
    "basque": "ESP",
    "basques": "ESP",
    "corsican": "FRA",
    "corsicans": "FRA",
    "tamil": "LKA",
    "tamils": "LKA",
    # movements named for one country
    "ira": "GBR",
    "irish republican army": "GBR",
    "anc": "ZAF",
    "african national congress": "ZAF",
    "ltte": "LKA",
    "tamil tigers": "LKA",
    "sandinista": "NIC",
    "sandinistas": "NIC",
    "mujahideen": "AFG",
    "mujahedeen": "AFG",
    "mujahedin": "AFG",
}
# seats of government used for the government ("Downing Street said") -> country, GOV
SEATS = {
    "downing street": "GBR",
    "whitehall": "GBR",
    "elysee": "FRA",
    "elysee palace": "FRA",
    "élysée": "FRA",
    "quai d'orsay": "FRA",
    "foggy bottom": "USA",
    "white house": "USA",
    "kremlin": "RUS",
    "zhongnanhai": "CHN",
    "blue house": "KOR",
    "chancellery": None,
    "vatican": "VAT",
    "holy see": "VAT",
    "pope": "VAT",
}


@lru_cache(maxsize=1)
def homonym_places() -> dict[str, str]:
    """``data/en/actors/homonym_places.tsv``: places whose name holds another country's name
    ("New Jersey", "New Mexico") -> the country they are in."""
    rows = lexicon.table("actors/homonym_places.tsv", columns=("name", "country"), key=("name",))
    return {r["name"]: r["country"] for r in rows}


@lru_cache(maxsize=65536)
def _country_or_igo(g: str) -> Optional[str]:
    return (
        homonym_places().get(g)
        or EXTRA_DEMONYMS.get(g)
        or EXTRA_IGOS.get(g)
        or igo_code(g)
        or (country_code(g) if g != "us" else None)
    )


def code_words(
    words: list[str], date: Optional[str] = None, head_index: Optional[int] = None, in_name: tuple = ()
) -> ActorCode:
    """Code a phrase given as a word list (already cut to the actor's noun phrase). ``in_name``:
    indices of words inside a person's name, which never name a country ("Mark Cuban")."""
    c = _code_words(tuple(words), date, head_index, tuple(in_name))
    return ActorCode(c.country, c.sector, c.rule)


@lru_cache(maxsize=65536)
def _code_words(words: tuple, date: Optional[str], head_index: Optional[int], in_name: tuple = ()) -> ActorCode:
    # "US"/"U.S." in capitals is the country, not the pronoun
    trip = [("united states" if w in ("US", "U.S.", "U.S") else _norm(w), w, k in in_name) for k, w in enumerate(words)]
    trip = [t for t in trip if t[0] and t[0] not in ("the", "a", "an")]
    ws = [t[0] for t in trip]
    orig = [t[1] for t in trip]
    named = [t[2] for t in trip]
    country = sector = None
    rules: list[str] = []
    # 1. the text: country names / demonyms / IGOs, longest first
    i = 0
    while i < len(ws) and country is None:
        if i > 0 and ws[i - 1] == "ethnic":  # "ethnic Albanians" are a group, not Albania
            i += 1
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(ws):
                continue
            if any(named[i : i + n]):
                continue
            if i + n < len(ws) and ws[i + n] in FEATURE_NOUNS and orig[i + n][:1].isupper():
                continue
            g = " ".join(ws[i : i + n])
            if g in SEATS and SEATS[g]:
                country = SEATS[g]
                sector = "GOV"
                rules.append("text:seat-of-government")
                break
            c = _country_or_igo(g)
            if c:
                country = c
                rules.append("text:country")
                break
        i += 1
    if (
        country is None
        and len(ws) >= 2
        and ws[0]
        in ("international", "world", "united", "african", "arab", "asian", "european", "inter-american", "islamic")
        and any(
            w
            in (
                "organization",
                "organisation",
                "agency",
                "council",
                "commission",
                "union",
                "league",
                "office",
                "fund",
                "bank",
                "court",
                "tribunal",
                "committee",
                "conference",
                "forum",
                "programme",
                "program",
            )
            for w in ws[1:]
        )
    ):  # "International Labour Office (ILO)": the name may end in its acronym
        country = "IGO"
        rules.append("text:igo-name")
    # role nouns: the head noun decides, a strong modifier ("opposition leader") overrides
    head = _norm(words[head_index]) if head_index is not None and head_index < len(words) else (ws[-1] if ws else "")
    for w in ws if sector is None else ():
        if w in STRONG_MODIFIERS and w != head:
            sector = STRONG_MODIFIERS[w]
            break
    if sector is None and country is not None and len(ws) <= 2 and ws and ws[-1] in SEATS:
        sector = "GOV"  # "the Kremlin", "the Vatican"
    if sector is None:
        sector = ROLE_NOUNS.get(head)
        if sector is None and words and words[-1][:1].isupper():
            # a name after its title ("President Selim Aydin"): the rightmost role noun
            for w in reversed(ws[:-1]):
                if w in ROLE_NOUNS and w not in ("people", "office", "agency", "force", "general"):
                    sector = ROLE_NOUNS[w]
                    break
        if sector is None:
            ag = agents_table()
            for n in (3, 2):
                if len(ws) >= n and " ".join(ws[-n:]) in ag:
                    sector = ag[" ".join(ws[-n:])]
                    break
            if sector is None:
                sector = ag.get(head)
            if sector not in SECTORS:
                sector = None
    if sector and "text:seat-of-government" not in rules:
        rules.append("text:role")
    # 2. the built-in table, for what the text left open
    if country is None or sector is None:
        for n in (4, 3, 2, 1):
            hit = None
            for i in range(0, len(ws) - n + 1):
                g = " ".join(ws[i : i + n])
                if n == 1 and named[i]:
                    # one word of a person's name is no actor entry ("Mark Cuban"), unless it is the
                    # surname of a table name whose first name the text also gives ("Atal Behari Vajpayee")
                    full = surname_index().get(g) if i == len(ws) - 1 else None
                    if full and i > 0 and not _other_first_name(full, ws[:i]):
                        t = table_lookup(full, date, nearest=False)
                        if t and (t.country or t.sector):
                            hit = t
                            break
                    continue
                if n == 1 and (
                    len(g) < 3
                    or i != len(ws) - 1
                    and g != head
                    and not ((orig[i][:1].isupper() or ARABIC_ARTICLE.match(orig[i])) and orig[i + 1][:1].islower())
                ):
                    continue  # "Hassan" inside "Omar Hassan al-Bashir" is no actor; "Hezbollah guerrillas" is
                t = table_lookup(g, date)
                if (
                    t is None
                    and n == 1
                    and i == len(ws) - 1
                    and orig[i][:1].isupper()
                    and g in surname_index()
                    and g not in ROLE_NOUNS
                    and _country_or_igo(g) is None
                    and not (
                        i > 0
                        and orig[i - 1][:1].isupper()
                        and ws[i - 1] not in ROLE_NOUNS
                        and ws[i - 1] not in NAME_TITLES
                        and _other_first_name(surname_index()[g], ws[:i])
                    )
                ):
                    # "Mr. Mandela" -> "nelson mandela"; "Slobodan Milosevic" is not "Domagoj Ivan Milosevic"
                    t = table_lookup(surname_index()[g], date, nearest=False)
                    if t is not None and g in body_surnames():
                        t = ActorCode(None, t.sector, t.rule)  # "the National Guard": a sector, no country
                if t and (t.country or t.sector or t.rule == "nonstate"):
                    hit = t
                    break
            if hit:
                if country is None and hit.country:
                    country = hit.country
                    rules.append("table:country")
                if sector is None and hit.sector:
                    sector = hit.sector
                    rules.append("table:sector")
                if hit.rule == "nonstate" and country is None:
                    rules.append("table:nonstate")
                break
    return ActorCode(country, sector, "+".join(rules))


def code_phrase(text: str, date: Optional[str] = None) -> ActorCode:
    """Code a free-text actor phrase ("the Kremlin", "Syrian rebels")."""
    words = re.findall(r"[\w'’.-]+", text)
    words = [w.rstrip(".") if not re.fullmatch(r"(?:[A-Z]\.)+", w) else w for w in words]
    return code_words(words, date)
