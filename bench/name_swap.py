"""How far quote speakers depend on the name lists: the development gold's documents scored as they are,
and again with every word of every person's name replaced by an invented one.

A rule that finds a speaker by the shape of the sentence ("..., said X Y, the mayor") finds "Tavemi
Okorundo" as readily as a name in gender-guesser's list; a rule that needs the list to know the name does
not. The invented words are syllables no list holds, the same word for the same word throughout a
document (so "Ms Okorundo" later still refers back), drawn from fixed seeds: some draws happen to look
like a name of one sex or the other, so the bench reports several. The gold's speakers and
their spellings are renamed the same way; nothing else in the text changes.

    newsfacts run DEV_FOLDER --warehouse W     # the seeds and ../shared/corpus/articles
    python bench/name_swap.py --warehouse W [--split tune] [--seeds 4] [--gold tests/gold] [--verbose]

Prints speakers right (of the gold quotes found) with the names as written and with invented names. Both
are extracted here, one document at a time, so the two columns differ only by the names (the warehouse's
own figures, after merges across documents, are `newsfacts eval`'s). --verbose lists the speakers missed
either way; use it on the tune split only (the check split is never tuned on).
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from newsfacts.config import Settings
from newsfacts.evaluate import SPLITS, Score, load_gold, score_quotes
from newsfacts.extract.facts import extract_document
from newsfacts.extract.nlp import load_nlp, parse_texts
from newsfacts.load.read_only import connect_read_only

BENCH = Path(__file__).resolve().parent
_CONSONANTS, _VOWELS = "bdfgklmnprstvz", "aeiou"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*$")


def invented_word(rng: random.Random) -> str:
    return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(3)).capitalize()


def names_to_swap(gold: dict) -> list[str]:
    """The words of every person's name in the gold (canonical and variants) worth swapping: capitalised
    words of three letters or more (initials and particles such as 'al' stay as written)."""
    words = set()
    for person in gold.get("persons", []):
        for name in (person.get("canonical"), *person.get("variants", [])):
            words.update(w for w in (name or "").split() if len(w) > 2 and w[:1].isupper() and _NAME_WORD.match(w))
    return sorted(words, key=lambda word: (-len(word), word))  # longest first: "Annabel" before "Anna"


def swapped(text: str, mapping: dict[str, str]) -> str:
    if not mapping:
        return text
    pattern = re.compile(r"(?<![\w])(%s)(?![\w])" % "|".join(map(re.escape, mapping)))
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def renamed_gold(gold: dict, aliases: dict[str, set[str]], mapping: dict[str, str]) -> tuple[dict, dict[str, set[str]]]:
    quotes = [{**q, "speaker": swapped(q["speaker"], mapping) if q.get("speaker") else q.get("speaker"),
               "text_start": swapped(q["text_start"], mapping)} for q in gold.get("quotes", [])]
    persons = [{**p, "canonical": swapped(p.get("canonical") or "", mapping),
                "variants": [swapped(v, mapping) for v in p.get("variants", [])]} for p in gold.get("persons", [])]
    renamed_aliases = {swapped(k, mapping): {swapped(v, mapping) for v in vs} for k, vs in aliases.items()}
    return {**gold, "quotes": quotes, "persons": persons}, renamed_aliases


def quotes_of(nlp, document: dict) -> list[tuple[str, str | None]]:
    (doc,) = parse_texts(nlp, [document["text"]])
    return [(row["text"], row["speaker"]) for row in extract_document(document, doc)["quotes"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True, help="a warehouse built from the development folder")
    parser.add_argument("--gold", type=Path, default=BENCH.parent / "tests" / "gold")
    parser.add_argument("--split", choices=SPLITS, default="tune")
    parser.add_argument("--seeds", type=int, default=4, help="draws of invented names (seeds 1, 2, ...)")
    parser.add_argument("--verbose", action="store_true", help="list the speakers missed")
    args = parser.parse_args()

    nlp = load_nlp(Settings().spacy_model)
    golds, aliases = load_gold(args.gold, args.split)
    with connect_read_only(args.warehouse) as con:
        documents = {Path(path.split("#")[0]).name: {"doc_id": doc_id, "text": text, "title": title, "published_date": published}
                     for doc_id, path, text, title, published in
                     con.execute("SELECT doc_id, source_path, text, title, published_date FROM documents").fetchall()}
    golds = [g for g in golds if Path(g["source_file"]).name in documents and g.get("quotes")]
    runs = {"as written": {}, **{f"invented, seed {seed}": {"seed": seed} for seed in range(1, args.seeds + 1)}}
    for label, run in runs.items():
        rng = random.Random(run.get("seed"))
        found, speakers = Score("found"), Score("speakers")
        for gold in golds:
            name = Path(gold["source_file"]).name
            document, gold_here, aliases_here = documents[name], gold, aliases
            if "seed" in run:
                mapping = {word: invented_word(rng) for word in names_to_swap(gold)}
                gold_here, aliases_here = renamed_gold(gold, aliases, mapping)
                document = {**document, "text": swapped(document["text"], mapping),
                            "title": swapped(document["title"], mapping) if document["title"] else document["title"]}
            score_quotes(quotes_of(nlp, document), gold_here, aliases_here, found, speakers, name)
        run.update(found=found, speakers=speakers)

    print(f"{args.split} split: {len(golds)} documents with gold quotes, "
          f"{sum(len(names_to_swap(g)) for g in golds)} words of persons' names\n")
    print("| names | quotes found | speakers right (of quotes found) |\n| --- | ---: | ---: |")
    for label, run in runs.items():
        print(f"| {label} | {run['found'].recall_counted()} | {run['speakers'].recall_counted()} |")
    invented = [run["speakers"] for label, run in runs.items() if "seed" in run]
    if invented:
        mean = sum(s.true_positive for s in invented) / len(invented)
        expected = invented[0].expected
        print(f"\nspeakers right with invented names, mean of {len(invented)} draws: {mean / expected:.3f} ({mean:.1f}/{expected}); "
              f"as written: {runs['as written']['speakers'].true_positive}/{runs['as written']['speakers'].expected}")
    if args.verbose:
        for label, run in runs.items():
            print(f"\nspeakers missed, names {label}:\n" + "\n".join(run["speakers"].misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
