"""Datelines: the place (and date, and agency) that opens a wire or newspaper report.

"BEIRUT (AP) -", "CAMP MURRAY, Wash. -", "ANKARA, May 13 (Reuters) -", "KYIV, Ukraine --",
"TORONTO —", "NEW DELHI:". A dateline stands at the start of the text or of a line: an upper-case
place, an optional qualifier after a comma (a state or country, in any case), an optional date
after a comma, an optional agency in brackets, then a dash or a colon.

One reader serves every component that must know one:
- the plain-text reader: a first line that is a dateline is no headline;
- the places component: the dateline's place weighs three mentions in the article's frame;
- the times component: the dateline's date dates the report, not a clause in it;
- the entities component: a dateline the model swept into a name ("ROME - Bernie Sanders").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_MONTH_DAY = r"[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?"
_PATTERN = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'\u2019 -]{0,40}[A-Z])"
    rf"(?:,[ \t]*(?!{_WEEKDAY}\b|{_MONTH_DAY}\b)(?P<qualifier>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,3}}))?"
    rf"(?:,[ \t]*(?P<date>(?:{_WEEKDAY},? )?{_MONTH_DAY}|{_WEEKDAY}))?"
    r"[ \t]*(?:\((?P<agency>[^)\n]{1,40})\)[ \t]*)?"
    # a hyphen or colon needs a space after it ("ANTI-TRUMP PROTESTS" is no dateline); other
    # dashes may touch the next word ("KHARKIV, Ukraine\u2014Russian forces"), and so may a colon
    # right after the agency ("SOUTH WAZIRISTAN, April 5 (APP):Chief of Army Staff")
    r"(?P<dash>--|\u2013|\u2014|-(?=\s)|:(?=\s)|(?<=\)):(?=[A-Z])|\ufffd(?=\s))"
)
MIN_PLACE_CHARS = 3  # "UN -" or "AP -" open no dateline


@dataclass(frozen=True)
class Dateline:
    """Character offsets (into the text searched) of a dateline and its parts."""

    start: int  # the place's first character
    end: int  # just after the dash or colon
    place: tuple[int, int]
    qualifier: Optional[tuple[int, int]]  # "Wash." in "CAMP MURRAY, Wash. -"
    date: Optional[tuple[int, int]]  # "May 13" in "ANKARA, May 13 (Reuters) -"
    agency: Optional[tuple[int, int]]  # "AP" in "BEIRUT (AP) -"
    dash: str  # "-", "--", "\u2013", "\u2014" or ":"


def _group(m: re.Match, name: str, at: int) -> Optional[tuple[int, int]]:
    return (at + m.start(name), at + m.end(name)) if m.group(name) is not None else None


def dateline_at(text: str, at: int = 0) -> Optional[Dateline]:
    """The dateline that opens ``text`` at ``at`` (a line start; spaces before it are allowed),
    or None."""
    m = _PATTERN.match(text[at : at + 160])
    if m is None or len(m.group("place")) < MIN_PLACE_CHARS:
        return None
    place = _group(m, "place", at)
    assert place is not None
    return Dateline(
        start=place[0],
        end=at + m.end(),
        place=place,
        qualifier=_group(m, "qualifier", at),
        date=_group(m, "date", at),
        agency=_group(m, "agency", at),
        dash=m.group("dash"),
    )


def datelines(text: str) -> list[Dateline]:
    """Every dateline at the start of ``text`` or of one of its lines (read once per text: the
    entities, places and quotes components all ask)."""
    return list(_datelines(text))


@lru_cache(maxsize=8)
def _datelines(text: str) -> tuple[Dateline, ...]:
    out = []
    for at in [0] + [m.end() for m in re.finditer(r"\n", text)]:
        if at < len(text) and "A" <= text[at : at + 3].lstrip()[:1] <= "Z":
            d = dateline_at(text, at)
            if d is not None:
                out.append(d)
    return tuple(out)


def line_start(text: str, pos: int) -> int:
    """Offset of the start of the line holding ``pos``."""
    return text.rfind("\n", 0, pos) + 1
