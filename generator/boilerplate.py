"""Boilerplate: the paragraphs of an article that are the page's furniture.

`furniture(paragraphs)` gives the indices of the paragraphs that are link lines
("READ MORE: ...", "WATCH: ...", "Related: ..."), photo captions and credits
("Jane Roe / CBC News", "(AP Photo/...)"), newsletter and social-media lines
("Follow Jane on Twitter @jane"), the outlet's notes ("Editor's note: ...",
"CORRECTION APPENDED.") and lone labels ("Getty.", "FULL TEXT.", "___").
The patterns are data (`generator/rules/boilerplate.yaml`). Ingest keeps such
paragraphs in the article, verbatim, so its page shows what the source printed;
the extractors skip them, so they are never evidence of a stance, an event or an
actor.

It catches furniture that says what it is; it misses an editor's note or a
promotional line that reads like reporting, and furniture inside a paragraph
of reporting (a caption run into the text).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator import rules

# Furniture is short: a long paragraph that opens like a link line is reporting.
MAX_WORDS = 60


@dataclass(frozen=True)
class _Patterns:
    starts: re.Pattern
    whole: re.Pattern
    credit: re.Pattern
    credit_max_words: int


@functools.cache
def _patterns() -> _Patterns:
    data = rules.load("boilerplate.yaml")
    return _Patterns(
        starts=re.compile("|".join(f"(?:{p})" for p in data["starts"]), re.IGNORECASE),
        whole=re.compile("|".join(f"(?:{p})" for p in data["whole"]), re.IGNORECASE),
        credit=re.compile(data["credit"]),
        credit_max_words=int(data["credit_max_words"]),
    )


def is_furniture(paragraph: str) -> bool:
    """Whether one paragraph is a link line, a credit, a caption or a label."""
    text = paragraph.strip()
    words = len(text.split())
    if not text or words > MAX_WORDS:
        return False
    p = _patterns()
    if p.whole.fullmatch(text) or p.starts.match(text):
        return True
    return words <= p.credit_max_words and bool(p.credit.fullmatch(text))


def furniture(paragraphs: Sequence[str]) -> frozenset[int]:
    """The indices of the paragraphs that are furniture, not reporting."""
    return frozenset(i for i, p in enumerate(paragraphs) if is_furniture(p))
