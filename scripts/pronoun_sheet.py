"""Hand-checking sheet for pronoun speakers (docs/entities.md, "Measured"): a random sample of
PolNeAR Source spans that are a bare pronoun, each with the text before it and the entity
``entity_for_span`` resolves it to.

    .venv/bin/python -W ignore scripts/pronoun_sheet.py --split dev --seed 23 -n 30
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path
from typing import Optional

from newsgraph.extractors.entities import entity_for_span, pronoun_sources
from newsgraph.pipeline import load_nlp


def main(argv: Optional[list] = None) -> int:
    """Print a hand-checking sheet: a random sample of PolNeAR pronoun sources, each with the
    text before it and the entity ``entity_for_span`` resolves it to (docs/entities.md)."""
    ap = argparse.ArgumentParser(prog="scripts/pronoun_sheet.py", description=main.__doc__)
    ap.add_argument("--data", default="../shared/data/polnear")
    ap.add_argument("--split", default="dev")
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)
    items = pronoun_sources(args.data, args.split)
    random.Random(args.seed).shuffle(items)
    nlp = load_nlp(args.model, components=["newsgraph_entities"])
    resolved = 0
    for k, (name, a, b, word) in enumerate(items[: args.n], 1):
        text = (Path(args.data) / args.split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        doc = nlp(text)
        ent = entity_for_span(doc, a, b)
        resolved += ent is not None
        ctx = " ".join((text[max(0, a - 400) : a] + "[[" + text[a:b] + "]]" + text[b : b + 80]).split())
        print(f"#{k} {name} {a}-{b} {word!r}\n    ...{ctx}")
        print(f"  -> {ent.id} {ent.name!r} ({ent.type})" if ent else "  -> (none)")
    print(
        f"{len(items)} pronoun sources in {args.split}; sample {min(args.n, len(items))}, "
        f"resolved to some entity: {resolved}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
