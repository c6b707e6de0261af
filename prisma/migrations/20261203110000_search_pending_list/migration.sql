-- Every search reads the whole GIN pending list (the words of claims written since the last
-- vacuum, kept unsorted up to gin_pending_list_limit, 4 MB by default): at 100,000 claims loaded
-- at once, 436 pages and about 20 ms a search. At 64 kB (the least) a search reads a few pages,
-- and the writer that fills the list merges it into the index, a few hundred claims at a time.
ALTER INDEX "Claim_search_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "Source_search_idx" SET (gin_pending_list_limit = 64);
SELECT gin_clean_pending_list('"Claim_search_idx"'::regclass);
SELECT gin_clean_pending_list('"Source_search_idx"'::regclass);
