"""The articles as the pages read them: `Texts`, given the articles, the
quotations and where actors are mentioned (the cast's index). Newest first, a
paragraph's excerpt, a piece of a paragraph with its mentions linked, the
quotations no one was found to have said.
"""

from __future__ import annotations

from collections import defaultdict

from markupsafe import Markup

from generator.escape import md_escape
from generator.markup import paragraph_markup
from generator.model import Article, Quote


class Texts:
    def __init__(
        self,
        by_date: list[Article],
        quotes: tuple[Quote, ...],
        mentions: dict[str, dict[int, list[tuple[int, int, str]]]],
    ):
        """`by_date`: the articles, newest first; `mentions`: article -> paragraph ->
        (start, end, actor id) of each mention to link."""
        self.by_date = by_date
        self.articles = {a.id: a for a in by_date}
        self.quotes = quotes
        self.mentions = mentions
        self.quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        for q in quotes:
            self.quotes_by_article[q.article].append(q)

    def articles_by_date(self) -> list[Article]:
        return self.by_date

    def unattributed(self) -> list[Quote]:
        return [q for q in self.quotes if not q.speaker and q.kind != "indirect"]

    def linked(
        self, article_id: str, paragraph: int, text: str, page: str, seen: set | None = None
    ) -> Markup:
        """`text`, a piece of one paragraph, with its actor mentions linked; with
        `seen`, only the first mention of each actor not in it (and it is filled)."""
        para = self.articles[article_id].paragraphs[paragraph]
        tail = "\u2026" if text.endswith("\u2026") and text not in para else ""
        text = text.removesuffix(tail)
        start = para.find(text)
        if start < 0:
            return Markup(md_escape(text + tail))
        end = start + len(text)
        mentions = [
            (s - start, e - start, a)
            for s, e, a in sorted(self.mentions[article_id][paragraph])
            if start <= s and e <= end
        ]
        if seen is not None:
            first = []
            for m in mentions:
                if m[2] not in seen:
                    seen.add(m[2])
                    first.append(m)
            mentions = first
        return Markup(paragraph_markup(text, mentions, [], page) + tail)

    def excerpt(self, article_id: str, paragraph: int, words: int = 45) -> str:
        text = self.articles[article_id].paragraphs[paragraph].split()
        return " ".join(text[:words]) + ("\u2026" if len(text) > words else "")
