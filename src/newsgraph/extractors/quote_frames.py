"""Learned frames for ``newsgraph_quotes``: attributions beyond the hand-written lexicon.

PolNeAR counts as attribution far more than speech verbs: "attacks on X", "questions about
X", "known for X", "pushed for X", "hopes to X". Where the hand rules make no record at a word,
each of its dependents that could hold content (a *frame*: its clause ``ccomp``, infinitive
``xcomp``, object ``obj``, a noun's ``that``/``to`` clause, or a preposition such as ``on``) is
scored by a small logistic model trained on PolNeAR *train* by
``scripts/learn_quote_frames.py``; a frame scoring at least the model's threshold becomes a
record whose ``rule`` is ``indirect:learned-<frame>``.

The model is a table of feature weights (``data/quotes/frame_model.json.gz``); the features
are plain strings built from the parse: the word and frame, the word alone, the frame with the
word's dependency label and tag, what kind of speaker it has, how long the content is. Nothing
here is tuned on dev.
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path
from typing import Optional

from spacy.tokens import Token

from .doc_cache import children

# the shipped model; the quotes component's ``frames_model`` config names another file
# (cross-validation: docs/quotes.md)
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "quotes" / "frame_model.json.gz"
PERSONAL = {"he", "she", "they", "i", "we", "you", "who"}


def frame_class(tok: Token) -> Optional[str]:
    """V (verb), N (noun) or A (predicate adjective): the words a learned frame can hang on."""
    if tok.pos_ == "VERB":
        return "V"
    if tok.pos_ == "NOUN":
        return "N"
    if tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "amod"):
        return "A"
    return None


def frames_at(tok: Token) -> list[str]:
    """The dependents of a word that could hold what someone said or thought, named as frames:
    ``ccomp``, ``xcomp``, ``obj``, ``that``, ``to``, or a preposition (``on``, ``about``...)."""
    cls = frame_class(tok)
    out: list[str] = []
    if cls is None:
        return out
    for c in children(tok):
        d = c.dep_
        f = None
        if cls == "N":
            if d in ("acl", "ccomp", "appos", "relcl") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in children(c)
            ):
                f = "that"
            elif d in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in children(c)):
                f = "to"
        elif d in ("ccomp", "xcomp"):
            f = d
        elif d == "dobj" and cls == "V":
            f = "obj"
        if d == "prep" and c.i > tok.i and any(g.dep_ in ("pobj", "pcomp") for g in children(c)):
            f = c.lower_
        if f and f not in out:
            out.append(f)
    return out


def _speaker_kind(spk: Optional[Token]) -> str:
    if spk is None:
        return "none"
    if spk.lower_ in PERSONAL:
        return "personal"
    if spk.ent_type_:
        return spk.ent_type_
    return spk.pos_


def _size(content_words: int) -> str:
    return "1" if content_words <= 1 else "2-3" if content_words <= 3 else "4-8" if content_words <= 8 else "9+"


def features(tok: Token, frame: str, content_words: int, speaker: Optional[Token]) -> list[str]:
    """The feature strings of one frame candidate."""
    cls = frame_class(tok) or "?"
    lem = tok.lemma_.lower()
    spk = _speaker_kind(speaker)
    f = [
        "bias",
        f"k={cls}|{lem}|{frame}",
        f"l={cls}|{lem}",
        f"f={cls}|{frame}",
        f"d={cls}|{frame}|{tok.dep_}",
        f"t={frame}|{tok.tag_}",
        f"s={cls}|{frame}|{spk}",
        f"ls={cls}|{lem}|{'none' if spk == 'none' else 'some'}",
        f"n={cls}|{frame}|{_size(content_words)}",
    ]
    if cls == "N":
        f.append(f"h={frame}|{tok.dep_}|{tok.head.lemma_.lower()}")
    if any(c.dep_ == "neg" for c in children(tok)):
        f.append("neg")
    if any(c.dep_ == "auxpass" for c in children(tok)):
        f.append(f"pass={frame}")
    return f


class FrameModel:
    """Feature weights and the score a frame needs to become a record."""

    def __init__(self, weights: dict[str, float], threshold: float):
        self.weights = weights
        self.threshold = threshold

        # the most the candidate-dependent features (speaker kind, content size) can add, per
        # word class and frame (or lemma): lets ``could_pass`` skip building hopeless candidates
        self._most: dict[str, float] = {}
        for name, w in weights.items():
            kind, _, rest = name.partition("=")
            if kind in ("s", "n", "ls"):
                key = kind + "=" + rest.rsplit("|", 1)[0]
                self._most[key] = max(self._most.get(key, 0.0), w)
        self._need = math.log(threshold / (1 - threshold)) if 0 < threshold < 1 else math.inf

    def __bool__(self) -> bool:
        return bool(self.weights)

    def could_pass(self, tok: Token, frame: str) -> bool:
        """Whether a frame could reach the threshold at all, from the word alone (an upper
        bound: the speaker and content features are taken at their best)."""
        w = self.weights
        cls = frame_class(tok) or "?"
        lem = tok.lemma_.lower()
        z = (
            w.get("bias", 0.0)
            + w.get(f"k={cls}|{lem}|{frame}", 0.0)
            + w.get(f"l={cls}|{lem}", 0.0)
            + w.get(f"f={cls}|{frame}", 0.0)
            + w.get(f"d={cls}|{frame}|{tok.dep_}", 0.0)
            + w.get(f"t={frame}|{tok.tag_}", 0.0)
        )
        if cls == "N":
            z += w.get(f"h={frame}|{tok.dep_}|{tok.head.lemma_.lower()}", 0.0)
        z += max(0.0, w.get("neg", 0.0)) + max(0.0, w.get(f"pass={frame}", 0.0))
        z += (
            self._most.get(f"s={cls}|{frame}", 0.0)
            + self._most.get(f"n={cls}|{frame}", 0.0)
            + self._most.get(f"ls={cls}|{lem}", 0.0)
        )
        return z >= self._need

    def score(self, feats: list[str]) -> float:
        z = sum(self.weights.get(x, 0.0) for x in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_model(path: Path = MODEL_PATH) -> FrameModel:
    """The trained model; an empty one (no learned frames) when the file is absent."""
    if not path.exists():
        return FrameModel({}, 1.1)
    with gzip.open(path, "rt", encoding="utf-8") as f:
        m = json.load(f)
    return FrameModel(m["weights"], m["threshold"])
