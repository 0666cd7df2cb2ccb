"""The timeline on a phone at any archive size: one page while it is short, else a
page per year and per month of a busy year, every event on exactly one of them."""

from __future__ import annotations

import pytest

from generator.history import History
from generator.model import Article, Corpus, Event


def _history(dates):
    art = Article("a", "a.txt", "A", ("x",), date=None)
    events = tuple(Event(f"e{i}", d, "t", f"s{i}", "a", 0) for i, d in enumerate(dates))
    return History(Corpus(articles=(art,), events=events), {"a": art})


@pytest.mark.parametrize(
    ("dates", "limit", "pages"),
    [
        # Short: the whole timeline on the one page.
        (["2016-01-02", "2015-03-04"], 5, []),
        ([], 5, []),
        # Long: a page per year; the undated (the article here) last.
        (["2014-01-01"] * 3 + ["2015-02-02"] * 3, 5, [("2014", 3), ("2015", 3), ("undated", 1)]),
        # A year too long for one page: a page per month, the year-only dates last.
        (
            ["2014-05-01"] + ["2016-01-05"] * 3 + ["2016-03-01/2016-03-09"] * 2 + ["2016"] * 2,
            5,
            [("2014", 1), ("2016-01", 3), ("2016-03", 2), ("2016-other", 2), ("undated", 1)],
        ),
    ],
)
def test_timeline_pages(dates, limit, pages):
    history = _history(dates)
    got = history.timeline_pages(limit)
    assert [(key, len(items)) for key, _, items in got] == pages
    if got:
        # Every event and article on exactly one page.
        ids = [it[2].id for _, _, items in got for it in items]
        assert sorted(ids) == sorted([f"e{i}" for i in range(len(dates))] + ["a"])
        assert {label for key, label, _ in got if key == "2016-01"} <= {"January 2016"}
