"""Dates that need the article's date, the tense, or the last date the text gave.

`resolve(low, published, future, anchor)` is `dates.resolve`'s second pass, for what
the explicit forms leave: a month and day without a year ("Nov. 6"), a month ("in
December", "last August", "late May"), a season ("last summer"), the weekend
("this past weekend"), "N years ago", "more than a year ago", "next month", and,
counted from `anchor` (the last date the text gave), "two years later", "a year
later", "the next day", "that year". A date with no year is the latest before the
article, or with `future` (the clause is in the future tense) the first after it.

It gives None for what it cannot tell ("recently", "for months", "later").
"""

from __future__ import annotations

import datetime as dt
import re

MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
MONTHS = {m: i + 1 for i, m in enumerate(MONTH_NAMES)}
MONTHS.update({m[:3]: i + 1 for i, m in enumerate(MONTH_NAMES)})
MONTHS["sept"] = 9
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a couple of": 2,
    "a few": None,
}
# Northern seasons as months (first, last); winter runs into the next year.
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}
_NUM = r"(\d+|a couple of|an?|one|two|three|four|five|six|seven|eight|nine|ten)"


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _month(pub: dt.date, month: int, future: bool, strictly_before: bool = False) -> str:
    """The month's latest occurrence up to the article (or strictly before it), or its
    next one from the article on when the clause is in the future tense."""
    if future:
        year = pub.year if month >= pub.month else pub.year + 1
    elif strictly_before:
        year = pub.year if month < pub.month else pub.year - 1
    else:
        year = pub.year if month <= pub.month else pub.year - 1
    return _ym(year, month)


def _anchored(low: str, anchor: str | None) -> str | None:
    """'two years later', 'a year later', 'the next day', 'that year', from `anchor`."""
    if not anchor:
        return None
    start = anchor.split("/")[0]
    m = re.search(_NUM + r"\s+(year|month|week|day)s?\s+(?:later|after(?:wards?)?)\b", low)
    following = re.search(r"\b(?:the )?(?:next|following|subsequent) (year|month|week|day)\b", low)
    same = re.search(r"\b(?:that|the same|later that|earlier that) (year|month|day)\b", low)
    if not (m or following or same):
        return None
    unit = (m or following or same).group(m.lastindex if m else 1)
    n = 0 if same else (_number(m.group(1)) if m else 1)
    if n is None:
        return None
    year = int(start[:4])
    if unit == "year":
        return str(year + n)
    if len(start) < 7:
        return None  # a month or a day after a bare year cannot be told
    month = int(start[5:7])
    if unit == "month":
        total = year * 12 + month - 1 + n
        return _ym(total // 12, total % 12 + 1)
    if len(start) < 10:
        return _ym(year, month) if unit in ("week", "day") and n == 0 else None
    day = dt.date.fromisoformat(start[:10]) + dt.timedelta(days=n * (7 if unit == "week" else 1))
    return day.isoformat()


def resolve(low: str, pub: dt.date | None, future: bool, anchor: str | None) -> str | None:
    found = _anchored(low, anchor)
    if found or pub is None:
        return found
    m = re.search(r"\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{4})", low)
    if m:
        month, day = MONTHS[m.group(1)], int(m.group(2))
        ym = _month(pub, month, future)
        return dt.date(int(ym[:4]), month, day).isoformat()
    which_month = r"\b(last|this past|past|next|this|early|late|mid-?|in|since|until|by)?\s*"
    m = re.search(which_month + _MONTH, low)
    if m and not re.search(r"\d{4}", low):
        which, month = (m.group(1) or "").strip(), MONTHS[m.group(2)]
        if which == "next":
            return _month(pub, month, True) if month != pub.month else _ym(pub.year + 1, month)
        return _month(pub, month, future, strictly_before=which in ("last", "past", "this past"))
    which_season = r"\b(last|this past|past|next|this|in the|in|during the)?\s*"
    m = re.search(which_season + r"(spring|summer|fall|autumn|winter)\b", low)
    if m and not re.search(r"\d{4}", low):
        first, last = SEASONS[m.group(2)]
        which = (m.group(1) or "").strip()
        now = pub.year * 12 + pub.month - 1

        def span(y: int) -> tuple[int, int]:
            end = (y + (1 if last < first else 0)) * 12 + last - 1
            return y * 12 + first - 1, end

        years = [y for y in range(pub.year - 2, pub.year + 2)]
        if future or which == "next":
            year = next(y for y in years if span(y)[0] > now)
        elif which in ("last", "past", "this past"):
            year = max(y for y in years if span(y)[1] < now)
        else:
            year = max(y for y in years if span(y)[0] <= now)
        s0, s1 = span(year)
        return f"{_ym(s0 // 12, s0 % 12 + 1)}/{_ym(s1 // 12, s1 % 12 + 1)}"
    if re.search(r"\b(this past|last|past) weekend\b", low) or (
        "weekend" in low and not future and "next" not in low
    ):
        back = (pub.weekday() - 5) % 7 or 7  # the Saturday before the article's day
        sat = pub - dt.timedelta(days=back)
        return f"{sat.isoformat()}/{(sat + dt.timedelta(days=1)).isoformat()}"
    m = re.search(
        r"(more than |nearly |almost |about |some |over )?"
        + _NUM
        + r"\s+(year|month|week)s?\s+ago\b",
        low,
    )
    if m:
        n = _number(m.group(2))
        if n is None or (m.group(1) and n > 1):
            return None  # "more than 20 years ago": no year can be told
        unit = m.group(3)
        if unit == "year":
            return str(pub.year - n)
        if unit == "month":
            total = pub.year * 12 + pub.month - 1 - n
            return _ym(total // 12, total % 12 + 1)
        week = pub - dt.timedelta(weeks=n)
        return _ym(week.year, week.month)
    if re.search(r"\bnext month\b", low):
        total = pub.year * 12 + pub.month
        return _ym(total // 12, total % 12 + 1)
    if re.search(r"\bnext year\b", low):
        return str(pub.year + 1)
    if future:
        for i, day in enumerate(WEEKDAYS):
            if re.search(rf"\b{day}\b", low):
                ahead = (i - pub.weekday()) % 7
                return (pub + dt.timedelta(days=ahead)).isoformat()
    return None
