"""Topics, dates and the history of freezes."""

from __future__ import annotations

import re

import pytest

from generator import editorial, pipeline
from generator.config import settings
from generator.extract.dates import resolve_date
from generator.leaders import load_leaders
from generator.render import human_date, render_site
from generator.topicspec import load_topics

from .conftest import ROOT

LEADERS = load_leaders(ROOT / "editorial" / "leaders.yaml")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("on Tuesday", "2018-06-14", "2018-06-12"),  # a Thursday article
        ("Thursday", "2018-06-14", "2018-06-14"),
        ("on Wednesday", "2017-06-21", "2017-06-21"),
        ("this week", "2018-06-14", "2018-06-11/2018-06-14"),
        ("last week", "2018-06-14", "2018-06-04/2018-06-10"),
        ("yesterday", "2018-06-14", "2018-06-13"),
        ("two days ago", "2018-06-14", "2018-06-12"),
        ("early this year", "2017-06-21", "2017"),
        ("last year", "2017-06-21", "2016"),
        ("in 1994", None, "1994"),
        ("June 12, 2018", None, "2018-06-12"),
        ("June 2018", None, "2018-06"),
        ("the mid-2000s", None, "2003/2007"),
        ("The Clinton administration", "2017-06-21", "1993/2001"),
        ("early in the administration of President George W. Bush", None, "2001"),
        ("At the end of Mr. Bush\u2019s term", None, "2008/2009"),
        ("as soon as President Barack Obama entered office", None, "2009"),
        # nothing to resolve: say so
        ("for decades", "2018-06-14", None),
        ("recently", "2018-06-14", None),
        ("on Tuesday", None, None),
    ],
)
def test_resolve_date(text, published, expected):
    assert resolve_date(text, published, LEADERS) == expected


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2018-06-12", "June 12, 2018"),
        ("2018-06", "June 2018"),
        ("1994", "1994"),
        ("1993/2001", "1993\u20132001"),
        ("2017-06-19/2017-06-21", "June 19\u201321, 2017"),
        (None, "date unknown"),
    ],
)
def test_human_date(value, shown):
    assert human_date(value) == shown


def test_topics_file_errors(tmp_path):
    f = tmp_path / "topics.yaml"
    f.write_text("- id: a\n  name: A\n  terms: [x]\n- id: a\n  name: B\n  terms: [y]\n")
    with pytest.raises(editorial.EditorialError, match=r"topics\.yaml:4: the topic id 'a'"):
        load_topics(f)
    f.write_text("- id: a\n  name: A\n")
    with pytest.raises(editorial.EditorialError, match=r"topics\.yaml:1: a topic needs 'terms'"):
        load_topics(f)


@pytest.fixture(scope="module")
def corpus(nlp):
    return pipeline.extract([ROOT / "seeds"], settings(ROOT))


def freeze_events(corpus):
    return [e for e in corpus.events if "freezes" in e.topics]


@pytest.mark.parametrize(
    ("year", "words"),
    [
        ("1994", ["Clinton administration tried a freeze"]),
        ("2001", ["discarded early in the administration of President George W. Bush"]),
        ("2008", ["second such freeze", "Bush"]),
        ("2009", ["abandoned", "Obama entered office"]),
        ("2018", ["end joint military exercises"]),
    ],
)
def test_freeze_episodes(corpus, year, words):
    hits = [
        e
        for e in freeze_events(corpus)
        if e.date and e.date.startswith(year) and all(w in e.summary for w in words)
    ]
    assert hits, [(e.date, e.title) for e in freeze_events(corpus)]
    e = hits[0]
    # The summary is the article's own sentence, in its paragraph.
    assert e.summary in corpus.article(e.article).paragraphs[e.paragraph]


@pytest.mark.parametrize(
    "words",
    [
        ["embraced a similar idea"],  # a stance, however dated
        ["ambassador to India", "moratorium"],  # a view stated in an interview
        ["White House officials", "not interested"],  # a standing state
    ],
)
def test_the_seeds_stances_are_no_events(corpus, words):
    assert not [e for e in corpus.events if all(w in e.summary for w in words)]


def test_the_singapore_summit_is_in_the_news(corpus):
    met = [e for e in corpus.events if e.date == "2018-06-12" and "Singapore" in e.title]
    assert met and "summits" in met[0].topics
    assert met[0].title.startswith("Mr. Trump met North Korea\u2019s leader, Kim Jong")


def test_events_are_in_date_order_with_actors(corpus):
    dated = [e.date for e in corpus.events if e.date]
    assert dated == sorted(dated)
    clinton = [e for e in corpus.events if e.date == "1994"][0]
    assert "bill-clinton" in clinton.actors


def test_topic_pages_and_history_page(corpus):
    pages = render_site(corpus, ROOT / "templates", {})
    for spec in load_topics(ROOT / "editorial" / "topics.yaml"):
        assert f"topics/{spec.id}.md" in pages
    history = pages["history/freezes.md"]
    order = [
        history.index(when)
        for when in (
            "### 1994 to early in George W. Bush's presidency, from 2001:",
            "### At the end of George W. Bush's presidency, 2008\u20132009:",
            "## Latest",
            "June 12, 2018",
        )
    ]
    assert order == sorted(order)
    # Dates the text gives only roughly are never printed as a bare year.
    assert "## 2001" not in history and "## 2008:" not in history
    # Each sentence once, with a short source link and no list of names after it.
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", history)  # links as their text
    for s in {e.summary for e in corpus.events if "freezes" in e.topics}:
        assert plain.count(s[-40:]) <= 1, s  # the news is listed by its headline
    told = {e.id: e for e in corpus.events}
    for ep in corpus.episodes:
        for eid in ep.events:
            assert plain.count(told[eid].summary[-40:]) == 1
    assert "Who:" not in history
    assert "[The New York Times, June 21, 2017, paragraph 9](" in history
    assert "(../articles/002-54ec939b7ca5568c.md#p-9)" in history
    assert "June 12, 2018" in history
    assert '<svg class="timeline"' in pages["timeline.md"]


@pytest.mark.parametrize(
    ("text", "date", "label"),
    [
        (
            "early in the administration of President George W. Bush",
            "2001",
            "early in George W. Bush's presidency, from 2001",
        ),
        (
            "At the end of Mr. Bush\u2019s term",
            "2008/2009",
            "at the end of George W. Bush's presidency, 2008\u20132009",
        ),
        ("the mid-2000s", "2003/2007", "the mid-2000s"),
        # Given exactly (a year, a day, a whole term): not approximate.
        ("as soon as President Barack Obama entered office", "2009", None),
        ("The Clinton administration", "1993/2001", None),
        ("in 1994", "1994", None),
        ("June 12, 2018", "2018-06-12", None),
    ],
)
def test_rough_dates_are_approximate_in_the_texts_own_terms(text, date, label):
    from generator.extract.dates import resolve

    found = resolve(text, "2017-06-21", LEADERS)
    assert (found.date, found.approximate, found.label) == (date, label is not None, label)


def test_the_seed_freezes_carry_their_rough_dates(corpus):
    rough = {e.date: e for e in freeze_events(corpus) if e.approximate}
    assert rough["2001"].date_text.startswith("early in the administration")
    assert rough["2008/2009"].date_label.startswith("at the end of George W. Bush's")
    exact = [e for e in freeze_events(corpus) if e.date == "1994"]
    assert exact and not any(e.approximate for e in exact)


@pytest.mark.parametrize(
    ("lede", "title"),
    [
        (
            "The harbour board has come under growing pressure to reopen the northern pier "
            "for fishing boats, officials said on Monday.",
            "The harbour board has come under growing pressure",
        ),
        (
            "Ana Lind won the mayoral election in Oslo on Sunday.",
            "Ana Lind won the mayoral election",
        ),
        ("Quietly, and after weeks of talks.", None),  # no main clause: the first words stand
    ],
)
def test_an_article_without_a_headline_is_titled_from_its_ledes_main_clause(
    nlp, tmp_path, lede, title
):
    from .conftest import make_project

    make_project(tmp_path, articles={"a.txt": lede + "\n"})
    (article,) = pipeline.extract([tmp_path / "seeds"], settings(tmp_path)).articles
    assert article.title_derived
    assert len(article.title) <= 80 and not article.title.endswith("\u2026")
    if title is not None:
        assert article.title == title
