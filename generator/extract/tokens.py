"""Lookups on a parsed paragraph in logarithmic or constant time.

The extractors ask the same questions again and again: which tokens lie in a
character range, which entity a token belongs to, which entities a sentence holds.
Asked by scanning the whole paragraph each time, a paragraph with n quotes or
entities costs n times its length; these answer from indexes built once per Doc
(kept in `doc.user_data`), so extraction stays linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # spaCy is imported only where a parse happens: a cached run never needs it
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
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


def held(memo: dict, key: object, refs: tuple, make: Callable[[], T]) -> T:
    """`make()`, remembered in `memo` under `key` for as long as it is asked about
    the very same objects `refs` (held, so that `is` cannot be fooled by a reused id):
    a value read once per sentence, not once per quotation in it."""
    found = memo.get(key)
    if found is not None and all(a is b for a, b in zip(found[0], refs, strict=True)):
        return found[1]
    value = make()
    memo[key] = (refs, value)
    return value


def subject_rows(sent: Span, quoted: set[int], deps: Collection[str]) -> list[tuple[Token, bool]]:
    """The tokens of `sent` outside quotes (nor hanging on a quoted word) that are a
    subject or begin a named entity, each with whether it is a subject: the only
    tokens a ranking of the sentence's actors looks at."""
    out = []
    for t in sent:
        if t.i in quoted or t.head.i in quoted:
            continue
        is_subject = bool(
            (t.dep_ in deps and t.head.i not in quoted)
            or (t.dep_ == "ROOT" and t.i == sent.start and t.ent_type_)
        )
        if is_subject or (t.ent_type_ and t.ent_iob_ == "B"):
            out.append((t, is_subject))
    return out


@contextmanager
def sentence_lookup(docs: list[Doc]) -> Iterator[None]:
    """While extracting: `tok.sent` by a lookup in the doc's sentence starts, found
    once, rather than spaCy's scan of the doc for the sentence's edges at every call
    (quadratic when a sentence holds thousands of quotations). The same spans."""
    hooked = []
    for doc in docs:
        if "sent" in doc.user_token_hooks or not doc.has_annotation("SENT_START"):
            continue
        doc.user_data[_SENT_STARTS] = [0] + [t.i for t in doc if t.i and t.is_sent_start]
        doc.user_token_hooks["sent"] = _sent_of
        hooked.append(doc)
    try:
        yield
    finally:
        for doc in hooked:
            doc.user_token_hooks.pop("sent", None)
            doc.user_data.pop(_SENT_STARTS, None)


_SENT_STARTS = "explainer.sent_starts"


def _sent_of(tok: Token) -> Span:
    doc = tok.doc
    starts = doc.user_data[_SENT_STARTS]
    k = bisect_right(starts, tok.i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k] : end]


def root_of(span: Span) -> Token:
    """`span.root`, the same word, without spaCy's walk from each word to the
    sentence's root (quadratic over a sentence nested thousands deep, as "said Kim
    said Moon said ..." is): a span's root is its one word whose head is outside it
    (or the sentence's root, where it holds that); only otherwise is spaCy asked."""
    outside = None
    for t in span:
        h = t.head.i
        if h == t.i:
            return t
        if not (span.start <= h < span.end):
            if outside is not None:
                return span.root
            outside = t
    return outside if outside is not None else span.root


_KIDS = "explainer.children"


def children_of(tok: Token) -> list[Token]:
    """`tok.children`, the same words in the same order, from an index of the doc
    built once: spaCy scans a word's whole subtree span for its children at every
    call (quadratic when clauses nest thousands deep)."""
    doc = tok.doc
    kids = doc.user_data.get(_KIDS)
    if kids is None:
        kids = [[] for _ in range(len(doc))]
        for t in doc:
            if t.head.i != t.i:
                kids[t.head.i].append(t)
        doc.user_data[_KIDS] = kids
    return kids[tok.i]


_PARTY = re.compile(
    r"^[RDIL]-?[A-Z][A-Za-z.]{0,5}$|^[RDIL]-[A-Z][a-z]+[A-Z][a-z]+$"
)  # "D-NewportNews"


def before_party_label(tok: Token) -> Token | None:
    """The name before "(R-OH)" when `tok` is inside that party label."""
    doc = tok.doc
    i = tok.i
    while i > 0 and doc[i].text != "(" and i > tok.i - 4:
        i -= 1
    if doc[i].text != "(" or i == 0:
        return None
    j = i + 1
    label = ""
    while j < len(doc) and doc[j].text != ")" and j < i + 6:
        label += doc[j].text
        j += 1
    if j >= len(doc) or not _PARTY.match(label):
        return None
    before = doc[i - 1]
    return before if before.ent_type_ == "PERSON" else None


def self_name(tok: Token) -> Token | None:
    """The name a description gives itself: "a man calling himself Paul Paul",
    "the base chief known as Bob"."""
    for acl in tok.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in ("call", "know", "name", "identify"):
            continue
        names = [c for c in acl.children if c.dep_ in ("oprd", "attr", "xcomp")]
        for prep in acl.children:
            if prep.dep_ == "prep" and prep.lower_ == "as":
                names += [g for g in prep.children if g.dep_ == "pobj"]
        for name in names:
            if name.ent_type_ == "PERSON":
                return name
    return None
