"""The PLOVER scorer on tiny synthetic gold, and the gold loader on the real file when present."""

from __future__ import annotations

import argparse
import json

from newsgraph.eval import plover


def gold(i, type_, source, target=(), mode=None):
    return {
        "index": i,
        "id": f"G{i}",
        "text": "x",
        "date": "2000-01-01",
        "type_05": type_,
        "type": type_,
        "mode": mode,
        "source": list(source),
        "target": list(target),
    }


def test_score_counts_types_modes_and_countries():
    pairs = [
        (
            gold(0, "ASSAULT", ["RUS"], ["UKR"], "heavy-weapons"),
            {"type": "ASSAULT", "mode": "heavy-weapons", "actor_country": "RUS", "recipient_country": "UKR"},
        ),
        (
            gold(1, "ASSAULT", ["ISR"], ["PSE"], "firearms"),
            {"type": "ASSAULT", "mode": "heavy-weapons", "actor_country": "ISR", "recipient_country": None},
        ),
        (
            gold(2, "REQUEST", ["IGO"], ["SDN"]),
            {"type": "ACCUSE", "mode": None, "actor_country": "UN", "recipient_country": "SDN"},
        ),
        (gold(3, "ACCUSE", ["NGO"], ["USA"]), None),
    ]
    m = plover.score(pairs)
    assert m["n"] == 4
    assert m["type_accuracy"] == 0.5
    assert m["mode_accuracy"] == 0.5 and m["mode_n"] == 2
    # gold IGO matches UN; a missing prediction is wrong even for an NGO actor
    assert m["actor_country_accuracy"] == 0.75
    assert m["recipient_country_accuracy"] == 0.5
    assert m["confusion"]["REQUEST"] == {"ACCUSE": 1}
    assert m["confusion"]["ACCUSE"] == {"NONE": 1}
    # per type: ASSAULT P=R=1; REQUEST R=0; ACCUSE P=0 (one false positive), R=0
    assert m["per_type"]["ASSAULT"]["f1"] == 1.0
    assert m["per_type"]["REQUEST"]["f1"] == 0.0 and m["per_type"]["ACCUSE"]["precision"] == 0.0
    assert m["macro_f1"] == round(1.0 / 3, 3)


def test_country_match_rules():
    assert plover.country_match("NATO", ["IGO"])
    assert plover.country_match(None, ["NGO"])
    assert not plover.country_match(None, ["USA"])
    assert plover.country_match("JOR", ["USA", "JOR"])


def test_loader_maps_05_labels(tmp_path):
    f = tmp_path / "gsr.txt"
    f.write_text("""[
{"id": "D", "event": "DOCUMENT", "eventText": "doc",},
{"id": "A", "date": "2000-01-01", "event": "DEMAND", "text": "Iraq demanded talks.",
 "source": [{"actorText": "Iraq", "code": "IRQ"},], "target": "",},
{"id": "B", "date": "2000-01-01", "event": "FIGHT", "mode": "heavy-weapons", "text": "Tanks shelled Tokyo.",
 "source": [{"actorText": "Japan", "code": "JAP", "sector": "MIL"}], "target": [{"code": "JAP"}]},
{"id": "C", "date": "2000-01-01", "event": "INVESTIGATE", "text": "A court investigated.", "source": null},
]""")
    g = plover.load_gold(f)
    assert [x["type"] for x in g] == ["REQUEST", "ASSAULT", "ACCUSE"]
    assert g[1]["source"] == ["JPN"] and g[1]["mode"] == "heavy-weapons"
    assert g[2]["mode"] == "investigate" and g[2]["source"] == []
    assert [x["index"] for x in g] == [0, 1, 2]
    assert plover.split(g, "tune") == [0, 2] and plover.split(g, "report") == [1]


def test_run_on_synthetic_gold(tmp_path, capsys, nlp):
    f = tmp_path / "gsr.txt"
    f.write_text(
        json.dumps(
            [
                {
                    "id": "A",
                    "date": "2000-01-01",
                    "event": "FIGHT",
                    "mode": "heavy-weapons",
                    "text": "Sudanese rebels shelled the town of Juba on Sunday.",
                    "source": [{"code": "SDN", "sector": "REB"}],
                    "target": [{"code": "SDN"}],
                },
                {
                    "id": "B",
                    "date": "2000-01-01",
                    "event": "DEMAND",
                    "text": "The United States demanded that North Korea end its nuclear program.",
                    "source": [{"code": "USA"}],
                    "target": [{"code": "PRK"}],
                },
            ]
        )
    )
    p = argparse.ArgumentParser()
    plover.add_arguments(p)
    args = p.parse_args(["--gold", str(f), "--split", "all", "--json"])
    assert plover.run(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["all"]["n"] == 2
    assert out["all"]["type_accuracy"] == 1.0
    assert out["all"]["actor_country_accuracy"] == 1.0


def test_real_gold_loads(shared_data):
    g = plover.load_gold(shared_data / "plover" / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt")
    assert len(g) == 322
    types = {x["type"] for x in g}
    assert "DEMAND" not in types and "FIGHT" not in types and "REQUEST" in types
    assert types <= {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
