"""The project's own gold sets (``gold/`` in the repository): article ids, texts and checks.

Gold annotations never hold article text: they name an article by id and point into its text
by character offsets. The texts come from ``../shared/data``:

- ``gwn:<file>``: an article of GeoWebNews (``geowebnews/GWN.xml``, by its ``file`` attribute);
- ``polnear:<split>/<name>``: a PolNeAR article (``polnear/<split>/text/<name>.txt``).
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..record import PLOVER_TYPES

EVENT_TYPES = tuple(PLOVER_TYPES)  # record.PLOVER_TYPES, the one list
MODES = {
    "CONSULT": ("phone", "visit", "third-party"),
    "COERCE": ("arrest", "deport", "ban", "curfew", "martial-law", "restrict", "seize"),
    "ASSAULT": (
        "heavy-weapons",
        "firearms",
        "explosives",
        "suicide-attack",
        "assassinate",
        "abduct",
        "torture",
        "beat",
    ),
    "PROTEST": ("demo", "riot", "boycott", "hunger", "obstruct"),
    "MOBILIZE": ("troops", "police"),
    "RETREAT": ("release", "ceasefire", "withdraw", "access", "ease"),
    "SANCTION": ("withdraw", "discontinue", "expel"),
    "ACCUSE": ("disapprove", "allege", "investigate"),
    "REQUEST": ("assist", "change", "yield", "meet"),
}
EVENT_SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "PTY",
        "OPP",
        "REB",
        "DIP",
        "SPY",
        "BUS",
        "MED",
        "CVL",
        "EDU",
        "REL",
        "NGO",
        "IGO",
        "LAB",
        "CRM",
        "UAF",
        "REF",
        "HLH",
        "ELI",
    }
)
IGO_CODES = frozenset(
    {
        "UN",
        "EU",
        "NATO",
        "AU",
        "ARL",
        "OSCE",
        "ASEAN",
        "OPEC",
        "IMF",
        "WB",
        "WHO",
        "IAEA",
        "IRC",
        "ICC",
        "ECOWAS",
        "G7",
        "G20",
        "IGO",
    }
)


def shared_data() -> Path:
    """``../shared/data`` beside the repository."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


def gold_dir() -> Path:
    """``gold/`` at the top of the repository."""
    return Path(__file__).resolve().parents[3] / "gold"


@lru_cache(maxsize=2)
def _gwn_texts(path: str) -> dict[str, str]:
    import xml.etree.ElementTree as ET

    root = ET.parse(path).getroot()
    return {a.get("file", str(i)): a.findtext("text") or "" for i, a in enumerate(root.iter("article"))}


def load_article_text(article_id: str, data: Optional[Path] = None) -> str:
    data = data or shared_data()
    kind, _, rest = article_id.partition(":")
    if kind == "gwn":
        texts = _gwn_texts(str(data / "geowebnews" / "GWN.xml"))
        if rest not in texts:
            raise KeyError(f"no GeoWebNews article with file={rest!r}")
        return texts[rest]
    if kind == "polnear":
        split, _, name = rest.partition("/")
        return (data / "polnear" / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
    raise ValueError(f"unknown article id {article_id!r} (gwn:FILE or polnear:SPLIT/NAME)")


_END = re.compile(r"""[.!?]["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])|\n+""")


def sentences(text: str) -> list[tuple[int, int]]:
    """Plain sentence spans for numbering (end punctuation then a capital, or a line break)."""
    out, start = [], 0
    for m in _END.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        if text[start:end].strip():
            s = start + (len(text[start:end]) - len(text[start:end].lstrip()))
            out.append((s, end))
        start = m.end()
    if text[start:].strip():
        s = start + (len(text[start:]) - len(text[start:].lstrip()))
        out.append((s, len(text.rstrip())))
    return out


def read_article_list(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@lru_cache(maxsize=1)
def _alpha3() -> frozenset:
    from ..countries import all_country_info  # the country table newsgraph already ships

    return frozenset(all_country_info())


def valid_country(code: str) -> bool:
    return code in IGO_CODES or code in _alpha3()
