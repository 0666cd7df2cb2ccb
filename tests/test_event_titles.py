"""Event titles never stop short: a title that would end on a verb the sentence
goes on from ("Turnout was", "Lind earned") is completed from the parse, or there
is no title; titles that are whole stay as they are. Invented sentences, each
with the verb the event is told by."""

from __future__ import annotations

import pytest

from generator.extract.headlines import title


def title_of(nlp, sentence: str, verb: str) -> str | None:
    doc = nlp(sentence)
    return title(next(t for t in doc if t.text == verb), {})


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # a copula with its adverb and measure
        (
            "Turnout in the harbour vote, by contrast, was up more than 40 percent from 2012.",
            "was",
            "Turnout was up more than 40 percent",
        ),
        (
            "At one point this week, harbour shares were up 12 percent on merger talk.",
            "were",
            "Harbour shares were up 12 percent on merger talk",
        ),
        # an object relative without "that": what the verb acted on
        (
            "The board gave $5,000 to the fund, down from the more than $90,000 it "
            "contributed four years ago.",
            "contributed",
            "It contributed more than $90,000",
        ),
        (
            "Looking to correct some mistakes the council made in 2012, the mayor hired new staff.",
            "made",
            "The council made some mistakes",
        ),
        (
            "Ms. Lind has railed against the harbour pact, the deal the ministry finished "
            "drafting in 2015.",
            "finished",
            "The ministry finished drafting the deal",
        ),
        (
            "The town hosted the 25 regattas Ana Lind attended in 2008.",
            "attended",
            "Ana Lind attended the 25 regattas",
        ),
        # a particle with its own phrase, and an adverb with its measure
        (
            "The mayor earlier Tuesday backed away from a plan that he might close the harbour.",
            "backed",
            "The mayor backed away from a plan",
        ),
        (
            "The town voted for Lind in 2008, and in 2012 swung back to Roe.",
            "swung",
            "The town swung back to Roe",
        ),
        (
            "In 2015, the ferry company went a step further.",
            "went",
            "The ferry company went a step further",
        ),
        # the parse lost the object, or the subject: no title
        ('In May, Lind earned "is it over?" headlines when her staff were fired.', "earned", None),
        ("Lind praised Roe, whose term ends next June.", "ends", None),
        ("Lind praised Roe, whose family moved to Oslo in 2009.", "moved", None),
        ("By comparison, the $3 million Ana Lind raised in May came from donors.", "raised", None),
        (
            "On the quay, a patch of concrete marks the exit of a tunnel harbour police "
            "officers sealed in May.",
            "sealed",
            None,  # "a tunnel officers": two phrases, no passive to tell
        ),
        # a verb sharing its head's auxiliaries
        (
            "After the strike, the harbour plan was questioned and then abandoned in 2014.",
            "abandoned",
            "The harbour plan was abandoned",
        ),
        # the noun of a relative clause whose subject it is: not also its object
        (
            "The audit, a process that began in May and concluded on Monday, found nothing.",
            "concluded",
            "A process concluded",
        ),
        # what a reporting verb reports, where it comes first and is not quoted
        (
            "The harbour board approved the freeze, the ministry announced on Monday.",
            "announced",
            "The harbour board approved the freeze, the ministry announced",
        ),
        ('"The freeze is over," Lind tweeted on Monday.', "tweeted", "Lind tweeted"),
        # a light verb with its preposition
        (
            "In May, Ana Lind took advantage of the strike to reopen the harbour.",
            "took",
            "Ana Lind took advantage of the strike",
        ),
        (
            "Ana Lind took part in the harbour talks on Monday.",
            "took",
            "Ana Lind took part in the harbour talks",
        ),
        ("In 2015, Kim Ho took office in January.", "took", "Kim Ho took office"),  # a date: not
        # a stranded preposition takes its noun; a particle ends a title
        (
            "The union the board collaborated with in 2015 dissolved.",
            "collaborated",
            "The board collaborated with the union",
        ),
        ("Voters tuned in on Monday.", "tuned", "Voters tuned in"),
        # no passive of a word that is no participle
        (
            "His death after being in a harbour police chokehold in 2014 inspired the protests.",
            "chokehold",
            None,
        ),
        # clitics joined as the text has them
        (
            "On Thursday, the harbour board announced she wasn't coming.",
            "announced",
            "The harbour board announced she wasn't coming",
        ),
        # whole as they are: unchanged
        (
            "The harbour board voted for the freeze on Monday.",
            "voted",
            "The harbour board voted for the freeze",
        ),
        ("The poll was released on Monday.", "released", "The poll was released"),
        ("The ferries were inspected in May.", "inspected", "The ferries were inspected"),
        ("The harbour company folded in 1986.", "folded", "The harbour company folded"),
        ("The ferry service began in 2008.", "began", "The ferry service began"),
        ("The ferry firm went bankrupt two years ago.", "went", "The ferry firm went bankrupt"),
        ("The town swung back in 2012.", "swung", "The town swung back"),
        ("Kim Ho met Ana Lind in Oslo on Tuesday.", "met", "Kim Ho met Ana Lind in Oslo"),
        (
            "By Tuesday, 80,000 Democrats voted in the harbour primary.",
            "voted",
            "80,000 Democrats voted in the harbour primary",
        ),
        (
            "The mayor criticised the harbour plan, which the council approved in 2015.",
            "approved",
            "The council approved the harbour plan",
        ),
        (
            "Ms. Lind said the harbour board was wrong on Monday.",
            "said",
            "Ms. Lind said the harbour board was wrong",
        ),
    ],
)
def test_titles_are_whole(nlp, sentence, verb, expected):
    assert title_of(nlp, sentence, verb) == expected


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        (
            "The harbour board won't reopen the quay this year.",
            "The harbour board won't reopen the quay",
        ),
        (
            "I'm leaving the harbour board, Ana Lind said on Monday.",
            "I'm leaving the harbour board",
        ),
    ],
)
def test_derived_headlines_keep_words_whole(nlp, lede, expected):
    from generator.extract.lede import headline

    assert headline(nlp(lede)) == expected
