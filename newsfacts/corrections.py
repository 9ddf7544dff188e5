"""A person's decisions on facts: confirm, reject, or set a field of a casualty figure or a quote; undo or
make a merge of two entities, or rename one; and take a decision back. Each decision is a row of the stored
`corrections` table (appended, never changed: Delta keeps its history), checked against the fact it names
and the table's rules before it is stored. Every build applies them (warehouse/entity_merges.sql,
split_entity_ids.sql and entity_names.sql for entities, warehouse/corrections.sql for the rest), so a later
run, new rules or `newsfacts rebuild` keep them. The decision is added to the database at once, as a run's
rows are (newsfacts/consolidate/added.py: only what it reaches is worked out again), so it shows in the
next query."""

from __future__ import annotations

import getpass
import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

import duckdb
import pandas as pd
import pandera.errors
import pyarrow as pa

from newsfacts import PIPELINE_VERSION
from newsfacts.errors import NewsfactsError
from newsfacts.load.warehouse import Warehouse, quote_path
from schemas.tables import CASUALTIES, CORRECTIONS, EVENTS, QUOTES
from schemas.values import CorrectionAction, CorrectionTarget
from warehouse import rows


@dataclass(frozen=True)
class Target:
    """A kind of fact a person can correct: its table, the view of its machine values, its key, what it is
    called, and the fields a correction may set."""

    table: str
    machine_view: str
    key: str
    called: str
    settable: tuple[str, ...]
    listing: str  # a query that lists the facts with their ids


TARGETS = {
    CorrectionTarget.CASUALTY: Target(CASUALTIES.name, "casualties_machine", "fact_id", "casualty figure",
                                      ("kind", "count_min", "count_max", "precision", "victims", "location", "period",
                                       "event_date", "reported_by"),
                                      "SELECT fact_id, kind, count_min, location, evidence FROM casualty_reports"),
    CorrectionTarget.QUOTE: Target(QUOTES.name, "quotes_machine", "quote_id", "quote", ("speaker", "speaker_description"),
                                   "SELECT quote_id, speaker, text FROM quotes"),
    # An entity's name, the entity it is (a merge), or a document whose namesake is another (a split);
    # --reject undoes the merge of a person into another.
    CorrectionTarget.ENTITY: Target("entities", "entities", "entity_id", "entity", ("canonical_name", "same_as", "split_document"),
                                    "SELECT entity_id, canonical_name, entity_type FROM entities ORDER BY n_documents DESC"),
    # The incident a report belongs to: another report's (its event_id, or an incident's id), or, with no
    # value, one of its own; --reject says it reports no attack.
    CorrectionTarget.EVENT: Target(EVENTS.name, "events_machine", "event_id", "report of an incident", ("incident",),
                                   "SELECT event_id, cluster_id, event_type, location, doc_id FROM events ORDER BY cluster_id"),
}
# The column that holds a settable field's machine value, where it is not the field's own name.
_MACHINE_COLUMN = {"incident": "cluster_id"}
_DEFINITIONS = {CorrectionTarget.CASUALTY: CASUALTIES, CorrectionTarget.QUOTE: QUOTES}


@dataclass(frozen=True)
class Decision:
    """What a person decided on one fact: values to set (None: no value), a verdict, or a correction to
    take back; with why and who."""

    sets: dict[str, str | None]
    verdict: CorrectionAction | None = None  # CONFIRM or REJECT
    withdraws: str | None = None
    reason: str | None = None
    by: str | None = None


def parse_set(assignment: str) -> tuple[str, str | None]:
    """FIELD=VALUE from the command line; an empty VALUE is no value (NULL)."""
    field, equals, value = assignment.partition("=")
    if not equals or not field.strip():
        raise NewsfactsError(f"--set takes FIELD=VALUE (e.g. --set count_min=20), not {assignment!r}.")
    return field.strip(), (value.strip() or None)


def correct(warehouse: Warehouse, target: CorrectionTarget, fact_id: str, decision: Decision,
            now: datetime | None = None) -> list[dict]:
    """Check a decision against the fact and the table's rules, store it (one Delta commit), and build the
    database with it. Holds the warehouse as a run does. Returns the correction rows stored."""
    from newsfacts.pipeline import build_database

    with warehouse.exclusive():
        if not warehouse.database.exists():
            raise NewsfactsError(f"The warehouse {warehouse.location} has no database yet. Load one first with "
                                 f"`newsfacts run SOURCE_DIR --warehouse {warehouse.location}`.")
        rows = _correction_rows(warehouse, target, fact_id, decision, now or datetime.now(timezone.utc).replace(tzinfo=None))
        batch = rows[0]["correction_id"]
        warehouse.store.append(CORRECTIONS.name, _typed_rows(rows), batch)
        build_database(warehouse, f"correction-{batch}")
    return rows


def _correction_rows(warehouse: Warehouse, target: CorrectionTarget, fact_id: str, decision: Decision, now: datetime) -> list[dict]:
    about = TARGETS[target]
    with warehouse.connect() as con:
        con.execute(f"ATTACH {quote_path(warehouse.database)} AS built (READ_ONLY)")
        if target == CorrectionTarget.ENTITY:
            machine = current = _one_row(con, _ENTITY, fact_id, fact_id)
        else:
            machine = _one_row(con, f"SELECT m.*, length(d.text) AS _doc_length FROM built.{about.machine_view} m "
                                    f"JOIN built.documents d USING (doc_id) WHERE m.{about.key} = ?", fact_id)
            current = _one_row(con, f"SELECT * FROM built.{about.table} WHERE {about.key} = ?", fact_id)
        if machine is None:
            raise NewsfactsError(f"No {about.called} has the id {fact_id!r} in the warehouse {warehouse.location}; "
                                 f"find the ids with `newsfacts sql \"{about.listing}\"`.")
        withdrawn = None
        if decision.withdraws:
            withdrawn = _one_row(con, "SELECT * FROM built.corrections WHERE correction_id = ? AND action <> 'withdraw'",
                                 decision.withdraws)
            anchor = "fact_id" if target == CorrectionTarget.ENTITY else "doc_id"
            if withdrawn is None or withdrawn["target"] != target or withdrawn[anchor] != machine[anchor]:
                raise NewsfactsError(f"No correction {decision.withdraws!r} of the {about.called} {fact_id} is on record; "
                                     f"list them with `newsfacts sql \"SELECT * FROM correction_history\"`.")
        _check_fields(about, decision.sets)
        if target == CorrectionTarget.ENTITY:
            sets = decision.sets
            _check_entity(con, machine, decision)
        elif target == CorrectionTarget.EVENT:
            sets = _check_event(con, current, decision)
        else:
            sets = _with_exact_count(current, decision.sets) if target == CorrectionTarget.CASUALTY else decision.sets
            _check_values(target, {**current, "_doc_length": machine["_doc_length"]}, sets)

    base = {"target": str(target), "fact_id": fact_id, "doc_id": machine["doc_id"], "start_char": machine["start_char"],
            "end_char": machine["end_char"], "field": None, "value": None, "machine_value": None, "withdraws": None,
            "reason": decision.reason, "corrected_by": decision.by or _user(), "corrected_at": now,
            "pipeline_version": PIPELINE_VERSION}
    # A split is anchored to the document it takes from the entity.
    rows = [{**base, "action": str(CorrectionAction.SET), "field": field, "value": value,
             "machine_value": _text(machine.get(_MACHINE_COLUMN.get(field, field))),
             "doc_id": value if field == "split_document" else base["doc_id"]}
            for field, value in sets.items()]
    if decision.verdict is not None:
        rows.append({**base, "action": str(decision.verdict)})
    if withdrawn is not None:
        rows.append({**base, "action": str(CorrectionAction.WITHDRAW), "withdraws": withdrawn["correction_id"]})
    if not rows:
        raise NewsfactsError("Say what to decide: --set FIELD=VALUE, --confirm, --reject or --withdraw CORRECTION_ID.")
    for number, row in enumerate(rows):
        row["correction_id"] = _correction_id(row, number)
    return rows


# An entity by its id, or a person merged into another by it: its name, type, and what it is merged into.
_ENTITY = """
    SELECT entity_id AS fact_id, canonical_name, entity_type, NULL AS same_as, NULL AS doc_id, NULL AS start_char,
           NULL AS end_char, false AS merged
    FROM built.entities WHERE entity_id = ?
    UNION ALL
    SELECT from_id, from_name, 'person', into_id, NULL, NULL, NULL, review_status <> 'rejected'
    FROM built.entity_merges WHERE from_id = ?"""


def _check_entity(con, entity: dict, decision: Decision) -> None:
    """A name must not be empty; a merge must be into another person or organisation of the same type; a
    split takes one of the documents that name a person or organisation named in several; a rejection undoes
    a merge, so the entity must have been merged into another."""
    if "canonical_name" in decision.sets and not decision.sets["canonical_name"]:
        raise NewsfactsError("An entity's canonical_name cannot be empty.")
    if (other := decision.sets.get("same_as")) is not None:
        found = _one_row(con, "SELECT entity_type FROM built.entities WHERE entity_id = ?", other)
        if found is None or other == entity["fact_id"] or entity["entity_type"] not in ("person", "organization") \
                or found["entity_type"] != entity["entity_type"]:
            raise NewsfactsError(f"same_as takes the id of another {entity['entity_type']} in the warehouse's entities, "
                                 f"not {other!r}; only people and organisations are merged.")
    if (document := decision.sets.get("split_document", "")) != "":
        named_in = [r["doc_id"] for r in rows(con, "SELECT DISTINCT doc_id FROM built.entity_observations WHERE entity_id = ?",
                                              [entity["fact_id"]])]
        if rows(con, "SELECT 1 FROM built.entity_splits WHERE split_id = ?", [entity["fact_id"]]):
            raise NewsfactsError(f"The entity {entity['fact_id']} was split off another; merge it into a third with same_as, "
                                 "or withdraw the split.")
        if entity["entity_type"] not in ("person", "organization") or document not in named_in or len(named_in) < 2:
            raise NewsfactsError(f"split_document takes the id of one of the documents that name the {entity['entity_type']} "
                                 f"{entity['fact_id']}, which must be named in more than one; it is named in "
                                 f"{len(named_in)}, and only people and organisations are split.")
    if decision.verdict == CorrectionAction.REJECT and not entity["merged"]:
        raise NewsfactsError(f"The entity {entity['fact_id']} is not merged into another, so there is no merge to reject; "
                             "list the merges with `newsfacts sql \"SELECT * FROM entity_merges\"`.")


def _check_event(con, report: dict, decision: Decision) -> dict[str, str | None]:
    """The incident a report moves to is named by one of its reports (kept as that report's id, which
    stays when incidents are clustered again) or by the incident's id (kept as the id of its first report);
    it must be another incident. A report with no place is in no incident and cannot be moved into one
    (its figures are counted by place)."""
    if "incident" in decision.sets and report["location"] is None:
        raise NewsfactsError(f"The report {report['event_id']} names no place, so it belongs to no incident and can join none "
                             "(incidents are matched by place).")
    if "incident" not in decision.sets or decision.sets["incident"] is None:
        if "incident" in decision.sets and report["cluster_id"] is None:
            raise NewsfactsError(f"The report {report['event_id']} belongs to no incident, so it cannot be taken out of one.")
        return decision.sets
    named = decision.sets["incident"]
    other = _one_row(con, """SELECT event_id, cluster_id FROM built.events
                             WHERE (event_id = $1 OR cluster_id = $1) AND cluster_id IS NOT NULL
                             ORDER BY event_id <> $1, event_id LIMIT 1""", named)
    if other is None or other["event_id"] == report["event_id"]:
        raise NewsfactsError(f"incident takes the id of an incident, or of a report in one, other than this report, not {named!r}; "
                             "list them with `newsfacts sql \"SELECT event_id, cluster_id, location FROM events\"`.")
    if other["cluster_id"] == report["cluster_id"]:
        raise NewsfactsError(f"The report {report['event_id']} is already in the incident {other['cluster_id']}.")
    return {**decision.sets, "incident": other["event_id"]}


def _with_exact_count(current: dict, sets: dict[str, str | None]) -> dict[str, str | None]:
    """An exact figure is one number: setting its lowest count sets its highest too, unless that is set."""
    if "count_min" in sets and "count_max" not in sets and sets.get("precision", current["precision"]) == "exact":
        return {**sets, "count_max": sets["count_min"]}
    return sets


def _check_fields(about: Target, sets: dict[str, str | None]) -> None:
    for field in sets:
        if field not in about.settable:
            raise NewsfactsError(f"A correction cannot set {field!r} of a {about.called}; the fields it can set are "
                                 f"{', '.join(about.settable)}.")


def _check_values(target: CorrectionTarget, current: dict, sets: dict[str, str | None]) -> None:
    """The fact with the new values must pass its table's own checks (schemas/tables.py): a kind or
    precision of the listed values, counts that are whole numbers with the lowest first, a real date."""
    definition = _DEFINITIONS[target]
    row = dict(current)
    for field, value in sets.items():
        row[field] = _typed(definition, field, value)
    try:
        definition.schema().validate(pd.DataFrame([row]))
    except pandera.errors.SchemaError as failed:
        fields = ", ".join(f"{f}={v!r}" for f, v in sets.items())
        raise NewsfactsError(f"The {TARGETS[target].called} cannot take {fields}: {_broken_rule(failed)}.") from failed


def _broken_rule(failed: pandera.errors.SchemaError) -> str:
    check = failed.check
    allowed = getattr(check, "statistics", {}).get("allowed_values") if check is not None else None
    if allowed:
        return f"{failed.schema.name} takes one of {', '.join(allowed)}"
    if getattr(check, "name", None) == "bad_count":
        return "a count cannot be below 0, and the lowest count cannot be above the highest"
    return f"it breaks the check {getattr(check, 'name', None) or failed.reason_code} of schemas/tables.py"


def _typed(definition, field: str, value: str | None):
    if value is None:
        return None
    sql_type = next(c.sql_type for c in definition.columns if c.name == field)
    try:
        if sql_type == "INTEGER":
            return int(value)
        if sql_type == "DATE":
            return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        kind = "a whole number" if sql_type == "INTEGER" else "a date written YYYY-MM-DD"
        raise NewsfactsError(f"{field} takes {kind}, not {value!r}.") from None
    return value


def _typed_rows(rows: list[dict]) -> pa.Table:
    """The rows, checked by the table's Pandera schema and typed by its DDL (as a run's staged rows are)."""
    frame = pd.DataFrame(rows, columns=[c.name for c in CORRECTIONS.columns])
    CORRECTIONS.schema().validate(frame)
    with duckdb.connect() as con:
        con.execute(CORRECTIONS.ddl())
        con.register("incoming", frame)
        con.execute("INSERT INTO corrections BY NAME SELECT * FROM incoming")
        return con.table(CORRECTIONS.name).to_arrow_table()


def _one_row(con, sql: str, *parameters) -> dict | None:
    found = rows(con, sql, list(parameters))
    return found[0] if found else None


def _text(value) -> str | None:
    return None if value is None else str(value)


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "unknown"


def _correction_id(row: dict, number: int) -> str:
    """A correction's id: a hash of what it decides, on what, by whom and when."""
    key = "|".join(str(row[k]) for k in ("target", "fact_id", "action", "field", "value", "withdraws", "corrected_by", "corrected_at"))
    return "c" + hashlib.sha1(f"{key}|{number}".encode()).hexdigest()[:15]
