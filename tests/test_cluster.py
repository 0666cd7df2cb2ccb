"""The Dask path: `explainer extract --dask local` gives exactly the data of a serial
run, on the fixture articles and on the seeds."""

from __future__ import annotations

import http.server
import shutil
import socket
import threading
import time

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT


def extract(*args: str) -> None:
    r = CliRunner().invoke(main, ["extract", *args])
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("corpus", ["fixtures", "seeds"])
def test_dask_local_gives_the_data_of_a_serial_run(nlp, project, corpus):
    if corpus == "seeds":
        shutil.rmtree(project / "seeds")
        shutil.copytree(ROOT / "seeds", project / "seeds")
    extract("seeds", "--no-cache", "-o", "serial.json")
    extract("seeds", "--dask", "local", "-o", "dask.json")
    serial = (project / "serial.json").read_text()
    assert serial == (project / "dask.json").read_text()
    assert '"quotes": [' in serial
    # The cluster's results went into the cache: a serial run now parses nothing.
    extract("seeds", "-o", "cached.json")
    assert (project / "cached.json").read_text() == serial


def test_an_unreachable_scheduler_is_one_line(project):
    r = CliRunner().invoke(main, ["extract", "seeds", "--no-cache", "--dask", "tcp://127.0.0.1:9"])
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [r.output.strip()]
    assert "no Dask scheduler at tcp://127.0.0.1:9" in r.output


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("somewhere", "tcp://HOST:PORT"),
        ("tls://127.0.0.1:8786", "TLS needs certificates"),
        ("tcp://127.0.0.1:99999", "a port from 1 to 65535"),
        ("tcp://127.0.0.1", "a port from 1 to 65535"),
        ("tcp://:8786", "not a scheduler address"),
        ("tcp://127.0.0.1:x\x1b[2J", "not a scheduler address"),
    ],
)
def test_a_bad_address_is_one_line(project, address, said):
    r = CliRunner().invoke(main, ["extract", "seeds", "--dask", address])
    assert r.exit_code == 1 and said in r.output, r.output
    assert r.output.startswith("Error: ") and r.output.count("\n") == 1
    assert "\x1b" not in r.output


# Listeners on 127.0.0.1 only, standing for what may answer at a scheduler's address.


class _Listener:
    """A server on 127.0.0.1 that accepts and then says `greeting` (or nothing)."""

    def __init__(self, greeting: bytes = b"") -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.greeting = greeting
        self.conns: list[socket.socket] = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.sock.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            if self.greeting:
                conn.sendall(self.greeting)

    def close(self) -> None:
        self.sock.close()
        for c in self.conns:
            c.close()


@pytest.mark.parametrize(
    ("greeting", "said"),
    [
        (b"", "no answer in 1 s"),  # a listener that never answers
        (b"HTTP/1.1 400 Bad Request\r\n\r\n", "something else answers there"),
        (b"SSH-2.0-OpenSSH_9.6\r\n", "something else answers there"),
        (b"\x00" * 8, "something else answers there"),
    ],
)
def test_what_is_not_a_scheduler_is_one_line_in_seconds(project, monkeypatch, greeting, said):
    from generator import cluster

    monkeypatch.setattr(cluster, "CONNECT_WAIT", 1.0)
    listener = _Listener(greeting)
    try:
        started = time.monotonic()
        r = CliRunner().invoke(main, ["extract", "seeds", "--no-cache", "--dask", listener.address])
    finally:
        listener.close()
    assert r.exit_code == 1, r.output
    assert r.output.startswith("Error: ") and r.output.count("\n") == 1, r.output
    assert said in r.output
    assert time.monotonic() - started < 30


def test_an_http_server_is_not_a_scheduler(project, monkeypatch):
    from generator import cluster

    monkeypatch.setattr(cluster, "CONNECT_WAIT", 1.0)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        address = f"tcp://127.0.0.1:{httpd.server_address[1]}"
        r = CliRunner().invoke(main, ["extract", "seeds", "--no-cache", "--dask", address])
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert r.exit_code == 1 and "no Dask scheduler" in r.output and r.output.count("\n") == 1


def test_a_scheduler_without_workers_is_one_line(project, monkeypatch):
    from distributed import LocalCluster

    from generator import cluster

    monkeypatch.setattr(cluster, "WORKER_WAIT", 2.0)
    with LocalCluster(
        n_workers=0,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        scheduler_port=0,
        dashboard_address=None,
    ) as lc:
        r = CliRunner().invoke(
            main, ["extract", "seeds", "--no-cache", "--dask", lc.scheduler_address]
        )
    assert r.exit_code == 1, r.output
    assert r.output.count("\n") == 1 and "has no workers (waited 2 s)" in r.output
