"""What a cache entry or the pack may say: `checked(facts)` is the facts when every
field is of the type the model gives it (a crafted entry may put a list where a name
goes, or a mapping where a list goes), every date a date, and everything the site
uses as an id, a kind or an offset one; else ValueError, and the article is parsed
again. Text fields may hold any text: the site escapes them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing

from generator.files import ID_RE as _ID
from generator.model import (
    ACTOR_KINDS,
    QUOTE_KINDS,
    STANCES,
    ArticleFacts,
    Entity,
    Event,
    Mention,
    Quote,
    Stance,
)

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date_ok(value: object) -> bool:
    """None, or a date as extraction writes one: YYYY, YYYY-MM, YYYY-MM-DD, or two
    of them as a range (A/B), each a real date."""
    if value is None:
        return True
    if type(value) is not str or value.count("/") > 1:
        return False
    for part in value.split("/"):
        m = _DATE.fullmatch(part)
        if m is None:
            return False
        y, mo, d = m.groups()
        try:
            dt.date(int(y), int(mo or 1), int(d or 1))
        except ValueError:
            return False
    return True


@functools.cache
def _checker(hint: object) -> typing.Callable[[object], bool]:
    """A test of whether a value is of the type a model field is annotated with
    (str, int, bool, None, unions, tuples of one type, the model's dataclasses),
    made once per type: it runs over every cached article at every run."""
    if hint in (str, int, bool):
        return lambda v: type(v) is hint
    if hint is type(None):
        return lambda v: v is None
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is types.UnionType or origin is typing.Union:
        if set(args) == {str, type(None)}:
            return lambda v: v is None or type(v) is str
        subs = [_checker(h) for h in args]
        return lambda v: any(c(v) for c in subs)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            if args[0] is str:
                return lambda v: type(v) is tuple and all(type(x) is str for x in v)
            one = _checker(args[0])
            return lambda v: type(v) is tuple and all(one(x) for x in v)
        each = [_checker(h) for h in args]
        return lambda v: (
            type(v) is tuple
            and len(v) == len(each)
            and all(c(x) for c, x in zip(each, v, strict=True))
        )
    if hint is Mention:  # the most numerous: its offsets are checked in checked()
        return lambda v: type(v) is Mention and type(v.text) is str
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = [(f.name, _checker(hints[f.name])) for f in dataclasses.fields(hint)]
        return lambda v: type(v) is hint and all(c(getattr(v, n)) for n, c in fields)
    return lambda v: True


def checked(f: ArticleFacts) -> ArticleFacts:
    """`f`, if every field is of its type (a crafted entry may put a list where a
    name goes), every date a date, and everything that the site uses as an id, a
    kind or an offset is one; else ValueError. Text fields may hold any text: the
    site escapes them."""
    for group, cls in ((f.entities, Entity), (f.quotes, Quote), (f.events, Event)):
        if not _checker(tuple[cls, ...])(group):
            raise ValueError("a field of the wrong type")
    if not _checker(tuple[Stance, ...])(f.stances):
        raise ValueError("a field of the wrong type")
    if not _checker(tuple[tuple[tuple[str, int], ...], ...])(f.paragraph_topics):
        raise ValueError("bad topics")
    if not all(_date_ok(ev.date) for ev in f.events):
        raise ValueError("bad date")
    # Every field is of its type now (the checks above): what is left is the
    # values. Written out rather than through a helper: this runs over every
    # mention of every cached article on each regeneration.
    lengths = [len(p) for p in f.article.paragraphs]
    n = len(lengths)
    for e in f.entities:
        if e.kind not in ACTOR_KINDS:
            raise ValueError("bad entity")
        for m in e.mentions:
            p, s, end = m.paragraph, m.start, m.end
            if type(p) is not int or type(s) is not int or type(end) is not int:
                raise ValueError("bad mention")
            if not (0 <= p < n and 0 <= s <= end <= lengths[p]):
                raise ValueError("bad mention")
    for q in f.quotes:
        p, s, end = q.paragraph, q.start, q.end
        if q.kind not in QUOTE_KINDS or not _ID.fullmatch(q.id):
            raise ValueError("bad quote")
        if not (0 <= p < n and 0 <= s <= end <= lengths[p]):
            raise ValueError("bad quote")
    for ev in f.events:
        if not _ID.fullmatch(ev.id) or not 0 <= ev.paragraph < n:
            raise ValueError("bad event")
    for st in f.stances:
        p, s, end = st.paragraph, st.start, st.end
        if st.stance not in STANCES or not (0 <= p < n and 0 <= s <= end <= lengths[p]):
            raise ValueError("bad stance")
        if st.quote is not None and not _ID.fullmatch(st.quote):
            raise ValueError("bad stance")
    if len(f.paragraph_topics) not in (0, n):
        raise ValueError("bad topics")
    return f
