"""`explainer generate`, `check` and `build` (what `make site` runs) warn the
editors, one line each and without failing, about what in editorial/ the articles
give nothing for: a topic with no stances on its proposal, a history page with no
events, a question with no evidence, leaders none of whom the articles mention
(the old beat's leaders.yaml on a new beat)."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import ROOT, make_project

HARBOUR = """\
- id: harbour
  name: The harbour
  description: Whether Oslo's harbour stays open to every ship.
  terms: [harbour, ferry]
  history: true
  proposal:
    name: closing the harbour
    terms: [harbour]
    actions: [close, closing]
  questions:
    - question: Who wants the harbour closed?
"""

OSLO = """\
- {name: Marianne Borgen, office: Mayor, country: Norway, start: 2015-10-21}
- {name: Raymond Johansen, office: Governing Mayor, country: Norway, start: 2015-10-21}
"""

NO_STANCES = "warning: topics.yaml: topic 'harbour' found no stances"
NO_HISTORY = "warning: topics.yaml: topic 'harbour' has a history page but"
NO_EVIDENCE = "warning: topics.yaml: topic 'harbour', question 'Who wants the harbour closed?'"
NO_LEADER = "warning: leaders.yaml: none of its 2 leaders is mentioned"


@pytest.mark.parametrize(
    ("topics", "leaders", "expected", "commands"),
    [
        # the seeds' own beat: nothing to warn about
        (None, None, [], ("generate", "check", "build")),
        (HARBOUR, None, [NO_STANCES, NO_HISTORY, NO_EVIDENCE], ("generate", "check")),
        (None, OSLO, [NO_LEADER], ("generate", "check")),
        (
            HARBOUR,
            OSLO,
            [NO_STANCES, NO_HISTORY, NO_EVIDENCE, NO_LEADER],
            ("generate", "check", "build"),
        ),
    ],
)
def test_editor_warnings(nlp, tmp_path, monkeypatch, topics, leaders, expected, commands):
    make_project(tmp_path, seeds_from=ROOT / "seeds")
    if "build" in commands:
        shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
        shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
        shutil.copytree(ROOT / "site_src" / "assets", tmp_path / "site_src" / "assets")
    monkeypatch.chdir(tmp_path)
    if topics:
        (tmp_path / "editorial" / "topics.yaml").write_text(topics, encoding="utf-8")
        (tmp_path / "editorial" / "site.yaml").write_text("title: Harbour\n", encoding="utf-8")
    if leaders:
        (tmp_path / "editorial" / "leaders.yaml").write_text(leaders, encoding="utf-8")
    for command in commands:
        r = CliRunner().invoke(main, [command])
        assert r.exit_code == 0, (command, r.output)  # warnings, not errors
        warned = [line for line in r.output.splitlines() if line.startswith("warning:")]
        assert len(warned) == len(expected), warned
        for line, want in zip(warned, expected, strict=True):
            assert line.startswith(want), (line, want)


def test_a_history_with_no_events_says_so_and_is_not_offered(nlp, tmp_path, monkeypatch):
    """On a new beat most topics' histories are empty at first: the page says so,
    and the home page's "How we got here" offers only histories with something in
    them (the seeds' freezes, not the harbour)."""
    make_project(tmp_path, seeds_from=ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    topics = tmp_path / "editorial" / "topics.yaml"
    topics.write_text(topics.read_text(encoding="utf-8") + HARBOUR, encoding="utf-8")
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 0, r.output
    site_src = tmp_path / "site_src"
    assert "recount no events" in (site_src / "history" / "harbour.md").read_text()
    assert "recount no events" not in (site_src / "history" / "freezes.md").read_text()
    home = (site_src / "index.md").read_text()
    assert "history/freezes.md" in home
    assert "history/harbour.md" not in home
