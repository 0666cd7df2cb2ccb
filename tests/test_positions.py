"""Positions: stances joined across articles, the editors' corrections, the topics
file's proposals and questions, and the seeds' positions."""

from __future__ import annotations

import textwrap
from dataclasses import replace

import pytest

from generator import pipeline
from generator.config import settings
from generator.curation import load_curation
from generator.editorial import EditorialError
from generator.extract.positions import build_positions
from generator.model import Actor, Article, ArticleFacts, Stance
from generator.topicspec import load_topics

from .conftest import ROOT

PROPOSALS = {"freezes": "a freeze"}
ACTORS = (Actor("ana-lind", "Ana Lind", "person", aliases=("Ms. Lind",)),)


def facts(art_id: str, date: str, *stances: tuple[str, str | None]) -> ArticleFacts:
    art = Article(art_id, f"{art_id}.txt", art_id, ("One sentence. Two sentence.",) * 3, date=date)
    return ArticleFacts(
        article=art,
        stances=tuple(
            Stance("freezes", "person:ana lind", stance, i, 0, 13, "cue", condition)
            for i, (stance, condition) in enumerate(stances)
        ),
    )


def positions(*fs: ArticleFacts, curation=()):
    mapping = {(f.article.id, "person:ana lind"): "ana-lind" for f in fs}
    return build_positions(list(fs), mapping, ACTORS, PROPOSALS, curation, "curation.yaml")


def test_the_latest_article_decides_and_keeps_the_older_evidence():
    (p,) = positions(
        facts("a", "2017-01-01", ("against", None)), facts("b", "2018-01-01", ("for", None))
    )
    assert (p.stance, p.summary, p.date, p.since) == (
        "for",
        "For a freeze.",
        "2018-01-01",
        "2018-01-01",
    )
    # The change of mind is kept, with its source: against in 2017.
    assert [e.article for e in p.evidence] == ["b"]
    assert [(h.stance, h.date, [e.article for e in h.evidence]) for h in p.history] == [
        ("against", "2017-01-01", ["a"])
    ]


def test_a_stance_held_across_articles_is_one_run_since_the_first():
    (p,) = positions(
        facts("a", "2017-01-01", ("for", None)),
        facts("b", "2017-06-01", ("conditional", "if the exercises stop")),
        facts("c", "2018-01-01", ("for", None)),
    )
    assert (p.stance, p.since, p.history) == ("for", "2017-01-01", ())
    assert [e.article for e in p.evidence] == ["a", "b", "c"]


def test_back_and_forth_keeps_every_earlier_stance_newest_first():
    (p,) = positions(
        facts("a", "2016-01-01", ("for", None)),
        facts("b", "2017-01-01", ("against", None)),
        facts("c", "2018-01-01", ("for", None)),
    )
    assert p.stance == "for" and p.since == "2018-01-01"
    assert [(h.stance, h.date) for h in p.history] == [
        ("against", "2017-01-01"),
        ("for", "2016-01-01"),
    ]


def test_for_and_a_condition_is_conditional_with_the_fullest_condition():
    (p,) = positions(
        facts(
            "a",
            "2017-01-01",
            ("for", None),
            ("conditional", "under certain circumstances"),
            ("conditional", "if the exercises stop"),
        )
    )
    assert p.stance == "conditional"
    assert p.summary == "For a freeze, if the exercises stop."


def test_for_and_against_at_once_is_undecided():
    (p,) = positions(facts("a", "2017-01-01", ("for", None), ("against", None)))
    assert p.stance == "undecided"


def curation(tmp_path, text: str):
    path = tmp_path / "curation.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_curation(path)


def test_curation_sets_and_drops_positions_by_id_or_name(tmp_path):
    f = facts("a", "2017-01-01", ("for", None))
    (p,) = positions(
        f,
        curation=curation(
            tmp_path,
            """
            position:
              - {actor: Ana Lind, topic: freezes, stance: against, summary: Against any freeze.}
            """,
        ),
    )
    assert (p.stance, p.summary, p.curated) == ("against", "Against any freeze.", True)
    assert (
        positions(
            f,
            curation=curation(
                tmp_path, "position: [{actor: ana-lind, topic: freezes, stance: drop}]"
            ),
        )
        == ()
    )


def test_curation_adds_a_position_with_its_evidence(tmp_path):
    c = curation(
        tmp_path,
        "position: [{actor: ms. lind, topic: freezes, stance: conditional,"
        " article: a, paragraph: 2}]",
    )
    (p,) = positions(facts("a", "2017-01-01"), curation=c)
    assert (p.stance, p.evidence[0].paragraph) == ("conditional", 1)


@pytest.mark.parametrize(
    "text, message",
    [
        ("position: [{actor: nobody, topic: freezes, stance: for}]", "no actor 'nobody'"),
        ("position: [{actor: ana-lind, topic: trade, stance: for}]", "has no proposal"),
        ("position: [{actor: ana-lind, topic: freezes, stance: maybe}]", "'stance' must be"),
        (
            "position: [{actor: ana-lind, topic: freezes, stance: for, article: a}]",
            "needs 'article'",
        ),
        (
            "position: [{actor: ana-lind, topic: freezes, stance: for, article: a, paragraph: 9}]",
            "no paragraph 9",
        ),
        ("position: [{actor: ana-lind, topic: freezes, stance: for, colour: red}]", "no 'colour'"),
    ],
)
def test_curation_mistakes_are_one_line_with_the_file_and_line(tmp_path, text, message):
    with pytest.raises(EditorialError) as err:
        positions(facts("a", "2017-01-01"), curation=curation(tmp_path, text))
    assert message in str(err.value) and "curation.yaml" in str(err.value)


def test_topics_file_proposals_and_questions(tmp_path):
    path = tmp_path / "topics.yaml"
    path.write_text(
        textwrap.dedent(
            """
            - id: freezes
              name: Freezes
              terms: [freeze]
              proposal: {name: a freeze, terms: [freeze, moratorium]}
              questions:
                - What is a freeze?
                - question: Who wants one?
                - question: Why did they fail?
                  answer: Nobody kept them.
                - question: Where is it?
                  show: history
            """
        ),
        encoding="utf-8",
    )
    (t,) = load_topics(path)
    assert t.proposal.name == "a freeze" and t.proposal.actions == ()
    assert [(q.show, q.answer) for q in t.questions] == [
        ("passages", None),
        ("positions", None),
        ("history", "Nobody kept them."),
        ("history", None),
    ]


@pytest.mark.parametrize(
    "entry, message",
    [
        ("proposal: {terms: [freeze]}", "a proposal needs 'name'"),
        ("proposal: {name: x, terms: [x], verbs: [y]}", "a proposal has no 'verbs'"),
        ("questions: [{question: Why, show: pictures}]", "'show' must be one of"),
        ("questions: [{answer: Yes.}]", "a question needs 'question'"),
        ("proposals: {name: x}", "a topic has no 'proposals'"),
    ],
)
def test_topics_file_mistakes(tmp_path, entry, message):
    path = tmp_path / "topics.yaml"
    path.write_text(f"- id: t\n  name: T\n  terms: [t]\n  {entry}\n", encoding="utf-8")
    with pytest.raises(EditorialError) as err:
        load_topics(path)
    assert message in str(err.value) and "topics.yaml:" in str(err.value)


# --- the seeds -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(nlp):
    return pipeline.extract([ROOT / "seeds"], settings(ROOT))


def test_seeds_show_who_is_for_a_freeze_against_it_and_on_what_condition(seeds):
    names = {a.id: a.name for a in seeds.actors}
    got = {(p.topic, names[p.actor]): p.stance for p in seeds.positions}
    assert got[("freezes", "China")] == "for"
    assert got[("freezes", "Moon Jae-in")] == "for"
    assert got[("freezes", "William J. Perry")] == "for"
    assert got[("freezes", "Kye Chun-yong")] == "conditional"
    assert got[("freezes", "Rex W. Tillerson")] == "against"
    assert got[("freezes", "White House")] == "against"
    # Ending the joint exercises: Trump for, Moon and Kono on a condition.
    assert got[("military-exercises", "Donald Trump")] == "for"
    assert got[("military-exercises", "Moon Jae-in")] == "conditional"
    assert got[("military-exercises", "Taro Kono")] == "conditional"
    kono = next(p for p in seeds.positions if names[p.actor] == "Taro Kono")
    assert "contingent upon North Korean action toward denuclearization" in kono.summary
    # Each position's evidence is a whole sentence of its article.
    arts = {a.id: a for a in seeds.articles}
    for p in seeds.positions:
        for e in p.evidence:
            text = arts[e.article].paragraphs[e.paragraph]
            sentence = text[e.start : e.end].strip()
            assert sentence[-1] in '.”"' and (e.start == 0 or text[e.start - 2] in '.”"')


def test_seeds_gain_china_on_relief_and_north_korea_through_its_ambassador(seeds):
    names = {a.id: a.name for a in seeds.actors}
    got = {(p.topic, names[p.actor]): p for p in seeds.positions}
    assert got[("sanctions", "China")].stance == "for"
    kye = got[("freezes", "Kye Chun-yong")]
    assert kye.on_behalf == "North Korea"
    # An anaphoric condition carries what it refers to.
    pompeo = got[("sanctions", "Mike Pompeo")]
    assert "complete denuclearization" in pompeo.condition
    # Every position says when.
    assert all(p.date and p.since for p in seeds.positions)


def test_when_a_stance_holds_and_what_it_was_before():
    from generator.explain import ExplainViews

    (p,) = positions(
        facts("a", "2017-06-21", ("against", None)), facts("b", "2018-06-12", ("for", None))
    )
    assert ExplainViews.stance_when(p) == "since June 12, 2018"
    assert [(label, when) for label, when, _ in ExplainViews.earlier(p)] == [
        ("against", "in June 2017")
    ]
    (q,) = positions(facts("a", "2018-06-14", ("for", None)))
    assert ExplainViews.stance_when(q, True) == "As of June 14, 2018"
    assert ExplainViews.earlier(q) == []


def test_positions_with_history_and_behalf_keep_the_contract():
    import json

    import jsonschema

    from generator import serialize
    from generator.model import Corpus

    from .conftest import FIXTURES

    (p,) = positions(
        facts("a", "2017-06-21", ("against", None)), facts("b", "2018-06-12", ("for", None))
    )
    arts = tuple(
        Article(i, f"{i}.txt", i.upper(), ("One.",), date=d)
        for i, d in (("a", "2017-06-21"), ("b", "2018-06-12"))
    )
    corpus = Corpus(
        articles=arts,
        actors=(Actor("kim", "Kim", "person", articles=("a", "b")),),
        quotes=(),
        topics=(),
        events=(),
        positions=(replace(p, on_behalf="North Korea"),),
    )
    data = json.loads(serialize.dumps(corpus))
    schema = json.loads((FIXTURES / "contract" / "explainer-data.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(data)
    (row,) = data["positions"]
    assert row["since"] == "2018-06-12" and row["on_behalf"] == "North Korea"
    assert row["history"][0]["stance"] == "against"
    assert row["history"][0]["evidence"][0]["article"] == "a"
