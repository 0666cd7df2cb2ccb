"""Every quotation of the seed articles, with the speaker it must have."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.config import settings

from .conftest import ROOT

SEED1, SEED2 = "000-d467db3020d79956", "002-54ec939b7ca5568c"

QUOTES = [
    (SEED1, 0, "no longer a nuclear threat.", "Donald Trump"),
    (SEED1, 1, "complete denuclearization.", "Mike Pompeo"),
    (SEED1, 2, "We are going to get the complete denucle", "Mike Pompeo"),
    (SEED1, 2, "Only then will there be relief from sanc", "Mike Pompeo"),
    (SEED1, 4, "mechanisms for relief", "Mike Pompeo"),
    (SEED1, 4, "we have agreed at the appropriate time t", "Mike Pompeo"),
    (SEED1, 4, "full denuclearization.", "Mike Pompeo"),
    (SEED1, 5, "a constructive role", "Wang Yi"),
    (SEED1, 7, "complete denuclearization", None),  # the joint statement's words
    (SEED1, 8, "step-by-step", "North Korean state media"),
    (SEED1, 8, "sleep well tonight", "Donald Trump"),
    (SEED1, 8, "there is no longer a nuclear threat from", "Donald Trump"),
    (SEED1, 9, "eyes wide open.", "Mike Pompeo"),
    (SEED1, 10, "very expensive", "Donald Trump"),
    (SEED1, 10, "provocative.", "Donald Trump"),
    (SEED1, 12, "North Korean government malicious cybera", "Department of Homeland Security"),
    (SEED1, 14, "The sequence will be different this time", "Mike Pompeo"),
    (SEED1, 15, "complete, verifiable and irreversible de", "Mike Pompeo"),
    (SEED1, 15, "a process,", "Mike Pompeo"),
    (SEED1, 15, "not an easy one.", "Mike Pompeo"),
    (SEED1, 17, "This is the first time that the highest ", "Kang Kyung-wha"),
    (SEED1, 18, "flexible", "Moon Jae-in"),
    (SEED1, 20, "I think it is significant that regarding", "Shinzo Abe"),
    (SEED1, 20, "I think that the U.S.-North Korea summit", "Shinzo Abe"),
    (SEED1, 21, "all weapons of mass destruction and ball", "Taro Kono"),
    (SEED1, 22, "pause", "Taro Kono"),
    (SEED1, 22, "contingent upon", "Taro Kono"),
    (SEED1, 26, "Some analysts give a low score to the No", "Moon Jae-in"),
    (SEED1, 28, "There are big uncertainties,", "Yang Xiyu"),
    (SEED1, 28, "The big differences are on the step-by-s", "Yang Xiyu"),
    (SEED1, 30, "North Korea is nervous about verificatio", "Yang Xiyu"),
    (SEED1, 32, "really closed up that border. Maybe a li", "Donald Trump"),
    (SEED1, 33, "We\u2019re having very tough talks on trade,", "Donald Trump"),
    (SEED1, 33, "And I think that probably affects China ", "Donald Trump"),
    (SEED2, 3, "China understands that the United States", "Rex W. Tillerson"),
    (SEED2, 3, "We reiterated to China that they have a ", "Rex W. Tillerson"),
    (SEED2, 5, "achieve the complete dismantling of Nort", "Moon Jae-in"),
    (SEED2, 7, "Under certain circumstances, we are will", "Kye Chun-yong"),
    (SEED2, 7, "For instance, if the American side compl", "Kye Chun-yong"),
    (SEED2, 9, "a comprehensive set of capabilities", "Rex W. Tillerson"),
    (SEED2, 14, "and we hope China will do their part as ", "Rex W. Tillerson"),
    (SEED2, 15, "continue to take necessary measures to d", "Jim Mattis"),
]


@pytest.fixture(scope="module")
def corpus(nlp):
    return pipeline.extract([ROOT / "seeds"], settings(ROOT))


def test_every_seed_quotation_has_its_speaker(corpus):
    names = {a.id: a.name for a in corpus.actors}
    got = [
        (q.article, q.paragraph, q.text[:40], names.get(q.speaker))
        for q in corpus.quotes
        if q.kind != "indirect"
    ]
    assert got == QUOTES


def test_quote_offsets_point_at_the_words(corpus):
    for q in corpus.quotes:
        para = corpus.article(q.article).paragraphs[q.paragraph]
        assert para[q.start : q.end] == q.text


@pytest.mark.parametrize(
    ("article", "paragraph", "speaker", "start"),
    [
        (SEED1, 0, "Mike Pompeo", "President Trump was sticking to demands"),
        (SEED2, 6, "Kye Chun-yong", "his country was willing to consider a moratorium"),
    ],
)
def test_indirect_speech(corpus, article, paragraph, speaker, start):
    names = {a.id: a.name for a in corpus.actors}
    hits = [
        q
        for q in corpus.quotes
        if q.kind == "indirect" and q.article == article and q.paragraph == paragraph
    ]
    assert any(names.get(q.speaker) == speaker and q.text.startswith(start) for q in hits), hits
