"""``scripts/events_unseen.py`` refuses an offset at or above its step: with step 20, offset 34 draws
offset 14's files again (round 21 found that rounds 19-21 had taken such offsets for fresh
samples)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def _script():
    path = Path(__file__).resolve().parents[1] / "scripts" / "events_unseen.py"
    spec = importlib.util.spec_from_file_location("events_unseen", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize(
    "argv",
    [["--polnear", "--step", "20", "--offset", "34"], ["--offset", "6"], ["--polnear", "--offset", "56"]],
)
def test_an_offset_at_or_above_the_step_is_refused(argv, capsys):
    with pytest.raises(SystemExit) as stop:
        _script().main(argv)
    assert stop.value.code == 2
    assert "not a new sample" in capsys.readouterr().err
