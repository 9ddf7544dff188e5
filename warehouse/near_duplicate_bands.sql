-- Near-duplicate articles, step 1 of 4: each live document's MinHash signature cut into bands, and the
-- similarity of two signatures. Reads documents (minhash). Then near_duplicate_pairs.sql (a build of
-- everything) or near_duplicate_pairs_kept.sql (a run's build), near_duplicate_pairs_found.sql and
-- near_duplicates.sql.
--
-- Syndicated copies and re-posts with other page furniture: documents whose MinHash signatures share a
-- band are candidates; a candidate pair is kept when the signatures agree on at least the
-- near-duplicate similarity of their values (the estimated Jaccard similarity of their 3-word
-- shingles). The signature's size, its bands and the similarity are set as variables by
-- newsfacts/consolidate/build.py from newsfacts/consolidate/near_duplicates.py, where signatures are made.
CREATE TEMP TABLE document_bands AS
SELECT d.doc_id, b.band,
       hash(d.minhash[b.band * getvariable('minhash_rows') + 1 : (b.band + 1) * getvariable('minhash_rows')]) AS band_hash
FROM documents d CROSS JOIN range(getvariable('minhash_bands')) b(band)
WHERE d.superseded_by IS NULL AND len(d.minhash) = getvariable('minhash_values');

CREATE OR REPLACE TEMP MACRO signature_similarity(a, b) AS
    list_sum(list_transform(range(1, getvariable('minhash_values') + 1),
                            lambda i: (a[i] = b[i])::INTEGER)) / getvariable('minhash_values');
