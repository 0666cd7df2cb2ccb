"""Per-article extraction on a Dask distributed cluster.

A newsroom's archive (10^5 to 10^6 articles) outgrows one machine's parse. Here the
articles to parse go out in chunks to the workers of a Dask cluster: `local` starts
a `LocalCluster` on this machine (one single-threaded worker process per core),
`tcp://HOST:PORT` uses a running scheduler. Each worker process loads the model once
(`nlp.load` is cached per process) and extracts whole articles, exactly as the
serial path does (`pipeline._extract_chunk`), so the data is the same; the main
process reads and writes the cache and does the cross-article steps.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable

from generator.model import Article, ArticleFacts


class ClusterError(RuntimeError):
    """The cluster could not be reached or failed; the message says how."""


def _run_chunk(articles, leaders, specs, model):
    from generator import pipeline

    return pipeline._extract_chunk(articles, leaders, specs, model=model)


def extract(
    articles: list[Article],
    leaders: tuple,
    specs: tuple,
    address: str,
    model: str,
    progress: Callable[[Iterable], Iterable] = lambda x: x,
) -> list[ArticleFacts]:
    """The facts of `articles`, in their order, computed on the cluster at `address`
    ('local' for a LocalCluster here)."""
    from distributed import Client, LocalCluster, as_completed

    from generator.pipeline import _chunks

    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=max(1, min(os.cpu_count() or 1, 4)),
                threads_per_worker=1,  # spaCy's parse holds the GIL: processes, not threads
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"no Dask scheduler at {address}: {e}") from e
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(articles, workers * 6)
        futures = [
            client.submit(_run_chunk, chunk, leaders, specs, model, pure=False) for chunk in chunks
        ]
        order = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[ArticleFacts]] = {}
        for future in progress(as_completed(futures)):
            done[order[future.key]] = future.result()
        return [f for i in range(len(chunks)) for f in done[i]]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
