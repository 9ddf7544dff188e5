"""newsfacts' quotes and speakers against a baseline it did not write: textacy's `direct_quotations`, on the
same documents (a built warehouse's texts) and the same gold files, scored by the same rules.

    pip install textacy            # not a dependency of newsfacts: only this comparison uses it
    newsfacts run DEV_FOLDER --warehouse W     # the seeds and ../shared/corpus/articles
    python bench/quote_baseline.py --warehouse W [--gold tests/gold]

Prints quotes found and speakers right per split (tune, check) for both, and writes bench/QUOTES_BASELINE.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from newsfacts.config import Settings
from newsfacts.evaluate import Score, load_gold, score_quotes, split_of
from newsfacts.extract.nlp import load_nlp
from newsfacts.load.read_only import connect_read_only

BENCH = Path(__file__).resolve().parent


def textacy_quotes(doc) -> list[tuple[str, str | None]]:
    from textacy.extract.triples import direct_quotations

    found = []
    try:
        for triple in direct_quotations(doc):
            speaker = " ".join(t.text for t in triple.speaker) or None
            found.append((triple.content.text.strip("\"“”'‘’ "), speaker))
    except ValueError:  # textacy bails out on a document with an odd number of quotation marks
        BAILED.append(doc[:8].text)
    return found


BAILED: list[str] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", required=True)
    parser.add_argument("--gold", type=Path, default=BENCH.parent / "tests" / "gold")
    parser.add_argument("--results", type=Path, default=BENCH / "QUOTES_BASELINE.md")
    args = parser.parse_args()
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: `pip install textacy` (it is not a newsfacts dependency).", file=sys.stderr)
        return 1
    nlp = load_nlp(Settings().spacy_model)
    golds, aliases = load_gold(args.gold)
    scores = {(system, split, kind): Score(kind) for system in ("newsfacts", "textacy") for split in ("tune", "check")
              for kind in ("found", "speakers")}
    seconds = {"textacy": 0.0}
    with connect_read_only(args.warehouse) as con:
        documents = {Path(path.split("#")[0]).name: (doc_id, text) for doc_id, path, text in
                     con.execute("SELECT doc_id, source_path, text FROM documents").fetchall()}
        for gold in golds:
            name = Path(gold["source_file"]).name
            if name not in documents:
                continue
            doc_id, text = documents[name]
            split = split_of(gold)
            ours = con.execute("SELECT text, speaker FROM quotes WHERE doc_id = ?", [doc_id]).fetchall()
            score_quotes(ours, gold, aliases, scores[("newsfacts", split, "found")], scores[("newsfacts", split, "speakers")], name)
            started = time.perf_counter()
            theirs = textacy_quotes(nlp(text))
            seconds["textacy"] += time.perf_counter() - started
            score_quotes(theirs, gold, aliases, scores[("textacy", split, "found")], scores[("textacy", split, "speakers")], name)

    lines = ["| system | split | quotes found | speakers right (of quotes found) |", "| --- | --- | ---: | ---: |"]
    for system in ("newsfacts", "textacy"):
        for split in ("tune", "check"):
            lines.append(f"| {system} | {split} | {scores[(system, split, 'found')].recall_counted()} | {scores[(system, split, 'speakers')].recall_counted()} |")
    table = "\n".join(lines)
    note = (f"\n\ntextacy gave up on {len(BAILED)} of the documents (an odd number of quotation marks: a quote that runs "
            "over paragraphs, or an apostrophe written as a closing mark); those count as found nothing.")
    table += note
    print(table)
    args.results.write_text(
        "# Quotes: newsfacts against textacy's direct_quotations\n\n"
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `python bench/quote_baseline.py`, on the same documents and gold "
        "files, scored by the same rules as `newsfacts eval` (a gold quote is found when a quotation holds its first words; "
        "its speaker is right when the names match).\n\n" + table + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
