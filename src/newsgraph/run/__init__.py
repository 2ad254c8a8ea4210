"""Batch runners: the same per-article extraction on local processes or on a Ray cluster.

- ``core.extract_batch(nlp, articles)``: the engine-agnostic step (articles in, records or
  errors out), used by every engine;
- ``local.run_local``: in this process (``workers=1``) or a pool of worker processes, each
  loading the spaCy pipeline once;
- ``ray_runner.run_ray``: Ray Data ``map_batches`` with an actor class that loads the pipeline
  once per actor;
- ``ingest.ingest``: reads sources, skips duplicates, runs an engine, writes to the store.
"""
