"""Who speaks a quotation, from its own sentences and paragraph: a reporting verb's subject before or after it,
a 'Name:' label or a transcript's speaker line, a name after a headline quotation, the subject of a clause
that introduces it with a colon, or the person the paragraph before (or the sentences leading into it)
brings in. Each rule here looks only around one quotation; quote_rows decides between them and the
quotations before."""

from __future__ import annotations

import re
from itertools import islice

from newsfacts.extract.attribution import BYLINE_LABEL, GENDERED_NOUNS, REPORTING_LEMMAS, Speaker
from newsfacts.extract.entities import person_prefix_words
from newsfacts.extract.nlp import text_of


def quote_speaker(quote, doc, sentences, sentence_index_of, attributor):
    """The speaker a quotation's own sentences, its paragraph or the lines before it give (a tweet's author for
    a tweet), or None."""
    if quote.tweet_author:
        author = re.sub(r"[^\w\s.'’-]", "", quote.tweet_author).strip()
        return attributor.entity_called(author, people_only=False) or Speaker(author, None)
    span = (quote.start_char, quote.end_char)
    first, last = sentence_index_of(quote.start_char), sentence_index_of(max(quote.end_char - 2, quote.start_char))  # the closing mark can belong to the next sentence
    paragraph_start = text_of(doc).rfind("\n", 0, quote.start_char) + 1
    lead_in = text_of(doc)[paragraph_start:quote.start_char].rstrip()
    named = _named_before_a_headline_quote(lead_in, attributor) if lead_in.endswith(":") else None
    if named is not None:
        # 'Jane Doe: "..."', a caption's, a subheading's or a transcript's way to give the speaker; but in a
        # broadcast transcript the reporter's line quotes the person interviewed ('DOE, BYLINE: "...," she
        # says'), and a name after the quotation ('"...," Roe says') speaks whoever's line it is
        subject = _subject_of_a_reporting_clause_after(doc, quote)
        if subject is not None and subject.pos_ == "PROPN":
            named = None
        elif _a_reporters_label(text_of(doc), named, attributor):
            return _label_of_the_lines_before(text_of(doc), paragraph_start, named, attributor) or named
        else:
            return named
    # 'X said a woman who ... blamed the police. "...," she said.': she is that woman, whom the text does not name,
    # not X, a man (where the sentences before bring in someone unnamed of her sex)
    pronoun = _pronoun_that_reports(sentences[first:last + 1], span)
    if not _unnamed_one_of_the_sex(sentences[max(first - 2, 0):first], pronoun):
        pronoun = None

    def fits(speaker):
        return speaker if speaker is not None and attributor.fits_the_pronoun(speaker, pronoun) else None

    # 'X said: "..."' names the speaker before the quotation; otherwise look after it first ('"...," X said').
    if lead_in.endswith((":", ",")) and lead_in[:-1].strip():
        order = [sentence_index_of(paragraph_start + len(lead_in) - 1), first, last]
    else:
        order = [last, first]
    for index in dict.fromkeys([*order, min(last + 1, len(sentences) - 1), max(first - 1, 0)]):
        sent = sentences[index]
        if index > last and text_of(doc)[quote.end_char:sent.start_char].count("\n"):
            continue  # a following sentence counts only within the quote's paragraph
        if index > last and attributor.quotation_within(sent.start_char, sent.end_char, besides=span):
            continue  # ('... one of the "most lovable people". Jan Roe wrote: "..."': its verb reports its own quotation)
        if index > last and _reports_a_clause_of_its_own(sent, quote.end_char):
            continue  # ('"... It was not clear how it started." Jan Roe said officers ran to the scene': what Roe said)
        if index < first and not text_of(doc)[sent.start_char:quote.start_char].rstrip().endswith((":", ",")):
            if text_of(doc)[sent.end_char:quote.start_char].count("\n"):
                continue
        speaker = fits(_speaker_of_a_sentence_before(sent, quote, attributor, otherwise=span) if index < first
                       else attributor.speaker_in(sent, exclude=span))
        if speaker:
            return speaker
    return fits(_named_after_it_without_a_verb(doc, quote, attributor)
                or _introducer(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor, span)
                or _named_after_a_headline_quote(text_of(doc), quote, lead_in, attributor)
                or _speaker_of_the_paragraph_before(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor)
                or _person_the_lead_in_brings_in(doc, lead_in, paragraph_start, sentence_index_of, sentences, attributor))


def told_to_its_subject(doc, quote, attributor) -> tuple[bool, Speaker | None]:
    """'... and was told "they are going to try very hard"', 'she was told by the police: "..."': words the subject of a
    passive 'told' heard, not said. (True, the one 'by' names or None), or (False, None) for any other quotation."""
    start, end = quote.start_char, quote.end_char
    for token in doc.char_span(start, end, alignment_mode="expand") or ():
        verb = token.head
        if start <= verb.idx < end or verb.lemma_.lower() != "tell" or token.dep_ not in ("ccomp", "dobj", "oprd", "xcomp"):
            continue
        if any(c.dep_ == "auxpass" for c in verb.children):
            teller = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
            return True, attributor.speaker_of_token(teller) if teller is not None else None
    return False, None


def _unnamed_one_of_the_sex(sentences, pronoun: str | None) -> bool:
    """Whether the sentences bring in someone of the pronoun's sex by a noun with an article ('a woman', 'the
    mother'; not 'her mother', one's relative)."""
    sex = {"he": "male", "she": "female"}.get(pronoun)
    return sex is not None and any(t.pos_ == "NOUN" and GENDERED_NOUNS.get(t.lemma_.lower()) == sex
                                   and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in t.children)
                                   for sent in sentences for t in sent)


def _pronoun_that_reports(sentences, span: tuple[int, int]) -> str | None:
    """'he' or 'she' where it is the subject of a verb that reports, outside the quotation, in its sentences."""
    return next((c.lower_ for sent in sentences for t in sent if t.lemma_.lower() in REPORTING_LEMMAS and not span[0] <= t.idx < span[1]
                 for c in t.children if c.dep_ == "nsubj" and c.lower_ in ("he", "she")), None)


_COMMA_AFTER_A_QUOTE = re.compile(r",?[ \t]*")


def _named_after_it_without_a_verb(doc, quote, attributor):
    """'"...," Jan Doe, a regional police officer.': a person named right after the quotation, with no verb in what
    follows up to the sentence's end (the reporting verb left out), speaks."""
    text = text_of(doc)
    start = _COMMA_AFTER_A_QUOTE.match(text, quote.end_char).end()
    mention = attributor.mention_at(start, start + 1)
    if mention is None or mention.start_char != start or mention.entity_type != "person":
        return None
    end = text.find(".", mention.end_char)
    line_end = text.find("\n", mention.end_char)
    if end < 0 or (0 <= line_end < end) or not (text[mention.end_char:mention.end_char + 1] in (".", ",")):
        return None
    if attributor.verbs_between(mention.end_char, end):
        return None
    return attributor.person_named_at(start)


def _speaker_of_a_sentence_before(sent, quote, attributor, otherwise: tuple[int, int] | None = None):
    """Whom a sentence before a quotation makes speak, read as it was read for the quotation it attributes
    ('"...," he said.' before the next of his words: that 'he'), else leaving out `otherwise`."""
    beside = attributor.quotation_beside(sent.start_char)
    return attributor.speaker_in(sent, exclude=beside if beside is not None and beside[1] <= quote.start_char else otherwise)


def _speaker_of_the_paragraph_before(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor):
    """'Jan Doe said he was at the market when the shelling began. He and others ran for a cellar.' and then a
    paragraph of nothing but a quotation: the person whose words the paragraph before reported speaks on (a
    person the text names, in one of its last two sentences)."""
    text = text_of(doc)
    if paragraph_start == 0 or not alone_on_its_line(text, quote):
        return None
    before = len(text[:paragraph_start].rstrip()) - 1
    paragraph_before = text.rfind("\n", 0, before) + 1
    last = sentence_index_of(before)
    for index in range(last, max(last - 2, -1), -1):
        sent = sentences[index]
        if index < last and sent.start_char < paragraph_before:
            break  # (within that paragraph)
        reported = any(t.lemma_.lower() in REPORTING_LEMMAS and t.pos_ == "VERB" and t.idx < quote.start_char for t in sent)
        speaker = _speaker_of_a_sentence_before(sent, quote, attributor) if reported else None
        if speaker is not None:
            return speaker if speaker.entity_id and attributor.entities[speaker.entity_id].entity_type == "person" else None
    return _person_the_paragraph_before_brings_in(doc, paragraph_before, paragraph_start, sentence_index_of, sentences, attributor)


def _person_a_passage_brings_in(doc, start: int, end: int, sentence_index_of, sentences, attributor):
    """The living person a passage of at most three sentences without quotations brings in by name as the subject of
    its first sentence (or by the name that opens it, where the parser found its root no subject: 'Jane Doe, 29, who
    ..., was'; by a name set beside the subject: 'Its chairman, Jane Doe,'; or as the 'he', 'she' or title that stands
    for someone named before), with the passage's first and last sentences; or None."""
    if any(mark in text_of(doc)[start:end] for mark in '"“”«»'):
        return None
    first, last = sentence_index_of(start), sentence_index_of(max(start, end - 2))
    if last - first > 2:
        return None
    opening = sentences[first]
    subject = next((c for c in opening.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject = subject if subject is not None else opening[0]
    mention = attributor.mention_at(subject.idx, subject.idx + len(subject))
    if mention is None:  # 'Its chairman, Jane Doe, was blunt.': the name in apposition to the subject
        mention = next((m for c in subject.children if c.dep_ == "appos"
                        for m in [attributor.mention_at(c.idx, c.idx + len(c))] if m is not None), None)
    if mention is None and (subject.lower_ in ("he", "she") or subject.pos_ == "NOUN"):
        # 'He did not expect surprises.', 'The captain talked about ...': the person 'he' or the title stands for
        speaker = attributor.speaker_of_token(subject)
        if speaker is not None and speaker.entity_id:
            mention = next((m for m in reversed(attributor.mentions) if m.entity_id == speaker.entity_id
                            and m.start_char < subject.idx), None)
    if mention is None or mention.entity_type != "person" or attributor.dead(mention.entity_id):
        return None
    return mention, first, last


def _person_the_paragraph_before_brings_in(doc, paragraph_before: int, paragraph_start: int, sentence_index_of, sentences, attributor):
    """'Jane Doe lives a block away. Last night she went out for dinner.' and then a paragraph of nothing but a
    quotation: the one person a short paragraph without quotations brings in speaks (a feature's way of giving a
    witness the word), where it names no one else."""
    brought = _person_a_passage_brings_in(doc, paragraph_before, paragraph_start, sentence_index_of, sentences, attributor)
    if brought is None:
        return None
    mention = brought[0]
    people = {m.entity_id for m in attributor.mentions
              if m.entity_type == "person" and paragraph_before <= m.start_char < paragraph_start}
    return attributor.person_named_at(mention.start_char) if people <= {mention.entity_id} else None


def _person_the_lead_in_brings_in(doc, lead_in: str, paragraph_start: int, sentence_index_of, sentences, attributor):
    """'Jane Doe, 44, buried her son on the hill. "He only wanted to work."': the person the sentences before a
    quotation in its own paragraph bring in (or the last of them alone: 'The council met. Its chairman, Jane Doe,
    was blunt.') speaks, without a verb of saying, where no one else is the subject of a sentence there."""
    if not lead_in.strip() or lead_in[-1] not in ".!?":
        return None
    end = paragraph_start + len(lead_in)
    brought = _person_a_passage_brings_in(doc, paragraph_start, end, sentence_index_of, sentences, attributor) \
        or _person_a_passage_brings_in(doc, sentences[sentence_index_of(end - 2)].start_char, end, sentence_index_of,
                                       sentences, attributor)  # 'The council met. Its chairman, Jane Doe, was blunt. "…"'
    if brought is None:
        return None
    mention, first, last = brought
    subjects = {m.entity_id for index in range(first, last + 1) for c in sentences[index].root.children if c.dep_ in ("nsubj", "nsubjpass")
                for m in [attributor.mention_at(c.idx, c.idx + len(c))] if m is not None and m.entity_type in ("person", "organization")}
    return attributor.person_named_at(mention.start_char) if subjects <= {mention.entity_id} else None


# 'Montoya: ', 'Jane Doe: ' at the start of a line, before a quotation
_NAME_AND_COLON = re.compile(r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){0,3})\s*:\s*[\"“‘'«]?\s*")


def _named_before_a_headline_quote(lead_in: str, attributor):
    """'Montoya: "We were robbed in broad daylight"': a line that opens with a person's name (or surname)
    and a colon before a quotation gives that person's words."""
    match = _NAME_AND_COLON.fullmatch(lead_in)
    return attributor.entity_called(match.group(1)) if match else None


def _reports_a_clause_of_its_own(sent, after: int) -> bool:
    """Whether a sentence after a quotation is reported speech of its own: its main reporting verb has a clause
    for its object ('Jan Roe said officers ran to the scene'), which is what it reports."""
    root = sent.root
    return root.idx >= after and root.lemma_.lower() in REPORTING_LEMMAS \
        and any(c.dep_ == "ccomp" and c.idx > root.idx for c in root.children)


def names_another_after(doc, quote, speaker) -> bool:
    """'"...," said Jane Doe. "...," says Jon Roe': the quotation's own reporting clause names someone else."""
    subject = _subject_of_a_reporting_clause_after(doc, quote)
    if subject is None or subject.pos_ != "PROPN":
        return False
    name = " ".join(t.text for t in subject.subtree if t.pos_ == "PROPN")
    return speaker.name.split()[-1] not in name


def _subject_of_a_reporting_clause_after(doc, quote):
    """The subject of a reporting verb written right after a quotation ('"...," she says'), or None."""
    after = doc.char_span(quote.end_char, min(len(text_of(doc)), quote.end_char + 40), alignment_mode="expand")
    if after is None:
        return None
    for token in after:
        if "\n" in token.text:
            return None  # (the next line is another's)
        if token.lemma_.lower() in REPORTING_LEMMAS and token.pos_ in ("VERB", "AUX"):
            return next((c for c in token.children if c.dep_ == "nsubj" and c.idx >= quote.end_char), None)
    return None


def _a_reporters_label(text: str, named, attributor) -> bool:
    """Whether the person a line's 'NAME:' gives is the transcript's reporter."""
    return named.entity_id is not None and any(
        (reporter := attributor.entity_called(match.group(1).title())) is not None and reporter.entity_id == named.entity_id
        for match in BYLINE_LABEL.finditer(text))


def _label_of_the_lines_before(text: str, paragraph_start: int, reporter, attributor, lines: int = 3):
    """The person whose 'NAME:' opens one of the last few lines before, other than the reporter's: in a
    transcript the reporter quotes the one who spoke just before ('ROE: (Speaking Spanish).')."""
    end = paragraph_start
    for _ in range(lines):
        start = text.rfind("\n", 0, max(end - 1, 0)) + 1
        line = text[start:end].strip()
        match = re.match(r"([A-ZÀ-Þ][\w'’-]+(?: [A-ZÀ-Þ][\w'’-]+){0,3}):", line)
        speaker = attributor.entity_called(match.group(1)) if match else None
        if speaker is not None and speaker.entity_id != reporter.entity_id:
            return speaker
        if start == 0:
            return None
        end = start
    return None


_AFTER_A_HEADLINE_QUOTE = re.compile(r"\s*[:—–-]\s+")


def _named_after_a_headline_quote(text: str, quote, lead_in: str, attributor):
    """'"I left as a refugee": Dr. Ifrah Nur on rebuilding the hospital', '"We will rebuild" - Mayor Jane
    Doe': a quotation that opens its line, then a colon or a dash and a person's name (after an honorific
    or a title, if any), is that person's."""
    gap = _AFTER_A_HEADLINE_QUOTE.match(text, quote.end_char)
    if lead_in.strip() or gap is None:
        return None
    for word in islice(re.finditer(r"\S+", text[gap.end():gap.end() + 60]), 3):
        speaker = attributor.person_named_at(gap.end() + word.start())
        if speaker is not None:
            return speaker
        if word.group().lower().rstrip(".") not in person_prefix_words():
            return None
    return None


def _introducer(doc, quote, lead_in, paragraph_start, sentence_index_of, sentences, attributor, span):
    """'Mr. Smith put it this way: "..."': a clause that ends in a colon before the quotation (in its own
    paragraph or the one before) introduces its subject as the speaker, whatever its verb."""
    text = text_of(doc)
    if lead_in.endswith(":"):
        colon = paragraph_start + len(lead_in) - 1
    elif not lead_in.strip(" \"“”'‘’«»") and text[:paragraph_start].rstrip().endswith(":"):
        colon = len(text[:paragraph_start].rstrip()) - 1
    else:
        return None
    sent = sentences[sentence_index_of(colon)]
    root = sent.root
    if root.idx > colon:
        # 'The minister was blunt: "..."', where the parser made the quotation's verb the root and hung the clause
        # before the colon on it: that clause's own head
        root = next((t for t in sent if t.idx < colon and t.head.idx > colon and t.pos_ in ("VERB", "AUX")), root)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None and root.idx < colon:
        # 'Shaking her head, Jane Doe, who has lived there for years, echoed her neighbours: "..."', the parser hanging the
        # name on the words before it: the one person the clause names
        return attributor.only_person_between(sent.start_char, root.idx)
    if subject is None or subject.idx >= colon:
        return None
    speaker = attributor.speaker_of_token(subject, exclude=span)
    return speaker if speaker is not None and (speaker.entity_id or speaker.institution) else None


def alone_on_its_line(text: str, quote) -> bool:
    """A quotation with nothing else on its line (a subheading, or a paragraph of quoted words alone):
    its speaker comes from the sentences around it, not from its own."""
    line_start = text.rfind("\n", 0, quote.start_char) + 1
    line_end = text.find("\n", quote.end_char)
    rest = text[line_start:quote.start_char] + text[quote.end_char:line_end if line_end >= 0 else len(text)]
    return not rest.strip(" \"“”'‘’«».,:;")
