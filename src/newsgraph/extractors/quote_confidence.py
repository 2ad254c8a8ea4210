"""How far to trust each quote record: ``Quote.confidence``, calibrated on PolNeAR *train*.

Every record newsgraph_quotes makes gets a confidence in [0, 1]: the estimated chance that it
is an attribution a reader (a PolNeAR annotator) marks, with the content where we put it. It
comes from a small logistic model over plain features of the record: the path that made it
(its ``rule``: learned frame, sentence-final content, quotation with no speaker, ...), the cue
word on that path, what kind of speaker it has (a name, a pronoun that resolved or did not, a
common noun, none), how long the content is, whether the cue is negated, whether the content
is a clause. So every path earns its own confidence from what that path got right on train.

The model (``data/quotes/confidence.json.gz``: feature weights and the default threshold) is
rebuilt by ``scripts/calibrate_quotes.py`` from train records whose learned frames were learned
on the other half of train (two-fold), so that the learned paths are judged as on unseen text.
Records below the threshold are not output by default (docs/quotes.md).
"""

from __future__ import annotations

import gzip
import json
import math
import random
from pathlib import Path
from typing import Optional

# the shipped model; the quotes component's ``confidence_model`` config names another file
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "confidence.json.gz"

PRONOUNS = {
    "he",
    "she",
    "they",
    "it",
    "i",
    "we",
    "you",
    "him",
    "her",
    "them",
    "us",
    "me",
    "his",
    "its",
    "their",
    "one",
    "this",
    "that",
    "these",
    "those",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "others",
}
RELATIVES = {"who", "which", "that", "whom", "whose"}


def _bin(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


def features(
    rule: str, kind: str, cue_type: str, cue_lemma: str, speaker_class: str, content_words: int, extra: tuple = ()
) -> list[str]:
    """The feature strings of one record. ``rule`` is the record's rule ("indirect:obj:inherited"),
    ``speaker_class`` one of ``speaker_class()``'s values, ``extra`` further flags ("neg",
    "clause", "para1", "learned=0.3", ...)."""
    parts = rule.split(":")
    path = ":".join(parts[:2])
    how = parts[2] if len(parts) > 2 else "subj"
    size = _bin(content_words)
    f = [
        "bias",
        f"p={path}",
        f"r={rule}",
        f"h={how}",
        f"k={kind}|{cue_type}",
        f"c={cue_lemma}|{path}",
        f"cl={cue_lemma}",
        f"s={speaker_class}",
        f"ps={path}|{speaker_class}",
        f"n={size}|{kind}",
        f"pn={path}|{size}",
    ]
    for x in extra:
        f.append(f"x={x}")
        f.append(f"px={path}|{x}")
    return f


class ConfidenceModel:
    """Feature weights and the default threshold."""

    def __init__(self, weights: dict[str, float], threshold: float, meta: Optional[dict] = None):
        self.weights = weights
        self.threshold = threshold
        self.meta = meta or {}

    def __bool__(self) -> bool:
        return bool(self.weights)

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    """The calibrated model; without the file every record has confidence 1 and none is dropped."""
    if not path.exists():
        return ConfidenceModel({}, 0.0)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        m = json.load(f)
    return ConfidenceModel(m["weights"], m["threshold"], {k: v for k, v in m.items() if k != "weights"})


def save_model(path, weights: dict[str, float], threshold: float, **meta) -> None:
    """Write the model so that the same data gives the same bytes."""
    body = {"threshold": threshold, "weights": weights, **meta}
    with open(path, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(json.dumps(body, sort_keys=True).encode("utf-8"))


def fit(
    samples: list[tuple[list[str], int]],
    epochs: int = 8,
    rate: float = 0.1,
    l2: float = 1e-4,
    min_count: int = 3,
    seeds: tuple[int, ...] = (13,),
) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent (fixed seeds, so runs repeat).
    Features seen fewer than ``min_count`` times are left out. With several ``seeds`` the
    weights are the mean of one run per seed (each shuffles the samples its own way): the
    model then moves less with the order of the samples (docs/quotes.md, round 13)."""
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for x in feats:
            counts[x] = counts.get(x, 0) + 1
    kept = [([x for x in feats if counts[x] >= min_count], y) for feats, y in samples]
    total: dict[str, float] = {}
    for seed in seeds:
        w: dict[str, float] = {}
        order = list(range(len(kept)))
        rng = random.Random(seed)
        for epoch in range(epochs):
            rng.shuffle(order)
            r = rate / (1 + epoch)
            for i in order:
                feats, y = kept[i]
                z = sum(w.get(x, 0.0) for x in feats)
                p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
                g = p - y
                for x in feats:
                    w[x] = w.get(x, 0.0) - r * (g + l2 * w.get(x, 0.0))
        for x, v in w.items():
            total[x] = total.get(x, 0.0) + v
    return {x: round(v / len(seeds), 4) for x, v in sorted(total.items()) if abs(v / len(seeds)) >= 1e-3}
