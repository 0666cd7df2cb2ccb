"""Who an actor is, for the pages: their roles merged across articles (one row per
title and country, whatever the case the articles wrote it in, with the articles that
give it, newest first) and the one line under their name (kind, current role, since
when). A view given the articles it dates roles by."""

from __future__ import annotations

from dataclasses import dataclass

from generator.markup import KIND_LABELS
from generator.model import Actor, Article
from generator.wording import human_date


@dataclass(frozen=True)
class MergedRole:
    title: str  # as the newest article writes it, first letter capitalised
    affiliation: str | None
    articles: tuple[str, ...]  # newest first
    date: str | None  # of the newest article


# Roles shown before "show all": an actor named in hundreds of articles has dozens
# of titles ("Nominee", "Presumptive Republican nominee", ...), which pushed their
# positions screens down the page.
ROLES_SHOWN = 4


class Roles:
    def __init__(self, articles: dict[str, Article]):
        self.articles = articles

    def _date(self, article_id: str) -> str:
        art = self.articles.get(article_id)
        return (art.date or "") if art else ""

    def merged(self, actor: Actor) -> list[MergedRole]:
        """One row per role, newest first: "President" and "president" are one."""
        groups: dict[tuple[str, str | None], list] = {}
        for r in actor.roles:
            groups.setdefault((r.title.lower(), r.affiliation), []).append(r)
        rows = []
        for (_, affiliation), roles in groups.items():
            roles.sort(key=lambda r: (self._date(r.article), r.article), reverse=True)
            arts = tuple(dict.fromkeys(r.article for r in roles))
            title = roles[0].title[:1].upper() + roles[0].title[1:]
            rows.append(MergedRole(title, affiliation, arts, self._date(arts[0]) or None))
        return sorted(rows, key=lambda m: (m.date or "", m.title), reverse=True)

    def summarised(
        self, actor: Actor, shown: int = ROLES_SHOWN
    ) -> tuple[list[MergedRole], list[MergedRole]]:
        """The roles to show first and the rest (behind "show all"). First the
        current role (the newest), then the roles the most articles give, newest
        first among equals; the rest newest first. No rest of a single row: a
        "show all" that opens on one row is a click for nothing."""
        rows = self.merged(actor)
        if len(rows) <= shown + 1:
            return rows, []
        ranked = [rows[0]] + sorted(
            rows[1:], key=lambda m: (len(m.articles), m.date or "", m.title), reverse=True
        )
        first = ranked[:shown]
        return first, [m for m in rows if m not in first]

    def current(self, actor: Actor) -> str:
        """Who the actor is now, in a few words: the newest role ("Secretary of
        State"), with its country where it is not in the title; a country or an
        organisation says what it is."""
        rows = self.merged(actor)
        if not rows:
            kind = "" if actor.kind == "person" else KIND_LABELS.get(actor.kind, actor.kind).lower()
            return ", ".join(x for x in (kind, actor.affiliation or "") if x)
        role = rows[0]
        where = role.affiliation or actor.affiliation
        return f"{role.title}, {where}" if where and where not in role.title else role.title

    def identity(self, actor: Actor) -> str:
        """The line under an actor's name: "Person · Secretary of State, United
        States (as of June 14, 2018)"."""
        kind = KIND_LABELS.get(actor.kind, actor.kind)
        rows = self.merged(actor)
        if not rows:
            return " · ".join(x for x in (kind, actor.affiliation or "") if x)
        when = f" (as of {human_date(rows[0].date)})" if rows[0].date else ""
        return f"{kind} · {self.current(actor)}{when}"
