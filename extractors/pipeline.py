"""The spaCy pipeline of one language: a blank tokenizer, token norms for matching, and the rulers.

``make_nlp(lang)`` builds it once per process. Every knowledge source is data: actor names and
role phrases from the actor base, trigger rules and cue words from ``data/<lang>/``. The
components only mark spans; ``extractors.events`` reads them and assembles events.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy
import spacy
from spacy.attrs import NORM, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex

from .actor_phrases import demonym_forms
from .actors import actor_base
from .lexicon import cues, trigger_rules
from .normalize import Normalizer, normalization_table

SENTENCE_END = {".", "!", "?", "؟", "…", "؛"}
CLOSING = {"”", '"', "’", "»", ")", "'"}

RULER_NAMES = {"actors": "actor_ruler", "triggers": "trigger_ruler", "cues": "cue_ruler"}

if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)


@Language.component("dipgraph_sentences", assigns=["token.is_sent_start"])
def mark_sentences(doc: Doc) -> Doc:
    """Sentences end at final punctuation (and any closing quote after it) and at line breaks."""
    starts: list[int] = []
    start_next = True
    for token in doc:
        starts.append(1 if start_next else -1)
        start_next = (token.text in SENTENCE_END and not _closing_follows(doc, token.i)) or (
            token.text in CLOSING and token.i > 0 and doc[token.i - 1].text in SENTENCE_END
        ) or "\n" in token.text or "\n" in token.whitespace_
    # One array write: each `token.is_sent_start = ...` scans the whole doc (has_annotation), which is
    # quadratic in the length of the doc. from_array reads uint64, so -1 goes in as its two's complement.
    if starts:
        doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).view(numpy.uint64).reshape(-1, 1))
    return doc


def _closing_follows(doc: Doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].text in CLOSING


def lexicon_phrases(lang: str) -> dict[str, list[dict[str, str]]]:
    """Every ruler pattern of a language, by ruler: actors (names, roles, places), triggers and cues."""
    base = actor_base()
    actors = [{"label": "ACTOR", "pattern": p, "id": a} for p, a in base.name_patterns(lang)]
    actors += [
        {"label": "ROLE", "pattern": p, "id": f"{title}|{country or ''}"}
        for p, title, country in base.role_patterns(lang)
    ]
    actors += [{"label": "METONYM", "pattern": p, "id": state} for p, state in base.metonym_patterns(lang)]
    actors += [
        {"label": "PLACE", "pattern": form, "id": f"{place.name}|{place.country}"}
        for place in base.places
        for form in [place.names.get(lang), *place.aliases.get(lang, [])]
        if form
    ]
    actors += [{"label": "DEMONYM", "pattern": p, "id": iso} for p, iso in _demonyms(lang).items()]
    triggers = [
        {"label": rule.label, "pattern": p, "id": rule.id}
        for rule in trigger_rules(lang).values()
        for p in rule.patterns
    ]
    return {"actors": actors, "triggers": triggers, "cues": cues(lang).cue_patterns()}


def _demonyms(lang: str) -> dict[str, str]:
    """Demonyms with their indefinite Arabic forms too ("مسؤول أمريكي" beside "المسؤول الأمريكي")."""
    forms = dict(demonym_forms(lang))
    if lang == "ar":
        forms.update({form[2:]: iso for form, iso in list(forms.items()) if form.startswith("ال")})
    return forms


def _known_words(nlp: Language, phrases: Iterable[str]) -> set[str]:
    words: set[str] = set()
    for phrase in phrases:
        words.update(t.text for t in nlp.tokenizer(phrase))
    return words


def _extend_tokenizer(nlp: Language, lang: str) -> None:
    table = normalization_table(lang)
    if table.extra_suffixes:
        suffixes = list(nlp.Defaults.suffixes or []) + table.extra_suffixes
        nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search  # type: ignore[attr-defined]
    if table.extra_prefixes:
        prefixes = list(nlp.Defaults.prefixes or []) + table.extra_prefixes
        nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search  # type: ignore[attr-defined]


@cache
def make_nlp(lang: str) -> Language:
    """A blank spaCy pipeline for ``lang`` with dipgraph's sentence splitter and rulers.

    >>> [name for name in make_nlp("en").pipe_names]
    ['dipgraph_sentences', 'actor_ruler', 'trigger_ruler', 'cue_ruler']
    """
    nlp = spacy.blank(lang)
    _extend_tokenizer(nlp, lang)
    phrases = lexicon_phrases(lang)
    known = _known_words(nlp, (p["pattern"] for group in phrases.values() for p in group))
    normalizer = Normalizer(lang, known)
    # NORM is computed once per lexeme: set the getter, then refresh lexemes made so far.
    nlp.vocab.lex_attr_getters[NORM] = normalizer.norm
    for lexeme in nlp.vocab:
        lexeme.norm_ = normalizer.norm(lexeme.orth_)
    nlp.add_pipe("dipgraph_sentences")
    for name, group in phrases.items():
        ruler = nlp.add_pipe(
            "span_ruler",
            name=RULER_NAMES[name],
            config={"spans_key": name, "phrase_matcher_attr": "NORM", "validate": False, "overwrite": False},
        )
        ruler.add_patterns(group)  # type: ignore[attr-defined]
    return nlp
