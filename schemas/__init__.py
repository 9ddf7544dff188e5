"""Pandera schemas for every record that enters the warehouse, and the split of good rows from bad.

A failing row is never dropped silently: `split_valid` returns it with a reason code (the name of
the check it failed) and a sentence saying which column and value failed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas.values import Reason

if TYPE_CHECKING:  # imported where used: the enums in schemas.values stay light for ingest to import
    import pandas as pd
    import pandera.pandas as pa

# Checks whose name is itself the quarantine reason; any other failure is reported as 'schema'.
NAMED_REASONS = {Reason.LANGUAGE, Reason.TOO_SHORT, Reason.IMPLAUSIBLE_DATE, Reason.EMPTY_TEXT, Reason.BAD_SPAN, Reason.BAD_COUNT}


def split_valid(df: pd.DataFrame, schema: pa.DataFrameSchema) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid rows, rejected rows with 'reason' and 'detail' columns). Index is preserved."""
    import pandas as pd
    import pandera.pandas as pa

    if df.empty:
        return df, df.assign(reason=pd.Series(dtype=str), detail=pd.Series(dtype=str))
    try:
        return schema.validate(df, lazy=True), df.iloc[0:0].assign(reason="", detail="")
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
    row_cases = cases[cases["index"].notna()]
    table_cases = cases[cases["index"].isna()]
    reasons: dict = {}
    details: dict = {}
    for case in row_cases.itertuples(index=False):
        idx = case.index
        check = str(case.check)
        reason = check if check in NAMED_REASONS else Reason.SCHEMA.value
        reasons.setdefault(idx, reason)
        details.setdefault(idx, []).append(f"{case.column} failed {check} (value: {_short(case.failure_case)})")
    if not table_cases.empty:
        # A column-level failure (missing column, wrong type) condemns every row.
        message = "; ".join(f"{c.column} failed {c.check}" for c in table_cases.itertuples(index=False))
        for idx in df.index:
            reasons.setdefault(idx, Reason.SCHEMA.value)
            details.setdefault(idx, []).append(message)
    bad_index = [i for i in df.index if i in reasons]
    rejected = df.loc[bad_index].copy()
    rejected["reason"] = [reasons[i] for i in bad_index]
    rejected["detail"] = ["; ".join(details[i]) for i in bad_index]
    valid = schema.validate(df.drop(index=bad_index), lazy=True) if len(bad_index) < len(df) else df.iloc[0:0]
    return valid, rejected


def _short(value, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
