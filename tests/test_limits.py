"""Bounded work: the input contract, the per-article time limit (in process and in worker
processes), helper processes with time and memory limits, punctuation runs and sentence caps."""

from __future__ import annotations

import pickle
import time

import pytest

import fake_work
from newsgraph.article import Article, ArticleError, article_from_dict, one_line, parse_date
from newsgraph.isolation import Helper, LimitExceeded
from newsgraph.run.local import WorkerStartError, run_local

# ------------------------------------------------------------------ the input contract


@pytest.mark.parametrize(
    "d, reason",
    [
        ({"text": 12345}, "text must be a string, not a number"),
        ({"text": ["a"]}, "text must be a string, not a list"),
        ({"id": "x"}, "missing 'text' field"),
        ({"text": "ok", "url": {"href": "x"}}, "url must be a string, not an object"),
        ({"text": "ok", "url": ["https://a.example"]}, "url must be a string, not a list"),
        ({"text": "ok", "title": 3}, "title must be a string, not a number"),
        ({"text": "ok", "source": True}, "source must be a string, not a boolean"),
        ({"text": "ok", "id": {"a": 1}}, "id must be a non-empty string or a number, not an object"),
        ({"text": "ok", "published": "yesterday"}, "published is not a date (YYYY-MM-DD): 'yesterday'"),
        ({"text": "ok", "published": "9999-12-31"}, "published is out of range"),
        ({"text": "ok", "published": "2024-02-30"}, "published is not a valid date"),
        ({"text": "ok", "published": 20240305}, "published must be a date string"),
        ({"text": "\x00abc"}, "binary content"),
        ({"text": "  \n "}, "empty article"),
        ([1, 2], "expected a JSON object"),
    ],
)
def test_contract_refuses_with_a_reason(d, reason):
    with pytest.raises(ArticleError) as e:
        article_from_dict(d, "in.jsonl:7", "in.jsonl:7")
    assert e.value.source == "in.jsonl:7" and reason in e.value.reason


def test_contract_repairs_without_moving_offsets():
    text = "A lone \ud800 surrogate, then NULs after the first 4 KB." + "x" * 5000 + "\x00\x00end"
    a = article_from_dict({"id": 7, "text": text, "title": "T\udcff", "published": "2024-03-05T10:00:00Z"}, "f:1")
    assert a.id == "7" and a.published == "2024-03-05" and len(a.text) == len(text)
    assert a.text.index("surrogate") == text.index("surrogate") and "\x00" not in a.text and "\ufffd" in a.text
    assert a.title == "T\ufffd"
    assert a.repairs == [
        "text: 1 lone surrogate replaced by U+FFFD",
        "text: 2 NUL characters replaced by spaces",
        "title: 1 lone surrogate replaced by U+FFFD",
    ]
    a.text.encode("utf-8")  # storable, printable


def test_contract_dates():
    assert parse_date("2024-03-05") == "2024-03-05"
    assert parse_date("2024-03-05T23:59:59+02:00") == "2024-03-05"
    assert parse_date("Tue, 05 Mar 2024 10:00:00 GMT") == "2024-03-05"
    assert parse_date("") is None and parse_date(None) is None
    for bad in ("0001-01-01", "9999-12-31", "03/05/2024", "2024-13-01"):
        with pytest.raises(ValueError):
            parse_date(bad)


def test_errors_are_one_line_and_pickle():
    e = ArticleError("dir/new\nline.txt", "bad\nthing " + "x" * 1000)
    assert "\n" not in str(e) and len(e.reason) <= 300
    again = pickle.loads(pickle.dumps(e))
    assert (again.source, again.reason) == (e.source, e.reason)
    assert one_line("caf\udce9") == "caf\\xe9"  # a file name byte that is not UTF-8


def test_serialised_article_round_trips():
    a = Article(id="x", text="Some text.", url="https://a.example/x", where="f.jsonl:3", repairs=["text: r"])
    assert article_from_dict(a.to_dict()) == a


# ------------------------------------------------------------------ bounded work in the pipeline


def test_punctuation_runs_collapse_keeping_offsets():
    from newsgraph.pipeline import bounded_text

    text = "Before. " + "=" * 20_000 + " ...!!! " + ".,!?" * 100 + " after."
    out = bounded_text(text)
    assert len(out) == len(text) and out.startswith("Before. =   ") and out.endswith(" after.")
    assert " ...!!! " in out  # short runs untouched
    assert (
        bounded_text("Normal text -- with (brackets) and 'quotes'...")
        == "Normal text -- with (brackets) and 'quotes'..."
    )


def test_long_stretches_are_cut_into_sentences(nlp):
    from newsgraph.limits import MAX_SENT_TOKENS
    from newsgraph.pipeline import make_doc

    doc = nlp(make_doc(nlp, Article(id="x", text="The minister said " + "that the plan will work " * 400)))
    assert max(len(s) for s in doc.sents) <= MAX_SENT_TOKENS
    short = "The minister said the plan would work. Officials agreed on Monday."
    assert [s.text for s in nlp(make_doc(nlp, Article(id="y", text=short))).sents] == [s.text for s in nlp(short).sents]


def test_spans_keep_the_original_text(nlp):
    from newsgraph.pipeline import extract_one

    text = '"We will win," Anna Novak said on Monday. ' + "=" * 60 + ' "' + "*" * 40 + ' never," she said.'
    rec = extract_one(nlp, Article(id="q", text=text))
    assert rec.text == text and rec.quotes
    for q in rec.quotes:
        assert text[q.start : q.end] == q.text
    for e in rec.entities:
        for m in e.mentions:
            assert text[m.start : m.end] == m.text


def test_time_limit_in_process(nlp):
    from newsgraph.pipeline import extract_one

    long = " ".join(f"Officials in city number {i} said the talks went well on Monday." for i in range(3000))
    t0 = time.monotonic()
    r = extract_one(nlp, Article(id="long", text=long, where="in.jsonl:9"), time_limit=0.5)
    assert isinstance(r, ArticleError) and r.source == "in.jsonl:9" and r.reason == "took longer than 0.5 s"
    assert time.monotonic() - t0 < 10
    ok = extract_one(nlp, Article(id="ok", text="The minister resigned on Tuesday."), time_limit=30)
    assert not isinstance(ok, ArticleError)  # the pipeline still works after an interruption


# ------------------------------------------------------------------ worker processes


def _arts(*ids):
    return [Article(id=i, text=f"text of {i}", where=f"in.jsonl:{n}") for n, i in enumerate(ids, 1)]


def test_slow_article_fails_and_never_holds_the_others_back():
    arts = _arts("a1", "slow1", "a2", "a3", "a4", "a5")
    t0 = time.monotonic()
    got = []
    for a, r in run_local(
        arts, workers=2, time_limit=1.0, grace=0.5, fn=fake_work.work, init=fake_work.init, init_args=()
    ):
        got.append((a.id, r, time.monotonic() - t0))
    assert sorted(i for i, _, _ in got) == sorted(a.id for a in arts)  # every article, once
    slow = [(r, t) for i, r, t in got if i == "slow1"][0]
    assert isinstance(slow[0], ArticleError) and slow[0].reason == "took longer than 1 s"
    assert slow[0].source == "in.jsonl:2"
    done = [t for i, r, t in got if i != "slow1"]
    assert all(isinstance(r, str) for i, r, _ in got if i != "slow1")
    assert max(done) < slow[1]  # the fast ones came out while the slow one was still running
    assert time.monotonic() - t0 < 60


def test_worker_crash_and_exception_fail_only_their_article():
    arts = _arts("a1", "crash1", "a2", "raise1", "a3")
    got = dict(
        (a.id, r)
        for a, r in run_local(arts, workers=2, time_limit=30, fn=fake_work.work, init=fake_work.init, init_args=())
    )
    assert set(got) == {"a1", "crash1", "a2", "raise1", "a3"}
    assert "worker process died" in got["crash1"].reason
    assert got["raise1"].reason == "extraction failed: ValueError: bad luck"
    assert all(isinstance(got[k], str) for k in ("a1", "a2", "a3"))


def test_memory_limit_kills_the_worker():
    arts = _arts("a1", "big1", "a2")
    got = dict(
        (a.id, r)
        for a, r in run_local(
            arts, workers=2, time_limit=60, memory_mb=250, fn=fake_work.work, init=fake_work.init, init_args=()
        )
    )
    assert got["big1"].reason == "used more than 250 MB of memory"
    assert isinstance(got["a1"], str) and isinstance(got["a2"], str)


def test_workers_that_cannot_start_stop_the_run():
    with pytest.raises(WorkerStartError, match="no model here"):
        list(run_local(_arts("a1"), workers=2, fn=fake_work.work, init=fake_work.init_fails, init_args=()))


def test_helper_time_and_memory_limits():
    h = Helper(fake_work.sleep_for, fake_work.init, seconds=1.0, memory_mb=200)
    try:
        assert h(0.1) == 0.1
        with pytest.raises(LimitExceeded, match="took longer than 1 s"):
            h(30)
        assert h(0.2) == 0.2  # a fresh helper took its place
        h.fn = fake_work.grow
        h.seconds = 30
        h.worker.close()
        h.worker = None
        with pytest.raises(LimitExceeded, match="used more than 200 MB"):
            h(400)
    finally:
        h.close()


def test_extractor_for_a_server_is_hard_bounded():
    from newsgraph.run.local import Extractor

    ex = Extractor(time_limit=1.0, grace=0.5, fn=fake_work.work, init=fake_work.init, init_args=())
    try:
        assert ex(_arts("a1")[0]).startswith("done a1")
        t0 = time.monotonic()
        r = ex(Article(id="slow-post", text="Slow.", where="api"))
        assert isinstance(r, ArticleError) and (r.source, r.reason) == ("api", "took longer than 1 s")
        assert time.monotonic() - t0 < 10
        assert ex(_arts("a2")[0]).startswith("done a2")  # a new worker carries on
    finally:
        ex.close()


def test_contract_repairs_mojibake_with_ftfy_and_says_so(extract):
    a = Article(id="x", text="Enrique PeÃ±a Nieto met reporters.\nThe talks went on.", title="PeÃ±a in Vienna")
    assert a.text == "Enrique Peña Nieto met reporters.\nThe talks went on." and a.title == "Peña in Vienna"
    assert a.repairs == [
        "text: mojibake repaired by ftfy (encode latin-1, decode utf-8)",
        "title: mojibake repaired by ftfy (encode latin-1, decode utf-8)",
    ]
    clean = Article(id="y", text="Café “curly” quotes — and a dash stay as they are.")
    assert clean.text == "Café “curly” quotes — and a dash stay as they are." and clean.repairs == []
    # one list of repairs in the record, offsets into the repaired text
    rec = extract("Enrique PeÃ±a Nieto said the talks would go on.")
    assert rec.repairs and rec.repairs[0].startswith("text: mojibake repaired by ftfy")
    assert rec.text.startswith("Enrique Peña Nieto") and any(e.name == "Enrique Peña Nieto" for e in rec.entities)
    # a record read back (repairs already made) is not repaired twice
    again = article_from_dict({"id": "x", "text": a.text, "repairs": a.repairs})
    assert again.text == a.text and again.repairs == a.repairs


def test_contract_repairs_mojibake_stored_decomposed():
    # "MarÃ§al" with its "Ã" decomposed (A + combining tilde), as some archives store it: ftfy
    # sees the mojibake only once the line is composed; a clean decomposed line stays as it is
    bad = "Mayor Lucas MarA\u0303\u00a7al said the bridge would reopen.\nPen\u0303a Nieto spoke too."
    a = Article(id="d", text=bad)
    assert a.text == "Mayor Lucas Marçal said the bridge would reopen.\nPen\u0303a Nieto spoke too."
    assert a.repairs == ["text: mojibake repaired by ftfy (normalize NFC, encode latin-1, decode utf-8)"]
    clean = "Pen\u0303a Nieto and Jose\u0301 Marti\u0301 met on Tuesday."
    assert Article(id="c", text=clean).text == clean and Article(id="c", text=clean).repairs == []


def test_contract_repairs_decomposed_mojibake_with_a_split_fraction():
    # "GÃ¼len" stored decomposed (NFKD): the "Ã" as A + combining tilde, the "¼" as "1⁄4"; a
    # fraction that follows no mojibake lead character stays as written
    bad = "The donors have ties to GA\u03031\u20444len's movement, a 1\u20444 share."
    a = Article(id="g", text=bad)
    assert a.text == "The donors have ties to Gülen's movement, a 1\u20444 share."
    assert a.repairs == [
        "text: mojibake repaired by ftfy (normalize NFC, compose fractions, apply decode_inconsistent_utf8)"
    ]


def test_mojibake_encoded_twice_is_repaired_in_one_call_and_never_again():
    from newsgraph.article import repair_text

    twice = "Mayor Lucas Mar\u00c3\u0083\u00c2\u00a7al said the bridge would reopen."  # "ç" encoded wrongly twice
    fixed, steps = repair_text(twice)
    assert fixed == "Mayor Lucas Marçal said the bridge would reopen." and steps
    assert repair_text(fixed) == (fixed, [])  # idempotent: a repaired text keeps its offsets
    a = Article(id="t", text=twice)
    assert Article(id="t", text=a.text).text == a.text
