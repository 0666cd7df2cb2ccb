"""Source links name the outlet: a slug the articles give as their source
("huff-post") is shown as the editors' name for it (editorial/outlets.yaml), or
in title case; a source written as a name is left as it is."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.editorial import EditorialError
from generator.model import Article
from generator.outlets import load_outlets, named_sources, outlet_name
from generator.wording import source_label

NAMES = {"huff-post": "HuffPost", "nyt": "The New York Times", "gazette": "The Gazette"}


@pytest.mark.parametrize(
    "source, shown",
    [
        # the editors' names
        ("huff-post", "HuffPost"),
        ("nyt", "The New York Times"),
        ("NYT", "The New York Times"),
        (" gazette ", "The Gazette"),
        # unknown slugs: words in title case, short ones as initials
        ("the-hill", "The Hill"),
        ("fox_news", "Fox News"),
        ("ap", "AP"),
        ("cnn", "CNN"),
        ("daily-planet-2", "Daily Planet 2"),
        # written as names (or not slugs): unchanged
        ("The New York Times", "The New York Times"),
        ("Le Monde", "Le Monde"),
        ("BBC", "BBC"),
        ("huff--post", "huff--post"),
        ("example.com", "example.com"),
        ("-gazette", "-gazette"),
        (None, None),
    ],
)
def test_outlet_name(source, shown):
    assert outlet_name(source, NAMES) == shown


def test_source_label_shows_the_outlet():
    art = Article(
        id="a", path="a.md", title="T", paragraphs=("x",), date="2016-05-03", source="huff-post"
    )
    assert source_label(named_sources(art, NAMES), 3) == "HuffPost, May 3, 2016, paragraph 4"
    named = Article(id="b", path="b.md", title="T", paragraphs=("x",), source="Le Monde")
    assert named_sources(named, NAMES) is named  # nothing to change: the same record


def test_load_outlets(tmp_path):
    path = tmp_path / "outlets.yaml"
    assert load_outlets(path) == {}
    path.write_text("Huff-Post: HuffPost\nnyt: ' The New York Times '\n", encoding="utf-8")
    assert load_outlets(path) == {"huff-post": "HuffPost", "nyt": "The New York Times"}
    for bad in ("- nyt\n", "nyt: [a, b]\n", "nyt: ''\n", "nyt: true\n"):
        path.write_text(bad, encoding="utf-8")
        with pytest.raises(EditorialError, match="outlets.yaml"):
            load_outlets(path)


ARTICLE = """---
title: The harbour stays open
date: 2016-05-03
source: harbour-gazette
---

The harbour board voted on Tuesday to keep the harbour open to every ship.
"""


def test_the_site_shows_the_outlet_name(nlp, project):
    (project / "seeds" / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    (project / "editorial" / "outlets.yaml").write_text(
        "harbour-gazette: The Harbour Gazette\n", encoding="utf-8"
    )
    r = CliRunner().invoke(main, ["extract", "seeds", "-o", "out.json"])
    assert r.exit_code == 0, r.output
    data = json.loads((project / "out.json").read_text(encoding="utf-8"))
    sources = {a["id"]: a["source"] for a in data["articles"]}
    assert sources["harbour"] == "The Harbour Gazette"
    assert sources["budget-vote"] == "Example News"  # a slug nobody listed: title case
    assert sources["plain-note"] is None  # no source: none made up
