"""The text of an article file: its metadata (YAML front matter or a sidecar, each
value checked), Markdown with front matter, the seed format (see `ingest`) and
blank-line paragraphs, and the title derived when there is none. Functions of
the text; `ingest` reads the files and makes the `Article`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from generator import yamlsafe
from generator.escape import CONTROLS
from generator.files import IngestError

META_KEYS = {"title", "date", "authors", "dateline", "url", "source"}
# Lines longer than this are whole paragraphs, not hard-wrapped lines.
WRAPPED_LINE_MAX = 120
MAX_META = 1_000  # characters of a title, dateline, source, url or author


# --- metadata -----------------------------------------------------------------


def load_meta_yaml(path: Path, text: str, first_line: int) -> dict:
    try:
        data = yamlsafe.load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(e, "problem", None) or str(e)
        raise IngestError(path, f"malformed YAML: {problem}", line=line) from e
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise IngestError(path, "metadata must be a mapping of keys to values", line=first_line)
    return data


def check_meta(path: Path, data: dict, line: int | None = None) -> dict:
    out: dict = {}
    for key, value in data.items():
        if key not in META_KEYS:
            continue  # extra keys (e.g. PolNeAR's) are allowed and ignored
        if value is None:
            continue
        if key == "date":
            out["date"] = _iso_date(path, value, line)
        elif key == "authors":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
                raise IngestError(path, "'authors' must be a list of names", line=line)
            out["authors"] = tuple(_meta_text(path, key, a, line) for a in value if a.strip())
        else:
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                raise IngestError(path, f"'{key}' must be text", line=line)
            text = _meta_text(path, key, str(value), line)
            if text:
                out[key] = text
    return out


def _meta_text(path: Path, key: str, value: str, line: int | None) -> str:
    text = normalize_space(CONTROLS.sub(" ", value))
    if len(text) > MAX_META:
        raise IngestError(path, f"'{key}' is longer than {MAX_META:,} characters", line=line)
    return text


def _iso_date(path: Path, value: object, line: int | None) -> str:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        # A date, or a date and time ("2018-06-12T10:30:00Z"): the whole value, checked.
        for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
            try:
                parsed = parse(value.strip())
            except ValueError:
                continue
            day = parsed.date() if isinstance(parsed, dt.datetime) else parsed
            if len(value.strip()) >= 10:
                return day.isoformat()
    raise IngestError(path, f"'date' must be a date as YYYY-MM-DD, not {value!r:.60}", line=line)


# --- Markdown with front matter ---------------------------------------------------


def parse_markdown(path: Path, text: str) -> dict:
    lines = text.split("\n")
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise IngestError(path, "front matter opened with '---' is never closed", line=1) from None
    meta = check_meta(path, load_meta_yaml(path, "\n".join(lines[1:end]), first_line=2), line=1)
    body = "\n".join(lines[end + 1 :])
    return {"format": "markdown", **meta, "paragraphs": blank_line_paragraphs(body)}


def blank_line_paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines; hard-wrapped lines inside a block are joined.

    A block whose lines are too long to be wrapped lines has one paragraph per line
    (some exports drop the blank lines between paragraphs).
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n[ \t\u00a0]*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        if len(lines) > 1 and max(len(ln) for ln in lines[:-1]) > WRAPPED_LINE_MAX:
            paragraphs.extend(normalize_space(ln) for ln in lines)
        else:
            paragraphs.append(normalize_space(" ".join(lines)))
    return paragraphs


def normalize_space(text: str) -> str:
    # Non-breaking spaces stay (they are the writer's); runs of other whitespace fold.
    return re.sub(r"[ \t\n\r\f\v]+", " ", text).strip()


# --- the seed format ------------------------------------------------------------

_TERMINAL = re.compile(r"[.?!:\u2026][\"'\u201d\u2019)\]]*$")
_CREDIT = re.compile(r"\b(contributed reporting|reported from|contributed research)\b")
_CREDIT_NAME = re.compile(
    r"(?:^|, and |\. |\band )"
    r"((?:[A-Z][\w'\u2019.-]*\s){0,3}[A-Z][\w'\u2019.-]*)"
    r"(?= (?:reported|contributed|from)\b)"
)


def looks_like_seed(text: str) -> bool:
    head = [ln.strip() for ln in text.split("\n")[:8]]
    return head[0].startswith("[") or "By" in head


def parse_seed(path: Path, text: str) -> dict:
    lines = text.split("\n")
    i = 0
    excerpt = None
    if lines[0].lstrip().startswith("["):
        # The pull quote may span lines; it ends at the first line ending with ']'.
        j = 0
        while j < len(lines) and not lines[j].rstrip().endswith("]"):
            j += 1
        if j == len(lines):
            raise IngestError(path, "the bracketed excerpt on line 1 is never closed", line=1)
        excerpt = normalize_space(" ".join(lines[: j + 1])).strip()[1:-1].strip()
        i = j + 1
    authors: tuple[str, ...] = ()
    dateline = None
    rest = [ln for ln in lines[i:]]
    while rest and not rest[0].strip():
        rest.pop(0)
        i += 1
    if rest and rest[0].strip() == "By":
        if len(rest) < 3:
            raise IngestError(path, "a 'By' line must be followed by authors and a dateline", i + 1)
        authors = split_names(rest[1].strip())
        second = rest[2].strip()
        if second and second.upper() == second and not second.startswith("\u2014"):
            dateline = second
            rest = rest[3:]
        else:
            rest = rest[2:]
    paragraphs = unwrap_paragraphs([ln.rstrip() for ln in rest if ln.strip()])
    if paragraphs:
        paragraphs[0] = re.sub(r"^[\u2014\u2013-]+\s*", "", paragraphs[0])
    contributors: list[str] = []
    if paragraphs and _CREDIT.search(paragraphs[-1]) and len(paragraphs[-1]) < 300:
        credit = paragraphs.pop()
        contributors = [n for n in _CREDIT_NAME.findall(credit) if n not in authors]
    fields: dict = {
        "format": "seed",
        "paragraphs": paragraphs,
        "excerpt": excerpt,
        "authors": authors,
        "contributors": tuple(dict.fromkeys(contributors)),
    }
    if dateline:
        fields["dateline"] = dateline
    return fields


_DATELINE = re.compile(
    r"(?P<place>(?=[A-Z .'\u2019-]*[A-Z]{3})[A-Z][A-Z.'\u2019 -]{1,40}?"
    r"(?:,\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,2})?"
    r"(?:\s+\([A-Z][\w .&-]{1,30}\))?)"
    r"\s*(?:\u2014|\u2013|--|-)\s+(?=[\"\u201c\u2018A-Z0-9])"
)


def split_dateline(paragraph: str) -> tuple[str | None, str]:
    """("HANOI, Vietnam", "President Trump ...") for a paragraph that opens with a
    dateline: a place in capitals, maybe its country or state, maybe "(Reuters)",
    then a dash. Not "U.S. - China trade ..." (no word of three capitals)."""
    m = _DATELINE.match(paragraph)
    if not m:
        return None, paragraph
    return m.group("place").strip(), paragraph[m.end() :]


def split_names(line: str) -> tuple[str, ...]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", line)
    return tuple(p.strip() for p in parts if p.strip())


def unwrap_paragraphs(lines: list[str]) -> list[str]:
    """Recover paragraphs from hard-wrapped lines with no blank lines between them.

    In this layout a paragraph's first line is wrapped shorter than the rest, so a
    new paragraph starts where a line ends a sentence and the next line is short.
    A short line that is not a paragraph's first line ends its paragraph even where
    the writer left out the full stop.
    """
    if not lines:
        return []
    lengths = sorted(len(ln) for ln in lines)
    full = lengths[int(0.9 * (len(lengths) - 1))]  # the wrap width of body lines
    short = 0.72 * full
    paragraphs: list[list[str]] = [[lines[0]]]
    for prev, line in zip(lines, lines[1:], strict=False):
        ends_sentence = _TERMINAL.search(prev.strip()) is not None
        # A short line that is not a paragraph's first line can only be its last.
        prev_was_last = len(prev) < short and len(paragraphs[-1]) > 1
        if (ends_sentence and len(line) < short) or prev_was_last:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [normalize_space(" ".join(p)) for p in paragraphs]


def derive_title(first_paragraph: str, max_words: int = 14) -> str:
    """A readable title from the lead: its first sentence, cut at a clause if long."""
    sentence = re.split(r"(?<=[.?!])\s+(?=[A-Z\u201c\"])", first_paragraph, maxsplit=1)[0]
    sentence = sentence.strip().rstrip(".")
    words = sentence.split()
    if len(words) <= max_words:
        return sentence
    # Prefer a clause boundary within the limit, else cut at a word.
    head = " ".join(words[:max_words])
    for sep in (", as ", " \u2014 ", "; ", ", "):
        k = head.rfind(sep)
        if k > len(head) // 2:
            return head[:k].rstrip(",;") + "\u2026"
    return head.rstrip(",;:") + "\u2026"
