"""What the pipeline marked on a Doc, read back cheaply: the lexicon's spans and the sentence starts.

spaCy makes a new Span object for every item each time a SpanGroup or ``doc.sents`` is iterated; the
engine reads these many times per Doc, so they are made once and kept in ``doc.user_data``.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span


def lexicon_key(group: str) -> tuple[str, str]:
    return ("lexicon", group)


def lexicon_spans(doc: Doc, group: str) -> list[Span]:
    """The spans the lexicon matcher found in ``group`` ("actors", "triggers", "cues"), made once per Doc."""
    spans = doc.user_data.get(lexicon_key(group))
    if spans is None:
        spans = doc.user_data[lexicon_key(group)] = list(doc.spans.get(group, []))
    return spans


def sentence_starts(doc: Doc) -> list[int]:
    """The first token of each sentence, read off the sentence-start array (``doc.sents`` makes a Span each).

    >>> from extractors.pipeline import make_nlp
    >>> sentence_starts(make_nlp("en")("He left. Then she came."))
    [0, 3]
    """
    starts = doc.user_data.get("sentence_starts")
    if starts is None:
        flags = doc.to_array(SENT_START).view(numpy.int64) if len(doc) else numpy.zeros(0, dtype=numpy.int64)
        starts = numpy.flatnonzero(flags == 1).tolist()
        if len(doc) and (not starts or starts[0] != 0):
            starts.insert(0, 0)
        doc.user_data["sentence_starts"] = starts
    return starts
