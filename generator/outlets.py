"""outlets.yaml: the outlets' names where the articles give a slug for the source.

An article's `source` (front matter or sidecar) is shown on every source link
("HuffPost, May 3, 2016, paragraph 4"). Corpora often carry a slug there
("huff-post", "wash-post", "nyt"): a source that is a slug (lower-case letters
and digits joined by single hyphens or underscores) is shown as the editors'
name for it in `editorial/outlets.yaml` (`huff-post: HuffPost`), else in
title case word by word ("the-hill": "The Hill"), a single word of two or three
letters in capitals ("ap": "AP", "nyt": "NYT"). A source written as a name ("The
New York Times") is shown as it is, unless the editors list it too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from generator.editorial import MAX_ITEMS, MAX_NAME, EditorialError, as_text, line_of, load_yaml
from generator.model import Article

SLUG_RE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")
LINE = "__line__"


def load_outlets(path: Path) -> dict[str, str]:
    """The editors' names by source as the articles give it; {} without the file."""
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise EditorialError(path, None, "must be a mapping of sources to names (nyt: NYT)")
    line = line_of(data)
    entries = {k: v for k, v in data.items() if k != LINE}
    if len(entries) > MAX_ITEMS:
        raise EditorialError(path, line, f"has more than {MAX_ITEMS} entries")
    names = {}
    for key, value in entries.items():
        source = as_text(path, line, "a source", key, MAX_NAME)
        names[source.strip().lower()] = as_text(path, line, source, value, MAX_NAME).strip()
    return names


def _default(source: str) -> str:
    """A slug's words as a name: "the-hill" "The Hill", "ap" "AP"."""
    words = re.split(r"[-_]", source)
    if len(words) == 1 and 2 <= len(source) <= 3 and source.isalpha():
        return source.upper()  # short slugs are initials: "ap", "nyt", "cnn"
    return " ".join(w[:1].upper() + w[1:] for w in words)


def outlet_name(source: str | None, names: dict[str, str]) -> str | None:
    """The outlet's name for an article's `source` (see the module's docstring)."""
    if source is None:
        return None
    plain = source.strip()
    named = names.get(plain.lower())
    if named:
        return named
    return _default(plain) if SLUG_RE.fullmatch(plain) else source


def named_sources(article: Article, names: dict[str, str]) -> Article:
    """The article with its source shown as the outlet's name."""
    shown = outlet_name(article.source, names)
    return article if shown == article.source else replace(article, source=shown)
