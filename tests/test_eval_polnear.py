"""PolNeAR scorer: the pairing and counting rules on tiny synthetic data."""

from __future__ import annotations

from pathlib import Path

from newsgraph.eval.polnear import Gold, Pred, first_annotator, load_split, parse_ann, score_article

ANN = """T1\tSource 0 5\tNovak
T2\tCue 6 10\tsaid
T3\tContent 11 31\tthe talks had failed
T4\tAttribution 6 10\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tContent 40 50;60 70\tx
T6\tCue 51 55\tsaid
E2\tAttribution:T6 Content:T5 Cue:T6
#1\tAnnotatorNotes T1\tnote
a stray line of span text
"""


def test_parse_ann_reads_t_and_e_lines_only():
    gold = parse_ann(ANN)
    assert [g.content for g in gold] == [[(11, 31)], [(40, 50), (60, 70)]]
    assert gold[0].source == [(0, 5)] and gold[1].source == []


def test_half_inside_pairs_and_one_to_one():
    gold = [Gold([(0, 100)], [(200, 205)])]
    # 60 of 100 chars inside -> pairs; the nested copy cannot pair with the same segment
    preds = [Pred(40, 140, [(200, 203)]), Pred(10, 20, [])]
    sc, found = score_article(preds, gold)
    assert (sc.predictions, sc.paired, sc.gold, sc.found) == (2, 1, 1, 1)
    assert sc.precision == 0.5 and sc.recall == 1.0
    assert (sc.with_source, sc.source_right) == (1, 1)


def test_less_than_half_inside_does_not_pair():
    sc, _ = score_article([Pred(0, 100, [])], [Gold([(0, 40)])])
    assert (sc.paired, sc.found) == (0, 0)


def test_found_needs_half_of_the_gold_covered():
    sc, _ = score_article([Pred(0, 30, [])], [Gold([(0, 100)])])
    assert (sc.paired, sc.found) == (1, 0)


def test_discontinuous_content_is_one_item_covered_by_its_segments():
    gold = [Gold([(0, 40), (50, 100)])]
    sc, _ = score_article([Pred(0, 40, []), Pred(50, 70, [])], gold)  # 60 of 90 covered
    assert (sc.gold, sc.paired, sc.found) == (1, 2, 1)
    sc, _ = score_article([Pred(0, 40, [])], gold)  # 40 of 90
    assert sc.found == 0


def test_greedy_by_overlap():
    gold = [Gold([(0, 10)]), Gold([(0, 100)])]
    preds = [Pred(0, 10, []), Pred(0, 90, [])]
    sc, found = score_article(preds, gold)
    assert (sc.paired, sc.found) == (2, 2) and found == [0, 1]


def test_wrong_source():
    sc, _ = score_article([Pred(0, 10, [(50, 55)])], [Gold([(0, 10)], [(20, 25)])])
    assert (sc.found, sc.with_source, sc.source_right) == (1, 1, 0)


def test_first_annotator_is_smallest_suffix():
    files = [Path("a_b_ef2d.ann"), Path("a_b_4e07.ann"), Path("a_b_5fec.ann")]
    assert first_annotator(files).name == "a_b_4e07.ann"
    assert first_annotator([]) is None


def test_load_split_on_shared_data(shared_data):
    arts = load_split(shared_data / "polnear", "dev")
    assert len(arts) == 84
    name, text, gold = arts[0]
    assert gold and all(0 <= a < b <= len(text) for g in gold for a, b in g.content)


def test_cli_on_a_tiny_split(tmp_path, capsys):
    from newsgraph.eval import polnear

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    text = "Novak said the talks had failed."
    (tmp_path / "dev" / "text" / "a.txt").write_text(text)
    (tmp_path / "dev" / "attributions" / "a_x1.ann").write_text(ANN.split("T5")[0])
    (tmp_path / "dev" / "attributions" / "a_z9.ann").write_text("")
    import argparse

    p = argparse.ArgumentParser()
    polnear.add_arguments(p)
    args = p.parse_args(["--data", str(tmp_path), "--worst", "1"])
    assert polnear.run(args) == 0
    out = capsys.readouterr().out
    assert "F1 1.000" in out and "accuracy 1.000" in out


def test_cli_fold_scores_every_kth_article(tmp_path, capsys):
    import argparse

    from newsgraph.eval import polnear

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    for name in ("a", "b", "c"):
        (tmp_path / "dev" / "text" / f"{name}.txt").write_text("Novak said the talks had failed.")
        (tmp_path / "dev" / "attributions" / f"{name}_x1.ann").write_text(ANN.split("T5")[0])
    p = argparse.ArgumentParser()
    polnear.add_arguments(p)
    assert polnear.run(p.parse_args(["--data", str(tmp_path), "--fold", "1/2", "--worst", "0"])) == 0
    assert "1 articles" in capsys.readouterr().out  # only b (index 1)
    assert polnear.run(p.parse_args(["--data", str(tmp_path), "--fold", "half"])) == 2


def test_cli_dump_writes_gold_and_predictions(tmp_path):
    import argparse
    import json

    from newsgraph.eval import polnear

    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir(parents=True)
    (tmp_path / "dev" / "text" / "a.txt").write_text("Novak said the talks had failed.")
    (tmp_path / "dev" / "attributions" / "a_x1.ann").write_text(ANN.split("T5")[0])
    p = argparse.ArgumentParser()
    polnear.add_arguments(p)
    out = tmp_path / "dump.jsonl"
    assert polnear.run(p.parse_args(["--data", str(tmp_path), "--worst", "0", "--dump", str(out)])) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    gold = [r for r in rows if r["kind"] == "gold"]
    pred = [r for r in rows if r["kind"] == "prediction"]
    assert len(gold) == 1 and gold[0]["found"] and gold[0]["text"] == "the talks had failed"
    assert pred and pred[0]["paired"] and pred[0]["rule"].startswith("indirect:ccomp") and pred[0]["speaker"] == "Novak"


# ---------------------------------------------------------------- the scorer (eval polnear)


def _old_pair(preds, gold):
    """The scorer's pairing before round 20 (one span per prediction), to hold the new one to it."""
    from newsgraph.eval.polnear import _overlap

    segs = [(gi, s) for gi, g in enumerate(gold) for s in g.content]
    cands = []
    for pi, p in enumerate(preds):
        plen = p.end - p.start
        if plen <= 0:
            continue
        for si, (_, s) in enumerate(segs):
            ov = _overlap((p.start, p.end), s)
            if ov > 0 and 2 * ov >= plen:
                cands.append((ov, pi, si))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p, used_s = set(), set()
    covered = [0] * len(gold)
    paired_with = [[] for _ in gold]
    for ov, pi, si in cands:
        if pi in used_p or si in used_s:
            continue
        used_p.add(pi)
        used_s.add(si)
        covered[segs[si][0]] += ov
        paired_with[segs[si][0]].append(pi)
    return used_p, covered, paired_with


def test_one_part_scores_as_before():
    import random

    from newsgraph.eval.polnear import Gold, Pred, pair

    rnd = random.Random(20)
    for _ in range(300):
        gold = []
        for _ in range(rnd.randint(0, 5)):
            a = rnd.randint(0, 200)
            segs = [(a, a + rnd.randint(1, 40))]
            if rnd.random() < 0.3:
                b = segs[0][1] + rnd.randint(1, 20)
                segs.append((b, b + rnd.randint(1, 30)))
            gold.append(Gold(content=segs))
        preds = []
        for _ in range(rnd.randint(0, 6)):
            a = rnd.randint(0, 200)
            preds.append(Pred(a, a + rnd.randint(0, 50)))
        assert pair(preds, gold) == _old_pair(preds, gold)


def test_a_prediction_in_parts_pairs_each_part_and_counts_once():
    from newsgraph.eval.polnear import Gold, Pred, score_article

    # gold: 'And that' + 'was in the works' (the annotator's two segments)
    gold = [Gold(content=[(0, 8), (26, 42)], source=[(10, 19)])]
    whole = Pred(0, 42, [(10, 19)])  # one span across the attribution: half of it is in no segment
    cut = Pred(26, 42, [(10, 19)])  # the second segment alone: paired, but covers 16 of 24
    parted = Pred(0, 42, [(10, 19)], [(0, 8), (26, 42)])
    sc, _ = score_article([whole], gold)
    assert (sc.predictions, sc.paired, sc.found) == (1, 0, 0)
    sc, _ = score_article([cut], gold)
    assert (sc.predictions, sc.paired, sc.found) == (1, 1, 1)
    sc, _ = score_article([parted], gold)
    assert (sc.predictions, sc.paired, sc.found, sc.source_right) == (1, 1, 1, 1)
    # an annotator's one segment over the whole sentence: both parts pair with it
    sc, _ = score_article([parted], [Gold(content=[(0, 43)])])
    assert (sc.predictions, sc.paired, sc.found) == (1, 1, 1)
    # a part outside any content: the prediction is paired only if the rest is half of it
    sc, _ = score_article([Pred(0, 60, [], [(0, 8), (40, 60)])], [Gold(content=[(0, 8)])])
    assert (sc.predictions, sc.paired) == (1, 0)
    sc, _ = score_article([Pred(0, 60, [], [(0, 20), (50, 60)])], [Gold(content=[(0, 20)])])
    assert (sc.predictions, sc.paired, sc.found) == (1, 1, 1)
