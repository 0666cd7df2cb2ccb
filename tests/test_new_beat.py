"""An editor starts a new beat by changing editorial/ alone: the site's name comes
from site.yaml (mkdocs.yml's site_name follows it, and `explainer check` names it
when it does not), and no nav entry names a topic of the old beat, so the strict
build of the new beat passes with mkdocs.yml untouched by hand."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT, mkdocs_build

TOPICS = """\
- id: harbour
  name: The harbour
  description: Whether Oslo's harbour stays open to every ship.
  terms: [harbour, ship, closure]
  history: true
  proposal:
    name: closing the harbour
    terms: [harbour]
    actions: [close, closing]
"""


def run(*args, code=0):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == code, r.output
    return r


def test_a_new_beat_from_editorial_alone(nlp, project):
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "site_src" / "assets", project / "site_src" / "assets")
    (project / "editorial" / "site.yaml").write_text(
        'title: "Oslo\'s harbour: # not a comment"\nintro: The harbour, explained.\n',
        encoding="utf-8",
    )
    (project / "editorial" / "topics.yaml").write_text(TOPICS, encoding="utf-8")
    run("generate")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Oslo\'s harbour: # not a comment"' in config
    assert "freezes" not in config and "sanctions" not in config
    run("check")
    mkdocs_build(project, project / "site")
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "<title>Oslo&#39;s harbour: # not a comment</title>" in home or (
        "<title>Oslo&#x27;s harbour: # not a comment</title>" in home
    )
    assert (project / "site" / "history" / "harbour" / "index.html").exists()
    # An mkdocs.yml edited by hand away from the editors' title is named by check.
    (project / "mkdocs.yml").write_text(
        config.replace('"Oslo\'s harbour: # not a comment"', "Old beat"), encoding="utf-8"
    )
    r = run("check", code=1)
    assert "stale: mkdocs.yml" in r.output
