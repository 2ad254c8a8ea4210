"""The shared rule-table loader (newsgraph.lexicon): formats, column checks, duplicate keys."""

from __future__ import annotations

import pytest

from newsgraph.lexicon import LexiconError, index, read, words


def _write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_tsv_rows_know_their_line_and_skip_comments(tmp_path):
    p = _write(tmp_path, "t.tsv", "# a comment\nlemma\ttype\tnote\n\nshell\tASSAULT\tartillery\narrest\tCOERCE\n")
    rows = read(p, columns=("lemma", "type"), key=("lemma",))
    assert [(r["lemma"], r["type"], r["note"]) for r in rows] == [
        ("shell", "ASSAULT", "artillery"),
        ("arrest", "COERCE", ""),
    ]
    assert rows[0].line == 4 and rows[1].line == 5
    assert rows[1].where.endswith("t.tsv:5")


def test_missing_column_is_an_error(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\tnote\nshell\t\n")
    with pytest.raises(LexiconError, match="missing column.*type"):
        read(p, columns=("lemma", "type"))


def test_tsv_needs_a_note_column(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\ttype\nshell\tASSAULT\n")
    with pytest.raises(LexiconError, match="note"):
        read(p)


def test_too_many_cells_is_an_error(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\ttype\tnote\nshell\tASSAULT\tx\textra\n")
    with pytest.raises(LexiconError, match=r"t\.tsv:2"):
        read(p)


def test_key_twice_with_different_values_names_file_and_lines(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\ttype\tnote\nshell\tASSAULT\t\nban\tCOERCE\t\nshell\tPROTEST\t\n")
    with pytest.raises(LexiconError) as e:
        read(p, key=("lemma",))
    msg = str(e.value)
    assert "t.tsv:4" in msg and "line 2" in msg and "shell" in msg


def test_key_twice_with_the_same_values_is_kept_once(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\ttype\tnote\nshell\tASSAULT\tone\nshell\tASSAULT\tother note\n")
    rows = read(p, key=("lemma",))
    assert len(rows) == 1 and rows[0]["note"] == "one"


def test_row_check_reports_the_line(tmp_path):
    p = _write(tmp_path, "t.tsv", "lemma\ttype\tnote\nshell\tASSAULT\t\nmeet\tMEETING\t\n")
    with pytest.raises(LexiconError, match=r"t\.tsv:3: unknown type 'MEETING'"):
        read(p, check=lambda r: None if r["type"] in ("ASSAULT",) else f"unknown type {r['type']!r}")


def test_jsonl_rows_and_duplicates(tmp_path):
    p = _write(
        tmp_path,
        "t.jsonl",
        '{"verb": "send", "objects": ["aid", "food"], "type": "AID"}\n'
        '# comment\n{"verb": "send", "objects": ["aid", "food"], "type": "AID"}\n',
    )
    rows = read(p, columns=("verb", "objects"), key=("verb", "objects"))
    assert len(rows) == 1 and rows[0]["objects"] == ["aid", "food"]
    bad = _write(tmp_path, "b.jsonl", '{"verb": "send", "type": "AID"}\n{"verb": "send", "type": "MOBILIZE"}\n')
    with pytest.raises(LexiconError, match=r"b\.jsonl:2"):
        read(bad, key=("verb",))
    with pytest.raises(LexiconError, match="missing field"):
        read(p, columns=("lemma",))


def test_index_refuses_an_expanded_key_defined_twice(tmp_path):
    p = _write(tmp_path, "t.tsv", "verbs\tobject\ttype\tnote\nsend,give\taid\tAID\t\ngive\taid\tRETREAT\t\n")
    rows = read(p)

    def keys(r):
        return ((v, r["object"]) for v in r["verbs"].split(","))

    with pytest.raises(LexiconError, match=r"t\.tsv:3.*already defined at .*t\.tsv:2"):
        index(rows, keys, lambda r: r["type"], what="verb+object")
    ok = index(rows[:1], keys, lambda r: r["type"])
    assert ok == {("send", "aid"): "AID", ("give", "aid"): "AID"}


def test_words_and_unknown_format(tmp_path):
    p = _write(tmp_path, "w.tsv", "word\tnote\ntroops\t\nsoldiers\t\n")
    assert words(read(p)) == {"troops", "soldiers"}
    with pytest.raises(LexiconError, match="tsv or .jsonl"):
        read(_write(tmp_path, "w.yaml", "a: b\n"))
    with pytest.raises(LexiconError, match="no such"):
        read(tmp_path / "absent.tsv")


def test_packaged_table_names_its_language_folder():
    from newsgraph.lexicon import table

    with pytest.raises(LexiconError, match="data/en/no/such.tsv"):
        table("no/such.tsv")
