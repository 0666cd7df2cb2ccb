"""curation.yaml: the editors' corrections of actors (merge, split, rename, set,
remove, drop) and their positions on topics; see the README for the format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from generator.editorial import (
    MAX_TEXT,
    RESERVED_ACTOR_IDS,
    EditorialError,
    check_id,
    ident,
    kind_of,
    line_of,
    load_yaml,
    mapping,
    text,
    texts,
)


@dataclass(frozen=True)
class CurationEntry:
    action: str  # merge | split | rename | set | drop
    line: int | None
    actor: str
    values: dict


CURATION_ACTIONS = ("drop", "split", "merge", "rename", "set", "remove", "position")
POSITION_STANCES = ("for", "against", "conditional", "undecided", "drop")
ACTOR_KINDS = ("person", "organization", "country", "group")


def load_curation(path: Path) -> tuple[CurationEntry, ...]:
    """Read `curation.yaml`: one list per action; see the README for the format."""
    data = load_yaml(path)
    if data is None:
        return ()
    if not isinstance(data, dict):
        raise EditorialError(path, None, "must map actions (merge, split, ...) to lists")
    out: list[CurationEntry] = []
    for action, entries in data.items():
        if action == "__line__":
            continue
        if action not in CURATION_ACTIONS:
            raise EditorialError(
                path,
                line_of(data),
                f"unknown action '{str(action)[:40]}' (use {', '.join(CURATION_ACTIONS)})",
            )
        if entries is None:
            continue
        if isinstance(entries, str) and action == "drop":
            entries = [entries]  # "drop: china" is one actor, not five letters
        if not isinstance(entries, list):
            raise EditorialError(
                path,
                line_of(data),
                f"'{action}' must be a list of entries, not {kind_of(entries)}",
            )
        for entry in entries:
            if action == "drop" and not isinstance(entry, dict):
                entry = {"actor": entry, "__line__": line_of(data)}
            entry = mapping(path, entry, f"'{action}' entry", line_of(data))
            if entry.get("actor") is None:
                raise EditorialError(
                    path, line_of(entry) or line_of(data), f"a '{action}' entry needs 'actor: ID'"
                )
            actor = text(path, entry, "actor", required=True, owner=f"a '{action}' entry")
            values = _curation_values(path, action, entry)
            out.append(CurationEntry(action, line_of(entry), actor, values))  # type: ignore[arg-type]
    order = {a: i for i, a in enumerate(CURATION_ACTIONS)}
    return tuple(sorted(out, key=lambda e: order[e.action]))


_CURATION_KEYS = {
    "drop": set(),
    "merge": {"from"},
    "split": {"name", "forms"},
    "rename": {"name", "id"},
    "set": {"affiliation", "role", "kind"},
    "remove": {"role", "affiliation"},
    "position": {"topic", "stance", "summary", "article", "paragraph"},
}


def _curation_values(path: Path, action: str, entry: dict) -> dict:
    line = line_of(entry)
    unknown = set(entry) - _CURATION_KEYS[action] - {"actor", "__line__"}
    if unknown:
        raise EditorialError(
            path, line, f"a '{action}' entry has no '{sorted(map(str, unknown))[0][:40]}'"
        )
    values: dict = {}
    owner = f"a '{action}' entry"
    if action == "merge":
        values["from"] = texts(path, entry, "from", required=True, owner=owner)
    elif action == "split":
        values["name"] = _name(path, entry, owner)
        values["forms"] = texts(path, entry, "forms", required=True, owner=owner)
    elif action == "rename":
        values["name"] = _name(path, entry, owner)
        if entry.get("id") is not None:
            values["id"] = ident(path, entry, "id", RESERVED_ACTOR_IDS)
    elif action == "set":
        if not set(entry) & (_CURATION_KEYS["set"]):
            raise EditorialError(path, line, "a 'set' entry needs 'affiliation', 'role' or 'kind'")
        if "affiliation" in entry:
            values["affiliation"] = text(path, entry, "affiliation", required=True)
        if "kind" in entry:
            kind = text(path, entry, "kind", required=True)
            if kind not in ACTOR_KINDS:
                raise EditorialError(path, line, f"'kind' must be one of {', '.join(ACTOR_KINDS)}")
            values["kind"] = kind
        if "role" in entry:
            values["role"] = _role(path, entry, "role")
    elif action == "remove":
        if not set(entry) & _CURATION_KEYS["remove"]:
            raise EditorialError(path, line, "a 'remove' entry needs 'role' or 'affiliation'")
        values["roles"] = texts(path, entry, "role")
        values["affiliations"] = texts(path, entry, "affiliation")
    elif action == "position":
        values.update(_position(path, entry))
    return values


def _position(path: Path, entry: dict) -> dict:
    """`{actor, topic, stance: for|against|conditional|undecided|drop, summary,
    article, paragraph}`: where an actor stands, as the editors know it."""
    line = line_of(entry)
    values: dict = {"topic": ident(path, entry, "topic")}
    stance = text(path, entry, "stance", required=True, owner="a 'position' entry")
    if stance not in POSITION_STANCES:
        raise EditorialError(path, line, f"'stance' must be one of {', '.join(POSITION_STANCES)}")
    values["stance"] = stance
    summary = text(path, entry, "summary", max_len=MAX_TEXT)
    if summary:
        values["summary"] = summary
    if ("article" in entry) != ("paragraph" in entry):
        raise EditorialError(path, line, "a position's evidence needs 'article' and 'paragraph'")
    if "article" in entry:
        values["article"] = ident(path, entry, "article")
        para = entry["paragraph"]
        if isinstance(para, bool) or not isinstance(para, int) or para < 1:
            raise EditorialError(path, line, "'paragraph' must be a number from 1")
        values["paragraph"] = para
    return values


def _name(path: Path, entry: dict, owner: str) -> str:
    name = text(path, entry, "name", required=True, owner=owner)
    assert name is not None
    if re.search(r"[<>]", name):
        raise EditorialError(path, line_of(entry), "a name may not hold '<' or '>'")
    return name


def _role(path: Path, entry: dict, key: str) -> dict:
    role = entry.get(key)
    if not isinstance(role, dict) or role.get("title") is None or role.get("article") is None:
        raise EditorialError(path, line_of(entry), "set: 'role' needs 'title' and 'article'")
    out = {
        "title": text(path, role, "title", required=True),
        "affiliation": text(path, role, "affiliation"),
        "article": text(path, role, "article", required=True),
    }
    check_id(path, line_of(entry), "article", out["article"])  # type: ignore[arg-type]
    return out
