-- Full-text search over claims (quote + note) and sources (title, author, publisher).
-- Expression indexes: Prisma's schema language cannot declare them, so they live here only
-- (see the note on Claim in schema.prisma). The expressions must match lib/search.ts exactly.
CREATE INDEX "Claim_search_idx" ON "Claim" USING GIN (to_tsvector('english', "quote" || ' ' || "note"));

CREATE INDEX "Source_search_idx" ON "Source" USING GIN (to_tsvector('english', coalesce("title", '') || ' ' || coalesce("suggestedTitle", '') || ' ' || coalesce("author", '') || ' ' || coalesce("publisher", '')));

CREATE INDEX "User_name_lower_idx" ON "User" (lower("name"));
