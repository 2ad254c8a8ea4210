"""The TimeBank scorer: .tml parsing and the pure scoring function, on a tiny synthetic file."""

from __future__ import annotations

import argparse
from dataclasses import dataclass

import pytest

from newsgraph.eval import timebank as tb

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-06" temporalFunction="false" functionInDocument="CREATION_TIME">March 6, 2024</TIMEX3></DCT>
<TEXT>
The mayor <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2024-03-05" functionInDocument="NONE">late Tuesday</TIMEX3> that AT&amp;T
would stay for <TIMEX3 tid="t2" type="DURATION" value="P3Y" functionInDocument="NONE">three years</TIMEX3>.
Talks will resume <TIMEX3 tid="t3" type="DATE" value="2024-03-08" functionInDocument="NONE">Friday</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
<TLINK lid="l2" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t3" />
</TimeML>
"""


@dataclass
class P:
    start: int
    end: int
    type: str
    value: str
    text: str = ""
    rule: str = ""


def test_parse_tml_offsets_entities_and_dct():
    d = tb.parse_tml(TML, "test.tml")
    assert d.dct == "2024-03-06"
    assert [t.text for t in d.timexes] == ["late Tuesday", "three years", "Friday"]
    for t in d.timexes:
        assert d.text[t.start : t.end] == t.text
    assert "AT&T" in d.text and "<" not in d.text


def test_score_lenient_strict_and_values():
    d = tb.parse_tml(TML, "test.tml")
    g = d.timexes
    pred = [
        P(g[0].start + 5, g[0].end, "DATE", "2024-03-05"),  # "Tuesday": lenient match, right value
        P(g[1].start, g[1].end, "DURATION", "P2Y"),  # exact extent, wrong value
        P(0, 3, "DATE", "PRESENT_REF"),  # false alarm
    ]  # "Friday" missed
    s = tb.score([(g, pred)])
    assert s["lenient"]["tp"] == 2 and s["lenient"]["pred"] == 3 and s["lenient"]["gold"] == 3
    assert s["lenient"]["precision"] == pytest.approx(2 / 3)
    assert s["lenient"]["recall"] == pytest.approx(2 / 3)
    assert s["strict"]["tp"] == 1
    assert s["value_accuracy"] == pytest.approx(0.5)
    assert s["per_type"]["DATE"]["recall"] == pytest.approx(0.5)
    assert s["per_type"]["DURATION"]["value_accuracy"] == 0.0


def test_match_is_one_to_one():
    gold = [P(0, 10, "DATE", "x")]
    pred = [P(0, 4, "DATE", "x"), P(5, 10, "DATE", "x")]
    assert len(tb.match(gold, pred)) == 1
    assert tb.score([(gold, pred)])["lenient"]["pred"] == 2


def test_run_on_synthetic_dir(tmp_path, nlp, capsys):
    (tmp_path / "a.tml").write_text(TML, encoding="utf-8")
    (tmp_path / "b.tml").write_text(TML, encoding="utf-8")
    p = argparse.ArgumentParser()
    tb.add_arguments(p)
    args = p.parse_args(["--data", str(tmp_path)])
    assert tb.run(args) == 0
    out = capsys.readouterr().out
    assert "all (2)" in out and "DURATION" in out
    # the component finds all three expressions with the right values here
    docs = tb.load_dir(tmp_path)
    preds = tb.predict(docs[:1], nlp)
    s = tb.score([(docs[0].timexes, preds[0])])
    assert s["lenient"]["f1"] == 1.0 and s["value_accuracy"] == 1.0


def test_split_runs_one_half_with_corpus_indices(tmp_path, capsys):
    # three documents: a.tml (0, even), b.tml (1, odd), c.tml (2, even)
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.tml").write_text(TML.replace("TEST1", name), encoding="utf-8")
    p = argparse.ArgumentParser()
    tb.add_arguments(p)
    dump = tmp_path / "tune.jsonl"
    assert tb.run(p.parse_args(["--data", str(tmp_path), "--split", "tune", "--dump", str(dump)])) == 0
    out = capsys.readouterr().out
    assert "TimeBank: 2 documents" in out and "even (2)" in out
    assert "odd (" not in out and "all (" not in out
    import json

    rows = [json.loads(x) for x in dump.read_text().splitlines()]
    assert {r["split"] for r in rows} == {"even"} and {r["doc"] for r in rows} == {"a.tml", "c.tml"}
    assert tb.run(p.parse_args(["--data", str(tmp_path), "--split", "report"])) == 0
    out = capsys.readouterr().out
    assert "TimeBank: 1 documents" in out and "odd (1)" in out and "even (" not in out


def test_missing_dir_is_a_clear_error(tmp_path, capsys):
    p = argparse.ArgumentParser()
    tb.add_arguments(p)
    assert tb.run(p.parse_args(["--data", str(tmp_path / "nope")])) == 2
    assert "no .tml files" in capsys.readouterr().err


def test_real_timebank_parses(shared_data):
    docs = tb.load_dir(shared_data / "timebank", limit=3)
    assert all(d.dct and d.timexes for d in docs)


def test_events_and_tlink_anchors():
    d = tb.parse_tml(TML, "test.tml")
    assert [(e.eid, e.text, e.cls) for e in d.events] == [("e1", "said", "REPORTING")]
    assert d.anchors == {"e1": ["2024-03-05"]}  # BEFORE is not an anchor


def test_score_event_dates():
    items = [
        (["2024-03-05"], "2024-03-05", "REPORTING"),
        (["2024-03-05"], None, "OCCURRENCE"),
        (["2024-03"], "2024-02", "OCCURRENCE"),
    ]
    s = tb.score_event_dates(items)
    assert s["all"] == {"n": 3, "right": 1, "wrong": 1, "none": 1, "precision": 0.5, "coverage": pytest.approx(1 / 3)}
    assert s["REPORTING"]["right"] == 1 and s["REPORTING"]["n"] == 1


def test_event_dates_on_synthetic_doc(nlp):
    d = tb.parse_tml(TML, "test.tml")
    sdocs = tb.parse_docs([d], nlp)
    items = tb.event_date_items([d], sdocs)
    assert items == [(["2024-03-05"], "2024-03-05", "REPORTING")]


KINDS_TML = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-09" functionInDocument="CREATION_TIME">March 9, 2024</TIMEX3></DCT>
<TEXT>
Kowal said <TIMEX3 tid="t1" type="DATE" value="2024-03-04">on Monday</TIMEX3> that the talks would resume
<TIMEX3 tid="t2" type="DATE" value="2024-03-08">Friday</TIMEX3>.
Prices rose <TIMEX3 tid="t3" type="DATE" value="2024-W09">last week</TIMEX3>.
The fair ran from <TIMEX3 tid="t4" type="DATE" value="2024-03-01">March 1</TIMEX3> to
<TIMEX3 tid="t5" type="DATE" value="2024-03-03">March 3</TIMEX3>. It snowed <TIMEX3 tid="t6" type="DATE" value="2023">last year</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_error_kinds_and_dump(nlp, tmp_path, capsys):
    d = tb.parse_tml(KINDS_TML, "kinds.tml")
    sdoc = tb.parse_docs([d], nlp)[0]
    g = {t.text: t for t in d.timexes}
    wrong = P(0, 0, "DATE", "x")
    assert tb.error_kind(d, sdoc, g["Friday"], wrong) == "reported speech"  # said on Monday, not March 9
    assert tb.error_kind(d, sdoc, g["on Monday"], wrong) == "weekday"
    assert tb.error_kind(d, sdoc, g["last week"], None) == "last week/month"
    assert tb.error_kind(d, sdoc, g["March 1"], None) == "range"
    assert tb.error_kind(d, sdoc, g["last year"], None) == "other"
    # the dump: one row per gold expression and per unmatched prediction, with how it scored
    pred = [
        P(g["Friday"].start, g["Friday"].end, "DATE", "2024-03-15", "Friday"),
        P(0, 6, "DATE", "PRESENT_REF", "Kowal "),
    ]
    rows = tb.dump_rows([d], [sdoc], [pred])
    by = {(r["gold"] or {}).get("text", "-") + "/" + r["outcome"]: r for r in rows}
    assert by["Friday/wrong-value"]["kind"] == "reported speech" and by["Friday/wrong-value"]["strict"]
    assert by["last week/missed"]["kind"] == "last week/month"
    assert by["-/false-alarm"]["pred"]["value"] == "PRESENT_REF"
    assert len(rows) == len(d.timexes) + 1
    # the command writes the dump and prints the counts by kind
    (tmp_path / "k.tml").write_text(KINDS_TML, encoding="utf-8")
    p = argparse.ArgumentParser()
    tb.add_arguments(p)
    dump = tmp_path / "dump.jsonl"
    assert tb.run(p.parse_args(["--data", str(tmp_path), "--dump", str(dump)])) == 0
    out = capsys.readouterr().out
    assert "errors by kind" in out and "reported speech" in out
    import json

    lines = [json.loads(x) for x in dump.read_text().splitlines()]
    assert {r["outcome"] for r in lines} <= {"correct", "wrong-value", "missed", "false-alarm"}
    assert sum(1 for r in lines if r["gold"]) == len(d.timexes)


STATEMENT_TML = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-06" functionInDocument="CREATION_TIME">March 6, 2024</TIMEX3></DCT>
<TEXT>
German Chancellor Olaf Berger spoke by phone <TIMEX3 tid="t1" type="DATE" value="2024-03-05">on Tuesday</TIMEX3> with President Mykola Hrytsenko. Berger <EVENT eid="e1" class="REPORTING">said</EVENT> Germany was ready to host talks.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB" />
<TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t1" />
</TimeML>
"""


def test_statement_dates_scored_against_reporting_events(nlp):
    d = tb.parse_tml(STATEMENT_TML, "statement.tml")
    sdocs = tb.parse_docs([d], nlp)
    st = tb.score_statement_dates([d], sdocs)
    assert st["paragraph"]["right"] == 1 and sum(st["paragraph"].values()) == 1


FUNCTION_TML = """<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-06" functionInDocument="CREATION_TIME">March 6, 2024</TIMEX3></DCT>
<TEXT>
Shares fell <TIMEX3 tid="t1" type="DATE" value="2024-WXX" temporalFunction="true" anchorTimeID="t0">this week</TIMEX3>
and trading stopped at <TIMEX3 tid="t2" type="TIME" value="2024-03-05T17" temporalFunction="true">5 p.m. Tuesday</TIMEX3>
after <TIMEX3 tid="t3" type="DURATION" value="PXD" temporalFunction="true">several days</TIMEX3> of losses; prices are
reviewed <TIMEX3 tid="t4" type="SET" value="XXXX-WXX-1">every Monday</TIMEX3> and were set in
<TIMEX3 tid="t5" type="DATE" value="19XX">the 20th century</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_value_matches_reads_values_as_timeml_does():
    d = tb.parse_tml(FUNCTION_TML, "function.tml")
    g = {t.text: t for t in d.timexes}
    assert g["this week"].function and not g["every Monday"].function
    # a temporal function left underspecified: the value filling its placeholders is right
    assert tb.value_matches(g["this week"], "2024-W10")
    assert not tb.value_matches(g["this week"], "2023-W10")  # the year the gold gives differs
    assert not tb.value_matches(g["this week"], "2024-03-04")  # another form: a day, not a week
    assert not tb.value_matches(g["this week"], "2024-WXX-1")
    # the same clock time written to another precision
    assert tb.value_matches(g["5 p.m. Tuesday"], "2024-03-05T17:00")
    assert tb.value_matches(g["5 p.m. Tuesday"], "2024-03-05T17:00:00")
    assert not tb.value_matches(g["5 p.m. Tuesday"], "2024-03-05T17:30")
    assert not tb.value_matches(g["5 p.m. Tuesday"], "2024-03-06T17:00")
    # X in a duration or a set is a vague amount or "every", not a value left to compute
    assert not tb.value_matches(g["several days"], "P3D")
    assert not tb.value_matches(g["every Monday"], "2024-W10-1")
    # nor is an X where the gold is not a temporal function
    assert not tb.value_matches(g["the 20th century"], "1999")
    assert tb.value_matches(g["the 20th century"], "19XX")


def test_score_counts_both_value_figures():
    d = tb.parse_tml(FUNCTION_TML, "function.tml")
    g = {t.text: t for t in d.timexes}
    pred = [
        P(g["this week"].start, g["this week"].end, "DATE", "2024-W10"),
        P(g["several days"].start, g["several days"].end, "DURATION", "PXD"),
    ]
    s = tb.score([(d.timexes, pred)])
    assert s["value_accuracy"] == pytest.approx(0.5) and s["value_lenient"] == 1.0
