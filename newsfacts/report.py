"""Human-readable summaries of a run (for the terminal and Prefect artifacts)."""

from __future__ import annotations

from newsfacts.pipeline import RunSummary


def run_summary_lines(summary: RunSummary) -> list[str]:
    lines = [
        f"Run {summary.run_id}: {summary.source_dir} -> {summary.warehouse_dir}",
        f"Files seen {summary.files_seen} = loaded {summary.files_loaded} + duplicates {summary.files_duplicate} "
        f"+ quarantined {summary.files_quarantined} + unchanged since last run {summary.files_unchanged}"
        + (f" + deferred (still being written) {summary.files_deferred}" if summary.files_deferred else ""),
        f"Documents loaded: {summary.documents_loaded}; records quarantined: {summary.records_quarantined}",
    ]
    if summary.files_deleted:
        lines.append(f"Files gone from the folder since the last run: {summary.files_deleted} (their documents stay, marked source_deleted)")
    if summary.quarantine_reasons:
        lines.append("Quarantined by reason: " + ", ".join(f"{r} {n}" for r, n in sorted(summary.quarantine_reasons.items())))
    if summary.rows_added:
        lines.append("Rows added: " + ", ".join(f"{t} {n}" for t, n in summary.rows_added.items()))
    if summary.table_rows:
        lines.append("Rows in warehouse: " + ", ".join(f"{t} {n}" for t, n in summary.table_rows.items()))
    if summary.table_rows.get("corrections_unattached"):
        lines.append(f"Corrections that no longer find their fact (its article changed): {summary.table_rows['corrections_unattached']}; "
                     "see SELECT * FROM correction_history WHERE state = 'unattached'")
    if summary.stage_seconds:
        lines.append("Seconds per stage: " + ", ".join(f"{s} {t:.2f}" for s, t in summary.stage_seconds.items()))
    return lines


def run_summary_markdown(summary: RunSummary) -> str:
    rows = [
        ("files seen", summary.files_seen), ("files loaded", summary.files_loaded),
        ("duplicates", summary.files_duplicate), ("quarantined files", summary.files_quarantined),
        ("unchanged since last run", summary.files_unchanged), ("deferred (still being written)", summary.files_deferred),
        ("files gone from the folder", summary.files_deleted),
        ("documents loaded", summary.documents_loaded),
        ("records quarantined", summary.records_quarantined),
    ]
    out = [f"# newsfacts run `{summary.run_id}`", "", f"Source `{summary.source_dir}` into `{summary.warehouse_dir}`.", "",
           "| measure | value |", "| --- | ---: |"]
    out += [f"| {name} | {value} |" for name, value in rows]
    out += ["", "| table | rows added | rows in warehouse |", "| --- | ---: | ---: |"]
    for table, total in summary.table_rows.items():
        out.append(f"| {table} | {summary.rows_added.get(table, 0)} | {total} |")
    if summary.stage_seconds:
        out += ["", "| stage | seconds |", "| --- | ---: |"]
        out += [f"| {stage} | {seconds:.2f} |" for stage, seconds in summary.stage_seconds.items()]
    return "\n".join(out)
