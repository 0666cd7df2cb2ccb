"""Statements on an actor page: fragments within their sentence, words about
someone else not shown as the speaker's own, order by article date and place."""

import pytest

from generator.model import Article, Quote
from generator.statements import by_article, statements


def _quote(art: Article, n: int, words: str, kind: str) -> Quote:
    text = art.paragraphs[0]
    start = text.index(words)
    return Quote(f"{art.id}-q{n}", art.id, 0, start, start + len(words), words, "x", kind)


CASES = [
    # (paragraph, quoted words, kind, what the page shows)
    (
        "He called the drills \u201cvery expensive\u201d on Tuesday. Nobody agreed.",
        "very expensive",
        "partial",
        ("context", "He called the drills \u201cvery expensive\u201d on Tuesday."),
    ),
    (
        "Talks went well. \u201cPause.\u201d he said.",
        "Pause.",
        "direct",
        ("context", "\u201cPause.\u201d he said."),
    ),
    (
        "Mr. Xi \u201creally closed up that border, all of it,\u201d he said. Then he left.",
        "really closed up that border, all of it,",
        "direct",
        ("context", "Mr. Xi \u201creally closed up that border, all of it,\u201d he said."),
    ),
    # Must stay as they are: a whole quotation of more than three words.
    (
        "\u201cWe are going to get complete denuclearization,\u201d he said.",
        "We are going to get complete denuclearization,",
        "direct",
        ("direct", "We are going to get complete denuclearization,"),
    ),
    (
        "He said the border was open to trade again.",
        "the border was open to trade again",
        "indirect",
        ("indirect", "the border was open to trade again"),
    ),
]


@pytest.mark.parametrize("paragraph, words, kind, shown", CASES)
def test_statement_shown(paragraph, words, kind, shown):
    art = Article(id="a", path="a", title="A", paragraphs=(paragraph,))
    out = statements([_quote(art, 1, words, kind)], {"a": art})
    assert [(q.kind, q.text) for q in out] == [shown]


def test_order_by_article_date_then_place():
    text = (
        "He said \u201cwe have agreed at the appropriate time.\u201d "
        "But he insisted it would be after \u201cfull denuclearization.\u201d"
    )
    arts = {
        "a": Article(id="a", path="a", title="A", paragraphs=(text,), date="2017-06-21"),
        "b": Article(id="b", path="b", title="B", paragraphs=(text,), date="2018-06-14"),
        "c": Article(id="c", path="c", title="C", paragraphs=(text,)),
    }
    quotes = []
    for art in arts.values():  # the later fragment first, as extraction may number them
        quotes.append(_quote(art, 7, "full denuclearization.", "partial"))
        quotes.append(_quote(art, 6, "we have agreed at the appropriate time.", "partial"))
    grouped = by_article(statements(quotes, arts), arts)
    assert [a for a, _ in grouped] == ["b", "a", "c"]  # newest first, undated last
    for _, items in grouped:
        assert [q.id[-2:] for q in items] == ["q6", "q7"]
        assert items[1].text.startswith("But he insisted")


def test_by_article_empty():
    assert by_article([], {}) == []
