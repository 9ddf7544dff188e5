"""Make a realistic corpus of N articles by recombining paragraphs of real articles.

Paragraphs come from seeds/ and ../shared/corpus/articles (cleaned by newsfacts' own ingest). Each
generated article takes a headline and 6-14 paragraphs, with its numbers varied and its well-known place
names swapped for others, so that no two articles are the same text.

    python bench/make_corpus.py 2000 /tmp/corpus-2000
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

from newsfacts.extract.gazetteer import well_known_place_names
from newsfacts.ingest.discover import discover_files
from newsfacts.ingest.documents import build_document, read_file

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "seeds", REPO.parent / "shared" / "corpus" / "articles"]


def source_paragraphs() -> tuple[list[str], list[str]]:
    paragraphs, titles = [], []
    for folder in SOURCES:
        if not folder.is_dir():
            # (a checkout without ../shared beside it, such as a git worktree elsewhere: say so, as the corpus differs)
            print(f"make_corpus: {folder} not found; the articles are made from the other sources alone", file=sys.stderr)
            continue
        files, _ = discover_files(folder, 20 * 2**20)
        for source in files:
            for record in read_file(source)[0]:
                doc = build_document(record)
                if doc["title"]:
                    titles.append(doc["title"])
                paragraphs += [p for p in doc["text"].split("\n\n") if len(p.split()) >= 12]
    return paragraphs, titles


def vary(paragraph: str, rng: random.Random, places: list[str], known: set[str]) -> str:
    def number(match: re.Match) -> str:
        value = int(match.group().replace(",", ""))
        return str(max(1, int(value * rng.uniform(0.5, 1.5)))) if value < 1900 or value > 2100 else match.group()

    paragraph = re.sub(r"\b\d{1,3}(?:,\d{3})*\b", number, paragraph)
    return re.sub(r"\b[A-Z][a-z]+\b", lambda m: rng.choice(places) if m.group() in known and rng.random() < 0.5 else m.group(), paragraph)


def make_corpus(n: int, out: Path, seed: int = 7) -> Path:
    rng = random.Random(seed)
    paragraphs, titles = source_paragraphs()
    known = {p for p in well_known_place_names() if " " not in p}
    places = sorted(known)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = [vary(p, rng, places, known) for p in rng.sample(paragraphs, rng.randint(6, min(14, len(paragraphs))))]
        title = vary(rng.choice(titles), rng, places, known)
        (out / f"article-{i:06d}.txt").write_text(f"{title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    print(make_corpus(args.n, args.out))
