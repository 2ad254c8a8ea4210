"""What every reader shares: bounded reads, decoding bytes (with byte-order marks), and
printable names for files whose names are not valid UTF-8."""

from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import BinaryIO, Optional, Union

from ..article import Article, ArticleError, one_line
from ..limits import MAX_BYTES, mb

Item = Union[Article, ArticleError]

# byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def display(path: Union[str, Path]) -> str:
    """A path as one printable line: bytes that are not UTF-8 shown as ``\\xNN``, control
    characters (a newline in a file name) escaped."""
    return one_line(os.fsdecode(os.fsencode(str(path))), 1000)


def sniff_bom(data: bytes) -> tuple[Optional[str], int]:
    """(encoding, BOM length) when ``data`` starts with a byte-order mark, else (None, 0)."""
    for bom, enc in BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None, 0


def decode_bytes(data: bytes, where: str, repairs: Optional[list] = None, charset: Optional[str] = None) -> str:
    """Text from bytes: a byte-order mark decides (UTF-8, UTF-16 or UTF-32); else the declared
    ``charset`` (HTTP headers) if it decodes; else UTF-8; else Windows-1252, the common legacy
    encoding of news sites (noted in ``repairs``). A NUL byte in the first 4 KB without a mark
    means binary content, not text."""
    if len(data) > MAX_BYTES:
        raise ArticleError(where, f"too large ({mb(len(data))} > {mb(MAX_BYTES)} limit)")
    enc, skip = sniff_bom(data)
    if enc:
        try:
            return data[skip:].decode(enc)
        except UnicodeDecodeError as e:
            raise ArticleError(
                where,
                f"cannot decode as {enc.upper()} despite its byte-order mark ({e.reason} at byte {e.start + skip})",
            ) from None
    if b"\x00" in data[:4096]:
        raise ArticleError(where, "binary content (NUL bytes), not an article")
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(where, f"cannot decode as UTF-8 ({e.reason} at byte {e.start})") from None
        if repairs is not None:
            repairs.append("text: not valid UTF-8, decoded as Windows-1252")
        return text


def read_bounded(fh: BinaryIO, where: str, limit: int = MAX_BYTES) -> bytes:
    """All of ``fh``, or ``ArticleError`` as soon as it holds more than ``limit`` bytes (never
    more than ``limit + 1`` bytes in memory)."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise ArticleError(where, f"too large (more than {mb(limit)} limit)")
    return data


def read_file(path: Path, where: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file (or a pipe named on the command line), at most ``limit``."""
    try:
        if path.is_file():
            size = path.stat().st_size
            if size > limit:
                raise ArticleError(where, f"too large ({mb(size)} > {mb(limit)} limit)")
        with open(path, "rb") as fh:
            return read_bounded(fh, where, limit)
    except ArticleError:
        raise
    except OSError as e:
        raise ArticleError(where, f"cannot read file ({e.strerror or e})") from None
