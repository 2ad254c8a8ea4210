"""The Article type and the one input contract every article passes before extraction.

An ``Article`` is checked and normalised when it is made, wherever it comes from (a file
reader in ``newsgraph.readers``, a JSON object posted to the server, ``newsgraph.extract()``,
standard input, a record stored before):

- types: ``text`` must be a string; ``id`` a string or an integer; ``url``, ``title``,
  ``source``, ``source_path`` strings or null; ``published`` a date (below);
- text: not empty, not binary (a NUL in its first 4,096 characters), at most
  ``limits.MAX_CHARS`` characters; lone UTF-16 surrogates (``"\\ud800"`` in JSON) become
  U+FFFD and NUL characters spaces, one for one, so offsets never move, and ``repairs`` says so;
  the other fields get the same character repairs, and names are folded onto one line;
- mojibake (``"PeÃ±a"`` for ``"Peña"``: UTF-8 read with the wrong character set) in the text and
  the title is repaired with ftfy, and ``repairs`` says so ("text: mojibake repaired by ftfy
  (encode latin-1, decode utf-8)"); this one can move offsets, which are always into the
  repaired text;
- ``published``: ``YYYY-MM-DD``, an ISO 8601 date-time, or an RFC 2822 date (as in feeds and
  mail), with a year between ``MIN_YEAR`` and ``MAX_YEAR``; anything else is an error with
  the reason, never a silent null.

A check that fails raises ``ArticleError(source, reason)``: ``source`` names the item (the
file, ``file:LINE``, ``file#URI``), ``reason`` is one line. ``ArticleError`` is the one failure
type of the reading and extraction layers; it pickles, so it crosses process boundaries.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

from .limits import MAX_CHARS

MIN_YEAR, MAX_YEAR = 1000, 2999  # a publication date outside these is a typo (or an attack)
REASON_MAX = 300  # characters of a failure reason kept
FIELD_MAX = 2000  # characters of a url, title, outlet or path kept


def one_line(value: Any, limit: int = REASON_MAX) -> str:
    """``value`` as one printable line of at most ``limit`` characters (for names and reasons
    in messages, the ``failures`` table and stderr)."""
    s = str(value)
    s = s.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    s = _CONTROL.sub(lambda m: repr(m.group())[1:-1], s)
    return s if len(s) <= limit else s[: limit - 1] + "…"


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class ArticleError(Exception):
    """One article (or file) could not be read or extracted. ``source`` names it (the file,
    ``file:LINE``, ``file#URI``), ``reason`` says why, in one line."""

    def __init__(self, source: str, reason: str):
        self.source = one_line(source, 1000)
        self.reason = one_line(reason)
        super().__init__(f"{self.source}: {self.reason}")

    def __reduce__(self):  # pickles with both arguments (crosses process boundaries)
        return (type(self), (self.source, self.reason))


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _repair_chars(s: str, what: str, repairs: list[str]) -> str:
    """Lone surrogates -> U+FFFD and NUL -> space, one for one (offsets unchanged)."""
    n = len(_SURROGATE.findall(s))
    if n:
        s = _SURROGATE.sub("\ufffd", s)
        repairs.append(f"{what}: {n} lone surrogate{'s' if n > 1 else ''} replaced by U+FFFD")
    n = s.count("\x00")
    if n:
        s = s.replace("\x00", " ")
        repairs.append(f"{what}: {n} NUL character{'s' if n > 1 else ''} replaced by spaces")
    return s


_FTFY_CONFIG = None
MOJIBAKE_PASSES = 3  # repair passes per line, for text encoded wrongly more than once
_COMBINING = re.compile("[\u0300-\u036f]")  # combining diacritical marks (decomposed text)
# a vulgar fraction after a mojibake lead character, as compatibility decomposition leaves it
# ("GA\u0303" "1\u20444" "len": the "Ã¼" of "GÃ¼len", NFKD-normalised): composed back, ftfy reads it
_SPLIT_FRACTION = re.compile("(?<=[\u00c2\u00c3])(1\u20444|1\u20442|3\u20444)")
_FRACTIONS = {"1\u20444": "\u00bc", "1\u20442": "\u00bd", "3\u20444": "\u00be"}


def repair_text(text: str) -> tuple[str, list[str]]:
    """``(repaired text, steps)``: mojibake ("PeÃ±a" for "Peña", text decoded with the wrong
    character set) undone by ftfy, line by line, and nothing else (quotes stay curly; line
    breaks, widths and normalisation stay as they were), so a clean text comes back unchanged.
    ``steps`` names ftfy's steps ("encode latin-1", "decode utf-8"); empty when the text was
    clean. Unlike the character repairs above, this one can move offsets: every offset
    newsgraph writes is into the repaired text."""
    global _FTFY_CONFIG
    import ftfy
    from ftfy.badness import is_bad

    decomposed = bool(text) and _COMBINING.search(text) is not None
    if not text or not (decomposed or is_bad(text)):  # the fast path: about 1 ms for a long article
        return text, []
    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(
            unescape_html=False,
            remove_terminal_escapes=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_surrogates=False,
            remove_control_chars=False,
            normalization=None,
            explain=True,
        )
    out, steps = [], []
    for line in text.splitlines(keepends=True):
        # repeated until nothing changes (at most MOJIBAKE_PASSES): text encoded wrongly twice
        # ("FranÃ\x83Â§ois") needs two passes, and a repaired text is never repaired again
        # (the repair is idempotent: Article(Article(x).text) keeps x's offsets)
        for _ in range(MOJIBAKE_PASSES):
            cand, nfc = line, []
            if decomposed and _COMBINING.search(line) and not is_bad(line):
                # mojibake stored in decomposed form ("FranA\u0303\u00a7ois": the "Ã" of "FranÃ§ois"
                # as A + a combining tilde) is only seen once composed; a clean decomposed line
                # ("Pen\u0303a") stays as it was
                composed = unicodedata.normalize("NFC", line)
                whole = _SPLIT_FRACTION.sub(lambda m: _FRACTIONS[m.group(1)], composed)
                if is_bad(whole):
                    cand, nfc = whole, ["normalize NFC"] + (["compose fractions"] if whole != composed else [])
            if not is_bad(cand):
                break
            fixed = ftfy.fix_and_explain(cand, _FTFY_CONFIG)
            if fixed.text == cand:
                break
            line = fixed.text
            steps += nfc + [f"{a} {b}" for a, b in (fixed.explanation or [])]
        out.append(line)
    return "".join(out), list(dict.fromkeys(steps))


def _repair_mojibake(s: str, what: str, repairs: list[str]) -> str:
    """Mojibake repaired (``repair_text``), said in ``repairs`` ("text: mojibake repaired by
    ftfy (encode latin-1, decode utf-8)")."""
    fixed, steps = repair_text(s)
    if fixed != s:
        repairs.append(f"{what}: mojibake repaired by ftfy ({', '.join(steps)})")
    return fixed


def check_text(text: Any, source: str) -> str:
    """The article text, checked: a string, not empty, not binary, not too long. Returns it
    unchanged (the repairs are made by ``Article``)."""
    if text is None:
        raise ArticleError(source, "empty article (no text)")
    if not isinstance(text, str):
        raise ArticleError(source, f"text must be a string, not {_type_name(text)}")
    if not text.strip():
        raise ArticleError(source, "empty article (no text)")
    if "\x00" in text[:4096]:
        raise ArticleError(source, "binary content (NUL bytes), not an article")
    if len(text) > MAX_CHARS:
        raise ArticleError(source, f"article too long ({len(text):,} characters > {MAX_CHARS:,}); split it")
    return text


def _type_name(v: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(v), type(v).__name__
    )


_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


def parse_date(value: Any) -> Optional[str]:
    """``YYYY-MM-DD`` from a date value: None for an empty one; ``ValueError`` (with the reason)
    for anything that is not a date this contract accepts."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"must be a date string (YYYY-MM-DD), not {_type_name(value)}")
    s = value.strip()
    m = _ISO.match(s)
    if m:
        y, mo, d = map(int, m.groups())
        try:
            day = _dt.date(y, mo, d)
        except ValueError as e:
            raise ValueError(f"is not a valid date ({one_line(s, 40)!r}: {e})") from None
    else:
        from email.utils import parsedate_tz

        t = parsedate_tz(s) if len(s) < 100 else None  # "Tue, 05 Mar 2024 10:00:00 GMT"
        if not t:
            raise ValueError(f"is not a date (YYYY-MM-DD): {one_line(s, 40)!r}")
        try:
            day = _dt.date(t[0], t[1], t[2])
        except (ValueError, OverflowError) as e:
            raise ValueError(f"is not a valid date ({one_line(s, 40)!r}: {e})") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValueError(f"is out of range ({day.isoformat()}: the year must be {MIN_YEAR} to {MAX_YEAR})")
    return day.isoformat()


def normalise_date(value: Any) -> Optional[str]:
    """``YYYY-MM-DD`` from a date value, else None (lenient: for dates found in page metadata;
    a date given by the user goes through ``parse_date``, which says what is wrong)."""
    try:
        return parse_date(value)
    except ValueError:
        return None


@dataclass
class Article:
    """One article, checked and normalised on creation (the contract above); raises
    ``ArticleError`` naming ``where`` (else ``source_path``, else ``id``)."""

    id: str
    text: str
    source_path: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None  # ISO date YYYY-MM-DD
    source: Optional[str] = None  # outlet name
    repairs: list[str] = field(default_factory=list)  # what was repaired in the input, if anything
    where: Optional[str] = None  # where it was read: file, file:LINE, file#URI (for messages)

    def __post_init__(self) -> None:
        name = self.where if isinstance(self.where, str) and self.where else None
        if name is None:
            name = self.source_path if isinstance(self.source_path, str) and self.source_path else None
        if name is None:
            name = self.id if isinstance(self.id, (str, int)) and not isinstance(self.id, bool) else "article"
        name = one_line(name, 1000)
        self.where = name
        repairs = list(self.repairs or [])
        check_text(self.text, name)
        self.text = _repair_mojibake(_repair_chars(self.text, "text", repairs), "text", repairs)
        if isinstance(self.id, int) and not isinstance(self.id, bool):
            self.id = str(self.id)
        if not isinstance(self.id, str) or not self.id.strip():
            raise ArticleError(
                name,
                f"id must be a non-empty string or a number, not {_type_name(self.id)}"
                if not isinstance(self.id, str)
                else "id must not be empty",
            )
        self.id = one_line(_repair_chars(self.id, "id", repairs), 1000)
        for key in ("url", "title", "source", "source_path"):
            v = getattr(self, key)
            if v is None:
                continue
            if not isinstance(v, str):
                raise ArticleError(name, f"{key} must be a string, not {_type_name(v)}")
            v = _repair_chars(v, key, repairs)
            if key == "title":
                v = _repair_mojibake(v, key, repairs)
            if len(v) > FIELD_MAX:
                v = v[:FIELD_MAX]
                repairs.append(f"{key}: cut to {FIELD_MAX:,} characters")
            if key != "title":  # names and addresses: one line
                v = one_line(v, FIELD_MAX)
            setattr(self, key, v if v.strip() else None)
        try:
            self.published = parse_date(self.published)
        except ValueError as e:
            raise ArticleError(name, f"published {e}") from None
        self.repairs = list(dict.fromkeys(repairs))

    def to_dict(self) -> dict:
        return asdict(self)


def article_from_dict(d: Any, where: Optional[str] = None, default_id: Optional[str] = None) -> Article:
    """The Article in a JSON object (a JSONL line, a POST body, ``Article.to_dict()`` sent to a
    worker): ``{"text": ..., "id", "url", "title", "published" (or "date"), "source"}``. The id
    defaults to the url, then ``default_id``. Raises ``ArticleError`` naming ``where`` (default:
    the object's own ``where``, as ``to_dict`` writes it)."""
    if where is None and isinstance(d, dict) and isinstance(d.get("where"), str):
        where = d["where"]
    where = where or "article"
    if not isinstance(d, dict):
        raise ArticleError(where, f"expected a JSON object with a 'text' field, not {_type_name(d)}")
    if "text" not in d or d["text"] is None:
        raise ArticleError(where, "missing 'text' field")
    ident = d.get("id")
    if ident is None or ident == "":
        ident = d.get("url") if isinstance(d.get("url"), str) and d.get("url") else default_id
    published = d.get("published")
    if published is None or published == "":
        published = d.get("date")
    repairs = d.get("repairs")
    repairs = [r for r in repairs if isinstance(r, str)] if isinstance(repairs, list) else []
    return Article(
        id=ident if ident is not None else where,
        text=d["text"],
        source_path=d.get("source_path"),
        url=d.get("url"),
        title=d.get("title"),
        published=published,
        source=d.get("source"),
        repairs=repairs,
        where=where,
    )
