"""Draw quotes for a blind audit: are speech-cued quotes statements, with the right speaker?

From the shared-data corpus (PolNeAR train and dev texts, GeoWebNews articles), a fixed random
sample of articles (``--articles``, seed ``--seed``) is run through the default pipeline, and
``-n`` quotes are drawn at random (same seed) among those whose ``cue_type`` is speech and
whose confidence is at or above the default threshold (what newsgraph outputs as statements).
The table has one row per quote and three empty columns for the judge:

    id  article  sentence  quote  speaker  cue  is_statement  speaker_right  note

``speaker`` is the speaker entity's name, or ``(unnamed: <mention>)`` when the attribution
names no entity with a name, or ``(none)``. ``sentence`` is the paragraph around the quote
(the previous paragraph too when the quote opens its paragraph), so that a continuation can
be judged; ``article`` names the text (``polnear/train/NAME``, ``geowebnews/FILE``).

    .venv/bin/python scripts/audit_quotes.py                       # docs/audits/quotes-audit.tsv
    .venv/bin/python scripts/audit_quotes.py --seed 5 -o /tmp/my-audit.tsv
    # the same parses for two rule sets, and every record of the pool to compare them
    .venv/bin/python scripts/audit_quotes.py --seed 5 --docbin /tmp/d5.spacy --pool /tmp/pool5.jsonl -o /tmp/a.tsv

Judging (for whoever fills the table): ``is_statement`` y when the quote text is something a
source said or wrote (a claim, an opinion, a promise, a question, in quote marks or reported),
n for names, titles, slogans, headlines, scare quotes, acts ("praised the plan") and text the
writer states on their own; ``speaker_right`` y when the speaker column names who said it (a
person or body named in the article), n otherwise (a pronoun, a wrong person, none when the
article says who). Judge from the article text alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "docs" / "audits" / "quotes-audit.tsv"
COLUMNS = ["id", "article", "sentence", "quote", "speaker", "cue", "is_statement", "speaker_right", "note"]


def corpus(data: Path) -> list[tuple[str, str, str | None]]:
    """(article name, text, title) of every article, in a fixed order."""
    from newsgraph.eval.polnear import headline

    out = []
    for split in ("train", "dev"):
        for p in sorted((data / "polnear" / split / "text").glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            out.append((f"polnear/{split}/{p.stem}", text, headline(text, p.stem)))
    gwn = data / "geowebnews" / "GWN.xml"
    if gwn.exists():
        for a in ET.parse(str(gwn)).getroot().iter("article"):
            text = a.findtext("text") or ""
            if text.strip():
                out.append((f"geowebnews/{a.get('file')}", text, (a.findtext("title") or "").strip() or None))
    return out


def _one_line(s: str) -> str:
    return " ".join(s.split())


def context(text: str, start: int, end: int) -> str:
    """The paragraph(s) holding the quote, with the paragraph before when the quote opens its own."""
    a = text.rfind("\n", 0, start) + 1
    if not text[a:start].strip(" \t\"'\u201c\u201d\u2018\u2019`"):
        prev = text.rfind("\n", 0, max(0, a - 1))
        while prev > 0 and not text[prev + 1 : a].strip():
            prev = text.rfind("\n", 0, prev)
        a = prev + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    return _one_line(text[a:b])


def _records(articles, nlp, path: str):
    """The articles' records from parses saved once (the spaCy pipeline without newsgraph's
    components), then newsgraph's components run on each Doc as ``process`` runs them: the
    same records, so that two rule sets can be drawn on the same parses."""
    from spacy.tokens import DocBin

    from newsgraph.extractors import COMPONENTS
    from newsgraph.pipeline import make_doc, record_from_doc

    ours = [n for n in nlp.pipe_names if n in COMPONENTS]
    if not Path(path).exists():
        db = DocBin(store_user_data=False)
        with nlp.select_pipes(disable=ours):
            for doc in nlp.pipe(make_doc(nlp, a) for a in articles):
                db.add(doc)
        Path(path).write_bytes(db.to_bytes())
    docs = list(DocBin().from_bytes(Path(path).read_bytes()).get_docs(nlp.vocab))
    # (the components after the quotes, events and responses, change no quote: not run)
    comps = [nlp.get_pipe(n) for n in ours[: ours.index("newsgraph_quotes") + 1]]
    for doc, a in zip(docs, articles):
        doc._.published = a.published
        doc._.title = a.title
        for c in comps:
            doc = c(doc)
        yield record_from_doc(doc, a, nlp)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=str(DATA), help=f"shared data folder (default {DATA})")
    ap.add_argument("--seed", type=int, default=11, help="random seed for both draws (default 11)")
    ap.add_argument("--articles", type=int, default=200, help="articles to extract from (default 200)")
    ap.add_argument("-n", type=int, default=100, help="quotes to draw (default 100)")
    ap.add_argument("--model", help="spaCy pipeline (default newsgraph's)")
    ap.add_argument("-o", "--output", default=str(OUT), help=f"TSV to write (default {OUT.relative_to(ROOT)})")
    ap.add_argument(
        "--docbin", help="saved spaCy parses of the drawn articles: read when the file exists, else written"
    )
    ap.add_argument("--pool", help="also write every speech-cued quote at or above the threshold (JSON lines)")
    args = ap.parse_args(argv)

    from newsgraph.article import Article
    from newsgraph.extractors.quotes import CONFIDENCE_MODEL
    from newsgraph.pipeline import load_nlp, process
    from newsgraph.record import shown_mention

    data = Path(args.data)
    if not (data / "polnear").is_dir():
        print(f"audit_quotes: no shared data at {data} (give --data)", file=sys.stderr)
        return 2
    arts = corpus(data)
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(range(len(arts)), min(args.articles, len(arts))))
    nlp = load_nlp(args.model)
    threshold = CONFIDENCE_MODEL.threshold
    pool = []
    articles = [Article(id=arts[i][0], text=arts[i][1], title=arts[i][2]) for i in chosen]
    for rec in _records(articles, nlp, args.docbin) if args.docbin else process(articles, nlp):
        if isinstance(rec, Exception):
            print(f"audit_quotes: {rec}", file=sys.stderr)
            continue
        names = {e.id: e.name for e in rec.entities}
        for q in rec.quotes:
            if q.cue_type != "speech" or q.confidence < threshold:
                continue
            if q.speaker in names:
                speaker = names[q.speaker]
            elif q.speaker_mention is not None:
                # ("a smuggler who" shown as "a smuggler"; a bare pronoun as written, round 11)
                speaker = f"(unnamed: {shown_mention(q.speaker_mention.text) or q.speaker_mention.text})"
            else:
                speaker = "(none)"
            pool.append(
                {
                    "article": rec.id,
                    "sentence": context(rec.text, q.start, q.end),
                    "quote": _one_line(q.text),
                    "speaker": _one_line(speaker),
                    "cue": _one_line(q.cue.text) if q.cue else "",
                }
            )
    drawn = rng.sample(pool, min(args.n, len(pool)))
    if args.pool:
        with open(args.pool, "w", encoding="utf-8") as f:
            for row in pool:
                f.write(json.dumps(row) + "\n")
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for k, row in enumerate(drawn, 1):
            w.writerow(
                [f"A{k:03d}", row["article"], row["sentence"], row["quote"], row["speaker"], row["cue"], "", "", ""]
            )
    print(
        f"{len(articles)} articles, {len(pool)} speech-cued quotes at or above {threshold:.2f}; "
        f"{len(drawn)} drawn -> {out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
