"""The one reader of the editors' files in `editorial/`: YAML with each mapping's
line, and the checks of its values. One module per file reads it: `sitemeta`
(site.yaml), `leaders` (leaders.yaml), `curation` (curation.yaml) and `topicspec`
(topics.yaml).

The generator only reads them. Every value is checked for what it must be (text
where text is meant, of bounded length; an id of lower-case letters, digits and
hyphens; a date; true or false), and every problem is reported with the file and
line, so that no mistake becomes a traceback, a silent misreading or a path.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from generator import files, yamlsafe
from generator.escape import CONTROLS
from generator.files import ID_RE

# An id becomes a file name and a URL: nothing else may be in it.
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


# `raw` of `load_yaml` when the caller has not read the file: read it.
READ = object()


def read(path: Path) -> bytes | None:
    """The bytes of an editor's file (a regular file, not too big), None if there
    is none. Read once: the cache key hashes the very bytes that are parsed."""
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return files.read_bytes(path, MAX_FILE)
    except files.IngestError as e:
        raise EditorialError(path, None, str(e).removeprefix(f"{e.path}: ")) from None


def load_yaml(path: Path, raw: bytes | None | object = READ) -> object:
    """The YAML of an editor's file (`raw`: its bytes, if already `read`), None if
    there is none; each mapping has its line as `__line__`."""
    if raw is READ:
        raw = read(path)
    if raw is None:
        return None
    assert isinstance(raw, bytes)
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


def kind_of(value: object) -> str:
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
        raise EditorialError(path, line, f"'{what}' must be text, not {kind_of(value)}")
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
        raise EditorialError(path, line, f"'{key}' must be a list of texts, not {kind_of(value)}")
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


def date(path: Path, entry: dict, key: str) -> dt.date | None:
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


def mapping(path: Path, entry: object, what: str, line: int | None) -> dict:
    if not isinstance(entry, dict):
        raise EditorialError(path, line, f"each {what} must be a mapping, not {kind_of(entry)}")
    return entry


def listed(path: Path, data: object, what: str) -> list:
    if not isinstance(data, list):
        raise EditorialError(path, line_of(data), f"must be a list of {what}")
    if len(data) > MAX_ITEMS:
        raise EditorialError(path, None, f"has more than {MAX_ITEMS} {what}")
    return data
