"""Sentences of a paragraph, for the pages (which have no parse): never cut after a
title, an abbreviation or an initial ("Mr. Kim", "U.S. officials", "William J.
Perry"). Used for whole-sentence evidence and for a fragment's sentence."""

from __future__ import annotations

import re

# Words that end a sentence only in appearance.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "sgt",
        "capt",
        "adm",
        "st",
        "jr",
        "sr",
        "prof",
        "rev",
        "no",
        "vs",
        "u.s",
        "u.n",
        "u.k",
        "jan",
        "feb",
        "aug",
        "sept",
        "oct",
        "nov",
        "dec",
        "inc",
        "corp",
        "co",
    ]
)
_END = re.compile(r"[.!?][\"\u201d\u2019)\]]*\s+(?=[\"\u201c\u2018(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph, its closing marks included."""
    out = []
    start = 0
    for m in _END.finditer(text):
        word = re.findall(r"[\w.]+$", text[start : m.start()])
        last = word[0].lower().rstrip(".") if word else ""
        if last in ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue  # "Mr. Kim", "William J. Perry"
        out.append((start, m.end()))
        start = m.end()
    if start < len(text.rstrip()):
        out.append((start, len(text)))
    return [(s, e) for s, e in out if text[s:e].strip()]


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds [start, end) begins and ends (a span
    across sentences gives the sentences it spans)."""
    spans = sentences(text) or [(0, len(text))]
    begin = max((s for s, _ in spans if s <= start), default=0)
    stop = min((e for _, e in spans if e >= end), default=len(text))
    return begin, len(text[:stop].rstrip())
