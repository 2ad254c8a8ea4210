"""The quote cue tables (``data/quotes/cues.tsv`` for verbs, ``nouns.tsv`` for nouns), read once.

One row per cue: lemma, cue type (``speech`` or ``other``), and the dependents that hold the
content (comma list, default ``ccomp``). The quotes component reads the whole table; the
speakers and the entities read the lemmas."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data" / "quotes"


@lru_cache(maxsize=4)
def cue_table(fname: str = "cues.tsv") -> dict[str, tuple[str, frozenset]]:
    """lemma -> (cue type, content frames)."""
    cues = {}
    for line in (DATA / fname).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        lemma, ctype = parts[0].strip(), parts[1].strip()
        frames = frozenset(f.strip() for f in parts[2].split(",")) if len(parts) > 2 else frozenset({"ccomp"})
        cues[lemma] = (ctype, frames)
    return cues


@lru_cache(maxsize=4)
def cue_lemmas(cue_type: str | None = None) -> frozenset:
    """The verb cues' lemmas, all or of one cue type (``speech``)."""
    return frozenset(k for k, (t, _) in cue_table().items() if cue_type is None or t == cue_type)


def inverted_cue_verb(word: str) -> bool:
    """Whether ``word`` is a form of a speech cue verb that can open a cue-first inversion
    (feature style: 'Said Allen, "..."', 'Explained Keith: "..."', 'Says Novak:', 'Testified
    Reyes,'): said, says, wrote, writes, told, or a past (-ed, -ied) or third-person (-s) form of
    a speech lemma. One test for the entities (the verb is no first name) and the quotes (the
    name after it is the speaker), round 21 (``cue-first21``)."""
    w = word.lower()
    if w in ("said", "says", "wrote", "writes", "told"):
        return True
    speech = cue_lemmas("speech")
    if w.endswith("ied"):
        return w[:-3] + "y" in speech
    if w.endswith("ed"):
        return w[:-1] in speech or w[:-2] in speech
    return w.endswith("s") and w[:-1] in speech


@lru_cache(maxsize=16)
def word_class(cls: str) -> frozenset:
    """The words of one class of ``data/en/quotes/content.tsv`` (``view``, ``procedure``,
    ``medium``, ``proform``, ``wh``, ...): read here once for the quotes component and its recall
    rules (``quote_recall``)."""
    from ..lexicon import table

    return frozenset(
        r["word"]
        for r in table("quotes/content.tsv", columns=("word", "class"), key=("word", "class"))
        if r["class"] == cls
    )
