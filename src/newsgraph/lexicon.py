"""Rule tables kept as data: the one loader every extractor uses for its word lists and rules.

Knowledge an extractor applies (trigger verbs, cue words, object rules, word classes) lives in
plain files under ``newsgraph/data/<language>/``, one rule a row, so that a coder who does not
read Python can read, review and extend it (as PETRARCH2 keeps its verb dictionary and spaCy its
lookups tables apart from the engine). The code is the engine; the tables are the knowledge.

Two formats:

- **TSV** (``.tsv``): a header row naming the columns, then one rule a row, cells separated by a
  tab. Lines starting with ``#`` and blank lines are comments. Every TSV table has a ``note``
  column (free text: why the rule is there; it may be empty). A row may leave trailing cells
  out (they are empty); a row with more cells than the header is an error.
- **JSON lines** (``.jsonl``): one JSON object a line (blank lines and ``#`` lines skipped);
  for rules whose cells are lists or nested values.

    rows = table("events/verbs.tsv", columns=("lemma", "type", "mode"), key=("lemma",))
    rows[0]["lemma"], rows[0].where       # every row knows where it came from: 'data/en/events/verbs.tsv:3'

``table`` checks the columns a caller needs, refuses a key defined twice with different values
(``LexiconError`` naming the file and both lines; the same row twice is harmless), lets the caller
check each row (``check``: a function returning an error message or None) and caches the result.
``index`` builds a lookup dict from rows, with the same refusal, for keys a row expands to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Optional, Union

DEFAULT_LANG = "en"


class LexiconError(ValueError):
    """A rule table that cannot be used as it is: the message names the file and the line."""


class Row(dict):
    """One rule: column -> cell (``str`` for TSV; any JSON value for JSONL), plus where it is."""

    __slots__ = ("source", "line")

    def __init__(self, cells: dict, source: str, line: int):
        super().__init__(cells)
        self.source = source
        self.line = line

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"

    def values_without_note(self) -> tuple:
        return tuple((k, _freeze(v)) for k, v in sorted(self.items()) if k != "note")


def _freeze(v: Any) -> Hashable:
    if isinstance(v, list):
        return tuple(_freeze(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _freeze(x)) for k, x in v.items()))
    return v


def data_path(name: str, lang: str = DEFAULT_LANG):
    """The packaged file ``newsgraph/data/<lang>/<name>``."""
    return resources.files("newsgraph").joinpath("data", lang, *name.split("/"))


def _read_tsv(text: str, source: str) -> tuple[tuple[str, ...], list[Row]]:
    header: Optional[tuple[str, ...]] = None
    rows: list[Row] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = tuple(cells)
            if len(set(header)) != len(header) or "" in header:
                raise LexiconError(f"{source}:{n}: header names a column twice or leaves one unnamed: {header}")
            if "note" not in header:
                raise LexiconError(f"{source}:{n}: a TSV rule table needs a 'note' column (header: {header})")
            continue
        if len(cells) > len(header):
            raise LexiconError(
                f"{source}:{n}: {len(cells)} cells, but the header has {len(header)} columns "
                f"({', '.join(header)}): {line!r}"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(Row(dict(zip(header, cells)), source, n))
    if header is None:
        raise LexiconError(f"{source}: no header row")
    return header, rows


def _read_jsonl(text: str, source: str) -> tuple[tuple[str, ...], list[Row]]:
    rows: list[Row] = []
    cols: dict[str, None] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise LexiconError(f"{source}:{n}: not a JSON object: {e}") from None
        if not isinstance(obj, dict):
            raise LexiconError(f"{source}:{n}: not a JSON object")
        cols.update(dict.fromkeys(obj))
        rows.append(Row(obj, source, n))
    return tuple(cols), rows


def read(
    path: Union[str, Path],
    *,
    columns: Sequence[str] = (),
    key: Sequence[str] = (),
    check: Optional[Callable[[Row], Optional[str]]] = None,
    source: Optional[str] = None,
) -> tuple[Row, ...]:
    """Rows of a TSV or JSONL file at ``path`` (not cached; ``table`` is the cached form)."""
    p = Path(str(path)) if not hasattr(path, "read_text") else path
    source = source or str(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"{source}: no such rule table") from None
    name = str(path)
    if name.endswith(".tsv"):
        header, rows = _read_tsv(text, source)
        missing = [c for c in columns if c not in header]
        if missing:
            raise LexiconError(f"{source}: missing column(s) {', '.join(missing)} (header: {', '.join(header)})")
    elif name.endswith(".jsonl"):
        header, rows = _read_jsonl(text, source)
        for r in rows:
            missing = [c for c in columns if c not in r]
            if missing:
                raise LexiconError(f"{r.where}: missing field(s) {', '.join(missing)}")
    else:
        raise LexiconError(f"{source}: a rule table is .tsv or .jsonl")
    if check is not None:
        for r in rows:
            msg = check(r)
            if msg:
                raise LexiconError(f"{r.where}: {msg}")
    if key:
        seen: dict[Hashable, Row] = {}
        out = []
        for r in rows:
            k = tuple(_freeze(r.get(c)) for c in key)
            first = seen.get(k)
            if first is None:
                seen[k] = r
                out.append(r)
            elif first.values_without_note() != r.values_without_note():
                raise LexiconError(
                    f"{r.where}: {_key_text(key, k)} is already defined at line {first.line} "
                    f"with different values ({_cells(first)} vs {_cells(r)})"
                )
        rows = out
    return tuple(rows)


def _key_text(key: Sequence[str], k: tuple) -> str:
    return ", ".join(f"{c}={v!r}" for c, v in zip(key, k))


def _cells(r: Row) -> str:
    return " ".join(f"{k}={v!r}" for k, v in r.items() if k != "note")


@cache
def _table(name: str, lang: str, columns: tuple, key: tuple, check) -> tuple[Row, ...]:
    return read(data_path(name, lang), columns=columns, key=key, check=check, source=f"data/{lang}/{name}")


def table(
    name: str,
    *,
    columns: Sequence[str] = (),
    key: Sequence[str] = (),
    lang: str = DEFAULT_LANG,
    check: Optional[Callable[[Row], Optional[str]]] = None,
) -> tuple[Row, ...]:
    """The rows of the packaged table ``data/<lang>/<name>`` (cached: read once per process).

    ``columns``: the columns the caller reads (a missing one is an error); ``key``: the columns
    that identify a rule (the same key with different values is an error); ``check``: called
    on each row, returns an error message or None."""
    return _table(name, lang, tuple(columns), tuple(key), check)


def index(
    rows: Iterable[Row], keys: Callable[[Row], Iterable[Hashable]], value: Callable[[Row], Any], what: str = "key"
) -> dict:
    """A lookup dict from rows. A row may stand for several keys (``keys`` yields them: word
    classes, comma lists); a key given different values by two rows is an error naming both."""
    out: dict = {}
    where: dict = {}
    for r in rows:
        v = value(r)
        for k in keys(r):
            if k in out:
                if out[k] != v:
                    raise LexiconError(
                        f"{r.where}: {what} {k!r} is already defined at {where[k].where} as {out[k]!r}, here as {v!r}"
                    )
                continue
            out[k] = v
            where[k] = r
    return out


def words(rows: Iterable[Row], column: str = "word") -> frozenset[str]:
    """The set of one column's cells (a word list table)."""
    return frozenset(r[column] for r in rows if r.get(column))


@cache
def name_particles() -> frozenset[str]:
    """Lower-case words that stand inside or before a name ("van", "bin", "abu":
    ``actors/name_particles.tsv``), for the entity component and the store's actors alike."""
    return words(table("actors/name_particles.tsv", columns=("word",)))


@cache
def role_forms() -> dict[str, str]:
    """Role words and their full form ("gov" -> "governor"; "-" for a word that is no role:
    ``actors/role_forms.tsv``), for the entity component and the store's actors alike."""
    return {r["word"]: r["form"] for r in table("actors/role_forms.tsv", columns=("word", "form"), key=("word",))}


# the first-name lists under ``newsgraph/data/entities/`` (name<TAB>m|f, ``#`` comments), in the
# order they are read: an earlier file's gender wins
FIRST_NAME_FILES = ("first_names.txt", "first_names_more.txt", "first_names_census.txt")


@cache
def first_names(files: tuple[str, ...] = FIRST_NAME_FILES) -> dict[str, str]:
    """Lower-case first name -> "m" | "f" from ``files`` (the entity component's gender cue; the
    actor table's test of what is a person's name)."""
    folder = Path(__file__).resolve().parent / "data" / "entities"
    out: dict[str, str] = {}
    for name in files:
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            cells = line.strip().split("\t")
            if cells[0] and not cells[0].startswith("#") and len(cells) > 1:
                out.setdefault(cells[0], cells[1])
    return out


def clear_cache() -> None:
    """Forget every table read so far (tests that edit tables)."""
    _table.cache_clear()
    name_particles.cache_clear()
    role_forms.cache_clear()
    first_names.cache_clear()
