"""``.txt`` (and any file named explicitly whose suffix no other reader claims): the whole file
is the article text; its id is the file name. A headline on the first line is the title and a
date in the file name the publication date when none is given (``readers.plain``); the text
is kept whole, so offsets count from the file's first character, headline included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..article import Article
from .common import Item, decode_bytes, display, read_file
from .plain import dated_from_name, headline


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    where = display(path)
    repairs: list[str] = []
    text = decode_bytes(read_file(path, where), where, repairs)
    title = headline(text, path.name)
    if title:
        repairs.append("title: the headline on the first line (the text keeps it)")
    published = dated_from_name(published, path.name, repairs)
    yield Article(
        id=display(path.name),
        text=text,
        source_path=where,
        title=title,
        published=published,
        repairs=repairs,
        where=where,
    )


def count(path: Path) -> Optional[int]:
    return 1
