"""The PLOVER ontology as newsgraph uses it: the 16 types, their modes, quad classes, CAMEO roots.

Types follow CAMEO2PLOVER-2021 / POLECAT; ``cameo_root`` and ``plover_from_cameo`` read that
mapping in both directions.
"""

from __future__ import annotations

from typing import Optional

from ...record import PLOVER_TYPES as PLOVER_TYPES  # the one list, re-exported here

# Modes newsgraph emits per type: PLOVER's (docs/events.md) and the few CAMEO-derived ones the
# coder also gives (RETREAT return/disarm, THREATEN by threatened act, ASSAULT sexual/massacre ...).
MODES: dict[str, frozenset[str]] = {
    "CONSULT": frozenset({"phone", "visit", "third-party"}),
    "COERCE": frozenset({"arrest", "deport", "ban", "curfew", "martial-law", "restrict", "seize"}),
    "ASSAULT": frozenset(
        {
            "heavy-weapons",
            "firearms",
            "explosives",
            "suicide-attack",
            "assassinate",
            "abduct",
            "torture",
            "beat",
            "sexual",
            "massacre",
            "cleansing",
            "unconventional",
        }
    ),
    "PROTEST": frozenset({"demo", "riot", "boycott", "hunger", "obstruct"}),
    "MOBILIZE": frozenset({"troops", "police"}),
    "RETREAT": frozenset({"release", "ceasefire", "withdraw", "access", "ease", "return", "disarm"}),
    "SANCTION": frozenset({"withdraw", "discontinue", "expel"}),
    "ACCUSE": frozenset({"disapprove", "allege", "investigate"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"violence", "restrict", "ban", "territory", "expel", "relations"}),
}
QUAD = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "SANCTION": "verbal conflict",
    "PROTEST": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}
COOPERATIVE = {"CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
MATERIAL_CONFLICT = {"PROTEST", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE"}
SYMMETRIC_TYPES = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "RETREAT"}
# acts that, with no target named, are aimed at the actor's own country (CAMEO's domestic coding)
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE", "RETREAT", "REJECT", "ASSAULT", "SANCTION"}
# types whose recipient is a party spoken to or of, never a place: a country the clause names
# only as where something is ("a disaster in Libya", "the Iraq war") is not their recipient (round 12;
# not SUPPORT: "reopened its embassy in Tripoli" supports Libya)
STATEMENT_TYPES = {"ACCUSE", "REJECT", "AGREE", "CONCEDE", "THREATEN", "REQUEST"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "DIP", "SPY"}
CIVIL_SECTORS = {"OPP", "CVL", "EDU", "LAB", "AGR", "REL", "REF"}

# CAMEO root code for each PLOVER type (CAMEO2PLOVER-2021.txt read backwards); ASSAULT and
# ACCUSE depend on the mode.
CAMEO_ROOT = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}
ASSAULT_ROOT_BY_MODE = {
    "firearms": "19",
    "heavy-weapons": "19",
    "massacre": "20",
    "cleansing": "20",
    "unconventional": "20",
}


def check_type_mode(type_: str, mode: Optional[str]) -> Optional[str]:
    """An error message when ``type_`` is no PLOVER type or ``mode`` no mode of it, else None."""
    if type_ not in QUAD:
        return f"unknown PLOVER type {type_!r}"
    if mode and mode not in MODES.get(type_, ()):
        return f"mode {mode!r} is not a mode of {type_} ({', '.join(sorted(MODES.get(type_, ()))) or 'none'})"
    return None


def cameo_root(type_: str, mode: Optional[str]) -> Optional[str]:
    if type_ == "ASSAULT":
        return ASSAULT_ROOT_BY_MODE.get(mode or "", "18")
    if type_ == "ACCUSE" and mode == "investigate":
        return "09"
    return CAMEO_ROOT.get(type_)


def plover_from_cameo(code: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """PLOVER (type, mode) for a CAMEO code, following CAMEO2PLOVER-2021 (01 statements are
    dropped; 02 appeals are requests, as in the current PLOVER)."""
    if not code or not code[:2].isdigit():
        return None
    r, c3 = code[:2], code[:3]
    if r == "01":
        return None
    if r == "02" or r == "10":
        mode = {
            "101": "assist",
            "102": "assist",
            "103": "assist",
            "021": "assist",
            "022": "assist",
            "023": "assist",
            "104": "change",
            "024": "change",
            "105": "yield",
            "025": "yield",
            "106": "meet",
            "107": "meet",
            "108": "meet",
            "026": "meet",
            "027": "meet",
            "028": "meet",
        }.get(c3)
        return "REQUEST", mode
    if r == "03":
        return "AGREE", None
    if r == "04":
        return "CONSULT", {"041": "phone", "042": "visit", "043": "visit", "044": "third-party"}.get(c3)
    if r == "05":
        return "SUPPORT", None
    if r == "06":
        return "COOPERATE", None
    if r == "07":
        return "AID", None
    if r == "08":
        if c3 in ("081", "082", "083", "080"):
            return "CONCEDE", None
        return "RETREAT", {
            "0841": "release",
            "0842": "return",
            "085": "ease",
            "086": "access",
            "0871": "ceasefire",
            "0872": "withdraw",
            "0873": "disarm",
            "0874": "disarm",
        }.get(code, {"084": "release", "086": "access"}.get(c3))
    if r == "09":
        return "ACCUSE", "investigate"
    if r == "11":
        return "ACCUSE", "allege" if c3 in ("114", "115") or len(code) == 4 and c3 == "112" else "disapprove"
    if r == "12":
        return "REJECT", None
    if r == "13":
        return "THREATEN", None
    if r == "14":
        return "PROTEST", {"141": "demo", "142": "hunger", "143": "boycott", "144": "obstruct", "145": "riot"}.get(c3)
    if r == "15":
        return "MOBILIZE", {"151": "police", "153": "police", "152": "troops", "154": "troops"}.get(c3)
    if r == "16":
        return "SANCTION", {"161": "withdraw", "162": "discontinue", "164": "withdraw", "166": "expel"}.get(c3)
    if r == "17":
        if code == "1712":
            return "COERCE", "seize"
        return "COERCE", {
            "171": "seize",
            "172": "restrict",
            "173": "arrest",
            "174": "deport",
            "1722": "ban",
            "1723": "curfew",
            "1724": "martial-law",
        }.get(code, {"171": "seize", "172": "restrict", "173": "arrest", "174": "deport"}.get(c3))
    if r == "18":
        return "ASSAULT", {
            "181": "abduct",
            "182": "beat",
            "1821": "sexual",
            "1822": "torture",
            "183": "suicide-attack",
            "1832": "explosives",
            "1833": "explosives",
            "185": "assassinate",
            "186": "assassinate",
        }.get(
            code,
            {"181": "abduct", "182": "beat", "183": "explosives", "185": "assassinate", "186": "assassinate"}.get(c3),
        )
    if r == "19":
        if c3 in ("191", "192"):
            return "COERCE", "restrict" if c3 == "191" else "seize"
        return "ASSAULT", {"193": "firearms", "194": "heavy-weapons", "195": "heavy-weapons"}.get(c3)
    if r == "20":
        return "ASSAULT", {"202": "massacre", "203": "cleansing", "204": "unconventional"}.get(c3, "massacre")
    return None
