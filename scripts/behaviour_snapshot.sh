#!/usr/bin/env bash
# A snapshot of what newsgraph outputs, to show a refactoring changes no behaviour: the sample
# records (JSON lines and the readable summary with every quote) and the quick evaluation
# figures with their per-item dumps. Timings and the checkout's own path are blanked, so two
# snapshots of equal behaviour are byte-identical:
#
#   bash scripts/behaviour_snapshot.sh /work/main /tmp/before     # any checkout with a .venv
#   bash scripts/behaviour_snapshot.sh . /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# NEWSGRAPH_BIN overrides the newsgraph command (default: CHECKOUT/.venv/bin/newsgraph).
# About 3 minutes on a quiet machine; reads ../shared/data next to the checkout.
set -uo pipefail
WT=$(cd "${1:-.}" && pwd); OUT=${2:?usage: behaviour_snapshot.sh CHECKOUT OUTDIR}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd); cd "$WT"
NG="nice -n 10 ${NEWSGRAPH_BIN:-$WT/.venv/bin/newsgraph}"
$NG extract --sample --format jsonl --no-progress > "$OUT/sample.jsonl" 2> "$OUT/sample.err"
$NG extract --sample --format pretty --no-progress --min-confidence 0 --time-limit 0 > "$OUT/sample-pretty.out" 2>> "$OUT/sample.err"
$NG eval polnear --split train --limit 25 --worst 3 --dump "$OUT/polnear.jsonl" > "$OUT/polnear.txt" 2>&1
$NG eval plover --split all --json > "$OUT/plover.json" 2>&1
$NG eval events --split tune --limit 10 --dump "$OUT/events.jsonl" --json > "$OUT/events.json" 2>&1
$NG eval timebank --limit 12 --dump "$OUT/timebank.jsonl" > "$OUT/timebank.txt" 2>&1
$NG eval gwn --limit 15 --dump "$OUT/gwn.jsonl" > "$OUT/gwn.txt" 2>&1
$NG eval responses --split tune --json --dump "$OUT/responses.jsonl" > "$OUT/responses.json" 2>&1
$NG eval stories --split tune --json > "$OUT/stories.json" 2>&1
for f in "$OUT"/*.txt "$OUT"/*.json; do
  sed -i -E -e "s|$OUT|OUT|g" -e 's/[0-9]+(\.[0-9]+)? ?(s|articles\/s|docs\/s)\b/T/g' \
            -e 's/"seconds": [0-9.]+/"seconds": null/' "$f"
done
sed -i "s|$WT/|CHECKOUT/|g" "$OUT/sample.jsonl"
echo "snapshot in $OUT"
