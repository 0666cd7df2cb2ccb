"""Lookups on a parsed paragraph in logarithmic or constant time.

The extractors ask the same questions again and again: which tokens lie in a
character range, which entity a token belongs to, which entities a sentence holds.
Asked by scanning the whole paragraph each time, a paragraph with n quotes or
entities costs n times its length; these answer from indexes built once per Doc
(kept in `doc.user_data`), so extraction stays linear in the text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only where a parse happens: a cached run never needs it
    from spacy.tokens import Doc, Span, Token

_STARTS = "explainer.token_starts"
_ENTS = "explainer.ents"


def _starts(doc: Doc) -> list[int]:
    found = doc.user_data.get(_STARTS)
    if found is None:
        found = doc.user_data[_STARTS] = [t.idx for t in doc]
    return found


def token_range(doc: Doc, start: int, end: int) -> range:
    """The indexes of the tokens whose first character lies in [start, end)."""
    starts = _starts(doc)
    return range(bisect_left(starts, start), bisect_left(starts, end))


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    return [doc[i] for i in token_range(doc, start, end)]


def first_token_from(doc: Doc, char: int) -> Token | None:
    """The first token starting at or after character `char`."""
    i = bisect_left(_starts(doc), char)
    return doc[i] if i < len(doc) else None


def quoted_ids(doc: Doc, spans: Iterable) -> set[int]:
    """The indexes of the tokens that start inside any of `spans` (objects with
    `start` and `end` character offsets in this doc)."""
    out: set[int] = set()
    for s in spans:
        out.update(token_range(doc, s.start, s.end))
    return out


class _Ents:
    __slots__ = ("ents", "starts", "by_start", "by_end", "of_token")

    def __init__(self, doc: Doc):
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.starts = [e.start for e in self.ents]
        self.by_start = {e.start: e for e in self.ents}
        self.by_end = {e.end: e for e in self.ents}
        self.of_token: dict[int, Span] = {}
        for e in self.ents:
            for i in range(e.start, e.end):
                self.of_token[i] = e


def _ents(doc: Doc) -> _Ents:
    # Built on first use, after the pipeline has set the entities for good.
    found = doc.user_data.get(_ENTS)
    if found is None:
        found = doc.user_data[_ENTS] = _Ents(doc)
    return found


def ent_of(tok: Token) -> Span | None:
    """The named entity `tok` is part of, if any."""
    return _ents(tok.doc).of_token.get(tok.i)


def ent_starting_at(doc: Doc, i: int) -> Span | None:
    return _ents(doc).by_start.get(i)


def ent_ending_at(doc: Doc, i: int) -> Span | None:
    """The entity whose last token is `i - 1` (whose `end` is i)."""
    return _ents(doc).by_end.get(i)


def ents_in(span: Span) -> list[Span]:
    """The entities wholly inside `span`, in order (as `span.ents`, without
    walking every entity of the doc)."""
    idx = _ents(span.doc)
    out = []
    for k in range(bisect_left(idx.starts, span.start), len(idx.ents)):
        e = idx.ents[k]
        if e.start >= span.end:
            break
        if e.end <= span.end:
            out.append(e)
    return out


_TEXT = "explainer.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, which spaCy joins from the tokens at every call, joined once."""
    found = doc.user_data.get(_TEXT)
    if found is None:
        found = doc.user_data[_TEXT] = doc.text
    return found


_CHUNKS = "explainer.noun_chunks"


def noun_chunk_of(tok: Token) -> Span | None:
    """The first noun chunk holding `tok` (spaCy finds them anew at every
    `doc.noun_chunks`)."""
    doc = tok.doc
    found = doc.user_data.get(_CHUNKS)
    if found is None:
        found = {}
        for nc in doc.noun_chunks:
            for i in range(nc.start, nc.end):
                found.setdefault(i, nc)
        doc.user_data[_CHUNKS] = found
    return found.get(tok.i)


def rstrip_end(text: str, k: int) -> int:
    """len(text[:k].rstrip()), without copying the text before k."""
    k = max(min(k, len(text)), 0)
    while k > 0 and text[k - 1].isspace():
        k -= 1
    return k


def set_off(name: Token) -> bool:
    """A name in apposition: so parsed, or set off by commas on both sides ('The
    editor I was talking to, Tim Grieve, interrupted')."""
    if name.dep_ == "appos":
        return True
    doc, first = name.doc, name.left_edge.i
    return (
        first > 0
        and doc[first - 1].text == ","
        and name.i + 1 < len(doc)
        and doc[name.i + 1].text == ","
    )
