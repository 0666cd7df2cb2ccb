"""The search index in shards (generator/pagefind_hook.py): which shard a page is in,
and which shards a change writes again; the build that writes only those gives the
index a clean build gives."""

from __future__ import annotations

import pytest

from generator.pagefind_hook import HUB, dirty_shards, indexed, shard_count, shard_of

ARTICLE = "articles/harbour-talks/index.html"
ACTOR = "actors/marit-berg/index.html"


@pytest.mark.parametrize(
    "rel, hub",
    [
        ("index.html", True),
        ("404.html", True),
        ("topics/freezes/index.html", True),
        ("actors/index.html", True),
        (ARTICLE, False),
        (ACTOR, False),
    ],
)
def test_articles_and_actors_are_in_shards_the_other_pages_in_the_hub(rel, hub):
    assert (shard_of(rel, 8) == HUB) is hub
    assert shard_of(rel, 8) == shard_of(rel, 8)  # the path alone decides
    assert shard_of(rel, 1) in (HUB, "s00")


@pytest.mark.parametrize(
    "rel, wanted",
    [
        ("quotes/p/index.html", False),  # its quotations are on the actors' pages
        ("quotes/index.html", False),
        ("actors/people/index.html", False),
        ("actors/organizations/index.html", False),
        ("articles/index.html", False),
        ("articles/harbour-talks/index.html", True),
        ("actors/marit-berg/index.html", True),
        ("actors/index.html", True),
        ("topics/freezes/index.html", True),
        ("history/freezes/index.html", True),
        ("timeline/index.html", True),
        ("index.html", True),
        ("quotesmith/index.html", True),  # a hand page named alike
    ],
)
def test_the_pages_that_list_the_archive_are_not_indexed(rel, wanted):
    assert indexed(rel) is wanted


@pytest.mark.parametrize(
    "pages, per_shard, count",
    [
        (0, 400, 1),
        (799, 400, 1),
        (800, 400, 2),
        (3199, 400, 4),  # a power of two: changes only when the archive doubles
        (6640, 400, 16),  # 840 articles
        (10**6, 400, 16),  # at most
        (10, 2, 4),
    ],
)
def test_the_count_of_shards_grows_by_doubling(pages, per_shard, count):
    rels = [f"articles/a{i}/index.html" for i in range(pages)] + ["index.html"] * 50
    assert shard_count(rels, per_shard) == count


def test_only_the_shards_whose_pages_changed_are_dirty():
    before = {r: [1, 10, r] for r in (ARTICLE, ACTOR, "index.html", "articles/b/index.html")}
    assert dirty_shards(before, dict(before), 4) == set()  # nothing changed
    assert dirty_shards(before, None, 4) == {shard_of(r, 4) for r in before} | {HUB}
    touched = dict(before, **{ARTICLE: [2, 11, "other"]})
    assert dirty_shards(touched, before, 4) == {shard_of(ARTICLE, 4)}
    # The same bytes written again (MkDocs' 404.html, every build): not a change.
    assert dirty_shards(dict(before, **{"index.html": [3, 10, "index.html"]}), before, 4) == set()
    gone = {r: v for r, v in before.items() if r != ACTOR}
    assert dirty_shards(gone, before, 4) == {shard_of(ACTOR, 4)}
    new = dict(before, **{"actors/new/index.html": [1, 1, "n"]})
    assert dirty_shards(new, before, 4) == {shard_of("actors/new/index.html", 4)}
