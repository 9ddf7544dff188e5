"""The quote rows of a document: each quotation in order, with its speaker. A quotation's speaker is the one
named in place (its own line's signature or label, its sentences, quote_speakers), else the one the
quotation before it in the paragraph speaks on, else one from the lines around it; a headline's short quote
of words printed in full below takes that quotation's speaker. A quotation inside another is the words of
whom the outer one makes speak them (attribution/nested.py)."""

from __future__ import annotations

import re

from newsfacts.extract.attribution import REPORTING_LEMMAS, Speaker
from newsfacts.extract.facts.fact_ids import fact_id
from newsfacts.extract.nlp import text_of
from newsfacts.extract.facts.quote_speakers import alone_on_its_line, names_another_after, quote_speaker, told_to_its_subject
from newsfacts.extract.quotes import find_quotes


def quote_rows(doc_id: str, article: str, text: str, doc, sentences, sentence_index_of, attributor) -> list[dict]:
    """The document's quotations, one row each, with who speaks each. `article` is the text as printed (the
    quotations' words), `text` what the parser read (the same offsets)."""
    quotes = []
    previous: tuple | None = None  # (speaker, end_char) of the quote before
    quotations = find_quotes(article)  # a quotation's words as the article prints them
    outermost = [(q.start_char, q.end_char) for q in quotations if q.within is None]
    attributor.set_quotations(outermost)
    # a reaction round-up's quotations, each signed on the line after it: the line before signs the one before
    signed_after = attributor.quotations_signed_after(outermost)
    attributed_in_place: list[bool] = []  # whether each quotation's speaker is named in or beside it
    speakers_of: dict[tuple[int, int], Speaker | None] = {}  # each quotation's speaker, for those inside it
    for q in quotations:
        if q.within is not None:
            # (words someone is quoted as saying inside another's quotation: not the next of that one's words)
            speaker = attributor.nested_speaker(q.start_char, q.end_char, q.within, speakers_of.get(q.within))
            speakers_of[(q.start_char, q.end_char)] = speaker
            attributed_in_place.append(True)
            quotes.append(_quote_row(doc_id, q, speaker))
            continue
        heard, teller = told_to_its_subject(doc, q, attributor)
        speaker = teller if heard else _speaker_in_place(q, text, doc, sentences, sentence_index_of, attributor, previous, signed_after)
        attributed_in_place.append(speaker is not None and (speaker.entity_id is not None or speaker.proper)
                                   and not alone_on_its_line(text, q))
        if speaker is None and not heard:
            speaker = _speaker_around(q, text, attributor, previous)
        speaker = attributor.with_the_body_named_in_full(speaker)
        previous = (speaker, q.end_char)
        speakers_of[(q.start_char, q.end_char)] = speaker
        quotes.append(_quote_row(doc_id, q, speaker))
    _echoes_take_their_speaker(quotes, attributed_in_place)
    _headline_quotes_take_their_speaker(quotes, attributed_in_place, doc, text.find("\n"))
    return quotes


def _speaker_in_place(q, text: str, doc, sentences, sentence_index_of, attributor, previous: tuple | None,
                      signed_after: bool):
    """The speaker a quotation's own line, sentences or label name, or the one the quotation before it in the
    paragraph speaks on; None where none does."""
    signer = attributor.signed_speaker(q.end_char) if signed_after and alone_on_its_line(text, q) else None
    if signer is not None:
        return signer
    if previous is not None and previous[0] is not None and (_PRONOUN_BETWEEN.fullmatch(text, previous[1], q.start_char)
                                                             or _names_between(doc, previous, q.start_char)) \
            and not names_another_after(doc, q, previous[0]):
        # '"...," she said. "..."', '"...," said Jane Doe from her porch. "..."': the one attributed between
        # two quotations of a paragraph speaks both
        return previous[0]
    # '"...." That was the verdict of Jane Doe': a phrase right after a quotation that opens its paragraph names its
    # speaker, before the paragraphs around it are read
    return attributor.labelled_speaker(q.start_char) or attributor.lede_speaker(q.start_char, q.end_char, only="phrases") \
        or quote_speaker(q, doc, sentences, sentence_index_of, attributor)


def _speaker_around(q, text: str, attributor, previous: tuple | None):
    """The speaker of a quotation nothing in place names: from the lines and paragraphs around it, in this
    order; None where none is found."""
    speaker = attributor.signed_speaker(q.end_char)  # '"..." / Jane Doe, EU foreign policy chief': signed on the line after
    if speaker is None:  # '"..." -- Kurmin Premier Jane Doe.': signed after a dash
        speaker = attributor.signed_after_a_dash(q.end_char)
    if speaker is None:  # '"...." That was the view of X': named after, before any continuation
        speaker = attributor.lede_speaker(q.start_char, q.end_char, only="phrases")
    if speaker is None:  # an interviewer's question between two quotations changes who speaks
        speaker = attributor.interview_answer_speaker(q.start_char, q.end_char)
    if speaker is None:  # 'An inmate gave a different account ... / "...."': the someone the paragraph before brings in
        speaker = attributor.described_speaker_before(q.start_char, q.end_char)
    if speaker is None:  # "Here's Jan Doe on a talk show. / "...."": the one a broadcast transcript brings in
        speaker = attributor.introduced_before(q.start_char)
    if speaker is None and previous is not None and _the_speaker_told_of_between(text, q, previous, attributor):
        speaker = previous[0]  # '"...," Ms Doe said. / Her father was among the dead. / "...."'
    if speaker is None:  # '"...." / Jane Doe, a trader, spoke by telephone': the one who speaks right after it
        speaker = attributor.lede_speaker(q.start_char, q.end_char, only="speaking")
    if speaker is None and previous is not None and _quote_paragraph_follows(text, q, previous[1], attributor, previous[0]):
        speaker = previous[0]  # a paragraph that is only a quotation goes on the quote before it
    if speaker is None:
        speaker = attributor.lede_speaker(q.start_char, q.end_char)
    if speaker is None:  # 'Jan Doe, 19, was singing on the stage. "I was looking around ..."'
        speaker = attributor.person_the_paragraph_tells_of(q.start_char, q.end_char)
    return speaker


def _quote_row(doc_id: str, q, speaker) -> dict:
    # A tweet's author and an institution the text describes ('the national army') are names too.
    named = speaker is not None and (speaker.entity_id is not None or q.tweet_author is not None
                                     or speaker.institution or speaker.proper)
    return {
        "quote_id": fact_id(doc_id, "quote", q.start_char),
        "doc_id": doc_id,
        "speaker": _without_article(speaker.name) if named else None,
        "speaker_entity_id": speaker.entity_id if named else None,
        "speaker_description": speaker.name if speaker is not None and not named else None,
        "text": q.text,
        "start_char": q.start_char,
        "end_char": q.end_char,
        "quote_group_id": None,  # set by the warehouse build, across documents
    }


# '," said Jane Doe from the porch of her house. "': one clause of one line, no other quotation in it
_ONE_CLAUSE_BETWEEN = re.compile(r"[ ,.!?…”\"’'»]*([^\n“\"‘«».!?]{1,240}?)[.:;] *[“\"‘'«]? *")


def _names_between(doc, previous: tuple, start: int) -> bool:
    """Whether the words between the quotation before and the one at `start` are its attribution, a reporting
    verb first, which names its speaker ('," said Jane Doe from her porch. "')."""
    between = _ONE_CLAUSE_BETWEEN.fullmatch(text_of(doc), previous[1], start)
    span = doc.char_span(between.start(1), between.end(1), alignment_mode="expand") if between else None
    return span is not None and len(span) > 1 and span[0].lemma_.lower() in REPORTING_LEMMAS \
        and previous[0].name.split()[-1] in between.group(1)


# Between two quotations of one paragraph, only a pronoun and its verb ('," she said. "', '," he added, "')
# ('," he said, per the Kurmin Star. "', '," she told Kurmin Radio. "': the outlet, the one name allowed between)
_PRONOUN_BETWEEN = re.compile(r"[ ,.!?…”\"’'»]*(?:he|she|they)\b(?:[^\n“\"‘«»A-Z]|\b(?:per|to|told|with) (?:the )?[A-Z][\w&.'’-]*"
                              r"(?: [A-Z][\w&.'’-]*){0,3}){0,60}[.,:;—–-] *[“\"‘'«]? *")


def _the_speaker_told_of_between(text: str, quote, previous: tuple, attributor) -> bool:
    """Whether the quotation follows the one before as its paragraph's whole, and each paragraph between tells
    of the speaker of the one before (by name, pronoun or possessive): that speaker goes on, before anyone the
    paragraph after names."""
    paragraph_start = text.rfind("\n", 0, quote.start_char) + 1
    after_its_paragraph = text.find("\n", previous[1])
    return 0 <= after_its_paragraph < paragraph_start and _quote_paragraph_follows(text, quote, previous[1], attributor, previous[0]) \
        and attributor.told_of_the_speaker(after_its_paragraph, paragraph_start, previous[0])


def _quote_paragraph_follows(text: str, quote, previous_end: int, attributor=None, speaker=None) -> bool:
    """The quotation is a paragraph of its own and the paragraph before it ends in a quotation, or it ends
    its paragraph right after an earlier quotation and its attribution ('"A," X wrote. "B."'), or one or two
    short paragraphs that bring in no one else, or that the speaker is the subject of, lie between ('"...," she says.
    She laughs.  "..."', an interviewer's question)."""
    paragraph_start = text.rfind("\n", 0, quote.start_char) + 1
    paragraph_end = text.find("\n", quote.end_char)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    to_the_end = not text[quote.end_char:paragraph_end].strip(" \"“”'‘’«».,")
    if previous_end > paragraph_start:
        # (or a longer aside between that brings in no other person: '"...," Doe told me. The Kurm, whom the army
        # accuses of ..., are herders. "...."')
        return to_the_end and (len(text[previous_end:quote.start_char]) < 150 or (
            attributor is not None and len(text[previous_end:quote.start_char]) < 400
            and not attributor.brings_in_someone(previous_end, quote.start_char, people_only=True, besides=speaker)))
    alone = to_the_end and not text[paragraph_start:quote.start_char].strip(" \"“”'‘’«»")
    if alone and not re.search(r"[.!?…,;:-]\W*$", text[quote.start_char:paragraph_end]):
        return False  # a subheading ("'The ground moved like a wave'"), not the next of someone's words
    between = text[previous_end:paragraph_start]
    if not alone:
        return False
    if between.count("\n\n") <= 1 and len(between.strip()) < 200:
        return True
    # (from the end of the paragraph of the quotation before: its attribution names its own speaker)
    after_its_paragraph = max(previous_end, text.find("\n", previous_end))
    return (attributor is not None and between.count("\n\n") <= 3 and len(between.strip()) < 300
            and (not attributor.brings_in_someone(after_its_paragraph, paragraph_start, besides=speaker)
                 or attributor.told_of_the_speaker(after_its_paragraph, paragraph_start, speaker)))


def _words_in_order(few: list[str], many: list[str]) -> bool:
    """Whether `many` holds the words of `few` in the same order, other words between them allowed."""
    remaining = iter(many)
    return all(word in remaining for word in few)


def _echoes_take_their_speaker(quotes: list[dict], attributed_in_place: list[bool]) -> None:
    """A headline or a subheading quotes words of a statement the article prints in full ("'I saw the
    truck just fold'" over '"I saw the truck in front of me just fold," he said'): when nothing beside the
    short quote names its speaker, it is the speaker of the quotation (as long or longer) that holds its words in order,
    or of the one whose words it begins with."""
    words = [re.findall(r"\w+", q["text"].lower()) for q in quotes]
    for index, quote in enumerate(quotes):
        if attributed_in_place[index] or len(words[index]) < 4:
            continue
        # (or the quotation its words begin with, cut short by its attribution: "'We heard them knocking on the roofs.
        # Then it stopped'" over '"We heard them knocking on the roofs," said Jane Doe. "..."')
        holders = [(attributed_in_place[j], other) for j, other in enumerate(quotes) if j != index and other["speaker"]
                   and (len(words[j]) >= len(words[index]) and _words_in_order(words[index], words[j])
                        or len(words[j]) >= 5 and words[index][:len(words[j])] == words[j])]
        # the quotation whose speaker is named beside it, else one that continues a named speaker's words
        holders = [other for in_place, other in holders if in_place] or [other for _in_place, other in holders]
        if holders and len({h["speaker_entity_id"] or h["speaker"] for h in holders}) == 1:
            for column in ("speaker", "speaker_entity_id", "speaker_description"):
                quote[column] = holders[0][column]


# How much of a headline quotation's words the body's words around a quotation must hold to be its source
_HEADLINE_SHARE = 0.6


def _headline_quotes_take_their_speaker(quotes: list[dict], attributed_in_place: list[bool], doc, headline_end: int) -> None:
    """A headline quotes someone the body quotes, in words of its own ("'I held her hand until the sea took her'"
    over '"I held my daughter's hand until the sea took her," the trader said'): a quotation in the headline
    that nothing names the speaker of is the words of the speaker whose quotation in the body, with its
    sentence, holds most of its words (lemmas of its words that are not stop words), when one speaker's does."""
    if headline_end <= 0:
        return
    for index, quote in enumerate(quotes):
        if attributed_in_place[index] or quote["start_char"] >= headline_end or quote["speaker"] or quote["speaker_description"]:
            continue
        words = _content_lemmas(doc, quote["start_char"], quote["end_char"])
        if len(words) < 3:  # ('There was no road left': too few words to tell whose)
            continue
        shares: dict[str, tuple[float, dict]] = {}
        for other in quotes:
            if other["start_char"] < headline_end or not other["speaker"]:
                continue
            span = doc.char_span(other["start_char"], other["end_char"], alignment_mode="expand")
            if span is None:
                continue
            around = _content_lemmas(doc, span[0].sent.start_char, span[-1].sent.end_char)
            share = len(words & around) / len(words)
            key = other["speaker_entity_id"] or other["speaker"]
            if share > shares.get(key, (0.0, None))[0]:
                shares[key] = (share, other)
        best = sorted(shares.values(), key=lambda pair: -pair[0])
        if best and best[0][0] >= _HEADLINE_SHARE and (len(best) == 1 or best[1][0] < best[0][0]):
            for column in ("speaker", "speaker_entity_id", "speaker_description"):
                quote[column] = best[0][1][column]


def _content_lemmas(doc, start: int, end: int) -> set[str]:
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return {t.lemma_.lower() for t in span or () if t.is_alpha and not t.is_stop} if span is not None else set()


def _without_article(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name)
