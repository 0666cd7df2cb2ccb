"""Who an actor is, for the pages: their roles merged across articles (one row per
title and country, whatever the case the articles wrote it in, with the articles that
give it, newest first) and the one line under their name (kind, current role, since
when). A view given the articles it dates roles by."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from generator import rules
from generator.markup import KIND_LABELS
from generator.model import Actor, Article, Role
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


@functools.cache
def _partial() -> frozenset[str]:
    return frozenset(t.lower() for t in rules.load("titles.yaml")["partial_titles"])


_PAST = ("former", "late")


def _past(title: str) -> bool:
    words = title.split()  # a title read from data may be blank
    return bool(words) and words[0].lower() in _PAST


def _completed(roles: tuple[Role, ...]) -> list[Role]:
    """The roles with a partial title ("Secretary", "former Secretary") given as
    the fuller title of the actor's that has its words, the one the most articles
    give ("former Secretary of State"): an address ("Secretary Clinton") says
    less than the office. Only where the countries agree."""
    given: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    affs: dict[str, set[str | None]] = {}
    for r in roles:
        key = r.title.lower()
        given.setdefault(key, set()).add(r.article)
        written.setdefault(key, r.title)
        affs.setdefault(key, set()).add(r.affiliation)
    out = []
    for r in roles:
        words = r.title.lower().split()
        core = [w for w in words if w not in _PAST]
        if len(core) != 1 or core[0] not in _partial():
            out.append(r)
            continue
        fuller = [
            t
            for t in given
            if len([w for w in t.split() if w not in _PAST]) > 1
            and _has_words(t.split(), words)
            and (r.affiliation is None or affs[t] <= {r.affiliation, None})
        ]
        if not fuller:
            out.append(r)
            continue
        best = max(fuller, key=lambda t: (len(given[t]), t))
        aff = r.affiliation or next((a for a in affs[best] if a), None)
        out.append(Role(written[best], aff, r.article))
    return out


# Words that make a title another office than the one it ends with: a "former
# vice president" is no former president.
_RANKS = {"vice", "deputy", "assistant", "associate", "under", "lieutenant", "co", "acting"}


def _ended(roles: list[Role], date) -> list[Role]:
    """The roles with a bare title ("Governor") given as the past office the
    articles say it is ("former Florida governor") in the articles dated from the
    first that says so: "Governor Bush" addresses a man out of office. Only where
    at least a quarter as many articles say "former" as give the bare title from
    then on, and two or more, or as many: one article's slip among many does not
    end an office."""
    past: dict[tuple[str, ...], list[Role]] = {}
    bare: dict[tuple[str, ...], list[Role]] = {}
    for r in roles:
        words = tuple(r.title.lower().split())
        if words and words[0] == "former":
            past.setdefault(words[1:], []).append(r)
        elif words and words[0] not in _PAST:
            bare.setdefault(words, []).append(r)
    swap: dict[int, Role] = {}
    for words, held in bare.items():
        n = len(words)
        ends = [
            p
            for p in past
            if len(p) >= n and p[-n:] == words and (len(p) == n or p[-n - 1] not in _RANKS)
        ]
        if not ends:
            continue
        end = max(ends, key=lambda p: (len({r.article for r in past[p]}), p))
        said = [r for p in ends for r in past[p]]  # "former governor", "former Ohio governor"
        since = min(date(r.article) for r in said)
        after = [r for r in held if date(r.article) >= since]
        n_past = len({r.article for r in said})
        n_after = len({r.article for r in after})
        if (n_past < 2 and n_past < n_after) or 4 * n_past < n_after:
            continue
        for r in after:
            aff = r.affiliation or next((x.affiliation for x in said if x.affiliation), None)
            swap[id(r)] = Role(past[end][0].title, aff, r.article)
    return [swap.get(id(r), r) for r in roles]


def _has_words(title: list[str], words: list[str]) -> bool:
    """Whether `words` are in `title` in their order ("former secretary" in
    "former secretary of state")."""
    it = iter(title)
    return all(w in it for w in words)


class Roles:
    def __init__(self, articles: dict[str, Article]):
        self.articles = articles

    def _date(self, article_id: str) -> str:
        art = self.articles.get(article_id)
        return (art.date or "") if art else ""

    def merged(self, actor: Actor) -> list[MergedRole]:
        """One row per role, newest first: "President" and "president" are one."""
        groups: dict[tuple[str, str | None], list] = {}
        for r in _ended(_completed(actor.roles), self._date):
            groups.setdefault((r.title.lower(), r.affiliation), []).append(r)
        rows = []
        for (_, affiliation), roles in groups.items():
            roles.sort(key=lambda r: (self._date(r.article), r.article), reverse=True)
            arts = tuple(dict.fromkeys(r.article for r in roles))
            title = roles[0].title[:1].upper() + roles[0].title[1:]
            rows.append(MergedRole(title, affiliation, arts, self._date(arts[0]) or None))
        # Newest first; of the roles the articles of that day give, one still
        # held before a past one ("former Secretary of State" is not who she is
        # now, unless that day also says "former" of it), then the most given.
        ended = {(m.date, " ".join(m.title.lower().split()[1:])) for m in rows if _past(m.title)}
        return sorted(
            rows,
            key=lambda m: (
                m.date or "",
                not _past(m.title) and (m.date, m.title.lower()) not in ended,
                len(m.articles),
                m.title,
            ),
            reverse=True,
        )

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
