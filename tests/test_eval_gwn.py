"""The GeoWebNews scorer on a tiny synthetic GWN-format file."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from newsgraph.eval import gwn

TEXT0 = "Shelling in Kharkiv went on. The city council met in Kyiv."
TEXT1 = "Protesters marched in Warsaw, Polish police said."


def _top(name, start, typ, lat="", lon="", end=None):
    end = start + len(name) if end is None else end
    return (
        f"<toponym><extractedName>{name}</extractedName><type>{typ}</type><start>{start}</start>"
        f"<end>{end}</end><geonamesID /><latitude>{lat}</latitude><longitude>{lon}</longitude></toponym>"
    )


def _xml(tmp_path):
    t0 = [
        _top("Kharkiv", TEXT0.index("Kharkiv"), "Literal", "49.98081", "36.25272"),
        _top("city", TEXT0.index("city"), "Literal_Expression"),
        _top("Kyiv", TEXT0.index("Kyiv"), "Metonymic", "50.45466", "30.5238"),
        _top("Lviv", 3, "Literal", "49.8", "24.0"),  # offsets that do not match the text
    ]
    t1 = [
        _top("Warsaw", TEXT1.index("Warsaw"), "Literal", "52.22977", "21.01178"),
        _top("Polish", TEXT1.index("Polish"), "Non_Literal_Modifier", "52.0", "20.0"),
        _top("Polish police", TEXT1.index("Polish"), "Non_Toponym"),
    ]
    body = "".join(
        f'<article file="{i}"><title>t</title><link>l</link><text>{text}</text><toponyms>{"".join(tops)}'
        f"</toponyms></article>"
        for i, (text, tops) in enumerate([(TEXT0, t0), (TEXT1, t1)])
    )
    p = tmp_path / "GWN.xml"
    p.write_text(f'<?xml version="1.0" ?><articles>{body}</articles>', encoding="utf-8")
    return p


def test_read_gwn_filters_types_and_bad_offsets(tmp_path):
    arts = gwn.read_gwn(_xml(tmp_path))
    assert [t.text for t in arts[0].toponyms] == ["Kharkiv", "Kyiv"]
    assert arts[0].bad_offsets == [("Lviv", 3, 7)]
    assert [t.type for t in arts[1].toponyms] == ["Literal", "Non_Literal_Modifier"]
    everything = gwn.read_gwn(_xml(tmp_path), gwn.TOPONYM_TYPES | gwn.NON_TOPONYM_TYPES)
    assert "Non_Toponym" in {t.type for t in everything[1].toponyms}


def test_score_overlap_one_to_one_and_distance():
    G, P = gwn.GoldToponym, gwn.Predicted
    gold = [
        [
            G(0, 7, "Kharkiv", "Literal", 49.98, 36.25),
            G(10, 14, "Kyiv", "Literal", 50.45, 30.52),
            G(20, 26, "Europe", "Literal"),
        ]
    ]
    pred = [
        [
            P(0, 7, "Kharkiv", 49.99, 36.23),  # right place
            P(0, 3, "Kha", 49.99, 36.23),  # overlaps the same gold span: one-to-one, so spurious
            P(9, 14, " Kyiv", 40.0, 30.5),  # overlap match, but 1,160 km off
            P(20, 26, "Europe", None, None),  # matched, gold has no coordinates: not scored
            P(40, 45, "Other", 1.0, 1.0),
        ]
    ]  # spurious
    s = gwn.score(gold, pred)
    assert (s["tp"], s["fp"], s["fn"]) == (3, 2, 0)
    assert s["precision"] == pytest.approx(3 / 5) and s["recall"] == 1.0
    assert s["acc_n"] == 2 and s["acc161"] == pytest.approx(0.5)
    assert s["recall_by_type"] == {"Literal": 1.0}
    empty = gwn.score([[]], [[]])
    assert empty["f1"] == 0.0 and empty["acc161"] == 0.0


def test_unresolved_prediction_counts_as_wrong():
    G, P = gwn.GoldToponym, gwn.Predicted
    s = gwn.score([[G(0, 4, "Kyiv", "Literal", 50.45, 30.52)]], [[P(0, 4, "Kyiv")]])
    assert s["tp"] == 1 and s["acc161"] == 0.0


def test_run_on_synthetic_file(tmp_path, nlp, capsys):
    args = SimpleNamespace(data=_xml(tmp_path), limit=None, model=None, types="toponyms", worst=2, errors=3)
    assert gwn.run(args) == 0
    out = capsys.readouterr().out
    assert "skipped 1 gold toponym" in out
    assert "all " in out and "acc@161km" in out
    line = next(x for x in out.splitlines() if x.startswith("all"))
    assert "tp 4" in line or "tp 5" in line  # Kharkiv, Kyiv, Warsaw, Polish (+ nothing spurious expected)


def test_run_missing_file(tmp_path, capsys):
    args = SimpleNamespace(data=tmp_path / "nope.xml", limit=None, model=None, types="toponyms", worst=0, errors=0)
    assert gwn.run(args) == 2
    assert "no GeoWebNews file" in capsys.readouterr().err


def test_registered_in_cli():
    from newsgraph.eval.cli import SCORERS

    assert SCORERS["gwn"][0] == "newsgraph.eval.gwn"


def test_dump_rows_status_and_error_kinds(tmp_path):
    G, P = gwn.GoldToponym, gwn.Predicted
    art = gwn.GoldArticle(
        3,
        "f3",
        "Fans in Paris cheered. Jordan said so. Iceland opened a shop.",
        toponyms=[G(8, 13, "Paris", "Literal", 33.66, -95.55), G(54, 58, "shop", "Literal")],
        non_toponyms=[G(38, 45, "Iceland", "Homonym")],
    )
    pred = [
        P(8, 13, "Paris", 48.85, 2.35, "Paris", "FRA", "city"),  # US town read abroad
        P(23, 29, "Jordan", 31.0, 36.0, "Jordan", "JOR", "country", ner="PERSON"),  # a person
        P(38, 45, "Iceland", 65.0, -18.0, "Iceland", "ISL", "country"),
    ]  # the shop
    rows = gwn.article_rows(art, pred, locate=lambda lat, lon, gid=None: "USA" if lon < -60 else None)
    by = {(r["row"], r["text"]): r for r in rows}
    assert by[("gold", "Paris")]["status"] == "far" and by[("gold", "Paris")]["error_kind"] == "us-place-abroad"
    assert by[("gold", "shop")]["status"] == "missed"
    assert by[("prediction", "Jordan")]["error_kind"] == "name-as-place"
    assert by[("prediction", "Iceland")]["error_kind"] == "name-as-place"
    assert all(r["half"] == "odd" for r in rows)
    assert gwn.count_kinds(rows) == {
        "us-place-abroad": 1,
        "state-abbrev": 0,
        "name-as-place": 2,
        "building-as-country": 0,
    }


def test_run_writes_dump(tmp_path, nlp, capsys):
    import json

    dump = tmp_path / "d.jsonl"
    args = SimpleNamespace(
        data=_xml(tmp_path), limit=None, model=None, types="toponyms", worst=0, errors=0, dump=str(dump)
    )
    assert gwn.run(args) == 0
    rows = [json.loads(x) for x in dump.read_text(encoding="utf-8").splitlines()]
    gold = [r for r in rows if r["row"] == "gold"]
    assert {r["text"] for r in gold} == {"Kharkiv", "Kyiv", "Warsaw", "Polish"}
    assert all(r["status"] in ("ok", "far", "missed", "unscored") for r in gold)
    assert any(r["prediction"] and r["prediction"]["reason"] for r in gold)
    assert "error kinds" in capsys.readouterr().out


@pytest.mark.parametrize(
    "split,texts,half", [("tune", {"Kharkiv", "Kyiv"}, "even"), ("report", {"Warsaw", "Polish"}, "odd")]
)
def test_split_runs_one_half_only(tmp_path, nlp, capsys, split, texts, half):
    import json

    dump = tmp_path / "d.jsonl"
    args = SimpleNamespace(
        data=_xml(tmp_path), limit=None, model=None, types="toponyms", worst=0, errors=0, dump=str(dump), split=split
    )
    assert gwn.run(args) == 0
    rows = [json.loads(x) for x in dump.read_text(encoding="utf-8").splitlines()]
    assert {r["text"] for r in rows if r["row"] == "gold"} == texts
    assert {r["half"] for r in rows} == {half}
    out = capsys.readouterr().out
    assert "GeoWebNews: 1 articles" in out
    # only that half's row: the other half is never run nor printed
    other = "odd (held)" if split == "tune" else "even (tune)"
    assert other not in out and not any(x.startswith("all ") for x in out.splitlines())


def test_far_off_on_the_gold_entry_is_counted_apart_and_still_wrong():
    """A country resolved to the gold's own GeoNames entry but pinned at another point is far off
    (the headline accuracy does not change) and counted as such, so the dump tells a wrong
    entity from a point convention."""
    G, P = gwn.GoldToponym, gwn.Predicted
    gold = [
        [
            G(0, 6, "Canada", "Literal", 60.10867, -113.64258, 6251999),
            G(10, 15, "Paris", "Literal", 48.85, 2.35, 2988507),
        ]
    ]
    pred = [[P(0, 6, "Canada", 60.0, -95.0, geonameid=6251999), P(10, 15, "Paris", 33.66, -95.55, geonameid=4717560)]]
    s = gwn.score(gold, pred)
    assert s["acc161"] == 0.0 and s["acc_n"] == 2
    assert s["same_entry_far"] == 1  # Canada: right entry, another point; Paris, Texas: wrong entry
