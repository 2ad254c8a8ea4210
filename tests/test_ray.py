"""`newsgraph ingest --engine ray` against a local Ray instance (2 CPUs, no dashboard): the
same records as the local engine, into the store and as Parquet partitions."""

from __future__ import annotations

import json
import os

import pytest

from newsgraph.samples import sample_path
from newsgraph.store import open_store


@pytest.fixture(scope="module")
def ray_local():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("ray is not installed (setup.sh installs the [ray] extra)")
        pytest.skip("ray not installed (pip install 'newsgraph[ray]')")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_ray_engine_stores_the_same_records(ray_local, sample_records, tmp_path):
    from newsgraph.run.ingest import ingest

    store = open_store(str(tmp_path / "ray.db"))
    s = ingest([str(sample_path())], store, engine="ray", workers=2, show_progress=False)
    assert (s.stored, s.duplicates, s.failed) == (3, 0, 0)
    for rid, rec in sample_records.items():
        assert store.get_record(rid).to_dict() == rec.to_dict()
    # a second run skips them all before they reach Ray
    s = ingest([str(sample_path())], store, engine="ray", workers=2, show_progress=False)
    assert (s.stored, s.duplicates) == (0, 3)
    store.close()


@pytest.mark.slow
def test_ray_parquet_partitions(ray_local, sample_records, tmp_path):
    import pyarrow.dataset as pads

    from newsgraph.run.ingest import ingest

    out = tmp_path / "parts"
    s = ingest([str(sample_path())], None, engine="ray", workers=2, parquet=str(out), show_progress=False)
    assert s.stored == 3
    table = pads.dataset(str(out), format="parquet").to_table()
    assert set(table.column_names) == {"article", "record", "error"}
    records = {json.loads(r)["id"]: json.loads(r) for r in table.column("record").to_pylist() if r}
    assert records == {rid: rec.to_dict() for rid, rec in sample_records.items()}
    # the partitions load into a store as they are (no second extraction)
    store = open_store(str(tmp_path / "from-parquet.db"))
    s = ingest([str(out)], store, records=True, show_progress=False)
    assert (s.stored, s.failed) == (3, 0)
    assert store.get_record("sample-summit").to_dict() == records["sample-summit"]
    store.close()


@pytest.mark.slow
def test_ray_parquet_counts_failures(ray_local, tmp_path, monkeypatch):
    """An article the input contract refuses is named by its line and the run goes on."""
    from newsgraph.run.ingest import ingest

    f = tmp_path / "two.jsonl"
    f.write_text(
        json.dumps({"id": "ok", "text": "The minister resigned on Tuesday."})
        + "\n"
        + json.dumps({"id": "long", "text": "x" * 2_000_001})
        + "\n",
        encoding="utf-8",
    )
    s = ingest([str(f)], None, engine="ray", workers=2, parquet=str(tmp_path / "parts"), show_progress=False)
    assert (s.stored, s.failed) == (1, 1)
    assert s.failures[0].endswith("two.jsonl:2: article too long (2,000,001 characters > 1,000,000); split it")
