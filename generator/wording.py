"""How the pages say things: counts, dates (exact, spans, and dates the text gives
only roughly) and short source links. Pure functions of the records."""

from __future__ import annotations

from generator.model import Article, Event

# Words a count leaves as they are: "and 6 more", not "6 mores".
INVARIANT = frozenset({"more", "other", "others"})


def count(n: int, word: str) -> str:
    """ "1 article", "2 articles", "1,900 speakers"; words ending in y/s take their
    usual plurals."""
    if n == 1 or word in INVARIANT:
        return f"{n:,} {word}"
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy")):
        return f"{n:,} {word[:-1]}ies"
    return f"{n:,} {word}es" if word.endswith("s") else f"{n:,} {word}s"


def _within(date: str, span: str | None) -> bool:
    """Whether `date`'s year falls in `span` ("2008/2009", "2001")."""
    if not span:
        return False
    start, _, end = span.partition("/")
    return start[:4] <= date[:4] <= (end or start)[:4]


def event_date(e: Event) -> str:
    """An event's date as the page says it: in the text's own terms, with the range
    they imply, where the text gives it only roughly; else the date."""
    if e.approximate and e.date_label:
        return e.date_label[:1].upper() + e.date_label[1:]
    return human_date(e.date)


def human_date(value: str | None) -> str:
    """ "2018-06-12" -> "June 12, 2018"; spans with an en dash; None -> "date unknown"."""
    if not value:
        return "date unknown"
    if "/" in value:
        a, b = value.split("/", 1)
        if len(a) == len(b) == 10 and a[:7] == b[:7]:
            return f"{_MONTHS[int(a[5:7])]} {int(a[8:])}\u2013{int(b[8:])}, {a[:4]}"
        return f"{human_date(a)}\u2013{human_date(b)}" if b else human_date(a)
    if len(value) == 10:
        return f"{_MONTHS[int(value[5:7])]} {int(value[8:])}, {value[:4]}"
    if len(value) == 7:
        return f"{_MONTHS[int(value[5:7])]} {value[:4]}"
    return value


_MONTHS = ["", "January", "February", "March", "April", "May", "June", "July", "August"]
_MONTHS += ["September", "October", "November", "December"]


def source_label(article: Article, paragraph: int) -> str:
    """A short source link's text: outlet, date, paragraph (not the headline)."""
    outlet = article.source or "Article"
    when = f", {human_date(article.date)}" if article.date else ""
    return f"{outlet}{when}, paragraph {paragraph + 1}"


def when_told(events: list[Event]) -> str:
    """The dates of events told together, as a heading says them: the first, and
    the last where it adds something ("1994 to early in George W. Bush's
    presidency, from 2001"); a later date inside the first one's span adds nothing."""
    first = last = events[0]
    for e in events[1:]:
        if e.date and not _within(e.date, first.date):
            last = e
    if last is first:
        return event_date(first)
    end = event_date(last)
    return f"{event_date(first)} to {end[:1].lower()}{end[1:]}"
