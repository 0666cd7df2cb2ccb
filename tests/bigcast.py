"""A corpus naming more people and organizations than an index page holds, made up
without the model: for the split indexes (generator/indexpages.py) in pages and
in the browser."""

from __future__ import annotations

from generator.model import Actor, Article, Corpus, Mention, Quote, Role

FIRST = ["Anna", "Bo", "Cai", "Dag", "Eli", "Fay", "Gus", "Hal", "Ivo", "Jo"]
# Many family names under S (more than a page), the others under a few letters.
S_STEMS = ["Sab", "Sac", "Sed", "Sib", "Sol", "Sum", "Sch", "Sha", "Sto", "Swe"]
OTHER_STEMS = ["Ab", "Bel", "Cor", "Dun", "Kes", "Mor", "Ng", "Orr", "Tal", "Vik"]
ENDINGS = ["ley", "mark", "ton", "berg", "wick"]


def people() -> list[str]:
    names = []
    for stem in S_STEMS:
        for end in ENDINGS:
            names += [f"{first} {stem}{end}" for first in FIRST]
    for stem in OTHER_STEMS:
        for end in ENDINGS[:3]:
            names += [f"{first} {stem}{end}" for first in FIRST[:5]]
    # Accents set aside (under B), a name with no Latin letter (under "Other"), and
    # a name that would be markup if a page or the filter took it as such.
    return names + ["Åsa Bäckström", "明 李", 'Eve "<img src=x onerror=window.bad=1>" Zorn']


def organizations() -> list[str]:
    kinds = ("Institute", "League", "Council", "Trust", "Union")
    return [
        f"{stem}{end} {kind}" for stem in S_STEMS + OTHER_STEMS for end in ENDINGS for kind in kinds
    ]


def big_corpus(limit: int | None = None) -> Corpus:
    """Two articles; every tenth name is in both (a page of their own), every
    second is quoted once; people have a role. `limit`: the first so many
    people and organizations only."""
    names = people()[:limit] + organizations()[:limit]
    paras: dict[str, list[str]] = {"a": [], "b": []}
    mentions: dict[str, list[tuple[str, Mention]]] = {}
    for i, name in enumerate(names):
        for art in ("a", "b") if i % 10 == 0 else ("a",):
            text = f"{name} was there."
            mentions.setdefault(name, []).append(
                (art, Mention(len(paras[art]), 0, len(name), name))
            )
            paras[art].append(text)
    articles = tuple(
        Article(k, f"{k}.txt", f"Roll call {k}", tuple(v), date=d)
        for (k, v), d in zip(paras.items(), ["2026-01-05", "2026-02-09"], strict=True)
    )
    actors, quotes = [], []
    n_people = len(people()[:limit])
    for i, name in enumerate(names):
        aid = f"x{i}"
        person = i < n_people
        arts = tuple(dict.fromkeys(a for a, _ in mentions[name]))
        roles = (Role(f"Mayor of Town {i}", "Ruritania", "a"),) if person else ()
        actors.append(
            Actor(
                aid,
                name,
                "person"
                if person
                else ("group" if name.endswith(("League", "Union")) else "organization"),
                aliases=() if person else (name.split()[0].upper(),),
                roles=roles,
                affiliation="Ruritania" if person else None,
                articles=arts,
                mentions=tuple(mentions[name]),
            )
        )
        if i % 2 == 0:  # more speakers than a page's rows
            para = mentions[name][0][1].paragraph
            quotes.append(Quote(f"a-q{i}", "a", para, 0, len(name), name, aid, "direct", "said"))
    return Corpus(articles, tuple(actors), tuple(quotes))
