"""Ingest: article files in, `Article` records out.

Three formats, detected per file:

* the seed format: a bracketed pull quote on line 1, a line `By`, the authors, the
  dateline in capitals, then a body hard-wrapped with no blank lines, opening with an
  em dash and closing with a "contributed reporting" credit line;
* Markdown with YAML front matter (title, date, authors, url, source) and blank-line
  paragraphs;
* plain text with blank-line paragraphs.

Facts the text does not carry live in a sidecar `NAME.meta.yaml` beside the article
(same keys as the front matter), so editors never touch the article text. This
module reads the files; `textformats` reads their text.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

import ftfy

from generator.files import IngestError, name_problem, read_bytes
from generator.model import Article
from generator.textformats import (
    blank_line_paragraphs,
    check_meta,
    derive_title,
    load_meta_yaml,
    looks_like_seed,
    parse_markdown,
    parse_seed,
    split_dateline,
)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SIDECAR_SUFFIX = ".meta.yaml"
# Limits of one article, far above any news article (the longest paragraph of the
# 924 PolNeAR articles has 12,568 characters, the longest article 33,744): beyond
# them the file is refused rather than parsed for minutes.
MAX_PARAGRAPH = 50_000
MAX_ARTICLE = 500_000  # characters of body text
MAX_FILE = 2_000_000  # bytes of the file
MAX_ID = 100  # characters of an article id (it names files and pages)
# Page paths of the articles/ folder that no article may take.
RESERVED_IDS = frozenset({"index"})


def slugify(text: str) -> str:
    """A URL-safe id: ASCII letters, digits and hyphens; never empty."""
    text = unicodedata.normalize("NFKD", text)
    ascii_text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug


def article_id(path: Path) -> str:
    problem = name_problem(path.name)
    if problem:
        raise IngestError(path, problem)
    slug = slugify(path.name.removesuffix(path.suffix))
    if not slug:
        raise IngestError(path, "the file name gives no usable id (letters or digits needed)")
    if len(slug) > MAX_ID:
        raise IngestError(path, f"the file name is too long for an id (at most {MAX_ID} letters)")
    if slug in RESERVED_IDS:
        raise IngestError(path, f"the id '{slug}' is taken by a page of the site; rename the file")
    return slug


def find_article_files(paths: Iterable[Path]) -> list[Path]:
    """Expand directories into their article files (sorted); files pass through."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(_articles_under(p))
            if not found:
                raise IngestError(p, "no articles here (looked for *.txt, *.md, *.markdown)")
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            raise IngestError(p, "is not a regular file (a pipe, a device or a socket)")
        else:
            raise IngestError(p, "no such file or directory")
    return files


def _articles_under(folder: Path) -> Iterable[Path]:
    """The article files below `folder`. A link in it is refused, whatever it points
    to: it would publish a file from elsewhere (a key, /etc/passwd, .git/config)."""
    for sub, dirs, names in os.walk(folder):
        here = Path(sub)
        for name in sorted(dirs + names):
            f = here / name
            if name.startswith("."):
                continue
            if f.is_symlink():
                raise IngestError(f, "is a symbolic link; put the file itself in the folder")
            problem = name_problem(name)
            if problem:
                raise IngestError(f, problem)
            is_article = f.suffix.lower() in ARTICLE_SUFFIXES and f.stem.upper() != "README"
            if name in names and is_article:
                yield f
        dirs[:] = [d for d in dirs if not d.startswith(".")]


def read_articles(
    paths: Iterable[Path], root: Path | None = None, memo: dict[str, Article] | None = None
) -> list[Article]:
    """Read every article under `paths`; ids must be unique. `memo` maps the hash of
    a file's text (and its sidecar's) to the article parsed from it last time; it is
    consulted and filled in, so that an unchanged file is not parsed again."""
    articles: list[Article] = []
    seen: dict[str, Path] = {}
    for f in find_article_files(paths):
        art = read_article(f, root=root, memo=memo)
        if art.id in seen:
            raise IngestError(f, f"gives the id '{art.id}', as {seen[art.id]} does; rename one")
        seen[art.id] = f
        articles.append(art)
    return sorted(articles, key=lambda a: a.id)


def read_text(path: Path) -> str:
    if path.is_symlink():
        raise IngestError(path, "is a symbolic link; put the file itself in the folder")
    raw = read_bytes(path, MAX_FILE, ": not one article")
    if b"\x00" in raw:
        raise IngestError(path, "is a binary file, not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise IngestError(path, "is not UTF-8 text", line=line) from e
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Text mis-decoded upstream ("PeÃ±a Nieto") is repaired: ftfy's encoding repair
    # alone, so curly quotes, entities and character widths stay as written.
    text = ftfy.fix_encoding(text)
    if not text.strip():
        raise IngestError(path, "is empty")
    return text


def read_article(
    path: Path, root: Path | None = None, memo: dict[str, Article] | None = None
) -> Article:
    article_id(path)  # a name that gives no id is refused before the file is read
    text = read_text(path)
    side = sidecar_path(path)
    side_text = read_text(side) if _present(side) else None
    shown = _display_path(path, root)
    key = ""
    if memo is not None:
        # The file's bytes were checked above; an unchanged file gives the same
        # article (the memo itself is dropped when this module's code changes).
        h = hashlib.sha256(f"{shown}\0{text}\0{side_text}".encode())
        key = h.hexdigest()
        known = memo.get(key)
        if known is not None and known.id == article_id(path) and known.path == shown:
            return known  # a crafted memo cannot rename the article or move it
    meta = check_meta(side, load_meta_yaml(side, side_text, first_line=1)) if side_text else {}
    if text.startswith("---\n"):
        fields = parse_markdown(path, text)
    elif looks_like_seed(text):
        fields = parse_seed(path, text)
    else:
        fields = {"format": "plain", "paragraphs": blank_line_paragraphs(text)}
    fields.update({k: v for k, v in meta.items() if v is not None})
    paragraphs = tuple(p for p in fields.pop("paragraphs") if p)
    if paragraphs:
        # "HANOI, Vietnam — President Trump ...": the dateline is metadata, never
        # part of the first sentence (where it read as a role or an affiliation).
        dateline, first = split_dateline(paragraphs[0])
        if dateline and first:
            paragraphs = (first, *paragraphs[1:])
            if not fields.get("dateline"):
                fields["dateline"] = dateline
    if not paragraphs:
        raise IngestError(path, "has no body text")
    _check_size(path, paragraphs)
    title = fields.pop("title", None)
    derived = not title
    if derived:
        title = derive_title(paragraphs[0])
    article = Article(
        id=article_id(path),
        path=shown,
        title=str(title),
        title_derived=derived,
        paragraphs=paragraphs,
        **fields,
    )
    if memo is not None:
        memo[key] = article
    return article


def _check_size(path: Path, paragraphs: tuple[str, ...]) -> None:
    total = 0
    for n, p in enumerate(paragraphs, 1):
        if len(p) > MAX_PARAGRAPH:
            raise IngestError(
                path,
                f"paragraph {n} has {len(p):,} characters, more than the {MAX_PARAGRAPH:,} "
                "a paragraph may have (are the blank lines between paragraphs missing?)",
            )
        total += len(p)
    if total > MAX_ARTICLE:
        raise IngestError(
            path, f"has {total:,} characters of text, more than the {MAX_ARTICLE:,} allowed"
        )


def _display_path(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


# --- metadata -----------------------------------------------------------------


def _present(path: Path) -> bool:
    """Whether anything (a file, a link, a pipe) has this name; a name too long to
    exist is not there."""
    try:
        os.lstat(path)
    except OSError:
        return False
    return True


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)
