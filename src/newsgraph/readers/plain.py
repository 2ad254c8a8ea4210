"""What a plain-text file says about itself besides its text: the headline on its first line
and the publication date in its name (docs/store.md, "Plain text files").

Both only read; the text is never changed, so every offset stays an offset into the file's
whole text (the headline included).

**Headline.** The first non-blank line is the article's title when it is followed by a line
break and more text, is short (at most ``HEADLINE_MAX_WORDS`` words and ``HEADLINE_MAX_CHARS``
characters), is no byline ("By ...") or dateline ("WASHINGTON (AP) --"), is not a hard-wrapped
sentence (the next line does not go on in lower case), and one of these holds:

- it does not end a sentence (no ``.``, ``!``, ``?`` or ``…`` at its end, closing quote marks
  aside, no ``:``, ``,`` or opening bracket leading on) and none ends inside it: "Ted Cruz
  endorses Trump";
- it is in Title Case ("Clinton Plan for Taxes Is Expansive but Complex."): at least
  ``TITLE_CASE_MIN`` words of four letters or more, ``TITLE_CASE_SHARE`` of them capitalised;
  a lead sentence capitalises its names only;
- the file is named after it, as saved web pages are (``..._ah-friends-once-more-ted-cruz-en``
  for "Ah, friends once more: Ted Cruz endorses Trump, who says he is honored."): at least
  ``SLUG_MIN_WORDS`` words of the name (or the whole line, of two words or more) open the
  line, the last one possibly cut short, numbers left out on both sides. This sign alone
  overrides the byline and dateline checks.

A one-sentence lead paragraph ("QVC Network Inc. said it completed its acquisition of CVN
Cos. for about $423 million.") is none of these, so it stays text.

**Outlet.** A file name that opens with a word and then its date (``wash-post_2016-09-26_...``)
names the outlet (the article's ``source``) when none is given (``--source``).

**Date.** A date written in the file name (``wash-post_2016-09-26_...``, ``2016_09_26``,
``20160926``), with a year from ``NAME_YEARS``, is the publication date when none is given;
two different dates in one name are ambiguous and give none.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

from ..dateline import dateline_at

HEADLINE_MAX_WORDS = 30
HEADLINE_MAX_CHARS = 250
TITLE_CASE_MIN = 3  # words of four letters or more
TITLE_CASE_SHARE = 0.8
SLUG_MIN_WORDS = 3
NAME_YEARS = (1900, 2099)

_CLOSERS = "\"'\u2019\u201d\u00bb)]"
_SENTENCE_END = ".!?\u2026:,"
_BYLINE = re.compile(r"^(by|posted|updated|published)\b", re.I)
# a sentence ends inside the line ("... Ambulance Service. Drivers are needed"): a paragraph
_INNER_END = re.compile(r"[a-z]{2}[.!?][\"'\u2019\u201d]?\s+[A-Z]")
_WORD = re.compile(r"[^\W_]+")


def _opens_with_dateline(line: str) -> bool:
    """ "WASHINGTON (AP) --", "LONDON (Reuters) -", "KYIV, Ukraine --": a dateline opens a lead,
    not a headline (a colon is left out: "BREAKING: ..." is a headline)."""
    d = dateline_at(line)
    return d is not None and d.dash != ":"


def headline_span(text: str, name: Optional[str] = None) -> Optional[tuple[int, int]]:
    """``(start, end)`` of the headline line that opens ``text`` (offsets into ``text``, the
    line without its surrounding spaces), or None when the first line is not a headline.
    ``name`` is the file name (its slug is one of the signs)."""
    a = len(text) - len(text.lstrip())
    nl = text.find("\n", a)
    if nl < 0 or not text[nl:].strip():
        return None
    line = text[a:nl].rstrip()
    words = line.split()
    if not words or len(words) > HEADLINE_MAX_WORDS or len(line) > HEADLINE_MAX_CHARS:
        return None
    if name and _slug_opens(name, line):
        return a, a + len(line)
    if _BYLINE.match(line) or _opens_with_dateline(line) or line[-1] in "([{":
        return None
    nxt = text[nl + 1 :].lstrip(" \t")
    if nxt[:1].islower():  # a sentence wrapped onto the next line
        return None
    if _title_case(words) or not (_ends_sentence(line) or _INNER_END.search(line)):
        return a, a + len(line)
    return None


def headline(text: str, name: Optional[str] = None) -> Optional[str]:
    """The headline line that opens ``text`` (``headline_span``), as a string, or None."""
    span = headline_span(text, name)
    return text[span[0] : span[1]] if span else None


def _ends_sentence(line: str) -> bool:
    s = line.rstrip(_CLOSERS + " ")
    return bool(s) and s[-1] in _SENTENCE_END


def _title_case(words: list[str]) -> bool:
    long = [w for w in (_WORD.findall(w) for w in words) if w and len(w[0]) >= 4 and w[0].isalpha()]
    if len(long) < TITLE_CASE_MIN:
        return False
    caps = sum(1 for w in long if w[0][0].isupper())
    return caps >= TITLE_CASE_SHARE * len(long)


def _slug_opens(name: str, line: str) -> bool:
    """Whether the words of the file name (without its suffix) include a run that opens
    ``line``: at least ``SLUG_MIN_WORDS`` words, the last of the name possibly cut short."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name.rsplit("/", 1)[-1])
    # numbers left out on both sides: names drop them ("trump-tells-in-reno" for "Trump tells
    # 3,000 in Reno") and carry dates
    slug = [w for w in _WORD.findall(stem.lower()) if not w.isdigit()]
    words = [w for w in _WORD.findall(line.lower()) if not w.isdigit()]
    need = min(SLUG_MIN_WORDS, len(words))
    if need < 2 or len(slug) < need:
        return False
    for i in range(len(slug)):
        k = 0
        while i + k < len(slug) and k < len(words) and slug[i + k] == words[k]:
            k += 1
        if i + k == len(slug) - 1 and k < len(words) and words[k].startswith(slug[-1]):
            k += 1  # the name cut in the middle of a word ("-en" for "endorses")
        if k >= need:
            return True
    return False


_NAME_DATE = re.compile(r"(?<!\d)(\d{4})([-_.]?)(\d{2})\2(\d{2})(?!\d)")


def date_from_name(name: str) -> Optional[str]:
    """``YYYY-MM-DD`` written in a file name (``wash-post_2016-09-26_x.txt``, ``20160926.txt``),
    or None (no date, a year outside ``NAME_YEARS``, or two different dates)."""
    stem = name.rsplit("/", 1)[-1]
    found = set()
    for m in _NAME_DATE.finditer(stem):
        y, mo, d = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if not NAME_YEARS[0] <= y <= NAME_YEARS[1]:
            continue
        try:
            found.add(_dt.date(y, mo, d).isoformat())
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None


# the words before a date that opens the rest of a file name: "wash-post_2016-09-26_..."
_NAME_OUTLET = re.compile(r"([A-Za-z][A-Za-z0-9&.\-]{0,39})[_ ](?=\d{4}[-_.]?\d{2}[-_.]?\d{2}(?!\d))")


def source_from_name(name: str) -> Optional[str]:
    """The outlet a file name opens with, before its date (``wash-post_2016-09-26_x.txt`` ->
    ``wash-post``, ``Reuters 20240305 talks.txt`` -> ``Reuters``), as scrapers and corpora name
    saved pages; None when the name does not open so or its date is no date
    (``date_from_name``)."""
    stem = name.rsplit("/", 1)[-1]
    m = _NAME_OUTLET.match(stem)
    if m is None or date_from_name(stem) is None:
        return None
    return m.group(1)


def sourced_from_name(name: str, repairs: list[str]) -> Optional[str]:
    """``source_from_name``, said in ``repairs`` when found."""
    outlet = source_from_name(name)
    if outlet:
        repairs.append(f"source: {outlet}, read from the file name (no outlet given)")
    return outlet


def dated_from_name(published: Optional[str], name: str, repairs: list[str]) -> Optional[str]:
    """``published`` when given (a date given explicitly wins), else the date in the file name
    (``date_from_name``), said in ``repairs``."""
    if published:
        return published
    day = date_from_name(name)
    if day:
        repairs.append(f"published: {day}, read from the file name (no date given)")
    return day
