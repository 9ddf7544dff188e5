"""The faster attribute ruler and lemmatizer annotate every token exactly as spaCy's own components do."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG

from conftest import CORPUS, SEEDS
from newsfacts.config import Settings
from newsfacts.extract.nlp import split_glued_punctuation
from newsfacts.extract.nlp_speedups import ArrayAttributeRuler, LemmaTable
from spacy.pipeline import AttributeRuler
from newsfacts.ingest.discover import discover_files
from newsfacts.ingest.documents import build_document, read_file

pytestmark = pytest.mark.slow  # parses every development article twice

ANNOTATIONS = [POS, TAG, DEP, HEAD, MORPH, LEMMA, ENT_IOB, ENT_TYPE]
# Shapes the articles may lack: the two-token patterns, spaces, 'there' before a verb, a contraction.
EDGE_TEXTS = ["", " ", "\n\n\n", "Y'all gonna come? C'mon, let's go, I ain't gotta stay.",
              "There are  two of them.\n\nThere's one left, and there were none."]


@pytest.fixture(scope="module")
def stock_nlp():
    # (with newsfacts' tokenizer rules, which are no component: both pipelines annotate the same tokens)
    stock = spacy.load(Settings().spacy_model)
    split_glued_punctuation(stock)
    return stock


def _texts() -> list[str]:
    folders = [SEEDS, *([CORPUS] if CORPUS.is_dir() else [])]
    texts = []
    for folder in folders:
        for source in discover_files(folder, 20 * 2**20)[0]:
            texts += [build_document(record)["text"] for record in read_file(source)[0]]
    return texts + EDGE_TEXTS


def test_the_pipeline_uses_the_faster_components(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaTable)


def test_every_token_is_annotated_as_by_the_stock_components(nlp, stock_nlp):
    texts = _texts()
    assert len(texts) >= len(EDGE_TEXTS) + 5
    # Both pipelines see the same tokens and parse: the paragraph breaks newsfacts adds go into both.
    stock_nlp.add_pipe("paragraph_breaks", before="parser")
    for text, ours, stock in zip(texts, nlp.pipe(texts), stock_nlp.pipe(texts)):
        assert (ours.to_array(ANNOTATIONS) == stock.to_array(ANNOTATIONS)).all(), text[:80]
        assert [t.lemma_ for t in ours] == [t.lemma_ for t in stock]


def test_patterns_of_every_supported_shape_match_as_the_matcher_matches_them(stock_nlp):
    ruler = ArrayAttributeRuler(stock_nlp.vocab)
    ruler.add([[{"LOWER": {"IN": ["two", "three"]}}, {"IS_PUNCT": False, "LOWER": {"NOT_IN": ["of"]}}]], {"TAG": "CD"})
    ruler.add([[{"LOWER": {"REGEX": "^d[a-z]+s$"}}], [{"TAG": "NNS"}]], {"TAG": "NNS"}, index=0)
    ruler.add([[{"DEP": "det"}, {"TAG": "NN"}]], {"POS": "NOUN"}, index=-1)
    doc = stock_nlp("It was very cold, and two dogs and three of the dogs ran to the house.")
    assert ruler._compile() is not False
    matches = ruler.match(doc)
    assert matches == AttributeRuler.match(ruler, doc)  # the base class runs spaCy's Matcher
    spans = {(start, end) for _, _, start, end in matches}
    assert (6, 8) in spans and (9, 11) not in spans  # "two dogs" matches, "three of" does not
    assert (12, 13) in spans  # the second "dogs", once though both alternatives match it


def test_a_pattern_the_arrays_cannot_match_falls_back_on_the_matcher(stock_nlp):
    ruler = ArrayAttributeRuler(stock_nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"POS": "ADJ"}]], {"TAG": "RB"})
    doc = stock_nlp("It was very very cold.")
    assert ruler._compile() is False
    assert {(start, end) for _, _, start, end in ruler.match(doc)} == {(2, 5), (3, 5)}
