"""Editors' files in `editorial/`: leaders' terms, actor curation, topics.

The generator only reads them. Every problem is reported with the file and line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml


class EditorialError(Exception):
    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line = str(path), line
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class _LineLoader(yaml.SafeLoader):
    """Records each mapping's line as the key `__line__` (1-based)."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> object:
    if not path.exists():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise EditorialError(path, None, "is not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise EditorialError(path, line, f"malformed YAML: {getattr(e, 'problem', e)}") from e


def line_of(entry: object) -> int | None:
    return entry.get("__line__") if isinstance(entry, dict) else None


def _date(path: Path, entry: dict, key: str) -> dt.date | None:
    v = entry.get(key)
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        raise EditorialError(path, line_of(entry), f"'{key}' must be a date YYYY-MM-DD") from None


@dataclass(frozen=True)
class Leader:
    name: str
    office: str
    country: str
    start: dt.date
    end: dt.date | None
    aliases: tuple[str, ...] = ()

    def in_office(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def load_leaders(path: Path) -> tuple[Leader, ...]:
    data = load_yaml(path)
    if data is None:
        return ()
    if not isinstance(data, list):
        raise EditorialError(path, None, "must be a list of leaders")
    out = []
    for entry in data:
        if not isinstance(entry, dict):
            raise EditorialError(path, None, f"each leader must be a mapping, not {entry!r}")
        for key in ("name", "office", "country", "start"):
            if not entry.get(key):
                raise EditorialError(path, line_of(entry), f"a leader needs '{key}'")
        out.append(
            Leader(
                name=str(entry["name"]),
                office=str(entry["office"]),
                country=str(entry["country"]),
                start=_date(path, entry, "start"),  # type: ignore[arg-type]
                end=_date(path, entry, "end"),
                aliases=tuple(entry.get("aliases") or ()),
            )
        )
    return tuple(out)


@dataclass(frozen=True)
class CurationEntry:
    action: str  # merge | split | rename | set | drop
    line: int | None
    actor: str
    values: dict


CURATION_ACTIONS = ("drop", "split", "merge", "rename", "set")


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
                f"unknown action '{action}' (use {', '.join(CURATION_ACTIONS)})",
            )
        for entry in entries or []:
            if action == "drop" and isinstance(entry, str):
                entry = {"actor": entry, "__line__": None}
            if not isinstance(entry, dict) or not isinstance(entry.get("actor"), str):
                raise EditorialError(
                    path, line_of(entry) or line_of(data), f"a '{action}' entry needs 'actor: ID'"
                )
            values = {k: v for k, v in entry.items() if k not in ("actor", "__line__")}
            _check_curation(path, action, entry, values)
            out.append(CurationEntry(action, line_of(entry), entry["actor"], values))
    order = {a: i for i, a in enumerate(CURATION_ACTIONS)}
    return tuple(sorted(out, key=lambda e: order[e.action]))


def _check_curation(path: Path, action: str, entry: dict, values: dict) -> None:
    need = {
        "merge": ("from",),
        "split": ("name", "forms"),
        "rename": ("name",),
        "set": (),
        "drop": (),
    }[action]
    for key in need:
        if not values.get(key):
            raise EditorialError(path, line_of(entry), f"a '{action}' entry needs '{key}'")
    if action == "set" and not (set(values) & {"affiliation", "role", "kind"}):
        raise EditorialError(
            path, line_of(entry), "a 'set' entry needs 'affiliation', 'role' or 'kind'"
        )
    for key in ("from", "forms"):
        if key in values and isinstance(values[key], str):
            values[key] = [values[key]]


@dataclass(frozen=True)
class TopicSpec:
    id: str
    name: str
    description: str
    terms: tuple[str, ...]
    history: bool = False


def load_topics(path: Path) -> tuple[TopicSpec, ...]:
    data = load_yaml(path)
    if data is None:
        return ()
    if not isinstance(data, list):
        raise EditorialError(path, None, "must be a list of topics")
    out: list[TopicSpec] = []
    seen: set[str] = set()
    for entry in data:
        if not isinstance(entry, dict):
            raise EditorialError(path, None, f"each topic must be a mapping, not {entry!r}")
        for key in ("id", "name", "terms"):
            if not entry.get(key):
                raise EditorialError(path, line_of(entry), f"a topic needs '{key}'")
        tid = str(entry["id"])
        if tid in seen:
            raise EditorialError(path, line_of(entry), f"the topic id '{tid}' is used twice")
        seen.add(tid)
        terms = entry["terms"]
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise EditorialError(path, line_of(entry), "'terms' must be a list of words")
        out.append(
            TopicSpec(
                id=tid,
                name=str(entry["name"]),
                description=str(entry.get("description") or "").strip(),
                terms=tuple(terms),
                history=bool(entry.get("history")),
            )
        )
    return tuple(out)
