"""The extraction cache: reused when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator import pipeline
from generator.cli import main


@pytest.fixture
def counted(monkeypatch):
    """Record which articles are parsed."""
    parsed: list[str] = []
    real = pipeline.parse_and_extract

    def spy(articles, *args, **kwargs):
        parsed.extend(a.id for a in articles)
        return real(articles, *args, **kwargs)

    monkeypatch.setattr(pipeline, "parse_and_extract", spy)
    return parsed


def run(*args):
    r = CliRunner().invoke(main, list(args))
    assert r.exit_code == 0, r.output
    return r


def test_only_new_or_changed_articles_are_parsed(nlp, project, counted):
    run("generate")
    assert sorted(counted) == ["budget-vote", "harbour-talks", "plain-note"]
    counted.clear()
    run("generate")
    assert counted == []
    (project / "seeds" / "new-one.txt").write_text("The mayor, Ana Ruiz, said it rained.\n")
    run("generate")
    assert counted == ["new-one"]
    counted.clear()
    p = project / "seeds" / "plain-note.txt"
    p.write_text(p.read_text() + "\nOne more paragraph.\n")
    run("generate")
    assert counted == ["plain-note"]


def test_same_output_with_and_without_cache(nlp, project):
    cold = run("extract", "seeds", "--no-cache").output
    run("extract", "seeds")
    warm = run("extract", "seeds").output
    assert warm == cold


@pytest.mark.parametrize("damage", ["garbage{", '{"key": "other", "facts": {}}', ""])
def test_damaged_entries_are_rebuilt(nlp, project, counted, damage):
    run("generate")
    entry = project / ".cache" / "explainer" / "plain-note.json"
    entry.write_text(damage)
    counted.clear()
    run("generate")
    assert counted == ["plain-note"]
    assert json.loads(entry.read_text())["key"] != "other"


def test_deleted_cache_and_changed_editor_files_redo_the_work(nlp, project, counted):
    run("generate")
    counted.clear()
    import shutil

    shutil.rmtree(project / ".cache")
    run("generate")
    assert len(counted) == 3
    counted.clear()
    leaders = project / "editorial" / "leaders.yaml"
    leaders.write_text(leaders.read_text() + "\n")
    run("generate")
    assert len(counted) == 3
    counted.clear()
    # Curation is applied after the cache: editing it parses nothing.
    (project / "editorial" / "curation.yaml").write_text("drop:\n  - piet-vos\n")
    run("generate")
    assert counted == []
    assert not (project / "site_src" / "actors" / "piet-vos.md").exists()


def test_entries_of_removed_articles_are_pruned(nlp, project):
    run("generate")
    (project / "seeds" / "plain-note.txt").unlink()
    run("generate")
    assert not (project / ".cache" / "explainer" / "plain-note.json").exists()


def test_kept_pages_equal_a_full_render(nlp, project):
    run("generate")
    (project / "seeds" / "new-one.txt").write_text("The mayor, Marit Berg, said it rained.\n")
    run("generate")  # most pages kept from the last run
    run("check")  # renders everything afresh: nothing may differ
    # A generated page edited by hand is written again, not kept.
    page = project / "site_src" / "actors" / "piet-vos.md"
    original = page.read_text()
    page.write_text("edited\n")
    run("generate")
    assert page.read_text() == original
    # A template change renders everything again.
    tpl = project / "templates" / "actor.md.j2"
    tpl.write_text(tpl.read_text() + "\nTemplate changed.\n")
    run("generate")
    assert page.read_text().endswith("Template changed.\n")
