"""The helper process that loads the model while the main process reads the cache."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import cache, chunk, ingest, pipeline
from generator.config import ModelMissing
from generator.helper import ModelHelper

from .conftest import FIXTURES, make_project

NEW_ARTICLE = (
    "The harbour master, Ana Ruiz, said the pier would reopen.\n\n"
    '"We are ready," Ruiz told reporters on Monday.\n'
)


def facts_json(facts) -> list[dict]:
    return [cache.facts_to_dict(f) for f in facts]


def test_helper_extracts_what_this_process_extracts(nlp):
    articles = ingest.read_articles([FIXTURES / "articles"])
    helper = ModelHelper()
    got = helper.extract(articles, (), ())
    assert not helper.alive  # one batch, then it exits
    assert facts_json(got) == facts_json(chunk.extract_chunk(articles, (), ()))
    assert any(f.quotes for f in got)


def test_unused_helper_is_stopped():
    helper = ModelHelper()
    assert helper.alive
    helper.close()
    assert not helper.alive


def test_errors_in_the_helper_are_raised_in_the_main_process(nlp, monkeypatch):
    def broken(*args):
        raise ModelMissing("the spaCy model 'nowhere' is not installed")

    monkeypatch.setattr(chunk, "extract_chunk", broken)  # before the fork: inherited
    helper = ModelHelper()
    articles = ingest.read_articles([FIXTURES / "articles"])
    with pytest.raises(ModelMissing, match="'nowhere' is not installed"):
        helper.extract(articles, (), ())
    assert not helper.alive


def test_no_helper_where_the_model_is_already_loaded(nlp):
    assert ModelHelper.start() is None


def test_a_pool_takes_over_from_the_helper_for_many_articles(nlp, monkeypatch):
    helper = ModelHelper()
    used: list[int] = []
    monkeypatch.setattr(ModelHelper, "extract", lambda self, a, *rest: used.append(len(a)))
    articles = ingest.read_articles([FIXTURES / "articles"])
    facts = pipeline.parse_and_extract(articles, workers=2, helper=helper)
    assert used == [] and not helper.alive
    assert [f.article.id for f in facts] == [a.id for a in articles]


def _generate(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_fresh_processes_parse_new_articles_right(tmp_path):
    """As editors run it: each generate a new process, where the helper does the
    parsing; the data equals a cold extraction without cache."""
    project = make_project(tmp_path, seeds_from=FIXTURES / "articles")
    assert _generate(project, "generate").returncode == 0
    (project / "seeds" / "pier.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    r = _generate(project, "generate")
    assert r.returncode == 0, r.stderr
    data = json.loads((project / "site_src" / "data" / "explainer-data.json").read_text())
    cold = _generate(project, "extract", "seeds", "--no-cache")
    assert cold.returncode == 0, cold.stderr
    assert data == json.loads(cold.stdout)
    said = [q["text"] for q in data["quotes"] if q["article"] == "pier"]
    assert "We are ready," in said


def test_missing_model_is_a_clear_error_in_a_fresh_process(tmp_path):
    project = make_project(tmp_path, seeds_from=FIXTURES / "articles")
    r = _generate(project, "generate", EXPLAINER_MODEL="no_such_model_here")
    assert r.returncode == 1
    assert "the spaCy model 'no_such_model_here' is not installed" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (project / "site_src").exists()


def _processes_in(folder: Path) -> list[int]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if Path(os.readlink(proc / "cwd")) == folder:
                    found.append(int(proc.name))
            except OSError:
                continue
    return found


@pytest.mark.skipif(
    not Path("/proc/self/cwd").exists() or (os.cpu_count() or 1) < 2,
    reason="needs /proc, and two cores for a helper",
)
def test_killed_run_leaves_no_helper_behind(tmp_path):
    project = make_project(tmp_path, seeds_from=FIXTURES / "articles").resolve()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "generate"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 30
    while len(_processes_in(project)) < 2 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.01)
    assert len(_processes_in(project)) >= 2  # the run and its helper
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 30
    while _processes_in(project) and time.time() < deadline:
        time.sleep(0.05)
    assert _processes_in(project) == []
