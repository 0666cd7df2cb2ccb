"""The extraction cache: reused when nothing changed, rebuilt when anything did."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

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


@pytest.fixture
def parsed_files(monkeypatch):
    """Record which article files ingest parses (rather than takes from the pack)."""
    from generator import ingest

    seen: list[str] = []
    real = ingest.parse_markdown, ingest.parse_seed, ingest.blank_line_paragraphs

    def spy(i):
        def inner(*args, **kwargs):
            seen.append(str(args[0])[:40])
            return real[i](*args, **kwargs)

        return inner

    monkeypatch.setattr(ingest, "parse_markdown", spy(0))
    monkeypatch.setattr(ingest, "parse_seed", spy(1))
    monkeypatch.setattr(ingest, "blank_line_paragraphs", spy(2))
    return seen


def test_a_warm_run_takes_articles_and_facts_from_the_pack(
    nlp, project, parsed_files, counted, monkeypatch
):
    from generator import cache

    run("generate")
    assert parsed_files and sorted(counted) == ["budget-vote", "harbour-talks", "plain-note"]
    parsed_files.clear()
    counted.clear()
    entries_read: list[str] = []
    real = cache.facts_from_dict

    def spy(d, article):
        entries_read.append(article.id)
        return real(d, article)

    monkeypatch.setattr(cache, "facts_from_dict", spy)
    # Nothing parsed, and not even the per-article entries read...
    run("generate")
    assert parsed_files == [] and counted == [] and entries_read == []
    # ...but an edited article is read again.
    p = project / "seeds" / "plain-note.txt"
    p.write_text(p.read_text() + "\nOne more paragraph.\n")
    run("generate")
    assert counted == ["plain-note"] and len(parsed_files) == 1


@pytest.mark.parametrize("damage", [b"garbage", b"", b"\x80\x04\x95"])
def test_a_damaged_pack_is_ignored(nlp, project, counted, damage):
    run("generate")
    first = (project / "site_src" / "index.md").read_text()
    (project / ".cache" / "explainer" / "_pack.json").write_bytes(damage)
    counted.clear()
    run("generate")
    assert counted == []  # the per-article entries still hold
    assert (project / "site_src" / "index.md").read_text() == first
    run("check")


def test_unchanged_pages_are_kept_not_rewritten(nlp, project):
    run("generate")
    page = project / "site_src" / "actors" / "piet-vos.md"
    article = project / "site_src" / "articles" / "harbour-talks.md"
    before = page.stat(), article.stat()
    (project / "seeds" / "new-one.txt").write_text("The mayor, Marit Berg, said it rained.\n")
    run("generate")
    after = page.stat(), article.stat()
    # The same file (linked into the new tree), not a copy written again.
    assert [(s.st_ino, s.st_mtime_ns) for s in before] == [(s.st_ino, s.st_mtime_ns) for s in after]
    run("check")


def test_generate_leaves_the_garbage_collector_as_it_found_it(nlp, project):
    import gc

    assert gc.isenabled()
    run("generate")
    assert gc.isenabled()


class _Pwn:
    """Unpickling this runs a shell command (as a crafted pickle would)."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_crafted_cache_runs_no_code(nlp, project):
    """A pickle planted where the pack is (and where older versions kept it) is
    never unpickled, by generate or by the read-only check."""
    run("generate")
    marker = project / "pwned"
    payload = pickle.dumps({"format": 2, "env": "x", "articles": _Pwn(marker)})
    folder = project / ".cache" / "explainer"
    (folder / "pack.pickle").write_bytes(payload)
    (folder / "_pack.json").write_bytes(payload)
    for entry in folder.glob("*.json"):
        if entry.name != "_pack.json":
            entry.write_bytes(payload)
    run("check")
    run("generate")
    assert not marker.exists()
    run("check")


def test_crafted_facts_in_the_cache_are_not_trusted(nlp, project):
    """A well-formed cache entry that puts a path or markup where the site expects an
    id (a quote id becomes an HTML id, an article id a file name) is recomputed."""
    run("generate")
    folder = project / ".cache" / "explainer"
    pack = json.loads((folder / "_pack.json").read_text())
    key, row = next(iter(pack["articles"].items()))
    pack["articles"][key] = ["../../pwned", *row[1:]]
    (folder / "_pack.json").write_text(json.dumps(pack))
    entry = folder / "harbour-talks.json"
    data = json.loads(entry.read_text())
    data["facts"]["quotes"][0]["id"] = 'x" onmouseover="alert(1)'
    entry.write_text(json.dumps(data))
    run("generate")
    assert not (project / "pwned.md").exists()
    # os.walk, not rglob: the last tree is being removed in the background meanwhile.
    assert not [f for _, _, fs in os.walk(project) for f in fs if f.startswith("pwned")]
    page = (project / "site_src" / "articles" / "harbour-talks.md").read_text()
    assert "onmouseover" not in page
    run("check")


def test_the_pack_round_trips_exactly():
    from generator import cache
    from generator.model import Article, ArticleFacts, Entity, Event, Mention, Quote, Role

    art = Article(
        id="a-1",
        path="seeds/a.md",
        title="T",
        paragraphs=("Ana Lind said hi.", "More."),
        date="2020-01-02",
        authors=("X",),
        format="markdown",
    )
    facts = ArticleFacts(
        article=art,
        entities=(
            Entity(
                "person:ana lind",
                "Ana Lind",
                "person",
                ("Lind",),
                (Role("mayor", "Norway", "a-1"),),
                "Norway",
                (Mention(0, 0, 8, "Ana Lind"),),
            ),
        ),
        quotes=(Quote("a-1-q1", "a-1", 0, 14, 16, "hi", "person:ana lind", "indirect", "said"),),
        events=(Event("a-1-e1", "2020", "t", "s", "a-1", 1, ("person:ana lind",), ("x",)),),
        paragraph_topics=((("x", 1),), ()),
    )
    text = cache._pack("env", {"h": art}, {"a-1": ((1, 2, 3), facts)})
    memo, packed = cache._unpack(json.loads(text))
    assert memo == {"h": art} and packed == {"a-1": ((1, 2, 3), facts)}
    assert packed["a-1"][1].article is memo["h"]


@pytest.mark.parametrize(
    "craft",
    [
        "date-abcd",
        "speaker-list",
        "name-int",
        "aliases-dict",
        "cue-list",
        "topics-str",
        "role-title-none",
    ],
)
def test_an_entry_that_fails_validation_is_rebuilt(nlp, project, counted, craft):
    """Well-formed JSON with a field of the wrong type or a date that is none: the
    entry is parsed again, never a traceback, and the next run (with or without
    --no-cache) is clean."""
    run("generate")
    clean = {p: (project / "site_src" / p).read_text() for p in ("index.md", "timeline.md")}
    entry = project / ".cache" / "explainer" / "harbour-talks.json"
    data = json.loads(entry.read_text())
    f = data["facts"]
    if craft == "date-abcd":
        f["events"] = [
            {
                "id": "harbour-talks-e1",
                "date": "abcd",
                "title": "T",
                "summary": "S",
                "article": "harbour-talks",
                "paragraph": 0,
                "actors": [],
                "topics": [],
            }
        ]
    elif craft == "speaker-list":
        f["quotes"][0]["speaker"] = ["a", "b"]
    elif craft == "name-int":
        f["entities"][0]["name"] = 5
    elif craft == "aliases-dict":
        f["entities"][0]["aliases"] = {"a": 1}
    elif craft == "cue-list":
        f["quotes"][0]["cue"] = ["said"]
    elif craft == "topics-str":
        f["quotes"][0]["topics"] = "harbour"
    elif craft == "role-title-none":
        f["entities"][0]["roles"] = [{"title": None, "affiliation": None, "article": "x"}]
    entry.write_text(json.dumps(data))
    counted.clear()
    run("generate")
    assert counted == ["harbour-talks"]
    assert json.loads(entry.read_text())["facts"] != f
    run("generate", "--no-cache")
    run("generate")
    run("check")
    assert {p: (project / "site_src" / p).read_text() for p in clean} == clean


@pytest.mark.parametrize("craft", ["id-index", "paragraph-over-limit", "title-over-limit"])
def test_a_crafted_pack_cannot_say_what_ingest_refuses(nlp, project, craft):
    from generator import ingest, textformats

    run("generate")
    folder = project / ".cache" / "explainer"
    pack = json.loads((folder / "_pack.json").read_text())
    for key, row in pack["articles"].items():
        if craft == "id-index":
            row[0] = "index"
        elif craft == "paragraph-over-limit":
            row[3] = ["w" * (ingest.MAX_PARAGRAPH + 1)]
        else:
            row[2] = "T" * (textformats.MAX_META + 1)
        pack["articles"][key] = row
    (folder / "_pack.json").write_text(json.dumps(pack))
    before = (project / "site_src" / "articles" / "index.md").read_text()
    run("generate")
    assert (project / "site_src" / "articles" / "index.md").read_text() == before
    assert all(
        len(p.read_text()) < 200_000 and len(p.read_text()) < ingest.MAX_PARAGRAPH * 4
        for p in (project / "site_src" / "articles").glob("*.md")
    )
    run("check")
