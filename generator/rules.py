"""The linguistic rule data shipped with the package (`generator/rules/*.yaml`).

These files are data an editor can read and change; this module turns them into
spaCy patterns and lookup tables, once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

RULES_DIR = Path(__file__).parent / "rules"


def rule_files() -> list[Path]:
    """Every file whose content changes extraction results (for cache keys)."""
    return sorted(p for p in RULES_DIR.iterdir() if p.is_file())


# libyaml where it is built in: the rules are read at every model load, and the
# pure-Python loader took a tenth of a second over them.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def _load(name: str) -> dict | list:
    return yaml.load((RULES_DIR / name).read_text(encoding="utf-8"), Loader=_LOADER)


def load(name: str) -> dict:
    """One rules file as a mapping (for modules that keep their own rules)."""
    data = _load(name)
    if not isinstance(data, dict):
        raise ValueError(f"{RULES_DIR / name}: expected a mapping")
    return data


@dataclass(frozen=True)
class Country:
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Countries:
    by_name: dict[str, Country]
    # every surface form (lower-cased) -> canonical country name
    forms: dict[str, str]
    demonyms: dict[str, str]
    capitals: dict[str, str]
    place_prepositions: frozenset[str]
    noun_prepositions: frozenset[str]
    place_verbs: frozenset[str]
    # lower-cased institution name -> country
    institutions: dict[str, str]

    def lookup(self, text: str) -> str | None:
        return self.forms.get(_key(text))


def _key(text: str) -> str:
    text = text.replace("\u2019", "'").strip()
    return text.lower()


@functools.cache
def countries() -> Countries:
    data = _load("countries.yaml")
    by_name: dict[str, Country] = {}
    forms: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for name, spec in data["countries"].items():
        spec = spec or {}
        c = Country(
            name=name,
            aliases=tuple(spec.get("aliases", [])),
            demonyms=tuple(spec.get("demonyms", [])),
            capitals=tuple(spec.get("capitals", [])),
        )
        by_name[name] = c
        for form in (name, f"the {name}", *c.aliases):
            forms[_key(form)] = name
        for d in c.demonyms:
            demonyms[_key(d)] = name
            demonyms[_key("the " + d)] = name
        for cap in c.capitals:
            capitals[_key(cap)] = name
    ctx = data["capital_context"]
    return Countries(
        by_name=by_name,
        forms=forms,
        demonyms=demonyms,
        capitals=capitals,
        place_prepositions=frozenset(ctx["place_prepositions"]),
        noun_prepositions=frozenset(ctx["noun_prepositions"]),
        place_verbs=frozenset(ctx["place_verbs"]),
        institutions={
            _key(org): country
            for country, orgs in (data.get("institutions") or {}).items()
            for org in orgs
        },
    )


@dataclass(frozen=True)
class Titles:
    # lower-cased title -> default country (or None)
    default_country: dict[str, str | None]
    # abbreviation as written -> the title in full ("Gen." -> "General")
    display: dict[str, str]
    honorifics: frozenset[str]
    modifiers: frozenset[str]
    # one-word titles, which `title_patterns` matches in the plural too
    one_word: frozenset[str]
    # titles of a state or a city, whose place is no country (lower-cased)
    local: frozenset[str]


@functools.cache
def titles() -> Titles:
    data = _load("titles.yaml")
    default: dict[str, str | None] = {}
    display: dict[str, str] = {}
    for t in data["titles"]:
        default[t["title"].lower()] = t.get("country")
        if t.get("display"):
            display[t["title"]] = t["display"]
    return Titles(
        default_country=default,
        display=display,
        honorifics=frozenset(data["honorifics"]),
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        one_word=frozenset(t["title"].lower() for t in data["titles"] if " " not in t["title"]),
        local=frozenset(t.lower() for t in data["local_titles"]),
    )


def title_patterns() -> list[dict]:
    """SpanRuler patterns: each title, singular and (one-word ones) plural."""
    out = []
    for t in _load("titles.yaml")["titles"]:
        title = t["title"]
        out.append({"label": "TITLE", "pattern": title})
        if " " not in title and not title.endswith("."):
            out.append({"label": "TITLE", "pattern": title + "s"})
    return out


@functools.cache
def org_phrases() -> frozenset[str]:
    """Organisations the entity corrections name by their text (entities.yaml)."""
    return frozenset(
        e["phrase"] for e in _load("entities.yaml") if e["label"] == "ORG" and "phrase" in e
    )


def entity_patterns() -> list[dict]:
    """EntityRuler patterns: the corrections, then every country name form."""
    out: list[dict] = []
    countries = _load("countries.yaml")["countries"]
    for entry in _load("entities.yaml"):
        if "nation_org" in entry:
            demonyms = sorted(
                {d.lower() for s in countries.values() for d in (s or {}).get("demonyms", [])}
            )
            for pattern in _nation_org(entry["nation_org"], demonyms):
                out.append({"label": entry["label"], "pattern": pattern})
            continue
        pattern = entry.get("tokens") or entry.get("phrase")
        out.append({"label": entry["label"], "pattern": pattern})
    for name, spec in countries.items():
        spec = spec or {}
        for form in (name, *spec.get("aliases", [])):
            if form.lower() in ("the north", "the south"):
                continue  # handled by the token patterns in entities.yaml
            out.append({"label": "GPE", "pattern": form})
        for dem in spec.get("demonyms", []):
            out.append({"label": "NORP", "pattern": dem})
    return out


def _nation_org(spec: dict, demonyms: list[str]) -> list[list[dict]]:
    """Token patterns for an organisation named for a nation (see entities.yaml)."""
    firsts = [
        {"ENT_TYPE": "NORP", "IS_TITLE": True},
        {"ENT_TYPE": "ORG", "LOWER": {"IN": demonyms}},
    ]
    title = {"IS_TITLE": True}
    middles = [
        ([{**title, "OP": "+"}], [h.lower() for h in spec["heads"]]),
        ([], [h.lower() for h in spec["alone"]]),
    ]
    tails = [[], [{"LOWER": {"IN": ["of", "for"]}}, {**title, "OP": "+"}]]
    # "the Arab American Institute", "the Muslim American Society": a word before.
    lead = {"ENT_TYPE": {"IN": ["NORP", "ORG"]}, "IS_TITLE": True, "OP": "?"}
    return [
        [lead, first, *middle, {**title, "LOWER": {"IN": heads}}, *tail]
        for first in firsts
        for middle, heads in middles
        for tail in tails
    ]


@dataclass(frozen=True)
class Cues:
    verbs: frozenset[str]
    nouns: frozenset[str]
    role_nouns: frozenset[str]
    org_nouns: frozenset[str]
    phrasal: frozenset[tuple[str, str]] = frozenset()  # (verb lemma, particle)


@functools.cache
def cues() -> Cues:
    data = _load("cues.yaml")
    return Cues(
        verbs=frozenset(data["verbs"]),
        nouns=frozenset(data["nouns"]),
        role_nouns=frozenset(data["role_nouns"]),
        org_nouns=frozenset(data["org_nouns"]),
        phrasal=frozenset(tuple(p.split(maxsplit=1)) for p in data.get("phrasal", [])),
    )


@functools.cache
def first_name_genders() -> dict[str, str]:
    data = _load("first_names.yaml")
    out = {n: "f" for n in data["female"]}
    out.update({n: "m" for n in data["male"]})
    return out


@dataclass(frozen=True)
class StanceCues:
    """`stances.yaml`: single words by lemma; phrases as (first lemma, rest)."""

    verbs: dict[str, str]  # lemma -> "for" | "against"
    phrasal: dict[tuple[str, str], str]  # ("rule", "out") -> "against"
    adjectives: dict[str, str]
    judgments: dict[str, str]  # "trap", "way station", "good idea"
    change_words: frozenset[str]
    undoing: frozenset[str]
    marks: frozenset[str]  # "if", "only after", "in return for"
    condition_words: frozenset[str]
    holders: dict[str, str]  # "critic" -> "against"
    nouns: dict[str, str]  # "support" -> "for"
    light_verbs: frozenset[str]
    past_marks: frozenset[str]
    evaluations: dict[str, int]  # "important" -> 1, "mistake" -> -1
    deontic: frozenset[str]
    mediators: frozenset[str]
    relational: frozenset[str]
    refusing: frozenset[str]  # "refuse": turns the cue it takes
    group_nouns: frozenset[str]  # "senators", "groups": a group with a word saying which
    vague_modifiers: frozenset[str]  # "other", "several": says nothing of which group
    kinds: tuple[frozenset[str], ...]  # {"deal", "agreement", ...}: one kind of thing
    too_little: frozenset[str]  # "toothless": criticism that wants more
    results: dict[str, frozenset[str]]  # "higher" -> the actions it is the result of
    underived: frozenset[str]  # words a verb's derivation gives with another sense


@functools.cache
def stance_cues() -> StanceCues:
    data = _load("stances.yaml")
    verbs: dict[str, str] = {}
    phrasal: dict[tuple[str, str], str] = {}
    for polarity in ("for", "against"):
        for v in data[f"{polarity}_verbs"]:
            head, _, rest = v.partition(" ")
            if rest:
                phrasal[(head, rest)] = polarity
            else:
                verbs[v] = polarity
    return StanceCues(
        verbs=verbs,
        phrasal=phrasal,
        adjectives={a: p for p in ("for", "against") for a in data[f"{p}_adjectives"]},
        judgments={j: p for p in ("for", "against") for j in data[f"{p}_judgments"]},
        change_words=frozenset(data["change_words"]),
        undoing=frozenset(data["undoing"]),
        marks=frozenset(data["condition_marks"]),
        condition_words=frozenset(data["condition_words"]),
        holders={n: p for p in ("for", "against") for n in data[f"{p}_holders"]},
        nouns={n: p for p in ("for", "against") for n in data[f"{p}_nouns"]},
        light_verbs=frozenset(data["light_verbs"]),
        past_marks=frozenset(data["past_marks"]),
        evaluations={
            **{w: 1 for w in data["good_evaluations"]},
            **{w: -1 for w in data["bad_evaluations"]},
        },
        deontic=frozenset(data["deontic"]),
        mediators=frozenset(data["mediators"]),
        relational=frozenset(data["relational"]),
        refusing=frozenset(data["refusing"]),
        group_nouns=frozenset(data["group_nouns"]),
        vague_modifiers=frozenset(data["vague_modifiers"]),
        kinds=tuple(frozenset(k) for k in data["kinds"]),
        too_little=frozenset(data["too_little"]),
        results={w: frozenset(acts) for w, acts in data["results"].items()},
        underived=frozenset(data["underived"]),
    )
