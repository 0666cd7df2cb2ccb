"""The author of a signed opinion piece holds the stances its own voice argues; a
news report's byline is never an actor (invented articles)."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import main
from generator.extract import Context, extract_article
from generator.extract.topics import TopicMatcher
from generator.model import Article
from generator.topicspec import Proposal, TopicSpec
from tests.conftest import make_project

SPECS = (
    TopicSpec(
        "toll",
        "The bridge toll",
        "",
        ("toll",),
        proposal=Proposal("scrapping the toll", ("toll",), ("scrap", "abolish", "end")),
    ),
)

OPINION = (
    "I have driven over the Harbour Bridge every morning for twenty years.",
    "I think the city should scrap the toll before winter.",
    "My neighbours agree, and I have written to the mayor twice.",
    "There are good reasons to end the toll now.",
    "Mayor Tom Hale says the money pays for repairs.",
)
REPORT = (
    "Mayor Tom Hale defended the bridge toll on Monday.",
    '"I will never scrap the toll," he said. "I think it pays for itself."',
    '"I know my budget," Mr. Hale added.',
    "Drivers paid $4 each way last year.",
)


def _stances(nlp, paragraphs, authors):
    art = Article("a", "a.txt", "A", paragraphs, date="2021-03-01", authors=authors)
    facts = extract_article(
        art, list(nlp.pipe(paragraphs)), Context(topics=TopicMatcher(nlp, SPECS))
    )
    names = {e.key: e.name for e in facts.entities}
    return facts, {(names[s.owner], s.stance) for s in facts.stances}


def test_opinion_author_holds_the_pieces_stances(nlp):
    facts, stances = _stances(nlp, OPINION, ("JANE ROE",))
    assert ("Jane Roe", "for") in stances
    author = next(e for e in facts.entities if e.name == "Jane Roe")
    assert author.kind == "person" and author.mentions == ()


def test_report_byline_is_no_actor(nlp):
    facts, stances = _stances(nlp, REPORT, ("Jane Roe",))
    assert "Jane Roe" not in {e.name for e in facts.entities}
    assert ("Tom Hale", "against") in stances or ("Hale", "against") in stances


def test_unsigned_opinion_has_no_author(nlp):
    facts, stances = _stances(nlp, OPINION, ())
    assert not any(name == "Jane Roe" for name, _ in stances)
    assert {name for name, _ in stances} <= {"Tom Hale"}


def test_opinion_author_gets_a_page(tmp_path, monkeypatch):
    text = "---\ntitle: Scrap the toll\ndate: 2021-03-01\nauthors: [Jane Roe]\n---\n\n"
    make_project(tmp_path, {"oped.md": text + "\n\n".join(OPINION) + "\n"})
    (tmp_path / "editorial" / "topics.yaml").write_text(
        "- id: toll\n  name: The bridge toll\n  description: The toll.\n  terms: [toll]\n"
        "  proposal: {name: scrapping the toll, terms: [toll], actions: [scrap, end]}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["generate"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site_src" / "actors" / "jane-roe.md").read_text(encoding="utf-8")
    assert "Jane Roe" in page
    topic = (tmp_path / "site_src" / "topics" / "toll.md").read_text(encoding="utf-8")
    assert "jane-roe.md" in topic
