-- Every search reads the whole GIN pending list (the words of claims written since the last
-- vacuum, kept unsorted up to gin_pending_list_limit, 4 MB by default): after loading 100,000
-- claims, 436 pages, and the index part of a phrase search took 30 ms rather than 3. At 64 kB
-- (the least) a search reads at most 8 pages, and the writer that fills the list merges it into
-- the index, about 250 claims' words at a time.
ALTER INDEX "Claim_search_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Source_search_idx" SET (gin_pending_list_limit = 64);
SELECT gin_clean_pending_list('"Claim_search_idx"'::regclass);
SELECT gin_clean_pending_list('"Source_search_idx"'::regclass);
