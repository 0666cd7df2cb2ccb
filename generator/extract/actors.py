"""Cross-article step: article entities in, one `Actor` per real-world actor out.

People are joined across articles by full name (ignoring middle initials, case
and diacritics). A surname-only entity ("Trump" in an article that never gives
the full name) takes the one full name in the corpus or the leaders' file that
it can stand for; where two would fit it prefers the leader in office on the
article's date, and otherwise stays on its own (Yang Xiyu and Yang Jiechi are
never joined through "Mr. Yang"). Countries, organizations and groups are joined
by canonical name. Editors' curation applies last.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from anyascii import anyascii

from generator import rules
from generator.curation import CurationEntry
from generator.editorial import RESERVED_ACTOR_IDS, EditorialError
from generator.extract import surnames
from generator.extract.bodies import BODY_NAME, body_name
from generator.extract.bodies import PREFIX as BODY_PREFIX
from generator.extract.names import fold, is_full_name, name_tokens, person_key, surname_candidates
from generator.extract.people import generic_bodies
from generator.extract.surnames import PersonKeys, initials_apart, reconcile, same_people
from generator.extract.surnames import full_names as surname_index
from generator.leaders import Leader
from generator.model import Actor, ArticleFacts, Entity, Mention, Role


@dataclass
class _Group:
    key: str
    kind: str
    members: list[tuple[str, Entity]] = field(default_factory=list)  # (article id, entity)
    name: str | None = None
    extra_roles: list[Role] = field(default_factory=list)
    affiliation: str | None = None
    affiliation_fixed: bool = False
    fixed_id: str | None = None
    old_ids: list[str] = field(default_factory=list)
    final_id: str | None = None
    removed_roles: set[str] = field(default_factory=set)  # folded titles
    removed_affiliations: set[str] = field(default_factory=set)  # folded names


MAX_ID = 80  # an id is a file name: far below the system's 255 bytes

# Where a name from the text meets markup (a tag, an entity, Markdown syntax,
# control and direction characters), the name has ended: what follows is not a name.
_NOT_IN_NAMES = re.compile(
    r"[<>{}\[\]|\\`*_#~^=+@$%\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
    r"|&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);",
    re.IGNORECASE,
)
MAX_NAME = 100


def clean_name(name: str) -> str | None:
    """A name as it may be shown: cut where markup starts, at most MAX_NAME
    characters, with a letter in it; None when nothing of a name is left."""
    m = _NOT_IN_NAMES.search(name)
    if m:
        name = name[: m.start()]
    name = name.strip(" \t,;:(-\u2013\u2014")
    if not name or len(name) > MAX_NAME or not any(c.isalpha() for c in name):
        return None
    return name


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, str]:
    """Common abbreviations of organisations (rules/names.yaml): short -> full."""
    return {str(k): str(v) for k, v in rules.load("names.yaml")["abbreviations"].items()}


@lru_cache(maxsize=1)
def _full_names() -> frozenset[str]:
    return frozenset(fold(v) for v in abbreviations().values())


def make_id(name: str) -> str:
    """A readable ASCII slug; other scripts are transliterated (김정은 -> gim-jeong-eun)."""
    ascii_name = anyascii(name)
    ascii_name = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", ascii_name)
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if len(slug) > MAX_ID:
        slug = slug[:MAX_ID].rsplit("-", 1)[0] if "-" in slug[:MAX_ID] else slug[:MAX_ID]
    return slug or "actor"


def merge_actors(
    facts: list[ArticleFacts],
    leaders: tuple[Leader, ...] = (),
    curation: tuple[CurationEntry, ...] = (),
    curation_path: Path | str = "curation.yaml",
    redirects: dict[str, str] | None = None,
) -> tuple[tuple[Actor, ...], dict[tuple[str, str], str]]:
    """Return the actors and a map (article id, entity key) -> actor id. Ids that
    curation renamed or merged away are added to `redirects` (old -> new)."""
    dates = {f.article.id: _date(f.article.date) for f in facts}
    # Names as they may be shown, before anything is joined by them.
    entities = {f.article.id: _clean_entities(f.entities) for f in facts}
    people = [
        (f.article.id, e.name, e.aliases)
        for f in facts
        for e in entities[f.article.id]
        if e.kind == "person"
    ]
    keys = PersonKeys(initials_apart(fold(n) for _, n, _ in people))
    keys.two_word = {keys(n) for _, n, _ in people if len(name_tokens(n)) == 2 and is_full_name(n)}
    keys.same = same_people(people, keys, leaders)
    # a leader's first term: "President" before it is one they may come to hold
    leader_by_key = {
        person_key(ld.name): ld for ld in sorted(leaders, key=lambda ld: ld.start)[::-1]
    }
    for ld in leaders:
        for alias in ld.aliases:
            leader_by_key.setdefault(person_key(alias), ld)
    full_names = surname_index(people, keys)
    for ld in leaders:
        full_names.names.setdefault(person_key(ld.name), ld.name)
        for s in surname_candidates(ld.name):
            full_names.by_short[s].add(person_key(ld.name))
    full_names.key_of = keys

    groups: dict[str, _Group] = {}
    for f in facts:
        for e in entities[f.article.id]:
            key = _group_key(e, f.article.id, dates, full_names, leader_by_key, leaders)
            g = groups.setdefault(key, _Group(key=key, kind=e.kind))
            g.members.append((f.article.id, e))

    reconcile(groups, full_names)
    _apply_curation(groups, curation, curation_path, {f.article.id for f in facts}, leader_by_key)
    actors, mapping = _build(groups, leader_by_key, dates)
    if redirects is not None:
        for g in groups.values():
            for old in g.old_ids:
                if g.final_id and old != g.final_id:
                    redirects[old] = g.final_id
    return actors, mapping


def _clean_entities(entities: tuple[Entity, ...]) -> list[Entity]:
    out = []
    for e in entities:
        name = clean_name(e.name)
        if name is not None:
            out.append(e if name == e.name else replace(e, name=name))
    return out


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _group_key(e: Entity, article_id, dates, full_names, leader_by_key, leaders) -> str:
    body = BODY_NAME.match(e.name) if e.key.startswith(BODY_PREFIX) else None
    if body:
        # "Clinton's campaign": the campaign of the person "Clinton" stands for.
        owner = Entity(key="", name=body["owner"], kind="person")
        owner_key = _group_key(owner, article_id, dates, full_names, leader_by_key, leaders)
        return f"{BODY_PREFIX}{body['noun']}:{owner_key}"
    if e.kind == "organization":
        # "EU" alone is the European Union; "GOP" the Republican Party
        full = _expansion(e) or abbreviations().get(e.name.replace("\u2019", "'"))
        if fold(e.name) in generic_bodies():
            # "House", "Parliament": one body a country, never joined across them
            return f"{e.kind}:{fold(e.name)}:{fold(e.affiliation or '')}"
        return f"{e.kind}:{fold(full or e.name)}"
    if e.kind != "person":
        return f"{e.kind}:{fold(e.name)}"
    key = person_key(e.name)
    if key in leader_by_key and not surnames.initials_differ(e.name, leader_by_key[key].name):
        return person_key(leader_by_key[key].name)  # not George P. Bush for George W.
    if is_full_name(e.name) and not full_names.shorter(e.name):
        return full_names.key_of(e.name)
    day = dates.get(article_id)
    in_office = {person_key(ld.name) for ld in leaders if day and ld.in_office(day)}
    return full_names.resolve(e.name, e.aliases, in_office) or key


def _expansion(e: Entity) -> str | None:
    """The full name an article gives an abbreviation ("DNC" as it stands for the
    Democratic National Convention there), or None."""
    letters = e.name.replace(".", "")
    if not letters.isupper():
        return None
    return next((a for a in e.aliases if "".join(w[0] for w in a.split()) == letters), None)


def _find(groups: dict[str, _Group], ref: str, leaders: dict | None = None) -> _Group | None:
    """An actor named in curation by its id or by its name, as the site shows them
    (a leader's full name: "donald-trump", "Donald Trump"), else by another of its
    names ("trump")."""
    leaders = leaders or {}
    folded = fold(ref)
    for g in groups.values():
        leader = leaders.get(g.key)
        shown = g.name or (leader.name if leader else _name_of(g))
        if ref in (g.fixed_id, g.final_id, make_id(shown)) or fold(shown) == folded:
            return g
    for g in groups.values():
        if make_id(_name_of(g)) == ref or fold(_name_of(g)) == folded:
            return g
    for g in groups.values():
        if any(folded in (fold(e.name), *map(fold, e.aliases)) for _, e in g.members):
            return g
    return None


def _apply_curation(groups, curation, path, article_ids: set[str], leaders=None) -> None:
    for c in curation:
        if c.action == "position":
            continue  # where an actor stands: applied to the positions (positions.py)
        g = _find(groups, c.actor, leaders)
        if g is None:
            raise EditorialError(path, c.line, f"{c.action}: no actor '{c.actor}'")
        if c.action == "drop":
            del groups[g.key]
        elif c.action == "merge":
            for ref in c.values["from"]:
                other = _find(groups, ref, leaders)
                if other is None:
                    raise EditorialError(path, c.line, f"merge: no actor '{ref}'")
                if other is not g:
                    g.members.extend(other.members)
                    g.old_ids.extend([make_id(_name_of(other)), *other.old_ids])
                    del groups[other.key]
        elif c.action == "split":
            forms = {fold(x) for x in c.values["forms"]}
            moved = [
                (a, e)
                for a, e in g.members
                if fold(e.name) in forms or forms & {fold(x) for x in e.aliases}
            ]
            if not moved:
                raise EditorialError(path, c.line, f"split: '{c.actor}' has none of those forms")
            g.members = [m for m in g.members if m not in moved]
            new = _Group(key=f"split:{c.values['name']}", kind=g.kind, members=moved)
            new.name = str(c.values["name"])
            groups[new.key] = new
            if not g.members:
                del groups[g.key]
        elif c.action == "rename":
            g.old_ids.append(g.fixed_id or make_id(_name_of(g)))
            g.name = str(c.values["name"])
            if c.values.get("id"):
                g.fixed_id = make_id(str(c.values["id"]))
        elif c.action == "remove":
            # A wrong role ("counterpart") or affiliation the text seemed to give.
            g.removed_roles.update(fold(t) for t in c.values.get("roles", ()))
            g.removed_affiliations.update(fold(a) for a in c.values.get("affiliations", ()))
        elif c.action == "set":
            if "affiliation" in c.values:
                g.affiliation = c.values["affiliation"]
                g.affiliation_fixed = True
            if "kind" in c.values:
                g.kind = str(c.values["kind"])
            role = c.values.get("role")
            if role is not None:
                if role["article"] not in article_ids:
                    raise EditorialError(
                        path, c.line, f"set: 'role' names no article '{role['article']}'"
                    )
                g.extra_roles.append(Role(role["title"], role["affiliation"], role["article"]))


def _name_of(g: _Group) -> str:
    if g.name:
        return g.name
    names = Counter(e.name for _, e in g.members)
    if g.kind == "person":
        # The fullest form, but not a middle name the key leaves out: "Hillary
        # Clinton" before "Hillary Rodham Clinton", "John R. Kasich" before "John Kasich".
        words = len(g.key.split(":", 1)[-1].split())

        def fits(n: str) -> bool:
            return len(re.sub(r"\s+[a-z]\.(?=\s)", "", fold(n)).split()) <= words

        return max(names, key=lambda n: (fits(n), len(name_tokens(n)), names[n], n))
    if g.kind == "organization" and g.key.split(":", 1)[-1] in _full_names():
        # named by its full name, not the abbreviation that joined it
        forms = Counter(n for _, e in g.members for n in (e.name, *e.aliases))
        full = [n for n in forms if fold(n) == g.key.split(":", 1)[-1]]
        if full:
            return max(full, key=lambda n: (forms[n], n))
        return next(v for v in abbreviations().values() if fold(v) == g.key.split(":", 1)[-1])
    return max(names, key=lambda n: (names[n], n))


def _shown_name(g: _Group | None, leader: Leader | None) -> str:
    """A group's name as the site shows it: curation's, else its leader's, else the
    one its members use."""
    if g is not None and g.name:
        return g.name
    return leader.name if leader else _name_of(g)


def _build(groups, leader_by_key, dates):
    actors: list[Actor] = []
    mapping: dict[tuple[str, str], str] = {}
    used: set[str] = set(RESERVED_ACTOR_IDS)  # the index pages of actors/
    for g in sorted(groups.values(), key=lambda g: (g.kind, g.key)):
        leader = leader_by_key.get(g.key)
        name = clean_name(_shown_name(g, leader))
        if not g.name and g.key.startswith(BODY_PREFIX):
            # Named after its person as the site names them.
            noun, owner = g.key[len(BODY_PREFIX) :].split(":", 1)
            if owner in groups or owner in leader_by_key:
                shown = _shown_name(groups.get(owner), leader_by_key.get(owner))
                name = clean_name(body_name(shown, noun))
        if name is None:
            continue  # nothing of a name: not an actor (its mentions stay plain text)
        base = g.fixed_id or make_id(name)
        actor_id = base if base not in used else f"{base}-{g.kind}"
        n = 2
        while actor_id in used:
            actor_id, n = f"{base}-{n}", n + 1
        used.add(actor_id)
        g.final_id = actor_id
        aliases = {clean_name(a) for _, e in g.members for a in (e.name, *e.aliases)}
        aliases -= {name, None}
        roles = []
        for art, e in g.members:
            for r in e.roles:
                if leader and r.title.lower() == leader.office.lower():
                    if (dates.get(art) or leader.start) < leader.start:
                        continue  # "President Trump" in 2016: a hypothetical
                    r = r if r.affiliation else replace(r, affiliation=leader.country)
                roles.append(r)
        roles.extend(g.extra_roles)
        roles = [
            r
            if not r.affiliation or fold(r.affiliation) not in g.removed_affiliations
            else replace(r, affiliation=None)
            for r in roles
            if fold(r.title) not in g.removed_roles
        ]
        affiliation = g.affiliation if g.affiliation_fixed else _affiliation(g, roles, leader)
        if affiliation and fold(affiliation) in g.removed_affiliations:
            affiliation = None
        if g.kind == "person" and affiliation:
            # A title with no country of its own ("Chairman Kim") is in the actor's.
            roles = [r if r.affiliation else replace(r, affiliation=affiliation) for r in roles]
        roles = sorted(set(roles), key=lambda r: (r.article, r.title, r.affiliation or ""))
        mentions = tuple(
            sorted(
                ((art, m) for art, e in g.members for m in e.mentions),
                key=lambda am: (am[0], am[1].paragraph, am[1].start),
            )
        )
        articles = tuple(sorted({art for art, _ in g.members}))
        actors.append(
            Actor(
                id=actor_id,
                name=name,
                kind=g.kind,
                aliases=tuple(sorted(aliases)),
                roles=tuple(roles),
                affiliation=affiliation,
                articles=articles,
                mentions=mentions,
            )
        )
        for art, e in g.members:
            mapping[(art, e.key)] = actor_id
    actors.sort(key=lambda a: a.id)
    return tuple(actors), mapping


def _affiliation(g: _Group, roles: list[Role], leader: Leader | None) -> str | None:
    if g.kind == "country":
        return None
    affs = Counter(r.affiliation for r in roles if r.affiliation)
    affs.update(e.affiliation for _, e in g.members if e.affiliation)
    if affs:
        return max(affs, key=lambda a: (affs[a], a))
    if leader:
        return leader.country
    return None


def mentions_by_article(actors: tuple[Actor, ...]) -> dict[str, list[tuple[Mention, str]]]:
    out: dict[str, list[tuple[Mention, str]]] = defaultdict(list)
    for a in actors:
        for art, m in a.mentions:
            out[art].append((m, a.id))
    return out
