"""A speaker named once carries through the quotation-only paragraphs after them,
across a paragraph that goes on about them, until someone else is named; credits
and ages are no part of a speaker's name. Invented sentences."""

from __future__ import annotations

import pytest

from generator.extract.entities import extract_entities
from generator.extract.quotes import extract_quotes
from generator.model import Article

CASES = [
    (
        [
            '"We lost everything," said Amira Haddad, who has run the bakery for 20 years.',
            "She moved to Halifax in 2009 with her two children.",
            '"The water came in the night. Nobody warned us."',
        ],
        ["person:amira haddad", "person:amira haddad"],
    ),
    (
        [
            '"We lost everything," said Amira Haddad.',
            "Her neighbour, Paul Kerr, lost his car.",
            '"The water came in the night."',
        ],
        ["person:amira haddad", None],  # someone else is named: no longer hers
    ),
    (
        [
            '"We lost everything," said Susan Haddad.',
            "He moved to Halifax in 2009.",  # not her
            '"The water came in the night."',
        ],
        ["person:susan haddad", None],
    ),
    (
        ['"It was a long day," said Khaled Amrani,60, a father of two.', '"We waited for hours."'],
        ["person:khaled amrani", "person:khaled amrani"],
    ),
    (
        ['"It was a long day," Mayor Ann Roe said. (Lauren Pell / CBC News)'],
        ["person:ann roe"],
    ),
    (
        [
            "Coach Ann Lind led the team to the final.",
            '"We trained hard all year," members of the team said.',
            '"We will be back," said some of the fans, including Tom Hale.',
        ],
        [None, None],  # a group that speaks is not one of its members
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "speakers"), CASES, ids=[c[0][-1][:24] + str(i) for i, c in enumerate(CASES)]
)
def test_a_speaker_carries_until_another_is_named(nlp, paragraphs, speakers):
    art = Article(id="t", path="t", title="t", paragraphs=tuple(paragraphs))
    docs = list(nlp.pipe(paragraphs))
    quotes = extract_quotes(art, docs, extract_entities(art, docs))
    assert [q.speaker for q in quotes if q.kind != "indirect"] == speakers
