"""Dates of the events an article recounts, resolved to ISO strings.

`resolve_date(text, published, leaders)` turns one temporal expression into
"YYYY", "YYYY-MM", "YYYY-MM-DD" or a span "START/END", or None when it cannot be
told. It handles:

* explicit dates and years: "June 12, 2018", "June 2018", "in 1994", "the mid-2000s";
* expressions relative to the publication date: weekdays ("on Tuesday" in an
  article of Thursday 2018-06-14 is 2018-06-12), "today", "yesterday", "this week",
  "last week", "this year", "last year", "early this year", "N days ago";
* references to terms of office, through the leaders' file: "the Clinton
  administration" (1993/2001), "early in the administration of President George W.
  Bush" (2001), "at the end of Mr. Bush's term" (2008), "as soon as President Barack
  Obama entered office" (2009).

It does not guess: "for decades", "recently" or "months" give None.

`resolve(text, published, leaders)` says the same and whether the text gives the
date only roughly ("early in the administration of ...", "at the end of Mr.
Bush's term", "the mid-2000s"): such a date is `approximate`, with a `label` in
the text's own terms and the range it implies ("early in George W. Bush's
presidency, from 2001"), never shown as a bare year.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.extract import relative
from generator.leaders import Leader


@dataclass(frozen=True)
class Resolved:
    date: str
    approximate: bool = False
    label: str | None = None  # for approximate dates: how the page says it


MONTHS = relative.MONTHS  # full names, three-letter forms and "sept"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "a": 1}

_START_WORDS = (
    r"(?:early in|at the (?:start|beginning) of|the (?:start|beginning) of"
    r"|in the first (?:months?|year) of|as soon as|when|after)"
)
_END_WORDS = (
    r"(?:at the end of|the end of|late in|in the (?:final|last) (?:months?|year|days) of"
    r"|toward the end of)"
)


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _published(published: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(published) if published else None
    except ValueError:
        return None


def resolve_date(text: str, published: str | None, leaders: tuple[Leader, ...] = ()) -> str | None:
    """The date `text` means, or None."""
    found = resolve(text, published, leaders)
    return found.date if found else None


def resolve(
    text: str,
    published: str | None,
    leaders: tuple[Leader, ...] = (),
    future: bool = False,
    anchor: str | None = None,
) -> Resolved | None:
    """The date `text` means and how exactly the text gives it, or None. Arithmetic
    past the calendar's ends ("the day before" 0001-01-01, "June 31") resolves to
    nothing rather than failing. A date without its year ("Nov. 6", "in December")
    is the latest before the article, or with `future` the first after it; "two
    years later", "the next day", "that year" count from `anchor`, the last date
    the text gave."""
    low = text.lower().replace("\u2019", "'").strip()
    try:
        # Terms of office first: "early in the administration of President George W. Bush".
        term = _term_reference(low, leaders)
        if term:
            return term
        m = re.search(r"\bmid-(\d{3})0s\b", low)
        if m:
            decade = f"{m.group(1)}0s"
            return Resolved(f"{m.group(1)}3/{m.group(1)}7", True, f"the mid-{decade}")
        pub = _published(published)
        if future:  # "on Thursday", "in May" in the future tense: the next one
            date = relative.resolve(low, pub, True, anchor) or _resolve(low, published)
        else:
            date = _resolve(low, published) or relative.resolve(low, pub, False, anchor)
    except (OverflowError, ValueError):
        return None
    if date and "/" in date and len(set(date.split("/"))) == 1:
        date = date.split("/")[0]  # "this week" on a Monday: that day
    return Resolved(date) if date else None


def _resolve(low: str, published: str | None) -> str | None:
    pub = _published(published)

    m = re.search(
        r"\b(" + "|".join(MONTHS) + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", low
    )
    if m:
        try:
            return _iso(dt.date(int(m.group(3)), MONTHS[m.group(1)], int(m.group(2))))
        except ValueError:
            return None
    m = re.search(r"\b(" + "|".join(MONTHS) + r")\.?,?\s+(\d{4})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    m = re.search(r"\b(?:the\s+)?(\d{3})0s\b", low)
    if m:
        return f"{m.group(1)}0/{m.group(1)}9"
    m = re.search(
        r"\b(1[89]\d\d|20\d\d)\s*(?:-|\u2013|to|through|until|and)\s*(1[89]\d\d|20\d\d)\b", low
    )
    if m and m.group(1) < m.group(2):
        return f"{m.group(1)}/{m.group(2)}"  # "from 2009 to 2011", "between 2009 and 2011"
    m = re.search(r"\b(1[89]\d\d|20\d\d)\b", low)
    if m:
        return m.group(1)
    if pub is None:
        return None

    if re.search(r"\btoday\b|\btonight\b|\bthis morning\b|\bthis afternoon\b", low):
        return _iso(pub)
    if re.search(r"\byesterday\b", low):
        return _iso(pub - dt.timedelta(days=1))
    m = re.search(r"\b(\w+) days? (?:ago|earlier)\b", low)
    if m and (m.group(1).isdigit() or m.group(1) in NUMBERS):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMBERS[m.group(1)]
        return _iso(pub - dt.timedelta(days=n))
    for i, day in enumerate(WEEKDAYS):
        if re.search(rf"\b{day}\b", low):
            # News convention: a bare weekday is the most recent one, up to today.
            back = (pub.weekday() - i) % 7
            if "next" in low.split():
                back = back - 7 if back else -7
            elif "last" in low.split() and back == 0:
                back = 7
            return _iso(pub - dt.timedelta(days=back))
    if re.search(r"\bthis week\b", low):
        start = pub - dt.timedelta(days=pub.weekday())
        return f"{_iso(start)}/{_iso(pub)}"
    if re.search(r"\blast week\b", low):
        start = pub - dt.timedelta(days=pub.weekday() + 7)
        return f"{_iso(start)}/{_iso(start + dt.timedelta(days=6))}"
    if re.search(r"\bthis month\b", low):
        return f"{pub.year:04d}-{pub.month:02d}"
    if re.search(r"\blast month\b", low):
        prev = pub.replace(day=1) - dt.timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}"
    if re.search(r"\b(this|earlier this|early this|late this) year\b", low):
        return str(pub.year)
    if re.search(r"\blast year\b", low):
        return str(pub.year - 1)
    return None


def _term_word(ld: Leader) -> str:
    office = ld.office.lower()
    return "presidency" if office == "president" else f"term as {office}"


def _term_reference(low: str, leaders: tuple[Leader, ...]) -> Resolved | None:
    for ld in leaders:
        surname = ld.surname.lower()
        if not re.search(rf"\b{re.escape(surname)}\b", low):
            continue
        # With a first name in the text it must be this leader's ("George W. Bush").
        first = ld.name.split()[0].lower()
        names = re.findall(r"\b([a-z]+)\s+(?:[a-z]\.\s+)?" + re.escape(surname), low)
        if names and any(
            n not in (first, "mr", "president", "the", "of", "mrs", "ms") for n in names
        ):
            continue
        start, end = ld.start, ld.end
        took_office = (
            r"(entered|took|taking|entering|assumed) office|was inaugurated|came to power"
            r"|became president"
        )
        term = _term_word(ld)
        if re.search(took_office, low):
            return Resolved(str(start.year))
        if re.search(r"(left|leaving) office", low) and end:
            return Resolved(str(end.year))
        if re.search(_END_WORDS + r".*\b(term|administration|presidency|tenure)", low) and end:
            # The last months of the term: a term ending in January ends the year before.
            last = end - dt.timedelta(days=60)
            span = str(end.year) if last.year == end.year else f"{last.year}\u2013{end.year}"
            date = str(end.year) if last.year == end.year else f"{last.year}/{end.year}"
            return Resolved(date, True, f"at the end of {ld.name}'s {term}, {span}")
        if re.search(_START_WORDS + r".*\b(term|administration|presidency|tenure)", low):
            return Resolved(
                str(start.year), True, f"early in {ld.name}'s {term}, from {start.year}"
            )
        if re.search(r"\b(administration|presidency|term|tenure|government)\b", low):
            return Resolved(f"{start.year}/{end.year}" if end else str(start.year))
    return None
