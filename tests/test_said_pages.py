"""A speaker quoted in many articles: their page shows the newest articles'
statements and links a page per month of the older ones, every statement on
exactly one of them."""

from __future__ import annotations

import re
from dataclasses import replace
from posixpath import dirname, join, normpath

import pytest

from generator.model import Article, Quote
from generator.render import render_site
from generator.saidpages import said_page, split_said

from .conftest import ROOT
from .test_render import corpus


def _articles(dates):
    return {
        f"a{i}": Article(f"a{i}", f"a{i}.txt", f"T{i}", ("x",), date=d) for i, d in enumerate(dates)
    }


def _named(arts):
    """Mentions as `Cast.mention_counts` gives them: the newest article first."""
    return sorted(((a, 1) for a in arts), key=lambda kv: (arts[kv[0]].date or "", kv[0]))[::-1]


def _quotes(arts):
    return [Quote(f"{a}-q1", a, 0, 0, 1, "x", "s", "direct", "said") for a in arts]


@pytest.mark.parametrize(
    ("dates", "shown", "kept", "months"),
    [
        # Few articles: all on the actor's page, no month pages.
        (["2016-05-01", "2016-04-01"], 3, ["a0", "a1"], []),
        ([], 3, [], []),
        # More: the newest on the page, the older by month, newest first, undated last.
        (
            ["2016-05-02", None, "2016-04-30", "2016-05-01", "2016-04-01", "2015-12-31"],
            2,
            ["a0", "a3"],
            [
                ("2016-04", "April 2016", ["a2", "a4"]),
                ("2015-12", "December 2015", ["a5"]),
                ("undated", "Undated", ["a1"]),
            ],
        ),
    ],
)
def test_split_said(dates, shown, kept, months):
    arts = _articles(dates)
    first, named, older = split_said(_quotes(arts), _named(arts), arts, shown)
    assert [a for a, _ in first] == kept
    assert [(k, label, [a for a, _ in g]) for k, label, g, _ in older] == months
    # The articles naming them likewise (by date here too), the newest first.
    dated = [a for a in kept if arts[a].date]
    assert [a for a, _ in named][: len(dated)] == dated
    assert sum(len(n) for *_, n in older) + len(named) == len(arts)


def test_a_speaker_of_many_articles_has_month_pages_linked_both_ways():
    base = corpus()
    art, quote = base.articles[0], base.quotes[0]
    arts = [
        replace(art, id=f"t{i:02}", date=f"2020-{1 + i // 10:02}-{1 + i % 10:02}")
        for i in range(25)
    ]
    quotes = [replace(quote, id=f"{a.id}-q1", article=a.id) for a in arts]
    mention = base.actors[0].mentions[0][1]
    lind = replace(
        base.actors[0],
        articles=tuple(a.id for a in arts),
        roles=(),
        mentions=tuple((a.id, mention) for a in arts),
    )
    pages = render_site(
        replace(
            base,
            articles=tuple(arts),
            quotes=tuple(quotes),
            actors=(lind,),
            topics=(),
            positions=(),
        ),
        ROOT / "templates",
    )
    page = pages["actors/ana-lind.md"]
    said = page.split("## What Ana Lind said", 1)[1].split("## Mentioned in", 1)[0]
    assert said.count("\n### ") == 20  # the newest twenty articles
    # The five oldest, all of January 2020, on that month's page.
    months = [p for p in pages if p.startswith("months/ana-lind/")]
    assert months == [said_page("ana-lind", "2020-01")]
    month = pages[months[0]]
    assert month.count("\n### ") == 5
    # The articles naming her likewise: the newest twenty there, the rest here.
    named = page.split("## Mentioned in", 1)[1].split("\n## ", 1)[0]
    assert named.count("\n- [") == 20 and "t24.md#p-1" in named and "t04.md" not in named
    assert month.split("## Mentioned in", 1)[1].count("\n- [") == 5
    # Every statement on exactly one of the two pages.
    anchors = re.findall(r"\[in context, paragraph 2\]\(([^)]+)\)", said + month)
    assert len({u.rsplit("/", 1)[1] for u in anchors}) == len(quotes) == len(anchors)
    # The links resolve to the pages generated.
    for src, text, target in [
        ("actors/ana-lind.md", page, months[0]),
        (months[0], month, "actors/ana-lind.md"),
    ]:
        links = {normpath(join(dirname(src), h)) for h in re.findall(r"\]\(([^)#]+\.md)", text)}
        assert target in links, (src, links)
