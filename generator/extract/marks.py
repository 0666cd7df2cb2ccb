"""Quotation marks in text: `find_quote_spans(paragraphs)` is a pure string function
that pairs the marks (curly or straight; apostrophes such as "That's" or "talks'"
are never marks), follows the newspaper convention for quotes running over
paragraphs (a paragraph that ends inside a quote has no closing mark and the next one
reopens it), and closes an unbalanced quote at the end of its paragraph, so a stray
mark never swallows the rest of the article. Names and titles in quotation marks
(nicknames, "Game of Thrones") are not quotations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.tokens import rstrip_end

OPENING = "\u201c"
CLOSING = "\u201d"
STRAIGHT = '"'
# Characters after which a straight mark opens a quote.
_OPEN_BEFORE = set(" \t([{\u2014\u2013-/:;,\u00a0") | {""}
_CLOSE_AFTER = set(" \t)]}\u2014\u2013-/:;,.?!\u2026\u00a0") | {""}


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words in one paragraph: [start, end) excludes the marks."""

    paragraph: int
    start: int
    end: int
    continues: bool = False  # reopens a quote left open by the previous paragraph
    closed: bool = True


def _marks(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    is_open = False
    for i, ch in enumerate(text):
        if ch == OPENING and is_open and _typed_for_closing(text, i):
            out.append((i, "close"))  # 'It's unusual,“ said ...': typed the wrong way
            is_open = False
        elif ch == OPENING:
            out.append((i, "open"))
            is_open = True
        elif ch == CLOSING and not is_open and _typed_for_opening(text, i):
            out.append((i, "open"))  # '”Mr. Trump embodies ...”': typed the wrong way
            is_open = True
        elif ch == CLOSING:
            out.append((i, "close"))
            is_open = False
        elif ch == STRAIGHT:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            after2 = text[i + 2] if i + 2 < len(text) else ""
            if before in ".,?!" and after in "'\u2019" and after2 in _CLOSE_AFTER:
                kind = "close"  # 'bomb them,"\' said McCain': the inner quote's end, misplaced
            elif is_open and before in ".,?!" and after.isalpha():
                kind = "close"  # 'audiences,"Katie Packer said': the space after it lost
            elif before in _OPEN_BEFORE and after not in (" ", ""):
                kind = "open"
            elif after in _CLOSE_AFTER or before.isalnum() or before in ".,?!\u2026":
                kind = "close"
            else:
                kind = "close" if is_open else "open"
            if before.isdigit() and kind == "close" and not is_open:
                continue  # 6'2" is a measure, not a quote
            out.append((i, kind))
            is_open = kind == "open"
    return out


def _typed_for_opening(text: str, i: int) -> bool:
    """A closing mark with no quote open, at the start of the text or after a space,
    and glued to the word after it, opens one."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(\u2014") and after.isalnum()


def _typed_for_closing(text: str, i: int) -> bool:
    """An opening mark glued to the word before it and followed by a space or the
    end, inside an open quote, closes it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "(\u2014-" and after.isspace()


def find_quote_spans(paragraphs: list[str] | tuple[str, ...]) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    carry = False
    for p, text in enumerate(paragraphs):
        open_at: int | None = None
        continues = False
        marks = _marks(text)
        skip: set[int] = set()
        for n, (pos, kind) in enumerate(marks):
            if n in skip:
                continue
            if kind == "open":
                if open_at is not None and _nested(text, marks, n, open_at):
                    # 'rather live in what he calls "hell" than ...': one quote
                    # that quotes another; the inner marks stay in its words.
                    skip.update((n + 1, n + 2))
                    _add(spans, p, text, open_at + 1, marks[n + 2][0], continues)
                    open_at, continues = None, False
                    continue
                if open_at is not None:
                    # A second opening mark: the first quote was never closed.
                    _add(spans, p, text, open_at + 1, pos, continues, closed=False)
                    continues = False
                open_at = pos
                continues = carry and n == 0 and not text[:pos].strip()
            elif open_at is not None:
                _add(spans, p, text, open_at + 1, pos, continues)
                open_at, continues = None, False
            elif n == 0 and carry is False and not text[:pos].strip():
                continue
        carry = False
        if open_at is not None:
            _add(spans, p, text, open_at + 1, len(text), continues, closed=False)
            nxt = paragraphs[p + 1].lstrip() if p + 1 < len(paragraphs) else ""
            carry = nxt[:1] in (OPENING, STRAIGHT)
    return spans


def _nested(text: str, marks: list[tuple[int, str]], n: int, open_at: int) -> bool:
    """Whether the opening mark `n`, inside the quote opened at `open_at`, starts a
    quote within it: the next two marks close both, and words stand between the two
    openings and between the two closings (two marks side by side are a typo)."""
    if n + 2 >= len(marks) or marks[n + 1][1] != "close" or marks[n + 2][1] != "close":
        return False
    first, second = marks[n + 1][0], marks[n + 2][0]
    return any(c.isalnum() for c in text[open_at + 1 : marks[n][0]]) and any(
        c.isalnum() for c in text[first + 1 : second]
    )


def _add(spans, p, text, start, end, continues, closed=True) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    inner = text[start:end]
    # The last word before the opening mark.
    j = rstrip_end(text, max(start - 1, 0))
    i = j
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    if (
        any(c.isalnum() for c in inner)
        and not is_name_not_speech(inner, text[i:j])
        and not _nickname_in_name(text, start, end, text[i:j])
    ):
        spans.append(QuoteSpan(p, start, end, continues, closed))


_NAME_PART = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]\.)$")


def _nickname_in_name(text: str, start: int, end: int, word_before: str) -> bool:
    """'Rep. Robert C. "Bobby" Scott', 'Marcia "Cia" Price': a nickname set between
    the parts of a name is part of the name, not words anyone said."""
    inner = text[start:end].split()
    after = text[end + 1 :].split(maxsplit=1)
    return (
        1 <= len(inner) <= 2
        and all(_NAME_PART.match(w) for w in inner)
        and bool(_NAME_PART.match(word_before))
        and bool(after)
        and bool(re.match(r"^[A-Z][a-z]+", after[0]))
    )


_MINOR_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "with",
    "by",
    "from",
    "is",
    "it",
    "its",
    "as",
    "but",
    "nor",
    "vs",
    "vs.",
    "&",
}


_TITLE_BEFORE = {
    "on",
    "in",
    "at",
    "from",
    "titled",
    "entitled",
    "book",
    "show",
    "film",
    "movie",
    "song",
    "album",
    "program",
    "programme",
    "series",
    "episode",
    "documentary",
    "headline",
    "column",
    "essay",
    "report",
    "bill",
    "act",
    "of",
}


def is_name_not_speech(text: str, word_before: str = "") -> bool:
    """Quotation marks around a name rather than words spoken: the title of a show,
    book or song after "on", "in", "the book"... ("on Fox News Sunday"), or a handle,
    number or link left over from an embedded post. Nicknames ("Miss Piggy") and
    slogans stay quotes: someone said them."""
    bare = text.strip(" .,;:!?\u2026")
    if bare and " " not in bare and any(c.isdigit() or c in "/@#" for c in bare):
        return True
    if word_before.lower().strip(",;:(") not in _TITLE_BEFORE:
        return False
    words = bare.split()
    if len(words) < 2 or len(words) > 9 or any(c in text for c in "!?"):
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return (
        bool(major)
        and all(w[:1].isupper() or w[:1].isdigit() for w in major)
        and (words[0][:1].isupper())
        and not any(w.lower() in {"i", "i'm", "i\u2019m", "we", "you"} for w in words)
    )


def spans_by_paragraph(spans: list[QuoteSpan]) -> dict[int, list[QuoteSpan]]:
    """The spans of each paragraph, in order of position (as found)."""
    out: dict[int, list[QuoteSpan]] = {}
    for s in spans:
        out.setdefault(s.paragraph, []).append(s)
    return out
