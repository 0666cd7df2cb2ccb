"""Boilerplate: link lines, credits, captions and notes are no evidence of anything.
Table-driven on invented paragraphs, including reporting that must stay reporting."""

from __future__ import annotations

import pytest

from generator.boilerplate import furniture, is_furniture
from generator.extract import extract_article
from generator.model import Article

FURNITURE = [
    "READ MORE: Prairie group plans a convoy to the capital to push pipelines",
    "Read more: Five things to know about the carbon tax",
    "WATCH: Premier Jane Roe defends the levy",
    "Related: What the ruling means",
    "RELATED STORIES | The deal, explained",
    "Click here to read the full report.",
    "Read the rest of the story at The Daily Planet.",
    "Lauren Moss / Planet News",
    "Jim Hale/Getty Images.",
    "(AP Photo/Jane Roe)",
    "Photo: Jane Roe",
    "Getty.",
    "___",
    "FULL TEXT.",
    "TWITTER.",
    "@janeroe42.",
    "https://example.org/story",
    "Follow Jane Roe on Twitter @janeroe.",
    "Twitter: @janeroe.",
    "Editor’s note: this column appears every week.",
    "CORRECTION APPENDED.",
    "Correction: An earlier version of this story misstated the date of the vote.",
    "This story has been updated to include comments from the minister.",
    "Sign up for our morning newsletter.",
    "Do you support Jane Roe? Like the page:",
    "We are sorry, this video is restricted in your location.",
]

REPORTING = [
    "Read said the plan would fail.",  # a surname
    "More than 20 people died in the fire.",
    "Watch what happens when the vote comes, he said.",
    "Follow the money, she said.",
    "The Liberals / NDP coalition collapsed.",
    "Ontario Power Generation said it would build two reactors.",
    "“We will build the wall,” the president said.",
    "Jane Roe, a photographer, said the photos were taken in May.",
    "Toronto Police Service said the march was peaceful.",
    "Related talks in Geneva ended without a deal.",
    # Long: a paragraph of reporting that opens like a label is reporting.
    "Editor’s note aside, " + "the minister spoke at length about the pipeline " * 10,
]


@pytest.mark.parametrize("paragraph", FURNITURE)
def test_furniture(paragraph):
    assert is_furniture(paragraph)


@pytest.mark.parametrize("paragraph", REPORTING)
def test_reporting_is_not_furniture(paragraph):
    assert not is_furniture(paragraph)


def test_article_boilerplate_indices():
    art = Article(
        "a", "a.txt", "A", ("The minister spoke.", "READ MORE: Pipelines, explained", "Getty.")
    )
    assert art.boilerplate == frozenset({1, 2}) == furniture(art.paragraphs)


def test_extractors_skip_boilerplate(nlp):
    paragraphs = (
        "Premier Jane Roe said the province would fight the carbon tax in court.",
        "READ MORE: Read More about Premier Tom Hale and the pipeline",
        "Lauren Moss / Planet News",
    )
    art = Article("a", "a.txt", "A", paragraphs, date="2019-01-10")
    facts = extract_article(art, list(nlp.pipe(paragraphs)))
    names = {e.name for e in facts.entities}
    assert "Jane Roe" in names
    assert not names & {"Read More", "Tom Hale", "Lauren Moss", "Planet News"}
    assert all(q.paragraph == 0 for q in facts.quotes)
    assert all(e.paragraph == 0 for e in facts.events)
