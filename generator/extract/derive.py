"""Stance nouns derived from stance verbs, so that coverage grows by rule, not by
sentence: "support" gives "supporter" (one who holds it) and "supportive"; "refuse"
gives "refusal", "condemn" "condemnation", "accept" "acceptance", "protest"
"protester". Derived forms that are not words never match a token, so the rules
may overgenerate; `underived` in `generator/rules/stances.yaml` lists real words
whose sense is another ("conclusion", "consideration"). The listed nouns and
holders always win over a derived one.

It misses irregular derivations ("criticism", "denunciation"): those are listed.
"""

from __future__ import annotations

import functools
from dataclasses import replace

from generator import rules
from generator.rules import StanceCues


def agents(verb: str) -> set[str]:
    """One who does it: "supporter", "opposer", "protester"."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {stem + "er", verb + "er"}


def actions(verb: str) -> set[str]:
    """The doing of it: "refusal", "rejection", "condemnation", "endorsement",
    "acceptance", "adherence"."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {
        verb + "ion",
        verb + "ation",
        stem + "ation",
        stem + "ion",
        stem + "al",
        verb + "ment",
        verb + "ance",
        stem + "ance",
        verb + "ence",
        stem + "ence",
    }


@functools.cache
def cues() -> StanceCues:
    """The stance cues with the nouns their verbs derive."""
    base = rules.stance_cues()
    skip = base.underived | base.mediators
    holders, nouns = dict(base.holders), dict(base.nouns)
    for verb, polarity in sorted(base.verbs.items()):
        for noun in sorted(agents(verb) - skip):
            holders.setdefault(noun, polarity)
        for noun in sorted(actions(verb) - skip):
            nouns.setdefault(noun, polarity)
    return replace(base, holders=holders, nouns=nouns)
