"""Rendering without a model: escaping, paragraph markup, and golden pages.

Refresh the golden pages after an intended change with `make golden`
(pytest tests/test_render.py --update-golden) and review the diff.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.escape import md_escape
from generator.markup import paragraph_markup
from generator.model import (
    Actor,
    Article,
    Corpus,
    Evidence,
    Mention,
    Position,
    Quote,
    Role,
    Topic,
)
from generator.render import render_site
from generator.topicspec import Question

from .conftest import ROOT

GOLDEN = Path(__file__).parent / "golden"


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("plain words, as written.", "plain words, as written."),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ('{: onclick="x" }', '\\{: onclick="x" \\}'),
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "&gt; not a quote"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("2) not a list either", "2) not a list either"),
        ("~~~ not a fence", "&#126;~~ not a fence"),
        ("=== not a heading", "&#61;== not a heading"),
        ("a | b", "a \\| b"),
        ("`code` and *em* and _u_", "\\`code\\` and \\*em\\* and \\_u\\_"),
        ("&amp; stays as written", "&amp;amp; stays as written"),
        ("{{ 7*7 }} {% raw %}", "\\{\\{ 7\\*7 \\}\\} \\{% raw %\\}"),
        ("line\nbreak", "line break"),
        ("rtl \u202eevil", "rtl &#x202e;evil"),
    ],
)
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped


def test_paragraph_markup_links_and_highlights():
    text = "Mr. Pompeo said \u201cwe will go\u201d to Seoul."
    start = text.index("we will")
    out = paragraph_markup(
        text, [(4, 10, "mike-pompeo")], [(start, start + 10, "q1")], "articles/a.md"
    )
    assert out == (
        "Mr. [Pompeo](../actors/mike-pompeo.md) said \u201c"
        '<mark class="quote" id="q1">we will go</mark>\u201d to Seoul.'
    )


def corpus() -> Corpus:
    art = Article(
        id="talks",
        path="seeds/talks.md",
        title="Talks <resume> in *Geneva*",
        paragraphs=(
            "Foreign Minister Ana Lind said the talks would resume.",
            "\u201cWe are | ready,\u201d Ms. Lind told reporters.",
        ),
        date="2020-01-02",
        authors=("Sam Reyes",),
    )
    lind = Actor(
        id="ana-lind",
        name="Ana Lind",
        kind="person",
        aliases=("Ms. Lind",),
        roles=(Role("Foreign Minister", "Sweden", "talks"),),
        affiliation="Sweden",
        articles=("talks",),
        mentions=(("talks", Mention(0, 17, 25, "Ana Lind")), ("talks", Mention(1, 22, 26, "Lind"))),
    )
    quote = Quote(
        "talks-q1", "talks", 1, 1, 16, "We are | ready,", "ana-lind", "direct", "told reporters"
    )
    for _, m in lind.mentions:
        assert art.paragraphs[m.paragraph][m.start : m.end] == m.text
    assert art.paragraphs[1][quote.start : quote.end] == quote.text
    topic = Topic(
        id="talks",
        name="Talks",
        description="Whether and when the *talks* resume.",
        articles=("talks",),
        paragraphs=(("talks", 0),),
        proposal="resuming the talks",
        questions=(
            Question("What are the talks?", "Meetings of | ministers <b>.", "passages"),
            Question("Who wants them?", None, "positions"),
        ),
    )
    position = Position(
        topic="talks",
        actor="ana-lind",
        stance="conditional",
        summary="For resuming the talks, if [Sweden](x) agrees.",
        condition="if [Sweden](x) agrees",
        date="2020-01-02",
        evidence=(Evidence("talks", 0, 0, 55, None, "if [Sweden](x) agrees", "conditional"),),
    )
    return Corpus(
        articles=(art,), actors=(lind,), quotes=(quote,), topics=(topic,), positions=(position,)
    )


PAGES = [
    "topics/talks.md",
    "index.md",
    "articles/talks.md",
    "actors/ana-lind.md",
    "actors/index.md",
    "quotes/index.md",
    "quotes/l.md",
]


@pytest.mark.parametrize("page", PAGES)
def test_golden_pages(page, update_golden):
    pages = render_site(corpus(), ROOT / "templates", {"title": "Test site", "intro": "About."})
    golden = GOLDEN / page
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[page], encoding="utf-8")
    assert pages[page] == golden.read_text(encoding="utf-8"), f"refresh with: make golden ({page})"


def test_rendering_is_deterministic():
    assert render_site(corpus(), ROOT / "templates") == render_site(corpus(), ROOT / "templates")


def test_parallel_rendering_gives_the_same_pages(monkeypatch):
    import generator.render as r

    one = render_site(corpus(), ROOT / "templates")
    monkeypatch.setattr(r, "PARALLEL_MIN_PAGES", 0)
    monkeypatch.setattr(r.os, "cpu_count", lambda: 2)
    assert render_site(corpus(), ROOT / "templates") == one


def _q(n, start, end, kind, text, para="p"):
    from generator.model import Quote

    return Quote(f"a-q{n}", "a", 0, start, end, text, "x", kind)


def test_every_statement_once():
    from generator.model import Article
    from generator.statements import statements

    text = (
        "He said the talks had \u201cmechanisms for relief\u201d and \u201cmore.\u201d "
        "It will be \u201ca process,\u201d he said, adding, \u201cnot an easy one.\u201d "
        "He said \u201cwe have agreed.\u201d"
    )
    art = Article(id="a", path="a", title="A", paragraphs=(text,))

    def span(words: str) -> tuple[int, int]:
        i = text.index(words)
        return i, i + len(words)

    reported = (text.index("the talks"), text.index("\u201d and") + 1)
    whole = (text.index("\u201cwe have"), len(text))
    quotes = [
        _q(1, *reported, "indirect", text[slice(*reported)]),
        _q(2, *span("mechanisms for relief"), "partial", "mechanisms for relief"),
        _q(3, *span("a process,"), "partial", "a process,"),
        _q(4, *span("not an easy one."), "partial", "not an easy one."),
        _q(5, *whole, "indirect", text[slice(*whole)]),
        _q(6, *span("we have agreed."), "partial", "we have agreed."),
    ]
    out = statements(quotes, {"a": art})
    kinds = [(q.kind, q.text[:12]) for q in out]
    # The reported statement holds its quoted words; the fragments are shown in
    # their sentence once; the reported sentence that is all quotation is direct.
    assert kinds == [
        ("indirect", "the talks ha"),
        ("context", "It will be \u201c"),
        ("direct", "we have agre"),
    ]
    assert out[1].text.endswith("\u201cnot an easy one.\u201d")


@pytest.mark.parametrize(
    ("date", "markup"),
    [
        ("2017-06-21", '<time datetime="2017-06-21">June 21, 2017</time>'),
        (None, "undated"),
        ('2017"><script>', '2017"&gt;&lt;script&gt;'),
    ],
)
def test_dates_read_as_words_and_sort_as_iso(date, markup):
    from generator.markup import time_tag

    assert time_tag(date) == markup


def test_what_to_know_cards_show_the_most_told_episodes_and_the_best_sentences():
    from generator.model import Episode, Event
    from generator.siteviews import Site

    base = corpus()
    events, episodes = [], []
    for n, year in enumerate(["1990", "1994", "2001", "2008", "2015"]):
        told = 3 if year in ("1994", "2008") else 1
        ids = []
        for k in range(told):
            e = Event(f"e{n}{k}", year, f"Event {year}", "One sentence.", "talks", 0)
            events.append(e)
            ids.append(e.id)
        episodes.append(Episode(f"ep{n}", "talks", f"Episode {year}", year, events=tuple(ids)))
    c = Corpus(
        articles=base.articles,
        actors=base.actors,
        topics=(
            replace(
                base.topics[0],
                questions=(
                    Question("Why did the talks fail?", None, "history"),
                    Question("When do ministers resume talks?", None, "passages"),
                ),
            ),
        ),
        events=tuple(events),
        episodes=tuple(episodes),
    )
    site = Site(c)
    history, passages = site.explain.cards(c.topics[0])
    # The two most told, then the oldest of the rest, in the order they happened.
    assert [ep.start for ep, *_ in history.episodes] == ["1990", "1994", "2008"]
    assert history.more == 2
    assert [p.text for p in passages.passages] == [
        "Foreign Minister Ana Lind said the talks would resume."
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Mr. Kim met William J. Perry. They talked.",
            ["Mr. Kim met William J. Perry.", "They talked."],
        ),
        (
            "“We are ready.” He left. U.S. officials stayed.",
            ["“We are ready.”", "He left.", "U.S. officials stayed."],
        ),
        ("No end", ["No end"]),
    ],
)
def test_sentences_are_never_cut_after_a_title_or_an_initial(text, sentences):
    from generator.explain import sentences as split

    assert [text[s:e].strip() for s, e in split(text)] == sentences


def test_a_campaign_and_its_person_link_to_each_other():
    c = corpus()
    # In two articles: a page of its own (castview.has_page).
    c = replace(c, articles=(*c.articles, replace(c.articles[0], id="talks-2")))
    body = Actor(
        id="ana-lind-s-campaign",
        name="Ana Lind's campaign",
        kind="organization",
        articles=("talks", "talks-2"),
        mentions=tuple((a, Mention(0, 0, 7, "Foreign")) for a in ("talks", "talks-2")),
    )
    other = replace(body, id="bo-s-office", name="Bo's office")  # no such person
    pages = render_site(
        replace(c, actors=(*c.actors, body, other)), ROOT / "templates", {"title": "T"}
    )
    assert "Speaks for [Ana Lind](../actors/ana-lind.md)" in pages["actors/ana-lind-s-campaign.md"]
    assert (
        "Spoken for by: [Ana Lind's campaign](../actors/ana-lind-s-campaign.md)."
        in (pages["actors/ana-lind.md"])
    )
    assert "Speaks for" not in pages["actors/bo-s-office.md"]


def test_a_person_known_by_one_word_has_no_page_and_no_link():
    base = corpus()
    art = replace(
        base.articles[0],
        paragraphs=(*base.articles[0].paragraphs, "\u201cNot now,\u201d Vale said."),
    )
    vale = Actor(
        id="vale",
        name="Vale",
        kind="person",
        aliases=(),
        roles=(),
        affiliation=None,
        articles=("talks",),
        mentions=(("talks", Mention(2, 12, 16, "Vale")),),
    )
    quote = Quote("talks-q2", "talks", 2, 1, 9, "Not now,", "vale", "direct", "said")
    position = replace(base.positions[0], actor="vale")
    c = replace(
        base,
        articles=(art,),
        actors=(*base.actors, vale),
        quotes=(*base.quotes, quote),
        positions=(*base.positions, position),
    )
    pages = render_site(c, ROOT / "templates")
    assert "actors/vale.md" not in pages and "actors/ana-lind.md" in pages
    assert "vale.md" not in "".join(p for p in pages.values() if isinstance(p, str))
    assert "## Vale" in pages["quotes/v.md"]  # the quotation keeps its speaker's name
    assert "Vale" not in pages["actors/people.md"] and "Vale" not in pages["topics/talks.md"]
    assert "[Ana Lind](../actors/ana-lind.md)" in pages["actors/people.md"]


@pytest.mark.parametrize(
    ("name", "kind", "articles", "paragraphs", "on_record", "roles", "paged", "listed"),
    [
        # One word or a possessive: no one a reader can place, quoted or not.
        ("Bush", "person", 3, 1, True, 0, False, False),
        ("Obama\u2019s agenda", "person", 2, 1, False, 0, False, False),
        ("Breitbart's Joel Pollak", "person", 1, 5, True, 0, False, False),
        # In two articles, or on record (quoted, or holding a position): a page
        # gathers the articles, or what they said.
        ("Jeb Bush", "person", 2, 1, False, 0, True, True),
        ("Beto O\u2019Rourke", "person", 1, 1, True, 0, True, True),
        ("Politico", "organization", 2, 1, False, 0, True, True),
        ("Clinton's campaign", "organization", 1, 1, True, 0, True, True),
        # A main figure of their one article: named in three of its paragraphs.
        ("Jane Smith", "person", 1, 3, False, 0, True, True),
        ("Gallup", "organization", 1, 3, False, 0, True, True),
        # In one article, in fewer paragraphs, not on record: a line there and an
        # index row, no page, whatever the role or kind.
        ("Jane Smith", "person", 1, 2, False, 0, False, True),
        ("Jane Smith", "person", 1, 1, False, 2, False, True),
        ("Gallup", "organization", 1, 2, False, 0, False, True),
        ("Ohio", "place", 1, 1, False, 0, False, True),
        ("Jane Smith", "person", 0, 0, False, 0, False, True),
    ],
)
def test_who_has_a_page(name, kind, articles, paragraphs, on_record, roles, paged, listed):
    from generator.castview import has_page
    from generator.castview import listed as is_listed
    from generator.model import Mention, Role

    arts = tuple(f"a{n}" for n in range(articles))
    mentions = tuple(
        (a, Mention(paragraph=p, start=0, end=4, text="Jane"))
        for a in arts
        for p in range(paragraphs)
        for _ in range(2)  # twice in a paragraph counts once
    )
    actor = Actor(
        id="x",
        name=name,
        kind=kind,
        roles=tuple(Role(title="Senator", affiliation=None, article="a0") for _ in range(roles)),
        articles=arts,
        mentions=mentions,
    )
    assert has_page(actor, on_record) is paged
    assert is_listed(actor) is listed


def test_an_actor_without_a_page_is_a_line_an_index_row_and_a_redirect():
    """Named once, never quoted: no page; a line on the article page (with the
    roles, linked to the paragraph), the people index links to it, and the old
    address sends the reader there. Quoted, the same person keeps a page."""
    from generator.moved import redirect_page

    c = corpus()
    art = replace(
        c.articles[0],
        paragraphs=(*c.articles[0].paragraphs, "Senator Jo Park <b>{: #x }</b> agreed."),
    )
    park = Actor(
        id="jo-park",
        name="Jo Park <b>{: #x }</b>",
        kind="person",
        roles=(Role("Senator *of* [Ohio](x)", None, "talks"),),
        affiliation="Ohio",
        articles=("talks",),
        mentions=(("talks", Mention(2, 8, 15, "Jo Park")),),
    )
    pages = render_site(
        replace(c, articles=(art,), actors=(*c.actors, park)), ROOT / "templates", {"title": "T"}
    )
    assert "actors/jo-park.md" not in pages
    line = next(x for x in pages["articles/talks.md"].splitlines() if "{: #who-jo-park }" in x)
    assert line == (
        r"- [Jo Park &lt;b&gt;\{: #x \}&lt;/b&gt;](#p-3){: #who-jo-park } "
        r"(person, Senator \*of\* \[Ohio\](x), Ohio, 1 mention)"
    )
    assert (
        r"| [Jo Park &lt;b&gt;\{: #x \}&lt;/b&gt;](../articles/talks.md#who-jo-park) | Ohio |"
        in pages["actors/people.md"]
    )
    assert pages["actors/jo-park/index.html"] == redirect_page(
        "jo-park", ("articles/talks", "who-jo-park")
    )
    moved = pages["actors/jo-park/index.html"]
    assert 'content="0; url=../../articles/talks/#who-jo-park"' in moved
    # Ana Lind, quoted, in one article: her page, and no redirect over it.
    assert "actors/ana-lind.md" in pages and "actors/ana-lind/index.html" not in pages
    quoted = Quote("talks-q9", "talks", 2, 0, 7, "Senator", "jo-park", "direct", None)
    pages = render_site(
        replace(c, articles=(art,), actors=(*c.actors, park), quotes=(*c.quotes, quoted)),
        ROOT / "templates",
        {"title": "T"},
    )
    assert "actors/jo-park.md" in pages and "actors/jo-park/index.html" not in pages


@pytest.mark.parametrize(
    ("old", "to"),
    [
        ("../x", ("articles/a", None)),
        ("a/b", ("articles/a", None)),
        ("x", ("articles/<a>", None)),
        ("x", ("articles/a", 'p-1"><script>')),
        ("x", ("articles/a", "p/1")),
        ("x", ("../../etc", None)),
        ("X", ("articles/a", None)),
    ],
)
def test_a_redirect_takes_only_our_own_slugs(old, to):
    from generator.moved import redirect_page

    with pytest.raises(ValueError):
        redirect_page(old, to)


def test_passages_with_no_answer_are_one_a_line_in_their_own_punctuation():
    """A card answered by passages alone lists them one a line: run together they
    read as one paragraph, and wrapped in our quotation marks a sentence that holds
    a quotation opened with ““ (on a new beat most cards are of this kind)."""
    base = corpus()
    topic = replace(
        base.topics[0],
        paragraphs=(("talks", 0), ("talks", 1)),
        questions=(Question("Are ministers ready for the talks?", None, "passages"),),
    )
    c = replace(base, topics=(topic,))
    page = render_site(c, ROOT / "templates", {"title": "T", "intro": "I."})["topics/talks.md"]
    card = page.split("**Are ministers ready for the talks?**", 1)[1].split("</div>", 1)[0]
    items = [line.strip() for line in card.splitlines() if line.strip().startswith("- ")]
    assert len(items) == 2, card
    assert any(item.startswith("- \u201cWe are") for item in items), items
    assert "\u201c\u201c" not in card


@pytest.mark.parametrize(
    ("n", "word", "said"),
    [
        (1, "article", "1 article"),
        (2, "article", "2 articles"),
        (3, "quotation", "3 quotations"),
        (2, "story", "2 stories"),
        (2, "day", "2 days"),
        (2, "mention", "2 mentions"),
        (2, "bus", "2 buses"),
        (6, "more", "6 more"),  # "Berman and 6 more", not "6 mores"
        (1, "more", "1 more"),
        (1900, "speaker", "1,900 speakers"),  # thousands as a reader writes them
    ],
)
def test_counts_read_as_english(n, word, said):
    from generator.wording import count

    assert count(n, word) == said


def test_the_home_page_says_what_each_topics_stances_are_on():
    """ "Sanctions: Where they stand: for, China" read as China for the sanctions,
    when the proposal is their relief: the line names the proposal."""
    home = render_site(corpus(), ROOT / "templates", {"title": "T", "intro": "I."})["index.md"]
    line = next(x for x in home.splitlines() if x.startswith("- [Talks]"))
    assert "**Where they stand on resuming the talks**: on a condition, " in line, line
