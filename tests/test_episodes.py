"""Episodes of a topic's history: one per past instance, merged across articles,
with their disagreements said; commentary and careers are not events."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.config import settings

from .conftest import ROOT, make_project


def corpus_of(tmp_path, articles: dict[str, str], with_seeds: bool = False):
    make_project(tmp_path, articles=articles, seeds_from=ROOT / "seeds" if with_seeds else None)
    return pipeline.extract([tmp_path / "seeds"], settings(tmp_path), use_cache=False)


def md(date: str, body: str) -> str:
    return f"---\ntitle: T\ndate: {date}\n---\n\n{body}\n"


def freezes(corpus):
    return [ep for ep in corpus.episodes if ep.topic == "freezes"]


def test_the_events_of_one_sentence_are_one_episode(nlp, tmp_path):
    c = corpus_of(
        tmp_path,
        {
            "a.md": md(
                "2019-03-01", "North Korea agreed to a freeze in 1996 and abandoned it in 1999."
            )
        },
    )
    (ep,) = freezes(c)
    assert (ep.start, ep.end, len(ep.events)) == ("1996", "1999", 2)


def test_two_articles_telling_one_freeze_with_different_years_are_one_episode(nlp, tmp_path):
    c = corpus_of(
        tmp_path,
        {
            "a.md": md(
                "2019-03-01", "North Korea agreed to a freeze in 1994 and abandoned it in 2002."
            ),
            "b.md": md(
                "2019-04-01", "North Korea agreed to a freeze in 1994 and abandoned it in 2003."
            ),
        },
    )
    (ep,) = freezes(c)
    assert ep.start == "1994" and len(ep.events) == 4
    (note,) = ep.conflicts
    assert "differ on when it ended" in note and "2002" in note and "2003" in note


@pytest.mark.parametrize(
    "sentence",
    [
        "A freeze is a trap.",  # commentary
        "China's strategy on the freeze has been to buy time.",
        "Support for a freeze has been increasing.",  # a trend
        "The freeze talks include a pause in tests.",
    ],
)
def test_commentary_is_no_event(nlp, tmp_path, sentence):
    c = corpus_of(tmp_path, {"a.md": md("2019-03-01", sentence)})
    assert c.events == ()


def test_a_career_is_no_event(nlp, tmp_path):
    c = corpus_of(
        tmp_path,
        {
            "a.md": md(
                "2019-03-01",
                "A former trade official who directed the freeze talks in 2004 said it failed. "
                "Kim Ho served as envoy to the freeze talks in 2005.",
            )
        },
    )
    assert [e.date for e in c.events if e.date in ("2004", "2005")] == []


def test_the_seeds_have_two_past_freezes_and_a_retelling_merges_with_a_note(nlp, tmp_path):
    c = corpus_of(
        tmp_path,
        {
            "retold.md": md(
                "2019-02-28",
                "North Korea agreed to a freeze in 1994, and the deal collapsed in 2002 "
                "when it was found to be enriching uranium.",
            )
        },
        with_seeds=True,
    )
    eps = freezes(c)
    assert [ep.start for ep in eps] == ["1994", "2008"]
    first = eps[0]
    assert first.approximate or first.end == "2002"
    assert any("2002" in note for note in first.conflicts), first
    # The news of the articles' own weeks is not an episode.
    assert all(int(ep.start[:4]) < 2017 for ep in eps)
