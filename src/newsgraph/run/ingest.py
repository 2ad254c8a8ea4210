"""``newsgraph ingest``: read sources, skip articles already stored, extract (locally or on
Ray), and write each article with all its records in one transaction. One writer (this
process) talks to the store, so SQLite never sees two writers fight over its lock.

Nothing lost, nothing twice: an article is skipped when its URL or normalised text is already
in the store (or earlier in this run); a run killed at any point leaves only whole articles
behind, so running it again stores exactly the ones that are missing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Optional, Union, cast

from ..article import Article, ArticleError, one_line
from ..limits import MAX_BYTES, TIME_LIMIT, mb
from ..readers import count_items, read_path
from ..readers.common import display
from ..store.db import Store, text_hash


@dataclass
class Summary:
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    seconds: float = 0.0
    run_id: Optional[int] = None
    failures: list[str] = field(default_factory=list)  # "source: reason", at most 1000 kept

    @property
    def seen(self) -> int:
        return self.stored + self.duplicates + self.failed

    def line(self) -> str:
        rate = self.seen / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.stored} stored, {self.duplicates} skipped as duplicates, {self.failed} failed "
            f"({self.seen} articles in {self.seconds:.1f} s, {rate:.1f} articles/s)"
        )


def count_articles(sources: Iterable[str]) -> Optional[int]:
    """How many articles the sources hold (for the progress bar's ETA); None when unknown."""
    return count_items(sources)


def read_sources(
    sources: Iterable[str], published: Optional[str] = None, source: Optional[str] = None
) -> Iterator[Union[Article, ArticleError]]:
    for s in sources:
        yield from read_path(s, published=published, source=source)


def _dedup(
    items: Iterator,
    store: Optional[Store],
    summary: Summary,
    on_skip: Callable[[], None],
    on_error: Callable[[str, str], None],
    batch: int = 64,
    art_of: Callable = lambda x: x,
) -> Iterator:
    """Items whose article is not yet stored and not met earlier in this run (``art_of(item)``
    is the item's Article); errors (``ArticleError`` items) are recorded on the way."""
    seen_urls: set[str] = set()
    seen_hashes: set[str] = set()
    buf: list = []

    def flush():
        arts = [art_of(x) for x in buf]
        dup = store.find_duplicates([(a.url, a.text) for a in arts]) if store is not None else [False] * len(buf)
        for x, a, d in zip(buf, arts, dup):
            h = text_hash(a.text)
            if d or h in seen_hashes or (a.url and a.url in seen_urls):
                summary.duplicates += 1
                on_skip()
                continue
            seen_hashes.add(h)
            if a.url:
                seen_urls.add(a.url)
            yield x

    for item in items:
        if isinstance(item, ArticleError):
            on_error(item.source, item.reason)
            continue
        buf.append(item)
        if len(buf) >= batch:
            yield from flush()
            buf = []
    if buf:
        yield from flush()


RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".parquet")


def read_records(sources: Iterable[str]) -> Iterator:
    """Already extracted records (``--records``): ``(Article, Record)`` pairs or ArticleErrors,
    from JSONL files of records (``newsgraph extract``, ``newsgraph export --format jsonl``) and
    Parquet files or directories written by ``ingest --engine ray --parquet``. Lines are read
    bounded, as in the article readers; each record's article passes the input contract."""
    import gzip
    import json
    import zlib

    from ..readers.jsonl import lines
    from ..record import Record

    def pair(d, where: str):
        try:
            if not isinstance(d, dict):
                raise ValueError("expected a JSON object")
            rec = Record.from_dict(d)
            if not isinstance(rec.text, str) or not rec.text.strip():
                raise ValueError("record without text")
            art = Article(
                id=rec.id,
                text=rec.text,
                source_path=rec.source_path,
                url=rec.url,
                title=rec.title,
                published=rec.published,
                source=rec.source,
                where=where,
            )
        except ArticleError as e:
            return e
        except Exception as e:
            return ArticleError(where, f"not a newsgraph record: {type(e).__name__}: {e}")
        if art.text != rec.text:
            return ArticleError(where, "not a newsgraph record: its text holds NUL characters or lone surrogates")
        return art, rec

    for s in sources:
        p = Path(s)
        if not p.exists():
            yield ArticleError(display(s), "no such file or directory")
            continue
        files = sorted(
            f for f in (p.rglob("*") if p.is_dir() else [p]) if f.is_file() and f.name.lower().endswith(RECORD_SUFFIXES)
        )
        if not files:
            yield ArticleError(display(s), f"no record files ({', '.join(RECORD_SUFFIXES)})")
        for f in files:
            src = display(f)
            if f.name.lower().endswith(".parquet"):
                try:
                    import pyarrow.parquet as pq

                    table = pq.read_table(f, columns=["article", "record", "error"])
                except Exception as e:
                    yield ArticleError(src, f"cannot read Parquet ({type(e).__name__}: {e})")
                    continue
                for n, (art, rec, err) in enumerate(
                    zip(*(table[c].to_pylist() for c in ("article", "record", "error"))), 1
                ):
                    if err:
                        a = json.loads(art)
                        yield ArticleError(
                            a.get("where") or f"{a.get('source_path') or a.get('id')} [{a.get('id')}]", err
                        )
                    else:
                        yield pair(json.loads(rec), f"{src}:{n}")
                continue
            try:
                fh = cast(BinaryIO, gzip.open(f, "rb") if f.name.lower().endswith(".gz") else open(f, "rb"))
            except OSError as e:
                yield ArticleError(src, f"cannot read file ({e.strerror or e})")
                continue
            with fh:
                try:
                    for n, line in lines(fh):
                        where = f"{src}:{n}"
                        if line is None:
                            yield ArticleError(where, f"line too long (more than {mb(MAX_BYTES)} limit)")
                            continue
                        if not line.strip():
                            continue
                        try:
                            d = json.loads(line)
                        except json.JSONDecodeError as e:
                            yield ArticleError(where, f"invalid JSON ({e.msg}, column {e.colno})")
                            continue
                        except RecursionError:
                            yield ArticleError(where, "invalid JSON (nested too deeply)")
                            continue
                        except ValueError as e:  # not UTF-8, an integer of 4,300+ digits
                            yield ArticleError(where, f"invalid JSON ({type(e).__name__}: {e})")
                            continue
                        yield pair(d, where)
                except (EOFError, OSError, zlib.error, UnicodeDecodeError) as e:
                    from ..readers.jsonl import _stream_error

                    yield ArticleError(f"{src}:{getattr(e, 'line', '?')}", _stream_error(e))


def _parquet_failures(out_dir: str) -> list[tuple[str, str]]:
    """(source, reason) of the rows written with an error to a Parquet output."""
    import json

    import pyarrow.compute as pc
    import pyarrow.dataset as pads

    table = pads.dataset(out_dir, format="parquet").to_table(columns=["article", "error"])
    bad = table.filter(pc.not_equal(table["error"], ""))
    out = []
    for art, err in zip(bad["article"].to_pylist(), bad["error"].to_pylist()):
        a = json.loads(art)
        out.append((a.get("where") or f"{a.get('source_path') or a.get('url') or a.get('id')} [{a.get('id')}]", err))
    return out


def store_error(e: Exception) -> str:
    """A store error in one line: the database's own message, never the SQL and parameters."""
    orig = getattr(e, "orig", None)
    if orig is not None:
        return f"{type(orig).__name__}: {str(orig).splitlines()[0] if str(orig) else ''}"
    return f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"


def ingest(
    sources: list[str],
    store: Optional[Store],
    *,
    workers: Optional[int] = None,
    engine: str = "local",
    model: Optional[str] = None,
    batch_size: int = 32,
    published: Optional[str] = None,
    source: Optional[str] = None,
    address: Optional[str] = None,
    parquet: Optional[str] = None,
    show_progress: bool = True,
    command: str = "",
    commit_every: int = 16,
    commit_seconds: float = 2.0,
    records: bool = False,
    time_limit: Optional[float] = TIME_LIMIT,
) -> Summary:
    """Ingest ``sources`` (files, directories) into ``store``. Returns the run's Summary.

    Extracted articles are committed in small groups (``commit_every`` articles or
    ``commit_seconds``, whichever comes first), each article whole or not at all; a killed run
    loses at most the group in flight, which the next run extracts again. With ``records``, the
    sources hold records already extracted (see ``read_records``): nothing is extracted again.
    ``time_limit``: seconds of extraction per article, then it fails ("took longer than N s")."""
    from ..progress import progress

    workers = workers or os.cpu_count() or 1
    summary = Summary()
    t0 = time.perf_counter()
    run_id = store.start_run(command, engine, workers) if store is not None else None
    summary.run_id = run_id
    bar = progress(
        total=count_articles(sources) if show_progress and not records else None,
        desc="ingest",
        unit="art",
        disable=not show_progress,
    )

    def on_error(source: str, reason: str) -> None:
        source, reason = one_line(source, 1000), one_line(reason)
        summary.failed += 1
        if len(summary.failures) < 1000:
            summary.failures.append(f"{source}: {reason}")
        if store is not None:
            store.add_failure(source, reason, run_id)
        bar.update(1)

    if records:  # already extracted: straight to the store
        articles: Iterator = iter(())  # records carry their articles
        pairs = _dedup(read_records(sources), store, summary, lambda: bar.update(1), on_error, art_of=lambda x: x[0])
    else:
        articles = _dedup(read_sources(sources, published, source), store, summary, lambda: bar.update(1), on_error)
    try:
        if records:
            results = pairs
            engine = "records"
        if engine == "ray" and parquet:
            from .ray_runner import write_parquet

            arts = list(articles)
            write_parquet(
                arts,
                parquet,
                workers=workers,
                model=model,
                batch_size=min(batch_size, 16),
                address=address,
                time_limit=time_limit,
            )
            failed = _parquet_failures(parquet)
            for source, reason in failed:
                on_error(source, reason)
            summary.stored += len(arts) - len(failed)
            bar.update(len(arts) - len(failed))
        else:
            if engine == "records":
                pass
            elif engine == "ray":
                from .ray_runner import run_ray

                results = run_ray(
                    articles,
                    workers=workers,
                    model=model,
                    batch_size=min(batch_size, 16),
                    address=address,
                    time_limit=time_limit,
                )
            elif engine == "local":
                from .local import run_local

                results = run_local(articles, workers=workers, model=model, time_limit=time_limit)
            else:
                raise ValueError(f"unknown engine {engine!r} (local or ray)")
            pending: list = []  # extracted, not yet committed: (article, record)
            first_at = 0.0

            def flush():
                for (art, _), res in zip(pending, store.add_records([r for _, r in pending])):
                    if isinstance(res, Exception):  # a store error on one article: record it, go on
                        on_error(art.where or art.id, f"could not store: {store_error(res)}")
                        continue
                    if res is None:
                        summary.duplicates += 1
                    else:
                        summary.stored += 1
                    bar.update(1)
                pending.clear()

            for art, res in results:
                if isinstance(res, ArticleError):
                    on_error(res.source, res.reason)
                    continue
                if not pending:
                    first_at = time.monotonic()
                pending.append((art, res))
                # commit every `commit_every` articles or `commit_seconds`, whichever comes first
                if len(pending) >= commit_every or time.monotonic() - first_at >= commit_seconds:
                    flush()
            flush()
        if store is not None and summary.stored:
            store.consolidate_actors()  # surnames met before their full name, display names (store/actors.py)
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - t0
        if store is not None and run_id is not None:
            store.finish_run(run_id, summary.stored, summary.duplicates, summary.failed)
    return summary
