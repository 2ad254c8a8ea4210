"""The event coder's tables (data/en/events/*.tsv): they load, and a conflicting or unknown
entry stops the load with an error naming the file and the line. No model needed."""

from __future__ import annotations

import shutil

import pytest

from newsgraph.extractors.events import tables
from newsgraph.extractors.events.ontology import MODES, PLOVER_TYPES, check_type_mode
from newsgraph.lexicon import LexiconError, data_path


def _copy(tmp_path, name):
    dst = tmp_path / name
    with data_path(f"events/{name}").open("rb") as f, open(dst, "wb") as g:
        shutil.copyfileobj(f, g)
    return dst


def test_packaged_tables_load_with_known_types_and_modes():
    assert tables.VERBS["shell"] == ("ASSAULT", "heavy-weapons")
    assert tables.NOUNS["talks"] == ("CONSULT", None)
    assert tables.OBJECT_RULES[("lift", "curfew")] == ("CONCEDE", None)
    assert tables.OBJECT_RULES[("send", "troops")] == ("MOBILIZE", "troops")
    assert tables.OBJECT_RULES[("recall", "ambassador")] == ("SANCTION", "withdraw")
    assert tables.FRAME_TYPES["threaten"] == "THREATEN"
    for table in (tables.VERBS, tables.NOUNS, tables.OBJECT_RULES):
        for type_, mode in table.values():
            if type_ is None and table is tables.OBJECT_RULES:  # a NONE row: with that object, no event
                assert mode is None
                continue
            assert check_type_mode(type_, mode) is None
    assert tables.OBJECT_RULES[("execute", "plan")] == (None, None)
    assert set(tables.FRAME_TYPES.values()) <= set(PLOVER_TYPES)
    assert set(tables.WEAPON_MODES.values()) <= MODES["ASSAULT"]
    assert "say" in tables.SPEECH_VERBS and "hold" in tables.LIGHT_VERBS
    assert list(tables.CONTEXT_WORDS)[0] == "military"


def test_a_verb_defined_twice_with_different_values_fails(tmp_path):
    p = _copy(tmp_path, "verbs.tsv")
    with open(p, "a", encoding="utf-8") as f:
        f.write("shell\tPROTEST\tdemo\tconflicting entry\n")
    with pytest.raises(LexiconError, match=r"verbs\.tsv:\d+: lemma='shell' is already defined at line \d+"):
        tables.lemma_table("verbs.tsv", p)


def test_the_same_verb_row_twice_is_harmless(tmp_path):
    p = _copy(tmp_path, "verbs.tsv")
    with open(p, "a", encoding="utf-8") as f:
        f.write("shell\tASSAULT\theavy-weapons\trepeated\n")
    assert tables.lemma_table("verbs.tsv", p)["shell"] == ("ASSAULT", "heavy-weapons")


@pytest.mark.parametrize(
    "name,line,message",
    [
        ("verbs.tsv", "parley\tPARLEY\t\t\n", "unknown PLOVER type 'PARLEY'"),
        ("nouns.tsv", "parley\tCONSULT\tby-pigeon\t\n", "mode 'by-pigeon' is not a mode of CONSULT"),
        ("verb_objects.tsv", "hold\tparley\tMEET\t\t\n", "unknown PLOVER type 'MEET'"),
    ],
)
def test_an_unknown_type_or_mode_fails(tmp_path, name, line, message):
    p = _copy(tmp_path, name)
    with open(p, "a", encoding="utf-8") as f:
        f.write(line)
    load = tables.object_rules if name == "verb_objects.tsv" else (lambda path: tables.lemma_table(name, path))
    with pytest.raises(LexiconError, match=rf"{name.replace('.', '[.]')}:\d+: {message}"):
        load(p)


def test_a_verb_object_pair_given_two_values_by_two_rows_fails(tmp_path):
    p = _copy(tmp_path, "verb_objects.tsv")
    with open(p, "a", encoding="utf-8") as f:  # "give weapons" is already RETREAT disarm
        f.write("give, offer\tweapons\tAID\t\tconflicts with the disarm row\n")
    with pytest.raises(LexiconError, match=r"verb\+object \('give', 'weapons'\) is already defined at .*verb_objects"):
        tables.object_rules(p)


def test_a_word_list_reference_must_exist(tmp_path):
    p = _copy(tmp_path, "verb_objects.tsv")
    with open(p, "a", encoding="utf-8") as f:
        f.write("send\t&no_such_list\tAID\t\t\n")
    with pytest.raises(LexiconError, match="&no_such_list names no list"):
        tables.object_rules(p)
