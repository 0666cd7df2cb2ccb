"""Events that are events: table tests of what is one (dated, scheduled) and of
every kind of non-event, on invented sentences about the seeds' freeze topic."""

from __future__ import annotations

import pytest

from generator import pipeline
from generator.config import settings

from .conftest import make_project


def events_of(tmp_path, body: str, date: str = "2019-03-01"):
    article = f"---\ntitle: T\ndate: {date}\n---\n\n{body}\n"
    make_project(tmp_path, articles={"a.md": article})
    corpus = pipeline.extract([tmp_path / "seeds"], settings(tmp_path), use_cache=False)
    return [e for e in corpus.events if "freezes" in e.topics]


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("stance", "On Monday, Kim Ho called the freeze a trap."),
        ("stance", "Kim Ho said on Monday that the freeze had failed."),
        ("stance", "On Tuesday, the minister embraced the idea of a freeze."),
        ("commentary", "It is not just the strategy: the freeze was a trap on Tuesday."),
        ("forecast", "The cost of the freeze will rise by 4 to 6 per cent next year."),
        (
            "hypothetical",
            "If the freeze fails in May, the value of the pipeline falls off a cliff.",
        ),
        ("modal", "The freeze could collapse in June."),
        ("standing state", "The freeze has been in place since 2015."),
        ("habit", "The board usually votes on the freeze in May."),
        ("question", "Did North Korea break the freeze in 2017?"),
        ("link line", "READ MORE: North Korea broke the freeze in 2017."),
        ("negated", "North Korea did not break the freeze in 2017."),
        ("undatable", "North Korea broke the freeze recently."),
        ("a date that is a name", "The 2012 freeze talks were a failure."),
        ("a target", "The freeze was designed to cut tests by 2030."),
    ],
)
def test_non_events(nlp, tmp_path, kind, sentence):
    assert events_of(tmp_path, sentence) == [], kind


@pytest.mark.parametrize(
    ("body", "date", "scheduled"),
    [
        ("North Korea broke the freeze on Nov. 6.", "2018-11-06", False),
        ("North Korea agreed to a freeze in December.", "2018-12", False),
        ("North Korea agreed to a freeze last August.", "2018-08", False),
        ("North Korea agreed to a freeze this past weekend.", "2019-02-23/2019-02-24", False),
        ("The parliament rejected the freeze 432-202 on Thursday.", "2019-02-28", False),
        ("The court will hear arguments on the freeze in May.", "2019-05", True),
        ("The freeze takes effect in April.", "2019-04", True),  # a present with a date to come
        (
            "In 2007, North Korea accepted a freeze. Two years later, it broke the freeze.",
            "2009",
            False,
        ),
    ],
)
def test_events_and_their_dates(nlp, tmp_path, body, date, scheduled):
    found = events_of(tmp_path, body)
    assert [(e.date, e.scheduled) for e in found][-1] == (date, scheduled), found


def test_no_event_is_undated(nlp, tmp_path):
    body = "North Korea agreed to a freeze in 1994. It broke the freeze at some point."
    assert all(e.date for e in events_of(tmp_path, body))


@pytest.mark.parametrize(
    ("body", "title"),
    [
        (
            "On Thursday, the minister reassured the country's allies, Japan and South Korea, "
            "about the freeze.",
            "Japan and South Korea",
        ),
        (
            "Kim Ho met the envoy on Monday about a freeze. On Tuesday, he signed the freeze "
            "agreement.",
            "Kim Ho signed the freeze agreement",
        ),
        (
            "On Tuesday, Kim Ho met Ana Lind in Oslo and signed a freeze agreement.",
            "Kim Ho met Ana Lind in Oslo and signed a freeze agreement",
        ),
        (
            "In 2007, the province accepted a freeze. Two years later, it broke the freeze.",
            "The province broke the freeze",
        ),
        ("The parliament rejected the freeze 432-202 on Thursday.", "the freeze 432-202"),
        (
            "The freeze talks began in 2015, when Kim Ho signed a freeze agreement.",
            "Kim Ho signed a freeze agreement",
        ),
        (
            "On Thursday, the minister announced that the freeze would end.",
            "the freeze would end",
        ),
        # A reduced relative clause the parser takes for a modifier (acl): what was
        # made, not "Trump made".
        (
            "Democrats highlighted comments Trump made in 2006 about the freeze.",
            "Trump made comments",
        ),
    ],
)
def test_headlines_are_whole_clauses(nlp, tmp_path, body, title):
    found = events_of(tmp_path, body)
    assert any(title in e.title for e in found), [e.title for e in found]


@pytest.mark.parametrize(
    ("kind", "sentence"),
    [
        ("indirect question", "Voters will decide in November who controls the freeze talks."),
        ("forecast", "The problems of the freeze will await the winner in 2020."),
        ("speech", "Kim Ho wrote in an email on Monday that the freeze was over."),
        ("idiom", "As Kim Ho put it on Monday, the freeze is a trap."),
        ("trend", "Support for the freeze peaked in 2010."),
    ],
)
def test_more_non_events(nlp, tmp_path, kind, sentence):
    assert [e.title for e in events_of(tmp_path, sentence)] == [], kind


def test_a_dateline_is_no_subject(nlp, tmp_path):
    found = events_of(tmp_path, "OSLO -- The harbour board voted for the freeze on Monday.")
    assert [e.title for e in found] == ["The harbour board voted for the freeze"]


def test_an_attribution_is_no_event_but_what_it_reports_is(nlp, tmp_path):
    found = events_of(tmp_path, "On Monday, North Korea ended the freeze, Fox News reported.")
    assert found and not any("reported" in e.title for e in found)


@pytest.mark.parametrize(
    ("text", "published", "future", "anchor", "expected"),
    [
        ("Nov. 6", "2018-12-05", False, None, "2018-11-06"),
        ("Nov. 6", "2018-10-05", False, None, "2017-11-06"),  # the latest before
        ("in December", "2016-09-20", False, None, "2015-12"),
        ("last August", "2016-09-08", False, None, "2016-08"),
        ("in May", "2018-06-14", False, None, "2018-05"),
        ("in May", "2018-06-14", True, None, "2019-05"),  # future tense: the next May
        ("on Thursday", "2018-06-12", True, None, "2018-06-14"),
        ("earlier this month", "2016-10-04", False, None, "2016-10"),
        ("this past weekend", "2016-09-08", False, None, "2016-09-03/2016-09-04"),
        ("last summer", "2016-07-10", False, None, "2015-06/2015-08"),
        ("last summer", "2016-09-10", False, None, "2016-06/2016-08"),
        ("the winter", "2016-01-27", False, None, "2015-12/2016-02"),
        ("from 2009 to 2011", "2016-01-01", False, None, "2009/2011"),
        ("more than a year ago", "2016-10-04", False, None, "2015"),
        ("two years later", "2016-09-28", False, "2007", "2009"),
        ("A little more than a year later", "2016-09-08", False, "2014-11-11", "2015"),
        ("the next day", "2016-09-08", False, "2014-11-11", "2014-11-12"),
        ("this week", "2015-11-30", False, None, "2015-11-30"),  # a Monday: one day
        # What cannot be told is None, never a guess.
        ("recently", "2016-09-27", False, None, None),
        ("more than 20 years ago", "2016-09-27", False, None, None),
        ("two years later", "2016-09-27", False, None, None),  # no date given before
        ("a month later", "2016-09-27", False, "2009", None),  # a month after a year
    ],
)
def test_dates_from_the_article_and_the_text(text, published, future, anchor, expected):
    from generator.extract.dates import resolve

    found = resolve(text, published, (), future, anchor)
    assert (found.date if found else None) == expected
