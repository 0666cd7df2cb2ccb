"""Where a speaker's statements go: the quotations page of their letter (the newest
few), their own page (those of their newest articles), and, for a speaker quoted in
more articles than that, a page per month of the older ones (with the older
articles naming them). At 840 articles
Trump's page held 988 statements from 246 articles, 274 KB of its 488."""

from __future__ import annotations

import re
from collections import defaultdict

from markupsafe import Markup

from generator.model import Article, Quote
from generator.statements import by_article
from generator.wording import human_date

# A speaker's statements on a quotations page: the newest, the rest on their own
# page (Trump's alone made the single page of every quotation megabytes).
QUOTES_PER_SPEAKER = 20
# Statements a quotations page shows at most, unless one letter's speakers, down to
# three letters of their names, show more (indexpages.split_index).
QUOTES_PER_PAGE = 300
# The articles whose statements an actor's own page shows, newest first.
SAID_ARTICLES = 20

Groups = list[tuple[str, list[Quote]]]  # (article id, its statements), as by_article


def quotes_page(prefix: str) -> str:
    """The quotations page of the speakers under `prefix` ("a", "sa", "other"),
    the index's own for ""."""
    return f"quotes/{prefix.lower()}.md" if prefix else "quotes/index.md"


def speaker_anchor(actor_id: str) -> Markup:
    """The anchor of a speaker's section on their quotations page: the id's slug
    characters only, whatever an id holds."""
    return Markup("q-" + re.sub(r"[^a-z0-9-]", "", actor_id.lower()))


def said_page(actor_id: str, key: str) -> str:
    """The page of what an actor said, and the articles naming them, in the older
    articles of month `key` ("2016-05", or "undated")."""
    return f"months/{actor_id}/{key}.md"


# One month of an actor's older articles: (key, label, statements as by_article
# groups, mentions as (article id, count)).
Month = tuple[str, str, Groups, list[tuple[str, int]]]


def split_said(
    quotes: list[Quote],
    mentions: list[tuple[str, int]],
    articles: dict[str, Article],
    shown: int = SAID_ARTICLES,
) -> tuple[Groups, list[tuple[str, int]], list[Month]]:
    """The statements of the `shown` newest articles quoting the actor, the `shown`
    newest articles naming them (`mentions` come newest first, as
    `Cast.mention_counts` gives them), and the older of both by month of their
    article, newest month first, undated articles last."""
    groups = by_article(quotes, articles)
    named = list(mentions)
    months: dict[str, tuple[Groups, list[tuple[str, int]]]] = defaultdict(lambda: ([], []))

    def key(art_id: str) -> str:
        date = articles[art_id].date
        return date[:7] if date else "undated"

    for art_id, items in groups[shown:]:
        months[key(art_id)][0].append((art_id, items))
    for art_id, n in named[shown:]:
        months[key(art_id)][1].append((art_id, n))
    keys = sorted((k for k in months if k != "undated"), reverse=True)
    keys += ["undated"] if "undated" in months else []
    return (
        groups[:shown],
        named[:shown],
        [(k, human_date(k) if k != "undated" else "Undated", *months[k]) for k in keys],
    )
