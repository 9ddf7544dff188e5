import pandas as pd

from schemas import split_valid
from schemas.documents import document_schema
from schemas.tables import CASUALTIES


def test_bad_rows_come_back_with_reasons_and_good_rows_stay():
    frame = pd.DataFrame([
        {"doc_id": "0123456789abcdef", "source_path": "a.txt", "title": None, "publisher": None, "published_date": None,
         "published_date_basis": "unknown", "language": "en", "text": "w " * 30, "n_words": 30},
        {"doc_id": "1123456789abcdef", "source_path": "b.txt", "title": None, "publisher": None, "published_date": None,
         "published_date_basis": "unknown", "language": "de", "text": "w " * 30, "n_words": 30},
        {"doc_id": "2123456789abcdef", "source_path": "c.txt", "title": None, "publisher": None, "published_date": None,
         "published_date_basis": "unknown", "language": "en", "text": "w w", "n_words": 2},
    ])
    valid, rejected = split_valid(frame, document_schema(20, ("en",)))
    assert list(valid["source_path"]) == ["a.txt"]
    assert dict(zip(rejected["source_path"], rejected["reason"])) == {"b.txt": "language", "c.txt": "too_short"}


def test_a_fact_whose_span_leaves_the_document_is_rejected():
    base = {"doc_id": "0123456789abcdef", "kind": "killed", "count_min": 3, "count_max": 3, "precision": "exact",
            "victims": None, "part_of": None, "location": None, "period": None, "reported_by": None, "_doc_length": 100}
    frame = pd.DataFrame([
        {**base, "fact_id": "aaaaaaaaaaaaaaaa", "start_char": 10, "end_char": 20},
        {**base, "fact_id": "bbbbbbbbbbbbbbbb", "start_char": 90, "end_char": 120},
        {**base, "fact_id": "cccccccccccccccc", "start_char": 10, "end_char": 20, "count_max": 2},
    ])
    valid, rejected = split_valid(frame, CASUALTIES.schema())
    assert list(valid["fact_id"]) == ["aaaaaaaaaaaaaaaa"]
    assert dict(zip(rejected["fact_id"], rejected["reason"])) == {"bbbbbbbbbbbbbbbb": "bad_span", "cccccccccccccccc": "bad_count"}
