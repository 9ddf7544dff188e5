"""The extraction stage: facts of a batch of documents, each fact table validated.

Extraction worker processes run this module's `extract_facts`; it imports only what extraction needs
(spaCy, the rules, the fact schemas), not the warehouse (DuckDB, pyarrow) or ingest (trafilatura), so
each worker holds about 100 MiB less.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from newsfacts import PIPELINE_VERSION
from newsfacts.config import Settings
from newsfacts.extract.facts import FACT_TABLES, extract_batch
from newsfacts.extract.nlp import load_nlp
from newsfacts.ingest.models import Quarantined, file_of
from schemas import split_valid
from schemas.tables import FACT_TABLES as TABLES
from schemas.values import Reason, Stage


# Built once per process: each fact table's checks (schemas/tables.py).
FACT_SCHEMAS = {name: table.schema() for name, table in TABLES.items()}


@dataclass
class ExtractResult:
    rows: dict[str, list[dict]]
    quarantined: list[Quarantined]


def extract_facts(documents: list[dict], settings: Settings, run_id: str) -> ExtractResult:
    """Facts of a batch of documents, each fact table validated; failing rows are quarantined."""
    if not documents:
        return ExtractResult({t: [] for t in FACT_TABLES}, [])
    batch = extract_batch(documents, load_nlp(settings.spacy_model), PIPELINE_VERSION, run_id)
    by_id = {d["doc_id"]: d for d in documents}
    quarantined = [
        Quarantined(by_id[doc_id]["source_path"], Stage.EXTRACT, Reason.EXTRACT_ERROR,
                    f"{by_id[doc_id]['source_path']}: fact extraction failed ({message}); the document is loaded without facts.",
                    by_id[doc_id]["content_sha256"])
        for doc_id, message in batch.failures
    ]
    rows = {}
    for table in FACT_TABLES:
        made = [TABLES[table].row(**row) for row in batch.rows[table]]
        rows[table], bad = validate_fact_rows(table, made, by_id)
        quarantined.extend(bad)
    return ExtractResult(rows, quarantined)


def validate_fact_rows(table: str, rows: list[dict], documents: dict[str, dict]) -> tuple[list[dict], list[Quarantined]]:
    if not rows:
        return [], []
    frame = pd.DataFrame(rows)
    frame["_doc_length"] = [len(documents[r["doc_id"]]["text"]) for r in rows]
    valid, rejected = split_valid(frame, FACT_SCHEMAS[table])
    bad = []
    for i, row in rejected.iterrows():
        doc = documents[rows[i]["doc_id"]]
        ident = next((rows[i][k] for k in ("fact_id", "quote_id", "event_id", "entity_id") if k in rows[i]), "")
        bad.append(Quarantined(f"{doc['source_path']} [{table} {ident}]", Stage.EXTRACT, row.reason,
                               f"{doc['source_path']}: a {table} row failed validation ({row.detail}); the rest of the document loaded.",
                               doc["content_sha256"], file=file_of(doc["source_path"])))
    return [rows[i] for i in valid.index], bad
