"""The search language of newsgraph (statements, articles, ``newsgraph query``), parsed once and
written out for SQLite FTS5 or PostgreSQL full-text search.

    ceasefire                 the word (stemmed: "ceasefires" matches too)
    peace talks               both words (AND is implied)
    "no peace"                the phrase
    sanction*                 words starting with "sanction"
    gas OR oil                either word
    ceasefire NOT gaza        "ceasefire" without "gaza"; -gaza says the same
    (gas OR oil) prices       parentheses group

Operators are upper-case (``or`` is a word). Anything else is text: punctuation, stray quotes,
control characters and NUL bytes never reach the database's own query parser, because every
word is written out as a quoted string (FTS5) or handed to ``plainto_tsquery`` /
``phraseto_tsquery`` as a bound parameter (PostgreSQL). A query with nothing to look for (only
punctuation, or only NOT terms) raises ``SearchError`` with a plain-language reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Union

if TYPE_CHECKING:
    from sqlalchemy.sql import ColumnElement

HELP = (
    'Words are stemmed (email = emails); "exact phrase"; sanction* for prefixes; '
    "gas OR oil; ceasefire NOT gaza (or -gaza); (a OR b) c groups."
)

MAX_TERMS = 32  # more terms than this in one query is refused (bounded work)


class SearchError(ValueError):
    """A query that cannot be searched; the message says why, in plain words."""


@dataclass(frozen=True)
class Term:
    text: str  # one or more words (several = a phrase)
    prefix: bool = False
    phrase: bool = False


@dataclass(frozen=True)
class Op:
    op: str  # AND | OR
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Union[Term, Op, Not]

_TOKEN = re.compile(r'"[^"]*"?|\(|\)|[^\s()"]+')
_WORD = re.compile(r"\w+", re.UNICODE)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _words(s: str) -> list[str]:
    return _WORD.findall(s)


def parse(query: str) -> Node:
    """The query as a tree of terms; raises SearchError when there is nothing to look for."""
    toks = _TOKEN.findall(_CONTROL.sub(" ", query or ""))
    pos = 0
    depth = 0
    n_terms = 0

    def peek() -> Optional[str]:
        return toks[pos] if pos < len(toks) else None

    def take() -> str:
        nonlocal pos
        pos += 1
        return toks[pos - 1]

    def atom() -> Optional[Node]:
        nonlocal n_terms, depth
        t = take()
        if t == "(":
            depth += 1
            node = or_expr()
            depth -= 1
            if peek() == ")":
                take()
            return node
        if t.startswith('"'):
            words = _words(t.strip('"'))
            if not words:
                return None
            n_terms += 1
            return Term(" ".join(words), phrase=len(words) > 1)
        prefix = t.endswith("*")
        words = _words(t)
        if not words:
            return None
        n_terms += 1
        if len(words) > 1:  # e-mail, U.S., 9/11: the words in a row
            return Term(" ".join(words), phrase=True)
        return Term(words[0], prefix=prefix)

    def unary() -> Optional[Node]:
        t = peek()
        if t == "NOT":
            take()
            if peek() in (None, ")"):
                return None
            inner = unary()
            return Not(inner) if inner is not None else None
        if t is not None and t.startswith("-") and len(t) > 1:
            toks[pos] = t[1:]
            inner = atom()
            return Not(inner) if inner is not None else None
        return atom()

    def and_expr() -> Optional[Node]:
        items: list[Node] = []
        while peek() not in (None, ")", "OR"):
            if peek() == "AND":
                take()
                continue
            node = unary()
            if node is not None:
                items.append(node)
        return Op("AND", tuple(items)) if items else None

    def or_expr() -> Optional[Node]:
        items: list[Node] = []
        while True:
            node = and_expr()
            if node is not None:
                items.append(node)
            t = peek()
            if t == "OR":
                take()
            elif t is None or (t == ")" and depth > 0):
                return Op("OR", tuple(items)) if items else None
            else:  # a stray ")" at the top level: ignored
                take()

    tree = _simplify(or_expr())
    if n_terms > MAX_TERMS:
        raise SearchError(f"too many search terms ({n_terms}; at most {MAX_TERMS})")
    if tree is None:
        raise SearchError("the search has no words to look for")
    if not _has_positive(tree):
        raise SearchError("the search has only excluded words (NOT ...): add a word to look for")
    return tree


def _simplify(node: Optional[Node]) -> Optional[Node]:
    if node is None or isinstance(node, Term):
        return node
    if isinstance(node, Not):
        inner = _simplify(node.item)
        return Not(inner) if inner is not None else None
    items = tuple(x for x in (_simplify(i) for i in node.items) if x is not None)
    if not items:
        return None
    if len(items) == 1:
        return items[0]
    return Op(node.op, items)


def _has_positive(node: Node) -> bool:
    """Every branch of the tree looks for something (FTS5 cannot answer "NOT x" alone)."""
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if node.op == "OR":
        return all(_has_positive(i) for i in node.items)
    return any(_has_positive(i) for i in node.items)


# --------------------------------------------------------------------------- SQLite FTS5
def _q(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def to_fts5(node: Node) -> str:
    """The FTS5 MATCH string: every term a quoted string, every group in parentheses."""
    if isinstance(node, Term):
        return _q(node.text) + ("*" if node.prefix else "")
    if isinstance(node, Not):  # only reached inside an AND with a positive part (see below)
        raise SearchError("the search has only excluded words (NOT ...): add a word to look for")
    if node.op == "OR":
        return "(" + " OR ".join(to_fts5(i) for i in node.items) + ")"
    pos = [i for i in node.items if not isinstance(i, Not)]
    neg = [i.item for i in node.items if isinstance(i, Not)]
    out = "(" + " AND ".join(to_fts5(i) for i in pos) + ")"
    for n in neg:
        out = "(" + out + " NOT " + to_fts5(n) + ")"
    return out


def phrase_words(text: str) -> str:
    """The words of ``text`` (control characters and punctuation dropped), for a phrase search."""
    return " ".join(_words(_CONTROL.sub(" ", text or "")))


def fts5_query(query: str) -> str:
    return to_fts5(parse(query))


# --------------------------------------------------------------------------- PostgreSQL
def to_tsquery(node: Node, config: str = "english") -> ColumnElement[Any]:
    """A SQLAlchemy tsquery expression built from bound parameters only."""
    from sqlalchemy import func, literal
    from sqlalchemy.sql.expression import UnaryExpression
    from sqlalchemy.sql.operators import custom_op

    if isinstance(node, Term):
        if node.phrase:
            return func.phraseto_tsquery(config, node.text)
        if node.prefix:
            # the word is \w+ only (no tsquery syntax in it): stemmed by the config, then :*
            return func.to_tsquery(config, literal(node.text) + ":*")
        return func.plainto_tsquery(config, node.text)
    if isinstance(node, Not):
        return UnaryExpression(to_tsquery(node.item, config).self_group(), operator=custom_op("!!"))
    glue = "||" if node.op == "OR" else "&&"
    out = to_tsquery(node.items[0], config)
    for i in node.items[1:]:
        out = out.op(glue)(to_tsquery(i, config)).self_group()
    return out
