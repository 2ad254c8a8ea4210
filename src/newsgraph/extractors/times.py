"""When: time expressions found in the text and resolved to TIMEX3-style values.

    >>> doc = nlp.make_doc("Kowal told reporters late Tuesday that talks will resume on Friday.")
    >>> doc._.published = "2024-03-06"          # a Wednesday
    >>> [(t.text, t.value) for t in nlp(doc)._.times]
    [('late Tuesday', '2024-03-05'), ('Friday', '2024-03-08')]

Detection is a small set of regular expressions over the article text (compiled once, one
linear pass each); candidates that overlap keep the longest. Resolution follows news usage,
against ``doc._.published`` (an ISO date or None):

- a bare weekday is the most recent one on or before the publication date, unless the verb
  that governs it is future ("will meet on Monday" -> the coming Monday);
- "late Sunday", "earlier Sunday", "Sunday night" are that Sunday; "last night" is the day
  before; "yesterday", "today", "tomorrow", "two days ago";
- "last week" -> ISO week (2024-W09), "last month" -> 2024-02, "this year" -> 2024,
  "in March" -> the most recent March (the next one when the verb is future);
- "a day after Monday's vote", "a year earlier" shift the date they are anchored on;
- durations ("three days" -> P3D), "now" -> PRESENT_REF, "recently" -> PAST_REF.

Without a publication date, expressions that need one get ``value=None``; absolute dates
("March 5, 2024") still resolve. Nothing is ever resolved against today's real date.

``date_for_span(doc, start_char, end_char)`` gives the date that governs a clause (quotes and
events take their ``date`` from it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Optional, TypeGuard, cast

from spacy.language import Language
from spacy.tokens import Doc

from ..dateline import dateline_at, datelines, line_start
from ..lexicon import table, words
from ..record import TimeExpr
from .doc_cache import children, doc_attr, doc_span, doc_text, doc_tokens, gc_paused, sent_of, subtree_ids, text_of
from .entities import entity_for_span  # the subject of a dated verb (the entities component runs first)

# ----------------------------------------------------------------------------- vocabulary

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SMALL = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "half a": 0.5,
    "a half": 0.5,
    "single": 1,
}
VAGUE = {"several", "a few", "few", "many", "some", "a number of", "numerous", "the few"}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI", "overnight": "NI"}
UNIT_CODE = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}

# ----------------------------------------------------------------------------- regex pieces

B = r"(?<![\w'])"  # word start
E = r"(?![\w])"  # word end
MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
MON = rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR}\.)"  # in running text
MON_D = rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR}\.?)"  # before a day number
WDAY = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
WDAY2 = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMWORD = (
    rf"(?:{TENS}(?:[- ]{ONES})?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    rf"eighteen|nineteen|ten|{ONES}|a\s+couple\s+of|couple\s+of|a\s+few|a\s+hundred|a\s+number\s+of|"
    rf"half\s+an?|an?|several|few|many|numerous|some|\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d+(?:\.\d+)?)"
)
NUM = rf"(?P<num>{NUMWORD}(?:\s+(?:and\s+a\s+half|or\s+(?:so|more|two|three)))?)"
UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|(?:quarter|half)[- ]centur(?:y|ie)|quarter|year|decade|centur(?:y|ie))s?"
APPROX = (
    r"(?:(?P<approx>about|around|nearly|almost|roughly|approximately|some|(?:no\s+)?more\s+than|"
    r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|under|up\s+to|just|only|barely|close\s+to|"
    r"the\s+better\s+part\s+of|each\s+of)\s+)?"
)
EARLY = r"(?:(?P<mod>early|earlier|late|later|mid|middle)(?:-|\s+))?"
PART = r"(?P<part>morning|afternoon|evening|night)"
TZ = r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time|Eastern\s+time))?"

RelFlags = re.IGNORECASE

# Round 15 rules, each switched off by putting its name here (tests show what each changes):
# "show-title" (a capitalised "Midday with Charlie Sykes" is a programme, not noon),
# "year-in-name" ("the Cleveland 2016 Host Committee": a year inside a name dates no clause),
# "time-relcl" ("Monday when he spoke": a clause hanging on a time expression happens then),
# "when-clause" ("a controversy in June when Trump assailed a judge": that clause's tense),
# "units-of" ("after months of talks": a bare plural unit before "of" is a duration, PXM),
# "for-target" ("called elections for October 2014": the date of what was called, not of the
# calling), "content-xcomp" ("is hoping to win Michigan on Tuesday": the statement is not made
# on Tuesday), "infer-main-clause" and "infer-own-time" (no date borrowed from the paragraph or
# the speaker for a statement in a subordinate clause, or one whose clause has a time of its own).
# Round 16: "statement-paragraph" (a statement's own clause takes no time from another paragraph,
# where the parser runs a sentence on across a line break, but for a heading or a live blog's
# time line above it), "statement-ahead" (a statement whose cue is not future is not dated after
# publication: "the panel concluded, the tax must rise in 2018", "a decision is expected in
# mid-May"; nor one whose cue is future before it), "noun-pp-tense" ("will say in a speech on
# Monday": the day of a thing in a verb's prepositional phrase takes the tense of that verb),
# "since-start" ("developments since their Oct. 13 debate, including Biden's decision": a time
# after "since" begins a stretch and dates no clause).
# Round 17: "fiscal-current" (a quarter named with the calendar quarter of publication whose
# figures are told in the past is a fiscal quarter that has ended: "the latest period" is it),
# "last-year-figure" ("compared with a loss of $3 million last year" after a named quarter: the
# year-earlier quarter, as "a year ago" there), "this-quarter-results" ("This quarter's loss
# includes ..." early in a quarter: the quarter just reported).
# Round 18: "part-of-date" ("the morning of Feb. 28": one time, that day's morning),
# "last-quarters" ("the last two quarters" with no year: the stretch just ended, not the second
# half of this year), "decade-shift" ("in the 1980s ... the following decade": the 1990s),
# "later-cue" ("Clark later said ...": no date borrowed for it, and none carried over it to the
# speaker's next statements), "speaker-old" (a date of the same speaker more than 45 days old
# carries on only to a direct quotation), "infer-future" ("will ever tell voters": no earlier
# date borrowed for a statement still to come), "content-own" (a time inside what a statement
# says does not date it).
# Round 19 (mechanisms read on 30 whole PolNeAR train articles): "fraction-quarters" ("down
# three-quarters from its peak": a share, not three quarters of a year), "decade-apostrophe"
# ("the 1970's", "the 1970’s": the decade, though spaCy splits off the "'s"), "this-weekend" ("a
# win this weekend would help", Tuesday to Friday: this week's weekend unless the verb is past),
# "come-time" ("the voters she will need come November": ahead), "narrative-far" (a month told in
# the past keeps the year of a dated clause up to 600 characters back, not 300),
# "infinitive-participle" ("were detained attempting to enter Texas on Monday": the infinitive of
# an implicative participle on a past verb happened then).
# Round 20 (read on 30 fresh whole PolNeAR train articles): "fronted-time20" ("And on Friday, she
# and the club she co-founded will hold ...": a time that opens the sentence takes the main verb's
# tense), "range-to20" ("Feb. 20 to March 20" without "from": one stretch), "ref-extent20" ("five
# of the past six elections", "Johnny-come-lately": no time), "next-week-possessive20" ("the next
# week's primaries": the coming week), "quote-apostrophes20" (''...'' and ``...'' are quotation
# marks), "dateline-date20" ("LISBON, March 7 (Wire) -" a day off the publication date: the
# writer's day); statement dates: "after-participle20" ("said after meeting Tuesday"),
# "subject-release20" ("a poll released on Monday showed"), "purpose-infinitive20" ("went on the
# radio Monday to criticise"), "subject-relcl20" ("said Brandt, who ran the 2012 campaign": not
# 2012), "perfect-cue20" ("has said" borrows no day), "relcl-carry20" ("the hall where he saw the
# gunman on Friday. He said ...": Friday stays in its clause).
# Round 21 (read on 30 other fresh whole PolNeAR train articles): "soon-past21" ("Soon afterward,
# she strode out": no FUTURE_REF), "fraction-range21" ("one-quarter to one-third of the members":
# a share), "anchor-chain21" ("from $1.10 the day before", said twice: the same day), "from-day21"
# ("a week from Friday": that day shifted), "starting-time21" ("Starting Monday, the bridge will
# be closed": the clause's tense), "modal-ahead21" ("would beat him in a hypothetical November
# runoff": ahead), "named-quoted21" ('an interview with "Fox News Sunday"': a title); statement
# dates: "described-time21" ("said Brill, a spokeswoman for the 2008 campaign"; "praised the
# 1994 farm bill": an old date that describes the speaker or names the object is not the saying's);
# then "sunday-week21" ("this week's convention" in a Sunday paper: the week ahead),
# "title-future21" ('a clip from "Back to the Future"': a title), "part-year21" ("the second half
# of the year" after "the first half of 2015": that half's year).
RULES_OFF: set[str] = set()


@dataclass
class _Cand:
    start: int
    end: int
    rule: str
    m: re.Match
    prio: int = 0


@dataclass
class _Ctx:
    doc: Doc
    dct: Optional[dt.date]
    prev: list = field(default_factory=list)  # resolved TimeExpr before this one
    text: str = ""  # doc.text, computed once (spaCy rebuilds it per access)
    _tense: object = False
    start: int = 0
    end: int = 0
    anchor_expr: Optional[TimeExpr] = None  # the earlier expression the value was resolved against
    range: Optional[list] = None  # [first, last] of a stated range ("12 to 18 months")
    approx: bool = False  # the value only approximates what the text says
    reported: bool = False  # resolved against the day a speaker said it

    def tense(self) -> Optional[str]:
        if self._tense is False:
            self._tense = _tense(self.doc, self.start, self.end)
            if self._tense is None:
                # in reported speech "would" is the future of the day it was said; when that day
                # is not given ("Kowal, who spoke on Monday, said talks would resume Thursday"),
                # of a day shortly before publication, so ahead of it
                v = _gov_verb(self.doc, self.start, self.end) if self.doc.has_annotation("DEP") else None
                if (
                    v is not None
                    and any(
                        c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "'d", "\u2019d") for c in children(v)
                    )
                    and (self.reported or _said_in_the_past(v))
                ):
                    self._tense = "future"
        return cast(Optional[str], self._tense)

    def future(self) -> bool:
        return self.tense() == "future"


def _said_in_the_past(v) -> bool:
    """The verb is what a past verb of saying reports: "said (that) talks would resume"."""
    h = v.head
    return (
        v.dep_ in ("ccomp", "parataxis")
        and h != v
        and h.lemma_.lower() in SPEECH_LEMMAS
        and (h.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in children(h)))
    )


# ----------------------------------------------------------------------------- calendar helpers


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return dt.date(y, m, 1)


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _num(text: Optional[str]) -> Optional[float]:
    """'three' -> 3, 'twenty-four' -> 24, '18' -> 18, 'several' -> None (vague)."""
    if text is None:
        return None
    t = re.sub(r"\s+", " ", text.lower().strip())
    t = re.sub(r" or (so|more|two|three)$", "", t)
    half = 0.0
    if t.endswith(" and a half"):
        t, half = t[: -len(" and a half")], 0.5
    if t in VAGUE:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        t = t.replace(",", "")  # "6,300"
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t) + half
    if t in SMALL:
        return SMALL[t] + half
    parts = re.split(r"[- ]", t)
    if len(parts) == 2 and parts[0] in SMALL and parts[1] in SMALL:
        return SMALL[parts[0]] + SMALL[parts[1]] + half
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _duration(num: Optional[float], unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, PT4H, P20Y (decades as years), PXM when vague."""
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    part = _PART_CENTURY.match(u)
    if part:  # "a quarter-century": 25 years
        return _duration(num * (25 if part.group(1) == "quarter" else 50) if num is not None else None, "year")
    code = UNIT_CODE.get(u, "X")
    timey = u in ("second", "minute", "hour")
    if u == "decade":
        code, num = "Y", (num * 10 if num is not None else None)
        if num is None:
            code = "DE"
    if u == "century":
        code, num = "Y", (num * 100 if num is not None else None)
        if num is None:
            code = "CE"
    if u == "fortnight":
        num = num * 2 if num is not None else None
    n = "X" if num is None else _fmt_num(num)
    if num is not None and not float(num).is_integer():
        # half units: 1.5 hours -> PT1H30M, 1.5 years -> P18M
        if u == "hour":
            return f"PT{int(num)}H{int(round((num % 1) * 60))}M"
        if u == "minute":
            return f"PT{int(num)}M{int(round((num % 1) * 60))}S"
        if u == "year":
            return f"P{int(round(num * 12))}M"
        if u == "day":
            return f"PT{int(round(num * 24))}H"
    return f"PT{n}{code}" if timey else f"P{n}{code}"


_PART_CENTURY = re.compile(r"(quarter|half)[- ]centur")


def _shift_value(value: str, n: int, unit: str) -> Optional[str]:
    """Move a calendar value by n units, keeping a sensible granularity.

    2024-03-04 + 1 day -> 2024-03-05; 1989-Q3 - 1 year -> 1988-Q3; 2024-03-04 - 1 year -> 2023.
    """
    u = unit.lower().rstrip("s")
    part = _PART_CENTURY.match(u)
    if part:  # "a quarter-century ago": 25 years
        return _shift_value(value, n * (25 if part.group(1) == "quarter" else 50), "year")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if u == "day":
            return (d + dt.timedelta(days=n)).isoformat()
        if u in ("week", "fortnight"):
            return (d + dt.timedelta(days=7 * n * (2 if u == "fortnight" else 1))).isoformat()
        if u == "month":
            return _add_months(d, n).strftime("%Y-%m")
        if u == "quarter":
            qd = _add_months(d, 3 * n)
            return f"{qd.year}-Q{_quarter(qd)}"
        if u == "year":
            return str(d.year + n)
        if u == "decade":
            return str(d.year + 10 * n)
        return None
    m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if m:
        try:
            d = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        if u in ("day", "week"):
            return _week(d + dt.timedelta(days=(7 if u == "week" else 1) * n))
        if u == "month":
            return _add_months(d, n).strftime("%Y-%m")
        if u == "year":
            return str(d.year + n)
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if m:
        d = dt.date(int(m.group(1)), int(m.group(2)), 1)
        if u == "month":
            return _add_months(d, n).strftime("%Y-%m")
        if u == "year":
            return _add_months(d, 12 * n).strftime("%Y-%m")
        if u == "quarter":
            return _add_months(d, 3 * n).strftime("%Y-%m")
        return None
    m = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        if u == "year":
            return f"{y + n}-Q{q}"
        if u == "quarter":
            k = (y * 4 + q - 1) + n
            return f"{k // 4}-Q{k % 4 + 1}"
        return None
    m = re.fullmatch(r"(\d{4})(-(?:H\d|SP|SU|FA|WI))?", value)
    if m:
        if u == "year":
            return f"{int(m.group(1)) + n}{m.group(2) or ''}"
        if u == "decade" and not m.group(2):
            return str(int(m.group(1)) + 10 * n)
    return None


def _weekday_date(dct: dt.date, wd: int, future: bool, which: Optional[str]) -> dt.date:
    """The date of a weekday relative to the publication date.

    which: None (bare: on or before, or on/after when future), 'last', 'next', 'this'."""
    if which in ("next", "this coming", "coming"):
        delta = (wd - dct.weekday()) % 7 or 7
        return dct + dt.timedelta(days=delta)
    if which in ("last", "this past", "past"):
        delta = (dct.weekday() - wd) % 7 or 7
        return dct - dt.timedelta(days=delta)
    if future:
        return dct + dt.timedelta(days=(wd - dct.weekday()) % 7)
    return dct - dt.timedelta(days=(dct.weekday() - wd) % 7)


def _month_value(dct: dt.date, mon: int, tense: Optional[str], which: Optional[str]) -> str:
    future = tense == "future"
    y = dct.year
    if which in ("next", "this coming", "coming"):
        y = dct.year if mon > dct.month else dct.year + 1
    elif which in ("last", "this past", "past"):
        y = dct.year if mon < dct.month else dct.year - 1
    elif which == "this":
        y = dct.year
    elif future:
        y = dct.year if mon >= dct.month else dct.year + 1
    elif tense == "past":
        y = dct.year if mon <= dct.month else dct.year - 1
    else:  # unknown: the nearest such month, the past one on a tie
        back = (dct.month - mon) % 12
        y = dct.year - (mon > dct.month) if back <= 6 else dct.year + (mon < dct.month)
    return f"{y}-{mon:02d}"


def _month_day_year(dct: dt.date, mon: int, day: int, tense: Optional[str]) -> Optional[str]:
    """A month and day without a year: the last one on or before the publication date when the
    verb is past, the next one on or after when it is future, else the publication year."""
    try:
        d = dt.date(dct.year, mon, day)
    except ValueError:
        try:
            d = dt.date(dct.year - 1 if tense == "past" else dct.year + (tense == "future"), mon, day)
        except ValueError:
            return None
        return d.isoformat()
    if tense == "past" and d > dct:
        d = _date_or_none(dct.year - 1, mon, day) or d
    elif tense == "future" and d < dct:
        d = _date_or_none(dct.year + 1, mon, day) or d
    elif tense is None and abs((d - dct).days) > 183:
        alt = _date_or_none(dct.year + (1 if d < dct else -1), mon, day)
        if alt and abs((alt - dct).days) < abs((d - dct).days):
            d = alt
    return d.isoformat()


def _date_or_none(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _date(y: int, m: int, d: int) -> Optional[str]:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def _mon(text: str) -> Optional[int]:
    return MONTHS.get(text.lower().rstrip("."))


# ----------------------------------------------------------------------------- tense

FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "wo", "ll", "may", "might"}
FUTURE_LEMMAS = {"schedule", "plan", "expect", "due", "set", "slate", "intend", "hope", "aim"}


def _gov_verb(doc: Doc, start: int, end: int):
    """The verb (or auxiliary) that governs a character span, through the dependency parse."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


WH_INFINITIVE = frozenset({"how", "what", "whether", "where", "when", "which", "who", "whom"})


def _modal_ahead(v) -> bool:
    """'would defeat Mr. Trump in a hypothetical November contest', 'What could start this is a
    strong finish here Monday': an affirmative "would"/"could" with no perfect ("would have won")
    is a hypothesis ahead of the writer (switch ``modal-ahead21``); "could not attend Monday"
    (an inability, as often past) is not."""
    if "modal-ahead21" in RULES_OFF:
        return False
    kids = children(v)
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "could") for c in kids):
        return False
    return not any(c.lower_ in ("have", "'ve", "\u2019ve") or c.dep_ == "neg" for c in kids)


def _under_past(v) -> bool:
    """The verb is in a clause of a verb with a past form: "before they knew what the results
    would be on Saturday night" is a future seen from the past, which can be before publication."""
    for _ in range(3):
        if v.dep_ not in ("ccomp", "advcl", "xcomp", "conj", "pcomp", "relcl", "csubj") or v.head == v:
            return False
        v = v.head
        if v.pos_ in ("VERB", "AUX") and _explicit_tense(v) == "past":
            return True
    return False


def _verb_tense(v) -> Optional[str]:
    """'future', 'past' or None (present or unknown) for a governing verb."""
    for _ in range(3):
        if v.tag_ == "VB" and _modal_ahead(v) and not _under_past(v):
            return "future"
        for c in children(v):
            lc = c.lower_
            if c.dep_ in ("aux", "auxpass") and (lc in FUTURE_AUX or (lc == "going" and v.tag_ == "VB")):
                return "future"
            if c.dep_ in ("aux", "auxpass") and lc in ("has", "have", "had", "was", "were", "did", "'d", "\u2019d"):
                return "past"
        if v.tag_ == "VBD":
            h = v.head
            if (
                v.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in children(v))
                and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in children(h))
                and not any(c.dep_ == "aux" and c.lower_ in ("have", "'ve") for c in children(h))
            ):
                return "future"  # "would be in charge if he won the election on Nov. 8": a hypothesis ahead
            return "past"
        if v.tag_ == "VBN" and (
            v.lemma_ in ("schedule", "plan", "slate", "expect", "intend")
            or (
                v.lemma_ == "set"
                and any(
                    c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re", "\u2019s", "\u2019re")
                    for c in children(v)
                )
            )
        ):
            return "future"  # "the talks, scheduled for Tuesday", "are planned for next month", "is set for Friday"
        if v.tag_ == "VBN" and v.dep_ == "acl" and v.lemma_ in ("end", "close", "conclude", "finish"):
            return "past"  # "the year ended March 31"
        if v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v)):
            if (
                v.dep_ == "xcomp"
                and v.head != v
                and (
                    any(c.dep_ == "aux" and c.lower_ == "had" for c in children(v.head))
                    or (
                        v.head.lemma_ in FUTURE_LEMMAS
                        and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were") for c in children(v.head))
                    )
                )
            ):
                # "had been scheduled to expire Friday", "was scheduled to leave late Tuesday": a future
                # seen from the past, not from today
                return None
            h = v.head
            if (
                v.dep_ == "xcomp"
                and h != v
                and h.lemma_.lower() in PAST_INFINITIVE_LEMMAS
                and (
                    h.tag_ == "VBD"
                    or any(
                        c.dep_ in ("aux", "auxpass") and c.lower_ in ("was", "were", "had", "did") for c in children(h)
                    )
                    or _past_participle_clause(h)
                )
            ):
                return "past"  # "failed to predict the win on Tuesday night", "forced her to resign Sunday"
            if v.head.pos_ == "ADJ" and v.head.head.pos_ in ("VERB", "AUX") and v.head.head != v.head:
                v = v.head.head  # "made it difficult to meet demand into the summer": the tense of "made"
                continue
            if any(c.lower_ in WH_INFINITIVE for c in children(v) if c.i < v.i):
                # "clashed over how to release information late Thursday": an infinitive of "how",
                # "what", "whether" is a question talked of, not an act ahead; the clause it hangs
                # on gives the tense
                h = v.head
                while h.head != h and h.pos_ not in ("VERB", "AUX"):
                    h = h.head
                if h != v and h.pos_ in ("VERB", "AUX"):
                    v = h
                    continue
            return "future"  # "agreed to buy ... in February", "plans to visit on Friday"
        # "is scheduled to meet Monday", "plans to visit on Friday"
        if v.dep_ == "xcomp" and v.head.lemma_ in FUTURE_LEMMAS:
            return "future"
        if v.dep_ in ("xcomp", "conj") and v.head != v:
            v = v.head
            continue
        if PRESENT_IS_FUTURE and (
            (v.tag_ in ("VBZ", "VBP") and v.lower_ not in SAME_PAST_FORM)
            or (
                v.tag_ == "VBG"
                and any(
                    c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re", "\u2019s", "\u2019re")
                    for c in children(v)
                )
            )
        ):
            return "future"  # news present: "the president returns to Paris on Tuesday"
        break
    return None


def _clause_past(c) -> bool:
    """The verb that governs the expression, however far up, has a past form ("Clinton said at a
    town hall sponsored by CNN in Iowa this week")."""
    if not c.doc.has_annotation("DEP"):
        return False
    v = _gov_verb(c.doc, c.start, c.end)
    for _ in range(4):
        if v is None:
            return False
        tense = _explicit_tense(v)
        if tense is not None or v.tag_ not in ("VBN", "VBG") or v.head == v:
            return tense == "past"
        v = v.head  # a participle ("a town hall sponsored by CNN in Iowa this week"): the clause above
        while v.pos_ not in ("VERB", "AUX") and v.head != v:
            v = v.head
    return False


def _pp_thing_ahead(n) -> bool:
    """A thing named by a date in a prepositional phrase ("in a November general election") under
    a verb that is a hypothesis ahead: "would defeat Trump in a hypothetical November contest",
    "could draw voters to improve chances in a November election" (switch ``modal-ahead21``):
    the verbs above, up to a finite one, are climbed."""
    if "modal-ahead21" in RULES_OFF:
        return False
    t = n
    for _ in range(6):
        h = t.head
        if h == t:
            return False
        if h.pos_ in ("VERB", "AUX"):
            if _modal_ahead(h):
                return True  # not "will": "will get a data point with the release of the November jobs report"
            if not (h.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(h))):
                return False  # a finite verb of another tense ("won in a November runoff") or a
                # participle ("as laid down by the Feb. 23 accord"); only a to-infinitive is climbed
        t = h
    return False


def _over_past(c) -> bool:
    """The expression names a thing that is the subject or object of a verb with a past form:
    "This weekend's debate gave Democrats much to be proud of" (not "set the stage for another
    rout this weekend", where the time is the rout's)."""
    if not c.doc.has_annotation("DEP"):
        return False
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    r = span.root
    if r.dep_ not in ("poss", "compound") or r.head.dep_ not in ("nsubj", "nsubjpass", "dobj", "attr"):
        return False
    v = r.head.head
    return v.pos_ in ("VERB", "AUX") and _explicit_tense(v) == "past"


def _past_participle_clause(h) -> bool:
    """A participle with no auxiliary of its own on a verb whose form is past: "were detained
    attempting to enter Texas on Monday", "spent the day trying to reach him on Friday" (switch
    ``infinitive-participle``): its to-infinitive happened then, as after "attempted"."""
    if "infinitive-participle" in RULES_OFF or h.tag_ != "VBG" or h.head == h:
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in children(h)) or h.dep_ not in ("advcl", "xcomp", "conj", "acl"):
        return False
    return h.head.pos_ in ("VERB", "AUX") and _explicit_tense(h.head) == "past"


def _explicit_tense(v) -> Optional[str]:
    """'past' or 'future' only when the verb's form says so (a past form, has/had/was/did, or
    will/shall/may/might); None for a present, an infinitive or a participle."""
    aux = [c.lower_ for c in children(v) if c.dep_ in ("aux", "auxpass")]
    if any(a in FUTURE_AUX for a in aux):
        return "future"
    if v.tag_ == "VBD" or any(a in ("has", "have", "had", "was", "were", "did") for a in aux):
        return "past"
    return None


PRESENT_IS_FUTURE = True
# verbs whose to-infinitive happened when they are past (data/en/times/past_infinitive_verbs.tsv)
PAST_INFINITIVE_LEMMAS = words(table("times/past_infinitive_verbs.tsv", columns=("lemma",), key=("lemma",)), "lemma")
# verbs that give something a new date (data/en/times/reschedule_verbs.tsv): "postponed until March 20"
RESCHEDULE_LEMMAS = words(table("times/reschedule_verbs.tsv", columns=("lemma",), key=("lemma",)), "lemma")
# verbs whose past and present look alike: "Weakness hurt stocks on Friday" is past, whatever the tagger says
SAME_PAST_FORM = {
    "hurt",
    "put",
    "set",
    "cut",
    "hit",
    "cost",
    "let",
    "shut",
    "spread",
    "quit",
    "bet",
    "cast",
    "burst",
    "split",
    "upset",
    "read",
    "beat",
    "bid",
    "broadcast",
    "forecast",
    "shed",
    "slit",
    "thrust",
    "rid",
}


def _tense(doc: Doc, start: int, end: int) -> Optional[str]:
    """Tense of the verb a time expression hangs on directly (through a preposition at most):
    "will meet on Friday" -> future; "payable Dec. 7" or "the vote on Friday" -> None."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    t = span.root
    if "come-time" not in RULES_OFF and span.start > 0:
        v = doc[span.start - 1]
        if v.lower_ == "come" and v.tag_ != "VBN":
            # "backers she will need come November", "Come Monday, ...": when that day comes (also
            # "results come Monday", "will come Monday": ahead in any case)
            return "future"
    if "when-clause" not in RULES_OFF:
        w = _when_clause_tense(doc, span)
        if w is not None:
            return w
    if "fronted-time20" not in RULES_OFF:
        root = _fronted_time_root(doc, span)
        if root is not None:
            return _verb_tense(root)
    if t.dep_ == "poss":
        # "Friday's close": the weekday qualifies a noun; "ahead of Sunday's vote" is still to come
        n = t.head
        return "future" if n.dep_ == "pobj" and _ahead_of(n.head) else None
    if t.dep_ in ("dobj", "nsubj", "nsubjpass") or (
        t.dep_ == "npadvmod"
        and t.head.lemma_ in ("set", "fix", "name", "pick", "choose")
        and not any(c.dep_ == "dobj" for c in children(t.head))
    ):
        return None  # "has set Nov. 10 as the deadline": the verb's tense does not place the date
    for _ in range(4):
        h = t.head
        if h == t:
            return None
        if t.dep_ in ("compound", "nmod", "nummod", "amod") and h.pos_ in ("NOUN", "PROPN") and h.head != h:
            # a date naming a thing takes the tense of what is said of the thing: "included a
            # May 11 speech", "will hold a June 2 vote"; not a date a verb gives ("has set a
            # Nov. 10 deadline")
            if h.dep_ in ("dobj", "nsubjpass") and h.head.lemma_.lower() in RESCHEDULE_LEMMAS:
                return None
            if h.dep_ == "pobj" and _pp_thing_ahead(h):
                return "future"
            if h.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") or h.head.pos_ not in ("VERB", "AUX"):
                return None  # "is unlikely to back her after her March comment": no tense for the thing
            return _explicit_tense(h.head)  # not the news present: "a Feb. 1 letter says"
        if (
            "starting-time21" not in RULES_OFF
            and h.tag_ == "VBG"
            and h.lower_ in ("starting", "beginning")
            and h.dep_ in ("prep", "advcl")
            and h.head != h
            and not any(c.dep_ in ("aux", "nsubj") for c in children(h))
        ):
            # "Starting Tuesday, the competition will be intense": the opening participle is a
            # preposition; the clause it opens gives the tense (switch ``starting-time21``)
            t = h
            continue
        if h.pos_ in ("VERB", "AUX"):
            return _verb_tense(_speech_misattached(t) or h)  # "said on Sunday it would": said's
        if h.pos_ == "ADP" or h.dep_ == "prep":
            if h.lower_ == "since":
                return "past"  # "since Jan. 13": before the time of the clause
            if _ahead_of(h):
                return "future"
            if h.lower_ in ("to", "until", "till", "for") and _rescheduled(h):
                return "future"  # "the vote was postponed until March 20": the new date is still to come
            if (
                h.lower_ in ("by", "until", "till")
                and h.head.pos_ == "NOUN"
                and h.head.dep_ in ("dobj", "nsubj", "nsubjpass")
                and h.head.head.pos_ in ("VERB", "AUX")
            ):
                return _verb_tense(h.head.head)  # "expect a decision by Friday": a deadline of the verb
            t = h
            continue
        if h.pos_ == "ADJ" and h.lower_ == "due":
            return "future"  # "the report is due on Friday"
        if (
            "noun-pp-tense" not in RULES_OFF
            and t.dep_ == "prep"
            and h.pos_ == "NOUN"
            and h.dep_ in ("pobj", "dobj")
            and h.head != h
        ):
            # "will say in a speech on Monday", "spoke at a rally on Monday": the thing is when
            # the verb it serves happens, by the tense that verb's form shows
            v = h.head.head if h.dep_ == "pobj" and h.head.dep_ == "prep" else h.head
            if v.pos_ in ("VERB", "AUX") and v != h:
                return _explicit_tense(v)
        return None
    return None


_FRONT_PREPS = frozenset({"on", "by", "in", "at", "until", "till", "since", "during"})
_FRONT_CONJ = frozenset({"and", "but", "so", "yet", "then"})


def _fronted_time_root(doc: Doc, span):
    """The main verb of a sentence that opens with its time and a comma ("And on Monday, he and
    other members of the group he co-founded will hold a rally"; "On Friday, the board said"):
    such a time places the whole clause, so that clause's main verb gives the tense, whatever
    verb the parser hangs the time on (here "co-founded", in the subject). Switch
    ``fronted-time20``. None when the time does not open the sentence, or when the parser
    already hangs it on the main verb (nothing to change)."""
    sent = sent_of(doc, span.start)
    i = sent.start
    while i < span.start and (doc[i].is_space or doc[i].is_punct and doc[i].text in "\"'\u201c\u2018"):
        i += 1
    if i < span.start and doc[i].lower_ in _FRONT_CONJ:
        i += 1
    if i < span.start and doc[i].lower_ in _FRONT_PREPS:
        i += 1
    if i != span.start or span.end >= sent.end or doc[span.end].text != ",":
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.i < span.end or _explicit_tense(root) is None:
        return None  # only a main verb whose form says its tense ("At the end of April, Sanders
        # earned "is it over?" headlines": the parser's root "is" is no such verb)
    if _gov_verb(doc, span.start_char, span.end_char) == root:
        return None
    if any(c.dep_ == "mark" for c in children(root)):
        return None  # a subordinate clause taken for the sentence
    return root


def _when_clause_tense(doc: Doc, span) -> Optional[str]:
    """A time expression right before "when" and a clause says when that clause happens, so the
    clause's tense places it: "echoes a controversy in June when Mr. Trump assailed a judge"
    (past, whatever "echoes" says), "on Friday, when the board will vote" (future). Only a tense
    the verb's form shows (``_explicit_tense``)."""
    i = span.end
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i >= len(doc) or doc[i].lower_ != "when" or doc[i].head == doc[i]:
        return None
    v = doc[i].head
    if v.pos_ not in ("VERB", "AUX") or v.i <= i:
        return None
    if v.tag_ == "VBD" and v.lower_ in SAME_PAST_FORM:
        return None  # "on Tuesday, when voters cast ballots": no past form to go by
    tense = _explicit_tense(v)
    g = _gov_verb(doc, span.start_char, span.end_char)
    if tense is None or (g is not None and g.i != v.i and _explicit_tense(g) not in (None, tense)):
        return None  # "will reach that number on Tuesday, when ...": the clause the time is in says
    return tense


def _rescheduled(prep) -> bool:
    """The preposition hangs on a verb that gives a new date, directly ("was postponed until") or
    through its object ("set sentencing for", "pushed back the release to"), and the verb is not
    a future seen from the past ("had been scheduled for")."""
    v = prep.head
    if v.pos_ == "NOUN" and v.dep_ in ("dobj", "nsubjpass") and v.head != v:
        v = v.head
    if v.pos_ != "VERB" or v.lemma_.lower() not in RESCHEDULE_LEMMAS:
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in children(v))


def _ahead_of(tok) -> bool:
    """'ahead of' (the 'of' token): what follows is still to come."""
    return tok.lower_ == "of" and tok.head != tok and tok.head.lower_ == "ahead"


# ----------------------------------------------------------------------------- patterns
# Each rule: (name, regex, resolver, priority). Resolvers return (type, value) or None to
# reject the match (e.g. lowercase "may"). Values needing the publication date are None
# when it is missing.

Rule = tuple[str, "re.Pattern", Callable, int]
RULES: list[Rule] = []


def rule(name: str, pattern: str, prio: int = 0, flags: int = RelFlags):
    def deco(fn):
        RULES.append((name, re.compile(B + pattern + E, flags), fn, prio))
        return fn

    return deco


def _capitalised(m, group: str) -> bool:
    g = m.group(group)
    return bool(g) and g[0].isupper()


# --- explicit calendar dates


@rule("date:iso", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)", 10)
def _r_iso(m, c):
    v = _date(int(m["y"]), int(m["m"]), int(m["d"]))
    return ("DATE", v) if v else None


@rule("date:slash", r"(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/(?P<y>\d{4}|\d{2})(?![\d/])", 10)
def _r_slash(m, c):
    y = int(m["y"])
    if y < 100:
        y += 1900 if y > 40 else 2000
    v = _date(y, int(m["m"]), int(m["d"]))
    return ("DATE", v) if v else None


@rule(
    "date:month-day",
    rf"(?:(?P<wd0>{WDAY2}),?\s+)?(?:(?:early|late|mid)[- ]?)?{MON_D}\s+{DAYNUM}(?!\d)"
    rf"(?:(?:,\s*|\s+)(?P<y>{YEAR})(?!\d)|,?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year(?![-\w]))?"
    rf"(?:,?\s+{PART})?",
    20,
)
def _r_month_day(m, c):
    if not _capitalised(m, "mon"):
        return None
    mon, day = _mon(m["mon"]), int(m["day"])
    if not mon or not 1 <= day <= 31:
        return None
    if m["y"]:
        v = _date(int(m["y"]), mon, day)
    elif m.groupdict().get("rel"):
        # "from January 20 next year", "on March 23 of this year"
        if not c.dct:
            return "DATE", None
        v = _date(c.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()], mon, day)
    elif c.dct and m["wd0"]:
        # "Friday, January 29": the year in which that day is a Friday, the nearest such
        wd = WEEKDAYS[m["wd0"].lower()]
        fits = [d for d in (_date_or_none(c.dct.year + k, mon, day) for k in (-1, 0, 1)) if d and d.weekday() == wd]
        v = (
            min(fits, key=lambda d: abs((d - c.dct).days)).isoformat()
            if fits
            else _month_day_year(c.dct, mon, day, c.tense())
        )
    else:
        v = _narrative_day(c, mon, day) or (_month_day_year(c.dct, mon, day, c.tense()) if c.dct else None)
    if v and m.groupdict().get("part"):
        return "TIME", f"{v}T{PARTS[m['part'].lower()]}"
    return ("DATE", v) if (v or not m["y"]) else None


_YEAR_RANGE_BEFORE = re.compile(r"\d{4}\s*(?:to|through|and|-|\u2013|\u2014)\s*$")
_YEAR_RANGE_AFTER = re.compile(r"\s*(?:to|through|and|-|\u2013|\u2014)\s*\d{4}")


def _same_sentence(c, t) -> bool:
    """Whether expression ``t`` lies in the sentence of the candidate ``c`` is resolving."""
    a = c.doc.char_span(t.start, t.end, alignment_mode="expand")
    b = c.doc.char_span(c.start, c.end, alignment_mode="expand")
    if a is None or b is None or not len(a) or not len(b):
        return False
    return sent_of(c.doc, a.start).start == sent_of(c.doc, b.start).start


def _narrative_day(c, mon: int, day: Optional[int]) -> Optional[str]:
    """A month-day without a year in a narrative about another year: "On March 2, 2015, the Times
    revealed ... the following day ... On March 25, the firm deleted" -> 2015-03-25. Only when the
    time named just before (at most 300 characters back) is a day or month of a year other than
    the publication year, the verb is not future, and the date falls within half a year after it.
    With ``day`` None, a month: "In December 2014, ... In March, the Times revealed" -> 2015-03."""
    if c.dct is None or c.tense() == "future":
        return None
    for t in reversed(c.prev[-_LOOKBACK:]):
        if t.type not in ("DATE", "TIME") or not t.value:
            continue
        if t.rule in ("time:clock", "time:noon", "time:24h") and t.value.startswith(c.dct.isoformat()):
            continue  # "at 2 p.m. on the last Friday in August": a clock time without a day of its own
        if re.fullmatch(r"\d{4}", t.value) and t.type == "DATE":
            # a year named earlier in the same sentence: "In 2008, she stayed in the race until
            # June", "the 2012 election was decided in November" -> that year's month (or day)
            y = int(t.value)
            if (
                y == c.dct.year
                or _YEAR_RANGE_BEFORE.search(c.text, max(0, t.start - 16), t.start)
                or _YEAR_RANGE_AFTER.match(c.text, t.end)
                or c.start - t.end > 200
                or not _same_sentence(c, t)
            ):  # (a year ending or opening a range, "from 2010 to 2013", dates no month after it)
                return None
            d = _date_or_none(y, mon, day or 1)
            if d is None or d > c.dct:
                return None
            c.anchor_expr = t
            return d.isoformat() if day else d.strftime("%Y-%m")
        if not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?(?:T.*)?", t.value):
            return None  # the last time named is not a day or a month
        if int(t.value[:4]) == c.dct.year or c.start - t.end > 600:
            return None
        if c.start - t.end > 300 and ("narrative-far" in RULES_OFF or c.tense() != "past"):
            # "In June 2001, ... [two sentences] ... In August, she flew": told in the past, the
            # story's year reaches 600 characters; "December's agreement" (no tense) only 300
            return None
        if c.doc.has_annotation("DEP"):
            tspan = c.doc.char_span(t.start, t.end, alignment_mode="expand")
            if tspan is None or len(tspan) == 0 or _direct_verb(tspan.root) is None:
                return None  # "the August 1988 cease-fire": a date naming a thing, not the time of the story
        ref = dt.date(
            int(t.value[:4]), int(t.value[5:7]), int(t.value[8:10]) if len(t.value) >= 10 and t.value[7] == "-" else 1
        )
        if day is None:
            ref = ref.replace(day=1)
        for y in (ref.year, ref.year + 1):
            d = _date_or_none(y, mon, day or 1)
            if d and 0 <= (d - ref).days <= 183 and d <= c.dct:
                c.anchor_expr = t
                return d.isoformat() if day else d.strftime("%Y-%m")
        return None
    return None


@rule("date:day-month", rf"(?:(?P<wd0>{WDAY2}),?\s+)?{DAYNUM}\s+(?:of\s+)?{MON_D}(?:,?\s+(?P<y>{YEAR})(?!\d))?", 20)
def _r_day_month(m, c):
    return _r_month_day(m, c)


@rule(
    "date:month-year",
    rf"{EARLY}(?:the\s+(?P<pos>end|beginning|start|middle)\s+of\s+)?{MON}\s+(?:of\s+)?"
    rf"(?:(?P<y>{YEAR})|(?P<rel>last|this|next|that)\s+year)(?!\d)",
    15,
)
def _r_month_year(m, c):
    if not _capitalised(m, "mon"):
        return None
    mon = _mon(m["mon"])
    if m["y"]:
        return "DATE", f"{m['y']}-{mon:02d}"
    if m["rel"].lower() == "that":
        # "in early June of that year": the year named last (as "that year" alone reads it)
        for t in reversed(c.prev[-_LOOKBACK:]):
            if t.value and re.match(r"\d{4}", t.value) and t.type in ("DATE", "TIME"):
                if c.start - t.end > 600:
                    break
                c.anchor_expr = t
                return "DATE", f"{t.value[:4]}-{mon:02d}"
        return None
    if not c.dct:
        return "DATE", None
    y = c.dct.year + {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return "DATE", f"{y}-{mon:02d}"


@rule(
    "date:month",
    rf"{EARLY}(?:the\s+(?P<pos>end|beginning|start|middle)\s+of\s+)?"
    rf"(?:(?P<which>last|this|next|this\s+past|this\s+coming|past|coming|that)\s+)?{MON}",
    5,
)
def _r_month(m, c):
    if not _capitalised(m, "mon"):
        return None
    mon = _mon(m["mon"])
    if mon == 5 and m["mon"] == "May" and not (m["which"] or m["mod"] or m["pos"]):
        # "May" the modal: only as a month when the words around say so
        before = c.text[max(0, m.start() - 12) : m.start()].lower()
        after = c.text[m.end() : m.end() + 3]
        if not re.search(
            r"\b(in|since|until|till|through|by|from|of|during|to|last|this|next|early|late|mid)\s+$", before
        ) and not re.match(r"\s*[,.;)]", after):
            return None
    if mon == 3 and m["mon"] == "March" and not (m["which"] or m["mod"] or m["pos"]):
        before = c.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(in|since|until|till|through|by|from|of|during|to|early|late|mid|and|or|between|before|after)\s+$",
            before,
        ) and not re.match(rf"\s*(?:-|\u2013|and|to|through|or)\s*{MON}\b", c.text[m.end() : m.end() + 24]):
            if not _march_the_month(c.text, m.start(), m.end()):
                return None  # "March" the verb or noun; "between March and May", "March-April" are months
    if not c.dct:
        return "DATE", None
    which = re.sub(r"\s+", " ", m["which"].lower()) if m["which"] else None
    if which == "that":
        # "lost the 1972 primary ... and the election that November": the year named last
        for t in reversed(c.prev[-_LOOKBACK:]):
            if t.value and re.match(r"\d{4}", t.value) and t.type in ("DATE", "TIME") and c.start - t.end < 600:
                c.anchor_expr = t
                return "DATE", f"{t.value[:4]}-{mon:02d}"
        which = None
    return "DATE", (not which and _narrative_day(c, mon, None)) or _month_value(c.dct, mon, c.tense(), which)


_MARCH_OPENS = re.compile(r"(?:[.!?:;\"\u201c\u201d\n(]\s*|^\s*)$")
_MARCH_DET = re.compile(r"(?i)\b(?:the|its|their|his|her|our|this|that|last\s+year's|this\s+year's)\s+$")
_MARCH_NOT_AFTER = re.compile(
    r"\s+(?:on|to|for|against|through|in|of|from|with|into|across|toward|towards|past|around|along|by|down|up|at|"
    r"over|under|and|or|organi[sz]ers?|participants?|marchers?)\b"
)


def _march_the_month(text: str, s: int, e: int) -> bool:
    """Capitalised "March" that opens a sentence or follows a determiner and is followed by a
    lower-case word or a possessive is the month: "March was the wettest month", "March's
    figures", "the March meeting"; not "the March on Washington", "March for Our Lives"."""
    after = text[e : e + 24]
    if not re.match(r"(?:'s|\u2019s)?\s+[a-z]", after) or _MARCH_NOT_AFTER.match(after):
        return False
    if _MARCH_OPENS.search(text[max(0, s - 4) : s]) and (s < 4 or not text[s - 4 : s].isspace()):
        return True
    before = text[max(0, s - 16) : s]
    return bool(_MARCH_DET.search(before)) and not re.match(r"\s+(?:was|is|were|has|had|will)\b", after)


# --- a week of a month, a day of the month named before

WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


@rule(
    "date:week-of-month",
    rf"(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|last|final)\s+(?:full\s+)?week|"
    rf"week)\s+(?:of|in)\s+(?:(?P<mon2>{MONTH_FULL}|{MONTH_ABBR}\.?)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)|{MON})"
    rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?",
    30,
)
def _r_week_of_month(m, c):
    """ "the third week of March" (days 15-21), "the last week of January", "the week of March 11":
    the ISO week holding the middle of those seven days, or holding that day."""
    if m["mon2"]:
        if not _capitalised(m, "mon2") or m["ord"]:
            return None
        mon, day = _mon(m["mon2"]), int(m["day"])
        if not mon or not 1 <= day <= 31:
            return None
        if m["y"]:
            d = _date_or_none(int(m["y"]), mon, day)
        elif c.dct:
            v = _narrative_day(c, mon, day) or _month_day_year(c.dct, mon, day, c.tense())
            d = dt.date.fromisoformat(v) if v else None
        else:
            return "DATE", None
        return ("DATE", _week(d)) if d else None
    if not m["ord"] or not _capitalised(m, "mon"):
        return None  # "week in March" without an ordinal: the month rule reads "March"
    mon = _mon(m["mon"])
    if m["y"]:
        year = int(m["y"])
    elif c.dct:
        year = int((_narrative_day(c, mon, None) or _month_value(c.dct, mon, c.tense(), None))[:4])
    else:
        return "DATE", None
    last = (_add_months(dt.date(year, mon, 1), 1) - dt.timedelta(days=1)).day
    o = m["ord"].lower()
    mid = last - 3 if o in ("last", "final") else min(7 * WEEK_ORDINALS[o] - 3, last - 3)
    return "DATE", _week(dt.date(year, mon, mid))


@rule(
    "date:weekday-of-month",
    rf"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|1st|2nd|3rd|4th|last|final)\s+{WDAY}\s+(?:in|of)\s+{MON}"
    rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?",
    30,
)
def _r_weekday_of_month(m, c):
    """ "the last Friday in August", "the first Monday of May 2019": that day."""
    if not _capitalised(m, "mon") or not _capitalised(m, "wd"):
        return None
    mon, wd = _mon(m["mon"]), WEEKDAYS[m["wd"].lower()]
    if m["y"]:
        year = int(m["y"])
    elif c.dct:
        year = int((_narrative_day(c, mon, None) or _month_value(c.dct, mon, c.tense(), None))[:4])
    else:
        return "DATE", None
    first = dt.date(year, mon, 1)
    o = m["ord"].lower()
    if o in ("last", "final"):
        last = _add_months(first, 1) - dt.timedelta(days=1)
        d = last - dt.timedelta(days=(last.weekday() - wd) % 7)
    else:
        d = first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (WEEK_ORDINALS[o] - 1))
        if d.month != mon:
            return None
    return "DATE", d.isoformat()


@rule(
    "date:day-of-month",
    r"(?P<prep>on|by|until|till|since|before|after|from|through|to|and|or)\s+(?P<ts>the\s+)"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$|\s(?:and|or|but|when|at|as|after|before|until|to|"
    r"through|in|of|was|is|will|would|when|if|while|with)\b))",
    12,
)
def _r_day_of_month(m, c):
    """ "ended on the 5th" (after "began on March 3"): a day of the month named just before (600
    characters), else of the publication month (the last one for a past verb, the next one for a
    future verb when that day has passed). Not "the 12th century", "the 5th floor"."""
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if not c.dct:
        return "DATE", None
    for t in reversed(c.prev[-_LOOKBACK:]):
        if c.start - t.end > 600:
            break
        if t.type in ("DATE", "TIME") and t.value and re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?(?:T.*)?", t.value):
            d = _date_or_none(int(t.value[:4]), int(t.value[5:7]), day)
            if d is None:
                return None
            c.anchor_expr = t
            return "DATE", d.isoformat()
    d = _date_or_none(c.dct.year, c.dct.month, day)
    tense = c.tense()
    if d is None or (tense == "past" and d > c.dct):
        prev = _add_months(c.dct.replace(day=1), -1)
        d = _date_or_none(prev.year, prev.month, day) if (d is None or tense == "past") else d
    elif tense == "future" and d < c.dct:
        nxt = _add_months(c.dct.replace(day=1), 1)
        d = _date_or_none(nxt.year, nxt.month, day)
    return ("DATE", d.isoformat()) if d else None


# --- weekdays and days relative to the publication date


@rule(
    "date:weekday",
    rf"(?:(?P<mod>early|earlier|late|later)\s+)?(?:(?P<which>last|this|next|this\s+past|this\s+coming|coming|past)\s+)?"
    rf"{WDAY}(?:\s+{PART})?",
    8,
)
def _r_weekday(m, c):
    if not _capitalised(m, "wd"):
        return None
    if _in_named_day(c.text, m.start("wd"), m.end("wd")):
        return None
    if not c.dct:
        return ("TIME" if m["part"] else "DATE"), None
    which = re.sub(r"\s+", " ", m["which"].lower()) if m["which"] else None
    if which == "this":
        which = None  # "this Friday": the one of this week the tense points to, like a bare "Friday"
    wd = WEEKDAYS[m["wd"].lower()]
    d = _weekday_date(c.dct, wd, c.future() if not which else False, which)
    if (
        not which
        and c.tense() is None
        and d < c.dct
        and (wd - c.dct.weekday()) % 7 <= 3
        and (c.dct - d).days > (wd - c.dct.weekday()) % 7
        and _names_a_thing(c)
    ):
        # "Tuesday's primary", "the Tuesday deadline" with no verb to say when: the nearest such day
        d = c.dct + dt.timedelta(days=(wd - c.dct.weekday()) % 7)
    if (
        not which
        and c.prev
        and c.prev[-1].rule == "date:weekday"
        and _is_day(c.prev[-1].value)
        and re.fullmatch(r"\s*,?\s*(?:or|and)?\s*", c.text[c.prev[-1].end : c.start])
    ):
        first = dt.date.fromisoformat(c.prev[-1].value[:10])
        if (
            (first > c.dct or (first == c.dct and _modal_future(c)))
            and d < first
            and (d + dt.timedelta(days=7) - first).days < 7
        ):
            d += dt.timedelta(
                days=7
            )  # "as soon as Tuesday or Wednesday" (today or later): the days go forward together
    if m["part"]:
        return "TIME", f"{d.isoformat()}T{PARTS[m['part'].lower()]}"
    return "DATE", d.isoformat()


def _names_a_thing(c) -> bool:
    """The expression qualifies a noun ("Tuesday's primary", "the Tuesday deadline") rather than
    placing a clause in time."""
    if not c.doc.has_annotation("DEP"):
        return False
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    r = span.root
    if r.dep_ not in ("poss", "compound") or r.head.pos_ not in ("NOUN", "PROPN"):
        return False
    v = _gov_verb(c.doc, r.head.idx, r.head.idx + len(r.head.text))
    if v is None:
        return True
    if v.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in children(v)):
        return False  # a bare participle as the main verb is a past the tagger missed
    return _verb_tense(v) != "past"  # "the Thursday deadline passed": that one is past


@rule(
    "date:relative-day",
    rf"(?:(?P<mod>early|earlier|late|later)\s+)?(?P<rel>yesterday|today|tomorrow|tonight|the\s+day\s+before\s+yesterday|"
    rf"the\s+day\s+after\s+tomorrow|overnight)(?:\s+{PART})?",
    9,
)
def _r_relday(m, c):
    if (
        m["rel"][0].isupper()
        and not m["mod"]
        and re.search(r"[A-Z][\w'-]*\s+$", c.text[max(0, m.start() - 30) : m.start()])
    ):
        return None  # a capitalised "Tonight" after a capitalised word: a title ("Poland Tonight")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    off = {
        "yesterday": -1,
        "today": 0,
        "tomorrow": 1,
        "tonight": 0,
        "overnight": -1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }[rel]
    if rel == "overnight":
        nxt = re.match(r"\s+([a-z]+)", c.text[m.end() : m.end() + 20])
        if m["part"] or (nxt and nxt.group(1) not in _FUNCTION_WORDS):
            return None  # "overnight rates", "an overnight stay": an adjective
    part = m["part"].lower() if m["part"] else ("night" if rel in ("tonight", "overnight") else None)
    typ = "TIME" if part else "DATE"
    if not c.dct:
        return typ, None
    d = (c.dct + dt.timedelta(days=off)).isoformat()
    return typ, (f"{d}T{PARTS[part]}" if part else d)


def _named_days():
    """(words before, weekday) and (weekday, words after) pairs of the named days."""
    names = words(table("times/named_days.tsv", columns=("name",), key=("name",)), "name")
    before, after = set(), set()
    for n in names:
        parts = n.split()
        k = next(i for i, p in enumerate(parts) if p.lower() in WEEKDAYS)
        if k:
            before.add((" ".join(parts[:k]), parts[k]))
        if k < len(parts) - 1:
            after.add((parts[k], " ".join(parts[k + 1 :])))
    return before, after


_NAMED_BEFORE, _NAMED_AFTER = _named_days()


def _in_named_day(text: str, s: int, e: int) -> bool:
    """The weekday at ``s:e`` is part of a name ("Super Tuesday", "the Sunday Times",
    data/en/times/named_days.tsv)."""
    wd = text[s:e]
    head = " ".join(text[max(0, s - 20) : s].split()[-2:])
    if "named-quoted21" not in RULES_OFF:
        head = head.lstrip("\"'\u201c\u2018(")  # 'an interview with "Fox News Sunday."'
        head = re.sub(r"^\S*[\"\u201c\u2018(]", "", head) if " " in head else head
    tail = " ".join(text[e : e + 30].split()[:3])
    for pre, day in _NAMED_BEFORE:
        if day == wd and (head == pre or head.endswith(" " + pre)):
            return True
    for day, post in _NAMED_AFTER:
        if day == wd and (tail == post or tail.startswith(post + " ") or re.match(re.escape(post) + r"\W", tail)):
            return True
    return False


_FUNCTION_WORDS = {
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "as",
    "with",
    "from",
    "after",
    "before",
    "when",
    "while",
    "the",
    "a",
    "an",
    "into",
    "near",
    "across",
    "around",
    "by",
    "for",
    "of",
    "that",
    "there",
    "he",
    "she",
    "they",
    "it",
    "we",
}


@rule(
    "time:part-of-day",
    rf"(?:(?P<which>last|this|the|early\s+this|late\s+this|later\s+this|earlier\s+this)\s+|(?P<mod>early|late|mid)[- ]?)"
    rf"(?P<p>morning|afternoon|evening|night)(?:\s+(?:(?:on\s+)?{WDAY}|(?P<rel>yesterday|today|tomorrow)))?",
    6,
)
def _r_part(m, c):
    which = (m["which"] or "").lower()
    if m["which"] and m["which"][0].isupper() and m["p"][0].isupper() and not (m["wd"] or m["rel"]):
        return None  # "CBS This Morning": a title
    if m["wd"] or m["rel"]:
        d = _day_of_suffix(m, c)
        return "TIME", (f"{d}T{PARTS[m['p'].lower()]}" if d else None)
    if which == "the" or (not which and not m["mod"]):
        if which != "the" or m["p"].lower() == "night":
            return None
        nxt = re.match(r"\s+([a-z]+)", c.text[m.end() : m.end() + 20])
        if nxt and nxt.group(1) not in _FUNCTION_WORDS:
            return None  # "the evening session", "the morning show": an adjective
        day = _anchor(c)  # "the evening": of the day last named (or of publication)
        return "TIME", (f"{day}T{PARTS[m['p'].lower()]}" if day and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None)
    if not c.dct:
        return "TIME", None
    if m["mod"] and not which and "part-noun-day" not in RULES_OFF:
        after = _PART_NOUN_DAY.match(c.text, m.end())
        if after:
            # "wrote in a late-evening email on Monday": the part of the day named after its noun
            d = _weekday_date(c.dct, WEEKDAYS[after["wd"].lower()], c.future(), None)
            return "TIME", f"{d.isoformat()}T{PARTS[m['p'].lower()]}"
    d = c.dct - dt.timedelta(days=1) if which == "last" else c.dct
    return "TIME", f"{d.isoformat()}T{PARTS[m['p'].lower()]}"


# "a late-night phone call on Tuesday", "an early-morning raid Saturday": one or two lower-case
# words (the noun the part of the day describes), then the weekday
_PART_NOUN_DAY = re.compile(
    r"(?:\s+(?!on\b)[a-z]+){1,2},?\s+(?:on\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


@rule(
    "time:clock",
    rf"{APPROX}(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm|a\.m|p\.m){TZ}"
    rf"(?:,?\s+(?:(?:on\s+)?{WDAY}|(?P<rel>yesterday|today|tomorrow)|{MON_D}\s+{DAYNUM}))?",
    12,
)
def _r_clock(m, c):
    h = int(m["h"])
    if h > 12 or h == 0:
        return None
    pm = m["ap"].lower().startswith("p")
    h = (h % 12) + (12 if pm else 0)
    hm = f"{h:02d}:{m['mi']}" if m["mi"] else f"{h:02d}:00"
    d = _day_of_suffix(m, c)
    return "TIME", (f"{d}T{hm}" if d else None)


@rule(
    "time:noon",
    rf"{APPROX}(?P<w>noon|midnight|midday)(?:,?\s+(?:(?:on\s+)?{WDAY}|(?P<rel>yesterday|today|tomorrow)|"
    rf"(?:on\s+)?{MON_D}\s+{DAYNUM}(?!\d)))?",
    11,
)
def _r_noon(m, c):
    if "show-title" not in RULES_OFF and _programme_title(m, c):
        return None
    hm = "12:00" if m["w"].lower() in ("noon", "midday") else "24:00"
    d = _day_of_suffix(m, c)
    return "TIME", (f"{d}T{hm}" if d else None)


_TITLE_AFTER = re.compile(r"\s+with\s+[A-Z][a-z]")
_OPEN_MARK_BEFORE = re.compile(r"(?:[\u201c\"]|\u2019s|'s)\s*$")


def _programme_title(m, c) -> bool:
    """A capitalised "Midday" or "Noon" that names a broadcast: "Midday with Charlie Sykes", or
    right after an opening quotation mark or a possessive and before a capitalised word
    ("WTMJ's Midday Report")."""
    w = m["w"]
    if (
        not w[0].isupper()
        or m.start("w") == 0
        or re.search(r"[.!?]\s*$", c.text[max(0, m.start("w") - 3) : m.start("w")])
    ):
        return False
    after = c.text[m.end("w") : m.end("w") + 20]
    if _TITLE_AFTER.match(after):
        return True
    return bool(_OPEN_MARK_BEFORE.search(c.text[max(0, m.start("w") - 3) : m.start("w")])) and bool(
        re.match(r"\s+[A-Z]", after)
    )


def _day_of_suffix(m, c) -> Optional[str]:
    gd = m.groupdict()
    if gd.get("wd"):
        if not c.dct:
            return None
        return _weekday_date(c.dct, WEEKDAYS[gd["wd"].lower()], c.future(), None).isoformat()
    if gd.get("rel"):
        if not c.dct:
            return None
        return (c.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[gd["rel"].lower()])).isoformat()
    if gd.get("mon") and gd.get("day"):
        mon = _mon(gd["mon"])
        return _month_day_year(c.dct, mon, int(gd["day"]), c.tense()) if (c.dct and mon) else None
    after = _CLOCK_THEN_DAY.match(c.text, c.end)
    if after and c.dct:
        # "at 3 p.m. local time (1300 GMT) on Tuesday": the day named right after, in the clause
        return _weekday_date(c.dct, WEEKDAYS[after["wd"].lower()], c.future(), None).isoformat()
    if c.prev:
        # "Friday at noon", "Saturday morning between 10-11 a.m.": the day just named
        t = c.prev[-1]
        if t.value and _is_day(t.value) and c.start - t.end <= 30 and _DAY_THEN_CLOCK.fullmatch(c.text, t.end, c.start):
            c.anchor_expr = t
            return t.value[:10]
    return c.dct.isoformat() if c.dct else None


_CLOCK_THEN_DAY = re.compile(
    r"(?i)\)?\s*(?:\([^()\n]{0,30}\)\s*)?,?\s*on\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_DAY_THEN_CLOCK = re.compile(
    r"(?i)[\s,]*(?:(?:at|between|from|around|about|by|until|till|before|after|"
    r"shortly|just|sometime)\s+)*(?:[01]?\d(?::[0-5]\d)?\s*(?:-|\u2013|to|and)\s*)?"
)


# --- weeks, months, quarters, years relative to the publication date


@rule(
    "date:relative-unit",
    r"(?:(?P<mod>early|earlier|late|later)(?:\s+(?:in|on))?\s+)?(?:(?P<pos>the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
    r"(?P<which>last|this|next|this\s+past|this\s+coming|the\s+current|"
    r"the\s+coming|the\s+past|the\s+previous|the\s+following|the\s+same|the\s+next|the\s+last|the\s+prior|"
    r"the\s+preceding|the\s+latest|the\s+most\s+recent|the\s+present|the(?=\s+weekend)|the(?=\s+(?:week|month)\b))"
    r"\s+(?P<u>week|weekend|month|quarter|year|"
    r"decade|century|spring|summer|fall|autumn|winter|(?:fiscal|calendar)\s+year)(?!-)(?:\s+or\s+so(?!\w))?",
    7,
)
def _r_relunit(m, c):
    which = re.sub(r"\s+", " ", m["which"].lower())
    u = re.sub(r"\s+", " ", m["u"].lower())
    if m["u"][0].isupper() and m["which"][0].isupper():
        return None  # "This Week", "Next Year": a title
    if (
        which == "the"
        and u != "weekend"
        and not (
            m["pos"]
            or (m["mod"] and re.search(r"(?i)\bin\s+$", c.text[max(0, m.start("which") - 4) : m.start("which")]))
            or (
                u in ("week", "month")
                and not m["mod"]
                and re.search(r"(?i)\b(?:for|on)\s+$", c.text[max(0, m.start() - 8) : m.start()])
            )
        )
    ):
        return None  # "the week": only "earlier in the week", "the end of the month", "For the week, ..." are this one
    if which == "the" and re.match(
        r"\s+(?:of|before|after|that|when|following|since|ending|ended|to)\b", c.text[m.end() : m.end() + 12]
    ):
        return None  # "the end of the week of the vote", "later in the week that followed"
    if u in ("fiscal year", "calendar year"):
        u = "year"
    if which in ("the past", "the last", "the next", "the coming") and u not in SEASONS and u != "weekend":
        # "the past year" is a stretch of time, not a calendar period
        if u == "quarter" and which in ("the last", "the past"):
            pass
        elif u == "year" and which == "the past" and c.dct:
            return "DATE", str(c.dct.year - 1)  # TimeBank reads "the past year" as last year
        elif (
            which in ("the next", "the coming")
            and u in ("week", "month")
            and "next-week-possessive20" not in RULES_OFF
            and re.match(r"['\u2019]s?\s", c.text[m.end() : m.end() + 3])
        ):
            # "momentum heading into the next week's primaries": a week that names a thing is
            # the coming calendar week, not a stretch of seven days
            which = "next"
        else:
            return "DURATION", _duration(1, u)
    if which in ("the previous", "the following", "the same", "the prior", "the preceding"):
        off = {"the previous": -1, "the prior": -1, "the preceding": -1, "the following": 1, "the same": 0}[which]
        if u == "decade" and "decade-shift" not in RULES_OFF:
            # "in the 1980s ... the following decade": the decade named before, moved by one
            for t in reversed(c.prev[-_LOOKBACK:]):
                if t.value and re.match(r"\d{3}(?!\d)|\d{4}", t.value) and t.type in ("DATE", "TIME"):
                    if c.start - t.end < 400:
                        c.anchor_expr = t
                        return "DATE", str(int(t.value[:3]) + off)
                    break
            return "DATE", (str(c.dct.year // 10 + off) if c.dct else None)
        anchor = _anchor(c)
        if anchor is None or u in SEASONS or u == "weekend":
            return "DATE", None
        v = _shift_value(anchor, off, u)
        if v and u == "week" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            v = _week(dt.date.fromisoformat(v))  # "the following week": a week, not a day
        elif v and u in ("year", "month") and "following-unit" not in RULES_OFF:
            # "in February 2012 ... the following year": a year (2013), not a month of it
            n = 4 if u == "year" else 7
            if re.match(r"\d{4}-\d{2}", v) and len(v) > n:
                v = v[:n]
        return "DATE", v
    if not c.dct:
        return "DATE", None
    if which == "the":
        which = "this"
    off = {
        "last": -1,
        "the past": -1,
        "this past": -1,
        "the last": -1,
        "this": 0,
        "the current": 0,
        "the present": 0,
        "next": 1,
        "this coming": 1,
        "the coming": 1,
        "the next": 1,
        "the latest": -1,
        "the most recent": -1,
    }[which]
    d = c.dct
    if u == "week":
        if (
            off == 0
            and which == "this"
            and m["which"].lower() == "this"
            and d.weekday() == 6
            and not (m["mod"] or m["pos"])
            and "sunday-week21" not in RULES_OFF
            and not (
                c.tense() == "past"
                or _over_past(c)
                or (not re.match(r"['\u2019]s\b", c.text[m.end() : m.end() + 3]) and _clause_past(c))
            )
        ):
            # "this week's convention", "He's not available this week" in a Sunday paper: the
            # week that begins tomorrow; "This week, the senate passed ..." keeps the week ending
            # today (switch ``sunday-week21``)
            off = 1
        return "DATE", _week(d + dt.timedelta(days=7 * off))
    if u == "weekend":
        if off == 0 and d.weekday() < 5:
            if m["which"].lower() == "this" and d.weekday() > 0 and "this-weekend" not in RULES_OFF:
                # "wins by a big margin this weekend" (a Wednesday paper): the weekend of this week
                # unless the verb is past ("rallied this weekend"); on a Monday the one just passed
                off = -1 if c.tense() == "past" or _over_past(c) else 0
            else:
                off = 0 if c.future() else -1
        return "DATE", f"{_week(d + dt.timedelta(days=7 * off))}-WE"
    if u == "month":
        return "DATE", _add_months(d, off).strftime("%Y-%m")
    if u == "quarter":
        if off == 0 and not (m["mod"] or m["pos"]):
            q = _quarter_reported(m, c)
            if q:
                return "DATE", q
        q = _add_months(d, 3 * off)
        return "DATE", f"{q.year}-Q{_quarter(q)}"
    if u == "year":
        if which == "last" and not (m["mod"] or m["pos"]):
            q = _year_earlier_figure(m, c)
            if q:
                return "DATE", q
        return "DATE", str(d.year + off)
    if u == "decade":
        return "DATE", str(d.year // 10 + off)
    if u == "century":
        return "DATE", str(d.year // 100 + off)
    # seasons
    code = SEASONS[u]
    y = d.year
    if off == 0:
        return "DATE", f"{y}-{code}"
    i, cur = _SEASON_ORDER.index(code), _season_now(d, code)
    if off < 0:
        y = d.year if i < cur else d.year - 1
    else:
        y = d.year if i > cur else d.year + 1
    return "DATE", f"{y}-{code}"


_SEASON_ORDER = ["WI", "SP", "SU", "FA"]


def _season_now(d: dt.date, code: str) -> int:
    """Index in _SEASON_ORDER of the season ``d`` is in; a December comes after this year's
    spring, summer and fall (4) when the season asked about is one of those."""
    if d.month == 12 and code != "WI":
        return 4
    return (d.month % 12) // 3


@rule(
    "date:two-quarters",
    rf"(?:the\s+)?(?P<fl>first|last|final|second)\s+two\s+quarters(?:\s+of\s+(?:fiscal\s+)?"
    rf"(?:(?P<y>{YEAR})|(?P<rel>last|this|next)\s+year))?",
    15,
)
def _r_two_quarters(m, c):
    """'the first two quarters of 1990' -> 1990-H1."""
    half = 1 if m["fl"].lower() == "first" else 2
    if m["fl"].lower() == "last" and not (m["y"] or m["rel"]) and "last-quarters" not in RULES_OFF:
        return "DURATION", "P2Q"  # "losing money for the last two quarters": the six months just ended
    if m["y"]:
        return "DATE", f"{m['y']}-H{half}"
    if not c.dct:
        return "DATE", None
    y = c.dct.year + {"last": -1, "this": 0, "next": 1}.get((m["rel"] or "this").lower(), 0)
    return "DATE", f"{y}-H{half}"


@rule("date:before-last", r"the\s+(?P<u>week|weekend|month|year)\s+(?P<d>before\s+last|after\s+next)", 8)
def _r_before_last(m, c):
    """'the week before last' -> two weeks back; 'the month after next' -> two months on."""
    if not c.dct:
        return "DATE", None
    n = -2 if m["d"].lower().startswith("before") else 2
    u = m["u"].lower()
    if u == "week":
        return "DATE", _week(c.dct + dt.timedelta(days=7 * n))
    if u == "weekend":
        return "DATE", _week(c.dct + dt.timedelta(days=7 * n)) + "-WE"
    if u == "month":
        return "DATE", _add_months(c.dct, n).strftime("%Y-%m")
    return "DATE", str(c.dct.year + n)


@rule("date:season", rf"{EARLY}(?P<s>spring|summer|fall|autumn|winter)\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)", 9)
def _r_season_year(m, c):
    return "DATE", f"{m['y']}-{SEASONS[m['s'].lower()]}"


@rule(
    "date:quarter",
    rf"(?:(?P<y1>{YEAR})(?:'s)?\s+|the\s+|its\s+|their\s+|(?P<last>last\s+year's|this\s+year's|next\s+year's)\s+|"
    rf"(?P<latest>the\s+latest|the\s+current)\s+)?(?:(?P<ago>year-ago|year-earlier|prior-year)\s+)?"
    rf"(?:(?:fiscal|calendar)[\s-]+)?(?:(?P<y2>{YEAR})\s+)?"
    rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|final|last|current|latest|year-earlier|year-ago|prior-year)"
    rf"[\s-]+(?:(?:fiscal|calendar|period)[\s-]+)?(?P<u>quarter|half)(?:\s+of\s+(?:fiscal\s+|calendar\s+)?"
    rf"(?:(?P<y3>{YEAR})|(?P<rel>last|this|next)\s+year))?",
    14,
)
def _r_quarter(m, c):
    qw = m["q"].lower()
    half = m["u"].lower() == "half"
    y = m["y1"] or m["y2"] or m["y3"]
    rel = (m["last"] or m["rel"] or "").lower().split()[0] if (m["last"] or m["rel"]) else None
    if qw in ORDINALS:
        n = ORDINALS[qw]
        if half and n > 2:
            return None
    else:
        n = None
    if y:
        y = int(y)
    elif rel and c.dct:
        y = c.dct.year + {"last": -1, "this": 0, "next": 1}[rel]
    elif c.dct:
        y = None
    else:
        return "DATE", None
    if half:
        if n is None:
            return "DATE", None
        if y is None:
            cur = 1 if c.dct.month <= 6 else 2
            y = c.dct.year if (n <= cur or c.future()) else c.dct.year - 1
        return "DATE", f"{y}-H{n}"
    if n is None:
        # last / latest / current / year-earlier quarter
        if qw == "current":
            base = f"{c.dct.year}-Q{_quarter(c.dct)}" if c.dct else None
        else:
            base = _recent_quarter(c)
        if base and qw in ("year-earlier", "year-ago", "prior-year"):
            base = _shift_value(base, -1, "year")
        if base and y and not qw.startswith(("year", "prior")):
            base = f"{y}-Q{base[-1]}"
        return "DATE", base
    if y is None:
        cur = _quarter(c.dct)
        y = c.dct.year if (n <= cur or c.future()) else c.dct.year - 1
        # an earnings report in the first weeks of a quarter talks about the one just ended
    if m["ago"]:
        y -= 1
    return "DATE", f"{y}-Q{n}"


def _named_quarter(c, periods: bool = False) -> Optional[str]:
    """The last completed quarter named earlier in the article ('third-quarter profit').

    With ``periods``, a reporting period of months named after it wins ("In the nine months, net
    rose ... from $504 million a year earlier"): its year is returned, as a year-earlier figure
    for "the nine months" is the same months of the year before, a year in TIMEX3 terms."""
    cur = f"{c.dct.year}-Q{_quarter(c.dct)}" if c.dct else None
    for t in reversed(c.prev[-_LOOKBACK:]):
        if (
            t.rule == "date:quarter"
            and t.value
            and _QUARTER_VALUE.fullmatch(t.value)
            and not _SHIFTED_QUARTER.search(t.text)
            and (cur is None or t.value < cur or (t.value == cur and _reported_past(c, t)))
        ):
            c.anchor_expr = t
            return t.value
        if periods and c.dct and t.type == "DURATION" and _MONTHS_PERIOD.fullmatch(t.text):
            c.anchor_expr = t
            return str(_add_months(c.dct, -3).year)
    return None


_MONTHS_PERIOD = re.compile(r"(?i)(?:the\s+)?(?:first\s+|latest\s+|same\s+)?(?:six|nine|[69])\s+months")


def _first_verb_above(doc: Doc, start: int, end: int):
    """The first verb above the tokens of ``doc.text[start:end]`` in the parse (not a participle
    used as an adjective), else None."""
    if not doc.has_annotation("DEP"):
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "amod":
            return tok
        if tok.head == tok:
            return None
        tok = tok.head
    return None


def _reported_past(c, t: TimeExpr) -> bool:
    """A quarter named with the publication's own calendar quarter whose figures are told in the
    past ("Ralston reported a decline in fourth-quarter earnings" on Nov. 2): a fiscal quarter
    that has ended, the period the report is about (switch ``fiscal-current``). The first verb
    above the expression must be a simple past or a perfect."""
    if "fiscal-current" in RULES_OFF:
        return False
    v = _first_verb_above(c.doc, t.start, t.end)
    if v is None:
        return False
    if v.tag_ == "VBD":
        return True
    return v.tag_ == "VBN" and any(a.dep_ == "aux" and a.lower_ in ("has", "have", "had") for a in children(v))


_QUARTER_VALUE = re.compile(r"\d{4}-Q\d")
_SHIFTED_QUARTER = re.compile(r"(?i)year-|ago|earlier|last year|prior")


def _recent_quarter(c, periods: bool = False) -> Optional[str]:
    """The quarter a report means by 'the quarter': the last one named, else the last completed."""
    named = _named_quarter(c, periods)
    if named:
        return named
    if not c.dct:
        return None
    q = _add_months(c.dct, -3)
    return f"{q.year}-Q{_quarter(q)}"


@rule(
    "date:the-quarter",
    rf"(?:the|(?P<ly>last\s+year's))\s+(?:(?P<a>latest|recent|most\s+recent|year-earlier|year-ago|same|"
    rf"comparable|corresponding|(?P<y>{YEAR}))\s+)?(?P<u>quarter|period)(?!-)"
    rf"(?P<sfx>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?",
    3,
)
def _r_the_quarter(m, c):
    a = re.sub(r"\s+", " ", (m["a"] or "").lower())
    period = m["u"].lower() == "period"
    if period and not (a or m["ly"] or m["sfx"]):
        return None
    if not period and not (a or m["ly"] or m["sfx"]):
        ended = _quarter_ended(c, m.end())
        if ended:
            return "DATE", ended  # "the quarter ended July 31": the three months before that day
    base = _recent_quarter(
        c, periods=period and bool(a in ("year-earlier", "year-ago") or m["ly"] or m["sfx"] or m["y"])
    )
    if not base:
        return "DATE", None
    if a in ("year-earlier", "year-ago") or m["ly"] or m["sfx"]:
        base = _shift_value(base, -1, "year")
    if m["y"]:
        base = f"{m['y']}-Q{base[-1]}" if "Q" in base else m["y"]
    return "DATE", base


_ENDED_DAY = re.compile(rf"\s+(?:ended|ending)\s+(?:on\s+)?{MON_D}\s+{DAYNUM}(?!\d)(?:,?\s+(?P<y>{YEAR})(?!\d))?")


def _quarter_ended(c, end: int) -> Optional[str]:
    """'the quarter ended July 31' (text from ``end`` on): the calendar quarter that holds most of
    the three months up to that day (May-July -> Q2), whatever the company calls it."""
    m = _ENDED_DAY.match(c.text, end)
    if not m:
        return None
    mon = _mon(m["mon"])
    if not mon or not 1 <= int(m["day"]) <= 31:
        return None
    if m["y"]:
        day = _date_or_none(int(m["y"]), mon, int(m["day"]))
    elif c.dct:
        v = _month_day_year(c.dct, mon, int(m["day"]), "past" if m.group(0).lstrip().startswith("ended") else None)
        day = dt.date.fromisoformat(v) if v else None
    else:
        return None
    if day is None:
        return None
    mid = day - dt.timedelta(days=45)
    return f"{mid.year}-Q{_quarter(mid)}"


@rule(
    "date:month-quarter",
    rf"(?:the\s+|its\s+)?(?:(?P<y>{YEAR})\s+)?(?:fiscal\s+)?"
    rf"(?P<mon>{MONTH_FULL}|{MONTH_ABBR}\.?)[\s-]+quarter",
    16,
)
def _r_month_quarter(m, c):
    """'the September quarter': the quarter that ends in that month (July-September -> Q3)."""
    if not _capitalised(m, "mon"):
        return None
    mon = _mon(m["mon"])
    if not mon:
        return None
    mid_mon = (mon - 2) % 12 + 1  # the middle month of the three that end in ``mon``
    if m["y"]:
        y = int(m["y"]) - (1 if mid_mon > mon else 0)
        return "DATE", f"{y}-Q{(mid_mon - 1) // 3 + 1}"
    if not c.dct:
        return "DATE", None
    end = _add_months(dt.date(c.dct.year, mon, 1), 1) - dt.timedelta(days=1)
    if end > c.dct and not c.future():
        end = _add_months(dt.date(c.dct.year - 1, mon, 1), 1) - dt.timedelta(days=1)
    mid = end - dt.timedelta(days=45)
    return "DATE", f"{mid.year}-Q{_quarter(mid)}"


@rule(
    "date:the-year",
    r"(?:(?P<mod>earlier|later|early|late)\s+in\s+)?(?P<pre>(?<=for\s)|(?<=in\s)|(?<=of\s)|"
    r"(?<=during\s)|(?<=over\s)|(?<=through\s)|(?<=throughout\s))?the\s+year(?![-'\w]|\s+(?:ago|earlier|before|after|"
    r"end|two|or)\b|\s+\d)",
    3,
)
def _r_the_year(m, c):
    if "Year" in m.group(0):
        return None  # "Person of the Year": a title
    if re.match(rf"\s+(?:ended|ending)\b|\s+to\s+(?:end-|the\s+end\s+of\s+)?{MON}", c.text[m.end() : m.end() + 30]):
        return "DURATION", "P1Y"  # "in the year ended March 31", "the year to March": a year-long period
    before = c.text[max(0, m.start() - 8) : m.start()].lower()
    if not m["mod"] and "part-year21" not in RULES_OFF and c.prev and re.search(r"\bof\s+$", before):
        t = c.prev[-1]
        if t.value and re.match(r"\d{4}-(?:Q|H)\d", t.value) and re.fullmatch(r"\s+of\s+", c.text[t.end : m.start()]):
            # "raised more in the second half of the year than in the first" (the second half
            # read as 2015's): the year of that half or quarter (switch ``part-year21``)
            c.anchor_expr = t
            return "DATE", t.value[:4]
    if m["mod"] or re.search(r"\b(in|of)\s+$", before):
        return "DATE", str(c.dct.year) if c.dct else None
    if re.search(r"\b(for|during)\s+$", before):
        # "For the year, pet food volume was flat": the year being reported on, a calendar year
        named = _year_ended_named(c)
        if named:
            return "DATE", named
        if not c.dct:
            return "DATE", None
        # annual results published early in a year are those of the year before
        return "DATE", str(c.dct.year - (1 if c.dct.month <= 2 and c.tense() == "past" else 0))
    return "DURATION", "P1Y"  # "over the year", "the year ended Sept. 30": a year-long period


def _year_ended_named(c) -> Optional[str]:
    """The year of the last "year ended/ending <day>" named before (a fiscal year's end)."""
    for t in reversed(c.prev[-_LOOKBACK:]):
        if (
            t.value
            and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value)
            and re.search(r"(?i)\byear\s+(?:ended|ending)\s+(?:on\s+)?$", c.text[max(0, t.start - 24) : t.start])
        ):
            c.anchor_expr = t
            return t.value[:4]
    return None


@rule(
    "date:anchored-day",
    r"the\s+(?:(?P<w>next|following|previous|same|prior|preceding)\s+day|day\s+(?P<w2>before|after)"
    r"(?=\s*[,.;:!?]))",
    5,
)
def _r_anchored_day(m, c):
    w = (m["w"] or m["w2"]).lower()
    off = {"next": 1, "following": 1, "after": 1, "same": 0}.get(w, -1)
    for t in reversed(c.prev[-_LOOKBACK:]):
        if (
            m["w2"]
            and "anchor-chain21" not in RULES_OFF
            and t.rule == "date:anchored-day"
            and re.fullmatch(rf"(?i)the\s+day\s+{m['w2']}", t.text)
        ):
            # "fell to 1.45 percent from 1.51 percent the day before. ... the euro rose to $1.11
            # from $1.10 the day before": each compares with the day before the day reported on,
            # not with the day before the day before (switch ``anchor-chain21``): the same day
            if t.value and c.start - t.end < 600:
                c.anchor_expr = t
                return "DATE", t.value[:10]
            continue
        if t.value and re.match(r"\d{4}-\d{2}-\d{2}", t.value) and t.type in ("DATE", "TIME"):
            if c.start - t.end < 600:
                c.anchor_expr = t
                return "DATE", _shift_value(t.value[:10], off, "day")
            break
    return "DATE", None  # "the next day" with no day named before it


@rule("date:in-the-day", r"(?:earlier|later)\s+in\s+the\s+day(?![-'\w])", 4)
def _r_in_the_day(m, c):
    """'earlier in the day': the day named last (600 characters back), else the publication day."""
    for t in reversed(c.prev[-_LOOKBACK:]):
        if t.value and re.match(r"\d{4}-\d{2}-\d{2}", t.value) and t.type in ("DATE", "TIME"):
            if c.start - t.end < 600:
                c.anchor_expr = t
                return "DATE", t.value[:10]
            break
    return "DATE", c.dct.isoformat() if c.dct else None


@rule(
    "date:q-abbrev",
    rf"(?P<qa>[QH][1-4])\s+(?:FY\s?|fiscal\s+)?(?P<y1>{YEAR})(?!\d)|(?P<y2>{YEAR})\s+(?P<qb>[QH][1-4])(?![\w-])",
    15,
    0,
)
def _r_q_abbrev(m, c):
    """'Q3 2023', '2023 Q3', 'H1 2024': a quarter or half of that year (as the company numbers it)."""
    q = m["qa"] or m["qb"]
    if q[0] == "H" and q[1] not in "12":
        return None
    return "DATE", f"{m['y1'] or m['y2']}-{q}"


@rule(
    "date:that-unit",
    r"(?:(?:early|earlier|late|later)(?:\s+in)?\s+)?that\s+(?P<u>year|month|day|week|morning|afternoon|evening|night)(?![-'\w])",
    3,
)
def _r_that_unit(m, c):
    anchor = None
    for t in reversed(c.prev[-_LOOKBACK:]):
        if t.value and re.match(r"\d{4}", t.value) and t.type in ("DATE", "TIME"):
            anchor = t.value.split("T")[0]
            c.anchor_expr = t
            break
    if anchor is None:
        return None  # "that day" with nothing to point back to is not worth a record
    u = m["u"].lower()
    if u in PARTS:  # "that evening": the part of the day named last
        return ("TIME", f"{anchor}T{PARTS[u]}") if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor) else None
    wk = re.fullmatch(r"(\d{4})-W(\d{2})", anchor)
    if wk and u in ("month", "year"):
        try:  # a week: the month or year of its Thursday
            anchor = dt.date.fromisocalendar(int(wk.group(1)), int(wk.group(2)), 4).isoformat()
        except ValueError:
            return None
    if u == "year":
        return "DATE", anchor[:4]
    if u == "month":
        return ("DATE", anchor[:7]) if re.match(r"\d{4}-\d{2}", anchor) else None
    if u == "week":
        if re.fullmatch(r"\d{4}-W\d{2}", anchor):
            return "DATE", anchor
        return ("DATE", _week(dt.date.fromisoformat(anchor))) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor) else None
    return ("DATE", anchor) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", anchor) else None


@rule(
    "date:the-season",
    r"the\s+(?:(?P<mod>early|late|mid)[- ]?)?(?P<s>spring|summer|fall|autumn|winter)(?!\s+(?:of\s+)?\d)",
    4,
)
def _r_the_season(m, c):
    if not c.dct:
        return "DATE", None
    code = SEASONS[m["s"].lower()]
    i, cur = _SEASON_ORDER.index(code), _season_now(c.dct, code)
    y = c.dct.year
    t = c.tense()
    if t == "past" and i > cur:
        y -= 1
    elif t == "future" and i < cur:
        y += 1
    return "DATE", f"{y}-{code}"


@rule("date:year-earlier", r"(?P<w>year-earlier|year-ago)", 2)
def _r_year_earlier(m, c):
    base = _recent_quarter(c, periods=True)
    return "DATE", _shift_value(base, -1, "year") if base else None


@rule(
    "date:year",
    rf"{EARLY}(?:the\s+(?:end|beginning|start|middle|close)\s+of\s+)?(?:(?P<fiscal>fiscal|calendar|model)\s+(?:year\s+)?)?(?P<y>{YEAR})(?:-(?P<y2>\d\d))?(?!\d|[.,]\d|\s*(?:%|percent|per\s+cent))",
    4,
)
def _r_year(m, c):
    s = m.start()
    before = c.text[max(0, s - 1) : s]
    if re.search(r"[$#€£\d]", before) or re.search(r"(?i)\bno\.\s*$", c.text[max(0, s - 5) : s]):
        return None
    after = c.text[m.end() : m.end() + 12].lower()
    if re.match(r"\s*(?:shares|people|troops|tons|votes|dollars|miles|meters|feet|units|cars)\b", after):
        return None
    if _WIRE_ZONE.match(c.text, m.end()) and not m["y2"]:
        return None  # "at 1600 local time", "1300 GMT": a 24-hour clock time (time:24h)
    return "DATE", m["y"]


_WIRE_ZONE = re.compile(r"\s*(?:GMT|UTC|Z\b|local\s+time|IST\b|CET\b|BST\b|EST\b|EDT\b|ET\b)")


@rule(
    "time:24h",
    r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:GMT|UTC|Z|local\s+time|IST|CET|BST|EST|EDT|ET)(?![\w])"
    rf"(?:,?\s+(?:(?:on\s+)?{WDAY}|(?P<rel>yesterday|today|tomorrow)|(?:on\s+)?{MON_D}\s+{DAYNUM}(?!\d)))?",
    13,
    0,
)
def _r_24h(m, c):
    """Wire-style 24-hour clock times: "1300 GMT", "at 1600 local time on Friday"."""
    d = _day_of_suffix(m, c)
    return "TIME", (f"{d}T{m['h']}:{m['mi']}" if d else None)


@rule("date:decade", rf"(?:the\s+)?{EARLY}(?:(?P<y>(?:1[5-9]|20)\d0)|'(?P<yy>\d0))['\u2019]?s", 9, 0)
def _r_decade(m, c):
    if m["y"] and re.search(r"['\u2019]s$", m.group(0)) and not re.match(r"(?i)the\s|early|late|mid", m.group(0)):
        return None  # "1990's budget": a year's, not a decade
    if m["y"]:
        return "DATE", m["y"][:3]
    return "DATE", "19" + m["yy"][0]


SPOKEN_TEENS = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
CENTURY_WORDS = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}


_SPOKEN_YEAR = (
    rf"(?:(?P<a>nineteen|eighteen)[- ](?P<b>{TENS}(?:[- ]{ONES})?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred))"
)


@rule("date:month-spoken-year", rf"{MON}\s+(?:of\s+)?{_SPOKEN_YEAR}", 16)
def _r_month_spoken_year(m, c):
    """Broadcast transcripts: "January nineteen ninety-seven" -> 1997-01."""
    if not _capitalised(m, "mon"):
        return None
    res = _r_spoken_year(m, c)
    return ("DATE", f"{res[1]}-{_mon(m['mon']):02d}") if res else None


@rule(
    "date:spoken-year",
    rf"(?:the\s+year\s+)?(?:(?P<a>nineteen|eighteen)[- ](?P<b>{TENS}(?:[- ]{ONES})?|ten|eleven|twelve|thirteen|"
    rf"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)|(?P<k>the\s+year\s+two\s+thousand)"
    rf"(?:[- ](?:and[- ])?(?P<c>{ONES}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"twenty(?:[- ]{ONES})?))?)",
    9,
)
def _r_spoken_year(m, c):
    if m.groupdict().get("k"):
        n = _num(m["c"]) if m["c"] else 0
        return "DATE", str(2000 + int(n or 0))
    cent = 1900 if m["a"].lower() == "nineteen" else 1800
    b = m["b"].lower()
    if b == "hundred":
        return "DATE", str(cent)
    n = SPOKEN_TEENS.get(b)
    if n is None:
        n = _num(b)
    return ("DATE", str(cent + int(n))) if n is not None else None


@rule(
    "date:decade-word",
    r"the\s+(?:(?:early|mid|late)[- ]?)?(?P<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)",
    9,
)
def _r_decade_word(m, c):
    return "DATE", "19" + str(DECADE_WORDS[m["w"].lower()])


@rule(
    "date:century",
    r"(?:the\s+)?(?:(?:early|mid|late)[- ]?)?(?:(?P<n>1?\d|2[01])(?:st|nd|rd|th)|(?P<w>eighteenth|nineteenth|"
    r"twentieth|twenty[- ]first))[- ]century",
    9,
)
def _r_century(m, c):
    n = (
        int(m["n"])
        if m["n"]
        else CENTURY_WORDS[m["w"].lower().replace("-", " ") if "first" in m["w"].lower() else m["w"].lower()]
    )
    return "DATE", f"{n - 1:02d}"


@rule(
    "date:full-year", r"(?P<w>the\s+full\s+year|the\s+fiscal\s+year|the\s+full\s+fiscal\s+year|the\s+whole\s+year)", 6
)
def _r_full_year(m, c):
    if "fiscal" in m["w"].lower() and "full" not in m["w"].lower():
        return "DURATION", "P1Y"
    return "DATE", str(c.dct.year) if c.dct else None


@rule(
    "date:year-end",
    r"(?P<w>year-end|year\s+end|year's\s+end|the\s+end\s+of\s+the\s+year|the\s+end\s+of\s+this\s+year|"
    r"the\s+end\s+of\s+the\s+month|the\s+end\s+of\s+this\s+month|month-end|the\s+end\s+of\s+the\s+week|"
    r"the\s+end\s+of\s+this\s+week)",
    6,
)
def _r_year_end(m, c):
    if not c.dct:
        return "DATE", None
    w = m["w"].lower()
    if "week" in w:
        return "DATE", _week(c.dct)
    if "month" in w:
        return "DATE", c.dct.strftime("%Y-%m")
    return "DATE", str(c.dct.year)


@rule(
    "date:ref",
    r"(?P<w>now|currently|current|at\s+present|the\s+present|nowadays|these\s+days|"
    r"recently|recent|lately|formerly|the\s+past|soon|the\s+future|the\s+near\s+future|"
    r"the\s+short\s+term|the\s+long\s+term|the\s+near\s+term|once\s+again|more\s+recently)",
    1,
)
def _r_ref(m, c):
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w == "once again":
        return None
    if w == "current":
        return None  # mostly an adjective ("current account"); TimeBank tags it unevenly
    if w in ("now", "right now", "currently", "at present", "the present", "nowadays", "these days"):
        if w == "now" and re.match(r"\s+that\b", c.text[m.end() : m.end() + 6]):
            return None
        return "DATE", "PRESENT_REF"
    if (
        w == "soon"
        and re.search(r"(?i)\bas\s+$", c.text[max(0, m.start() - 4) : m.start()])
        and re.match(r"\s+as\b", c.text[m.end() : m.end() + 4])
    ):
        return None  # "as soon as": a conjunction
    if w == "soon" and "soon-past21" not in RULES_OFF and _soon_in_past(m, c):
        return None
    if (
        w == "the future"
        and "title-future21" not in RULES_OFF
        and m["w"][4:5] == "F"
        and not re.search(r"(?:^|[.!?:]\s*[\"'\u201c\u2018]?)\s*$", c.text[max(0, m.start("w") - 4) : m.start("w")])
    ):
        return None  # 'a clip from "Back to the Future"', "the Party of the Future": a title
    if w in ("soon", "the future", "the near future", "the short term", "the long term", "the near term", "future"):
        return "DATE", "FUTURE_REF"
    if "ref-extent20" not in RULES_OFF:
        if w == "the past" and re.match(
            rf"(?i)\s+(?:\d+|{TENS}|{ONES}|ten|eleven|twelve|\w+teen|several|few|couple)\b",
            c.text[m.end() : m.end() + 30],
        ):
            # "in five of the past six election cycles", "the past two election cycles": a count
            # of things that are not units of time (a unit would have made it a duration)
            return None
        if w == "lately" and m.start() > 0 and c.text[m.start() - 1] == "-":
            return None  # "a Johnny-come-lately": a word inside a hyphenated compound
    return "DATE", "PAST_REF"


def _soon_in_past(m, c) -> bool:
    """'Soon afterward, Clinton strode out', 'soon the candidate had declared': "soon" seen from a
    past moment of the story, not from publication (switch ``soon-past21``); such a "soon" has no
    value of its own, so it is no expression ("will soon begin" stays FUTURE_REF)."""
    v = _gov_verb(c.doc, m.start(), m.end()) if c.doc.has_annotation("DEP") else None
    if v is not None and (_explicit_tense(v) == "future" or _later_than_past(v)):
        return False  # "who will retire soon after serving in Iran"
    if re.match(r"(?i)\s*,?\s*(?:after|afterwards?|thereafter)\b", c.text[m.end() : m.end() + 16]):
        return True
    return v is not None and _explicit_tense(v) == "past"


def _later_than_past(v) -> bool:
    """'would soon', 'was soon to become': a future seen from the past is still no past act."""
    return any(c.dep_ == "aux" and c.lower_ in ("would", "could", "'d", "\u2019d") for c in children(v))


@rule(
    "date:vague",
    r"(?P<w>an?\s+(?:later|future|subsequent|earlier)\s+(?:date|time|stage)|"
    r"(?:(?<=for\s)|(?<=in\s)|(?<=after\s))(?:quite\s+)?(?:a\s+while|some\s+time)|(?:a\s+while|some\s+time)\s+ago)",
    4,
)
def _r_vague(m, c):
    """'at a later date' FUTURE_REF, 'at an earlier stage' PAST_REF; 'for a while', 'for some
    time' a duration of unknown length (PXX); 'a while ago' PAST_REF."""
    w = re.sub(r"\s+", " ", m["w"].lower())
    if re.match(r"\s+than\b", c.text[m.end() : m.end() + 6]):
        return None  # "started at a later date than the others": a comparison, not a time
    if w.endswith(" ago") or "earlier" in w:
        return "DATE", "PAST_REF"
    if "later" in w or "future" in w or "subsequent" in w:
        return "DATE", "FUTURE_REF"
    c.approx = True
    return "DURATION", "PXX"


@rule("date:then", r"(?:(?<=until\s)|(?<=till\s)|(?<=by\s)|(?<=since\s)|(?<=before\s)|(?<=after\s))then(?![\w-])", 3)
def _r_then(m, c):
    """'until then', 'by then', 'since then': the time named last before it (in the last 600
    characters); nothing when there is none."""
    for t in reversed(c.prev[-_LOOKBACK:]):
        if t.value and re.match(r"\d{4}", t.value) and t.type in ("DATE", "TIME"):
            if c.start - t.end < 600:
                c.anchor_expr = t
                return "DATE", t.value
            break
    return None


@rule(
    "date:recent-units",
    r"(?P<w>recent|the\s+past\s+(?:few|several)|the\s+last\s+(?:few|several)|coming|the\s+coming|"
    r"the\s+next\s+(?:few|several)|the)\s+(?P<unit>days|weeks|months|years|quarters|decades)(?:\s+ahead)?",
    5,
)
def _r_recent_units(m, c):
    w = m["w"].lower()
    u = m["unit"].lower()
    if w == "the" and not m.group(0).lower().endswith("ahead"):
        if u in ("years", "decades") and re.search(
            r"(?i)\b(?:over|through|across|down)\s+$", c.text[max(0, m.start() - 8) : m.start()]
        ):
            return "DURATION", _duration(None, u)  # "over the years": an unstated number of years
        return None
    return "DURATION", _duration(None, u)  # "recent years", "the past few weeks", "coming months"


# --- shifts and durations


@rule(
    "date:ago",
    rf"{APPROX}{NUM}[\s-]+{UNIT}\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence|previously|prior|"
    r"from(?=\s+(?:today|tonight|tomorrow|yesterday|(?:next\s+|this\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday))\b))",
    13,
)
def _r_ago(m, c):
    n = _num(m["num"])
    u = m["unit"].lower().rstrip("s")
    d = m["dir"].lower()
    if d in ("before", "after", "later", "from"):
        # resolved when a time expression follows ("a day after Monday's vote", "a week from
        # tonight", switch ``from-day21``); see _merge_shift.
        # "three days later": as in TimeML, the duration, with "later" as its signal
        return "DURATION", _duration(n, u)
    if n is None:
        return "DATE", "PAST_REF" if d in ("ago", "earlier", "previously", "prior") else "FUTURE_REF"
    if u in ("second", "minute", "hour"):
        return "DURATION", _duration(n, u)
    sign = -1 if d in ("ago", "earlier", "previously", "prior") else 1
    if u in ("week", "fortnight"):
        c.approx = True  # "two weeks ago": a day about that far back
    if d in ("ago", "from now", "hence"):
        if not c.dct:
            return "DATE", None
        anchor = c.dct.isoformat()
        if u in ("year", "quarter") and n == 1 and _figures_compared(c):
            q = _named_quarter(c, periods=u == "year")
            if q:
                anchor = q
    else:
        anchor = _anchor(c)
        if u in ("year", "quarter") and n == 1 and _figures_compared(c):
            anchor = _named_quarter(c, periods=u == "year") or anchor
        if anchor is None:
            return "DATE", None
    if not float(n).is_integer():
        return "DATE", None
    v = _shift_value(anchor, sign * int(n), u)
    return "DATE", v


_FIGURES = re.compile(r"[$#\u20ac\u00a3]\s?\d|\d\s?%|\b(?:percent|cents?|compared|from|versus|vs\.?)\b", re.I)


def _figures_compared(c) -> bool:
    """The sentence around the expression compares reported figures ("up 9% from $7.85 billion a
    year earlier", "compared with a year ago"): only then is "a year ago" the year-earlier
    reporting period rather than the day a year before publication."""
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is not None and len(span) and (c.doc.has_annotation("SENT_START") or c.doc.has_annotation("DEP")):
        sent = sent_of(c.doc, span.start)
        return bool(_FIGURES.search(c.text, sent.start_char, sent.end_char))
    return bool(_FIGURES.search(c.text[max(0, c.start - 200) : c.end + 100]))


_FIGURE_BEFORE = re.compile(
    r"(?:[$#\u20ac\u00a3]\s?\d[\d.,]*(?:\s+(?:million|billion|thousand|trillion))?|\d\s?%|\d\s+percent|"
    r"\bcents?|\ba\s+share)\s*,?\s*$",
    re.I,
)
_FIGURE_AFTER = re.compile(r"['\u2019]s\s+[$#\u20ac\u00a3]\s?\d")
_COMPARED_BEFORE = re.compile(r"\b(?:from|compared|versus|vs\.?|against|than)\b", re.I)


# nouns of reported figures (data/en/times/result_nouns.tsv): "This quarter's loss"
RESULT_NOUNS = words(table("times/result_nouns.tsv", columns=("word",), key=("word",)), "word")
_RESULTS_AFTER = re.compile(r"['\u2019]s\s+(?:(?P<a>\w+)\s+)?(?P<n>\w+)\b")


def _quarter_reported(m, c) -> Optional[str]:
    """'This quarter's loss includes charges of ...' in a report published in the first weeks of
    a quarter, after a quarter named as the one reported (switch ``this-quarter-results``): the
    figures are those of the quarter just reported, not of the quarter under way, which has no
    results yet. Not with a future verb ("this quarter's sales will fall")."""
    if "this-quarter-results" in RULES_OFF or not c.dct or c.dct.month % 3 == 0:
        return None
    if (c.dct - dt.date(c.dct.year, c.dct.month - (c.dct.month - 1) % 3, 1)).days > 45:
        return None
    r = _RESULTS_AFTER.match(c.text, m.end())
    if not r or not (r["n"].lower() in RESULT_NOUNS or (r["a"] or "").lower() in RESULT_NOUNS):
        return None
    if c.future() or _first_verb_ahead(c):
        return None
    q = _named_quarter(c)
    prev = _add_months(c.dct, -3)
    return q if q == f"{prev.year}-Q{_quarter(prev)}" else None


def _first_verb_ahead(c) -> bool:
    """The first verb above the expression is a future or a modal one ("This quarter's sales will
    fall"), or a to-infinitive."""
    v = _first_verb_above(c.doc, c.start, c.end)
    return v is not None and any(a.dep_ in ("aux", "auxpass") and a.lower_ in _AHEAD_AUX for a in children(v))


_AHEAD_AUX = frozenset({"will", "shall", "'ll", "\u2019ll", "would", "may", "might", "could", "should", "to"})


def _year_earlier_figure(m, c) -> Optional[str]:
    """'last year' as the year-earlier figure of a reported quarter (switch ``last-year-figure``):
    "earnings of $24 million, compared with a loss of $3 million last year", "a 13% increase from
    last year's $1.55 billion", after a quarter named earlier in the article: the same quarter a
    year back, as "a year ago" is read in such a sentence. Only right after (or, with "'s", right
    before) the figure, after a word of comparison in the sentence: "the 16 cents a share it
    reported last year", "had $110 million in sales last year" stay the year."""
    if "last-year-figure" in RULES_OFF:
        return None
    before = c.text[max(0, m.start() - 40) : m.start()]
    after = c.text[m.end() : m.end() + 12]
    if not (_FIGURE_BEFORE.search(before) or _FIGURE_AFTER.match(after)):
        return None
    span = c.doc.char_span(c.start, c.end, alignment_mode="expand")
    if span is None or not len(span) or not (c.doc.has_annotation("SENT_START") or c.doc.has_annotation("DEP")):
        return None
    sent = sent_of(c.doc, span.start)
    if not _COMPARED_BEFORE.search(c.text, sent.start_char, m.start()):
        return None
    q = _named_quarter(c, periods=True)
    return _shift_value(q, -1, "year") if q else None


def _anchor(c) -> Optional[str]:
    """The calendar value a relative shift hangs on: the last resolved date before it in the same
    or previous sentence, else the publication date."""
    for t in reversed(c.prev[-_LOOKBACK:]):
        if t.value and re.match(r"\d{4}", t.value) and t.type in ("DATE", "TIME"):
            if c.start - t.end < 400:
                c.anchor_expr = t
                return t.value.split("T")[0]
            break
    return c.dct.isoformat() if c.dct else None


@rule(
    "duration",
    rf"{APPROX}(?:the\s+(?:(?P<which>past|last|next|first|coming|previous|following|latest|final|remaining|"
    rf"initial|entire|full|whole|same|year-earlier)\s+)?)?{NUM}(?:[\s-]+(?P<conj>and|or|to)[\s-]+(?P<num2>{NUMWORD}))?"
    rf"(?:\s+(?:more|additional|straight|consecutive|full|long|trading|business|working|successive))?[\s-]+{UNIT}"
    rf"(?:-old|\s+old)?(?:\s+or\s+(?P<orx>so|two|three|more)(?!\w))?",
    6,
)
def _r_duration(m, c):
    n = _num(m["num"])
    u = m["unit"]
    numtext = m["num"].lower()
    if numtext in ("a", "an") and u.lower().endswith("s"):
        return None
    if u.lower() == "second" and numtext in ("a", "an") and re.match(r"(?:\s+|-)[a-z]", c.text[m.end() : m.end() + 2]):
        return None  # "a second time", "a second term", "a second-place finish": the ordinal
    after = c.text[m.end() : m.end() + 5]
    if u.lower().startswith("quarter") and re.match(r"\s+of\b", after):
        return None  # "three-quarters of the budget"
    if "fraction-quarters" not in RULES_OFF and re.fullmatch(r"(?i)(?:two|three)-quarters", m.group(0)):
        return None  # "as high as three-quarters in Missouri", "down three-quarters from 2009": a share
    if (
        "fraction-range21" not in RULES_OFF
        and re.fullmatch(r"(?i)(?:one|a)-quarter", m.group(0))
        and re.match(
            r"(?i)\s+(?:to|or|and)\s+(?:one|two|a)[\s-](?:third|half|fifth|quarter)\b", c.text[m.end() : m.end() + 24]
        )
    ):
        return None  # "one-quarter to one-third of his union's workers": a share (switch ``fraction-range21``)
    if re.search(r"(?i)[\s-]old$", m.group(0)) and not re.search(r"-old$", m.group(0)):
        return None  # "55 years old": an age
    if re.fullmatch(r"\d+(\.\d+)?", numtext):
        # "1990 years" is not a year count; plain numbers before units are fine
        if float(numtext) > 1000:
            return None
    ul = u.lower().rstrip("s")
    bare = not (m["approx"] or m["which"] or m["num2"] or m.group(0).lower().startswith("the"))
    if (
        bare
        and numtext in ("a", "an")
        and re.match(r"\s+(?:when|where|in\s+which|during\s+which)\b", after + c.text[m.end() + 5 : m.end() + 16])
    ):
        return None  # "in a year when arguments against big government...": some year, not a length of time
    if (
        bare
        and numtext in ("a", "an")
        and not u.lower().endswith("s")
        and _RATE_BEFORE.search(c.text[max(0, m.start() - 40) : m.start()])
    ):
        return "SET", _duration(1, ul)  # "$2 million a year", "three times a week": a rate
    if (
        ul == "quarter"
        and numtext in ("some", "many", "all", "other", "most")
        and re.search(r"(?i)\b(?:in|from|by|among)\s+$", c.text[max(0, m.start() - 8) : m.start()])
    ):
        return None  # "fierce in some quarters": places, not periods
    if m["orx"] and m["orx"].lower() != "more":
        c.approx = True  # "a year or so", "a day or two"
    if m["approx"] and _HEDGES.fullmatch(m["approx"].strip()):
        c.approx = True
    if (
        bare
        and numtext in ("one", "some")
        and ul == "day"
        and not re.search(
            r"(?i)\b(?:for|in|within|over|after|of|than|to|by|per|every|each|a|the|first|last|only|just)\s+$",
            c.text[max(0, m.start() - 10) : m.start()],
        )
        and _modal_future(c)
    ):
        return "DATE", "FUTURE_REF"  # "could one day become": some day, not a day long
    if (
        bare
        and ul in ("day", "week", "fortnight", "month", "year", "decade")
        and re.search(r"(?i)(?<![\w-])in\s+$", c.text[max(0, m.start() - 4) : m.start()])
        and _modal_future(c)
    ):
        # "would be redeemed in five years": a date that far after publication
        if n is None or (m["orx"] and m["orx"].lower() in ("two", "three")):
            return "DATE", "FUTURE_REF"
        if not c.dct or not float(n).is_integer():
            return "DATE", None
        if ul in ("week", "fortnight"):
            c.approx = True
        return "DATE", _shift_value(c.dct.isoformat(), int(n), ul)
    if m["num2"] and m["conj"].lower() in ("to", "or"):
        n2 = _num(m["num2"])
        if n is not None and n2 is not None and n2 > n:
            # "12 to 18 months": the count is not known, the range is
            c.range = [_duration(n, u), _duration(n2, u)]
            return "DURATION", _duration(None, u)
    return "DURATION", _duration(n, u)


_RATE_BEFORE = re.compile(
    r"(?i)(?:\d|\b(?:once|twice|times|thousand|million|billion|hundred|percent)\b)\S*"
    r"(?:\s+[a-z]+){0,2}\s+$"
)


def _modal_future(c) -> bool:
    """The expression's verb is future or carries a modal ("will", "would", "could", "may")."""
    if c.future():
        return True
    v = _gov_verb(c.doc, c.start, c.end) if c.doc.has_annotation("DEP") else None
    return v is not None and any(
        ch.dep_ in ("aux", "auxpass")
        and ch.lower_
        in ("would", "could", "might", "may", "will", "shall", "'ll", "\u2019ll", "can", "wo", "'d", "\u2019d")
        for ch in children(v)
    )


@rule(
    "duration:bare-units",
    r"(?:(?:(?<=for\s)|(?<=in\s)|(?<=over\s)|(?<=within\s))(?P<unit>days|weeks|months|years|decades|centuries|hours|minutes)"
    r"(?:\s+or\s+(?:days|weeks|months|years|decades))?|(?P<ofunit>days|weeks|months|years|decades)(?=\s+of\s+[a-z]))",
    2,
)
def _r_bare_units(m, c):
    if m["ofunit"]:
        # "follows months of twists and turns", "after years of war": a bare plural unit before
        # "of" and a noun is a stretch of unstated length (TIMEX3 PXM), when nothing qualifies it
        # ("the first months of his term", "the days of the week" are not)
        if "units-of" in RULES_OFF or m.group(0)[0].isupper():
            return None
        span = c.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not c.doc.has_annotation("TAG") or span.start == 0:
            return None
        prev = c.doc[span.start - 1]
        if (
            prev.pos_ not in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ", "PUNCT")
            or prev.lower_ in ("of", "'s")
            or prev.head.i == span.start  # "in the waning days of segregation"
        ):
            return None
        return "DURATION", _duration(None, m["ofunit"])
    return "DURATION", _duration(None, m["unit"])


# --- sets


@rule(
    "set",
    rf"(?P<w>(?:each|every)\s+(?:{WDAY2}|day|week|month|year|quarter|morning|afternoon|evening|night|weekend|"
    rf"{MONTH_FULL}|spring|summer|fall|autumn|winter)|{WDAY2}s(?:\s+(?:morning|afternoon|evening|night)s)?|"
    rf"per\s+(?:day|week|month|year|quarter|hour)|(?:the\s+(?:past|last|next|previous)\s+)?(?:{NUMWORD})\s+"
    rf"(?P<seasons>summers|winters|autumns)|(?:each|every)\s+(?:(?P<other>other)|(?P<n>{NUMWORD}|\d+))\s+"
    rf"(?P<unit>hours?|days?|weeks?|months?|years?)|(?:(?<=on\s)|(?<=at\s))(?P<weekends>weekends))",
    10,
)
def _r_set(m, c):
    """Recurring times: "every Tuesday" XXXX-WXX-2, "each July" XXXX-07, "every morning"
    XXXX-XX-XXTMO, "every day" P1D, "$5 million per year" P1Y. Frequency adverbs ("daily",
    "annually") are not marked: TimeBank marks them too unevenly to measure them."""
    w = re.sub(r"\s+", " ", m["w"].lower())
    if w.startswith("per "):
        return "SET", _duration(1, w[4:])
    if m["seasons"]:
        return "SET", f"XXXX-{SEASONS[m['seasons'].lower()[:-1]]}"  # "the past three summers": each summer
    if m["unit"]:
        # "every two weeks" P2W, "every other day" P2D, "every 24 hours" PT24H
        n = 2 if m["other"] else _num(m["n"])
        if n is None or (m["other"] and m["unit"].lower().endswith("s")):
            return None
        return "SET", _duration(n, m["unit"])
    if m["weekends"]:
        return "SET", "XXXX-WXX-WE"  # "open on weekends"
    mm = re.match(r"(?:each|every) (\w+)", w)
    if mm:
        u = mm.group(1)
        if u in WEEKDAYS:
            return "SET", f"XXXX-WXX-{WEEKDAYS[u] + 1}"
        if u in MONTHS:
            return "SET", f"XXXX-{MONTHS[u]:02d}"
        if u in SEASONS:
            return "SET", f"XXXX-{SEASONS[u]}"
        if u in PARTS:
            return "SET", f"XXXX-XX-XXT{PARTS[u]}"
        return "SET", {
            "day": "P1D",
            "week": "P1W",
            "month": "P1M",
            "year": "P1Y",
            "quarter": "P3M",
            "weekend": "XXXX-WXX-WE",
        }[u]
    mm = re.match(r"(\w+day)s(?: (\w+)s)?", w)
    if mm and mm.group(1) in WEEKDAYS:
        if not m.group(0)[0].isupper():
            return None
        part = f"T{PARTS[mm.group(2)]}" if mm.group(2) else ""
        return "SET", f"XXXX-WXX-{WEEKDAYS[mm.group(1)] + 1}{part}"
    return None


RULES.sort(key=lambda r: -r[3])
_SHIFT_RULE = "date:ago"


# ----------------------------------------------------------------------------- extraction

# Which tokens can take part in a match of each rule: a rule's regex runs only in small windows
# around such tokens (one pass over the tokens), not over the whole text.
_UNITS = {
    u + p
    for u in ("second", "minute", "hour", "day", "week", "fortnight", "month", "quarter", "year", "decade")
    for p in ("", "s")
} | {"century", "centuries"}
_MONTH_TOKS = set(MONTHS) | {k + "." for k in MONTHS if len(k) <= 4}
_WEEKDAY_TOKS = set(WEEKDAYS)
_SEASON_TOKS = set(SEASONS)
_WORD_TRIGGERS = {
    "date:month-day": _MONTH_TOKS,
    "date:day-month": _MONTH_TOKS,
    "date:month-year": _MONTH_TOKS,
    "date:month": _MONTH_TOKS,
    "date:month-spoken-year": _MONTH_TOKS,
    "date:month-quarter": _MONTH_TOKS,
    "date:week-of-month": _MONTH_TOKS,
    "date:weekday-of-month": _MONTH_TOKS,
    "date:weekday": _WEEKDAY_TOKS,
    "date:relative-day": {"yesterday", "today", "tomorrow", "tonight", "overnight"},
    "time:part-of-day": {"morning", "afternoon", "evening", "night"},
    "time:clock": {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"},
    "time:noon": {"noon", "midnight", "midday"},
    "date:relative-unit": _UNITS | _SEASON_TOKS | {"weekend"},
    "date:before-last": {"week", "weekend", "month", "year"},
    "date:two-quarters": {"quarters"},
    "date:season": _SEASON_TOKS,
    "date:quarter": {"quarter", "half", "quarters"},
    "date:the-quarter": {"quarter", "period"},
    "date:the-year": {"year"},
    "date:in-the-day": {"day"},
    "date:q-abbrev": {"q1", "q2", "q3", "q4", "h1", "h2"},
    "time:24h": {"gmt", "utc", "local", "z", "ist", "cet", "bst", "est", "edt", "et"},
    "date:that-unit": {"year", "month", "day", "week", "morning", "afternoon", "evening", "night"},
    "date:anchored-day": {"day"},
    "date:the-season": _SEASON_TOKS,
    "date:year-earlier": {"year", "year-earlier", "year-ago"},
    "date:spoken-year": {"nineteen", "eighteen", "thousand"},
    "date:decade-word": set(DECADE_WORDS),
    "date:century": {"century"},
    "date:full-year": {"year"},
    "date:year-end": {"year", "month", "week", "year-end", "month-end"},
    "date:ref": {
        "now",
        "currently",
        "current",
        "present",
        "nowadays",
        "days",
        "recently",
        "recent",
        "lately",
        "formerly",
        "past",
        "soon",
        "future",
        "term",
        "again",
    },
    "date:recent-units": _UNITS,
    "date:vague": {"date", "time", "stage", "while"},
    "date:then": {"then"},
    "date:ago": _UNITS,
    "duration": _UNITS,
    "duration:bare-units": _UNITS,
    "set": {"each", "every", "per", "summers", "winters", "autumns", "weekends"} | {w + "s" for w in WEEKDAYS},
}
_TOKEN_RULES: dict[str, tuple[str, ...]] = {}
for _rule, _words in _WORD_TRIGGERS.items():
    for _w in _words:
        _TOKEN_RULES[_w] = _TOKEN_RULES.get(_w, ()) + (_rule,)
_YEAR_RULES = ("date:year", "date:iso", "date:slash", "date:month-day", "date:day-month")
_DIGIT_SEP_RULES = ("date:iso", "date:slash", "time:clock")
_DECADE_RULES = ("date:decade",)
_YEAR_DECADE_RULES = _YEAR_RULES + _DECADE_RULES
_CLOCK_RULES = ("time:clock",)
_ORDINAL_RULES = ("date:day-of-month",)
_BEFORE, _AFTER = 70, 50  # characters a match can reach before / after its trigger token
_RX = {name: rx for name, rx, _fn, _p in RULES}
_PRIO = {name: p for name, _rx, _fn, p in RULES}


def _digit_rules(lw: str) -> tuple[str, ...]:
    if len(lw) == 4 and lw.isdigit():
        # "the 1970's", "the 1970’s": spaCy splits off the "'s", so the year token starts a decade too
        return _YEAR_DECADE_RULES if lw.endswith("0") and "decade-apostrophe" not in RULES_OFF else _YEAR_RULES
    if "/" in lw or "-" in lw or ":" in lw:
        return _DIGIT_SEP_RULES
    if lw.endswith("s") and lw[:-1].lstrip("'").isdigit():
        return _DECADE_RULES
    if lw.endswith(("am", "pm")) and lw[:-2].replace(":", "").isdigit():
        return _CLOCK_RULES
    if lw.endswith(("st", "nd", "rd", "th")) and lw[:-2].isdigit() and len(lw) <= 4:
        return _ORDINAL_RULES
    return ()


def _windows(doc: Doc, n_text: int) -> dict[str, list[tuple[int, int]]]:
    """Per rule, merged character windows around the tokens that can start or anchor a match."""
    hits: dict[str, list[tuple[int, int]]] = {}
    toks = doc_tokens(doc)
    for i, lw in enumerate(doc_attr(doc, "lower_")):
        names = _TOKEN_RULES.get(lw)
        if names is None:
            c0 = lw[:1]
            if not (c0.isdigit() or c0 == "'"):
                k = lw.rfind("-")
                if k <= 0 or not lw[k + 1 : k + 2].isdigit():
                    continue
                lw = lw[k + 1 :]  # "mid-1987", "mid-1980s", "pre-1990": one token in spaCy
            names = _digit_rules(lw)
        if not names:
            continue
        tok = toks[i]
        for n in names:
            hits.setdefault(n, []).append((tok.idx, tok.idx + len(tok.text)))
    out = {}
    for name, spans in hits.items():
        merged: list[list[int]] = []
        for s, e in spans:
            s, e = max(0, s - _BEFORE), min(n_text, e + _AFTER)
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        out[name] = [(s, e) for s, e in merged]
    return out


def _candidates(doc: Doc, text: str) -> list[_Cand]:
    n = len(text)
    cands: list[_Cand] = []
    for name, wins in _windows(doc, n).items():
        rx, prio = _RX[name], _PRIO[name]
        for s, e in wins:
            while e < n and (text[e].isalnum() or text[e] in "'-"):
                e += 1  # never cut a word: the window ends at a word boundary
            for m in rx.finditer(text, s, e):
                if m.end() > m.start():
                    if name == "duration" and re.fullmatch(r"\d{4,}", m["num"]):
                        continue  # "the 1988 quarter": a year, not a count (lets the year rules have it)
                    k = m.start()
                    if k >= 2 and text[k].isdigit() and text[k - 1] in ",." and text[k - 2].isdigit():
                        continue  # "6,300 hours" read from its "300"

                    # a rule may match words before the expression ("on the 5th"): group "ts" starts it
                    st = m.start("ts") if "ts" in rx.groupindex else m.start()
                    cands.append(_Cand(st, m.end(), name, m, prio))
    return cands


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest first (then higher priority, then earlier); no two chosen candidates overlap."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    if not cands:
        return []
    occupied = bytearray(max(c.end for c in cands))
    chosen = []
    for c in cands:
        if occupied.find(1, c.start, c.end) != -1:
            continue
        occupied[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


_RESOLVERS = {name: fn for name, _rx, fn, _p in RULES}
_LOOKBACK = 50  # anchors and quarters are looked for among the last 50 expressions only


def parse_published(value) -> Optional[dt.date]:
    """The publication date as a date, from 'YYYY-MM-DD' (or an ISO datetime); None otherwise."""
    if not value:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


_DATELINE_DAYS = 2  # a dateline's date this close to the publication date is the writer's day


def article_date(doc: Doc, published=None, text: Optional[str] = None) -> Optional[dt.date]:
    """The day the article's words are written from: the publication date, unless a dateline at
    the top of the text names a day at most two days off it ("NEW YORK, Dec. 14 (UPI) -" in an
    article whose metadata says Dec. 13): then the dateline's day, which the text itself states,
    so "released Monday" there is that Monday, Dec. 14 (switch ``dateline-date20``)."""
    dct = parse_published(published if published is not None else doc._.published)
    if dct is None or "dateline-date20" in RULES_OFF:
        return dct
    text = doc_text(doc) if text is None else text
    for d in datelines(text[:600]):
        if d.date is None:
            continue
        m = re.fullmatch(rf"(?:{WDAY},?\s+)?{MON_D}\s+{DAYNUM}(?:,?\s+(?P<y>{YEAR}))?", text[d.date[0] : d.date[1]])
        mon = _mon(m["mon"]) if m else None
        if m is None or mon is None:
            return dct
        years = [int(m["y"])] if m["y"] else [dct.year - 1, dct.year, dct.year + 1]
        for y in years:
            day = _date_or_none(y, mon, int(m["day"]))
            if day is not None and day != dct and abs((day - dct).days) <= _DATELINE_DAYS:
                return day
        return dct
    return dct


def find_times(doc: Doc, published=None) -> list[TimeExpr]:
    """All time expressions of a Doc, in text order, with values resolved against ``published``
    (default ``doc._.published``)."""
    text = doc_text(doc)
    if not text:
        return []
    dct = article_date(doc, published, text)
    cands = _candidates(doc, text)
    for _ in range(3):
        out, anchors, approx, rejected = _resolve(doc, text, dct, _select(list(cands)))
        # a longer match its rule turned down ("at least the first two quarters of ..." is not a
        # duration) must not hide a shorter one that overlaps it: select again without it
        if not rejected or not any(
            c not in rejected and any(r.start < c.end and c.start < r.end for r in rejected) for c in cands
        ):
            break
        cands = [c for c in cands if c not in rejected]
    if dct is not None:
        _clock_takes_next_day(text, out, dct, anchors)
    out = _link_ranges(text, out, dct, doc)
    if dct is not None and doc.has_annotation("DEP"):
        _anchor_reported_speech(doc, out, dct, anchors, text)
    if "part-of-date" not in RULES_OFF:
        out = _part_of_date(text, out, anchors)
    for k, te in enumerate(out):
        te.id = f"T{k + 1}"
    for te in out:
        a = anchors.get(id(te))
        te.anchor = a.id if a is not None and a.id != te.id else None
        te.granularity = granularity(te.value)
        te.resolution = _resolution(te, id(te) in approx)
    return out


# "the morning of Feb. 28", "on the night of March 3, 2019", "the evening of Tuesday": the part of
# the day named, with "of" and a calendar day right after it
_PART_OF = re.compile(r"(?i)\bthe\s+(?:(?:early|late)\s+)?(morning|afternoon|evening|night)\s+of\s+$")


def _part_of_date(text: str, out: list[TimeExpr], anchors: dict) -> list[TimeExpr]:
    """'the morning of Feb. 28' is one time, Feb. 28's morning (as TIMEX3 marks it), not 'the
    morning' of the day named before (or of publication) beside a date."""
    drop: set[int] = set()
    for k, te in enumerate(out):
        if not _is_day(te.value) or "T" in (te.value or "") or te.type != "DATE":
            continue
        m = _PART_OF.search(text, max(0, te.start - 40), te.start)
        if m is None:
            continue
        start = m.start()
        prev = out[k - 1] if k > 0 else None
        if prev is not None and prev.end > start:
            if prev.start < start or prev.type != "TIME" or k - 1 in drop:
                continue  # an expression of its own runs into "the morning of": leave both
            drop.add(k - 1)  # "the morning", read alone
            anchors.pop(id(prev), None)
        te.start, te.text, te.type = start, text[start : te.end], "TIME"
        te.value = f"{te.value}T{PARTS[m.group(1).lower()]}"
        te.rule = "time:part-of-date"
    return [te for k, te in enumerate(out) if k not in drop] if drop else out


_CLOCK_GAP = re.compile(r"\)?\s*(?:\([^()\n]{0,30}\)\s*)?,?\s*(?:on\s+)?")


def _clock_takes_next_day(text: str, out: list, dct: dt.date, anchors: dict) -> None:
    """A clock time read on the publication day for want of a day takes the calendar day named
    right after it: "at 6:30 a.m. on March 19, 2002", "at 2 p.m. on the last Friday in August"."""
    today = dct.isoformat()
    for te, nxt in zip(out, out[1:]):
        if (
            te.type == "TIME"
            and te.rule in ("time:clock", "time:noon", "time:24h")
            and te.value
            and te.value.startswith(today + "T")
            and id(te) not in anchors
            and _is_day(nxt.value)
            and nxt.value[:10] != today
            and _CLOCK_GAP.fullmatch(text, te.end, nxt.start)
        ):
            te.value = nxt.value[:10] + te.value[10:]
            anchors[id(te)] = nxt


def _resolve(doc: Doc, text: str, dct: Optional[dt.date], chosen: list[_Cand]):
    """Resolve the selected candidates in text order: (expressions, anchors, approximate ids,
    candidates whose rule turned them down)."""
    out: list[TimeExpr] = []
    anchors: dict[int, TimeExpr] = {}  # id(expression) -> the expression it was resolved against
    approx: set[int] = set()
    rejected: list[_Cand] = []
    skip_to = -1
    for i, cand in enumerate(chosen):
        if cand.start < skip_to:
            continue
        ctx = _Ctx(doc=doc, dct=dct, prev=out, text=text, start=cand.start, end=cand.end)
        res = _RESOLVERS[cand.rule](cand.m, ctx)
        if res is None:
            rejected.append(cand)
            continue
        typ, value = res
        start, end, rule_name = cand.start, cand.end, cand.rule
        hedge = cand.m.groupdict().get("approx")
        if hedge and _HEDGES.fullmatch(hedge.strip()):
            ctx.approx = True  # "about two years ago", "more than a week"
        if cand.rule == _SHIFT_RULE and cand.m["dir"].lower() in ("before", "after", "later", "from"):
            merged = (
                _merge_shift(cand, chosen[i + 1] if i + 1 < len(chosen) else None, ctx, text)
                if cand.m["dir"].lower() != "later"
                and (cand.m["dir"].lower() != "from" or "from-day21" not in RULES_OFF)
                else None
            )
            if merged:
                typ, value, end = merged
                rule_name = "date:shift-from-anchor"
                skip_to = end
            else:
                end = cand.m.start("dir")
                while end > start and text[end - 1].isspace():
                    end -= 1
                rule_name = "duration"
        adj = _ADJ_THE.match(text, start, end)
        if adj and re.match(r"\s+[a-z]", text[end : end + 2]):
            start += len(adj.group(1)) + 1  # "the 30-day deadline": "the" goes with the noun
        te = TimeExpr(
            id=f"T{len(out) + 1}",
            start=start,
            end=end,
            text=text[start:end],
            type=typ,
            value=value,
            rule=rule_name,
            range=ctx.range,
        )
        if ctx.anchor_expr is not None and value is not None:
            anchors[id(te)] = ctx.anchor_expr
        if ctx.approx:
            approx.add(id(te))
        out.append(te)
    return out, anchors, approx, rejected


_ADJ_THE = re.compile(r"(?i)(the|its|their) (?:fiscal[ -])?[\w.]+-(?:year|month|week|day|hour|quarter|minute)$")


def _merge_shift(cand: _Cand, nxt: Optional[_Cand], ctx: _Ctx, text: str):
    """'a day after Monday's vote': the shift applied to the date right after it."""
    if nxt is None or text[cand.end : nxt.start].strip() != "":
        return None
    sub_ctx = _Ctx(doc=ctx.doc, dct=ctx.dct, prev=ctx.prev, text=text, start=nxt.start, end=nxt.end)
    res = _RESOLVERS[nxt.rule](nxt.m, sub_ctx)
    if not res or not res[1] or not re.match(r"\d{4}", res[1]):
        return None
    n = _num(cand.m["num"])
    if n is None or not float(n).is_integer():
        return None
    sign = -1 if cand.m["dir"].lower() == "before" else 1
    v = _shift_value(res[1].split("T")[0], sign * int(n), cand.m["unit"])
    return ("DATE", v, nxt.end) if v else None


# ----------------------------------------------------------------------------- granularity, resolution

_GRAN_DURATION = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter", "DE": "decade", "CE": "century"}
_GRAN_TIME = {"H": "hour", "M": "minute", "S": "second"}
_GRAN_DATE = [
    (re.compile(r"[\dX]{4}-[\dX]{2}-[\dX]{2}"), "day"),
    (re.compile(r"[\dX]{4}-W[\dX]{2}-WE"), "weekend"),
    (re.compile(r"[\dX]{4}-W[\dX]{2}-\d"), "day"),
    (re.compile(r"[\dX]{4}-W[\dX]{2}"), "week"),
    (re.compile(r"[\dX]{4}-[\dX]{2}"), "month"),
    (re.compile(r"[\dX]{4}-Q[\dX]"), "quarter"),
    (re.compile(r"[\dX]{4}-H[\dX]"), "half"),
    (re.compile(r"[\dX]{4}-(?:SP|SU|FA|WI)"), "season"),
    (re.compile(r"[\dX]{4}"), "year"),
    (re.compile(r"[\dX]{3}"), "decade"),
    (re.compile(r"[\dX]{2}"), "century"),
]


def granularity(value: Optional[str]) -> Optional[str]:
    """The unit of a TIMEX3 value: '2024-03-05' -> day, '2024-W09' -> week, '2024-Q3' -> quarter,
    '2024-03-05T22:00' -> time, 'P3D' -> day, 'PT4H' -> hour, 'XXXX-WXX-2' -> day (each member of
    the set), '199' -> decade; None for PRESENT_REF / PAST_REF / FUTURE_REF and null values."""
    if not value or value.endswith("_REF"):
        return None
    if value.startswith("P"):
        m = re.search(r"(DE|CE|Y|Q|M|W|D|H|S)$", value)
        if not m:
            return None
        return (_GRAN_TIME if "T" in value else _GRAN_DURATION).get(m.group(1))
    if "T" in value:
        return "time"
    for rx, name in _GRAN_DATE:
        if rx.fullmatch(value):
            return name
    return None


def _resolution(te: TimeExpr, approx: bool) -> str:
    """exact | approximate | range | unresolved (docs/times.md)."""
    if te.value is None:
        return "unresolved"
    if te.range:
        return "range"
    if approx or te.value.endswith("_REF") or (te.type != "SET" and "X" in te.value):
        return "approximate"
    return "exact"


# approximators that make a value a bound or an estimate ("about two years ago", "more than a week")
_HEDGES = re.compile(
    r"(?i)about|around|nearly|almost|roughly|approximately|some|(?:no\s+)?more\s+than|"
    r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|under|up\s+to|close\s+to|"
    r"the\s+better\s+part\s+of"
)


# ----------------------------------------------------------------------------- ranges

_RANGE_GAP = re.compile(r"(?i)\s*(?:-|–|—|to|through|thru|until|till|and)\s*")
_DAY_RANGE_END = re.compile(
    rf"(?i)\s*(?P<sep>-|–|to|through|thru|until|till|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"(?![\d:.,]\d|\s*(?:%|percent|a\.m|p\.m|am\b|pm\b))(?:,?\s+(?P<y>{YEAR})(?!\d))?(?![\w])"
)


_CLOCK_RANGE_START = re.compile(
    r"(?i)(?<![\d:.,$])(?P<h1>[01]?\d)(?::(?P<m1>[0-5]\d))?\s*(?P<sep>-|\u2013|to|until|till|and)\s*"
)


_MOVE_LEMMAS = {
    "postpone",
    "move",
    "delay",
    "push",
    "reschedule",
    "bring",
    "change",
    "shift",
    "switch",
    "advance",
    "defer",
    "put",
}


def _is_between(text: str, start: int) -> bool:
    return bool(re.search(r"(?i)\bbetween\s+$", text[max(0, start - 9) : start]))


def _date_of(value: str) -> Optional[dt.date]:
    """The calendar day of a value that is one ("2024-03-04", "2024-03-04T22:00"), else None."""
    if not re.match(r"\d{4}-\d{2}-\d{2}(?!\d)", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


_FROM_BEFORE = re.compile(r"(?i)\b(?:from|between)\s+$")


def _reorder_range(text: str, a: TimeExpr, b: TimeExpr, dct: Optional[dt.date]) -> bool:
    """A stated range whose ends, each read alone, run backwards: "from Monday through Thursday"
    published on a Wednesday (Monday read as the next one, Thursday as tomorrow), "from 10 p.m.
    to 6 a.m.". Weekdays both read as past: the first is the one before (the range ended);
    both read as future: the last is the one after. A clock time before the first is on the
    next day. Months likewise, by the year. Changes ``a`` or ``b`` and returns True when the
    pair is a range."""
    gap = text[a.end : b.start].strip().lower()
    if (
        "range-to20" not in RULES_OFF
        and a.rule == b.rule == "date:month-day"
        and gap in ("to", "through", "thru", "until", "till")
        and dct is not None
    ):
        # "we're treating Feb. 15 to March 15 as one long Election Day" (Feb. 17): two month-days
        # joined by "to" are one stretch even without "from" before them
        return _reorder_month_days(a, b, dct)
    if gap == "and" or not (_FROM_BEFORE.search(text[max(0, a.start - 9) : a.start]) or gap in ("-", "\u2013")):
        return False
    if a.rule == b.rule == "time:clock" and a.value and b.value and a.value[:10] == b.value[:10]:
        nxt = _date_of(b.value[:10])
        if nxt is None:
            return False
        b.value = (nxt + dt.timedelta(days=1)).isoformat() + b.value[10:]
        return True
    if a.rule == b.rule == "date:month-day" and dct is not None:
        return _reorder_month_days(a, b, dct)
    if a.rule != b.rule or a.rule not in ("date:weekday", "date:month") or dct is None:
        return False
    if not (re.fullmatch(r"[A-Za-z]+\.?", a.text) and re.fullmatch(r"[A-Za-z]+\.?", b.text)):
        return False  # "last Monday", "Monday night", "May 2023": the words already say which
    if a.rule == "date:month":
        # "in March-April", "from November to February": the months of one stretch
        va, vb = a.value or "", b.value or ""
        if not (re.fullmatch(r"\d{4}-\d{2}", va) and re.fullmatch(r"\d{4}-\d{2}", vb)):
            return False
        ya, ma, yb, mb = int(va[:4]), int(va[5:]), int(vb[:4]), int(vb[5:])
        now = dct.strftime("%Y-%m")
        if va <= now and vb <= now:
            a.value = f"{yb - (1 if ma > mb else 0)}-{ma:02d}"
        elif va > now and vb > now:
            b.value = f"{ya + (1 if mb < ma else 0)}-{mb:02d}"
        else:
            return False
        return True
    da, db = _date_of(a.value or ""), _date_of(b.value or "")
    if da is None or db is None:
        return False
    if da <= dct and db <= dct:
        a.value = (da - dt.timedelta(days=7)).isoformat()
    elif da > dct and db > dct:
        b.value = (db + dt.timedelta(days=7)).isoformat()
    else:
        return False
    return True


def _reorder_month_days(a: TimeExpr, b: TimeExpr, dct: dt.date) -> bool:
    """ "from Feb. 20 to March 15" published on March 6: the start read alone is the next Feb. 20
    (the verb is present), the end the coming March 15. When neither end names its year, one of
    them moves by a year: the one that puts the stretch nearest the publication day (the
    exhibition that runs now; "from Dec. 20 to Jan. 5" seen on Dec. 1 is this winter)."""
    if re.search(r"\d{4}", a.text) or re.search(r"\d{4}", b.text):
        return False  # "from May 3, 2021 to April 1": the writer gave the year
    da, db = _date_of(a.value or ""), _date_of(b.value or "")
    if da is None or db is None or not da > db:
        return False

    def off(lo: dt.date, hi: dt.date) -> int:
        return 0 if lo <= dct <= hi else min(abs((dct - lo).days), abs((dct - hi).days))

    earlier = _date(da.year - 1, da.month, da.day)
    later = _date(db.year + 1, db.month, db.day)
    options = []
    if earlier and dt.date.fromisoformat(earlier) <= db:
        options.append((off(dt.date.fromisoformat(earlier), db), "a", earlier))
    if later and da <= dt.date.fromisoformat(later):
        options.append((off(da, dt.date.fromisoformat(later)), "b", later))
    if not options:
        return False
    _, which, value = min(options)
    if which == "a":
        a.value = value
    else:
        b.value = value
    return True


def _link_ranges(text: str, out: list[TimeExpr], dct: Optional[dt.date], doc: Optional[Doc] = None) -> list[TimeExpr]:
    """Stated ranges: both ends keep their own TIMEX3 extent and value (as TimeML marks them) and
    share ``range`` = [first value, last value]: "from Sept. 14 to Thursday", "between 1985 and
    1987", "March 3-5" (the bare "5" becomes a time expression of its own)."""
    starts = {t.start for t in out}
    added = []
    for t in out:
        if t.rule != "date:month-day" or not t.value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            continue
        m = _DAY_RANGE_END.match(text, t.end)
        if not m or m.start("d2") in starts:
            continue
        if m["sep"].lower() == "and" and not _is_between(text, t.start):
            continue
        y, mon, d1 = int(t.value[:4]), int(t.value[5:7]), int(t.value[8:10])
        d2 = int(m["d2"])
        if m["y"] and not re.search(r"\d{4}", t.text):
            y = int(m["y"])
            t.value = _date(y, mon, d1) or t.value
        end_value = _date(y, mon, d2)
        if not end_value or d2 <= d1:
            continue
        s0, e0 = m.start("d2"), m.end()
        added.append(
            TimeExpr(id="", start=s0, end=e0, text=text[s0:e0], type="DATE", value=end_value, rule="date:range-end")
        )
    for t in out:
        # "10-11 a.m.", "between 9 and 11:30 p.m.": the first hour takes the second's half of the day
        if t.rule != "time:clock" or not t.value or "T" not in t.value:
            continue
        m = _CLOCK_RANGE_START.search(text, max(0, t.start - 16), t.start)
        if not m or m.end() != t.start or (m["sep"].lower() == "and" and not _is_between(text, m.start())):
            continue
        h1, h2 = int(m["h1"]), int(t.value.split("T")[1][:2])
        if not 1 <= h1 <= 12:
            continue
        pm = h2 >= 12 and not (h2 == 12 and h1 < 12 and h1 > h2 % 12)
        h1 = h1 % 12 + (12 if pm else 0)
        if h1 > h2:
            h1 -= 12  # "11-1 p.m.": 11 a.m. to 1 p.m.
        if h1 < 0:
            continue
        v = f"{t.value.split('T')[0]}T{h1:02d}:{m['m1'] or '00'}"
        s0, e0 = m.start("h1"), m.end("m1") if m["m1"] else m.end("h1")
        added.append(TimeExpr(id="", start=s0, end=e0, text=text[s0:e0], type="TIME", value=v, rule="time:range-start"))
    if added:
        out = [t for t in out if not any(a.start < t.end and t.start < a.end for a in added)]
        out = sorted(out + added, key=lambda x: x.start)
    for a, b in zip(out, out[1:]):
        gap = text[a.end : b.start]
        if not _RANGE_GAP.fullmatch(gap) or not a.value or not b.value:
            continue
        if (
            not (re.match(r"\d{4}", a.value) and re.match(r"\d{4}", b.value))
            or a.type not in ("DATE", "TIME")
            or b.type not in ("DATE", "TIME")
        ):
            continue
        if gap.strip().lower() == "and" and not _is_between(text, a.start):
            continue
        if b.value < a.value[: len(b.value)] and not _reorder_range(text, a, b, dct):
            continue  # "Friday and Thursday", "2024 to 2019": not a range forward in time
        if doc is not None and doc.has_annotation("DEP"):
            v = _gov_verb(doc, a.start, a.end)
            if v is not None and v.lemma_.lower() in _MOVE_LEMMAS:
                continue  # "postponed the vote from Tuesday to Thursday": a change of date, not a span
        a.range = b.range = [a.value, b.value]
    return out


# ----------------------------------------------------------------------------- reported speech


def speech_lemmas() -> frozenset:
    """Verbs of saying (data/en/times/speech_verbs.tsv)."""
    return words(table("times/speech_verbs.tsv", columns=("lemma",), key=("lemma",)), "lemma")


# verbs of saying: a time expression in what they report is anchored to when it was said
SPEECH_LEMMAS = speech_lemmas()
# rules whose value depends on the reference date, by kind: names of days and months read the
# same in direct and indirect speech; deictic words ("yesterday", "next week", "two days ago")
# follow the speaker only inside quotation marks (in indirect speech the writer shifts them)
_NAMED_RULES = {
    "date:weekday",
    "date:month",
    "date:month-day",
    "date:day-month",
    "time:clock",
    "time:noon",
    "time:part-of-day",
}
_DEICTIC_RULES = {
    "date:relative-day",
    "date:relative-unit",
    "time:part-of-day",
    "date:ago",
    "date:year-end",
    "time:clock",
    "time:noon",
    "date:the-season",
    "date:the-year",
    "date:full-year",
}


_QUOTE_MARKS_19 = re.compile(r'["\u201c\u201d\n]')
# also two apostrophes or two backticks, as some archives write quotation marks (switch
# "quote-apostrophes20")
_QUOTE_MARKS = re.compile(r"[\"\u201c\u201d\n]|``|''")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of text inside quotation marks ("..." or curly), each at most one paragraph; a
    quotation left open at a paragraph end ends there (the next paragraph reopens it)."""
    spans = []
    open_at = None
    marks = _QUOTE_MARKS if "quote-apostrophes20" not in RULES_OFF else _QUOTE_MARKS_19
    for m in marks.finditer(text):
        ch = m.group(0)
        if ch == "``":
            ch = "\u201c"
        elif ch == "''":
            ch = '"'  # ''We are going to do well,'' Mr. Sanders said: a typewriter quotation mark
        if ch == "\n":
            if open_at is not None:
                spans.append((open_at, m.start()))
            open_at = None
        elif ch == "\u201c" or (ch == '"' and open_at is None):
            open_at = m.end()
        elif open_at is not None:
            spans.append((open_at, m.start()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _rematch(text: str, t: TimeExpr):
    """The regex match behind a time expression, to resolve it again against another date."""
    rx = _RX.get(t.rule)
    if rx is None:
        return None
    m = rx.match(text, t.start, t.end)
    return m if m is not None and m.end() == t.end else None


def _depends_on_reference(t: TimeExpr, m, deictic: bool) -> bool:
    gd = m.groupdict()
    if t.rule in ("date:month-day", "date:day-month") and gd.get("y"):
        return False  # "March 5, 2024"
    if t.rule == "date:ago" and gd.get("dir", "").lower() not in ("ago", "from now", "hence"):
        return False  # "a year earlier" shifts an earlier date, not the reference date
    if t.rule in ("time:clock", "time:noon", "time:part-of-day") and not deictic:
        return bool(gd.get("wd"))  # "10 p.m. Wednesday" names its day
    return t.rule in (_DEICTIC_RULES | _NAMED_RULES if deictic else _NAMED_RULES)


def reresolve(
    doc: Doc, t: TimeExpr, reference: dt.date, times: list[TimeExpr], deictic: bool, text: Optional[str] = None
) -> bool:
    """Resolve ``t`` again against ``reference`` (the date its speaker spoke) instead of the
    publication date. Returns True when ``t`` was changed. ``text``: ``doc.text`` if at hand."""
    text = doc.text if text is None else text
    m = _rematch(text, t)
    if m is None or not _depends_on_reference(t, m, deictic):
        return False
    ctx = _Ctx(
        doc=doc,
        dct=reference,
        prev=[x for x in times if x.end <= t.start],
        text=text,
        start=t.start,
        end=t.end,
        reported=True,
    )
    res = _RESOLVERS[t.rule](m, ctx)
    if not res or not res[1]:
        return False
    t.type, t.value = res[0], res[1]
    t.granularity = granularity(t.value)
    return True


def _complement_owner(doc: Doc, t: TimeExpr):
    """(speech verb, the child of it whose subtree holds ``t``) when ``t`` is in what a verb of
    saying reports ("Kowal said Monday [that the talks would resume Friday]"), else None."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    child = span.root
    for _ in range(12):
        h = child.head
        if h is child:
            return None
        if h.pos_ in ("VERB", "AUX") and _speech_misattached(child) is not None:
            return None  # "said on Sunday it would": the time of the saying, not of what is said
        if h.pos_ == "VERB" and h.lemma_.lower() in SPEECH_LEMMAS and child.dep_ in ("ccomp", "parataxis", "xcomp"):
            return h, child
        child = h
    return None


def _speech_time(doc: Doc, verb, comp, times: list[TimeExpr], skip: TimeExpr) -> Optional[TimeExpr]:
    """The time expression attached to a speech verb itself ("said on Monday"), outside what it
    reports; only calendar days count."""
    inside = set(subtree_ids(comp))
    for c in children(comp):
        sv = _speech_misattached(c) if c.i < comp.i else None
        if sv is not None and sv.i == verb.i:
            inside -= set(subtree_ids(c))  # "said on Monday it would": the saying's own time
    hosts = _verb_group(verb) - inside
    best = None
    for e in times:
        if e is skip or not e.value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", e.value):
            continue
        espan = doc.char_span(e.start, e.end, alignment_mode="expand")
        if espan is None or len(espan) == 0 or espan.root.i in inside:
            continue
        if sent_of(doc, espan.root.i).start != sent_of(doc, verb.i).start:
            continue
        tv = _direct_verb(espan.root)
        if tv is not None and tv.i in hosts:
            if best is None or abs(e.start - verb.idx) < abs(best.start - verb.idx):
                best = e
    return best


def speech_reference(doc: Doc, t: TimeExpr, times: list[TimeExpr], dct: Optional[dt.date]):
    """(the time expression dating the speech ``t`` is reported in, whether ``t`` is inside
    quotation marks) when that speech has a calendar day other than the publication date."""
    owner = _complement_owner(doc, t)
    if owner is None:
        return None
    verb, comp = owner
    e = _speech_time(doc, verb, comp, times, t)
    if e is None:
        return None
    day = parse_published((e.value or "")[:10])
    if day is None or (dct is not None and (day == dct or day > dct)):
        return None
    return e, day


def _anchor_reported_speech(doc: Doc, out: list[TimeExpr], dct: dt.date, anchors: dict, text: str) -> None:
    """Expressions in what a dated verb of saying reports are read from the day it was said:
    '"We signed the deal yesterday," Kowal said on Monday' -> the Sunday before that Monday."""
    quoted = None
    for t in out:
        if t.value is None or t.rule not in (_NAMED_RULES | _DEICTIC_RULES):
            continue
        ref = speech_reference(doc, t, out, dct)
        if ref is None:
            continue
        e, day = ref
        if quoted is None:
            quoted = _quoted_spans(text)
        if reresolve(doc, t, day, out, deictic=_inside(quoted, t.start, t.end), text=text):
            anchors[id(t)] = e


# ----------------------------------------------------------------------------- when statements were made

_SPEECH_WINDOW = 7  # days: an inferred statement date is at most a week before publication


def _paragraphs(text: str) -> list[int]:
    """Start offsets of the paragraphs (a paragraph ends at a line break)."""
    return [0] + [m.end() for m in re.finditer(r"\n+", text)]


def _para_of(starts: list[int], pos: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, pos) - 1


def _is_day(value: Optional[str]) -> TypeGuard[str]:
    if not value:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", value))


def _recent_day(value: Optional[str], dct: Optional[dt.date]) -> bool:
    """A calendar day at most ``_SPEECH_WINDOW`` days before publication (and not after it)."""
    if dct is None or not _is_day(value):
        return False
    day = parse_published(value[:10])
    return day is not None and 0 <= (dct - day).days <= _SPEECH_WINDOW


def _subject_entity(doc: Doc, t: TimeExpr):
    """The entity id of the subject of the verb a time expression is attached to ("Aydin met
    Dubois on Monday" -> Aydin), or None."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    v = _direct_verb(span.root)
    if v is None:
        return None
    for c in children(v):
        if c.dep_ in ("nsubj", "nsubjpass"):
            sub = doc_span(doc, c.left_edge.i, c.right_edge.i + 1)
            try:
                ent = entity_for_span(doc, c.idx, c.idx + len(c.text)) or entity_for_span(
                    doc, sub.start_char, sub.end_char
                )
            except Exception:
                return None
            return getattr(ent, "id", None)
    return None


_NOT_A_SOURCE = {"he", "she", "they", "it", "i", "we", "you", "who", "which", "that", "this", "one", "someone"}


def _speaker_key(q):
    """Who said it, for "the same speaker": the speaker entity, else (a speaker the quotes
    component leaves unnamed, "the statistics office") the words of its mention, never a
    pronoun."""
    if q.speaker is not None:
        return q.speaker
    m = getattr(q, "speaker_mention", None)
    words = [w for w in (m.text.lower().split() if m is not None else []) if w not in ("the", "a", "an")]
    if not words or " ".join(words) in _NOT_A_SOURCE:
        return None
    return "mention:" + " ".join(words)


def statement_dates(doc: Doc, quotes: list, text: Optional[str] = None) -> None:
    """Give each statement (``record.Quote``) its ``date``, ``date_time`` and ``date_inferred``,
    then read the time expressions inside dated direct quotations from the day they were said.

    1. the statement's own clause (``date_for_span`` of its cue): "Kowal told reporters late
       Tuesday" -> ``date_inferred`` null;
    2. else the nearest earlier time expression of the same paragraph, in an earlier sentence,
       outside what any statement reports, and a calendar day at most a week before publication
       ("Berger spoke by phone on Tuesday with Hrytsenko. Berger said ...") -> "paragraph";
    3. else the date of what the same speaker said or did just before, in the same or the
       previous paragraph ("Novak said on Sunday ... [next paragraph] 'We have waited long
       enough,' Novak told supporters") -> "speaker";
    4. else null.

    ``text``: ``doc.text`` when the caller has it (spaCy rebuilds it on every access).
    """
    if not quotes:
        return
    times = doc._.times
    if times is None:
        times = doc._.times = find_times(doc)
    if text is None:
        text = doc.text
    dct = article_date(doc, text=text)
    paras = _paragraphs(text)
    contents = [(q.start, q.end) for q in quotes]

    def pos(q):
        return q.cue.start if q.cue is not None else q.start

    def paras_of(q):
        ps = {_para_of(paras, q.start), _para_of(paras, max(q.start, q.end - 1))}
        if q.cue is not None:
            ps.add(_para_of(paras, q.cue.start))
        return ps

    later_of: dict[int, bool] = {}

    def said_later(q2) -> bool:
        """Whether statement ``q2``'s cue says "later" (read once per statement, not once per
        statement after it)."""
        k = id(q2)
        if k not in later_of:
            v2 = _gov_verb(doc, q2.cue.start, q2.cue.end)
            later_of[k] = v2 is not None and _later_cue(v2)
        return later_of[k]

    recent = [t for t in times if _recent_day(t.value, dct) and not _inside(contents, t.start, t.end)]
    if "relcl-carry20" not in RULES_OFF and doc.has_annotation("DEP"):
        # "Nefzi sat in the room where he saw Mateen for the last time on Friday. He said ...":
        # a time in a clause that describes a thing is that clause's, not the paragraph's
        recent = [t for t in recent if not _in_describing_clause(doc, t.start, t.end)]
    done = []
    for q in sorted(quotes, key=pos):
        q.date = q.date_time = q.date_inferred = None
        if q.cue is not None:
            value, expr = _span_date(doc, q.cue.start, q.cue.end, statement=True)
            if (
                value
                and expr is not None
                and "content-own" not in RULES_OFF
                and q.start <= expr.start
                and expr.end <= q.end
                and (q.cue.start >= q.end or q.cue.end <= q.start)
                and _content_time(doc, text, q, expr)
            ):
                # "As the Post reported, even if he splits the delegates in Tuesday's contests,
                # ...": a time in what the statement says is not when it was said
                value, expr = None, None
            perfect = "perfect-cue20" not in RULES_OFF and _perfect_cue(doc, q.cue.start, q.cue.end)
            if value and expr is not None and perfect and not _on_cue_verb(doc, q.cue.start, q.cue.end, expr):
                # "who last year threatened ... and who has been hoping to": a present perfect
                # reaches up to now, so a day of another verb does not date it
                value, expr = None, None
            if value:
                q.date, q.date_time = value, (expr.id if expr is not None else None)
                done.append(q)
                continue
            allowed, own = _may_borrow(doc, q.cue.start, q.cue.end, times)
            if perfect:
                allowed = False  # "she has said that she supports ...": no day borrowed for it
                if own is not None and not _on_cue_verb(doc, q.cue.start, q.cue.end, own):
                    own = None
            if own is not None and _ahead_of_statement(doc, q.cue.start, q.cue.end, calendar_date(own.value), dct):
                own = None  # "a decision is expected in mid-May": what is expected, not when
            if own is not None and dct is not None and doc.has_annotation("DEP"):
                v = _gov_verb(doc, q.cue.start, q.cue.end)
                cal = calendar_date(own.value) or ""
                if (
                    v is not None
                    and cal
                    and cal < dct.isoformat()[: len(cal)]
                    and _present_from_other_verb(doc, v, own)
                ):
                    own = None  # "Tinder suspended her account on Thursday, but she suspects"
            if own is not None and calendar_date(own.value):
                # "Trump was even more emphatic Monday when he spoke to CNN": the parser hangs
                # the day on the adjective the clause depends on
                q.date, q.date_time = calendar_date(own.value), own.id
                done.append(q)
                continue
            if not allowed:
                done.append(q)
                continue
        p = _para_of(paras, pos(q))
        first = min(pos(q), q.start, q.sentence.start if q.sentence is not None else pos(q))
        cands = [t for t in recent if paras[p] <= t.start and t.end <= first]
        if cands:
            t = max(cands, key=lambda x: x.start)
            q.date, q.date_time, q.date_inferred = calendar_date(t.value), t.id, "paragraph"
        elif _speaker_key(q) is not None:
            best, best_pos = None, -1
            later_pos = -1  # the speaker's last statement said "later": nothing earlier carries over it
            if "later-cue" not in RULES_OFF and doc.has_annotation("DEP"):
                for q2 in done:
                    if _speaker_key(q2) == _speaker_key(q) and q2.cue is not None and pos(q2) < pos(q):
                        if said_later(q2):
                            later_pos = max(later_pos, pos(q2))
            for q2 in done:
                if (
                    _speaker_key(q2) == _speaker_key(q)
                    and q2.date
                    and not (
                        "relcl-carry20" not in RULES_OFF
                        and q2.cue is not None
                        and doc.has_annotation("DEP")
                        and _in_describing_clause(doc, q2.cue.start, q2.cue.end)
                    )
                    and (dct is None or q2.date <= dct.isoformat())
                    and pos(q2) < pos(q)
                    and paras_of(q2) & {p, p - 1}
                ):
                    if pos(q2) > best_pos:
                        best, best_pos = (q2.date, q2.date_time), pos(q2)
            for t in recent:
                if (
                    t.end <= first
                    and _para_of(paras, t.start) in (p, p - 1)
                    and t.start > best_pos
                    and q.speaker is not None
                    and _subject_entity(doc, t) == q.speaker
                ):
                    best, best_pos = (calendar_date(t.value), t.id), t.start
            if best is not None and best_pos < later_pos:
                best = None
            if (
                best is not None
                and "speaker-old" not in RULES_OFF
                and q.kind == "indirect"
                and dct is not None
                and _period_end(best[0]) < dct - dt.timedelta(days=_OLD_SPEECH_DAYS)
            ):
                # "Carson wrote in his 1990 autobiography that ... [next paragraph] Speaking on
                # ABC, Carson admitted that ...": an old date carries on only to the rest of a
                # quotation, not to what the speaker says or does in the writer's words
                best = None
            if best is not None:
                q.date, q.date_time, q.date_inferred = best[0], best[1], "speaker"
        if (
            q.date_inferred
            and dct is not None
            and q.date is not None
            and q.date < dct.isoformat()[: len(q.date)]
            and q.cue is not None
            and "infer-future" not in RULES_OFF
            and _future_cue(doc, q.cue.start, q.cue.end)
        ):
            # "whether Sanders will ever tell those voters to ...": a statement still to come
            # takes no earlier day from the paragraph or the speaker
            q.date = q.date_time = q.date_inferred = None
        if (
            q.date_inferred
            and dct is not None
            and q.date != dct.isoformat()
            and q.cue is not None
            and "infer-own-time" not in RULES_OFF
            and _present_progressive(doc, q.cue.start, q.cue.end)
        ):
            # "The candidate is hoping to win Michigan": the writer's now, not an earlier day
            # ("Cruz is praising Bush" under a live blog's time of that day keeps it)
            q.date = q.date_time = q.date_inferred = None
        done.append(q)
    # what a dated speaker says in quotation marks is read from the day it was said
    if dct is None:
        return
    quoted = None
    for q in quotes:
        if not _is_day(q.date) or q.date == dct.isoformat() or q.date > dct.isoformat() or q.kind == "indirect":
            continue
        if quoted is None:
            quoted = _quoted_spans(text)
        day = parse_published(q.date)
        if day is None:
            continue
        for t in times:
            if (
                t.anchor is None
                and q.start <= t.start
                and t.end <= q.end
                and t.value is not None
                and _inside(quoted, t.start, t.end)
                and reresolve(doc, t, day, times, deictic=True, text=text)
            ):
                t.anchor = q.date_time if q.date_time != t.id else None
                if t.resolution == "unresolved":
                    t.resolution = _resolution(t, False)


_SUBORDINATE_DEPS = ("advcl", "relcl", "acl")
_HAVE_AUX = frozenset({"has", "have", "'s", "'ve", "\u2019s", "\u2019ve"})


def _perfect_cue(doc: Doc, start: int, end: int) -> bool:
    """The cue is a present perfect: "has said", "have argued", "has been hoping" (switch
    ``perfect-cue20``)."""
    if not doc.has_annotation("DEP"):
        return False
    v = _gov_verb(doc, start, end)
    if v is None:
        return False
    aux = [c.lower_ for c in children(v) if c.dep_ in ("aux", "auxpass")]
    if not any(a in _HAVE_AUX for a in aux):
        return False
    return v.tag_ == "VBN" or (v.tag_ == "VBG" and "been" in aux)


def _on_cue_verb(doc: Doc, start: int, end: int, expr: TimeExpr) -> bool:
    """The time hangs on the cue's own verb (or its to-infinitive chain)."""
    v = _gov_verb(doc, start, end)
    tspan = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if v is None or tspan is None or not len(tspan):
        return False
    tv = _direct_verb(tspan.root)
    if tv is None:
        return False
    while v.dep_ == "xcomp" and v.head != v:
        v = v.head  # "has tried to say on Monday"; not a verb it is coordinated with
    return tv.i == v.i or tv.i in {j for j in subtree_ids(v) if v.doc[j].dep_ == "xcomp"}


def _in_describing_clause(doc: Doc, start: int, end: int) -> bool:
    """The span hangs on the verb of a relative clause that describes a thing that is not the
    subject of its sentence ("the room where he saw Mateen on Friday"), not one on a speaker
    ("Kowal, who spoke on Monday, said")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    v = span.root if span.root.pos_ in ("VERB", "AUX") else _direct_verb(span.root)
    if v is None:
        return False
    if v.dep_ in ("aux", "auxpass"):
        v = v.head
    return (
        v.dep_ == "relcl"
        and v.head != v
        and v.head.dep_ not in ("nsubj", "nsubjpass")
        and v.lemma_.lower() not in SPEECH_LEMMAS  # "something he denied to me in an interview on Friday"
        # a clause opened by a relative word, not "when" ("Monday, when Tester voted": the day's
        # own clause) nor a verb the parser took for one ("Ryan, the Republican, on Tuesday called")
        and any(c.lower_ in _RELATIVE_WORDS for c in v.subtree if c.i < v.i and c.dep_ != "det")
    )


_RELATIVE_WORDS = frozenset({"where", "which", "that", "who", "whom", "whose"})


# the same speaker's date older than this (by the end of its day, month or year) carries on only
# to a direct quotation (switch "speaker-old")
_OLD_SPEECH_DAYS = 45


def _period_end(value: str) -> dt.date:
    """The last day of a calendar value: 2015 -> 2015-12-31, 2015-10 -> 2015-10-31."""
    y = int(value[:4])
    if len(value) >= 10:
        return dt.date(y, int(value[5:7]), int(value[8:10]))
    if len(value) >= 7:
        return _add_months(dt.date(y, int(value[5:7]), 1), 1) - dt.timedelta(days=1)
    return dt.date(y, 12, 31)


def _future_cue(doc: Doc, start: int, end: int) -> bool:
    """The cue's verb (or the verb its to-infinitive hangs on) is in the future: "will tell"."""
    if not doc.has_annotation("DEP"):
        return False
    head = _gov_verb(doc, start, end)
    while head is not None and head.dep_ == "xcomp" and head.head != head:
        head = head.head
    return head is not None and _explicit_tense(head) == "future"


def _ahead_of_statement(doc: Doc, start: int, end: int, value: Optional[str], dct: Optional[dt.date]) -> bool:
    """A date after publication given to a statement whose cue is not future ("is expected in
    mid-May"): what the statement is about, not when it was made (switch "statement-ahead")."""
    if not value or dct is None or "statement-ahead" in RULES_OFF or value <= dct.isoformat()[: len(value)]:
        return False
    verb = _gov_verb(doc, start, end) if doc.has_annotation("DEP") else None
    return verb is None or _explicit_tense(verb) != "future"


def _may_borrow(doc: Doc, start: int, end: int, times: list[TimeExpr]) -> tuple[bool, Optional[TimeExpr]]:
    """Whether a statement without a date of its own clause may take one from the paragraph or
    the speaker. Not when its cue stands in a clause of its own below the sentence's main verb
    ("..., since Mr. Trump spoke favorably of Mr. Putin before Mr. Manafort joined the
    campaign": an adverbial or relative clause, which the writer places in time apart;
    switch "infer-main-clause"), nor when its clause has a time expression that gives no
    calendar day ("And now Mr. Manafort has taken on a much larger campaign, seeking ...",
    "said recently", "in recent months": switch "infer-own-time"). The second value is such a
    time of its own clause, when there is one."""
    if not doc.has_annotation("DEP"):
        return True, None
    verb = _gov_verb(doc, start, end)
    if verb is None:
        return True, None
    allowed = True
    if "later-cue" not in RULES_OFF and _later_cue(verb):
        return False, None  # "Clark later said his comments were mischaracterized": not then
    if "infer-main-clause" not in RULES_OFF:
        v = verb
        for _ in range(8):
            if v.head == v or not (v.dep_ in ("conj", "xcomp") or (v.dep_ == "advcl" and _same_time_clause(v))):
                break
            v = v.head
        if v.head != v and v.dep_ in _SUBORDINATE_DEPS:
            allowed = False
    if "infer-own-time" not in RULES_OFF:
        hosts = _verb_group(verb, down=False)
        sent = sent_of(doc, verb.i)
        for t in times:
            if t.start < sent.start_char or t.end > sent.end_char or t.type == "SET":
                continue
            tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
            if tspan is None or len(tspan) == 0:
                continue
            tok = tspan.root
            if "for-target" not in RULES_OFF and _for_target(tok, t.value):
                continue
            if "since-own" not in RULES_OFF and "since-start" not in RULES_OFF and _after_since(tok):
                # "Since 2001, he has made promises": a stretch of its own, no day to borrow or give
                if (tok.head.head if tok.dep_ == "pobj" else tok.head).i in hosts:
                    return False, None
                continue
            prep = tok.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
            if t.type == "DURATION" and (prep is None or prep.lower_ not in _PERIOD_PREPS):
                continue  # "spoke for more than 45 minutes": how long, not when
            if (prep if prep is not None else tok).head.i in hosts and tok.dep_ not in ("amod", "compound", "poss"):
                return False, t
    return allowed, None


_PERIOD_PREPS = {"in", "over", "during", "throughout", "within"}
# "X later said", "subsequently told", "afterwards explained": said at another time than what
# was told just before (data/en/times/later_adverbs.tsv)
LATER_ADVERBS = words(table("times/later_adverbs.tsv", columns=("word",), key=("word",)), "word")


def _later_cue(verb) -> bool:
    """The verb of saying says it was said later than what came before: "Sharpton later
    clarified", "she subsequently told reporters" (an adverb on the verb, with no time of its own
    after it: "later that day", "later on Monday" are times)."""
    for c in children(verb):
        if c.dep_ == "advmod" and c.lower_ in LATER_ADVERBS:
            nxt = c.nbor(1) if c.i + 1 < len(c.doc) else None
            if nxt is not None and (nxt.lower_ in ("that", "this", "in", "on", "today", "tonight") or nxt.like_num):
                return False
            return True
    return False


_PRESENT_BE = {"is", "are", "am", "'s", "'re", "\u2019s", "\u2019re"}


def _present_progressive(doc: Doc, start: int, end: int) -> bool:
    """The cue is a present progressive ("is hoping", "are praising")."""
    if not doc.has_annotation("DEP"):
        return False
    v = _gov_verb(doc, start, end)
    return v is not None and v.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in children(v))


def _same_time_clause(v) -> bool:
    """An adverbial clause read at the time of the clause it hangs on: a participle or a
    when/as/while clause (``_shares_time``), or a to-infinitive ("pleaded with them to
    reject")."""
    if _shares_time(v):
        return True
    if any(c.dep_ == "mark" and c.lower_ in ("as", "when", "while") for c in children(v)):
        return True
    return v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(v))


class TimesComponent:
    """spaCy component: ``doc._.times`` = list of ``record.TimeExpr``."""

    @gc_paused
    def __call__(self, doc: Doc) -> Doc:
        try:
            doc._.times = find_times(doc)
        except RecursionError:  # pragma: no cover - defensive: never break the pipeline
            doc._.times = []
        return doc


@Language.factory(
    "newsgraph_times",
    default_config={},
    requires=["doc._.published", "doc._.entities", "token.dep", "token.pos", "token.tag", "token.lemma"],
    assigns=["doc._.times"],
)
def make_times(nlp: Language, name: str) -> TimesComponent:
    return TimesComponent()


# ----------------------------------------------------------------------------- dates for clauses

_ISO_OUT = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:T.*)?")


def calendar_date(value: Optional[str]) -> Optional[str]:
    """A TIMEX3 value as a record date (YYYY-MM-DD, YYYY-MM or YYYY), or None for weeks,
    quarters, durations, PRESENT_REF and the like."""
    if not value:
        return None
    m = _ISO_OUT.fullmatch(value)
    return m.group(1) if m else None


def date_for_span(doc: Doc, start_char: int, end_char: int) -> Optional[str]:
    """The ISO date (YYYY-MM-DD, else YYYY-MM or YYYY) of the clause around a span, or None.

    The span is usually a quote cue ("said") or an event trigger. In order:

    1. a time expression attached to the span's verb, directly or through a preposition
       (dependency parse): "Kowal told reporters late Tuesday" -> Tuesday; "the leaders will
       meet in Berlin on Friday" -> Friday; a coordinated verb shares the time of the verb it is
       joined to ("On Tuesday Kowal spoke to reporters and said ...");
    2. a clause placed a stated time before or after a dated one: "met on Monday, a day after
       Turkey agreed" -> the Sunday for "agreed";
    3. else the one date in the sentence that sits outside the span's clause and is not attached
       to a verb above it (so "said the talks would resume Friday", "protested on Tuesday,
       police said" and "met on Monday, a day after Turkey agreed" do not date the span);
    4. else None. "today" and "on Wednesday" (the publication weekday) resolve to the
       publication date through steps 1-3; nothing else falls back to it, and weeks, quarters,
       durations and PRESENT_REF give None. A dateline ("ANKARA, May 13 (Reuters) -") dates
       the article, not a clause.
    """
    return _span_date(doc, start_char, end_char)[0]


def _span_date(
    doc: Doc, start_char: int, end_char: int, depth: int = 0, statement: bool = False
) -> tuple[Optional[str], Optional[TimeExpr]]:
    """``date_for_span`` with the time expression the date comes from. ``statement``: the span is
    the cue of a statement, whose to-infinitive is what was said ("is hoping to win Michigan on
    Tuesday", "promised to release a report Friday"), not when."""
    times = doc._.times
    if times is None:
        times = find_times(doc)
    if not times or start_char >= end_char:
        return None, None
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None, None
    has_dep = doc.has_annotation("DEP")
    sent = sent_of(doc, span.start) if (doc.has_annotation("SENT_START") or has_dep) else doc[:]
    in_sent = [t for t in times if t.start >= sent.start_char and t.end <= sent.end_char and calendar_date(t.value)]
    if in_sent and in_sent[0].start - sent.start_char < 60:
        stext = text_of(sent)  # (the sentence's text cut from the Doc's, not joined again)
        in_sent = [t for t in in_sent if not _is_dateline(stext, t.start - sent.start_char, t.end - sent.start_char)]
    if not has_dep:
        vals = {calendar_date(t.value) for t in in_sent}
        return (vals.pop(), next(iter(in_sent))) if len(vals) == 1 else (None, None)
    if "year-in-name" not in RULES_OFF:
        in_sent = [t for t in in_sent if not _year_in_name(doc, t)]
    if statement and in_sent and "statement-paragraph" not in RULES_OFF:
        # a paragraph ends at a line break, even where the parser runs a sentence on across it
        # ("... his 1996 book detailed ...” [new paragraph] “It goes back,” Klein said.)
        stext = text_of(sent)
        s0 = sent.start_char
        in_sent = [
            t
            for t in in_sent
            if "\n" not in stext[min(t.start, start_char) - s0 : max(t.end, end_char) - s0]
            or (t.end <= start_char and _heading_line(stext, t.start - s0, t.end - s0))
        ]
    verb = _gov_verb(doc, start_char, end_char) or span.root
    if statement and "statement-ahead" not in RULES_OFF:
        value, expr = _span_date_of_verb(doc, start_char, end_char, depth, statement, in_sent, verb, sent, times)
        dct = article_date(doc)
        if value and dct is not None:
            pub = dct.isoformat()[: len(value)]
            head = verb
            while head.dep_ == "xcomp" and head.head != head:
                head = head.head
            ahead = _explicit_tense(head) == "future"
            if (value > pub and not ahead) or (value < pub and ahead):
                # the date of a statement agrees with its tense: one made, or being made, is not
                # dated after publication ("the panel concluded, the tax must rise again in 2018",
                # "a decision is expected in mid-May"), nor one to come before it ("Tuesday's
                # results will force him to acknowledge"); "will say on Friday" keeps its day
                return None, None
            if value < pub and expr is not None and _present_from_other_verb(doc, head, expr):
                return None, None
        return value, expr
    return _span_date_of_verb(doc, start_char, end_char, depth, statement, in_sent, verb, sent, times)


def _present_from_other_verb(doc: Doc, head, expr: TimeExpr) -> bool:
    """A statement in the simple present ("but she suspects that ...") takes no earlier day from
    a time that hangs on another verb ("Tinder suspended her account on Thursday; ..., but she
    suspects"): what someone suspects, thinks or says now is not dated by a past act beside it
    (switch ``statement-present``). A time on the cue's own verb ("says Monday") is kept."""
    if "statement-present" in RULES_OFF or head.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in children(head)):
        return False
    tspan = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if tspan is None or len(tspan) == 0:
        return False
    tv = _direct_verb(tspan.root)
    return tv is not None and tv != head


def _span_date_of_verb(
    doc: Doc, start_char: int, end_char: int, depth: int, statement: bool, in_sent: list, verb, sent, times: list
) -> tuple[Optional[str], Optional[TimeExpr]]:
    """``_span_date`` once the sentence's candidate times and the governing verb are known."""
    hosts = _verb_group(verb)
    # what a statement's to-infinitive says is to come is not when it was said
    content = (hosts - _verb_group(verb, down=False)) if statement and "content-xcomp" not in RULES_OFF else set()
    dct_iso = (article_date(doc) or dt.date.max).isoformat()
    sub = set(subtree_ids(verb))
    above = {a.i for a in verb.ancestors}
    subj = {j for c in children(verb) if c.dep_ in ("nsubj", "nsubjpass") for j in subtree_ids(c)}
    if statement and "purpose-infinitive20" not in RULES_OFF and _purpose_infinitive(verb):
        # "took to the steps of City Hall Wednesday to assail the senator": said when it was done
        hosts = hosts | _verb_group(verb.head, down=False)
    if "time-relcl" not in RULES_OFF and verb.dep_ in ("relcl", "advcl") and verb.head != verb:
        h = verb.head
        for t in in_sent:
            if t.start <= h.idx < t.end:
                # "emphatic Monday when he spoke to CNN", "in October, when he told Clinton": a
                # clause that hangs on a time expression happens then
                return calendar_date(t.value), t
    same, free = [], []
    for t in in_sent:
        tspan = doc.char_span(t.start, t.end, alignment_mode="expand")
        if tspan is None or len(tspan) == 0:
            continue
        if "for-target" not in RULES_OFF and _for_target(tspan.root, t.value):
            continue  # "called snap elections for October 2014": when the elections are
        if "since-start" not in RULES_OFF and _after_since(tspan.root):
            continue  # "has risen since Monday", "developments since their Oct. 13 debate": a start
        if "topic-of" not in RULES_OFF and _topic_time(tspan.root):
            continue  # "wrote of the 2010 gift", "asked about Tuesday's vote": what, not when
        if (
            statement
            and "described-time21" not in RULES_OFF
            and _long_before(t.value, dct_iso)
            and _describes_other(tspan.root, hosts, subj)
        ):
            continue  # "said McLean, a spokeswoman for Gore's 2000 campaign"; "invoked the 2001 attacks"
        tv = _direct_verb(tspan.root)
        cal = calendar_date(t.value) or ""
        if tv is not None and tv.i in content and cal > dct_iso[: len(cal)]:
            continue  # "is hoping to win Michigan this Tuesday", "is expected to run in 2017"
        if (
            statement
            and tv is not None
            and tv.i not in hosts
            and (_after_participle(tv, verb) or _subject_release(tv, subj))
        ):
            same.append(t)  # "said after meeting Thursday", "A poll released on Tuesday showed"
            continue
        if (tv is not None and tv.i in hosts) or (
            tv is None
            and tspan.root.i in subj
            and t.resolution != "range"
            and not (
                statement
                and "subject-relcl20" not in RULES_OFF
                and _in_clause_below(tspan.root, subj)
                and _long_before(t.value, dct_iso)
            )
        ):
            # "The Council on Aug. 6 ordered": a time inside the subject; not a span of years
            # said of the subject ("said Novak, ... deputy minister from 2005 to 2009": a tenure)
            same.append(t)
        elif tspan.root.i not in sub and (tv is None or tv.i not in above):
            free.append(t)
    if same:
        best = min(same, key=lambda t: min(abs(t.start - start_char), abs(t.end - end_char)))
        return calendar_date(best.value), best
    shifted = _shifted_clause(doc, verb, times, depth) or _later_than_before(doc, verb, times, start_char)
    if shifted is not None:
        return shifted
    vals = {calendar_date(t.value) for t in free}
    if len(vals) == 1:
        return vals.pop(), free[0]
    return None, None


# verbs that put out what then speaks (data/en/times/release_verbs.tsv): "a poll released on Tuesday
# showed", "a report published Monday found"
RELEASE_LEMMAS = words(table("times/release_verbs.tsv", columns=("lemma",), key=("lemma",)), "lemma")


def _purpose_infinitive(verb) -> bool:
    """The cue is a to-infinitive of purpose on another verb ("took to the steps Wednesday to
    assail", "went on television Monday to say"): said when that verb's act was done (switch
    ``purpose-infinitive20``)."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and verb.head != verb
        and verb.head.pos_ in ("VERB", "AUX")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children(verb))
    )


def _after_participle(tv, verb) -> bool:
    """The time hangs on a participle after "after" that hangs on the cue's verb, directly or
    through a noun of its prepositional phrase: "he said after meeting Thursday with aides", "In
    remarks after meeting with his advisers on Tuesday, Obama repeated" (switch
    ``after-participle20``): said right after, the same day as a reader takes it."""
    if "after-participle20" in RULES_OFF or tv.tag_ != "VBG" or tv.dep_ != "pcomp":
        return False
    prep = tv.head
    if prep.lower_ != "after" or prep.head == prep:
        return False
    h = prep.head
    if h.i == verb.i:
        return True
    return (
        h.pos_ == "NOUN"
        and h.dep_ == "pobj"
        and h.head.dep_ == "prep"
        and h.head.head.i == verb.i
        and h.head.i < verb.i
    )


def _subject_release(tv, subj: set) -> bool:
    """The time hangs on a participle of release inside the cue's subject: "A CNN/ORC poll
    released on Tuesday showed", "a report published Monday found" (switch
    ``subject-release20``): what a document says is said when it comes out."""
    return (
        "subject-release20" not in RULES_OFF
        and tv.i in subj
        and tv.tag_ == "VBN"
        and tv.dep_ == "acl"
        and tv.lemma_.lower() in RELEASE_LEMMAS
    )


def _long_before(value: Optional[str], dct_iso: str) -> bool:
    """A calendar value that ended more than 45 days before publication (``dct_iso``)."""
    cal = calendar_date(value)
    if not cal or dct_iso >= dt.date.max.isoformat():
        return False
    return _period_end(cal) < dt.date.fromisoformat(dct_iso) - dt.timedelta(days=_OLD_SPEECH_DAYS)


def _describes_other(tok, hosts: set, subj: set) -> bool:
    """A date that describes someone or something the statement names, not the saying (switch
    ``described-time21``; only for dates more than 45 days old): inside an appositive of the
    cue's subject ("said Kiki McLean, a spokeswoman for Gore's 2000 presidential campaign"), or
    naming the cue's object ("she invoked the Sept. 11, 2001, terrorist attacks", "criticized
    the 1994 crime bill"). "held a Tuesday news conference" is recent and keeps its day."""
    if tok.i in subj:
        h = tok
        for _ in range(8):
            if h.dep_ == "appos":
                return True
            if h == h.head or h.head.i not in subj:
                return False
            h = h.head
        return False
    if tok.dep_ in ("compound", "nummod", "amod", "nmod", "poss") and tok.head != tok:
        n = tok.head
        while n.dep_ in ("compound", "amod", "nmod") and n.head != n and n.head.pos_ in ("NOUN", "PROPN"):
            n = n.head
        return n.dep_ == "dobj" and n.head.i in hosts  # the cue's verb or one it shares its time with
    return False


def _in_clause_below(tok, subj: set) -> bool:
    """A time inside the cue's subject that stands in a clause of its own there: "said Rich Beeson,
    who oversaw Mitt Romney's 2012 ground game" (switch ``subject-relcl20``): the clause's time,
    not the saying's."""
    h = tok.head
    for _ in range(8):
        if h == h.head or h.i not in subj:
            return False
        if h.pos_ in ("VERB", "AUX"):
            return True
        h = h.head
    return False


# what a speaker says of the day itself dates the saying: "Tonight, Trump painted a dark picture"
_SAME_DAY = re.compile(r"(?i)(?:today|tonight|this\s+(?:morning|afternoon|evening))(?:'s|\u2019s)?")


def _content_time(doc: Doc, text: str, q, expr: TimeExpr) -> bool:
    """A time inside what a statement says that says what it is about, not when it was said
    (switch ``content-own``). Not the time right at the start of the content, where a day of
    saying stands ("said on Friday he met Trump"), one on the cue's own verbs ("declined to
    assail him on Sunday", "voted for Trump in two states Tuesday night"), nor "today",
    "tonight", "this morning" in a quotation."""
    if re.fullmatch(r"\s*(?:(?:on|late|early|earlier|later|in|at|during)\s+)?", text[q.start : expr.start]):
        return False
    if _SAME_DAY.fullmatch(expr.text):
        return False
    if doc.has_annotation("DEP") and q.cue is not None:
        verb = _gov_verb(doc, q.cue.start, q.cue.end)
        tspan = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if verb is not None and tspan is not None and len(tspan):
            tok = tspan.root
            h = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
            for _ in range(4):  # the cue's verb, or its to-infinitive or a verb coordinated with it
                if h.i == verb.i:
                    return False
                if h.dep_ not in ("xcomp", "conj") or h.head == h:
                    break
                h = h.head
    return True


def _year_in_name(doc: Doc, t: TimeExpr) -> bool:
    """A bare year that is part of a proper name ("the Cleveland 2016 Host Committee", "Euro 2016
    Final"): a number the parser hangs on a proper noun, with a capitalised word on each side.
    It dates no clause."""
    if not re.fullmatch(r"\d{4}", t.text):
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    tok = span[0]
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    prev, nxt = doc[tok.i - 1], doc[tok.i + 1]
    return (
        tok.dep_ in ("nummod", "compound", "nmod", "appos")
        and tok.head.pos_ == "PROPN"
        and prev.pos_ == "PROPN"
        and prev.text[:1].isupper()
        and prev.lower_ not in MONTHS
        and not prev.is_sent_start
        and nxt.text[:1].isupper()
        and nxt.pos_ == "PROPN"
    )


_PROSE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


def _heading_line(stext: str, start: int, end: int) -> bool:
    """The time stands on a line of its own or in a heading: a live blog's "12:35 p.m." or
    "February 6, 2016 10:57PM Bush hits Rubio" above the entry it dates, not a sentence of
    prose ending in a full stop with words beside the time."""
    a = stext.rfind("\n", 0, start) + 1
    b = stext.find("\n", end)
    line = stext[a : b if b >= 0 else len(stext)]
    rest = (line[: start - a] + " " + line[end - a :]).strip(" \t:;,.-\u2014")
    return len(rest.split()) < 4 or not _PROSE_END.search(line)


def _after_since(tok) -> bool:
    """The time is (in) the object of "since" below its verb ("fell since Monday", "a run of
    gains since their Oct. 13 debate"): where a stretch begins, which dates nothing in it."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX"):
            return False
        if a.lower_ == "since" and a.dep_ == "prep":
            return True
    return False


_TOPIC_PREPS = frozenset({"of", "about", "regarding", "concerning"})


def _topic_time(tok) -> bool:
    """The time names (or is) what a verb is about: inside the object of "of", "about",
    "regarding" or "concerning" on a verb ("Kowal wrote of the 2010 gift", "was asked about
    Tuesday's vote", "spoke about 2008"). It dates the thing talked of, not the talking; "said
    in a 2015 interview" and "said on Monday's show" still date it (switch ``topic-of``)."""
    noun = tok
    if tok.dep_ in ("nummod", "compound", "amod", "poss", "nmod") and tok.head != tok:
        noun = tok.head
    return (
        noun.dep_ == "pobj"
        and noun.head.lower_ in _TOPIC_PREPS
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ in ("VERB", "AUX")
    )


def _for_target(tok, value: Optional[str]) -> bool:
    """A day or month reached through a "for" on a verb names when what the verb arranges
    happens, not when the verb does: "called snap elections for October 2014", "set the vote
    for Friday", "planned the rally for March". A year or quarter after "for" is the period the
    clause is about ("has not met our expectations for 1989") and still dates it."""
    return (
        re.match(r"\d{4}-\d\d", value or "") is not None
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "for"
        and tok.head.dep_ == "prep"
        and tok.head.head.pos_ in ("VERB", "AUX")
    )


def _shifted_clause(doc: Doc, verb, times: list[TimeExpr], depth: int):
    """'met on Monday, a day after Turkey agreed': a clause introduced by after/before with a
    measure ("a day", "two weeks") is that far from the date of the clause it hangs on."""
    if depth > 2 or verb.dep_ != "advcl" or verb.head == verb:
        return None
    mark = next(
        (c.lower_ for c in children(verb) if c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before")), None
    )
    if mark is None:
        return None
    for c in children(verb):
        if c.dep_ != "npadvmod":
            continue
        for t in times:
            if t.type == "DURATION" and t.start <= c.idx < t.end:
                m = re.fullmatch(r"P(\d+)([DWMY])", t.value or "")
                if not m:
                    return None
                base, expr = _span_date(doc, verb.head.idx, verb.head.idx + len(verb.head.text), depth + 1)
                if not base or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", base):
                    return None
                unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(2)]
                n = int(m.group(1)) * (-1 if mark == "after" else 1)
                return _shift_value(base, n, unit), expr
    return None


def _later_than_before(doc: Doc, verb, times: list[TimeExpr], start_char: int):
    """'The minister resigned on Monday. Three days later, parliament was dissolved': "later" or
    "earlier" with a measure, on the verb, shifts the last day named before it (TimeML marks
    "Three days" as the duration and "later" as its signal)."""
    for adv in children(verb):
        if adv.dep_ != "advmod" or adv.lower_ not in ("later", "earlier"):
            continue
        for c in children(adv):
            if c.dep_ != "npadvmod":
                continue
            dur = next((t for t in times if t.type == "DURATION" and t.start <= c.idx < t.end), None)
            m = re.fullmatch(r"P(\d+)([DWMY])", (dur.value or "") if dur is not None else "")
            if not m or dur is None:
                return None
            base = None
            for t in reversed(times):
                if t.end <= dur.start and _is_day(t.value) and t.type in ("DATE", "TIME"):
                    base = t if dur.start - t.end < 400 else None
                    break
            if base is None:
                return None
            unit = {"D": "day", "W": "week", "M": "month", "Y": "year"}[m.group(2)]
            n = int(m.group(1)) * (1 if adv.lower_ == "later" else -1)
            return _shift_value((base.value or "")[:10], n, unit), base
    return None


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A time expression at ``start:end`` of ``text`` is the date of a dateline ("ANKARA, May 13
    (Example Wire) - ...", ``newsgraph.dateline``)."""
    d = dateline_at(text, line_start(text, start))
    return d is not None and d.date is not None and d.date[0] <= start and end <= d.date[1]


def _speech_misattached(tok):
    """The verb of saying a time phrase belongs to when the parser hung it on what is reported:
    "The army said on Sunday it would withdraw" (no "that"; the small model attaches "on Sunday"
    to "withdraw"). ``tok`` is the phrase's word attached to the reported verb (the preposition,
    or the time's own head). The phrase must stand between the verb of saying (and its object:
    "told reporters on Friday") and the reported clause's subject, with no "that" before it and
    no other word of the reported clause; else None."""
    v = tok.head
    if v.i == tok.i or v.pos_ not in ("VERB", "AUX") or v.dep_ not in ("ccomp", "parataxis"):
        return None
    s = v.head
    if s.i == v.i or s.pos_ != "VERB" or s.lemma_.lower() not in SPEECH_LEMMAS or not (s.i < tok.i < v.i):
        return None
    subj = [c for c in children(v) if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj or subj[0].i < tok.i:
        return None
    own = set(subtree_ids(tok))
    clause = set(subtree_ids(v)) - own
    if any(k in clause for k in range(s.i + 1, tok.i)):
        return None  # "said that on Friday it would": inside what is reported
    return s


def _verb_group(verb, down: bool = True) -> set[int]:
    """Token indices of the verbs that share one time: the verb, the verb it is coordinated with
    ("spoke on Tuesday and said"), and its xcomp chain up and down ("will begin withdrawing
    troops on Friday", "is expected to meet later this afternoon"); ``down=False``: not the chain
    down (a statement's to-infinitive is what it says)."""
    group = {verb.i}
    v = verb
    while (
        v.head != v
        and v.head.pos_ in ("VERB", "AUX", "ADJ")
        and (v.dep_ in ("xcomp", "conj") or (v.dep_ == "advcl" and _shares_time(v)))
    ):
        v = v.head
        group.add(v.i)
    stack = [verb] if down else []
    while stack:
        x = stack.pop()
        for c in children(x):
            if c.dep_ == "xcomp" and c.i not in group:
                group.add(c.i)
                stack.append(c)
    return group


def _shares_time(v) -> bool:
    """An adverbial clause that happens at the time of its main verb: a participle with no subject
    of its own ("arrived today seeking to mediate") or a when/as/while clause ("was brought home
    today when tons of earth cascaded")."""
    if v.tag_ in ("VBG", "VBN") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in children(v)):
        return True
    return any(c.dep_ == "advmod" and c.lower_ in ("when", "as", "while") for c in children(v))


def _direct_verb(tok):
    """The verb a time expression's head word is attached to, directly or through prepositions
    ("on Monday", "late Tuesday", "from Jordan on Tuesday"); None when it hangs on a noun that
    is not itself the object of a preposition ("the event of the year")."""
    if (
        tok.dep_ in ("npadvmod", "tmod")
        and tok.head.pos_ in ("NOUN", "PROPN", "NUM")
        and tok.head.dep_ in ("dobj", "attr", "nsubjpass", "oprd")
    ):
        tok = tok.head  # "found 1,300 pounds of explosives Sunday": the parser hangs the day on the object
    for _ in range(6):
        h = tok.head
        if h == tok:
            return None
        if h.pos_ in ("VERB", "AUX"):
            if h.dep_ in ("aux", "auxpass") and h.head != h:
                return h.head
            return _speech_misattached(tok) or h
        if h.pos_ == "ADP" or h.dep_ in ("prep", "pcomp") or (h.dep_ == "pobj" and h.pos_ in ("NOUN", "PROPN")):
            tok = h
            continue
        return None
    return None
