-- Near-duplicate articles, step 2 of 4: the MinHash signature of each document of documents_to_band (every
-- live document in a build of everything, the added ones in a run's build) cut into bands, added to
-- document_bands, which the database keeps so that a run's build finds a new document's candidates
-- without banding every document again; and the similarity of two signatures. Reads documents_to_band;
-- adds to document_bands. Before it: near_duplicate_pairs.sql (a build of everything) or
-- near_duplicate_pairs_kept.sql (a build that keeps the previous build's pairs); then
-- near_duplicate_pairs_found.sql and near_duplicates.sql.
--
-- Syndicated copies and re-posts with other page furniture: documents whose MinHash signatures share a
-- band are candidates; a candidate pair is kept when the signatures agree on at least the
-- near-duplicate similarity of their values (the estimated Jaccard similarity of their 3-word
-- shingles). The signature's size, its bands and the similarity are set as variables by
-- newsfacts/consolidate/build.py from newsfacts/consolidate/near_duplicates.py, where signatures are made.
CREATE TABLE IF NOT EXISTS document_bands (doc_id VARCHAR, band BIGINT, band_hash UBIGINT);
INSERT INTO document_bands
SELECT d.doc_id, b.band,
       hash(d.minhash[b.band * getvariable('minhash_rows') + 1 : (b.band + 1) * getvariable('minhash_rows')]) AS band_hash
FROM documents_to_band d CROSS JOIN range(getvariable('minhash_bands')) b(band)
WHERE len(d.minhash) = getvariable('minhash_values');

CREATE OR REPLACE TEMP MACRO signature_similarity(a, b) AS
    list_sum(list_transform(range(1, getvariable('minhash_values') + 1),
                            lambda i: (a[i] = b[i])::INTEGER)) / getvariable('minhash_values');
