"""The command line, end to end, with click's CliRunner (the model is loaded once)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from generator.cli import main

from .conftest import FIXTURES, ROOT, SHARED

SCHEMA = FIXTURES / "contract" / "explainer-data.schema.json"


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_help_lists_commands():
    r = CliRunner().invoke(main, ["--help"])
    assert r.exit_code == 0
    for cmd in ("extract", "generate"):
        assert cmd in r.output


def test_unknown_option_is_an_error():
    r = CliRunner().invoke(main, ["extract", "--frobnicate", "seeds"])
    assert r.exit_code == 2
    assert "No such option '--frobnicate'" in r.output


def test_vendored_schema_is_the_shared_contract():
    shared = SHARED / "contract" / "explainer-data.schema.json"
    if not shared.exists():
        pytest.skip("../shared is absent")
    assert json.loads(shared.read_text()) == json.loads(SCHEMA.read_text())


@pytest.fixture(scope="module")
def seeds_json(tmp_path_factory, nlp):
    out = tmp_path_factory.mktemp("x") / "out.json"
    r = CliRunner().invoke(main, ["extract", str(ROOT / "seeds"), "--output", str(out)])
    assert r.exit_code == 0, r.output
    return json.loads(out.read_text(encoding="utf-8"))


def test_extract_seeds_is_valid_against_the_contract(seeds_json):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(seeds_json)
    assert [a["id"] for a in seeds_json["articles"]] == [
        "000-d467db3020d79956",
        "002-54ec939b7ca5568c",
    ]
    assert len(seeds_json["actors"]) > 20


def test_extract_stdout_and_stable(nlp, project):
    r1 = CliRunner().invoke(main, ["extract", "seeds"])
    r2 = CliRunner().invoke(main, ["extract", "seeds/"])
    assert r1.exit_code == 0, r1.output
    assert r1.output == r2.output
    data = json.loads(r1.output)
    assert {a["id"] for a in data["articles"]} == {"budget-vote", "harbour-talks", "plain-note"}
    assert data["articles"][0]["path"] == "seeds/budget-vote.md"


def test_extract_bad_input_names_the_file_and_writes_nothing(project):
    (project / "seeds" / "broken.md").write_text("---\ntitle: [x\n---\nbody\n", encoding="utf-8")
    out = project / "out.json"
    r = CliRunner().invoke(main, ["extract", "seeds", "--output", str(out)])
    assert r.exit_code == 1
    assert "broken.md:2: malformed YAML" in r.output
    assert not out.exists()


def test_generate_is_deterministic_and_keeps_hand_pages(nlp, project):
    site = project / "site_src"
    (site / "guides").mkdir(parents=True)
    (site / "guides" / "about.md").write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
    (site / "index.md").write_text("# Our own home page\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 0, r.output
    first = tree(site)
    assert first["guides/about.md"] == b"# About\n\nWritten by hand.\n"
    # An editor's page at a generated page's path wins.
    assert first["index.md"] == b"# Our own home page\n"
    assert "articles/harbour-talks.md" in first
    assert "index.md" not in (site / ".generated").read_text().splitlines()
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 0
    assert tree(site) == first


def test_generate_removes_pages_of_removed_articles(nlp, project):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert (project / "site_src" / "articles" / "plain-note.md").exists()
    (project / "seeds" / "plain-note.txt").unlink()
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    assert not (project / "site_src" / "articles" / "plain-note.md").exists()


def test_failed_generate_leaves_site_src_as_it_was(nlp, project):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    (project / "site_src" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    before = tree(project / "site_src")
    (project / "seeds" / "empty.txt").write_text("", encoding="utf-8")
    r = CliRunner().invoke(main, ["generate"])
    assert r.exit_code == 1
    assert "empty.txt: is empty" in r.output
    assert tree(project / "site_src") == before


def test_generate_renders_article_with_paragraph_anchors(nlp, project):
    assert CliRunner().invoke(main, ["generate"]).exit_code == 0
    page = (project / "site_src" / "articles" / "budget-vote.md").read_text(encoding="utf-8")
    assert page.startswith("# Council Passes the Budget\n")
    for n in (1, 2, 3):
        assert f"{{: #p-{n} .para }}" in page
