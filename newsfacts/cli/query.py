"""`newsfacts sql`: one read-only query on the warehouse, printed as a plain-text table.

`newsfacts run` prints EXAMPLE_QUERY's result the same way, as a first taste of the warehouse.
DuckDB is imported only when a query runs."""

from __future__ import annotations

from newsfacts.errors import NewsfactsError

# The five largest figures are picked before their documents are joined: DuckDB does not take a LIMIT
# through a join, and joining every figure to its document first costs 170 ms at 1,000,000 documents (6 ms so).
EXAMPLE_QUERY = """\
WITH largest AS (SELECT * FROM casualties WHERE part_of IS NULL ORDER BY count_min DESC, fact_id LIMIT 5)
SELECT d.title, c.kind, c.count_min, c.precision, c.victims, c.reported_by,
       substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS evidence
FROM largest c JOIN documents d USING (doc_id)
ORDER BY c.count_min DESC, c.fact_id"""


def _sql(args) -> int:
    database = None
    if args.as_of:
        from newsfacts.load.history import as_of_database

        database = as_of_database(args.warehouse, args.as_of)
    _print_query(args.warehouse, args.query, args.max_width, database)
    return 0


def _print_query(warehouse: str, query: str, max_width: int, database=None) -> None:
    import duckdb

    from newsfacts.load.read_only import connect_read_only

    with connect_read_only(warehouse, database=database) as con:
        try:
            cursor = con.execute(query)
            if cursor is None:  # DuckDB found no statement: an empty query, or only comments
                raise NewsfactsError('The query is empty: pass one SQL statement, e.g. `newsfacts sql "SELECT count(*) FROM documents"`.')
            if cursor.description is None:
                print("(no result)")
                return
            header = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
        except duckdb.Error as exc:
            raise NewsfactsError(_query_failed(exc)) from exc
    print(format_table(header, rows, max_width))


def _query_failed(exc) -> str:
    """DuckDB's message on one line, without the LINE/caret excerpt that follows a blank line (the
    'Did you mean' hint stays), and why when the sandbox refused the statement."""
    import duckdb

    reason = " ".join(str(exc).split("\n\n")[0].split())
    if isinstance(exc, duckdb.PermissionException) or "configuration has been locked" in reason:
        return (f"The query failed: `newsfacts sql` reads the warehouse's tables and views only, and no files, "
                f"other databases, extensions or settings ({reason}).")
    if "read-only mode" in reason:
        return f"The query failed: `newsfacts sql` is read-only and cannot change the warehouse ({reason})."
    return f"The query failed: {reason}"


def format_table(header: list[str], rows: list[tuple], max_width: int = 60) -> str:
    def cell(value) -> str:
        text = "NULL" if value is None else str(value)
        text = " ".join(text.split())
        return text if not max_width or len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    line = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    out = [line, "| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |", line]
    out += ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |" for row in cells]
    out += [line, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"]
    return "\n".join(out)
