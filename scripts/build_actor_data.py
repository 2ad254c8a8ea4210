#!/usr/bin/env python
"""Build newsgraph's actor and verb tables from the PETRARCH2 dictionaries (MIT licence).

    .venv/bin/python scripts/build_actor_data.py [--petrarch ../shared/data/petrarch2]

Reads (see ../shared/data/petrarch2/dictionaries.rst for the formats):
  Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt
      -> src/newsgraph/data/actors/actors.json.gz
         {phrase: [[code, start, end], ...]}  (start/end YYYYMMDD or "" when open)
  Phoenix.agents.txt
      -> src/newsgraph/data/actors/agents.json   {phrase: agent code, e.g. "minister": "GOV"}
  CAMEO.2.0.txt
      -> src/newsgraph/data/events/verbs.json
         {"verbs": {verb form: [block, default CAMEO code or null]},
          "blocks": [[[object head, preposition, prepositional noun, CAMEO code], ...], ...]}

Phrases are lower case with single spaces. The output is deterministic (sorted keys) so a
rebuild from the same dictionaries gives the same files. The derived files keep the PETRARCH2
MIT notice (see NOTICE at the project root).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgraph" / "data"


def _clean(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _phrase(raw: str) -> str:
    p = raw.strip().strip("+").replace("_", " ").lower()
    return re.sub(r"\s+", " ", p).strip()


def _date(s: str) -> str:
    s = s.strip()
    if len(s) == 6:  # YYMMDD: TABARI convention, 2-digit years up to 30 are 20xx
        yy = int(s[:2])
        s = ("20" if yy <= 30 else "19") + s
    return s if re.fullmatch(r"\d{8}", s) else ""


def _span(code: str, rest: str) -> list[str]:
    start = end = ""
    rest = rest.strip()
    if rest.startswith("<"):
        end = _date(rest[1:])
    elif rest.startswith(">"):
        start = _date(rest[1:])
    elif "-" in rest:
        a, b = rest.split("-", 1)
        start, end = _date(a), _date(b)
    return [code, start, end]


def _dated_codes(line: str) -> list[list[str]]:
    """[CODE date-range] restrictions written on a name's own line."""
    return [_span(m.group(1), m.group(2)) for m in re.finditer(r"\[([A-Z0-9]+)\s+([<>]?\d[^\]]*)\]", line)]


ALIAS_SKIP = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "prime",
    "secretary",
    "senator",
    "sen",
    "us",
    "u.s.",
    "american",
    "former",
    "vice",
    "minister",
    "foreign",
    "gov",
    "governor",
    "chairman",
    "general",
    "gen",
    "king",
    "queen",
    "prince",
    "pope",
    "rep",
    "representative",
    "speaker",
    "ambassador",
    "chancellor",
    "the",
}
# an office or body named after a person is another actor ("Obama administration")
ALIAS_NOT = {
    "administration",
    "government",
    "regime",
    "campaign",
    "cabinet",
    "team",
    "aides",
    "office",
    "party",
    "supporters",
    "forces",
    "army",
    "ministry",
    "family",
    "foundation",
    "state",
    "agency",
    "community",
}


def parse_actors(path: Path, table: dict, aliases: dict | None = None) -> None:
    """Actor records: a primary phrase, '+' synonyms, tab-indented [CODE dates] restrictions.
    ``aliases`` collects synonym -> primary phrase for synonyms that are other names of the
    same actor ("william jefferson clinton" -> "bill clinton"), not titled forms ("president
    clinton"): both of two words or more, the synonym not starting with a title."""
    names: list[str] = []
    entries: list[list[str]] = []
    default: str | None = None

    def flush():
        nonlocal names, entries, default
        rows = list(entries)
        if not rows and default:
            rows = [[default, "", ""]]
        elif default and not any(r[1] == "" and r[2] == "" for r in rows):
            rows.append([default, "", ""])
        if aliases is not None and names and len(names[0].split()) >= 2:
            for n in names[1:]:
                ws = n.split()
                if len(ws) >= 2 and ws[0] not in ALIAS_SKIP and n != names[0] and not ALIAS_NOT & set(ws):
                    aliases.setdefault(n, names[0])
        if rows:
            for n in names:
                if n and len(n) > 1:
                    table.setdefault(n, [])
                    for r in rows:
                        if r not in table[n]:
                            table[n].append(r)
        names, entries, default = [], [], None

    for raw in path.read_text(encoding="latin-1").splitlines():
        if raw.startswith("#") or not raw.strip():
            continue
        line = _clean(raw)
        if not line.strip():
            continue
        if raw[0] in "\t " and line.strip().startswith("["):
            m = re.match(r"\s*\[([A-Z0-9]+)\s*([^\]]*)\]", line)
            if not m:
                continue
            entries.append(_span(m.group(1), m.group(2)))
            continue
        if line.lstrip().startswith("+"):
            names.append(_phrase(line.split("[")[0]))
            m = re.search(r"\[([A-Z0-9]+)\]", line)
            if m and not default:
                default = m.group(1)
            entries.extend(_dated_codes(line))
            continue
        flush()
        m = re.search(r"\[([A-Z0-9]+)\]", line)
        default = m.group(1) if m else None
        # dated codes on the name's own line: "JAVIER_SOLANA_ [IGOEUREEC 950701-951231][IGOWSTNAT ...]"
        entries.extend(_dated_codes(line))
        names.append(_phrase(line.split("[")[0].split("{")[0]))
    flush()


def parse_agents(path: Path) -> dict[str, str]:
    subs: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = _clean(raw).strip()
        if not line:
            continue
        m = re.match(r"(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",")]
            continue
        m = re.match(r"([^\[{]+?)\s*(\{[^}]*\})?\s*\[([^\]]+)[\]}]", line)
        if not m:
            continue
        phrase, plural, code = m.group(1), m.group(2), m.group(3).strip()
        code = code.replace("~", "")
        if not code:
            continue
        sector = code[:3]
        forms = [phrase]
        for mark, words in subs.items():
            if mark in phrase:
                forms = [phrase.replace(mark, w) for w in words]
                break
        else:
            if plural is None:
                p = phrase.rstrip("_")
                if p.endswith("Y") and not p.endswith(("AY", "EY", "OY")):
                    forms.append(p[:-1] + "IES")
                elif p.endswith(("SS", "SH", "CH", "X")):
                    forms.append(p + "ES")
                elif not p.endswith("S"):
                    forms.append(p + "S")
            else:
                forms += [f for f in plural.strip("{}").split() if f]
        for f in forms:
            k = _phrase(f)
            if k and k not in out:
                out[k] = sector
    return out


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    cur = None
    for raw in lines:
        line = _clean(raw).strip()
        if line.startswith("&"):
            cur = line.rstrip("_")
            sets[cur] = []
        elif cur and line.startswith("+"):
            sets[cur].append(_phrase(line).split(" ")[-1])
        elif line.startswith("---") or line.startswith("-"):
            cur = None
    return sets


def _heads(item: str, synsets: dict[str, list[str]]) -> list[str]:
    """Head word(s) of a pattern noun: the last word of a {braced phrase}, a synset, or a word."""
    item = item.strip("{}").strip()
    if not item:
        return [""]
    last = item.split()[-1]
    if last.startswith("&"):
        return synsets.get(last.rstrip("_"), [])
    if not re.fullmatch(r"[A-Za-z][A-Za-z'-]*", last):
        return []
    return [last.lower()]


def _code(c: str) -> str | None:
    c = c.strip()
    for part in c.split(":"):
        part = part.strip()
        if re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def parse_verbs(path: Path) -> dict:
    """``{"verbs": {form: [block, code]}, "blocks": [[[object, prep, prep_noun, code], ...], ...]}``.

    A verb form is a lower-case verb ("shell") or "verb particle" ("ask for"); its code is its
    own [code] or the block's default (null: the bare verb is no event). Patterns belong to a
    synonym block and apply to every verb of it."""
    lines = path.read_text(encoding="latin-1").splitlines()
    synsets = _synsets(lines)
    verbs: dict[str, list] = {}
    blocks: list[list] = []
    block_code: str | None = None
    for raw in lines:
        line = _clean(raw).strip()
        if not line or line.startswith("&") or line.startswith("~"):
            continue
        m = re.match(r"---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if m:
            blocks.append([])
            block_code = _code(m.group(2))
            continue
        if not blocks:
            continue
        bid = len(blocks) - 1
        if line.startswith("- "):
            pm = re.match(r"-\s*(.*?)\*(.*?)\[([^\]]*)\]", line)
            if not pm:
                continue
            pre, post, code = pm.group(1).strip(), pm.group(2).strip(), _code(pm.group(3))
            if pre or code is None:
                continue  # pre-verb noun constraints are not used by newsgraph
            preps = re.findall(r"\(([^)]*)\)", post)
            obj = re.sub(r"\([^)]*\)", " ", post).replace("$", " ").replace("^", " ").strip()
            if "{" in obj:
                obj = obj[obj.index("{") : obj.index("}") + 1] if "}" in obj else obj
            else:
                obj = obj.split()[-1] if obj.split() else ""
            obj_heads = _heads(obj, synsets) if obj else [""]
            prep, pnouns = "", [""]
            if preps:
                parts = preps[0].split(None, 1)
                prep = parts[0].lower() if parts and re.fullmatch(r"[A-Za-z]+", parts[0]) else ""
                pnouns = _heads(parts[1], synsets) if len(parts) > 1 else [""]
            for o in obj_heads:
                for pn in pnouns:
                    row = [o, prep, pn, code]
                    if (o or prep) and row not in blocks[bid]:
                        blocks[bid].append(row)
            continue
        if line.startswith("+"):  # multi-word verb: keep "verb particle" forms
            word = line.split("{")[0].split("[")[0].strip().lstrip("+")
            if "+" in word or word.count("_") != 1:
                continue
            key = word.lower().replace("_", " ")
            mc = re.search(r"\[([^\]]*)\]", line)
            verbs.setdefault(key, [bid, _code(mc.group(1)) if mc else block_code])
            continue
        m = re.match(r"([A-Z][A-Z'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", line)
        if not m:
            continue
        v = m.group(1).lower()
        code = _code(m.group(3).strip("[]")) if m.group(3) else block_code
        if v not in verbs:
            verbs[v] = [bid, code]
    return {"verbs": verbs, "blocks": blocks}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--petrarch", default=str(ROOT.parent / "shared" / "data" / "petrarch2"))
    args = ap.parse_args(argv)
    src = Path(args.petrarch)
    table: dict = {}
    aliases: dict = {}
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        parse_actors(src / name, table, aliases)
    (DATA / "actors").mkdir(parents=True, exist_ok=True)
    (DATA / "events").mkdir(parents=True, exist_ok=True)
    blob = json.dumps(table, sort_keys=True, separators=(",", ":")).encode()
    with gzip.GzipFile(DATA / "actors" / "actors.json.gz", "wb", mtime=0) as f:
        f.write(blob)
    blob = json.dumps(aliases, sort_keys=True, separators=(",", ":")).encode()
    with gzip.GzipFile(DATA / "actors" / "aliases.json.gz", "wb", mtime=0) as f:
        f.write(blob)
    agents = parse_agents(src / "Phoenix.agents.txt")
    (DATA / "actors" / "agents.json").write_text(json.dumps(agents, sort_keys=True, indent=0) + "\n")
    verbs = parse_verbs(src / "CAMEO.2.0.txt")
    (DATA / "events" / "verbs.json").write_text(json.dumps(verbs, sort_keys=True, separators=(",", ":")) + "\n")
    notice = (
        "Derived by newsgraph (scripts/build_actor_data.py) from the PETRARCH2 dictionaries,\n"
        "https://github.com/openeventdata/petrarch2, under this licence:\n\n"
        + (src / "LICENSE").read_text(encoding="utf-8")
    )
    for sub in ("actors", "events"):
        (DATA / sub / "NOTICE-PETRARCH2.txt").write_text(notice, encoding="utf-8")
    print(
        f"actors: {len(table)} phrases, {len(aliases)} aliases; agents: {len(agents)}; verbs: {len(verbs['verbs'])} "
        f"({sum(len(b) for b in verbs['blocks'])} patterns)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
