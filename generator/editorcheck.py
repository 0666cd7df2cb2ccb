"""Warnings for the editors, one line each: what in editorial/ the articles give
nothing for. Not errors: the site builds, but a page would be empty or wrong where
the editors expect something (a new beat with the old beat's files, most often)."""

from __future__ import annotations

from generator.leaders import Leader
from generator.siteviews import Site


def editor_warnings(site: Site, leaders: tuple[Leader, ...]) -> list[str]:
    out = []
    stances = {p.topic for p in site.corpus.positions}
    for topic in site.corpus.topics:
        if topic.proposal and topic.id not in stances:
            out.append(
                f"warning: topics.yaml: topic '{topic.id}' found no stances on "
                f"'{topic.proposal}' in the articles (its 'Where they stand' table is empty)"
            )
        if topic.history and not site.history.told(topic):
            out.append(
                f"warning: topics.yaml: topic '{topic.id}' has a history page but the "
                "articles recount no events on it (the page says so; the home page leaves "
                "it out)"
            )
        for card in site.explain.cards(topic):
            if not (card.sides or card.episodes or card.passages):
                out.append(
                    f"warning: topics.yaml: topic '{topic.id}', question '{card.question}' "
                    "has no evidence in the articles"
                )
    if leaders and not _any_mentioned(site, leaders):
        out.append(
            f"warning: leaders.yaml: none of its {len(leaders)} leaders is mentioned in the "
            "articles (is it another beat's?)"
        )
    return out


def _any_mentioned(site: Site, leaders: tuple[Leader, ...]) -> bool:
    """Whether the articles name any leader: an actor of that name (the articles'
    "President Trump" is the actor Donald Trump), or the name in the text."""
    names = {n for leader in leaders for n in (leader.name, *leader.aliases) if n}
    if any(a.name in names or names & set(a.aliases) for a in site.corpus.actors):
        return True
    for article in site.corpus.articles:
        text = "\n".join((article.title or "", *article.paragraphs))
        if any(n in text for n in names):
            return True
    return False
