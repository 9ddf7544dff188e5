-- Tables the pipeline loads from Parquet. Columns of ../shared/docs/warehouse-contract.md keep their
-- names, types and meaning; the extra columns are provenance (run_id, pipeline_version) and ledger data.
-- `entities` and `event_clusters` are derived from these in entities.sql and incidents.sql.

CREATE TABLE documents (
    doc_id                VARCHAR PRIMARY KEY,  -- sha256 of the normalised text, 16 hex digits
    source_path           VARCHAR,              -- relative to the source folder; '#N' = record N of the file
    title                 VARCHAR,
    publisher             VARCHAR,
    published_date        DATE,
    published_date_basis  VARCHAR,              -- 'stated', 'metadata', 'inferred', 'unknown'
    language              VARCHAR,
    text                  VARCHAR,              -- the cleaned body that every offset points into
    n_words               INTEGER,
    near_duplicate_of     VARCHAR,
    ingested_at           TIMESTAMP,
    -- set by versions.sql: the document that replaced this one when its file changed; its facts leave the fact tables
    superseded_by         VARCHAR,
    run_id                VARCHAR,
    url                   VARCHAR,
    source_format         VARCHAR,              -- 'text', 'html', 'json', 'nitf', 'newsml', 'newsml-g2', 'ninjs', 'iptc7901'
    content_sha256        VARCHAR,              -- hash of the file the document was read from
    pipeline_version      VARCHAR,
    minhash               UBIGINT[],            -- MinHash signature of the text, for near-duplicates
    near_duplicate_similarity DOUBLE,           -- set by near_duplicates.sql: estimated Jaccard similarity to near_duplicate_of
    -- set by versions.sql: the file this document was read from is gone from its folder (the document stays live)
    source_deleted        BOOLEAN DEFAULT false
);

CREATE TABLE quarantine (
    source_path     VARCHAR,
    stage           VARCHAR,   -- 'discover', 'read', 'decode', 'parse', 'validate', 'extract'
    reason          VARCHAR,   -- machine-readable code, see README
    detail          VARCHAR,   -- what went wrong and what to do, for a person
    quarantined_at  TIMESTAMP,
    run_id          VARCHAR,
    fingerprint     VARCHAR,   -- content hash (or size and mtime) so a rerun does not repeat the row
    pipeline_version VARCHAR
);

-- One row per input file a run read: what became of it (the ledger behind incremental loads).
CREATE TABLE source_files (
    source_path     VARCHAR,
    content_sha256  VARCHAR,
    size_bytes      BIGINT,
    format          VARCHAR,
    status          VARCHAR,   -- 'loaded', 'duplicate', 'quarantined', 'partial' (some records quarantined),
                               -- 'deleted' (a run no longer found the file; no content columns)
    doc_ids         VARCHAR[],
    duplicate_of    VARCHAR[], -- doc_ids already in the warehouse that this file repeats
    n_records       INTEGER,
    n_quarantined   INTEGER,
    seen_at         TIMESTAMP,
    run_id          VARCHAR,
    -- The file's modification time when read: a later run that finds the same size and time does not read it again.
    mtime_ns        BIGINT,
    -- How the bytes became text: encoding, the detector's confidence when it was a guess (NULL when a BOM
    -- or valid UTF-8 decided it), and the number of undecodable bytes replaced.
    encoding        VARCHAR,
    encoding_confidence DOUBLE,
    bytes_replaced  INTEGER
);

-- Entities as each document saw them; `entities` merges them across documents (entities.sql).
CREATE TABLE entity_observations (
    entity_id       VARCHAR,
    canonical_name  VARCHAR,
    entity_type     VARCHAR,
    aliases         VARCHAR[],
    latitude        DOUBLE,
    longitude       DOUBLE,
    country_code    VARCHAR,
    geocode_basis   VARCHAR,   -- 'gazetteer', 'centre <city>' (an area), 'within <place>' (a square, a village)
    role            VARCHAR,   -- a person's role as the document states it ('foreign minister')
    name_key        VARCHAR,   -- spelling key that survives transliteration (newsfacts/extract/translit.py)
    doc_id          VARCHAR,
    run_id          VARCHAR,
    pipeline_version VARCHAR
);

CREATE TABLE mentions (
    doc_id          VARCHAR,
    entity_id       VARCHAR,
    surface         VARCHAR,
    start_char      INTEGER,
    end_char        INTEGER,
    sentence_index  INTEGER,
    run_id          VARCHAR,
    pipeline_version VARCHAR
);

CREATE TABLE casualties (
    fact_id         VARCHAR PRIMARY KEY,
    doc_id          VARCHAR,
    kind            VARCHAR,   -- 'killed', 'injured', 'missing', 'displaced'
    count_min       INTEGER,
    count_max       INTEGER,   -- NULL when open-ended ('at least 11')
    precision       VARCHAR,   -- 'exact', 'at_least', 'approximately', 'at_most', 'vague'
    victims         VARCHAR,
    part_of         VARCHAR,
    location        VARCHAR,
    period          VARCHAR,
    reported_by     VARCHAR,
    event_date      DATE,
    start_char      INTEGER,
    end_char        INTEGER,
    reported_by_entity_id VARCHAR,
    reported_by_description VARCHAR,  -- an unnamed source as the text describes it ('a doctor at the hospital')
    run_id          VARCHAR,
    pipeline_version VARCHAR,
    sentence_start  INTEGER,   -- the sentence the figure stands in: the evidence an analyst reads
    sentence_end    INTEGER,
    cluster_id      VARCHAR    -- set by the warehouse build: the incident whose count this figure is part of
);

CREATE TABLE quotes (
    quote_id          VARCHAR PRIMARY KEY,
    doc_id            VARCHAR,
    speaker           VARCHAR,
    speaker_entity_id VARCHAR,
    text              VARCHAR,
    start_char        INTEGER,
    end_char          INTEGER,
    quote_group_id    VARCHAR,
    speaker_description VARCHAR,  -- an unnamed speaker as the text describes it ('the Western official')
    run_id            VARCHAR,
    pipeline_version  VARCHAR
);

CREATE TABLE events (
    event_id              VARCHAR PRIMARY KEY,
    doc_id                VARCHAR,
    event_type            VARCHAR,
    event_date            DATE,
    event_date_precision  VARCHAR,   -- 'day', 'week', 'month', 'unknown'
    location              VARCHAR,
    location_surface      VARCHAR,
    weapons               VARCHAR[],
    targets               VARCHAR[],
    actor                 VARCHAR,
    start_char            INTEGER,
    end_char              INTEGER,
    cluster_id            VARCHAR,   -- set by the warehouse build: the incident this report belongs to
    run_id                VARCHAR,
    pipeline_version      VARCHAR,
    event_weekday         VARCHAR    -- the weekday the text names ('Wednesday'), even when no date resolves it
);

CREATE TABLE runs (
    run_id             VARCHAR PRIMARY KEY,
    flow_run_id        VARCHAR,
    started_at         TIMESTAMP,
    finished_at        TIMESTAMP,
    status             VARCHAR,   -- 'completed'
    files_seen         INTEGER,
    documents_loaded   INTEGER,
    files_quarantined  INTEGER,
    pipeline_version   VARCHAR,
    files_loaded       INTEGER,
    files_duplicate    INTEGER,
    files_unchanged    INTEGER,
    files_deferred     INTEGER,   -- modified in the last seconds (still being written): next run

    records_quarantined INTEGER,
    source_dir         VARCHAR,
    files_deleted      INTEGER    -- loaded by an earlier run, no longer in the folder (source_files status 'deleted')
);
