"""Episodes: the past instances of what a topic's history follows (one freeze, from
its agreement to its collapse), made of the events that tell them.

`build_episodes(events, articles, history_topics)` works on the assembled events
(actor ids, dates resolved):

* Only background counts: an event dated more than a year before its article's
  publication. What happened in the articles' own year is the news, shown apart
  ("Latest"); undated events are in neither.
* The events one sentence tells (agreed in 1994, discarded early in the next
  presidency) are one episode, from its first date to its last.
* Episodes that several articles tell merge into one when they are the same:
  the same topic, the same starting year, and a party in common where both name
  parties. Where the articles disagree on when it began or ended, the episode says
  so in plain words (`conflicts`).

It misses episodes told across several sentences without a date in each, and it
cannot tell two different episodes that start in the same year with the same
parties.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import Article, Episode, Event


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _end_year(date: str | None) -> int | None:
    if not date:
        return None
    return _year(date.rsplit("/", 1)[-1])


def is_background(e: Event, article: Article) -> bool:
    """Dated, and over before the article's own year began."""
    end, pub = _end_year(e.date), _year(article.date)
    if end is None:
        return False
    return pub is None or end < pub


def build_episodes(
    events: tuple[Event, ...], articles: dict[str, Article], history_topics: set[str]
) -> tuple[Episode, ...]:
    out: list[Episode] = []
    for topic in sorted(history_topics):
        groups: dict[tuple, list[Event]] = {}
        for e in events:
            if topic in e.topics and is_background(e, articles[e.article]):
                groups.setdefault((e.article, e.paragraph, e.summary), []).append(e)
        told = sorted(
            ((_episode(topic, evs), evs) for evs in groups.values()), key=lambda t: t[0].start
        )
        merged: list[tuple[Episode, list[Event]]] = []
        for ep, evs in told:
            same = next((m for m in merged if _same(m[0], ep, m[1], evs)), None)
            if same is None:
                merged.append((ep, list(evs)))
            else:
                i = merged.index(same)
                merged[i] = (_merge(same[0], ep, same[1], evs, articles), same[1] + list(evs))
        for n, (ep, _) in enumerate(merged, 1):
            out.append(replace(ep, id=f"{topic}-{ep.start[:4]}-{n}"))
    return tuple(out)


def _episode(topic: str, evs: list[Event]) -> Episode:
    evs = sorted(evs, key=lambda e: e.date or "")
    first, last = evs[0], evs[-1]
    return Episode(
        id="",
        topic=topic,
        title=first.title,
        start=(first.date or "").split("/")[0],
        end=last.date if last is not first else None,
        approximate=last.approximate if last is not first else first.approximate,
        events=tuple(e.id for e in evs),
    )


def _parties(evs: list[Event]) -> set[str]:
    return {a for e in evs for a in e.actors}


def _same(a: Episode, b: Episode, a_evs: list[Event], b_evs: list[Event]) -> bool:
    if a.topic != b.topic or a.start[:4] != b.start[:4]:
        return False
    pa, pb = _parties(a_evs), _parties(b_evs)
    return not pa or not pb or bool(pa & pb)


def _when(e: Event) -> str:
    return e.date_label if e.approximate and e.date_label else (e.date or "an unknown date")


def _merge(
    a: Episode, b: Episode, a_evs: list[Event], b_evs: list[Event], articles: dict[str, Article]
) -> Episode:
    conflicts = list(a.conflicts)
    a_last = max(a_evs, key=lambda e: e.date or "")
    b_last = max(b_evs, key=lambda e: e.date or "")
    if a.end and b.end and _end_year(a.end) != _end_year(b.end):

        def source(e: Event) -> str:
            art = articles[e.article]
            return art.source or (f"the article of {art.date}" if art.date else "an article")

        conflicts.append(
            f"The articles differ on when it ended: {_when(a_last)} ({source(a_last)}), "
            f"or {_when(b_last)} ({source(b_last)})."
        )
    end, approximate = a.end, a.approximate
    if a.end is None or (b.end and not b.approximate and a.approximate):
        end, approximate = b.end, b.approximate
    return replace(
        a,
        end=end,
        approximate=approximate,
        events=a.events + tuple(e for e in b.events if e not in a.events),
        conflicts=tuple(conflicts),
    )
