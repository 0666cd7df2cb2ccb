"""The Atom feed of what is new: valid, newest first, deterministic, and article
text in it is text, never markup."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.feed import ATOM, atom
from generator.model import Article, Corpus

A = f"{{{ATOM}}}"


def _corpus(**kw) -> Corpus:
    arts = (
        Article("a-old", "a.txt", "Talks begin", ("The talks began.",), date="2018-06-01"),
        Article(
            "b-new", "b.txt", "Talks end <script>x</script>", ("They ended.",), date="2018-06-12"
        ),
    )
    return Corpus(articles=arts, actors=(), quotes=(), topics=(), events=(), **kw)


def test_the_feed_is_atom_newest_first_with_text_as_text():
    xml = atom(_corpus(), 'Oslo & "the harbour"')
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    assert root.find(f"{A}title").text == 'Oslo & "the harbour"'
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}title").text for e in entries] == [
        "Talks end <script>x</script>",
        "Talks begin",
    ]
    assert "<script>" not in xml  # escaped in the file, text once parsed
    updated = [e.find(f"{A}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True) and updated[0] == "2018-06-12T00:00:00Z"
    assert root.find(f"{A}updated").text == updated[0]
    for e in entries:
        assert e.find(f"{A}id").text.startswith("urn:explainer:article:")
        assert e.find(f"{A}link").get("href").startswith("articles/")
    assert atom(_corpus(), 'Oslo & "the harbour"') == xml  # the same inputs, the same file


def test_the_seeds_feed_has_articles_and_positions(nlp):
    from pathlib import Path

    from generator import pipeline
    from generator.config import settings

    from .conftest import ROOT

    corpus = pipeline.extract([ROOT / "seeds"], settings(ROOT))
    root = ET.fromstring(atom(corpus, "Site"))
    ids = [e.find(f"{A}id").text for e in root.findall(f"{A}entry")]
    assert any(i.startswith("urn:explainer:position:sanctions:mike-pompeo") for i in ids)
    assert sum(i.startswith("urn:explainer:article:") for i in ids) == 2
    assert len(ids) == len(set(ids))
    # site_src/feed.xml is this feed, with the site's title: deterministic, committed.
    assert Path(ROOT / "site_src" / "feed.xml").read_text(encoding="utf-8") == atom(
        corpus, corpus_title(ROOT)
    )


def corpus_title(root) -> str:
    from generator.sitemeta import load_site

    return load_site(root / "editorial" / "site.yaml")["title"]


def test_control_characters_in_an_article_never_break_the_feed():
    arts = (Article("c", "c.txt", "Bad\x01 title", ("Body \x1b with \x7f controls.",)),)
    xml = atom(Corpus(articles=arts), "T\x02")
    root = ET.fromstring(xml)  # well-formed
    entry = root.find(f"{A}entry")
    assert entry.find(f"{A}title").text == "Bad  title"
    assert "\x1b" not in xml and "\x7f" not in xml
