"""Per-article extraction on a Dask distributed cluster.

A newsroom's archive (10^5 to 10^6 articles) outgrows one machine's parse. Here the
articles to parse go out in chunks to the workers of a Dask cluster: `local` starts
a `LocalCluster` on this machine (one single-threaded worker process per core),
`tcp://HOST:PORT` uses a running scheduler. Each worker process loads the model once
(`nlp.load` is cached per process) and extracts whole articles, exactly as the
serial path does (`chunk.extract_chunk`), so the data is the same; the main
process reads and writes the cache and does the cross-article steps.
"""

from __future__ import annotations

import logging
import os
import socket
import struct
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from generator.escape import plain
from generator.model import Article, ArticleFacts


class ClusterError(RuntimeError):
    """The cluster could not be reached or failed; the message says how."""


# Seconds to wait: for a scheduler to answer a connection, and for its first worker.
CONNECT_WAIT = 10.0
WORKER_WAIT = float(os.environ.get("EXPLAINER_DASK_WORKER_WAIT") or 60)
_MAX_HANDSHAKE = 1 << 24  # bytes: a scheduler's greeting is a few hundred


def check_address(address: str) -> tuple[str, int]:
    """HOST and PORT of `tcp://HOST:PORT`; a ClusterError says what is wrong."""
    if address.startswith("tls://"):
        raise ClusterError(
            f"{plain(address)[:80]}: TLS needs certificates, which this command does not "
            "take; use tcp://HOST:PORT on a trusted network"
        )
    try:
        parts = urlsplit(address)
        port, host = parts.port, parts.hostname
    except ValueError:
        parts, port, host = None, None, None
    if parts is None or parts.scheme != "tcp" or not host or port is None or not 0 < port < 65536:
        raise ClusterError(
            f"{plain(address)[:80]}: not a scheduler address; use 'local' or "
            "tcp://HOST:PORT (a port from 1 to 65535)"
        )
    return host, port


def probe(address: str, wait: float | None = None) -> None:
    """Whether a Dask scheduler answers at `address`, asked in a few seconds at most:
    a scheduler greets a new connection at once with a short message (its length
    first, 8 bytes). Anything else (no answer, an HTTP server waiting for a request,
    a banner that would read as exabytes) is refused here, before Dask's client
    waits or allocates on it."""
    host, port = check_address(address)
    wait = CONNECT_WAIT if wait is None else wait
    try:
        with socket.create_connection((host, port), timeout=wait) as sock:
            sock.settimeout(wait)
            head = b""
            while len(head) < 8:
                more = sock.recv(8 - len(head))
                if not more:
                    raise ClusterError(f"no Dask scheduler at {address}: it hung up")
                head += more
    except TimeoutError:
        raise ClusterError(f"no Dask scheduler at {address}: no answer in {wait:.0f} s") from None
    except OSError as e:
        raise ClusterError(f"no Dask scheduler at {address}: {e.strerror or e}") from None
    (size,) = struct.unpack("<Q", head)
    if not 0 < size < _MAX_HANDSHAKE:
        raise ClusterError(f"no Dask scheduler at {address}: something else answers there")


def _run_chunk(articles, leaders, specs, model):
    from generator import chunk

    return chunk.extract_chunk(articles, leaders, specs, model=model)


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

    from generator.chunk import chunks as _chunks

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
            probe(address)
            client = Client(address, timeout=f"{CONNECT_WAIT:.0f}s")
    except ClusterError:
        raise
    except Exception as e:  # noqa: BLE001 - whatever Dask raises, one line
        raise ClusterError(f"no Dask scheduler at {address}: {plain(str(e))[:200]}") from e
    try:
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT)
        except TimeoutError:
            raise ClusterError(
                f"the Dask scheduler at {address} has no workers (waited {WORKER_WAIT:.0f} s); "
                "start some with 'dask worker'"
            ) from None
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        chunks = _chunks(articles, workers * 6)
        futures = [
            client.submit(_run_chunk, chunk, leaders, specs, model, pure=False) for chunk in chunks
        ]
        order = {f.key: i for i, f in enumerate(futures)}
        done: dict[int, list[ArticleFacts]] = {}
        try:
            for future in progress(as_completed(futures)):
                done[order[future.key]] = future.result()
        except (OSError, TimeoutError) as e:
            raise ClusterError(
                f"the Dask cluster at {address} failed: {plain(str(e))[:200]}"
            ) from e
        return [f for i in range(len(chunks)) for f in done[i]]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
