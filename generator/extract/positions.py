"""Positions: the per-article stances joined into where each actor stands.

`build_positions(facts, mapping, actors, specs, curation, path)` gathers every
stance of an actor on a topic's proposal across the articles. The stance shown is
the latest article's, `since` the first article of its latest run; a change of side
from one dated article to a later one keeps the earlier stances, with their
evidence, in `history` (newest first);
for and conditional together are conditional; for and against in the same
article are undecided. Editors' `position` entries in curation.yaml set a stance
(and summary) or drop one.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from generator.curation import CurationEntry
from generator.editorial import EditorialError
from generator.model import STANCE_ORDER, Actor, ArticleFacts, Earlier, Evidence, Position

WEAK = ("when", "once", "until", "in return", "in exchange", "under")


def build_positions(
    facts: list[ArticleFacts],
    mapping: dict[tuple[str, str], str],
    actors: tuple[Actor, ...],
    proposals: dict[str, str],
    curation: tuple[CurationEntry, ...] = (),
    curation_path: Path | str = "curation.yaml",
) -> tuple[Position, ...]:
    """`proposals` maps topic ids to their proposal's name ("a freeze")."""
    dates = {f.article.id: f.article.date for f in facts}
    gathered: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    behalf: dict[tuple[str, str], str] = {}
    for f in facts:
        for s in f.stances:
            actor = mapping.get((f.article.id, s.owner))
            if actor is None or s.topic not in proposals:
                continue
            ev = Evidence(f.article.id, s.paragraph, s.start, s.end, s.quote, s.condition, s.stance)
            if ev not in gathered[(s.topic, actor)]:
                gathered[(s.topic, actor)].append(ev)
            if s.on_behalf:
                behalf[(s.topic, actor)] = s.on_behalf
    positions: dict[tuple[str, str], Position] = {}
    for (topic, actor), evidence in gathered.items():
        evidence.sort(key=lambda e: (dates.get(e.article) or "", e.article, e.paragraph, e.start))
        runs = _runs(evidence, dates)
        current = runs[-1]
        stance, condition = _stance(current, dates)
        positions[(topic, actor)] = Position(
            topic=topic,
            actor=actor,
            stance=stance,
            summary=summarize(stance, proposals[topic], condition),
            condition=condition,
            date=max((dates.get(e.article) or "" for e in evidence), default="") or None,
            # The current stance's own evidence first in the row; the earlier
            # stances' under `history`.
            evidence=tuple(current),
            since=min((dates.get(e.article) or "" for e in current), default="") or None,
            history=tuple(
                Earlier(_stance(run, dates)[0], _latest(run, dates), tuple(run))
                for run in reversed(runs[:-1])
            ),
            on_behalf=behalf.get((topic, actor)),
        )
    paragraphs = {f.article.id: len(f.article.paragraphs) for f in facts}
    _curate(positions, curation, curation_path, actors, proposals, dates, paragraphs)
    return tuple(
        sorted(positions.values(), key=lambda p: (p.topic, STANCE_ORDER.index(p.stance), p.actor))
    )


def _latest(evidence: list[Evidence], dates: dict) -> str | None:
    return max((dates.get(e.article) or "" for e in evidence), default="") or None


def _runs(evidence: list[Evidence], dates: dict) -> list[list[Evidence]]:
    """The evidence (sorted by date) cut where the stance changes from one dated
    article to a later one: a change of mind is a new run. Undated evidence joins
    the run it is read with."""
    by_date: dict[str, list[Evidence]] = {}
    for e in evidence:
        by_date.setdefault(dates.get(e.article) or "", []).append(e)
    runs: list[list[Evidence]] = []
    last = None
    for day in sorted(by_date):
        items = by_date[day]
        stance = _stance(items, dates)[0]
        # For and on a condition are one side: only a change of side is a change.
        side = "for" if stance == "conditional" else stance
        if runs and (side == last or not day):
            runs[-1].extend(items)
        else:
            runs.append(list(items))
        last = side if day else last
    return runs


def _stance(evidence: list[Evidence], dates: dict) -> tuple[str, str | None]:
    latest = max(dates.get(e.article) or "" for e in evidence)
    now = [e for e in evidence if (dates.get(e.article) or "") == latest]
    kinds = {e.stance for e in now}
    if "for" in kinds and "against" in kinds or kinds == {"undecided"}:
        stance = "undecided"
    elif "against" in kinds:
        stance = "against"
    elif "conditional" in kinds:
        stance = "conditional"
    else:
        stance = "for"
    if stance != "conditional":
        return stance, None
    conditions = [e.condition for e in now if e.stance == "conditional" and e.condition]
    # The condition said most fully and most firmly ("only after denuclearization",
    # "if the United States ... stopped ...", not "under certain circumstances" or
    # "when relations improved").
    condition = max(
        conditions,
        key=lambda c: (not c.lower().startswith(WEAK), len(c.split()) >= 3, len(c.split())),
        default=None,
    )
    return stance, condition


def summarize(stance: str, proposal: str, condition: str | None = None) -> str:
    """One sentence a reader takes in at a glance: "For a freeze, if the United
    States and South Korea stopped their annual joint military exercises." """
    if stance == "for":
        return f"For {proposal}."
    if stance == "against":
        return f"Against {proposal}."
    if stance == "undecided":
        return f"Has said both for and against {proposal}."
    if condition and len(condition.split()) >= 3:
        return f"For {proposal}, {condition[0].lower() + condition[1:]}."
    return f"For {proposal}, but only on conditions."


def find_actor(actors: tuple[Actor, ...], ref: str) -> Actor | None:
    """An actor named by its id, its name or one of its other names."""
    folded = ref.casefold().strip()
    for a in actors:
        if a.id == ref:
            return a
    for a in actors:
        if a.name.casefold() == folded or folded in (x.casefold() for x in a.aliases):
            return a
    return None


def _curate(positions, curation, path, actors, proposals, dates, paragraphs) -> None:
    for c in curation:
        if c.action != "position":
            continue
        actor = find_actor(actors, c.actor)
        if actor is None:
            raise EditorialError(path, c.line, f"position: no actor '{c.actor}'")
        topic = c.values["topic"]
        if topic not in proposals:
            raise EditorialError(
                path, c.line, f"position: the topic '{topic}' has no proposal in topics.yaml"
            )
        key = (topic, actor.id)
        stance = c.values["stance"]
        if stance == "drop":
            positions.pop(key, None)
            continue
        old = positions.get(key)
        evidence = old.evidence if old else ()
        if "article" in c.values:
            art, para = c.values["article"], c.values["paragraph"] - 1  # 1-based, as shown
            if art not in dates:
                raise EditorialError(path, c.line, f"position: no article '{art}'")
            if not 0 <= para < paragraphs[art]:
                raise EditorialError(path, c.line, f"position: '{art}' has no paragraph {para + 1}")
            evidence = (Evidence(art, para, 0, 0, None, None, stance), *evidence)
        if not evidence:
            raise EditorialError(
                path, c.line, "position: a new position needs 'article' and 'paragraph'"
            )
        positions[key] = Position(
            topic=topic,
            actor=actor.id,
            stance=stance,
            summary=c.values.get("summary") or summarize(stance, proposals[topic]),
            condition=None,
            date=old.date if old else dates.get(evidence[0].article),
            evidence=tuple(evidence),
            curated=True,
        )
