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


def test_timeline_labels_at_most_three_rows_busiest_first():
    """Sixty years of events: the dots all there and linked, at most three rows of
    labels, the busiest years labelled; a few years: every one labelled."""
    import re

    many = [f"{y}-01-01" for y in range(1950, 2010)] + ["2008-05-05"] * 9
    svg = str(_history(many).timeline_svg())
    assert svg.count("<circle") == 60 and svg.count('<a href="#y-') == 60
    rows = {int(y) for y in re.findall(r'<text x="[\d.]+%" y="(\d+)"', svg)}
    assert len(rows) <= 3
    assert ">2008</text>" in svg
    few = str(_history(["1994-01-01", "2003-01-01", "2018-06-12"]).timeline_svg())
    assert all(f">{y}</text>" in few for y in ("1994", "2003", "2018"))


@pytest.mark.parametrize(
    ("dates", "lines"),
    [
        # Short: no pages, so no index of them.
        (["2016-01-02"], []),
        # Years of a decade on one line, each year's link its dot's anchor.
        (
            ["1848-01-01"] * 3 + ["1852-02-02"] * 3 + ["1939-05-05"] * 2,
            [
                ("1840s", "", [("y-1848", "1848", "1848", 3)]),
                ("1850s", "", [("y-1852", "1852", "1852", 3)]),
                ("1930s", "", [("y-1939", "1939", "1939", 2)]),
                ("Undated", "", [("y-Undated", "undated", "Undated", 1)]),
            ],
        ),
        # A year split by month: its own line, the anchor on it, months by name.
        (
            ["2014-05-01", "2015-01-01"] + ["2016-01-05"] * 3 + ["2016"] * 3,
            [
                ("2010s", "", [("y-2014", "2014", "2014", 1), ("y-2015", "2015", "2015", 1)]),
                (
                    "2016",
                    "y-2016",
                    [("", "2016-01", "January", 3), ("", "2016-other", "month not given", 3)],
                ),
                ("Undated", "", [("y-Undated", "undated", "Undated", 1)]),
            ],
        ),
    ],
)
def test_timeline_index_lines(dates, lines):
    assert _history(dates).timeline_index(limit=5) == lines
