"""``.txt`` (and any file named explicitly whose suffix no other reader claims): the whole file
is the article text; its id is the file name."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Optional

from ..article import Article
from .common import Item, decode_bytes, display, read_file


def read(path: Path, published: Optional[str] = None) -> Iterator[Item]:
    where = display(path)
    repairs: list[str] = []
    text = decode_bytes(read_file(path, where), where, repairs)
    yield Article(
        id=display(path.name), text=text, source_path=where, published=published, repairs=repairs, where=where
    )


def count(path: Path) -> Optional[int]:
    return 1
