"""The spaCy pipeline of one language: a blank tokenizer, token norms, sentences and one lexicon matcher.

``make_nlp(lang)`` builds it once per process. Every knowledge source is data: actor names and
role phrases from the actor base, trigger rules and cue words from ``data/<lang>/``. The
components only mark spans; ``extractors.events`` reads them and assembles events.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, NORM, ORTH, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import compile_prefix_regex, compile_suffix_regex

from .actor_phrases import demonym_forms
from .actors import actor_base
from .doc_marks import lexicon_key
from .lexicon import cues, trigger_rules
from .normalize import Normalizer, normalization_table
from .plural_roles import pair_forms, plural_role_forms

SENTENCE_END = frozenset({".", "!", "?", "؟", "…", "؛"})
CLOSING = frozenset({"”", '"', "’", "»", ")", "'"})

SPAN_GROUPS = ("actors", "triggers", "cues")

if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)


@Language.component("dipgraph_sentences", assigns=["token.is_sent_start"])
def mark_sentences(doc: Doc) -> Doc:
    """Sentences end at final punctuation (and any closing quote after it) and at line breaks.

    Computed on arrays of token ids and written with one ``from_array``: setting ``token.is_sent_start``
    token by token checks the whole doc's annotation each time, which made long articles quadratic.

    >>> doc = mark_sentences(make_nlp("en").make_doc('He said: "Stop." Then he left.\\nOK'))
    >>> [s.text for s in doc.sents]
    ['He said: "Stop."', 'Then he left.', '\\n', 'OK']
    """
    n = len(doc)
    if not n:
        return doc
    attrs = doc.to_array([ORTH, IS_SPACE])
    orth, space = attrs[:, 0], attrs[:, 1].astype(bool)
    end, close = numpy.isin(orth, _ids(SENTENCE_END)), numpy.isin(orth, _ids(CLOSING))
    newline = numpy.zeros(n, dtype=bool)
    for i in numpy.flatnonzero(space).tolist():
        newline[i] = "\n" in doc[i].text
    closing_follows = numpy.append(close[1:], False)
    closes_an_end = close & numpy.insert(end[:-1], 0, False)
    ends = (end & ~closing_follows) | closes_an_end | newline
    starts = numpy.where(numpy.insert(ends[:-1], 0, True), 1, -1).astype(numpy.int64)
    # from_array reads uint64: -1 (not a start) goes in as its two's complement
    doc.from_array([SENT_START], starts.view(numpy.uint64).reshape(-1, 1))
    return doc


class LexiconMatcher:
    """Every lexicon phrase (actors, triggers, cues) found in one PhraseMatcher pass over token norms.

    The matches go to ``doc.spans["actors"]``, ``["triggers"]`` and ``["cues"]``, each sorted as spaCy sorts
    spans. One pass, and spans made straight from the match tuples, cost a fifth of three SpanRulers, which
    build, hash and re-sort a Span per match for each group.
    """

    def __init__(self, nlp: Language, phrases: dict[str, list[dict[str, str]]]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.keys: dict[int, tuple[str, int, int]] = {}  # match key -> (group, label hash, id hash)
        by_key: dict[str, list[str]] = {}
        strings = nlp.vocab.strings
        for group, patterns in phrases.items():
            for p in patterns:
                key = repr((group, p["label"], p.get("id", "")))
                self.keys[strings.add(key)] = (group, strings.add(p["label"]), strings.add(p.get("id", "")))
                by_key.setdefault(key, []).append(p["pattern"])
        for key, texts in by_key.items():
            self.matcher.add(key, list(nlp.tokenizer.pipe(texts)))

    def __call__(self, doc: Doc) -> Doc:
        found: dict[str, list[tuple[int, int, int, int]]] = {group: [] for group in SPAN_GROUPS}
        for key, start, end in set(self.matcher(doc)):
            group, label, span_id = self.keys[key]
            found[group].append((start, end, label, span_id))
        for group, matches in found.items():
            matches.sort()
            spans = [Span(doc, s, e, label=label, span_id=i) for s, e, label, i in matches]
            doc.spans[group] = spans
            # iterating a SpanGroup makes a new Span per item each time: readers take this list instead
            doc.user_data[lexicon_key(group)] = spans
        return doc


@cache
def _ids(texts: frozenset[str]) -> numpy.ndarray:
    return numpy.array([get_string_id(t) for t in texts], dtype=numpy.uint64)


@cache
def lexicon_phrases(lang: str) -> dict[str, list[dict[str, str]]]:
    """Every ruler pattern of a language, by ruler: actors (names, roles, places), triggers and cues."""
    base = actor_base()
    actors = [{"label": "ACTOR", "pattern": p, "id": a} for p, a in base.name_patterns(lang)]
    actors += [
        {"label": "ROLE", "pattern": p, "id": f"{title}|{country or ''}"}
        for p, title, country in base.role_patterns(lang)
    ]
    actors += [{"label": "METONYM", "pattern": p, "id": state} for p, state in base.metonym_patterns(lang)]
    actors += [{"label": "PLACE", "pattern": p, "id": f"{name}|{iso}"} for p, name, iso in base.place_patterns(lang)]
    actors += [{"label": "DEMONYM", "pattern": p, "id": iso} for p, iso in _demonyms(lang).items()]
    actors += [{"label": "PLURAL_ROLE", "pattern": p, "id": "|".join(t)} for p, t in plural_role_forms(lang).items()]
    actors += [{"label": "PAIR", "pattern": p, "id": ""} for p in pair_forms(lang)]
    actors += [{"label": "PAIR_STATES", "pattern": p, "id": ""} for p in pair_forms(lang, states=True)]
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
    ['dipgraph_sentences', 'lexicon_matcher']
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
    nlp.add_pipe("lexicon_matcher", config={"lang": lang})
    return nlp


@Language.factory("lexicon_matcher", default_config={"lang": "en"})
def make_lexicon_matcher(nlp: Language, name: str, lang: str) -> LexiconMatcher:
    return LexiconMatcher(nlp, lexicon_phrases(lang))
