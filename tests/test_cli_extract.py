"""The `newsgraph extract` command and the output record, as a user meets them."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import jsonschema
import pytest

from newsgraph.cli import main


def schema():
    return json.loads(resources.files("newsgraph").joinpath("schema/record.schema.json").read_text())


def test_sample_output_validates_against_schema(capsys):
    assert main(["extract", "--sample", "--no-progress"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3
    for line in lines:
        rec = json.loads(line)
        jsonschema.validate(rec, schema())
        text = rec["text"]
        # every offset points into the article text
        for q in rec["quotes"]:
            assert 0 <= q["start"] < q["end"] <= len(text)
            assert text[q["start"] : q["end"]] == q["text"]
            for key in ("cue", "speaker_mention", "addressee", "via"):
                if q[key]:
                    assert text[q[key]["start"] : q[key]["end"]] == q[key]["text"]
        for e in rec["entities"]:
            for m in e["mentions"]:
                assert text[m["start"] : m["end"]] == m["text"]


def test_pretty_format(capsys):
    assert main(["extract", "--sample", "--format", "pretty", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "== Polish minister calls for ceasefire" in out
    assert "(2024-03-06)" in out
    # what was said first, then beliefs, findings and polls under their own heading (as the
    # Statements page shows speech by default)
    first = out.split("== ")[1]
    said, _, other = first.partition("Other attributions (beliefs, findings, polls; not speech)")
    assert "There can be no peace" in said and "A poll" not in said
    assert "A poll (indirect, cue 'found'" in other and "There can be no peace" not in other


def test_txt_with_published(tmp_path, capsys):
    f = tmp_path / "a.txt"
    f.write_text('"We will not retreat," Anna Novak said on Monday.', encoding="utf-8")
    assert main(["extract", str(f), "--published", "2024-03-06", "--no-progress"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["id"] == "a.txt" and rec["published"] == "2024-03-06"
    assert rec["source_path"] == str(f)


def test_html_input(tmp_path, capsys):
    body = "<p>" + "The minister said the talks in Geneva would resume next week. " * 5 + "</p>"
    f = tmp_path / "page.html"
    f.write_text(f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>")
    assert main(["extract", str(f), "--no-progress"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert "talks in Geneva" in rec["text"]
    assert "<p>" not in rec["text"]


def test_bad_inputs_are_reported_and_the_rest_goes_on(tmp_path, capsys):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "a_good.txt").write_text("The minister said the border would reopen.", encoding="utf-8")
    (d / "b_empty.txt").write_text("   \n", encoding="utf-8")
    (d / "c_binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (d / "d_bad.jsonl").write_text(
        '{"text": "Officials said talks went well.", "id": "ok1"}\n{not json\n{"id": "x"}\n', encoding="utf-8"
    )
    (d / "e_unbalanced.txt").write_text('He said "this never ends. And the quote never closes.', encoding="utf-8")
    code = main(["extract", str(d), str(tmp_path / "missing.txt"), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    ids = [json.loads(line)["id"] for line in out.strip().splitlines()]
    assert ids == ["a_good.txt", "ok1", "e_unbalanced.txt"]
    err_lines = [line for line in err.splitlines() if line.startswith("newsgraph: error:")]
    assert len(err_lines) == 5
    assert any("b_empty.txt" in line and "empty" in line for line in err_lines)
    assert any("c_binary.txt" in line and "binary" in line for line in err_lines)
    assert any("d_bad.jsonl:2" in line and "invalid JSON" in line for line in err_lines)
    assert any("d_bad.jsonl:3" in line and "text" in line for line in err_lines)
    assert any("missing.txt" in line and "no such file" in line for line in err_lines)


def test_undecodable_and_huge(tmp_path, capsys):
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Caf\u00e9 owners said prices rose.".encode("cp1252"))
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.seek(50 * 1024 * 1024)
        f.write(b"x")
    code = main(["extract", str(bad), str(huge), "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out)["text"].startswith("Café")  # legacy encoding read, not lost
    assert "huge.txt" in err and "too large" in err


def test_stdin_and_console_script(tmp_path):
    exe = [sys.executable, "-m", "newsgraph.cli"]
    r = subprocess.run(
        exe + ["extract", "-", "--published", "2024-01-02"],
        input="Officials said talks went well.",
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["id"] == "stdin"
    r = subprocess.run(exe + ["extract", "--published", "yesterday", "--sample"], capture_output=True, text=True)
    assert r.returncode != 0 and "YYYY-MM-DD" in r.stderr
    r = subprocess.run(exe + ["extract", "--model", "no_such_model", "--sample"], capture_output=True, text=True)
    assert r.returncode == 2 and "no_such_model" in r.stderr


def test_python_api():
    import newsgraph
    import newsgraph.extractors  # noqa: F401  (importing the components must not shadow the function)

    assert callable(newsgraph.extract)

    rec = newsgraph.extract("Officials said the talks went well.", published="2024-03-06")
    assert rec.published == "2024-03-06"
    with pytest.raises(Exception, match="empty"):
        newsgraph.extract("   ")
    d = rec.to_dict()
    from newsgraph.record import Record

    assert Record.from_dict(d).to_dict() == d


def test_extract_min_confidence_keeps_every_quote_with_its_confidence(tmp_path, capsys, monkeypatch):
    import json as _json

    from newsgraph.cli import main
    from newsgraph.extractors.quotes import CONFIDENCE_MODEL
    from newsgraph.pipeline import QUOTE_MIN_CONFIDENCE_ENV as MIN_CONFIDENCE_ENV

    monkeypatch.setenv(MIN_CONFIDENCE_ENV, "")  # restored after the test
    f = tmp_path / "a.txt"
    f.write_text(
        '"We will not retreat," Anna Novak told reporters. The economy seems to have recovered.\n',
        encoding="utf-8",
    )

    def run(*extra):
        assert main(["extract", str(f), "--no-progress", *extra]) == 0
        return _json.loads(capsys.readouterr().out)["quotes"]

    default = run()
    every = run("--min-confidence", "0")
    assert all(q["confidence"] >= CONFIDENCE_MODEL.threshold for q in default)
    assert len(every) > len(default) and any(q["confidence"] < CONFIDENCE_MODEL.threshold for q in every)
    assert run("--min-confidence", "0.999") == []
    assert main(["extract", str(f), "--no-progress", "--min-confidence", "1.5"]) == 2
    assert "between 0 and 1" in capsys.readouterr().err
