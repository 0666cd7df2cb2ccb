"""The Dask path: `explainer extract --dask local` gives exactly the data of a serial
run, on the fixture articles and on the seeds."""

from __future__ import annotations

import shutil

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


def test_a_bad_address_is_a_usage_error(project):
    r = CliRunner().invoke(main, ["extract", "seeds", "--dask", "somewhere"])
    assert r.exit_code == 2 and "tcp://HOST:PORT" in r.output
