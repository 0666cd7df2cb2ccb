"""Editors' files in `editorial/`: the site's words, leaders' terms, actor curation,
topics.

The generator only reads them. Every value is checked for what it must be (text
where text is meant, of bounded length; an id of lower-case letters, digits and
hyphens; a date; true or false), and every problem is reported with the file and
line, so that no mistake becomes a traceback, a silent misreading or a path.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator import files, yamlsafe
from generator.escape import CONTROLS

# An id becomes a file name and a URL: nothing else may be in it.
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID = 64
MAX_NAME = 120  # names, titles, terms
MAX_TEXT = 5000  # descriptions, the introduction
MAX_ITEMS = 500  # entries of one list
MAX_FILE = 1_000_000  # bytes of one editor's file
# Page paths the generator writes itself: no topic or actor may take them.
RESERVED_TOPIC_IDS = frozenset({"index"})
RESERVED_ACTOR_IDS = frozenset({"index", "people", "organizations"})


class EditorialError(Exception):
    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line = str(path), line
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


class _LineLoader(yamlsafe.SafeLoader):
    """Records each mapping's line as the key `__line__` (1-based)."""

    def construct_mapping(self, node, deep=False):
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping


def load_yaml(path: Path) -> object:
    if not path.exists() and not path.is_symlink():
        return None
    try:
        raw = files.read_bytes(path, MAX_FILE)
    except files.IngestError as e:
        raise EditorialError(path, None, str(e).removeprefix(f"{e.path}: ")) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EditorialError(path, None, "is not UTF-8 text") from None
    try:
        return yamlsafe.load(text, loader=_LineLoader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise EditorialError(path, line, f"malformed YAML: {getattr(e, 'problem', e)}") from e


def line_of(entry: object) -> int | None:
    return entry.get("__line__") if isinstance(entry, dict) else None


# --- values -----------------------------------------------------------------------


def _kind_of(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a yes/no value)"
    return type(value).__name__


def as_text(path: Path, line: int | None, what: str, value: object, max_len: int = MAX_NAME) -> str:
    """`value` as one line of text (numbers are taken as written), stripped, never
    blank, at most `max_len` characters, with no control characters."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise EditorialError(path, line, f"'{what}' must be text, not {_kind_of(value)}")
    text = str(value).strip()
    if not text:
        raise EditorialError(path, line, f"'{what}' is blank")
    if len(text) > max_len:
        raise EditorialError(path, line, f"'{what}' is longer than {max_len} characters")
    if CONTROLS.search(text):
        raise EditorialError(path, line, f"'{what}' holds control characters")
    return text


def text(
    path: Path,
    entry: dict,
    key: str,
    *,
    required: bool = False,
    max_len: int = MAX_NAME,
    owner: str = "",
) -> str | None:
    """entry[key] as text; `owner` names what needs it in the error ("a 'rename' entry")."""
    value = entry.get(key)
    if value is None or value == "":
        if required:
            raise EditorialError(path, line_of(entry), f"{owner or 'it'} needs '{key}'")
        return None
    return as_text(path, line_of(entry), key, value, max_len)


def ident(path: Path, entry: dict, key: str, reserved: frozenset[str] = frozenset()) -> str:
    """An id: it names a page, so only lower-case letters, digits and hyphens."""
    value = text(path, entry, key, required=True, max_len=MAX_ID)
    assert value is not None
    check_id(path, line_of(entry), key, value, reserved)
    return value


def check_id(
    path: Path | str, line: int | None, what: str, value: str, reserved=frozenset()
) -> None:
    if not ID_RE.fullmatch(value):
        raise EditorialError(
            path,
            line,
            f"'{what}: {value[:40]}' is not an id: use lower-case letters, digits and "
            "single hyphens (e.g. 'nuclear-tests')",
        )
    if value in reserved:
        raise EditorialError(path, line, f"the id '{value}' is taken by a page of the site")


def texts(
    path: Path, entry: dict, key: str, *, required: bool = False, owner: str = ""
) -> tuple[str, ...]:
    """A list of texts; one text alone is a list of one (a bare number is not)."""
    value = entry.get(key)
    line = line_of(entry)
    if value is None or value == [] or value == "":
        if required:
            raise EditorialError(path, line, f"{owner or 'it'} needs '{key}'")
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise EditorialError(path, line, f"'{key}' must be a list of texts, not {_kind_of(value)}")
    if len(value) > MAX_ITEMS:
        raise EditorialError(path, line, f"'{key}' has more than {MAX_ITEMS} entries")
    return tuple(as_text(path, line, key, v) for v in value)


def flag(path: Path, entry: dict, key: str) -> bool:
    value = entry.get(key, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise EditorialError(
            path, line_of(entry), f"'{key}' must be true or false, not {value!r:.40}"
        )
    return value


def _date(path: Path, entry: dict, key: str) -> dt.date | None:
    v = entry.get(key)
    if v is None:
        return None
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v).strip())
    except ValueError:
        raise EditorialError(
            path, line_of(entry), f"'{key}' must be a date as YYYY-MM-DD, not {v!r:.40}"
        ) from None


def _mapping(path: Path, entry: object, what: str, line: int | None) -> dict:
    if not isinstance(entry, dict):
        raise EditorialError(path, line, f"each {what} must be a mapping, not {_kind_of(entry)}")
    return entry


def _list(path: Path, data: object, what: str) -> list:
    if not isinstance(data, list):
        raise EditorialError(path, line_of(data), f"must be a list of {what}")
    if len(data) > MAX_ITEMS:
        raise EditorialError(path, None, f"has more than {MAX_ITEMS} {what}")
    return data


# --- site.yaml ----------------------------------------------------------------------


def load_site(path: Path) -> dict[str, str]:
    """The site's title and introduction, and the lead topic's id (all optional)."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EditorialError(path, None, "must be a mapping with 'title' and 'intro'")
    out = {}
    title = text(path, data, "title", max_len=MAX_NAME)
    intro = text(path, data, "intro", max_len=MAX_TEXT)
    if title:
        out["title"] = title
    if intro:
        out["intro"] = intro
    if data.get("lead") is not None:
        # The topic the home page opens with (its "What to know" and "Where they stand").
        out["lead"] = ident(path, data, "lead")
    return out


# --- leaders.yaml ---------------------------------------------------------------------


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
    out = []
    for entry in _list(path, data, "leaders"):
        entry = _mapping(path, entry, "leader", line_of(data))
        name, office, country = (
            text(path, entry, key, required=True, owner="a leader")
            for key in ("name", "office", "country")
        )
        start = _date(path, entry, "start")
        if start is None:
            raise EditorialError(path, line_of(entry), "a leader needs 'start'")
        end = _date(path, entry, "end")
        if end is not None and end < start:
            raise EditorialError(path, line_of(entry), "'end' is before 'start'")
        out.append(
            Leader(
                name=name,  # type: ignore[arg-type]
                office=office,  # type: ignore[arg-type]
                country=country,  # type: ignore[arg-type]
                start=start,
                end=end,
                aliases=texts(path, entry, "aliases"),
            )
        )
    return tuple(out)


# --- curation.yaml --------------------------------------------------------------------


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
                f"'{action}' must be a list of entries, not {_kind_of(entries)}",
            )
        for entry in entries:
            if action == "drop" and not isinstance(entry, dict):
                entry = {"actor": entry, "__line__": line_of(data)}
            entry = _mapping(path, entry, f"'{action}' entry", line_of(data))
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
