"""A generate killed at any moment leaves site_src/ entirely old or entirely new."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

from .test_cli import tree


def start(project: Path, delay: float) -> subprocess.Popen:
    env = {**os.environ, "EXPLAINER_WRITE_DELAY": str(delay)}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "generate"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("kill_after", [0.0, 0.15, 0.6, None])
def test_killed_generate_leaves_old_or_new(nlp, project, tmp_path_factory, kill_after):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    (project / "site_src" / "guide.md").write_text("# Guide\n")  # a hand-written page
    old = tree(project / "site_src")
    p = project / "seeds" / "plain-note.txt"
    p.write_text(p.read_text() + "\nThe water fell by noon, Piet Vos said.\n")
    # What the new tree is: generate it in a copy.
    ref = tmp_path_factory.mktemp("ref") / "p"
    shutil.copytree(project, ref)
    assert subprocess.run([sys.executable, "-m", "generator", "generate"], cwd=ref).returncode == 0
    new = tree(ref / "site_src")
    assert new != old

    proc = start(project, delay=0.01)
    if kill_after is None:
        assert proc.wait(timeout=120) == 0
    else:
        staging = project / ".site_src.new"
        deadline = time.time() + 120
        while not staging.exists() and proc.poll() is None and time.time() < deadline:
            time.sleep(0.01)
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    now = tree(project / "site_src")
    assert now in (old, new)
    # The next run clears the leftovers and finishes the job.
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert tree(project / "site_src") == new
    assert not (project / ".site_src.new").exists() and not (project / ".site_src.old").exists()
