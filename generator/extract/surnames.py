"""Across articles: which full name a short form stands for.

A surname or a given name alone ("Clinton", "Hillary") in an article that names no
one in full with it is the person the corpus most plainly means by it: of the
people named in full with that word, the one who is honoured as the short form
is ("Mr. Clinton" is a man, "Mrs. Clinton" a woman, by their given names), then
the leader in office on the article's date, then the one named in at least three
times as many articles as any other. Where none stands out the short form stays
on its own. A full name with a middle name is the person of the two-word form
when the corpus has one ("Hillary Rodham Clinton" is Hillary Clinton); two
people whose names differ only by a middle initial stay apart when the corpus
writes both initials ("George W. Bush", "George P. Bush").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator import rules
from generator.extract.names import (
    PARTICLES,
    fold,
    is_full_name,
    name_tokens,
    surname_candidates,
)

if TYPE_CHECKING:
    from collections.abc import Callable

PLAIN = 3  # how many times more articles the plainly meant person is named in
_MALE = ("Mr.", "Mr")
_FEMALE = ("Mrs.", "Mrs", "Ms.", "Ms", "Miss")


def honoured_gender(forms) -> str | None:
    """ "m" when the short form is written "Mr. X", "f" for "Mrs./Ms. X", else None."""
    seen = set()
    for form in forms:
        first = form.split()[0] if form.split() else ""
        if first in _MALE:
            seen.add("m")
        elif first in _FEMALE:
            seen.add("f")
    return seen.pop() if len(seen) == 1 else None


def _title(word: str) -> str:
    """ "Gov." as "Governor": a title as written before a name, in full."""
    return rules.titles().display.get(word, word)


def gender_of(name: str) -> str | None:
    words = name_tokens(name)
    return rules.first_name_genders().get(words[0]) if words else None


@dataclass
class FullNames:
    """The people the corpus names in full: short form -> keys, key -> articles."""

    by_short: dict[str, set[str]]
    articles: Counter
    names: dict[str, str]  # key -> a full name it was written as
    titles: dict[str, set[str]]  # key -> the titles written before the name
    key_of: Callable[[str], str]

    def shorter(self, name: str) -> bool:
        """Whether a two-word "full name" is the short form of a longer one the
        corpus names more often ("Wasserman Schultz"), not a name of its own
        ("Jeb Bush" beside one "Floridians Jeb Bush")."""
        longer = self.by_short.get(name, set()) - {self.key_of(name)}
        own = self.articles[self.key_of(name)]
        return any(self.articles[k] > own for k in longer)

    def resolve(self, short: str, forms, allowed: set[str] | None = None) -> str | None:
        candidates = set(self.by_short.get(short, set()))
        gender = honoured_gender(forms)
        if gender and len(candidates) > 1:
            fit = {k for k in candidates if gender_of(self.names.get(k, "")) == gender}
            candidates = fit or candidates
        n = len(short.split())
        titled = {_title(" ".join(f.split()[:-n])) for f in forms if f.endswith(" " + short)}
        titled -= set(_MALE + _FEMALE)
        if len(titled) == 1 and len(candidates) > 1:
            # "Governor Bush": the Bush the corpus calls governor
            fit = {k for k in candidates if titled & self.titles.get(k, set())}
            candidates = fit or candidates
        if allowed and len(candidates) > 1 and allowed & candidates:
            candidates = allowed & candidates  # the leader in office that day
        if len(candidates) == 1:
            return next(iter(candidates))
        ranked = sorted(candidates, key=lambda k: (-self.articles[k], k))
        if len(ranked) >= 2 and self.articles[ranked[0]] >= PLAIN * self.articles[ranked[1]]:
            return ranked[0]
        return None


def full_names(people, key_of) -> FullNames:
    """`people`: (article id, name, aliases); `key_of`: full name -> person key."""
    by_short: dict[str, set[str]] = defaultdict(set)
    seen: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    titles: dict[str, set[str]] = defaultdict(set)
    for article, name, aliases in people:
        if not is_full_name(name):
            continue
        key = key_of(name)
        names.setdefault(key, name)
        for a in aliases:
            if a.endswith(" " + name):
                titles[key].add(_title(a[: -len(name)].strip()))  # "President George W. Bush"
        seen[key].add(article)
        for s in surname_candidates(name):
            by_short[s].add(key)
    counts = Counter({k: len(v) for k, v in seen.items()})
    return FullNames(by_short, counts, names, titles, key_of)


_INITIAL = re.compile(r"\s+[a-z]\.(?=\s)")


def initials_apart(folded_names) -> set[str]:
    """Folded names whose middle initial tells two people apart: those whose
    name without it is also written with another initial in the corpus."""
    initials: dict[str, set[str]] = defaultdict(set)
    for name in folded_names:
        m = _INITIAL.search(name)
        if m:
            initials[_INITIAL.sub("", name)].add(m.group(0).strip())
    return {base for base, seen in initials.items() if len(seen) > 1}


_SUFFIX = re.compile(r"^(?:jr|sr|i{2,3}|iv)\.?$")


def _parts(name: str) -> tuple[str, str, str, str] | None:
    """(given name's initial, middle initials, surname, suffix) of a folded full name."""
    words = name.replace(",", " ").split()
    suffix = words.pop() if len(words) > 2 and _SUFFIX.match(words[-1]) else ""
    if len(words) < 2 or any(w in PARTICLES for w in words[:1]):
        return None
    middle = "".join(w[0] for w in words[1:-1])
    return words[0][0], middle, words[-1], suffix.rstrip(".")


def initials_differ(a: str, b: str) -> bool:
    """Whether two full names give different middle initials ("George W. Bush",
    "George P. Bush"): two people, whatever else they share."""
    pa, pb = _parts(fold(a)), _parts(fold(b))
    return bool(pa and pb and pa[1] and pb[1] and pa[1] != pb[1])


def written_alike(a: str, b: str) -> bool:
    """Whether two full names, written for one person in one article, may be one
    person's ("Joseph R. Biden Jr." and "Joe Biden"): the same surname, given
    names with one initial, middle initials and suffixes that do not differ."""
    pa, pb = _parts(fold(a)), _parts(fold(b))
    if pa is None or pb is None or pa[0] != pb[0] or pa[2] != pb[2]:
        return False
    if pa[1] and pb[1] and pa[1] != pb[1]:
        return False  # "George W. Bush" and "George P. Bush"
    return not (pa[3] and pb[3] and pa[3] != pb[3])


def same_people(people, key_of, leaders=()) -> dict[str, str]:
    """Keys of one person written differently across the corpus ("Joe Biden",
    "Joseph R. Biden Jr." in an article that calls him both, or a leader's
    listed aliases): key -> the key named in the most articles. Only names
    `written_alike` are joined, so a within-article slip ("George P. Bush" among
    George W. Bush's names) joins no one across the corpus."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    seen: dict[str, set[str]] = defaultdict(set)
    pairs = []
    for article, name, aliases in people:
        if not is_full_name(name):
            continue
        seen[key_of(name)].add(article)
        pairs += [(name, a) for a in aliases if is_full_name(a) and written_alike(name, a)]
    chosen = {key_of(ld.name) for ld in leaders}  # a leader keeps the leaders' file key
    for ld in leaders:
        pairs += [(ld.name, a) for a in ld.aliases if is_full_name(a)]
    for a, b in pairs:
        ka, kb = find(key_of(a)), find(key_of(b))
        if ka != kb:
            parent[kb] = ka
    members: dict[str, list[str]] = defaultdict(list)
    for k in set(parent) | set(parent.values()):
        members[find(k)].append(k)
    out = {}
    for keys in members.values():
        best = min(keys, key=lambda k: (k not in chosen, -len(seen[k]), k))
        out.update({k: best for k in keys if k != best})
    return out


class PersonKeys:
    """A full name's key across the corpus: folded, without a middle initial unless
    the corpus writes two for the name ("George W. Bush", "George P. Bush"), and
    without a middle name when the corpus has the name without it; a name that is
    one person's other written form (`same_people`) takes that person's key."""

    def __init__(self, apart: set[str]):
        self.apart = apart
        self.two_word: set[str] = set()
        self.same: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = self._key(name)
        return self.same.get(key, key)

    def _key(self, name: str) -> str:
        folded = fold(name)
        base = re.sub(r"\s+[a-z]\.(?=\s)", "", folded)
        if base in self.apart:
            return "person:" + folded
        words = base.split()
        if len(words) >= 3 and not any("." in w for w in words):
            short = f"person:{words[0]} {words[-1]}"  # "Hillary Rodham Clinton"
            if short in self.two_word:
                return short
        return "person:" + base


def reconcile(groups: dict, names: FullNames) -> None:
    """Join groups the model split by kind (`groups`: key -> actors._Group).

    A one-word organization that is the surname of the person the corpus most
    plainly means, named in at least PLAIN times as many articles ("Trump",
    "Sanders" tagged ORG), is that person. A person with the name of an
    organization named in as many articles or more ("Politico", "Fox") is that
    organization. A body named by a common noun with no country ("House") is the
    one of that name the corpus plainly means.
    """

    def articles(g) -> int:
        return len({a for a, _ in g.members})

    for key, g in list(groups.items()):
        if g.kind != "organization" or key not in groups:
            continue
        name = g.members[0][1].name
        if " " in name or not name[:1].isupper() or name.isupper():
            continue
        person = groups.get(names.resolve(name, ()) or "")
        if person is not None and articles(person) >= PLAIN * articles(g):
            person.members.extend(g.members)
            del groups[key]
    by_name: dict[str, list[str]] = defaultdict(list)
    for key in groups:
        if key.startswith("organization:") and key.count(":") == 2:
            by_name[key.rsplit(":", 1)[0]].append(key)
    for name, keys in by_name.items():
        # "House" where the article gives no country: the one the corpus plainly
        # means ("House" of the United States in 45 articles, of Canada in 2)
        bare = name + ":"
        if bare not in groups:
            continue
        ranked = sorted((k for k in keys if k != bare), key=lambda k: -articles(groups[k]))
        if ranked and (
            len(ranked) == 1 or articles(groups[ranked[0]]) >= PLAIN * articles(groups[ranked[1]])
        ):
            groups[ranked[0]].members.extend(groups.pop(bare).members)
    for key, g in list(groups.items()):
        if g.kind != "person" or not key.startswith("person:"):
            continue
        org = groups.get("organization:" + key.split(":", 1)[1])
        if org is not None and org.kind == "organization" and articles(org) >= articles(g):
            org.members.extend(g.members)
            del groups[key]
