"""Extractor accuracy on written challenge sets: shapes of language no development article was tuned on.

`bench/challenge/` holds passages written for this purpose, not taken from any corpus: invented people,
organisations and towns (real towns in `places.jsonl`), each with the answer the annotation guide gives.
They measure how the rules generalise, beside `newsfacts eval`'s tune and check splits:

- `quotes_short.jsonl` (1-6 paragraphs) and `quotes_long.jsonl` (long articles in the styles of many outlets):
  every quote of five words or more and its speaker;
- `casualties_short.jsonl` and `casualties_long.jsonl`: every casualty figure, with look-alikes;
- `places.jsonl` to `places10.jsonl`: populated places with their coordinates (`places8` everyday news of small towns
  the world over, many named like people or English words; `places9` conflict and disaster news of 24 countries:
  namesakes elsewhere, cities named like their province, transliterations, districts named before their city;
  `places10` forty passages of many regions, written by a helper from its own knowledge of the places and scored
  before any rule was tuned on it);
- `articles2.jsonl` to `articles13.jsonl`: long articles with their quotes and figures (`articles3` in the
  styles of wires, live blogs, court reports, radio transcripts, translated state media and « » quotation;
  `articles4` in those of 1990s-2000s wire copy, the English-language national press of Nigeria, Pakistan,
  India, Kenya and the Philippines, NGO situation reports, magazine features, US local TV, and Australian,
  Canadian and New Zealand court and inquest reports; `articles5` in those of Middle Eastern, African,
  Latin American and Asia-Pacific outlets; `articles6` in those of US and UK papers, long-form features and
  Eastern European and Iranian outlets; `articles7` in those of international wires, humanitarian and rights
  reports and tribunal judgments, and the regional press of Nigeria, Kenya, Pakistan, India, Bangladesh and
  the Philippines; `articles8` in those of Sahel and Middle East wires and live blogs, the Nigerian, Kenyan,
  South African, Ethiopian, Philippine, Indian, Pakistani, Bangladeshi, Mexican, Colombian and Indonesian press,
  UK court reports, US local television, Ukrainian and Russian-side war reports, and humanitarian and rights
  reports; `articles9` long-form investigations and features with many speakers, in the styles of US, UK,
  French, Indian, South African, Philippine, Canadian, Australian and Ukrainian papers, broadcasters and
  wires; `articles10` short wire stories, photo captions, an event log, translated regional papers, disaster
  and stampede reports, obituaries and anniversaries, court and NGO reports, and business and sport stories
  full of violent words and no casualties; `articles11` press-conference and radio transcripts, a parliamentary
  exchange, a police release, a court sentencing, an interview, a live blog, an armed group's statement, a
  humanitarian flash update and features; `articles12` everyday news stories of many outlets and regions;
  `articles13` long articles with four to eight voices each, who speak again by pronoun, surname or title;
  `articles14` thirty articles annotated for their speakers only (`S` cases: a speaker named after a long quotation
  or in the next paragraph, titles and pronouns across paragraphs, bodies and their spokespeople, unnamed
  speakers) and thirty for their figures only (`C` cases: figures apart from their verbs, tolls as noun phrases,
  single victims, parts set off after a figure, people in hospital care, cumulative tolls, look-alike numbers));
  `articles15` twenty articles of many outlets and regions, written from the annotation guide alone by a helper
  who saw neither the rules nor any corpus, and scored before any rule was tuned on them (see docs/evaluation.md),
  as were `articles16` (twenty articles of many outlets and writing traditions), `articles17` (sixteen reposts
  reworded by synonym software), `articles18` (twenty articles written to make attribution hard), `articles19`
  (ten articles in the styles of translated broadcast digests in capitals, 1970s wire copy, encyclopaedia
  summaries and the South Asian, Latin American, Irish and Sahel press), `articles20` (ten conflict and
  disaster reports of Russian, Ukrainian, Gaza, Australian, Nigerian, Colombian, Philippine, US, Syrian and
  Sudanese outlets), `articles21` (twelve articles of many outlets and decades with four to eight speakers each),
  `articles22` (sixteen conflict, crime and disaster reports of many outlets: pronoun and twice-told victims, revised
  tolls, look-alike numbers) and `articles23` (fourteen articles annotated for their speakers only: titles with
  'said' paragraphs later, names with particles and honorifics, organisations and their spokespeople, interviews),
  and `articles24` (fourteen short reports of crime, attacks, strikes and disasters, scored before any rule was
  tuned on them);
- `places11.jsonl`: thirty passages of towns named with their state, namesakes, neighbourhoods and transliterations,
  written and scored as `articles15` was;
- `holdout_articles.jsonl` to `holdout10_articles.jsonl` (quotes and figures; `holdout9` speakers only),
  `holdout_places.jsonl` to `holdout3_places.jsonl`: held out, scored and never tuned on (the sets above were
  used to find shapes the rules lacked).

Scored as `newsfacts eval` scores the gold (the same matching of quotes, speakers, figures and places), each
passage given the headline ingest would find in it as a text file.

    python bench/challenge.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from newsfacts.config import Settings
from newsfacts.evaluate import Score, score_quotes
from newsfacts.extract.facts import extract_document
from newsfacts.extract.nlp import load_nlp, parse_texts
from newsfacts.ingest.clean import clean_article

CHALLENGE = Path(__file__).resolve().parent / "challenge"
PLACE_DEGREES = 0.5  # as newsfacts eval: a place within half a degree is placed right


def cases(name: str) -> list[dict]:
    return [json.loads(line) for line in (CHALLENGE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def extract(nlp, text: str) -> dict:
    # The headline, as ingest finds it in a text file: its figures restate the body's.
    title = clean_article(text).title
    title = title if title and text.startswith(title) else None
    document = {"doc_id": "challenge", "text": text, "published_date": None, "title": title}
    return extract_document(document, next(parse_texts(nlp, [text])))


def score_quote_set(nlp, name: str, verbose: bool) -> tuple[Score, Score]:
    found, speakers = Score("quotes found"), Score("quote speakers")
    for case in (c for c in cases(name) if "quotes" in c):  # (a case written for its figures only has none)
        facts = extract(nlp, case["text"])
        predicted = [(q["text"], q["speaker"]) for q in facts["quotes"]]
        score_quotes(predicted, {"quotes": case["quotes"]}, {}, found, speakers, case["id"])
    if verbose:
        for miss in found.misses + speakers.misses:
            print("  missed", miss)
    return found, speakers


def score_casualty_set(nlp, name: str, verbose: bool) -> Score:
    score = Score("casualties")
    for case in (c for c in cases(name) if "figures" in c):  # (a case written for its speakers only has none)
        facts = extract(nlp, case["text"])
        unmatched = [(r["kind"], r["count_min"], r["count_max"]) for r in facts["casualties"] if r["kind"] in ("killed", "injured")]
        score.predicted += len(unmatched)
        score.expected += len(case["figures"])
        for entry in case["figures"]:
            match = next((i for i, (kind, low, high) in enumerate(unmatched) if kind == entry["kind"] and low == entry["count_min"]
                          and (entry.get("count_max") is None or high in (None, entry["count_max"]))), None)
            if match is None:
                score.misses.append(f"{case['id']}: {entry['kind']} {entry['count_min']} ({entry['evidence']})")
            else:
                unmatched.pop(match)
                score.true_positive += 1
        score.extras += [f"{case['id']}: {kind} {low}" for kind, low, _high in unmatched]
    if verbose:
        for line in [f"missed {m}" for m in score.misses] + [f"extra  {e}" for e in score.extras]:
            print(" ", line)
    return score


def score_place_set(nlp, name: str, verbose: bool) -> Score:
    score = Score("places geocoded")
    for case in cases(name):
        facts = extract(nlp, case["text"])
        where = {o["entity_id"]: (o["latitude"], o["longitude"]) for o in facts["entity_observations"]}
        for place in case["places"]:
            score.expected += 1
            score.predicted += 1
            ids = {m["entity_id"] for m in facts["mentions"] if _same_place(m["surface"], place["surface"])}
            spots = [where[i] for i in ids if i in where and where[i][0] is not None]
            if any(abs(lat - place["latitude"]) <= PLACE_DEGREES and abs(lon - place["longitude"]) <= PLACE_DEGREES for lat, lon in spots):
                score.true_positive += 1
            else:
                score.misses.append(f"{case['id']}: {place['surface']} ({place['latitude']},{place['longitude']}), got {spots or 'not placed'}")
    if verbose:
        for miss in score.misses:
            print("  missed", miss)
    return score


def _same_place(surface: str, written: str) -> bool:
    """The mention is the place as written, or the place with its kind ('Lakeside district')."""
    return surface.lower() == written.lower() or surface.startswith(written + " ") or written.startswith(surface + " ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="print every miss of the development sets (a held-out set's misses are never printed)")
    parser.add_argument("--only", nargs="+", metavar="SET", help="score only these sets (file names in bench/challenge/)")
    args = parser.parse_args()
    nlp = load_nlp(Settings().spacy_model)
    print(f"{'set':26} {'fact':16} {'right':>6} {'of':>5} {'found':>6}  {'P':>5} {'R':>5} {'F1':>5}")

    def row(set_name: str, score: Score) -> None:
        def fmt(value):
            return f"{value:5.2f}" if value is not None else "    -"
        print(f"{set_name:26} {score.name:16} {score.true_positive:6} {score.expected:5} {score.predicted:6}  "
              f"{fmt(score.precision)} {fmt(score.recall)} {fmt(score.f1)}")

    articles, places = numbered("articles"), numbered("places")
    held_out = ["holdout_articles.jsonl", "holdout2_articles.jsonl", "holdout3_articles.jsonl", "holdout4_articles.jsonl",
                "holdout5_articles.jsonl", "holdout6_articles.jsonl", "holdout7_articles.jsonl", "holdout8_articles.jsonl",
                "holdout9_articles.jsonl", "holdout10_articles.jsonl"]
    def chosen(names: list[str]) -> list[str]:
        return [name for name in names if not args.only or name in args.only]

    for name in chosen(["quotes_short.jsonl", "quotes_long.jsonl", *articles, *held_out]):
        found, speakers = score_quote_set(nlp, name, args.verbose and not name.startswith("holdout"))
        row(name, found)
        row(name, speakers)
    for name in chosen(["casualties_short.jsonl", "casualties_long.jsonl", *articles, *held_out]):
        row(name, score_casualty_set(nlp, name, args.verbose and not name.startswith("holdout")))
    for name in chosen([*places, "holdout_places.jsonl", "holdout2_places.jsonl", "holdout3_places.jsonl"]):
        row(name, score_place_set(nlp, name, args.verbose and not name.startswith("holdout")))


def numbered(stem: str) -> list[str]:
    """'places.jsonl', 'places2.jsonl', ... 'places10.jsonl', in the order they were written."""
    paths = [p.name for p in CHALLENGE.glob(f"{stem}*.jsonl") if p.stem[len(stem):] == "" or p.stem[len(stem):].isdigit()]
    return sorted(paths, key=lambda name: int(Path(name).stem[len(stem):] or 1))


if __name__ == "__main__":
    main()
